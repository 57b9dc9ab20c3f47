package fr.portailfamilles.account.config;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import fr.portailfamilles.account.auth.domain.Role;
import fr.portailfamilles.account.auth.domain.UserAccount;
import fr.portailfamilles.account.auth.domain.UserAccountRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Demo logins for the local run (DEMO_DATA=true), created once and kept across restarts. */
@Component
@ConditionalOnBooleanProperty("portail.demo.enabled")
public class DemoData implements ApplicationRunner {

    /** Fixed, so the other services' demo data can refer to the same family. */
    public static final UUID MARTIN_FAMILY = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000001");

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;

    public DemoData(UserAccountRepository accounts, PasswordEncoder passwordEncoder) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        Flux.just(
                        new Demo("agent.demo@portail-familles.fr", "Agent-Demo-2026!", List.of(Role.STAFF), null, "Agent Démo"),
                        new Demo("famille.martin@exemple.fr", "Parent-Demo-2026!", List.of(Role.PARENT), MARTIN_FAMILY, "Claire Martin"))
                .concatMap(this::ensure)
                .blockLast();
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
