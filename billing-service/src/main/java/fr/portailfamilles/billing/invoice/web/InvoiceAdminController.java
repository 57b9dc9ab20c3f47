package fr.portailfamilles.billing.invoice.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.portailfamilles.billing.invoice.application.InvoiceRun;
import fr.portailfamilles.billing.invoice.domain.Invoice;
import fr.portailfamilles.billing.invoice.domain.InvoiceLine;
import fr.portailfamilles.billing.invoice.domain.InvoiceStatus;
import fr.portailfamilles.billing.invoice.domain.InvoiceStore;
import fr.portailfamilles.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import reactor.core.publisher.Mono;

/** Staff read every family's invoices: a filtered list with its totals, and one invoice with its lines. Amounts in euro cents. */
@RestController
public class InvoiceAdminController {

    /** A page of the list: a month of a community's invoices fits; the totals always cover every match. */
    static final int LIST_LIMIT = 500;

    private final InvoiceStore invoices;

    public InvoiceAdminController(InvoiceStore invoices) {
        this.invoices = invoices;
    }

    @Operation(summary = "Invoices, newest first (at most 500), filtered by month (AAAA-MM), status (ISSUED, PAID) and family "
            + "(its id or part of its name), with the count and totals of every match")
    @GetMapping("/api/admin/invoices")
    public Mono<InvoiceList> list(@RequestParam(required = false) String month, @RequestParam(required = false) InvoiceStatus status,
            @Parameter(description = "A family id, or part of the family's name") @RequestParam(required = false) String family) {
        String monthFilter = month == null || month.isBlank() ? null : InvoiceRun.month(month.strip()).toString();
        UUID familyId = null;
        String familyName = null;
        if (family != null && !family.isBlank()) {
            try {
                familyId = UUID.fromString(family.strip());
            }
            catch (IllegalArgumentException notAnId) {
                if (family.strip().length() > 100) {
                    return Mono.error(ProblemException.invalid("family-filter-invalid", "Le nom recherché fait au plus 100 caractères."));
                }
                familyName = family.strip();
            }
        }
        InvoiceStore.Filter filter = new InvoiceStore.Filter(monthFilter, status, familyId, familyName);
        return invoices.search(filter, LIST_LIMIT).map(StaffInvoice::of).collectList()
                .zipWith(invoices.totals(filter))
                .map(found -> new InvoiceList(found.getT1(), found.getT2().count(), found.getT2().totalCents(),
                        found.getT2().paidCents(), found.getT2().unpaidCents(), found.getT2().count() > found.getT1().size()));
    }

    @Operation(summary = "One invoice with its lines, whichever the family")
    @GetMapping("/api/admin/invoices/{id}")
    public Mono<StaffInvoiceDetail> detail(@PathVariable UUID id) {
        return invoices.find(id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Facture")))
                .flatMap(invoice -> invoices.lines(id).collectList()
                        .map(lines -> new StaffInvoiceDetail(StaffInvoice.of(invoice), invoice.familyAddress(), invoice.quotientFamilial(),
                                lines)));
    }

    public record StaffInvoice(UUID id, String number, UUID familyId, String familyName, UUID structureId, String structureName,
            String month, int amountCents, InvoiceStatus status, Instant issuedAt, LocalDate dueDate, Instant paidAt) {

        static StaffInvoice of(Invoice invoice) {
            return new StaffInvoice(invoice.id(), invoice.number(), invoice.familyId(), invoice.familyName(), invoice.structureId(),
                    invoice.structureName(), invoice.month(), invoice.totalCents(), invoice.status(), invoice.issuedAt(),
                    invoice.dueDate(), invoice.paidAt());
        }
    }

    /** {@code truncated}: more invoices match than the list holds (narrow the filters). */
    public record InvoiceList(List<StaffInvoice> invoices, long count, long totalCents, long paidCents, long unpaidCents,
            boolean truncated) {
    }

    public record StaffInvoiceDetail(StaffInvoice invoice, String familyAddress, Integer quotientFamilial, List<InvoiceLine> lines) {
    }
}
