package fr.portailfamilles.document.document.application;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;

/**
 * What a PDF may do when staff open it, found by walking every object of the file (not only the catalogue:
 * an action hides as well in an outline item, an annotation or a form field). Refused, not flagged for
 * staff: a tax notice or an insurance certificate has no reason to run a script, start a program, carry
 * an attachment or an XFA form, and staff open the files in their own browser. Links (URI actions) and
 * "open at page 1" (GoTo) stay allowed: official PDFs use them.
 */
enum ActivePdfContent {

    SCRIPT, LAUNCH, EMBEDDED_FILE, XFA_FORM;

    private static final Set<COSName> SCRIPT_ACTIONS = Set.of(COSName.JAVA_SCRIPT, COSName.getPDFName("SubmitForm"),
            COSName.getPDFName("ImportData"), COSName.getPDFName("RichMediaExecute"));
    private static final Set<COSName> LAUNCH_ACTIONS = Set.of(COSName.getPDFName("Launch"), COSName.getPDFName("GoToR"), COSName.getPDFName("GoToE"));
    private static final COSName JS = COSName.JS;
    private static final COSName XFA = COSName.getPDFName("XFA");
    private static final COSName EMBEDDED_FILES = COSName.EMBEDDED_FILES;
    private static final COSName EMBEDDED_FILE_TYPE = COSName.getPDFName("EmbeddedFile");
    private static final COSName FILE_ATTACHMENT = COSName.getPDFName("FileAttachment");

    /** The first kind of active content in the document, if any; past {@code maxNodes} the file is too complex. */
    static Optional<ActivePdfContent> find(COSDocument document, int maxNodes) {
        Deque<COSBase> pending = new ArrayDeque<>();
        for (COSObjectKey key : document.getXrefTable().keySet()) {
            COSObject object = document.getObjectFromPool(key);
            pending.push(object.getObject() == null ? org.apache.pdfbox.cos.COSNull.NULL : object.getObject());
        }
        int visited = 0;
        while (!pending.isEmpty()) {
            if (++visited > maxNodes) {
                throw ContentProblems.tooComplexPdf();
            }
            COSBase node = pending.pop();
            if (node instanceof COSDictionary dictionary) {
                Optional<ActivePdfContent> found = inspect(dictionary);
                if (found.isPresent()) {
                    return found;
                }
                // Indirect values are walked from the xref table already; only direct ones are nested here.
                for (COSBase value : dictionary.getValues()) {
                    if (!(value instanceof COSObject)) {
                        pending.push(value);
                    }
                }
            }
            else if (node instanceof COSArray array) {
                for (COSBase value : array) {
                    if (!(value instanceof COSObject)) {
                        pending.push(value);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<ActivePdfContent> inspect(COSDictionary dictionary) {
        COSName action = dictionary.getCOSName(COSName.S);
        if (dictionary.containsKey(JS) || action != null && SCRIPT_ACTIONS.contains(action)) {
            return Optional.of(SCRIPT);
        }
        if (action != null && LAUNCH_ACTIONS.contains(action)) {
            return Optional.of(LAUNCH);
        }
        if (dictionary.containsKey(EMBEDDED_FILES) || EMBEDDED_FILE_TYPE.equals(dictionary.getCOSName(COSName.TYPE))
                || FILE_ATTACHMENT.equals(dictionary.getCOSName(COSName.SUBTYPE)) || dictionary.containsKey(COSName.EF)) {
            return Optional.of(EMBEDDED_FILE);
        }
        if (dictionary.containsKey(XFA)) {
            return Optional.of(XFA_FORM);
        }
        return Optional.empty();
    }
}
