package fr.portailfamilles.document.config;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import fr.portailfamilles.document.dossier.application.DossierChecks;
import fr.portailfamilles.platform.outbox.ClusterJobs;
import reactor.core.publisher.Mono;

/**
 * Runs the dossier check every day ({@code portail.documents.check-cron}, 03:15 by default), once per cluster:
 * every instance's scheduler fires, the first to claim the day runs it, the others skip (two runs side by side
 * would announce each expiring document twice, so e-mail the family twice).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "portail.documents.check-enabled", havingValue = "true", matchIfMissing = true)
public class DailyDossierCheck {

    static final String JOB = "daily-dossier-check";

    private final DossierChecks checks;
    private final Clock clock;
    private final ClusterJobs jobs;

    public DailyDossierCheck(DossierChecks checks, Clock clock, ClusterJobs jobs) {
        this.checks = checks;
        this.clock = clock;
        this.jobs = jobs;
    }

    @Scheduled(cron = "${portail.documents.check-cron:0 15 3 * * *}")
    void run() {
        LocalDate today = LocalDate.now(clock);
        jobs.runOnce(JOB, today.toString(), Mono.defer(() -> checks.run(today))).block(Duration.ofMinutes(30));
    }
}
