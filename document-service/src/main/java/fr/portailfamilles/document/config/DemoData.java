package fr.portailfamilles.document.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.stereotype.Component;

import fr.portailfamilles.document.catalogue.domain.Dossier;
import fr.portailfamilles.document.catalogue.domain.DocumentScope;
import fr.portailfamilles.document.catalogue.domain.DocumentType;
import fr.portailfamilles.document.catalogue.domain.DocumentTypeRepository;
import fr.portailfamilles.document.catalogue.domain.SchoolYear;
import fr.portailfamilles.document.document.application.DocumentReviews;
import fr.portailfamilles.document.document.application.DocumentUploads;
import fr.portailfamilles.document.document.application.ReviewDecision;
import fr.portailfamilles.document.document.domain.Document;
import fr.portailfamilles.document.document.domain.DocumentRepository;
import fr.portailfamilles.document.document.domain.DocumentStatus;
import fr.portailfamilles.document.family.domain.FamilyChildRepository;
import jakarta.annotation.PreDestroy;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Local run (DEMO_DATA=true): the Bernard family's NEUTRE and ALSH documents, sent and accepted through
 * the same upload and review code a parent and an agent use, so its dossier is complete and Lina can be
 * booked. The Martin family keeps an incomplete dossier on purpose (guide step 8). With {@code SEED_FAMILIES=N}
 * (the HOL-1 benchmark) the N bench families of account-service get a complete ALSH dossier the same way.
 */
@Component
@ConditionalOnBooleanProperty("portail.demo.enabled")
public class DemoData implements ApplicationRunner {

    /** The same ids as account-service's demo data, which announces the family over Kafka. */
    static final UUID BERNARD_FAMILY = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000002");
    static final UUID LINA_BERNARD = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000021");

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DocumentTypeRepository types;
    private final DocumentRepository documents;
    private final FamilyChildRepository children;
    private final DocumentUploads uploads;
    private final DocumentReviews reviews;
    private final Clock clock;
    private final int seedFamilies;
    private final Map<String, byte[]> pdfs = new ConcurrentHashMap<>();
    private Disposable seeding;
    private Disposable benchSeeding;

    public DemoData(DocumentTypeRepository types, DocumentRepository documents, FamilyChildRepository children,
            DocumentUploads uploads, DocumentReviews reviews, Clock clock,
            @Value("${portail.demo.seed-families:${SEED_FAMILIES:0}}") int seedFamilies) {
        this.types = types;
        this.documents = documents;
        this.children = children;
        this.uploads = uploads;
        this.reviews = reviews;
        this.clock = clock;
        this.seedFamilies = seedFamilies;
    }

    /** account-service's bench family n and its child (fixed ids there): keep both in step. */
    static UUID benchFamily(int n) {
        return UUID.fromString("beec0000-0000-4000-8000-%012d".formatted(n));
    }

    static UUID benchChild(int n) {
        return UUID.fromString("beec0001-0000-4000-8000-%012d".formatted(n));
    }

    @Override
    public void run(ApplicationArguments args) {
        // The family arrives from account-service over Kafka, maybe after this service is up: wait for it in the background.
        seeding = children.findByChildIdAndFamilyId(LINA_BERNARD, BERNARD_FAMILY)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("Bernard family not projected yet")))
                .retryWhen(Retry.fixedDelay(150, Duration.ofSeconds(2)))
                .then(documents.findByFamilyIdOrderBySubmittedAtDesc(BERNARD_FAMILY).hasElements())
                .flatMap(seeded -> seeded ? Mono.<Void>empty() : completeAlshDossier(BERNARD_FAMILY, LINA_BERNARD)
                        .doOnSuccess(done -> log.info("Demo documents accepted: ALSH dossier of the Bernard family complete")))
                .subscribe(done -> { }, error -> log.warn("Demo documents of the Bernard family not created", error));
        if (seedFamilies > 0) {
            seedBenchDossiers();
        }
    }

    /**
     * Each bench family, once projected from FamilyRegistered, gets its ALSH dossier sent and accepted; families that
     * already have documents are skipped (a restart adds nothing). Four at a time: the content check parses each PDF.
     */
    private void seedBenchDossiers() {
        long start = System.nanoTime();
        benchSeeding = Flux.range(1, seedFamilies)
                .flatMap(n -> children.findByChildIdAndFamilyId(benchChild(n), benchFamily(n))
                        .switchIfEmpty(Mono.error(() -> new IllegalStateException("bench family " + n + " not projected yet")))
                        .retryWhen(Retry.fixedDelay(300, Duration.ofSeconds(2)))
                        // Seeded when every mandatory type has a document: a run stopped half-way finishes the family.
                        .then(Mono.zip(documents.findByFamilyIdOrderBySubmittedAtDesc(benchFamily(n)).map(Document::typeCode).distinct().count(),
                                types.findForDossier(Dossier.ALSH).filter(DocumentType::mandatory).count(), (sent, mandatory) -> sent >= mandatory))
                        .flatMap(seeded -> seeded ? Mono.just(0) : completeAlshDossier(benchFamily(n), benchChild(n))
                                // A pool checkout timing out on a busy machine: the whole dossier again (a document sent twice
                                // is only a newer one of its type).
                                .retryWhen(Retry.backoff(3, Duration.ofSeconds(1))).thenReturn(1))
                        .onErrorResume(error -> {
                            log.warn("Bench dossier {} not completed: {}", n, error.toString());
                            return Mono.just(0);
                        }), 4)
                .reduce(0, Integer::sum)
                .subscribe(created -> log.info("Bench dossiers: {} completed, {} asked for, in {} ms", created, seedFamilies,
                                (System.nanoTime() - start) / 1_000_000),
                        error -> log.warn("Bench dossiers not all created", error));
    }

    @PreDestroy
    public void stop() {
        if (seeding != null) {
            seeding.dispose();
        }
        if (benchSeeding != null) {
            benchSeeding.dispose();
        }
    }

    private Mono<Void> completeAlshDossier(UUID familyId, UUID childId) {
        return types.findForDossier(Dossier.ALSH)
                .filter(DocumentType::mandatory)
                .concatMap(type -> uploads.upload(familyId, type.code(), type.scope() == DocumentScope.CHILD ? childId : null,
                                "demo-" + type.code().toLowerCase() + ".pdf",
                                Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(pdfs.computeIfAbsent(type.label(), DemoData::pdf))))
                        .flatMap(sent -> reviews.review(sent.id(), acceptance(type))))
                .then();
    }

    /** Dates that fit each validity rule on the day the demo starts. */
    private ReviewDecision acceptance(DocumentType type) {
        LocalDate today = LocalDate.now(clock);
        SchoolYear schoolYear = SchoolYear.of(today);
        return switch (type.validityRule()) {
            case LATEST_TAX_NOTICE -> new ReviewDecision(DocumentStatus.ACCEPTED, null,
                    LocalDate.of(schoolYear.startYear(), Month.JULY, 31), null);
            case ISSUED_WITHIN_3_MONTHS, COVERS_LAST_12_MONTHS -> new ReviewDecision(DocumentStatus.ACCEPTED, null, today.minusWeeks(2), null);
            case SCHOOL_YEAR -> new ReviewDecision(DocumentStatus.ACCEPTED, null, schoolYear.firstDay(), schoolYear.lastDay());
            case NONE -> new ReviewDecision(DocumentStatus.ACCEPTED, null, null, null);
        };
    }

    private static byte[] pdf(String title) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                text.newLineAtOffset(72, 720);
                text.showText("Document de démonstration – " + title);
                text.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
        catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }
}
