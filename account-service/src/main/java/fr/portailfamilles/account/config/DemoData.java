package fr.portailfamilles.account.config;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import fr.portailfamilles.account.auth.domain.Role;
import fr.portailfamilles.account.auth.domain.UserAccount;
import fr.portailfamilles.account.auth.domain.UserAccountRepository;
import fr.portailfamilles.account.family.application.Families;
import fr.portailfamilles.account.family.application.FamilyEvents;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Demo logins for the local run (DEMO_DATA=true), created once and kept across restarts. */
@Component
@ConditionalOnBooleanProperty("portail.demo.enabled")
public class DemoData implements ApplicationRunner {

    /** Fixed, so the other services' demo data can refer to the same family. */
    public static final UUID MARTIN_FAMILY = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000001");

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    public static final UUID LEO_MARTIN = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000011");
    public static final UUID JADE_MARTIN = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000012");

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Families families;
    private final FamilyEvents familyEvents;
    private final TransactionalOperator transaction;

    public DemoData(UserAccountRepository accounts, PasswordEncoder passwordEncoder, Families families,
            FamilyEvents familyEvents, TransactionalOperator transaction) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.families = families;
        this.familyEvents = familyEvents;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        Flux.just(
                        new Demo("agent.demo@portail-familles.fr", "Agent-Demo-2026!", List.of(Role.STAFF), null, "Agent Démo"),
                        new Demo("famille.martin@exemple.fr", "Parent-Demo-2026!", List.of(Role.PARENT), MARTIN_FAMILY, "Claire Martin"))
                .concatMap(this::ensure)
                .blockLast();
        ensureMartinFamily().block();
    }

    /** The Martin family (Reims, resident) with Léo and Jade, announced once with FamilyRegistered. */
    private Mono<Void> ensureMartinFamily() {
        return families.find(MARTIN_FAMILY).hasElement().flatMap(exists -> exists ? Mono.<Void>empty()
                : accounts.findByEmail("famille.martin@exemple.fr")
                        .flatMap(claire -> families.create(MARTIN_FAMILY, "Martin", "12 rue de Vesle", "51100", "Reims")
                                .then(families.addParent(MARTIN_FAMILY, claire, "Claire", "Martin", "06 12 34 56 78", 0))
                                .then(families.addChild(MARTIN_FAMILY, LEO_MARTIN, "Léo", "Martin", LocalDate.of(2018, 3, 14), "École Jean Macé"))
                                .then(families.addChild(MARTIN_FAMILY, JADE_MARTIN, "Jade", "Martin", LocalDate.of(2021, 6, 2), null))
                                .then(familyEvents.registered(MARTIN_FAMILY))
                                .doOnSuccess(done -> log.info("Demo family created: Martin")))
                        .as(transaction::transactional));
    }

    private Mono<UserAccount> ensure(Demo demo) {
        return accounts.findByEmail(demo.email()).switchIfEmpty(Mono.defer(() -> {
            log.info("Demo login created: {}", demo.email());
            return accounts.save(UserAccount.create(demo.email(), passwordEncoder.encode(demo.password()), demo.roles(),
                    demo.familyId(), demo.displayName()));
        }));
    }

    private record Demo(String email, String password, List<Role> roles, UUID familyId, String displayName) {
    }
}
