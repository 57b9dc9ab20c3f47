package fr.portailfamilles.document.document.web;

import java.util.List;
import java.util.UUID;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.portailfamilles.document.document.application.DocumentReviews;
import fr.portailfamilles.document.document.application.ReviewDecision;
import fr.portailfamilles.document.document.domain.DocumentStatus;
import fr.portailfamilles.document.document.domain.DocumentStorage;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The staff review queue (only STAFF / ADMIN reach /api/admin/**). */
@RestController
@Validated
public class AdminDocumentController {

    private final DocumentReviews reviews;
    private final DocumentStorage storage;

    public AdminDocumentController(DocumentReviews reviews, DocumentStorage storage) {
        this.reviews = reviews;
        this.storage = storage;
    }

    public record Page(List<DocumentView> items, int page, int size, long total) {
    }

    @Operation(summary = "Documents by status, oldest first (PENDING: the review queue)")
    @GetMapping("/api/admin/documents")
    public Mono<Page> queue(@RequestParam(defaultValue = "PENDING") DocumentStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return reviews.queue(status, page, size)
                .map(found -> new Page(found.items().stream().map(DocumentView::of).toList(), found.page(), found.size(),
                        found.total()));
    }

    @Operation(summary = "Preview or download a document")
    @GetMapping("/api/admin/documents/{id}/content")
    public Mono<ResponseEntity<Flux<DataBuffer>>> content(@PathVariable UUID id) {
        return reviews.find(id).map(document -> DocumentContent.of(document, storage));
    }

    @Operation(summary = "Accept (with the document's dates) or reject (with a reason) a pending document")
    @PostMapping("/api/admin/documents/{id}/review")
    public Mono<DocumentView> review(@PathVariable UUID id, @Valid @RequestBody ReviewDecision decision) {
        return reviews.review(id, decision).map(DocumentView::of);
    }
}
