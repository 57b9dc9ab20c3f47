package fr.portailfamilles.account.config;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import fr.portailfamilles.account.auth.domain.Role;
import fr.portailfamilles.account.auth.domain.UserAccount;
import fr.portailfamilles.account.auth.domain.UserAccountRepository;
import reactor.core.publisher.Mono;

/**
 * The first staff login of a fresh deployment, from PORTAIL_ADMIN_EMAIL / PORTAIL_ADMIN_PASSWORD.
 * Created once; changing the variables later changes nothing, so they can be removed after first start.
 */
@Component
public class InitialAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final String email;
    private final String password;

    public InitialAdministrator(UserAccountRepository accounts, PasswordEncoder passwordEncoder,
            @Value("${portail.initial-admin.email}") String email, @Value("${portail.initial-admin.password}") String password) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (email.isBlank()) {
            return;
        }
        if (password.length() < 12) {
            throw new IllegalStateException("PORTAIL_ADMIN_PASSWORD must have at least 12 characters");
        }
        accounts.findByEmail(email)
                .switchIfEmpty(Mono.defer(() -> {
                    log.info("Initial administrator created: {}", email);
                    return accounts.save(UserAccount.create(email, passwordEncoder.encode(password),
                            List.of(Role.ADMIN, Role.STAFF), null, "Administrateur"));
                }))
                .block();
    }
}
