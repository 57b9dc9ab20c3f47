package fr.portailfamilles.account.family.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.portailfamilles.account.auth.domain.AccountStatus;
import fr.portailfamilles.account.auth.domain.UserAccount;
import fr.portailfamilles.account.auth.domain.UserAccountRepository;
import fr.portailfamilles.account.family.application.FamilyForms.ChildForm;
import fr.portailfamilles.account.family.application.FamilyForms.FamilyChanges;
import fr.portailfamilles.account.family.application.FamilyForms.ParentChanges;
import fr.portailfamilles.account.family.application.FamilyForms.Person;
import fr.portailfamilles.account.family.application.FamilyForms.QuotientFamilialForm;
import fr.portailfamilles.account.family.application.FamilyViews.ChildSummary;
import fr.portailfamilles.account.family.application.FamilyViews.ChildView;
import fr.portailfamilles.account.family.application.FamilyViews.ConsentEntry;
import fr.portailfamilles.account.family.application.FamilyViews.FamilySummary;
import fr.portailfamilles.account.family.application.FamilyViews.FamilyExport;
import fr.portailfamilles.account.family.application.FamilyViews.FamilyView;
import fr.portailfamilles.account.family.application.FamilyViews.Page;
import fr.portailfamilles.account.family.application.FamilyViews.ParentView;
import fr.portailfamilles.account.family.application.FamilyViews.QuotientFamilial;
import fr.portailfamilles.account.family.domain.Child;
import fr.portailfamilles.account.family.domain.ChildRepository;
import fr.portailfamilles.account.family.domain.Consent;
import fr.portailfamilles.account.family.domain.ConsentRepository;
import fr.portailfamilles.account.family.domain.Family;
import fr.portailfamilles.account.family.domain.FamilyAudit;
import fr.portailfamilles.account.family.domain.FamilyAuditRepository;
import fr.portailfamilles.account.family.domain.FamilyParent;
import fr.portailfamilles.account.family.domain.FamilyParentRepository;
import fr.portailfamilles.account.family.domain.FamilyRepository;
import fr.portailfamilles.platform.web.ProblemException;
import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Family and child records. Every parent call is scoped by the family of the caller's token; every
 * change publishes the family's new state ({@code FamilyUpdated}) in the same transaction.
 */
@Service
public class Families {

    private static final TypeReference<List<Person>> PEOPLE = new TypeReference<>() {
    };

    private static final String ANONYMOUS = "Anonyme";

    private final FamilyRepository families;
    private final FamilyAuditRepository audits;
    private final FamilyParentRepository parents;
    private final ChildRepository children;
    private final ConsentRepository consents;
    private final UserAccountRepository accounts;
    private final R2dbcEntityTemplate template;
    private final FamilyEvents events;
    private final Residency residency;
    private final JsonMapper jsonMapper;
    private final Clock clock;

    public Families(FamilyRepository families, FamilyAuditRepository audits, FamilyParentRepository parents, ChildRepository children,
            ConsentRepository consents, UserAccountRepository accounts, R2dbcEntityTemplate template,
            FamilyEvents events, Residency residency, JsonMapper jsonMapper, Clock clock) {
        this.families = families;
        this.audits = audits;
        this.parents = parents;
        this.children = children;
        this.consents = consents;
        this.accounts = accounts;
        this.template = template;
        this.events = events;
        this.residency = residency;
        this.jsonMapper = jsonMapper;
        this.clock = clock;
    }

    // ---- creation (account request approval, demo data) ----

    /** A new family with its given id (null: generated). Parents and children are added separately. */
    public Mono<Family> create(UUID id, String name, String address, String postalCode, String town) {
        Family family = Family.create(name, address, postalCode, town);
        return id == null ? families.save(family)
                : template.insert(new Family(id, name, address, postalCode, town, null, null, null, null, null, null, null));
    }

    public Mono<FamilyParent> addParent(UUID familyId, UserAccount login, String firstName, String lastName, String phone, int position) {
        return template.insert(new FamilyParent(login.id(), familyId, firstName, lastName, login.email(), phone, position));
    }

    /** Adds a child with the given id (null: generated). */
    public Mono<Child> addChild(UUID familyId, UUID childId, String firstName, String lastName, java.time.LocalDate birthDate, String school) {
        Child child = Child.create(childId, familyId, firstName, lastName, birthDate, school);
        return childId == null ? children.save(child) : template.insert(child);
    }

    public Mono<Void> recordConsent(UUID familyId, UUID childId, String kind, boolean granted, UUID by) {
        return consents.save(Consent.record(familyId, childId, kind, granted, by)).then();
    }

    public Flux<Child> childrenOf(UUID familyId) {
        return children.findByFamilyIdOrderByBirthDate(familyId);
    }

    public Mono<Family> find(UUID familyId) {
        return families.findById(familyId);
    }

    public Mono<Family> save(Family family) {
        return families.save(family);
    }

    // ---- parent side ----

    public Mono<FamilyView> view(UUID familyId) {
        return families.findById(familyId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Famille")))
                .flatMap(this::toView);
    }

    @Transactional
    public Mono<FamilyView> update(UUID familyId, UUID userId, FamilyChanges changes) {
        Instant now = clock.instant();
        return families.findById(familyId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Famille")))
                .flatMap(family -> families.save(family.withDetails(changes.address().strip(), changes.postalCode(),
                        changes.town().strip(), changes.situation(), changes.cafNumber(), now)))
                .then(parents.findByFamilyIdOrderByPosition(familyId).collectMap(FamilyParent::userId))
                .flatMap(known -> Flux.fromIterable(changes.parents())
                        .concatMap(change -> updateParent(known, change))
                        .then())
                .then(recordChanges(familyId, null, userId, consentMap(changes.consents()), consents.familyHistory(familyId)))
                .then(events.updated(familyId))
                .then(view(familyId));
    }

    private Mono<FamilyParent> updateParent(Map<UUID, FamilyParent> known, ParentChanges change) {
        FamilyParent parent = known.get(change.userId());
        if (parent == null) {
            return Mono.error(ProblemException.notFound("Parent"));
        }
        return parents.save(parent.withContact(change.firstName().strip(), change.lastName().strip(),
                change.email().strip(), change.phone()));
    }

    public Flux<ChildSummary> children(UUID familyId) {
        return children.findByFamilyIdOrderByBirthDate(familyId)
                .map(c -> new ChildSummary(c.id(), c.firstName(), c.lastName(), c.birthDate()));
    }

    public Mono<ChildView> child(UUID familyId, UUID childId) {
        return children.findByIdAndFamilyId(childId, familyId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Enfant")))
                .flatMap(this::toView);
    }

    @Transactional
    public Mono<ChildView> addChild(UUID familyId, UUID userId, ChildForm form) {
        return children.save(applyForm(Child.create(null, familyId, form.firstName(), form.lastName(), form.birthDate(), null), form))
                .flatMap(saved -> afterChildChange(familyId, saved.id(), userId, form));
    }

    @Transactional
    public Mono<ChildView> updateChild(UUID familyId, UUID childId, UUID userId, ChildForm form) {
        return children.findByIdAndFamilyId(childId, familyId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Enfant")))
                .flatMap(child -> children.save(applyForm(child, form)))
                .flatMap(saved -> afterChildChange(familyId, saved.id(), userId, form));
    }

    private Mono<ChildView> afterChildChange(UUID familyId, UUID childId, UUID userId, ChildForm form) {
        return recordChanges(familyId, childId, userId, consentMap(form.authorizations()), consents.childHistory(familyId, childId))
                .then(events.updated(familyId))
                .then(child(familyId, childId));
    }

    private Child applyForm(Child child, ChildForm form) {
        return new Child(child.id(), child.familyId(), form.firstName().strip(), form.lastName().strip(), form.birthDate(),
                form.school(), form.className(), form.healthNotes(), form.allergies(), form.doctorName(), form.doctorPhone(),
                Json.of(jsonMapper.writeValueAsBytes(form.authorizedPickups() == null ? List.of() : form.authorizedPickups())),
                Json.of(jsonMapper.writeValueAsBytes(form.emergencyContacts() == null ? List.of() : form.emergencyContacts())),
                child.createdAt(), child.id() == null ? null : clock.instant());
    }

    /** Appends a row only for answers that differ from the current one: the history shows real changes. */
    private Mono<Void> recordChanges(UUID familyId, UUID childId, UUID userId, Map<String, Boolean> wanted, Flux<Consent> history) {
        return history.collectList().flatMap(rows -> {
            Map<String, Boolean> current = current(rows);
            return Flux.fromIterable(wanted.entrySet())
                    .filter(e -> !Objects.equals(current.get(e.getKey()), e.getValue()))
                    .concatMap(e -> recordConsent(familyId, childId, e.getKey(), e.getValue(), userId))
                    .then();
        });
    }

    private static Map<String, Boolean> consentMap(Map<? extends Enum<?>, Boolean> answers) {
        Map<String, Boolean> map = new LinkedHashMap<>();
        if (answers != null) {
            answers.forEach((kind, granted) -> map.put(kind.name(), granted));
        }
        return map;
    }

    private static Map<String, Boolean> current(List<Consent> history) {
        Map<String, Boolean> current = new LinkedHashMap<>();
        history.forEach(row -> current.put(row.kind(), row.granted()));
        return current;
    }

    private static List<ConsentEntry> entries(List<Consent> history) {
        return history.stream().map(c -> new ConsentEntry(c.kind(), c.granted(), c.recordedBy(), c.recordedAt())).toList();
    }

    // ---- staff side ----

    public Mono<Page<FamilySummary>> search(String query, int page, int size) {
        String q = query == null ? "" : query.strip().toLowerCase(java.util.Locale.ROOT);
        return Mono.zip(families.search(q, size, (long) page * size)
                                .map(f -> new FamilySummary(f.id(), f.name(), f.postalCode(), f.town(),
                                        residency.isResident(f.postalCode()), f.quotientFamilial()))
                                .collectList(),
                        families.countSearch(q))
                .map(t -> new Page<>(t.getT1(), page, size, t.getT2()));
    }

    /** A staff read of a family, recorded in the audit log. */
    public Mono<FamilyView> staffView(UUID familyId, UUID staffId) {
        return view(familyId).flatMap(view -> audits.save(FamilyAudit.of(familyId, staffId, "READ")).thenReturn(view));
    }

    /** A staff read of a child's record (health notes, allergies, who may pick them up), recorded in the audit log. */
    public Mono<ChildView> staffChildView(UUID familyId, UUID childId, UUID staffId) {
        return child(familyId, childId).flatMap(view -> audits.save(FamilyAudit.of(familyId, staffId, "CHILD_READ")).thenReturn(view));
    }

    public Flux<FamilyAudit> audit(UUID familyId) {
        return families.existsById(familyId)
                .flatMapMany(exists -> exists ? audits.findByFamilyIdOrderByAtDesc(familyId)
                        : Flux.error(ProblemException.notFound("Famille")));
    }

    /** Everything the service holds on the caller's family, as one JSON document (right of access). */
    public Mono<FamilyExport> export(UUID familyId) {
        return view(familyId).flatMap(view -> children.findByFamilyIdOrderByBirthDate(familyId)
                .concatMap(this::toView).collectList()
                .map(kids -> new FamilyExport(clock.instant(), view, kids)));
    }

    /**
     * Erasure on request: names, contacts, address, health and people around the child are wiped and
     * logins disabled. What billing must keep for its retention period stays: the family and child
     * ids, postal code and town (residency), quotient familial, birth dates (age-based prices), the
     * consent history (proof, user ids only).
     */
    @Transactional
    public Mono<FamilyView> anonymise(UUID familyId, UUID staffId) {
        Instant now = clock.instant();
        return families.findById(familyId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Famille")))
                .flatMap(family -> families.save(new Family(family.id(), ANONYMOUS, "", family.postalCode(), family.town(),
                        null, null, family.quotientFamilial(), family.qfSource(), family.qfValidUntil(), family.createdAt(), now)))
                .thenMany(parents.findByFamilyIdOrderByPosition(familyId))
                .concatMap(parent -> parents.save(parent.withContact(ANONYMOUS, ANONYMOUS, anonymousEmail(parent.userId()), null)))
                .thenMany(accounts.findByFamilyId(familyId))
                .concatMap(login -> accounts.save(new UserAccount(login.id(), anonymousEmail(login.id()), UserAccount.NO_PASSWORD,
                        login.roles(), login.familyId(), ANONYMOUS, AccountStatus.DISABLED, login.createdAt())))
                .thenMany(children.findByFamilyIdOrderByBirthDate(familyId))
                .concatMap(child -> children.save(new Child(child.id(), familyId, ANONYMOUS, ANONYMOUS, child.birthDate(),
                        null, null, null, null, null, null, Json.of("[]"), Json.of("[]"), child.createdAt(), now)))
                .then(audits.save(FamilyAudit.of(familyId, staffId, "ANONYMISED")))
                .then(events.updated(familyId))
                .then(view(familyId));
    }

    private static String anonymousEmail(UUID userId) {
        return "anonyme-" + userId + "@anonyme.invalid";
    }

    @Transactional
    public Mono<FamilyView> setQuotientFamilial(UUID familyId, UUID staffId, QuotientFamilialForm form) {
        return families.findById(familyId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Famille")))
                .flatMap(family -> families.save(family.withQuotientFamilial(form.value(), form.source(), form.validUntil(),
                        clock.instant())))
                .then(audits.save(FamilyAudit.of(familyId, staffId, "QUOTIENT_FAMILIAL_SET")))
                .then(events.updated(familyId))
                .then(view(familyId));
    }

    // ---- views ----

    private Mono<FamilyView> toView(Family family) {
        Mono<Map<UUID, UserAccount>> logins = accounts.findByFamilyId(family.id())
                .collect(Collectors.toMap(UserAccount::id, Function.identity()));
        return Mono.zip(parents.findByFamilyIdOrderByPosition(family.id()).collectList(), logins,
                        consents.familyHistory(family.id()).collectList(), children(family.id()).collectList())
                .map(t -> {
                    List<ParentView> parentViews = new ArrayList<>();
                    for (FamilyParent p : t.getT1()) {
                        UserAccount login = t.getT2().get(p.userId());
                        parentViews.add(new ParentView(p.userId(), p.firstName(), p.lastName(), p.email(), p.phone(),
                                login == null ? null : login.status().name()));
                    }
                    return new FamilyView(family.id(), family.name(), family.address(), family.postalCode(), family.town(),
                            family.situation(), family.cafNumber(), residency.isResident(family.postalCode()),
                            family.quotientFamilial() == null ? null
                                    : new QuotientFamilial(family.quotientFamilial(), family.qfSource(), family.qfValidUntil()),
                            parentViews, current(t.getT3()), entries(t.getT3()), t.getT4());
                });
    }

    private Mono<ChildView> toView(Child c) {
        return consents.childHistory(c.familyId(), c.id()).collectList()
                .map(history -> new ChildView(c.id(), c.firstName(), c.lastName(), c.birthDate(), c.school(), c.className(),
                        c.healthNotes(), c.allergies(), c.doctorName(), c.doctorPhone(), people(c.authorizedPickups()),
                        people(c.emergencyContacts()), current(history), entries(history)));
    }

    private List<Person> people(Json json) {
        return json == null ? List.of() : jsonMapper.readValue(json.asString(), PEOPLE);
    }
}
