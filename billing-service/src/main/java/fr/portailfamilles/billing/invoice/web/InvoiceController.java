package fr.portailfamilles.billing.invoice.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import fr.portailfamilles.billing.invoice.application.Invoices;
import fr.portailfamilles.billing.invoice.domain.Invoice;
import fr.portailfamilles.billing.invoice.domain.InvoiceLine;
import fr.portailfamilles.billing.invoice.domain.InvoiceStatus;
import fr.portailfamilles.platform.web.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The parent's invoices (guide step 16), always scoped to the token's family. Amounts in euro cents. */
@RestController
public class InvoiceController {

    private final Invoices invoices;

    public InvoiceController(Invoices invoices) {
        this.invoices = invoices;
    }

    @Operation(summary = "The family's invoices, newest first; a question about one goes to the structure until contestUntil")
    @GetMapping("/api/invoices")
    public Flux<InvoiceSummary> list() {
        return CurrentUser.requireFamilyId().flatMapMany(invoices::ofFamily).map(InvoiceSummary::of);
    }

    @Operation(summary = "One invoice of the family with its lines")
    @GetMapping("/api/invoices/{id}")
    public Mono<InvoiceDetail> detail(@PathVariable UUID id) {
        return CurrentUser.requireFamilyId().flatMap(familyId -> invoices.detail(familyId, id))
                .map(detail -> new InvoiceDetail(InvoiceSummary.of(detail.invoice()), detail.invoice().familyName(),
                        detail.invoice().familyAddress(), detail.lines()));
    }

    @Operation(summary = "The invoice as a PDF to download")
    @GetMapping(value = "/api/invoices/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    public Mono<ResponseEntity<byte[]>> pdf(@PathVariable UUID id) {
        return CurrentUser.requireFamilyId()
                .flatMap(familyId -> invoices.pdf(familyId, id))
                .map(pdf -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename("facture-" + pdf.number() + ".pdf").build().toString())
                        .body(pdf.content()));
    }

    public record InvoiceSummary(UUID id, String number, UUID structureId, String structureName, String month, int amountCents,
            InvoiceStatus status, Instant issuedAt, LocalDate dueDate, LocalDate contestUntil, Instant paidAt) {

        static InvoiceSummary of(Invoice invoice) {
            return new InvoiceSummary(invoice.id(), invoice.number(), invoice.structureId(), invoice.structureName(), invoice.month(),
                    invoice.totalCents(), invoice.status(), invoice.issuedAt(), invoice.dueDate(), invoice.contestUntil(), invoice.paidAt());
        }
    }

    public record InvoiceDetail(InvoiceSummary invoice, String familyName, String familyAddress, List<InvoiceLine> lines) {
    }
}
