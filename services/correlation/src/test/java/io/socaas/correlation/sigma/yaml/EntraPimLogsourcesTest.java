package io.socaas.correlation.sigma.yaml;

import static io.socaas.correlation.sigma.yaml.IngestedEvents.assumeCorpus;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.firedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.id;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingestedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.logsources;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.rules;
import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.detection.domain.EventAdmission;
import io.socaas.correlation.sigma.domain.Logsource;
import io.socaas.events.ocsf.OcsfNormalizer;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Privileged Identity Management's alert incidents for Microsoft Entra roles, as Microsoft Graph
 * returns them and ingestion normalizes them (event-model's {@link OcsfNormalizer}, then {@link
 * EventAdmission}), are {@code azure}/{@code pim} events under the shipped mapping, and each of
 * SigmaHQ's seven azure/pim rules fires on the incident of its alert and on no other. The incidents
 * follow Microsoft Graph's PIM alerts article (the too-many-global-administrators incident) and the
 * incident types' documented properties. Entra ID Protection's risk detections, whose
 * {@code riskEventType} is a field of their own, are not PIM's. Without the corpus
 * ({@code SOCAAS_CORPUS}) the tests are skipped.
 */
class EntraPimLogsourcesTest {

    private static final Logsource PIM = new Logsource("azure", null, "pim");
    private static final String DIR = "rules/cloud/azure/privileged_identity_management/";

    /** An alert incident of the given type (`@odata.type` without `#microsoft.graph.`). */
    private static String incident(String type) {
        return """
                {"@odata.type": "#microsoft.graph.%s", "id": "6dd82b18-d45f-4346-bf87-e9700db41849",
                 "assigneeId": "6dd82b18-d45f-4346-bf87-e9700db41849", "assigneeDisplayName": "Nestor Wilke",
                 "assigneeUserPrincipalName": "NestorW@Contoso.com", "roleDefinitionId": "62e90394-69f5-4237-9190-012177145e10",
                 "roleDisplayName": "Global Administrator", "roleTemplateId": "62e90394-69f5-4237-9190-012177145e10"}""".formatted(type);
    }

    /** Each rule and the incident type of its alert. */
    private static final Map<String, String> RULES_AND_INCIDENTS = Map.of(
            "azure_pim_role_no_mfa_required.yml", "noMfaOnRoleActivationAlertIncident",
            "azure_pim_too_many_global_admins.yml", "tooManyGlobalAdminsAssignedToTenantAlertIncident",
            "azure_pim_account_stale.yml", "staleSignInAlertIncident",
            "azure_pim_role_assigned_outside_of_pim.yml",
                    "rolesAssignedOutsidePrivilegedIdentityManagementAlertIncident",
            "azure_pim_role_frequent_activation.yml", "sequentialActivationRenewalsAlertIncident",
            "azure_pim_invalid_license.yml", "invalidLicenseAlertIncident",
            "azure_pim_role_not_used.yml", "redundantAssignmentAlertIncident");

    @Test
    void alertIncidentsArePimEventsAndRiskDetectionsAreNot() {
        assumeCorpus();
        for (String type : RULES_AND_INCIDENTS.values()) {
            Map<String, Object> event = ingestedJson(incident(type));
            assertThat(logsources(event)).as(type).contains(PIM);
            assertThat(logsources(event).stream().map(Logsource::service).filter(s -> s != null))
                    .as(type)
                    .containsOnly("pim");
        }
        // an Identity Protection risk detection (Graph's riskDetections) has a riskEventType, but is no PIM alert
        String riskDetection = """
                {"id": "6a3b1c2d", "requestId": "9f8e7d6c", "correlationId": "5b4a3c2d", "riskType": "unfamiliarFeatures",
                 "riskEventType": "unfamiliarFeatures", "riskState": "atRisk", "riskLevel": "medium", "riskDetail": "none",
                 "source": "IdentityProtection", "detectionTimingType": "realtime", "activity": "signin",
                 "ipAddress": "203.0.113.9", "activityDateTime": "2026-03-01T09:10:00Z", "detectedDateTime": "2026-03-01T09:10:00Z",
                 "userId": "b1c2", "userDisplayName": "Alice", "userPrincipalName": "alice@contoso.com"}""";
        assertThat(logsources(ingestedJson(riskDetection))).doesNotContain(PIM);
        // an alert's configuration is not an incident
        assertThat(logsources(ingestedJson("""
                        {"@odata.type": "#microsoft.graph.staleSignInAlertConfiguration",
                         "id": "DirectoryRole_3b0e753b-22fa-4c16-9bf2-470b80be80d6_StaleSignInAlert",
                         "scopeType": "DirectoryRole", "scopeId": "/", "isEnabled": true, "duration": "P30D"}"""))).doesNotContain(PIM);
    }

    @Test
    void eachPimRuleFiresOnTheIncidentOfItsAlertOnly() {
        assumeCorpus();
        Set<String> pimRules = rules(r -> "pim".equals(r.source().service()));
        assertThat(RULES_AND_INCIDENTS.keySet().stream().map(rule -> id(DIR + rule)))
                .containsExactlyInAnyOrderElementsOf(pimRules);
        for (Map.Entry<String, String> c : RULES_AND_INCIDENTS.entrySet()) {
            String rule = id(DIR + c.getKey());
            assertThat(firedJson(incident(c.getValue()))).as(c.getValue()).containsExactly(rule);
        }
    }
}
