package fr.portailfamilles.document.document.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code portail.documents.*}: upload caps (file, request, per-family quota), PDF and image limits, where
 * files are stored, how early expiry is announced, and the optional clamd antivirus (off unless
 * {@code clamd.host} is set). The reasons for each value are in application.yml.
 */
@ConfigurationProperties("portail.documents")
public record DocumentProperties(@DefaultValue("10MB") DataSize maxSize, @DefaultValue("11MB") DataSize maxRequestSize,
        @DefaultValue("200MB") DataSize familyQuota, @DefaultValue Pdf pdf, @DefaultValue Image image,
        @DefaultValue("data/documents") String storageDir, @DefaultValue("30") int expiryWarningDays,
        @DefaultValue Clamd clamd) {

    public record Pdf(@DefaultValue("64MB") DataSize maxMemory, @DefaultValue("64MB") DataSize maxInflatedStreamSize,
            @DefaultValue("100000") int maxObjects, @DefaultValue("2") int concurrentChecks) {
    }

    public record Image(@DefaultValue("50000000") long maxPixels) {
    }

    public record Clamd(String host, @DefaultValue("3310") int port, @DefaultValue("10s") Duration timeout) {

        public boolean enabled() {
            return host != null && !host.isBlank();
        }
    }
}
