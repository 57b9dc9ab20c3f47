package fr.portailfamilles.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.nio.file.Path;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The inner shape every service keeps: features first, then roles; {@code domain} knows nothing of
 * {@code web}, {@code messaging} or {@code application}, and {@code application} knows nothing of
 * {@code web}. One call per service's {@code ArchitectureTests}.
 */
public final class ServiceArchitecture {

    private ServiceArchitecture() {
    }

    public static void verify(String basePackage) {
        // Only the module's own classes, without resolving the whole class path: seconds instead of a minute.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(Path.of("target", "classes"));
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..messaging..", "..application..")
                .because("the domain is the core: web, messaging and use cases depend on it, not the reverse")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideInAPackage("..application..")
                .should().dependOnClassesThat().resideInAnyPackage(basePackage + "..web..")
                .because("use cases must not know how they are exposed")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().resideInAnyPackage(basePackage + "..messaging..")
                .because("the HTTP edge and the message edge are independent adapters")
                .allowEmptyShould(true)
                .check(classes);
    }
}
