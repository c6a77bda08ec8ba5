package io.socaas.cases.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Domain packages stay framework-free: java.*, their own code, io.socaas.events and Mutiny only. */
@AnalyzeClasses(packages = "io.socaas.cases", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainPurityTest {

    @ArchTest
    static final ArchRule domainDependsOnNoFramework = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "jakarta..",
                    "javax..",
                    "io.quarkus..",
                    "io.vertx..",
                    "org.apache.kafka..",
                    "org.hibernate..",
                    "com.fasterxml..",
                    "io.grpc..",
                    "io.micrometer..",
                    "org.jboss..",
                    "io.socaas.proto..");

    @ArchTest
    static final ArchRule domainDependsOnNoOtherLayer = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..persistence..", "..kafka..", "..rest..", "..grpc..");
}
