package fr.portailfamilles.account;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

import fr.portailfamilles.account.auth.domain.UserAccountRepository;
import fr.portailfamilles.testsupport.IntegrationTest;

/** The tests that walk account journeys: one application context, and {@link AccountFlows} to drive them. */
@IntegrationTest
abstract class AccountIntegrationTest {

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    AccountFlows flows;

    @BeforeEach
    void buildFlows() {
        flows = new AccountFlows(web, database, accounts, passwordEncoder);
    }
}
