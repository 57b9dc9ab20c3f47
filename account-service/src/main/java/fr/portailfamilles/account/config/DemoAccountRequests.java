package fr.portailfamilles.account.config;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import fr.portailfamilles.account.request.application.AccountRequestForm;
import fr.portailfamilles.account.request.application.AccountRequestForm.Child;
import fr.portailfamilles.account.request.application.AccountRequestForm.Family;
import fr.portailfamilles.account.request.application.AccountRequestForm.Parent;
import fr.portailfamilles.account.request.application.AccountRequests;
import fr.portailfamilles.account.request.domain.AccountRequestRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Account requests waiting for staff in the local run (DEMO_DATA=true), so « Demandes de compte » has a queue
 * right after start: sent through the same code as the public form (and its e-mail), once per address ever, so
 * a request staff decided is not sent again at the next start.
 */
@Component
@ConditionalOnBooleanProperty("portail.demo.enabled")
public class DemoAccountRequests implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccountRequests.class);

    static final List<AccountRequestForm> FORMS = List.of(
            form("Petit", "8 rue Buirette", "famille.petit@exemple.fr", "Camille", "06 11 22 33 44",
                    new Child("Nina", "Petit", LocalDate.of(2019, 4, 11), "École Jean Macé")),
            form("Roux", "27 avenue de Laon", "famille.roux@exemple.fr", "Julien", "06 55 66 77 88",
                    new Child("Tom", "Roux", LocalDate.of(2016, 11, 3), "École Clairmarais")));

    private final AccountRequests requests;
    private final AccountRequestRepository stored;

    public DemoAccountRequests(AccountRequests requests, AccountRequestRepository stored) {
        this.requests = requests;
        this.stored = stored;
    }

    @Override
    public void run(ApplicationArguments args) {
        Flux.fromIterable(FORMS)
                .concatMap(form -> stored.existsByContactEmail(form.contact().email()).flatMap(sent -> sent ? Mono.empty()
                        : requests.submit(form).doOnNext(id -> log.info("Demo account request sent: famille {}", form.family().name()))))
                .blockLast();
    }

    private static AccountRequestForm form(String name, String address, String email, String firstName, String phone, Child child) {
        return new AccountRequestForm(new Family(name, address, "51100", "Reims"),
                List.of(new Parent(firstName, name, email, phone)), List.of(child), "2026-2027", true);
    }
}
