package io.socaas.tenants.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Domain packages stay framework-free: plain Java, our own code, io.socaas.events and Mutiny. */
@AnalyzeClasses(packages = "io.socaas.tenants", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainPurityTest {

    @ArchTest
    static final ArchRule domainIsFrameworkFree = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(
                            "jakarta..",
                            "io.quarkus..",
                            "io.vertx..",
                            "org.apache.kafka..",
                            "org.hibernate..",
                            "com.fasterxml..",
                            "io.grpc..",
                            "io.micrometer..",
                            "org.eclipse.microprofile..",
                            "org.jboss..",
                            "com.github.f4b6a3..",
                            "io.socaas.proto..",
                            "org.keycloak..",
                            "org.opensearch..",
                            "io.fabric8..")
                    // the JDK's X.500 names (javax.security.auth.x500) are plain Java: they parse the
                    // subject DNs of syslog sources' certificates; every other javax package stays out
                    .or(JavaClass.Predicates.resideInAPackage("javax..")
                            .and(DescribedPredicate.not(
                                    JavaClass.Predicates.resideInAPackage("javax.security.auth.x500")))));

    @ArchTest
    static final ArchRule domainDependsOnNoOuterLayer = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..persistence..", "..rest..", "..grpc..", "..files..");
}
