package io.socaas.tenants.tenantconfig.domain;

import static io.socaas.tenants.tenantconfig.domain.TenantFileTestData.aTenantFile;
import static io.socaas.tenants.tenantconfig.domain.TenantFileTestData.plans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socaas.tenants.tenant.domain.TenantSettings;
import io.socaas.tenants.tenant.domain.TenantSettings.ClientCertificate;
import io.socaas.tenants.tenant.domain.TenantSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code syslog_sources} of tenant files: what is read, what is refused, and claims across tenants. */
class SyslogSourcesParserTest {

    private static final PlanCatalog PLANS = TenantConfigParser.parsePlans(plans("standard"));

    private static final String FINGERPRINT_A = "3a".repeat(32);
    private static final String FINGERPRINT_A_AS_KEYTOOL_PRINTS_IT =
            String.join(":", java.util.Collections.nCopies(32, "3A"));

    @Test
    void readsPortsAndCertificateBindingsWithTheFingerprintNormalized() {
        TenantSpec spec = TenantConfigParser.parseTenant(
                aTenantFile()
                        .with(
                                "syslog_sources",
                                List.of(
                                        Map.of("name", "hq-firewall", "port", 5141, "time_zone", "Europe/Berlin"),
                                        Map.of(
                                                "name",
                                                "edge-router",
                                                "client_certificates",
                                                List.of(
                                                        Map.of(
                                                                "sha256_fingerprint",
                                                                FINGERPRINT_A_AS_KEYTOOL_PRINTS_IT),
                                                        Map.of("subject_dn", "CN=router01.acme.example, O=Acme")))))
                        .build(),
                PLANS);

        assertThat(spec.settings().syslogSources())
                .containsExactly(
                        new TenantSettings.SyslogSource("hq-firewall", 5141, List.of(), "Europe/Berlin"),
                        new TenantSettings.SyslogSource(
                                "edge-router",
                                0,
                                List.of(
                                        new ClientCertificate(FINGERPRINT_A, ""),
                                        new ClientCertificate("", "CN=router01.acme.example, O=Acme"))));
    }

    @Test
    void refusesABadPortFingerprintSubjectAndASourceThatBindsNothingNamingEach() {
        assertThatThrownBy(() -> TenantConfigParser.parseTenant(
                        aTenantFile()
                                .with(
                                        "syslog_sources",
                                        List.of(
                                                Map.of("name", "low", "port", 514),
                                                Map.of("name", "high", "port", 70000),
                                                Map.of(
                                                        "name",
                                                        "short",
                                                        "client_certificates",
                                                        List.of(Map.of("sha256_fingerprint", "abc"))),
                                                Map.of(
                                                        "name",
                                                        "no-dn",
                                                        "client_certificates",
                                                        List.of(Map.of("subject_dn", "just words"))),
                                                Map.of("name", "nothing"),
                                                Map.of("name", "abroad", "port", 5142, "time_zone", "CEST")))
                                .build(),
                        PLANS))
                .isInstanceOf(TenantConfigException.class)
                .hasMessageStartingWith("tenants/acme.yaml: ")
                .hasMessageContaining(
                        "syslog_sources: low: 'port' must be a whole number from 1024 to 65535, not '514'")
                .hasMessageContaining(
                        "syslog_sources: abroad: 'time_zone' must be an IANA time zone such as Europe/Berlin, not 'CEST'")
                .hasMessageContaining("syslog_sources: high: 'port' must be a whole number from 1024 to 65535")
                .hasMessageContaining("syslog_sources: short: 'sha256_fingerprint' must be 64 hex digits")
                .hasMessageContaining("syslog_sources: no-dn: 'subject_dn' must be a distinguished name")
                .hasMessageContaining("syslog_sources: nothing: needs a 'port' or 'client_certificates'");
    }

    @Test
    void aPortOfOneTenantCannotBeGivenToAnotherAndTheErrorNamesBoth() {
        TenantConfigSnapshot snapshot = TenantConfigParser.parse(new RawTenantConfig(
                plans("standard"),
                List.of(
                        aTenantFile()
                                .with("syslog_sources", List.of(Map.of("name", "fw", "port", 5141)))
                                .build(),
                        aTenantFile()
                                .withId("globex")
                                .with("syslog_sources", List.of(Map.of("name", "switch", "port", 5141)))
                                .build()),
                List.of()));

        assertThat(snapshot.tenants()).extracting(t -> t.id().value()).containsExactly("acme");
        assertThat(snapshot.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo("tenants/globex.yaml");
            assertThat(error.reason()).contains("port 5141 is already used by tenant 'acme'");
        });
    }

    @Test
    void aCertificateOfOneTenantCannotBeBoundToAnother() {
        TenantConfigSnapshot snapshot = TenantConfigParser.parse(new RawTenantConfig(
                plans("standard"),
                List.of(
                        aTenantFile()
                                .with("syslog_sources", List.of(certificateSource(FINGERPRINT_A)))
                                .build(),
                        aTenantFile()
                                .withId("globex")
                                .with("syslog_sources", List.of(certificateSource(FINGERPRINT_A_AS_KEYTOOL_PRINTS_IT)))
                                .build()),
                List.of()));

        assertThat(snapshot.errors())
                .singleElement()
                .satisfies(error -> assertThat(error.reason())
                        .contains("certificate fingerprint " + FINGERPRINT_A + " is already used by tenant 'acme'"));
    }

    @Test
    void aSubjectBoundWithoutFingerprintCannotCoverAnotherTenantsCertificate() {
        TenantConfigSnapshot snapshot = TenantConfigParser.parse(new RawTenantConfig(
                plans("standard"),
                List.of(
                        aTenantFile()
                                .with(
                                        "syslog_sources",
                                        List.of(Map.of(
                                                "name",
                                                "router",
                                                "client_certificates",
                                                List.of(Map.of(
                                                        "sha256_fingerprint",
                                                        FINGERPRINT_A,
                                                        "subject_dn",
                                                        "CN=router01,O=Shared")))))
                                .build(),
                        aTenantFile()
                                .withId("globex")
                                .with(
                                        "syslog_sources",
                                        List.of(Map.of(
                                                "name",
                                                "routers",
                                                "client_certificates",
                                                // same DN, other spelling: compared canonically
                                                List.of(Map.of("subject_dn", "cn=Router01, o=shared")))))
                                .build()),
                List.of()));

        assertThat(snapshot.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo("tenants/globex.yaml");
            assertThat(error.reason()).contains("is already named by a certificate of tenant 'acme'");
        });
    }

    private static Map<String, Object> certificateSource(String fingerprint) {
        return Map.of("name", "router", "client_certificates", List.of(Map.of("sha256_fingerprint", fingerprint)));
    }
}
