package fr.portailfamilles.account.family.web;

import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fr.portailfamilles.account.family.application.Families;
import fr.portailfamilles.account.family.application.FamilyForms.ChildForm;
import fr.portailfamilles.account.family.application.FamilyForms.FamilyChanges;
import fr.portailfamilles.account.family.application.FamilyViews.ChildSummary;
import fr.portailfamilles.account.family.application.FamilyViews.ChildView;
import fr.portailfamilles.account.family.application.FamilyViews.FamilyExport;
import fr.portailfamilles.account.family.application.FamilyViews.FamilyView;
import fr.portailfamilles.platform.web.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The parent's own family and children: always the family of the caller's token, never one given by id. */
@RestController
@RequestMapping("/api/family")
public class FamilyController {

    private final Families families;

    public FamilyController(Families families) {
        this.families = families;
    }

    @Operation(summary = "The caller's family: address, parents, consents (current and history), children")
    @GetMapping
    public Mono<FamilyView> family() {
        return CurrentUser.requireFamilyId().flatMap(families::view);
    }

    @Operation(summary = "« Modifier les informations de la famille »")
    @PutMapping
    public Mono<FamilyView> update(@Valid @RequestBody FamilyChanges changes) {
        return CurrentUser.get().flatMap(user -> CurrentUser.requireFamilyId()
                .flatMap(familyId -> families.update(familyId, user.userId(), changes)));
    }

    @Operation(summary = "Everything held on the caller's family, as JSON (right of access)")
    @GetMapping("/export")
    public Mono<ResponseEntity<FamilyExport>> export() {
        return CurrentUser.requireFamilyId().flatMap(families::export)
                .map(export -> ResponseEntity.ok()
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"portail-familles-donnees.json\"")
                        .body(export));
    }

    @GetMapping("/children")
    public Flux<ChildSummary> children() {
        return CurrentUser.requireFamilyId().flatMapMany(families::children);
    }

    @Operation(summary = "Add a child to the caller's family")
    @PostMapping("/children")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<ChildView> addChild(@Valid @RequestBody ChildForm form) {
        return CurrentUser.get().flatMap(user -> CurrentUser.requireFamilyId()
                .flatMap(familyId -> families.addChild(familyId, user.userId(), form)));
    }

    @Operation(summary = "« Voir la fiche enfant »: 404 for a child of another family")
    @GetMapping("/children/{childId}")
    public Mono<ChildView> child(@PathVariable UUID childId) {
        return CurrentUser.requireFamilyId().flatMap(familyId -> families.child(familyId, childId));
    }

    @Operation(summary = "« Modifier la fiche enfant », authorizations included: 404 for a child of another family")
    @PutMapping("/children/{childId}")
    public Mono<ChildView> updateChild(@PathVariable UUID childId, @Valid @RequestBody ChildForm form) {
        return CurrentUser.get().flatMap(user -> CurrentUser.requireFamilyId()
                .flatMap(familyId -> families.updateChild(familyId, childId, user.userId(), form)));
    }
}
