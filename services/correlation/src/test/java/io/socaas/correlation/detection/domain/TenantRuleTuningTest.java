package io.socaas.correlation.detection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.correlation.rules.domain.DetectionRule;
import io.socaas.correlation.rules.domain.RuleCatalog;
import io.socaas.correlation.rules.domain.RulePack;
import io.socaas.correlation.rules.domain.RuleTuning;
import io.socaas.correlation.rules.domain.TenantProfile;
import io.socaas.correlation.sigma.domain.SigmaLevel;
import io.socaas.correlation.sigma.yaml.LogsourceMappingReader;
import io.socaas.correlation.sigma.yaml.SigmaYamlReader;
import io.socaas.events.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A tenant's severity overrides and exceptions (TenantConfig RuleOverride), applied at detection. */
class TenantRuleTuningTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final DetectionRule WHOAMI =
            new DetectionRule(SigmaYamlReader.read("""
                    title: Whoami
                    id: 97a80ec7-0e2f-4d05-9ef4-65760e634f6b
                    level: high
                    logsource: {category: process_creation, product: windows}
                    detection:
                      selection:
                        Image|endswith: '\\whoami.exe'
                      condition: selection
                    """), RulePack.unnamed("windows-core"), "whoami.yml");

    private static final DetectionRule NET_USER =
            new DetectionRule(SigmaYamlReader.read("""
                    title: Net user
                    id: 11111111-0000-0000-0000-000000000001
                    level: medium
                    logsource: {category: process_creation, product: windows}
                    detection:
                      selection:
                        CommandLine|contains: 'net user'
                      condition: selection
                    """), RulePack.unnamed("windows-core"), "net_user.yml");

    private static RuleTuning.RuleException except(String field, String... values) {
        return new RuleTuning.RuleException(field, List.of(values), "tested");
    }

    private static EventDetection service(Map<String, RuleTuning> acmeTuning) {
        RuleCatalog catalog = RuleCatalog.assemble(
                List.of(
                        new TenantProfile(ACME, true, List.of("windows-core"), Set.of(), Map.of(), acmeTuning),
                        new TenantProfile(GLOBEX, true, List.of("windows-core"))),
                Map.of("windows-core", List.of(WHOAMI, NET_USER)),
                List.of());
        return new EventDetection(() -> catalog, LogsourceMappingReader.shipped(), Clock.systemUTC());
    }

    private static Map<String, Object> sysmon(String user, String image, String commandLine) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map =
                    JSON.readValue("""
                    {"EventID":1,"Channel":"Microsoft-Windows-Sysmon/Operational","Computer":"ws-1",
                     "User":%s,"Image":"%s","CommandLine":"%s"}
                    """.formatted(user, image.replace("\\", "\\\\"), commandLine), Map.class);
            return map;
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void anAlertCarriesTheTenantsSeverityAndTheRuleKeepsItsOwnLevel() {
        EventDetection service =
                service(Map.of(WHOAMI.sigma().id(), new RuleTuning(Optional.of(SigmaLevel.CRITICAL), List.of())));
        Map<String, Object> event = sysmon("\"alice\"", "C:\\Windows\\whoami.exe", "whoami");

        assertThat(service.detect(ACME, "01A", event)).singleElement().satisfies(alert -> {
            assertThat(alert.level()).contains(SigmaLevel.CRITICAL);
            assertThat(alert.rule().sigma().level()).contains(SigmaLevel.HIGH);
        });
        // another tenant running the same pack keeps the rule's level
        assertThat(service.detect(GLOBEX, "01A", event))
                .singleElement()
                .satisfies(alert -> assertThat(alert.level()).contains(SigmaLevel.HIGH));
    }

    @Test
    void anEventMatchingAnExceptionOfTheRuleRaisesNoAlertFromThatRule() {
        EventDetection service = service(Map.of(
                WHOAMI.sigma().id(),
                new RuleTuning(Optional.empty(), List.of(except("User", "svc_backup", "svc_deploy")))));
        // the exception's rule is silenced; the other rule matching the same event still fires
        Map<String, Object> excepted = sysmon("\"SVC_Backup\"", "C:\\Windows\\whoami.exe", "net user x");

        assertThat(service.detect(ACME, "01B", excepted))
                .extracting(a -> a.rule().sigma().id())
                .containsExactly(NET_USER.sigma().id());
        // other values of the field, other tenants: alerts as before
        assertThat(service.detect(ACME, "01C", sysmon("\"alice\"", "C:\\Windows\\whoami.exe", "whoami")))
                .hasSize(1);
        assertThat(service.detect(GLOBEX, "01B", excepted)).hasSize(2);
    }

    @Test
    void exceptionValuesAreWholeValuesNotPatterns() {
        EventDetection service = service(
                Map.of(WHOAMI.sigma().id(), new RuleTuning(Optional.empty(), List.of(except("User", "svc_*")))));

        assertThat(service.detect(ACME, "01D", sysmon("\"svc_backup\"", "C:\\Windows\\whoami.exe", "whoami")))
                .hasSize(1);
        assertThat(service.detect(ACME, "01D", sysmon("\"svc_*\"", "C:\\Windows\\whoami.exe", "whoami")))
                .isEmpty();
    }

    @Test
    void anExceptionOnAListFieldAppliesWhenAnyElementEqualsAndNeverWhenTheFieldIsAbsent() {
        EventDetection service = service(
                Map.of(WHOAMI.sigma().id(), new RuleTuning(Optional.empty(), List.of(except("User", "svc_backup")))));

        assertThat(service.detect(
                        ACME, "01E", sysmon("[\"root\", \"svc_backup\"]", "C:\\Windows\\whoami.exe", "whoami")))
                .isEmpty();
        assertThat(service.detect(ACME, "01E", sysmon("null", "C:\\Windows\\whoami.exe", "whoami")))
                .hasSize(1);
    }

    @Test
    void anExceptionFieldIsReadThroughTheLogsourceFieldMappingAsTheRulesFieldsAre() throws Exception {
        // Security 4688 names the image NewProcessName; the exception names the Sigma field Image
        EventDetection service = service(Map.of(
                WHOAMI.sigma().id(),
                new RuleTuning(Optional.empty(), List.of(except("Image", "c:\\windows\\system32\\whoami.exe")))));
        @SuppressWarnings("unchecked")
        Map<String, Object> security = JSON.readValue("""
                {"Event":{"System":{"EventID":4688,"Channel":"Security","Computer":"dc-2"},
                          "EventData":{"NewProcessName":"C:\\\\Windows\\\\System32\\\\whoami.exe",
                                       "CommandLine":"whoami"}}}
                """, Map.class);

        assertThat(service.detect(ACME, "01F", security)).isEmpty();
        assertThat(service.detect(GLOBEX, "01F", security)).hasSize(1);
    }

    @Test
    void tuningIsAppliedOnTopOfTheSharedCompiledPack() {
        RuleCatalog catalog = RuleCatalog.assemble(
                List.of(
                        new TenantProfile(
                                ACME,
                                true,
                                List.of("windows-core"),
                                Set.of(),
                                Map.of(),
                                Map.of(WHOAMI.sigma().id(), new RuleTuning(Optional.of(SigmaLevel.LOW), List.of()))),
                        new TenantProfile(GLOBEX, true, List.of("windows-core"))),
                Map.of("windows-core", List.of(WHOAMI, NET_USER)),
                List.of());

        assertThat(catalog.rulesFor(ACME).compiledPacks())
                .singleElement()
                .isSameAs(catalog.rulesFor(GLOBEX).compiledPacks().getFirst());
        assertThat(catalog.rulesFor(ACME).rules().getFirst().level()).contains(SigmaLevel.LOW);
        assertThat(catalog.rulesFor(GLOBEX).rules().getFirst()).isSameAs(WHOAMI);
    }

    @Test
    void anOverrideOfARuleNoneOfTheTenantsPacksHasIsReported() {
        RuleCatalog catalog = RuleCatalog.assemble(
                List.of(new TenantProfile(
                        ACME,
                        true,
                        List.of("windows-core"),
                        Set.of("22222222-0000-0000-0000-00000000000a"),
                        Map.of(),
                        Map.of(
                                "22222222-0000-0000-0000-00000000000b",
                                new RuleTuning(Optional.of(SigmaLevel.LOW), List.of()),
                                WHOAMI.sigma().id(),
                                new RuleTuning(Optional.of(SigmaLevel.LOW), List.of())))),
                Map.of("windows-core", List.of(WHOAMI, NET_USER)),
                List.of());

        assertThat(catalog.failures())
                .extracting(f -> f.location())
                .containsExactly(
                        "tenant acme rule 22222222-0000-0000-0000-00000000000a",
                        "tenant acme rule 22222222-0000-0000-0000-00000000000b");
        assertThat(catalog.failures()).allSatisfy(f -> assertThat(f.reason()).contains("no effect"));
        assertThat(catalog.rulesFor(ACME).size()).isEqualTo(2);
    }
}
