package fr.portailfamilles.billing.payment.web;

import java.net.URI;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;

import fr.portailfamilles.billing.payment.application.PaymentSimulator;
import fr.portailfamilles.platform.web.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;

/**
 * The built-in payment service of a local run: a tiny page for the parent who started the operation
 * (their token, their family's operation only), one button per PayFiP result code.
 */
@RestController
@ConditionalOnBooleanProperty("portail.billing.payment.simulator")
public class PaymentSimulatorController {

    private final PaymentSimulator simulator;

    public PaymentSimulatorController(PaymentSimulator simulator) {
        this.simulator = simulator;
    }

    @Operation(summary = "Simulated payment page of an operation (local runs only)")
    @GetMapping(value = "/api/payments/simulator/{operationId}", produces = MediaType.TEXT_HTML_VALUE)
    public Mono<String> page(@PathVariable String operationId) {
        return CurrentUser.requireFamilyId().flatMap(familyId -> simulator.operation(familyId, operationId))
                .map(found -> {
                    StringBuilder buttons = new StringBuilder();
                    for (String code : new String[] { "P", "V", "R", "Z", "A" }) {
                        buttons.append("<button type=\"submit\" name=\"result\" value=\"").append(code).append("\">")
                                .append(HtmlUtils.htmlEscape(PaymentSimulator.RESULTS.get(code))).append(" (").append(code)
                                .append(")</button>\n");
                    }
                    int cents = found.payment().amountCents();
                    return """
                            <!doctype html>
                            <html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Paiement en ligne (simulateur)</title></head>
                            <body><main>
                            <h1>Paiement en ligne — simulateur</h1>
                            <p>Facture %s : %d,%02d €. Statut de l'opération : %s.</p>
                            <form method="post" action="/api/payments/simulator/%s">
                            %s</form>
                            </main></body></html>
                            """.formatted(HtmlUtils.htmlEscape(found.invoice().number()), cents / 100, cents % 100,
                            found.payment().status(), HtmlUtils.htmlEscape(operationId), buttons);
                });
    }

    @Operation(summary = "The parent's choice on the simulated page: notifies billing (signed), then back to the portal (303)")
    @PostMapping(value = "/api/payments/simulator/{operationId}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public Mono<ResponseEntity<Void>> decide(@PathVariable String operationId, ServerWebExchange exchange) {
        return exchange.getFormData().map(form -> form.getFirst("result"))
                .defaultIfEmpty("")
                .flatMap(result -> CurrentUser.requireFamilyId()
                        .flatMap(familyId -> simulator.decide(familyId, operationId, result)))
                .map(back -> ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(back)).<Void>build());
    }
}
