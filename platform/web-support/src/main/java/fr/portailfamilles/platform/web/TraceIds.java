package fr.portailfamilles.platform.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.server.ServerWebExchange;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/** The trace id of the current request, as printed in the logs, for problems and responses. */
public class TraceIds {

    private final ObjectProvider<Tracer> tracer;

    public TraceIds(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    public String current(ServerWebExchange exchange) {
        Tracer available = tracer.getIfAvailable();
        Span span = available == null ? null : available.currentSpan();
        String traceId = span == null ? null : span.context().traceId();
        // A no-op tracer (tests, tracing switched off) has a span with an empty id.
        return traceId == null || traceId.isEmpty() ? exchange.getRequest().getId() : traceId;
    }
}
