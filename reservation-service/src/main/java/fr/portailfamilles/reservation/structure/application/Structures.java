package fr.portailfamilles.reservation.structure.application;

import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.portailfamilles.platform.web.ProblemException;
import fr.portailfamilles.reservation.structure.domain.Structure;
import fr.portailfamilles.reservation.structure.domain.StructureRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Service
public class Structures {

    private final StructureRepository structures;

    public Structures(StructureRepository structures) {
        this.structures = structures;
    }

    public Flux<Structure> all() {
        return structures.findAllByKindAndName();
    }

    public Mono<Structure> get(UUID id) {
        return structures.findById(id).switchIfEmpty(Mono.error(() -> ProblemException.notFound("Structure")));
    }

    /** Stores the structure and reads it back, so the answer carries what the database decided (id, date). */
    @Transactional
    public Mono<Structure> create(StructureForm form) {
        return structures.save(Structure.create(form.name().strip(), form.kind(), form.address().strip(),
                        form.town().strip(), form.contactEmail().strip().toLowerCase()))
                .onErrorMap(DuplicateKeyException.class, duplicate -> ProblemException.conflict("structure-exists",
                        "Une structure nommée « " + form.name().strip() + " » existe déjà à " + form.town().strip() + "."))
                .flatMap(saved -> structures.findById(saved.id()));
    }
}
