package fr.portailfamilles.document.document.application;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import fr.portailfamilles.document.catalogue.domain.DocumentScope;
import fr.portailfamilles.document.catalogue.domain.DocumentType;
import fr.portailfamilles.document.catalogue.domain.DocumentTypeRepository;
import fr.portailfamilles.document.document.domain.Document;
import fr.portailfamilles.document.document.domain.DocumentRepository;
import fr.portailfamilles.document.document.domain.DocumentStorage;
import fr.portailfamilles.document.document.domain.StoredObject;
import fr.portailfamilles.document.family.domain.FamilyChildRepository;
import fr.portailfamilles.events.document.DocumentSubmitted;
import fr.portailfamilles.platform.outbox.Outbox;
import fr.portailfamilles.platform.web.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A parent's upload: the bytes are streamed to storage under a random key while counted (cap) and hashed
 * (SHA-256), then checked by content (an image is stored again without its metadata) and against the family's
 * quota; only a file that passes gets a row and a {@link DocumentSubmitted}, in one transaction. Whatever
 * fails, the stored files are deleted: a refusal leaves nothing behind.
 */
@Service
public class DocumentUploads {

    private final DocumentTypeRepository types;
    private final FamilyChildRepository children;
    private final DocumentRepository documents;
    private final DocumentStorage storage;
    private final ContentInspector inspector;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final DocumentProperties properties;
    private final Clock clock;

    public DocumentUploads(DocumentTypeRepository types, FamilyChildRepository children, DocumentRepository documents,
            DocumentStorage storage, ContentInspector inspector, Outbox outbox, TransactionalOperator transactions,
            DocumentProperties properties, Clock clock) {
        this.types = types;
        this.children = children;
        this.documents = documents;
        this.storage = storage;
        this.inspector = inspector;
        this.outbox = outbox;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<Document> upload(UUID familyId, String typeCode, UUID childId, String filename, Flux<DataBuffer> content) {
        return types.findById(typeCode == null ? "" : typeCode)
                .switchIfEmpty(Mono.error(() -> ProblemException.invalid("unknown-document-type",
                        "Ce type de document n'existe pas : choisissez-le dans la liste.")))
                .flatMap(type -> checkChild(type, familyId, childId).thenReturn(type))
                .flatMap(type -> store(familyId, type, childId, Filenames.displayName(filename), content));
    }

    private Mono<Void> checkChild(DocumentType type, UUID familyId, UUID childId) {
        if (type.scope() == DocumentScope.FAMILY) {
            return childId == null ? Mono.empty() : Mono.error(ProblemException.invalid("child-not-expected",
                    "« " + type.label() + " » concerne toute la famille : ne choisissez pas d'enfant."));
        }
        if (childId == null) {
            return Mono.error(ProblemException.invalid("child-required",
                    "« " + type.label() + " » est demandé pour chaque enfant : choisissez l'enfant concerné."));
        }
        return children.findByChildIdAndFamilyId(childId, familyId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Enfant")))
                .then();
    }

    private Mono<Document> store(UUID familyId, DocumentType type, UUID childId, String displayName, Flux<DataBuffer> content) {
        String key = storage.newKey();
        List<String> written = new CopyOnWriteArrayList<>(List.of(key));
        Meter meter = new Meter(properties.maxSize().toBytes());
        return storage.write(key, content.doOnNext(meter::accept))
                // A family over its quota is told so before its file is parsed.
                .then(Mono.defer(() -> checkQuota(familyId, meter.size)))
                .then(Mono.fromCallable(() -> inspector.inspect(key, meter.size, displayName))
                        .subscribeOn(Schedulers.boundedElastic()))
                .flatMap(inspection -> stored(key, meter, inspection, written)
                        .flatMap(object -> register(Document.submitted(familyId, childId, type.code(), displayName, object,
                                inspection.contentType(), clock.instant()), type)))
                .onErrorResume(error -> Flux.fromIterable(written).concatMap(storage::delete).then(Mono.error(error)));
    }

    /** The file as written, or its replacement (an image without metadata) under a new key, the first one deleted. */
    private Mono<StoredObject> stored(String key, Meter meter, ContentInspector.Inspection inspection, List<String> written) {
        if (inspection.replacement() == null) {
            return Mono.just(new StoredObject(key, meter.size, meter.sha256()));
        }
        byte[] bytes = inspection.replacement();
        String cleanKey = storage.newKey();
        written.add(cleanKey);
        return storage.write(cleanKey, Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes)))
                .then(storage.delete(key)).doOnSuccess(done -> written.remove(key))
                .thenReturn(new StoredObject(cleanKey, bytes.length, Meter.sha256(bytes)));
    }

    private Mono<Void> checkQuota(UUID familyId, long size) {
        long quota = properties.familyQuota().toBytes();
        return documents.storedBytes(familyId).flatMap(used -> used + size > quota
                ? Mono.error(ContentProblems.storageQuotaExceeded(quota, used))
                : Mono.empty());
    }

    /** The row and its event in one transaction, the quota checked again under the family's lock. */
    private Mono<Document> register(Document document, DocumentType type) {
        return transactions.transactional(documents.lockFamily(document.familyId())
                .then(checkQuota(document.familyId(), document.sizeBytes()))
                .then(documents.save(document))
                .flatMap(saved -> outbox.append(new DocumentSubmitted(saved.id(), saved.familyId(), saved.childId(),
                        type.code(), type.label(), saved.submittedAt())).thenReturn(saved)));
    }

    /** Counts and hashes the bytes as they stream by; past the cap the upload stops. */
    private static final class Meter {

        private final long max;
        private final MessageDigest digest;
        private long size;

        Meter(long max) {
            this.max = max;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            }
            catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException(ex);
            }
        }

        void accept(DataBuffer buffer) {
            size += buffer.readableByteCount();
            if (size > max) {
                throw ContentProblems.fileTooLarge(max);
            }
            try (var buffers = buffer.readableByteBuffers()) {
                buffers.forEachRemaining(digest::update);
            }
        }

        String sha256() {
            return HexFormat.of().formatHex(digest.digest());
        }

        static String sha256(byte[] bytes) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            }
            catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }
}
