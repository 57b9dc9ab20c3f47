package fr.portailfamilles.billing.payment.application;

import java.util.Map;
import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.web.reactive.function.client.WebClient;

import fr.portailfamilles.billing.invoice.domain.Invoice;
import fr.portailfamilles.billing.invoice.domain.InvoiceStore;
import fr.portailfamilles.billing.payment.domain.Payment;
import fr.portailfamilles.billing.payment.domain.PaymentStatus;
import fr.portailfamilles.billing.payment.domain.PaymentStore;
import fr.portailfamilles.platform.web.ProblemException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays the public payment service on a local run (portail.billing.payment.simulator=true): shows the
 * operation to the parent who started it, and on their choice sends the signed server-to-server
 * notification over HTTP, exactly as the real service would, before sending them back to the portal.
 */
@Service
@ConditionalOnBooleanProperty("portail.billing.payment.simulator")
public class PaymentSimulator {

    public static final Map<String, String> RESULTS = Map.of("P", "Carte payée", "V", "Prélèvement payé", "R", "Refusé",
            "Z", "Refusé (autre motif)", "A", "Abandonné");

    private final PaymentStore payments;
    private final InvoiceStore invoices;
    private final PaymentProperties properties;
    private final JsonMapper json;
    private final WebClient http;
    private final Environment environment;

    public PaymentSimulator(PaymentStore payments, InvoiceStore invoices, PaymentProperties properties, JsonMapper json,
            WebClient.Builder http, Environment environment) {
        this.payments = payments;
        this.invoices = invoices;
        this.properties = properties;
        this.json = json;
        this.http = http.build();
        this.environment = environment;
    }

    public record Operation(Payment payment, Invoice invoice) {
    }

    /** The parent's own operation, or "not found". */
    public Mono<Operation> operation(UUID familyId, String operationId) {
        return payments.findByOperation(familyId, operationId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Opération de paiement")))
                .flatMap(payment -> invoices.find(payment.invoiceId()).map(invoice -> new Operation(payment, invoice)));
    }

    /** Notifies billing of the parent's choice (a pending operation only) and answers where to send the parent back. */
    public Mono<String> decide(UUID familyId, String operationId, String resultCode) {
        if (resultCode == null || !RESULTS.containsKey(resultCode)) {
            return Mono.error(ProblemException.invalid("payment-result-invalid", "Choisissez un résultat : P, V, R, Z ou A."));
        }
        return operation(familyId, operationId).flatMap(found -> {
            String back = properties.returnUrl() + found.payment().id();
            if (found.payment().status() != PaymentStatus.PENDING) {
                return Mono.just(back);
            }
            String body = json.writeValueAsString(new PaymentNotifications.Notification(operationId, resultCode));
            return http.post().uri(notificationUrl())
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(PaymentSignature.HEADER, PaymentSignature.sign(properties.secret(), body))
                    .bodyValue(body)
                    .retrieve().toBodilessEntity()
                    .thenReturn(back);
        });
    }

    /** This very service, on the port it listens to (known once started). */
    private String notificationUrl() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8084"));
        return "http://localhost:" + port + "/api/payments/notifications";
    }
}
