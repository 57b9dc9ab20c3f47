package fr.portailfamilles.document.dossier.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import fr.portailfamilles.document.catalogue.domain.DocumentTypeRepository;
import fr.portailfamilles.document.document.application.DocumentProperties;
import fr.portailfamilles.document.document.domain.Document;
import fr.portailfamilles.document.document.domain.DocumentRepository;
import fr.portailfamilles.events.document.DocumentExpiringSoon;
import fr.portailfamilles.platform.outbox.Outbox;
import reactor.core.publisher.Mono;

/**
 * The daily check: announces documents that stop being valid within {@code expiry-warning-days} (once per
 * document), then recomputes every family's dossiers on that day, so completeness flips back on expiry.
 */
@Service
public class DossierChecks {

    private final DocumentRepository documents;
    private final DocumentTypeRepository types;
    private final DossierCompleteness completeness;
    private final DatabaseClient database;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final DocumentProperties properties;
    private final Clock clock;

    public DossierChecks(DocumentRepository documents, DocumentTypeRepository types, DossierCompleteness completeness,
            DatabaseClient database, Outbox outbox, TransactionalOperator transactions, DocumentProperties properties,
            Clock clock) {
        this.documents = documents;
        this.types = types;
        this.completeness = completeness;
        this.database = database;
        this.outbox = outbox;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** The check as of {@code today}: the scheduler passes the clock's date, tests a fixed one. */
    public Mono<Void> run(LocalDate today) {
        return documents.findExpiringBetween(today, today.plusDays(properties.expiryWarningDays()))
                .concatMap(this::announceExpiry)
                .thenMany(database.sql("SELECT id FROM family UNION SELECT DISTINCT family_id FROM document")
                        .map(row -> row.get("id", UUID.class)).all())
                .concatMap(family -> transactions.transactional(completeness.recompute(family, today)))
                .then();
    }

    private Mono<Void> announceExpiry(Document document) {
        return transactions.transactional(types.findById(document.typeCode())
                .flatMap(type -> documents.save(document.expiryNotified(clock.instant()))
                        .then(outbox.append(new DocumentExpiringSoon(document.id(), document.familyId(), document.childId(),
                                type.code(), type.label(), document.validUntil())))));
    }
}
