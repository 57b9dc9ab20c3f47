package fr.portailfamilles.document.catalogue.domain;

import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Flux;

public interface DocumentTypeRepository extends ReactiveCrudRepository<DocumentType, String> {

    @Query("SELECT * FROM document_type ORDER BY position")
    Flux<DocumentType> findAllInOrder();

    /** The NEUTRE types every family sends, then the given dossier's own. */
    default Flux<DocumentType> findForDossier(Dossier dossier) {
        return findByDossiers(Dossier.NEUTRE.name(), dossier.name());
    }

    @Query("SELECT * FROM document_type WHERE dossier IN (:neutre, :dossier) ORDER BY position")
    Flux<DocumentType> findByDossiers(String neutre, String dossier);
}
