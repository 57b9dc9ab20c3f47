package fr.portailfamilles.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Security stands alone: routing and fallbacks may change without touching who may call what. */
class GatewayArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.portailfamilles.gateway");

    @Test
    void securityDependsOnNoOtherFeature() {
        noClasses().that().resideInAPackage("..gateway.security..")
                .should().dependOnClassesThat().resideInAnyPackage("..gateway.routing..", "..gateway.fallback..",
                        "..gateway.limit..")
                .check(classes);
    }

    @Test
    void featuresDoNotDependOnSecurity() {
        noClasses().that().resideInAnyPackage("..gateway.routing..", "..gateway.fallback..", "..gateway.limit..")
                .should().dependOnClassesThat().resideInAPackage("..gateway.security..")
                .check(classes);
    }
}
