package fr.portailfamilles.platform.web.token;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The cache of verified tokens in front of every JWT decoder ({@link VerifiedTokenCache}).
 *
 * @param maxSize how many tokens it remembers at most (least recently used go first); 0 turns it off
 * @param maxTtl how long a verified token is trusted without checking its signature again, at most 5 min
 */
@Validated
@ConfigurationProperties("portail.security.token-cache")
public record TokenCacheProperties(@Min(0) @Max(1_000_000) long maxSize, @NotNull Duration maxTtl) {

    @AssertTrue(message = "max-ttl must be between 0 and 5 minutes: a withdrawn signing key is trusted that long")
    boolean isMaxTtlBounded() {
        return maxTtl == null || (!maxTtl.isNegative() && maxTtl.compareTo(Duration.ofMinutes(5)) <= 0);
    }
}
