package io.socaas.ingestion.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.socaas.ingestion", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainPurityTest {

    @ArchTest
    static final ArchRule domainDependsOnNoFramework = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "jakarta..",
                    "io.quarkus..",
                    "io.vertx..",
                    "org.apache.kafka..",
                    "org.hibernate..",
                    "com.fasterxml..",
                    "io.grpc..")
            .because("domain code imports only java.*, its own code, io.socaas.events and Mutiny");
}
