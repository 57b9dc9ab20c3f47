package fr.portailfamilles.billing.invoice.web;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import fr.portailfamilles.billing.invoice.application.InvoiceRun;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;

/** Staff issue a month's invoices; running it again only invoices what arrived since. */
@RestController
public class InvoiceRunController {

    private final InvoiceRun run;

    public InvoiceRunController(InvoiceRun run) {
        this.run = run;
    }

    @Operation(summary = "Invoice a month (AAAA-MM): one invoice per family and structure for the lines not yet invoiced")
    @PostMapping("/api/admin/invoice-runs")
    public Mono<InvoiceRun.Result> run(@RequestBody RunRequest request) {
        return Mono.fromCallable(() -> InvoiceRun.month(request.month())).flatMap(run::run);
    }

    public record RunRequest(String month) {
    }
}
