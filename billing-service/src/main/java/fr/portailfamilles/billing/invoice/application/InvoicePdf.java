package fr.portailfamilles.billing.invoice.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.stereotype.Component;

import fr.portailfamilles.billing.invoice.domain.Invoice;
import fr.portailfamilles.billing.invoice.domain.InvoiceLine;
import fr.portailfamilles.billing.invoice.domain.InvoiceStatus;

/** The invoice as a one-or-more page A4 PDF (PDFBox, standard Helvetica): structure, family, number, lines, total. */
@Component
public class InvoicePdf {

    private static final Locale FRENCH = Locale.FRANCE;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", FRENCH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", FRENCH);
    private static final float MARGIN = 50;
    private static final float LEADING = 15;

    public byte[] render(Invoice invoice, List<InvoiceLine> lines) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Facture " + invoice.number());
            info.setAuthor(invoice.structureName());
            Writer writer = new Writer(document);
            writer.line(true, 16, "Facture n° " + invoice.number());
            writer.gap();
            writer.line(true, 11, invoice.structureName());
            writer.gap();
            writer.line(false, 10, "Famille " + invoice.familyName());
            if (invoice.familyAddress() != null) {
                writer.line(false, 10, invoice.familyAddress());
            }
            writer.gap();
            writer.line(false, 10, "Période facturée : " + MONTH.format(YearMonth.parse(invoice.month())));
            writer.line(false, 10, "Émise le " + DAY.format(invoice.issuedAt().atZone(Invoice.PARIS).toLocalDate())
                    + " — à régler avant le " + DAY.format(invoice.dueDate()));
            writer.line(false, 10, "Quotient familial retenu : "
                    + (invoice.quotientFamilial() == null ? "non communiqué (tranche la plus haute)" : invoice.quotientFamilial()));
            writer.gap();
            writer.row(true, "Date", "Enfant", "Prestation", "Tarif", "Repas", "Montant");
            for (InvoiceLine line : lines) {
                writer.row(false, DAY.format(line.date()), line.childFirstName(), unit(line.unit()) + (line.lateCancelled() ? " (annulation tardive)" : ""),
                        euros(line.unitPriceCents()), line.meal() ? euros(line.mealPriceCents()) : "", euros(line.amountCents()));
            }
            writer.gap();
            writer.line(true, 12, "Total à payer : " + euros(invoice.totalCents()));
            writer.line(false, 10, invoice.status() == InvoiceStatus.PAID
                    ? "Facture acquittée." : "Paiement en ligne depuis votre espace : « Payer en ligne ».");
            writer.gap();
            writer.line(false, 9, "Une question sur cette facture ? Écrivez à la structure avant le "
                    + DAY.format(invoice.contestUntil()) + " (10 jours après sa mise en ligne).");
            writer.close();
            document.save(out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static String euros(int cents) {
        return "%d,%02d €".formatted(cents / 100, cents % 100);
    }

    static String unit(String unit) {
        return switch (unit) {
            case "JOURNEE_REPAS" -> "Journée avec repas";
            case "JOURNEE" -> "Journée";
            case "MATIN_REPAS" -> "Matin avec repas";
            case "MATIN" -> "Matin";
            case "APRES_MIDI_REPAS" -> "Après-midi avec repas";
            case "APRES_MIDI" -> "Après-midi";
            default -> unit;
        };
    }

    /** Writes lines top-down, opening a new page when the current one is full. */
    private static final class Writer {

        private static final float[] COLUMNS = { 0, 70, 170, 340, 400, 450 };

        private final PDDocument document;
        private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        void line(boolean strong, float size, String text) throws IOException {
            room();
            show(strong ? bold : regular, size, MARGIN, text);
            y -= LEADING + (size > 11 ? 4 : 0);
        }

        void row(boolean strong, String... cells) throws IOException {
            room();
            for (int i = 0; i < cells.length; i++) {
                show(strong ? bold : regular, 9, MARGIN + COLUMNS[i], cells[i]);
            }
            y -= LEADING;
        }

        void gap() {
            y -= LEADING / 2;
        }

        void close() throws IOException {
            content.close();
        }

        private void room() throws IOException {
            if (y < MARGIN + LEADING) {
                content.close();
                newPage();
            }
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        private void show(PDType1Font font, float size, float x, String text) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(printable(font, text));
            content.endText();
        }

        /** Helvetica speaks WinAnsi: a character it cannot encode (a rare letter in a name) is replaced, never fails the PDF. */
        private static String printable(PDType1Font font, String text) {
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(codePoint -> {
                String character = new String(Character.toChars(codePoint));
                try {
                    font.encode(character);
                    out.append(character);
                }
                catch (IOException | IllegalArgumentException ex) {
                    out.append('?');
                }
            });
            return out.toString();
        }
    }
}
