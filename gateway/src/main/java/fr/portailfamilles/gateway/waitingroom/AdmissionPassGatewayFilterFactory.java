package fr.portailfamilles.gateway.waitingroom;

import java.util.Optional;
import java.util.Set;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

import fr.portailfamilles.platform.web.CurrentUser;
import fr.portailfamilles.platform.web.ProblemAuthenticationHandlers;
import fr.portailfamilles.platform.web.ProblemException;
import fr.portailfamilles.platform.web.admission.AdmissionPasses;

/**
 * {@code AdmissionPass} route filter: on the booking routes, a waiting room's admission pass sent in the
 * {@code Admission-Pass} header must be signed with the shared secret, unexpired and the caller's family's, or the
 * call stops here with a 403 problem, before it takes a connection or a bulkhead place downstream. Whether the
 * booked period needs a pass at all, and that the pass is for that period, reservation-service decides (the period is
 * in the body, which the gateway does not read).
 */
@Component
public class AdmissionPassGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    /** Where parents book: one confirmation, and the weekly pattern. */
    static final Set<String> BOOKING_PATHS = Set.of("/api/reservations", "/api/reservations/weekly-pattern");

    private final AdmissionPasses passes;
    private final ProblemAuthenticationHandlers problems;

    public AdmissionPassGatewayFilterFactory(AdmissionPasses passes, ProblemAuthenticationHandlers problems) {
        super(Object.class);
        this.passes = passes;
        this.problems = problems;
    }

    @Override
    public GatewayFilter apply(Object config) {
        return (exchange, chain) -> {
            ServerHttpRequest request = exchange.getRequest();
            String pass = request.getHeaders().getFirst(AdmissionPasses.HEADER);
            if (pass == null || request.getMethod() != HttpMethod.POST || !BOOKING_PATHS.contains(request.getPath().value())) {
                return chain.filter(exchange);
            }
            return CurrentUser.get().map(user -> Optional.ofNullable(user.familyId())).defaultIfEmpty(Optional.empty())
                    .flatMap(familyId -> {
                        try {
                            passes.verify(pass, familyId.orElse(null));
                        }
                        catch (ProblemException refused) {
                            return problems.write(exchange, HttpStatus.FORBIDDEN, type(refused), "Laissez-passer refusé", refused.getMessage());
                        }
                        return chain.filter(exchange);
                    });
        };
    }

    private static String type(ProblemException problem) {
        return problem.toProblemDetail().getType().toString().substring(ProblemException.TYPE_BASE.length());
    }
}
