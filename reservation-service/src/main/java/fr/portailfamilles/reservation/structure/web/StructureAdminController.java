package fr.portailfamilles.reservation.structure.web;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.portailfamilles.reservation.structure.application.StructureForm;
import fr.portailfamilles.reservation.structure.application.Structures;
import fr.portailfamilles.reservation.structure.domain.Structure;
import fr.portailfamilles.reservation.structure.domain.StructureKind;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Staff set up the structures that activities, periods and capacities belong to. */
@RestController
@RequestMapping("/api/admin/structures")
public class StructureAdminController {

    private final Structures structures;

    public StructureAdminController(Structures structures) {
        this.structures = structures;
    }

    @Operation(summary = "Every structure (ALSH, crèche / multi-accueil, périscolaire), by kind then name")
    @GetMapping
    public Flux<StructureView> list() {
        return structures.all().map(StructureView::of);
    }

    @Operation(summary = "One structure")
    @GetMapping("/{id}")
    public Mono<StructureView> get(@PathVariable UUID id) {
        return structures.get(id).map(StructureView::of);
    }

    @Operation(summary = "Declare a structure; 409 when one with the same name exists in the same town")
    @PostMapping
    public Mono<ResponseEntity<StructureView>> create(@Valid @RequestBody StructureForm form) {
        return structures.create(form).map(created -> ResponseEntity
                .created(URI.create("/api/admin/structures/" + created.id()))
                .body(StructureView.of(created)));
    }

    public record StructureView(UUID id, String name, StructureKind kind, String address, String town, String contactEmail,
            Instant createdAt) {

        static StructureView of(Structure structure) {
            return new StructureView(structure.id(), structure.name(), structure.kind(), structure.address(),
                    structure.town(), structure.contactEmail(), structure.createdAt());
        }
    }
}
