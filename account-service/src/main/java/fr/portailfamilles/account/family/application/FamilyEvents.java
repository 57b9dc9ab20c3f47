package fr.portailfamilles.account.family.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import fr.portailfamilles.account.auth.domain.AccountStatus;
import fr.portailfamilles.account.auth.domain.UserAccount;
import fr.portailfamilles.account.auth.domain.UserAccountRepository;
import fr.portailfamilles.account.family.domain.ChildRepository;
import fr.portailfamilles.account.family.domain.Family;
import fr.portailfamilles.account.family.domain.FamilyParentRepository;
import fr.portailfamilles.account.family.domain.FamilyRepository;
import fr.portailfamilles.events.account.ChildProfile;
import fr.portailfamilles.events.account.FamilyRegistered;
import fr.portailfamilles.events.account.FamilyUpdated;
import fr.portailfamilles.events.account.ParentContact;
import fr.portailfamilles.platform.outbox.Outbox;
import reactor.core.publisher.Mono;

/** Publishes a family's whole current state, in the caller's transaction, for the other services' projections. */
@Component
public class FamilyEvents {

    private final FamilyRepository families;
    private final FamilyParentRepository parents;
    private final ChildRepository children;
    private final UserAccountRepository accounts;
    private final Residency residency;
    private final Outbox outbox;
    private final Clock clock;

    public FamilyEvents(FamilyRepository families, FamilyParentRepository parents, ChildRepository children,
            UserAccountRepository accounts, Residency residency, Outbox outbox, Clock clock) {
        this.families = families;
        this.parents = parents;
        this.children = children;
        this.accounts = accounts;
        this.residency = residency;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Mono<Void> registered(UUID familyId) {
        return state(familyId).flatMap(s -> outbox.append(new FamilyRegistered(s.family().id(), s.family().name(),
                s.family().address(), s.family().postalCode(), s.family().town(), s.resident(), s.accountActive(),
                s.qf(), s.parents(), s.children(), clock.instant())));
    }

    public Mono<Void> updated(UUID familyId) {
        return state(familyId).flatMap(s -> outbox.append(new FamilyUpdated(s.family().id(), s.family().name(),
                s.family().address(), s.family().postalCode(), s.family().town(), s.resident(), s.accountActive(),
                s.qf(), s.parents(), s.children(), clock.instant())));
    }

    private Mono<State> state(UUID familyId) {
        Mono<Map<UUID, UserAccount>> logins = accounts.findByFamilyId(familyId)
                .collect(Collectors.toMap(UserAccount::id, Function.identity()));
        return Mono.zip(families.findById(familyId), parents.findByFamilyIdOrderByPosition(familyId).collectList(),
                        children.findByFamilyIdOrderByBirthDate(familyId).collectList(), logins)
                .map(t -> {
                    Family family = t.getT1();
                    List<ParentContact> contacts = t.getT2().stream()
                            .map(p -> new ParentContact(p.userId(), p.email(), p.firstName(), p.lastName())).toList();
                    List<ChildProfile> kids = t.getT3().stream()
                            .map(c -> new ChildProfile(c.id(), c.firstName(), c.lastName(), c.birthDate(), c.school())).toList();
                    boolean active = t.getT4().values().stream().anyMatch(a -> a.status() == AccountStatus.ACTIVE);
                    return new State(family, residency.isResident(family.postalCode()), active,
                            family.quotientFamilialOn(LocalDate.now(clock)), contacts, kids);
                });
    }

    private record State(Family family, boolean resident, boolean accountActive, Integer qf, List<ParentContact> parents,
            List<ChildProfile> children) {
    }
}
