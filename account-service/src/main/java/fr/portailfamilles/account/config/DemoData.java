package fr.portailfamilles.account.config;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import fr.portailfamilles.account.auth.domain.Role;
import fr.portailfamilles.account.auth.domain.UserAccount;
import fr.portailfamilles.account.auth.domain.UserAccountRepository;
import fr.portailfamilles.account.family.application.Families;
import fr.portailfamilles.account.family.application.FamilyEvents;
import jakarta.annotation.PreDestroy;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Demo logins for the local run (DEMO_DATA=true), created once and kept across restarts. With
 * {@code SEED_FAMILIES=N} (the HOL-1 benchmark, bench/README.md) it also creates N resident families
 * "bench-parent-00001@exemple.fr"… with one child each, through the same code and FamilyRegistered event.
 */
@Component
@ConditionalOnBooleanProperty("portail.demo.enabled")
public class DemoData implements ApplicationRunner {

    /** Fixed, so the other services' demo data can refer to the same family. */
    public static final UUID MARTIN_FAMILY = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000001");

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    public static final UUID LEO_MARTIN = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000011");
    public static final UUID JADE_MARTIN = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000012");

    /** The family whose ALSH dossier document-service's demo data completes: the one that can book. */
    public static final UUID BERNARD_FAMILY = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000002");
    public static final UUID LINA_BERNARD = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000021");

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Families families;
    private final FamilyEvents familyEvents;
    private final TransactionalOperator transaction;
    private final int seedFamilies;
    private Disposable benchSeeding;

    /** Demo data only, no bench families. */
    public DemoData(UserAccountRepository accounts, PasswordEncoder passwordEncoder, Families families,
            FamilyEvents familyEvents, TransactionalOperator transaction) {
        this(accounts, passwordEncoder, families, familyEvents, transaction, 0);
    }

    @Autowired
    public DemoData(UserAccountRepository accounts, PasswordEncoder passwordEncoder, Families families,
            FamilyEvents familyEvents, TransactionalOperator transaction,
            @Value("${portail.demo.seed-families:${SEED_FAMILIES:0}}") int seedFamilies) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.families = families;
        this.familyEvents = familyEvents;
        this.transaction = transaction;
        this.seedFamilies = seedFamilies;
    }

    /** The shared password of every bench parent (bench/README.md); a local-run fixture, like the demo logins. */
    public static final String BENCH_PASSWORD = "Bench-Parent-2026!";

    /** Bench family n (1-based): fixed ids, so document-service's seeding and the bench find the same family. */
    public static UUID benchFamily(int n) {
        return UUID.fromString("beec0000-0000-4000-8000-%012d".formatted(n));
    }

    public static UUID benchChild(int n) {
        return UUID.fromString("beec0001-0000-4000-8000-%012d".formatted(n));
    }

    public static String benchEmail(int n) {
        return "bench-parent-%05d@exemple.fr".formatted(n);
    }

    /**
     * N bench families, those missing only (a restart adds nothing). One hash of the shared password for all: N
     * bcrypt hashes would take minutes. It is a bcrypt hash of cost 4, on purpose: the bench logs its 5,000 parents
     * in before the rush (tokens), and at the service's cost that alone would take minutes per stack start; the login
     * rate at the real cost is issue 9's bench, not this one. In the background (the service is up meanwhile), four
     * families at a time, each in its own transaction (account, family, parent, child, outbox event).
     */
    private void seedBenchFamilies() {
        long start = System.nanoTime();
        String hash = new BCryptPasswordEncoder(4).encode(BENCH_PASSWORD);
        benchSeeding = Flux.range(1, seedFamilies)
                .flatMap(n -> benchFamily(n, hash)
                        // A busy machine times out a pool checkout now and then: that family again, a little later.
                        .retryWhen(Retry.backoff(5, Duration.ofSeconds(1)))
                        .onErrorResume(error -> {
                            log.warn("Bench family {} not created: {}", n, error.toString());
                            return Mono.just(0L);
                        }), 4)
                .reduce(0L, Long::sum)
                .subscribe(created -> log.info("Bench families: {} created, {} asked for, in {} ms", created, seedFamilies,
                        (System.nanoTime() - start) / 1_000_000));
    }

    private Mono<Long> benchFamily(int n, String hash) {
        return families.find(benchFamily(n)).hasElement().flatMap(exists -> exists ? Mono.just(0L)
                : accounts.findByEmail(benchEmail(n))
                        .switchIfEmpty(Mono.defer(() -> accounts.save(UserAccount.create(benchEmail(n), hash, List.of(Role.PARENT),
                                benchFamily(n), "Parent Bench " + n))))
                        .flatMap(parent -> families.create(benchFamily(n), "Bench" + n, n + " rue du Banc", "51100", "Reims")
                                .then(families.addParent(benchFamily(n), parent, "Parent", "Bench" + n, "06 00 00 00 00", 0))
                                .then(families.addChild(benchFamily(n), benchChild(n), "Enfant", "Bench" + n,
                                        LocalDate.of(2018, 1, 1).plusDays(n % 365), "École Jean Macé"))
                                .then(familyEvents.registered(benchFamily(n))))
                        .as(transaction::transactional)
                        .thenReturn(1L));
    }

    @PreDestroy
    public void stop() {
        if (benchSeeding != null) {
            benchSeeding.dispose();
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        Flux.just(
                        new Demo("agent.demo@portail-familles.fr", "Agent-Demo-2026!", List.of(Role.STAFF), null, "Agent Démo"),
                        new Demo("famille.martin@exemple.fr", "Parent-Demo-2026!", List.of(Role.PARENT), MARTIN_FAMILY, "Claire Martin"),
                        new Demo("famille.bernard@exemple.fr", "Parent-Demo-2026!", List.of(Role.PARENT), BERNARD_FAMILY, "Sophie Bernard"))
                .concatMap(this::ensure)
                .blockLast();
        Flux.just(
                        new DemoFamily(MARTIN_FAMILY, "Martin", "12 rue de Vesle", "famille.martin@exemple.fr", "Claire", "06 12 34 56 78",
                                List.of(new DemoChild(LEO_MARTIN, "Léo", LocalDate.of(2018, 3, 14), "École Jean Macé"),
                                        new DemoChild(JADE_MARTIN, "Jade", LocalDate.of(2021, 6, 2), null))),
                        new DemoFamily(BERNARD_FAMILY, "Bernard", "3 place d'Erlon", "famille.bernard@exemple.fr", "Sophie", "06 98 76 54 32",
                                List.of(new DemoChild(LINA_BERNARD, "Lina", LocalDate.of(2017, 9, 20), "École Jean Macé"))))
                .concatMap(this::ensureFamily)
                .blockLast();
        if (seedFamilies > 0) {
            seedBenchFamilies();
        }
    }

    /** A resident family of Reims with its children, announced once with FamilyRegistered. */
    private Mono<Void> ensureFamily(DemoFamily family) {
        return families.find(family.id()).hasElement().flatMap(exists -> exists ? Mono.<Void>empty()
                : accounts.findByEmail(family.parentEmail())
                        .flatMap(parent -> families.create(family.id(), family.name(), family.address(), "51100", "Reims")
                                .then(families.addParent(family.id(), parent, family.parentFirstName(), family.name(), family.phone(), 0))
                                .thenMany(Flux.fromIterable(family.children()).concatMap(child -> families.addChild(family.id(),
                                        child.id(), child.firstName(), family.name(), child.birthDate(), child.school())))
                                .then(familyEvents.registered(family.id()))
                                .doOnSuccess(done -> log.info("Demo family created: {}", family.name())))
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

    private record DemoFamily(UUID id, String name, String address, String parentEmail, String parentFirstName, String phone,
            List<DemoChild> children) {
    }

    private record DemoChild(UUID id, String firstName, LocalDate birthDate, String school) {
    }
}
