package fr.portailfamilles.document.catalogue.application;

import org.springframework.stereotype.Service;

import fr.portailfamilles.document.catalogue.domain.DocumentType;
import fr.portailfamilles.document.catalogue.domain.DocumentTypeRepository;
import fr.portailfamilles.document.catalogue.domain.Dossier;
import reactor.core.publisher.Flux;

/** Which documents a dossier asks for. */
@Service
public class DocumentCatalogue {

    private final DocumentTypeRepository types;

    public DocumentCatalogue(DocumentTypeRepository types) {
        this.types = types;
    }

    public Flux<DocumentType> all() {
        return types.findAllInOrder();
    }

    /** NEUTRE plus the dossier's own types; NEUTRE alone when the dossier is NEUTRE. */
    public Flux<DocumentType> typesFor(Dossier dossier) {
        return types.findForDossier(dossier);
    }
}
