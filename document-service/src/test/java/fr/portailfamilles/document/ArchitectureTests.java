package fr.portailfamilles.document;

import org.junit.jupiter.api.Test;

import fr.portailfamilles.testsupport.ServiceArchitecture;

class ArchitectureTests {

    @Test
    void domainStaysFreeOfWebMessagingAndUseCases() {
        ServiceArchitecture.verify("fr.portailfamilles.document");
    }
}
