package io.socaas.events.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The event model is shared by every service, so it must not pull any framework in. */
@AnalyzeClasses(packages = "io.socaas.events", importOptions = ImportOption.DoNotIncludeTests.class)
class FrameworkFreeTest {

    @ArchTest
    static final ArchRule eventModelDependsOnNoFramework = noClasses()
            .that()
            .resideInAPackage("io.socaas.events..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "jakarta..", "javax.inject..", "io.quarkus..", "io.vertx..", "org.apache.kafka..", "io.smallrye..")
            .because("io.socaas.events is the framework-free model every service shares");
}
