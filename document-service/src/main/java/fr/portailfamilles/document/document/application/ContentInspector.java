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

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
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
 * content, empty, damaged or password-protected files, and (when clamd is configured) infected ones.
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

    public ContentInspector(DocumentStorage storage, VirusScanner virusScanner) {
        this.storage = storage;
        this.virusScanner = virusScanner;
    }

    /** The real content type of the file stored under {@code key}, or a refusal. */
    public String inspect(String key, long size, String displayName) {
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
        }
        else {
            checkImage(key);
        }
        scan(key);
        return detected;
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
        byte[] bytes;
        try (InputStream in = storage.open(key)) {
            bytes = in.readAllBytes();
        }
        catch (IOException ex) {
            throw new IllegalStateException("Could not read stored file", ex);
        }
        if (!endsWithEofMarker(bytes)) {
            throw malformed();
        }
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            if (pdf.isEncrypted()) {
                throw encrypted();
            }
            if (pdf.getNumberOfPages() == 0) {
                throw malformed();
            }
        }
        catch (InvalidPasswordException ex) {
            throw encrypted();
        }
        catch (IOException ex) {
            throw malformed();
        }
    }

    private void checkImage(String key) {
        try (InputStream in = storage.open(key); ImageInputStream image = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(image);
            if (!readers.hasNext()) {
                throw malformed();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(image);
                if (reader.getWidth(0) <= 0 || reader.getHeight(0) <= 0) {
                    throw malformed();
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
            throw malformed();
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

    private static ProblemException malformed() {
        return ProblemException.invalid("malformed-file",
                "Le fichier est endommagé ou incomplet et ne peut pas être ouvert. Enregistrez-le de nouveau puis réessayez.");
    }

    private static ProblemException encrypted() {
        return ProblemException.invalid("encrypted-pdf",
                "Le PDF est protégé par un mot de passe : envoyez une version sans protection.");
    }
}
