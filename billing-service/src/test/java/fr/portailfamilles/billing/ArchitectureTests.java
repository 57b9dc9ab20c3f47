package fr.portailfamilles.billing;

import org.junit.jupiter.api.Test;

import fr.portailfamilles.testsupport.ServiceArchitecture;

class ArchitectureTests {

    @Test
    void domainStaysFreeOfWebMessagingAndUseCases() {
        ServiceArchitecture.verify("fr.portailfamilles.billing");
    }
}
