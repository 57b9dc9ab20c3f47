package fr.portailfamilles.document.document.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import fr.portailfamilles.document.catalogue.domain.Dossier;
import fr.portailfamilles.document.document.application.ContentProblems;
import fr.portailfamilles.document.document.application.DocumentProperties;
import fr.portailfamilles.document.document.application.DocumentRequirements;
import fr.portailfamilles.document.document.application.DocumentUploads;
import fr.portailfamilles.document.document.domain.DocumentRepository;
import fr.portailfamilles.document.document.domain.DocumentStatus;
import fr.portailfamilles.document.document.domain.DocumentStorage;
import fr.portailfamilles.platform.web.CurrentUser;
import fr.portailfamilles.platform.web.ProblemDetailsAdvice;
import fr.portailfamilles.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** "AJOUTER UN DOCUMENT" and "Mes documents": every query is scoped by the caller's family. */
@RestController
public class DocumentController {

    private final DocumentUploads uploads;
    private final DocumentRequirements requirements;
    private final DocumentRepository documents;
    private final DocumentStorage storage;
    private final DocumentProperties properties;
    private final ProblemDetailsAdvice problems;

    public DocumentController(DocumentUploads uploads, DocumentRequirements requirements, DocumentRepository documents,
            DocumentStorage storage, DocumentProperties properties, ProblemDetailsAdvice problems) {
        this.properties = properties;
        this.problems = problems;
        this.uploads = uploads;
        this.requirements = requirements;
        this.documents = documents;
        this.storage = storage;
    }

    public record Created(UUID id, DocumentStatus status) {
    }

    @Operation(summary = "Send a document (PDF, JPEG or PNG, 10 MB at most, 200 MB per family) for a type, and a child"
            + " for CHILD types; PDFs with scripts, launch actions, attachments or XFA and images over 50 megapixels are"
            + " refused (422), EXIF/XMP metadata is removed from images")
    @PostMapping(path = "/api/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Mono<ResponseEntity<Created>> upload(@RequestPart("type") String type,
            @RequestPart(name = "childId", required = false) String childId, @RequestPart("file") FilePart file) {
        return CurrentUser.requireFamilyId()
                .flatMap(family -> uploads.upload(family, type, child(childId), file.filename(), file.content()))
                .map(document -> ResponseEntity.created(URI.create("/api/documents/" + document.id()))
                        .body(new Created(document.id(), document.status())));
    }

    @Operation(summary = "The family's documents, newest first")
    @GetMapping("/api/documents")
    public Flux<DocumentView> mine() {
        return CurrentUser.requireFamilyId().flatMapMany(requirements::documentsOf).map(DocumentView::of);
    }

    @Operation(summary = "Download one of the family's documents")
    @GetMapping("/api/documents/{id}/content")
    public Mono<ResponseEntity<Flux<DataBuffer>>> content(@PathVariable UUID id) {
        return CurrentUser.requireFamilyId()
                .flatMap(family -> documents.findByIdAndFamilyId(id, family))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Document")))
                .map(document -> DocumentContent.of(document, storage));
    }

    @Operation(summary = "Each document a dossier requires (per child for CHILD types): MISSING, PENDING, ACCEPTED, REJECTED or EXPIRED,"
            + " with the guide's explanation (hint), the accepted formats and the size limit")
    @GetMapping("/api/documents/requirements")
    public Mono<List<RequirementView>> requirements(@RequestParam Dossier dossier) {
        return CurrentUser.requireFamilyId()
                .flatMap(family -> requirements.of(family, dossier))
                .map(lines -> lines.stream().map(line -> RequirementView.of(line, properties)).toList());
    }

    /**
     * The multipart reader stopped a file part at its disk limit (spring.webflux.multipart.max-disk-usage-per-part,
     * the document cap) before the controller ran: the same 413 as a file counted too large while stored.
     */
    @ExceptionHandler(DataBufferLimitException.class)
    public Mono<ResponseEntity<Object>> partTooLarge(DataBufferLimitException ex, ServerWebExchange exchange) {
        return problems.handleProblem(ContentProblems.fileTooLarge(properties.maxSize().toBytes()), exchange);
    }

    private static UUID child(String childId) {
        if (childId == null || childId.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(childId.strip());
        }
        catch (IllegalArgumentException ex) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Introuvable", "Enfant introuvable.");
        }
    }
}
