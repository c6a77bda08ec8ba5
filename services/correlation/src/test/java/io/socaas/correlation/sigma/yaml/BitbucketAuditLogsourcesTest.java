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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Bitbucket Data Center's audit log, as ingestion normalizes it (event-model's {@link
 * OcsfNormalizer} over the JSON record, then {@link EventAdmission}): the audit log file's lines and
 * the audit REST API's records are {@code bitbucket}/{@code audit} events under the shipped mapping,
 * and every SigmaHQ bitbucket rule of the shared corpus fires on the action it names, in both shapes,
 * and on no other. The records follow Elastic's atlassian_bitbucket integration's pipeline test
 * samples (a Bitbucket 7.x instance), with the categories and actions the rules name. Without the
 * corpus ({@code SOCAAS_CORPUS}) the tests are skipped.
 */
class BitbucketAuditLogsourcesTest {

    private static final Logsource BITBUCKET_AUDIT = new Logsource("bitbucket", null, "audit");
    private static final String DIR = "rules/application/bitbucket/audit/";

    /** A record of the audit log file (`<home>/log/audit/*.audit.log`). */
    private static String fileRecord(String category, String action) {
        return """
                {"affectedObjects":[{"id":"3","name":"jsmith","type":"USER"}],"auditType":{"action":"%s",
                 "area":"GLOBAL_CONFIG_AND_ADMINISTRATION","category":"%s","level":"BASE"},
                 "author":{"id":"2","name":"admin","type":"NORMAL"},"changedValues":[],"extraAttributes":[],
                 "method":"Browser","node":"8767044c-1b98-4d64-82db-ef29af8c3792","source":"10.100.100.2",
                 "system":"http://bitbucket.internal:7990","timestamp":{"epochSecond":1772355600,"nano":317000000},"version":"1.0"}""".formatted(action, category);
    }

    /** The same as the audit REST API returns it. */
    private static String apiRecord(String category, String action) {
        return """
                {"timestamp":"2026-03-01T09:00:00.317Z","author":{"name":"admin","type":"NORMAL","id":"2",
                 "uri":"http://bitbucket.internal:7990/users/admin","avatarUri":""},"type":{"category":"%s","action":"%s"},
                 "affectedObjects":[{"name":"jsmith","type":"USER","id":"3"}],"changedValues":[],"source":"10.50.73.5",
                 "system":"http://bitbucket.internal:7990","node":"8767044c-1b98-4d64-82db-ef29af8c3792","method":"Browser",
                 "extraAttributes":[]}""".formatted(category, action);
    }

    /** A rule of the corpus and a category and action it names. */
    private record Case(String rule, String category, String action) {}

    private static final List<Case> CASES = List.of(
            new Case("bitbucket_audit_full_data_export_triggered.yml", "Data pipeline", "Full data export triggered"),
            new Case(
                    "bitbucket_audit_unauthorized_full_data_export_triggered.yml",
                    "Data pipeline",
                    "Unauthorized full data export triggered"),
            new Case(
                    "bitbucket_audit_global_permissions_change_detected.yml",
                    "Permissions",
                    "Global permission granted"),
            new Case(
                    "bitbucket_audit_global_secret_scanning_rule_deleted.yml",
                    "Global administration",
                    "Global secret scanning rule deleted"),
            new Case(
                    "bitbucket_audit_global_ssh_settings_change_detected.yml",
                    "Global administration",
                    "SSH settings changed"),
            // Bitbucket writes "Audit Log"; the rule "Audit log": Sigma compares without case
            new Case(
                    "bitbucket_audit_log_configuration_update_detected.yml",
                    "Auditing",
                    "Audit Log configuration updated"),
            new Case(
                    "bitbucket_audit_project_secret_scanning_allowlist_added.yml",
                    "Projects",
                    "Project secret scanning allowlist rule added"),
            new Case(
                    "bitbucket_audit_secret_scanning_exempt_repository_detected.yml",
                    "Repositories",
                    "Secret scanning exempt repository added"),
            new Case(
                    "bitbucket_audit_secret_scanning_rule_deleted.yml",
                    "Repositories",
                    "Repository secret scanning rule deleted"),
            new Case(
                    "bitbucket_audit_unauthorized_access_detected.yml",
                    "Security",
                    "Unauthorized access to a resource"),
            new Case(
                    "bitbucket_audit_user_details_export_attempt_detected.yml",
                    "Users and groups",
                    "User permissions exported"),
            new Case(
                    "bitbucket_audit_user_permissions_export_attempt_detected.yml",
                    "Users and groups",
                    "User details export started"),
            new Case("bitbucket_audit_user_login_failure_detected.yml", "Authentication", "User login failed"),
            new Case(
                    "bitbucket_audit_user_login_failure_via_ssh_detected.yml",
                    "Authentication",
                    "User login failed(SSH)"));

    private static Set<String> bitbucketRules() {
        return rules(r -> "bitbucket".equals(r.source().product()));
    }

    @Test
    void bothShapesAreBitbucketAuditEventsAndNoOtherProducts() {
        assumeCorpus();
        for (String record : List.of(
                fileRecord("Auditing", "Audit Log search performed"),
                apiRecord("Auditing", "Audit Log search performed"))) {
            Map<String, Object> event = ingestedJson(record);
            assertThat(logsources(event)).as(record).contains(BITBUCKET_AUDIT);
            assertThat(logsources(event).stream().map(Logsource::product).filter(p -> p != null))
                    .as(record)
                    .containsOnly("bitbucket");
        }
        // a GitHub audit event is none, and a JSON event with a `type` object alone is none either
        String github = """
                {"action":"repo.destroy","actor":"octocat","created_at":1772355600000,"org":"acme",
                 "repo":"acme/payments","_document_id":"Lc2mJ1NQKvd6i9HyQBVZdA"}""";
        assertThat(logsources(ingestedJson(github))).doesNotContain(BITBUCKET_AUDIT);
        assertThat(
                        logsources(
                                ingestedJson(
                                        "{\"type\":{\"action\":\"deploy\",\"category\":\"ci\"},\"timestamp\":\"2026-03-01T09:00:00Z\"}")))
                .doesNotContain(BITBUCKET_AUDIT);
    }

    @Test
    void everyBitbucketRuleFiresOnTheActionItNamesInBothShapes() {
        assumeCorpus();
        Set<String> bitbucket = bitbucketRules();
        assertThat(CASES.stream().map(c -> id(DIR + c.rule())).toList()).containsExactlyInAnyOrderElementsOf(bitbucket);
        for (Case c : CASES) {
            String rule = id(DIR + c.rule());
            for (String record : List.of(fileRecord(c.category(), c.action()), apiRecord(c.category(), c.action()))) {
                assertThat(firedJson(record)).as(record).contains(rule);
            }
            // the action under another category is not what the rule describes
            assertThat(firedJson(fileRecord("Notifications", c.action())))
                    .as(c.rule())
                    .doesNotContain(rule);
        }
    }

    @Test
    void ordinaryActionsFireNoBitbucketRule() {
        assumeCorpus();
        Set<String> bitbucket = bitbucketRules();
        for (String[] ordinary : List.of(
                new String[] {"Auditing", "Audit Log search performed"},
                new String[] {"Users and groups", "User added to user group"},
                new String[] {"Repositories", "Repository created"},
                new String[] {"Global administration", "Elasticsearch settings changed"})) {
            assertThat(firedJson(fileRecord(ordinary[0], ordinary[1])))
                    .as(ordinary[1])
                    .doesNotContainAnyElementsOf(bitbucket);
            assertThat(firedJson(apiRecord(ordinary[0], ordinary[1])))
                    .as(ordinary[1])
                    .doesNotContainAnyElementsOf(bitbucket);
        }
    }
}
