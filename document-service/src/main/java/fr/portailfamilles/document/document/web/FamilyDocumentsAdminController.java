package fr.portailfamilles.document.document.web;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.portailfamilles.document.document.application.DocumentReviews;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Flux;

/**
 * One family's documents for staff. A query parameter on /api/admin/documents rather than a path under
 * /api/admin/families/**, which the gateway sends to account-service.
 */
@RestController
public class FamilyDocumentsAdminController {

    private final DocumentReviews reviews;

    public FamilyDocumentsAdminController(DocumentReviews reviews) {
        this.reviews = reviews;
    }

    @Operation(summary = "Every document of one family, newest first, whatever its status")
    @GetMapping(path = "/api/admin/documents", params = "familyId")
    public Flux<DocumentView> ofFamily(@RequestParam UUID familyId) {
        return reviews.ofFamily(familyId).map(DocumentView::of);
    }
}
