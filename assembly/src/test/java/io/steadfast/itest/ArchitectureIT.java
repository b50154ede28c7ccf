package io.steadfast.itest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The dependency rules of the architecture (docs/architecture.md), checked on the classes of every bundle as
 * built: services speak the domain, each bundle keeps its internals and its persistence to itself, the exported
 * APIs carry no web, JSON or persistence types. (Runs with the integration tests because this module sees every
 * bundle; it needs no distribution.)
 */
class ArchitectureIT {

    static JavaClasses classes;

    /** Services, domain logic and repositories: the layers that must not speak HTTP. */
    static final String[] BELOW_THE_WEB = {
        "..internal",
        "..internal.service..",
        "..internal.domain..",
        "..internal.engine..",
        "..internal.store..",
        "..internal.types.."
    };

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.steadfast");
    }

    @Test
    void servicesDomainAndRepositoriesNeverSpeakHttp() {
        noClasses()
                .that()
                .resideInAnyPackage(BELOW_THE_WEB)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..internal.rest..", "javax.ws.rs..", "javax.servlet..", "io.steadfast.platform.rest..")
                .because("services take and return domain records; resources parse HTTP and map to DTOs")
                .check(classes);
    }

    @Test
    void domainLogicIsPlainJava() {
        noClasses()
                .that()
                .resideInAnyPackage("..internal.domain..", "..internal.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "javax.persistence..",
                        "org.osgi..",
                        "org.apache.aries..",
                        "..internal.store..",
                        "..internal.service..",
                        "com.fasterxml.jackson..")
                .because("schedules, streaks and scores are plain Java with plain unit tests")
                .check(classes);
    }

    @Test
    void resourcesNeverSeeStoredRows() {
        noClasses()
                .that()
                .resideInAPackage("..internal.rest..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..internal.store..", "javax.persistence..")
                .because("a resource maps domain records to DTOs; rows stay behind the services")
                .check(classes);
    }

    @Test
    void noBundleUsesAnotherBundlesInternals() {
        classes()
                .should(new ArchCondition<JavaClass>("use only their own bundle's internal packages") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        String own = bundleOf(c.getPackageName());
                        for (Dependency d : c.getDirectDependenciesFromSelf()) {
                            String target = d.getTargetClass().getPackageName();
                            if (target.startsWith("io.steadfast.")
                                    && target.contains(".internal")
                                    && !bundleOf(target).equals(own)) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                })
                .check(classes);
    }

    @Test
    void theStorageBundleHoldsNoDomainEntity() {
        noClasses()
                .that()
                .resideInAPackage("io.steadfast.storage..")
                .should()
                .beAnnotatedWith("javax.persistence.Entity")
                .because("each domain bundle owns its entities, repositories and migrations")
                .check(classes);
        classes()
                .that()
                .areAnnotatedWith("javax.persistence.Entity")
                .should()
                .resideInAPackage("..internal.store..")
                .check(classes);
    }

    @Test
    void exportedApisCarryNoWebJsonOrPersistenceTypes() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.steadfast.api..",
                        "io.steadfast.habit.api..",
                        "io.steadfast.streak.api..",
                        "io.steadfast.storage")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "javax.ws.rs..", "javax.servlet..", "com.fasterxml.jackson..", "javax.persistence..")
                .because("the domain API is plain; JSON forms live in dto packages and the web layer in "
                        + "io.steadfast.platform.rest")
                .check(classes);
    }

    /**
     * The OpenAPI document names a DTO's schema by its simple class name: two records of the REST layers with one
     * name but different fields would be one schema there, and one of them described wrongly (the web app's types
     * come from that document). Records of one name must have the same components, or another name.
     */
    @Test
    void restRecordsOfOneNameHaveOneShape() {
        java.util.Map<String, java.util.Map<String, java.util.List<String>>> shapes = new java.util.TreeMap<>();
        for (JavaClass c : classes) {
            if (c.getPackageName().contains(".internal.rest")
                    && c.getRawSuperclass()
                            .map(x -> x.getName().equals("java.lang.Record"))
                            .orElse(false)) {
                String shape = c.getFields().stream()
                        .filter(f -> !f.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC))
                        .map(f -> f.getName() + ":" + f.getRawType().getName())
                        .sorted()
                        .collect(java.util.stream.Collectors.joining(", "));
                shapes.computeIfAbsent(c.getSimpleName(), k -> new java.util.TreeMap<>())
                        .computeIfAbsent(shape, k -> new java.util.ArrayList<>())
                        .add(c.getFullName());
            }
        }
        java.util.List<String> clashes = new java.util.ArrayList<>();
        shapes.forEach((name, byShape) -> {
            if (byShape.size() > 1) {
                clashes.add(name + ": " + byShape);
            }
        });
        org.assertj.core.api.Assertions.assertThat(clashes)
                .as("REST records that share a name but not their fields (rename one)")
                .isEmpty();
    }

    /** The bundle a package belongs to: everything before {@code .internal} (the root package is the BSN). */
    static String bundleOf(String pkg) {
        int i = pkg.indexOf(".internal");
        return i < 0 ? pkg : pkg.substring(0, i);
    }
}
