package fr.portailfamilles.gateway.limit;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * How large a request body may be at the gateway ({@link RequestSizeFilter}).
 *
 * @param max the limit of every request not listed in {@code larger}
 * @param larger paths (any method) allowed a larger body, first match wins
 */
@Validated
@ConfigurationProperties("portail.gateway.request-size")
public record RequestSizeProperties(@NotNull DataSize max, @DefaultValue List<@Valid @NotNull Larger> larger) {

    /** @param path a path pattern, as in the routes' Path predicates */
    public record Larger(@NotNull String path, @NotNull DataSize max) {
    }
}
