package fr.portailfamilles.document.document.application;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import fr.portailfamilles.document.document.domain.DocumentStorage;
import fr.portailfamilles.platform.web.ProblemException;

/**
 * Decides what a stored file really is from its bytes (Tika's magic numbers, never the name or the
 * declared type), and refuses what staff could not open: other formats, a name that lies about the
 * content, empty, damaged or password-protected files, PDFs with active content or too costly to open,
 * images announcing too many pixels, and (when clamd is configured) infected ones.
 * Blocking: run it off the event loop.
 */
@Component
public class ContentInspector {

    public static final String PDF = "application/pdf";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";

    /** The accepted formats as parents read them, in the order the page lists them. */
    public static final List<String> FORMAT_NAMES = List.of("PDF", "JPEG", "PNG");

    private static final Map<String, String> EXTENSIONS = Map.of("pdf", PDF, "jpg", JPEG, "jpeg", JPEG, "png", PNG);
    private static final Map<String, String> NAMES = Map.of(PDF, "PDF", JPEG, "JPEG", PNG, "PNG");
    private static final Set<String> ACCEPTED = Set.of(PDF, JPEG, PNG);
    private static final byte[] PDF_END = "%%EOF".getBytes(StandardCharsets.US_ASCII);

    private final MimeTypes mimeTypes = TikaConfig.getDefaultConfig().getMimeRepository();
    private final DocumentStorage storage;
    private final VirusScanner virusScanner;
    private final PdfInspection pdf;
    private final long maxPixels;

    public ContentInspector(DocumentStorage storage, VirusScanner virusScanner, DocumentProperties properties) {
        this.storage = storage;
        this.virusScanner = virusScanner;
        this.pdf = new PdfInspection(properties.pdf());
        this.maxPixels = properties.image().maxPixels();
    }

    /**
     * What the checks found: the real content type, and for an image with metadata the bytes to store
     * instead (see {@link ImageMetadata}), else null.
     */
    public record Inspection(String contentType, byte[] replacement) {
    }

    /** The real content type of the file stored under {@code key} (and what to store instead), or a refusal. */
    public Inspection inspect(String key, long size, String displayName) {
        if (size == 0) {
            throw ProblemException.invalid("empty-file", "Le fichier est vide : choisissez le document à envoyer.");
        }
        String detected = detect(key);
        if (!ACCEPTED.contains(detected)) {
            throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-file-type", "Format non accepté",
                    "Seuls les fichiers PDF, JPEG et PNG sont acceptés.").with("detectedType", detected);
        }
        String extension = Filenames.extension(displayName);
        if (!extension.isEmpty() && !detected.equals(EXTENSIONS.get(extension))) {
            throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "content-does-not-match-name", "Format non accepté",
                    "Le contenu du fichier (" + NAMES.get(detected) + ") ne correspond pas à son extension « ." + extension
                            + " ».").with("detectedType", detected);
        }
        if (PDF.equals(detected)) {
            checkPdf(key);
            scan(key);
            return new Inspection(detected, null);
        }
        checkImage(key);
        scan(key);
        return new Inspection(detected, stripped(key, detected));
    }

    private String detect(String key) {
        try (InputStream in = TikaInputStream.get(storage.open(key))) {
            return mimeTypes.detect(in, new Metadata()).getBaseType().toString();
        }
        catch (IOException ex) {
            throw new IllegalStateException("Could not read stored file", ex);
        }
    }

    private void checkPdf(String key) {
        byte[] bytes = readAll(key);
        if (!endsWithEofMarker(bytes)) {
            throw ContentProblems.malformed();
        }
        pdf.check(bytes);
    }

    /** Width and height from the header only (nothing decoded), then the pixel cap: no decompression bomb. */
    private void checkImage(String key) {
        try (InputStream in = storage.open(key); ImageInputStream image = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(image);
            if (!readers.hasNext()) {
                throw ContentProblems.malformed();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(image, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw ContentProblems.malformed();
                }
                if (width * height > maxPixels) {
                    throw ContentProblems.imageTooLarge(width, height, maxPixels);
                }
            }
            finally {
                reader.dispose();
            }
        }
        catch (IOException | RuntimeException ex) {
            if (ex instanceof ProblemException problem) {
                throw problem;
            }
            throw ContentProblems.malformed();
        }
    }

    /** The image without its metadata, or null when there was none to remove. */
    private byte[] stripped(String key, String contentType) {
        byte[] original = readAll(key);
        byte[] stripped = ImageMetadata.strip(original, contentType);
        return java.util.Arrays.equals(original, stripped) ? null : stripped;
    }

    private byte[] readAll(String key) {
        try (InputStream in = storage.open(key)) {
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new IllegalStateException("Could not read stored file", ex);
        }
    }

    private void scan(String key) {
        String virus;
        try (InputStream in = storage.open(key)) {
            virus = virusScanner.scan(in);
        }
        catch (IOException ex) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "antivirus-unavailable", "Service indisponible",
                    "Le fichier n'a pas pu être vérifié par l'antivirus. Réessayez dans quelques minutes.");
        }
        if (virus != null) {
            throw ProblemException.invalid("infected-file", "Le fichier contient un virus et a été refusé.");
        }
    }

    /** A complete PDF ends with %%EOF (within its last kilobyte); a cut-off upload does not. */
    private static boolean endsWithEofMarker(byte[] bytes) {
        int from = Math.max(0, bytes.length - 1024);
        outer:
        for (int i = bytes.length - PDF_END.length; i >= from; i--) {
            for (int j = 0; j < PDF_END.length; j++) {
                if (bytes[i + j] != PDF_END[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
