package fr.portailfamilles.account.family.web;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.portailfamilles.account.family.application.Families;
import fr.portailfamilles.account.family.application.FamilyForms.QuotientFamilialForm;
import fr.portailfamilles.account.family.application.FamilyViews.ChildView;
import fr.portailfamilles.account.family.application.FamilyViews.FamilySummary;
import fr.portailfamilles.account.family.application.FamilyViews.FamilyView;
import fr.portailfamilles.account.family.application.FamilyViews.Page;
import fr.portailfamilles.account.family.domain.FamilyAudit;
import fr.portailfamilles.platform.web.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Staff view of families, and the quotient familial they set. */
@RestController
@RequestMapping("/api/admin/families")
public class AdminFamilyController {

    private final Families families;

    public AdminFamilyController(Families families) {
        this.families = families;
    }

    @Operation(summary = "Search by family name, town, postal code or a parent's e-mail")
    @GetMapping
    public Mono<Page<FamilySummary>> search(@RequestParam(defaultValue = "") @Size(max = 100) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return families.search(q, page, size);
    }

    @Operation(summary = "A family as its parents see it; the read is recorded in the audit log")
    @GetMapping("/{familyId}")
    public Mono<FamilyView> family(@PathVariable UUID familyId) {
        return CurrentUser.get().flatMap(staff -> families.staffView(familyId, staff.userId()));
    }

    @Operation(summary = "A child's full record (health notes, allergies, authorized pick-ups); the read is recorded in the audit log")
    @GetMapping("/{familyId}/children/{childId}")
    public Mono<ChildView> child(@PathVariable UUID familyId, @PathVariable UUID childId) {
        return CurrentUser.get().flatMap(staff -> families.staffChildView(familyId, childId, staff.userId()));
    }

    @Operation(summary = "Staff reads and changes of the family, newest first")
    @GetMapping("/{familyId}/audit")
    public Flux<FamilyAudit> audit(@PathVariable UUID familyId) {
        return families.audit(familyId);
    }

    @Operation(summary = "ADMIN only: erase the family's personal data on request, keeping what billing retention needs; logins are disabled")
    @PostMapping("/{familyId}/anonymisation")
    public Mono<FamilyView> anonymise(@PathVariable UUID familyId) {
        return CurrentUser.requireAdmin().flatMap(admin -> families.anonymise(familyId, admin.userId()));
    }

    @Operation(summary = "Set the quotient familial with its source (CAF, MSA, AVIS_IMPOSITION, MANUEL) and validity")
    @PutMapping("/{familyId}/quotient-familial")
    public Mono<FamilyView> setQuotientFamilial(@PathVariable UUID familyId, @Valid @RequestBody QuotientFamilialForm form) {
        return CurrentUser.get().flatMap(staff -> families.setQuotientFamilial(familyId, staff.userId(), form));
    }
}
