package io.socaas.correlation.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Domain packages stay framework-free: no CDI, Quarkus, Vert.x, Kafka, Hibernate, Jackson, gRPC. */
@AnalyzeClasses(packages = "io.socaas.correlation", importOptions = ImportOption.DoNotIncludeTests.class)
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
                    "io.grpc..",
                    "io.micrometer..",
                    "io.smallrye.reactive..",
                    "io.smallrye.config..",
                    "org.jboss..",
                    "io.socaas.proto..");
}
