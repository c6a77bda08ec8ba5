package io.socaas.ingestion.syslog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.events.TenantId;
import io.socaas.ingestion.intake.domain.IngestCredential;
import io.socaas.ingestion.syslog.domain.SourceBindings.Certificate;
import io.socaas.ingestion.syslog.domain.SourceBindings.PresentedCertificate;
import io.socaas.ingestion.syslog.domain.SourceBindings.Source;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceBindingsTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static final String FP_A = "aa".repeat(32);
    private static final String FP_B = "bb".repeat(32);

    @Test
    void aCertificateBindsToTheTenantWhoseBindingItMatchesAndToNoOther() {
        SourceBindings bindings = SourceBindings.of(List.of(
                new Source(ACME, "router", 0, List.of(new Certificate(FP_A, ""))),
                new Source(GLOBEX, "switches", 0, List.of(new Certificate("", "CN=sw01,O=Globex")))));

        assertThat(bindings.certificate(new PresentedCertificate(FP_A, "CN=anything")))
                .contains(new IngestCredential(ACME, "certificate", "router"));
        // the subject compares canonically: case and spaces do not matter
        assertThat(bindings.certificate(new PresentedCertificate(FP_B, "cn=SW01, o=globex")))
                .contains(new IngestCredential(GLOBEX, "certificate", "switches"));
        assertThat(bindings.certificate(new PresentedCertificate(FP_B, "CN=sw02,O=Globex")))
                .isEmpty();
    }

    @Test
    void aSourcesClockZoneGoesWithWhatItsPortAndCertificateBind() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        SourceBindings bindings = SourceBindings.of(List.of(
                new Source(ACME, "fw", 5141, List.of(new Certificate(FP_A, "")), berlin),
                new Source(GLOBEX, "router", 5142, List.of())));

        assertThat(bindings.ports().get(5141).clock()).isEqualTo(berlin);
        assertThat(bindings.certificate(new PresentedCertificate(FP_A, "CN=fw"))
                        .orElseThrow()
                        .clock())
                .isEqualTo(berlin);
        assertThat(bindings.ports().get(5142).clock()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void aBindingWithFingerprintAndSubjectNeedsBoth() {
        SourceBindings bindings = SourceBindings.of(
                List.of(new Source(ACME, "router", 0, List.of(new Certificate(FP_A, "CN=r1,O=Acme")))));

        assertThat(bindings.certificate(new PresentedCertificate(FP_A, "CN=r1,O=Acme")))
                .isPresent();
        assertThat(bindings.certificate(new PresentedCertificate(FP_A, "CN=r2,O=Acme")))
                .isEmpty();
        assertThat(bindings.certificate(new PresentedCertificate(FP_B, "CN=r1,O=Acme")))
                .isEmpty();
    }

    @Test
    void aCertificateTwoTenantsClaimBindsToNeither() {
        SourceBindings bindings = SourceBindings.of(List.of(
                new Source(ACME, "router", 0, List.of(new Certificate(FP_A, ""))),
                new Source(GLOBEX, "routers", 0, List.of(new Certificate("", "CN=r1,O=Shared")))));

        assertThat(bindings.certificate(new PresentedCertificate(FP_A, "CN=r1,O=Shared")))
                .isEmpty();
    }

    @Test
    void aPortTwoTenantsClaimOpensForNeitherAndIsReported() {
        SourceBindings bindings = SourceBindings.of(List.of(
                new Source(ACME, "fw", 5141, List.of()),
                new Source(GLOBEX, "fw", 5141, List.of()),
                new Source(GLOBEX, "switch", 5142, List.of())));

        assertThat(bindings.ports()).containsOnlyKeys(5142);
        assertThat(bindings.conflicts()).singleElement().asString().contains("5141", "acme", "globex");
    }
}
