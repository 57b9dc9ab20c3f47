package fr.portailfamilles.billing.invoice.application;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import fr.portailfamilles.billing.invoice.domain.Invoice;
import fr.portailfamilles.billing.invoice.domain.InvoiceLine;
import fr.portailfamilles.billing.invoice.domain.InvoiceStore;
import fr.portailfamilles.platform.web.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** A family's invoices: another family's invoice is "not found", never shown. */
@Service
public class Invoices {

    private final InvoiceStore store;
    private final InvoicePdf pdf;

    public Invoices(InvoiceStore store, InvoicePdf pdf) {
        this.store = store;
        this.pdf = pdf;
    }

    public record Detail(Invoice invoice, List<InvoiceLine> lines) {
    }

    public Flux<Invoice> ofFamily(UUID familyId) {
        return store.ofFamily(familyId);
    }

    public Mono<Invoice> find(UUID familyId, UUID invoiceId) {
        return store.find(familyId, invoiceId).switchIfEmpty(Mono.error(() -> ProblemException.notFound("Facture")));
    }

    public Mono<Detail> detail(UUID familyId, UUID invoiceId) {
        return find(familyId, invoiceId).flatMap(invoice -> store.lines(invoice.id()).collectList()
                .map(lines -> new Detail(invoice, lines)));
    }

    public record Pdf(String number, byte[] content) {
    }

    /** Rendered off the event loop: a long invoice takes a few milliseconds of CPU. */
    public Mono<Pdf> pdf(UUID familyId, UUID invoiceId) {
        return detail(familyId, invoiceId).publishOn(Schedulers.boundedElastic())
                .map(detail -> new Pdf(detail.invoice().number(), pdf.render(detail.invoice(), detail.lines())));
    }
}
