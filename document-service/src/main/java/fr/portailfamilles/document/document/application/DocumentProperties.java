package fr.portailfamilles.document.document.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code portail.documents.*}: upload cap, where files are stored, how early expiry is announced, and the
 * optional clamd antivirus (off unless {@code clamd.host} is set).
 */
@ConfigurationProperties("portail.documents")
public record DocumentProperties(@DefaultValue("10MB") DataSize maxSize, @DefaultValue("data/documents") String storageDir,
        @DefaultValue("30") int expiryWarningDays, @DefaultValue Clamd clamd) {

    public record Clamd(String host, @DefaultValue("3310") int port, @DefaultValue("10s") Duration timeout) {

        public boolean enabled() {
            return host != null && !host.isBlank();
        }
    }
}
