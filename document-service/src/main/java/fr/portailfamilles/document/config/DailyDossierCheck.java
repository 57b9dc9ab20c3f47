package fr.portailfamilles.document.config;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import fr.portailfamilles.document.dossier.application.DossierChecks;

/** Runs the dossier check every day ({@code portail.documents.check-cron}, 03:15 by default). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "portail.documents.check-enabled", havingValue = "true", matchIfMissing = true)
public class DailyDossierCheck {

    private final DossierChecks checks;
    private final Clock clock;

    public DailyDossierCheck(DossierChecks checks, Clock clock) {
        this.checks = checks;
        this.clock = clock;
    }

    @Scheduled(cron = "${portail.documents.check-cron:0 15 3 * * *}")
    void run() {
        checks.run(LocalDate.now(clock)).block(Duration.ofMinutes(30));
    }
}
