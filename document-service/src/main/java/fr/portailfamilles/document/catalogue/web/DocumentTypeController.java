package fr.portailfamilles.document.catalogue.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.portailfamilles.document.catalogue.application.DocumentCatalogue;
import fr.portailfamilles.document.catalogue.domain.Dossier;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Flux;

/** The types a parent picks from after "AJOUTER UN DOCUMENT". */
@RestController
public class DocumentTypeController {

    private final DocumentCatalogue catalogue;

    public DocumentTypeController(DocumentCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Operation(summary = "Document types of a dossier: the NEUTRE ones every family sends, then the dossier's own")
    @GetMapping("/api/documents/types")
    public Flux<DocumentTypeView> types(@RequestParam Dossier dossier) {
        return catalogue.typesFor(dossier).map(DocumentTypeView::of);
    }

    @Operation(summary = "The whole catalogue, for staff")
    @GetMapping("/api/admin/document-types")
    public Flux<DocumentTypeView> catalogue() {
        return catalogue.all().map(DocumentTypeView::of);
    }
}
