package fr.portailfamilles.document.document.application;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.portailfamilles.platform.web.ProblemException;

/**
 * Opens a PDF as staff would, with bounds: each compressed stream inflated under a cap before PDFBox may
 * decode it into the heap, PDFBox's scratch memory capped, a limited number of checks at a time, and any
 * failure at all (a PDFBox runtime exception, a stack or heap exhausted by a crafted file) a 422, never
 * a 500 nor a request left hanging. Then refuses active content ({@link ActivePdfContent}).
 */
class PdfInspection {

    private static final Logger log = LoggerFactory.getLogger(PdfInspection.class);

    private static final byte[] STREAM = "stream".getBytes(StandardCharsets.US_ASCII);

    private final DocumentProperties.Pdf limits;
    private final Semaphore checks;

    PdfInspection(DocumentProperties.Pdf limits) {
        this.limits = limits;
        this.checks = new Semaphore(limits.concurrentChecks(), true);
    }

    void check(byte[] bytes) {
        try {
            checks.acquire();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to check a PDF", ex);
        }
        try {
            checkInflatedSizes(bytes);
            load(bytes);
        }
        finally {
            checks.release();
        }
    }

    private void load(byte[] bytes) {
        try (PDDocument pdf = Loader.loadPDF(bytes, "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(limits.maxMemory().toBytes()).streamCache)) {
            if (pdf.isEncrypted()) {
                throw ContentProblems.encryptedPdf();
            }
            if (pdf.getNumberOfPages() <= 0) {
                throw ContentProblems.malformed();
            }
            ActivePdfContent.find(pdf.getDocument(), limits.maxObjects()).ifPresent(found -> {
                throw ContentProblems.activePdfContent(found);
            });
        }
        catch (InvalidPasswordException ex) {
            throw ContentProblems.encryptedPdf();
        }
        catch (ProblemException ex) {
            throw ex;
        }
        // Whatever PDFBox throws on a crafted file, a ClassCastException or a StackOverflowError included: the
        // file is refused. An OutOfMemoryError here is one huge allocation failing; its buffer is already
        // unreachable, so the service carries on.
        catch (Exception | StackOverflowError | OutOfMemoryError ex) {
            log.info("PDF refused as malformed: {}", ex.toString());
            throw ContentProblems.malformed();
        }
    }

    /**
     * PDFBox decodes an object stream (and an xref stream) whole into the heap, outside the scratch memory
     * limit, and while loading already: one compressed megabyte can unfold into gigabytes. So before PDFBox
     * sees the file, every Flate stream in it is inflated here, counting and keeping nothing, and the file
     * is refused when one goes past the cap. Streams that are not Flate (JPEG images...) fail at their first
     * bytes and cost nothing.
     */
    private void checkInflatedSizes(byte[] pdf) {
        long max = limits.maxInflatedStreamSize().toBytes();
        for (int at = indexOf(pdf, STREAM, 0); at >= 0; at = indexOf(pdf, STREAM, at + STREAM.length)) {
            if (at >= 3 && pdf[at - 3] == 'e' && pdf[at - 2] == 'n' && pdf[at - 1] == 'd') {
                continue;
            }
            int data = at + STREAM.length;
            if (data < pdf.length && pdf[data] == '\r') {
                data++;
            }
            if (data < pdf.length && pdf[data] == '\n') {
                data++;
            }
            if (inflatedSize(pdf, data, false, max) > max || inflatedSize(pdf, data, true, max) > max) {
                throw ContentProblems.tooComplexPdf();
            }
        }
    }

    /** Bytes the data from {@code offset} inflates to, up to just past {@code max}; 0 when it is not deflate data. */
    private static long inflatedSize(byte[] pdf, int offset, boolean raw, long max) {
        Inflater inflater = new Inflater(raw);
        try {
            inflater.setInput(pdf, offset, pdf.length - offset);
            byte[] out = new byte[64 * 1024];
            long total = 0;
            while (!inflater.finished() && total <= max) {
                int inflated = inflater.inflate(out);
                if (inflated == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                total += inflated;
            }
            return total;
        }
        catch (DataFormatException ex) {
            return 0;
        }
        finally {
            inflater.end();
        }
    }

    private static int indexOf(byte[] bytes, byte[] word, int from) {
        outer:
        for (int i = from; i <= bytes.length - word.length; i++) {
            for (int j = 0; j < word.length; j++) {
                if (bytes[i + j] != word[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
