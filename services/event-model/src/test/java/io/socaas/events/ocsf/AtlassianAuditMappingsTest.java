package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The audit log of Atlassian's Data Center products (Bitbucket, Jira, Confluence): the audit log
 * file's JSON lines and the audit REST API's records. The Bitbucket records are those of Elastic's
 * atlassian_bitbucket integration's pipeline tests ({@code data_stream/audit/_dev/test/pipeline/
 * test-audit-files.log} and {@code test-audit-api.log}, a Bitbucket 7.x instance); the failed login
 * follows the same format with the action and attributes Bitbucket's audit log events document.
 */
class AtlassianAuditMappingsTest {

    /** Elastic's sample: a global permission granted, in the audit log file. */
    private static final String PERMISSION_GRANTED = """
            {"affectedObjects":[{"id":"2","name":"admin","type":"USER"}],"auditType":{"action":"Global permission granted",
             "actionI18nKey":"bitbucket.service.user.audit.action.globalpermissiongranted","area":"PERMISSIONS","category":"Permissions",
             "categoryI18nKey":"bitbucket.service.audit.category.permissions","level":"BASE"},"author":{"id":"-2","name":"Anonymous","type":"user"},
             "changedValues":[],"extraAttributes":[{"name":"Permission","nameI18nKey":"bitbucket.service.user.audit.attribute.permission.permission",
             "value":"SYS_ADMIN"},{"name":"target","nameI18nKey":"bitbucket.audit.attribute.legacy.target","value":"Global"}],"method":"Browser",
             "node":"8767044c-1b98-4d64-82db-ef29af8c3792","source":"10.100.100.2","system":"http://bitbucket.internal:7990",
             "timestamp":{"epochSecond":1638034466,"nano":108000000},"version":"1.0"}""";

    /** Elastic's sample: the audit log's own coverage changed, in the audit log file. */
    private static final String AUDIT_CONFIGURATION_UPDATED = """
            {"affectedObjects":[],"auditType":{"action":"Audit Log configuration updated","actionI18nKey":"atlassian.audit.event.action.audit.config.updated",
             "area":"AUDIT_LOG","category":"Auditing","categoryI18nKey":"atlassian.audit.event.category.audit","level":"BASE"},
             "author":{"id":"2","name":"admin","type":"NORMAL"},"changedValues":[{"from":"security : base",
             "i18nKey":"atlassian.audit.event.change.coverage.level","key":"Coverage Level","to":"security : full"}],"extraAttributes":[],
             "method":"Browser","node":"8767044c-1b98-4d64-82db-ef29af8c3792","source":"10.100.100.2","system":"http://bitbucket.internal:7990",
             "timestamp":{"epochSecond":1638034577,"nano":994000000},"version":"1.0"}""";

    /** Elastic's sample: a user added to a group, as the audit REST API returns it. */
    private static final String API_GROUP_MEMBERSHIP = """
            {"timestamp":"2021-11-27T17:38:16.687Z","author":{"name":"admin","type":"NORMAL","id":"2",
             "uri":"http://bitbucket.internal:7990/users/admin","avatarUri":""},"type":{"categoryI18nKey":"bitbucket.service.audit.category.usersandgroups",
             "category":"Users and groups","actionI18nKey":"bitbucket.service.user.audit.action.groupmembershipscreated.user",
             "action":"User added to user group"},"affectedObjects":[{"name":"asdf","type":"GROUP",
             "uri":"http://bitbucket.internal:7990/admin/groups/view?name=asdf","id":"asdf"},{"name":"test","type":"USER","id":"3"}],
             "changedValues":[],"source":"10.50.73.5","system":"http://bitbucket.internal:7990","node":"8767044c-1b98-4d64-82db-ef29af8c3792",
             "method":"Browser","extraAttributes":[{"nameI18nKey":"bitbucket.service.user.audit.attribute.groupmembership.parentgroup",
             "name":"Parent group","value":"asdf"}]}""";

    /** Elastic's sample: a user deleted, as the audit REST API returns it. */
    private static final String API_USER_DELETED = """
            {"timestamp":"2021-11-27T17:38:58.087Z","author":{"name":"admin","type":"NORMAL","id":"2",
             "uri":"http://bitbucket.internal:7990/users/admin","avatarUri":""},"type":{"categoryI18nKey":"bitbucket.service.audit.category.usersandgroups",
             "category":"Users and groups","actionI18nKey":"bitbucket.service.user.audit.action.userdeleted","action":"User deleted"},
             "affectedObjects":[{"name":"test.user","type":"USER"}],"changedValues":[],"source":"10.50.73.5",
             "system":"http://bitbucket.internal:7990","node":"8767044c-1b98-4d64-82db-ef29af8c3792","method":"Browser",
             "extraAttributes":[{"nameI18nKey":"bitbucket.audit.attribute.legacy.target","name":"target","value":"test.user"}]}""";

    /** A failed login over SSH (Authentication category, Advanced coverage), in the audit log file. */
    private static final String SSH_LOGIN_FAILED = """
            {"affectedObjects":[{"id":"51","name":"jsmith","type":"USER"}],"auditType":{"action":"User login failed(SSH)",
             "area":"SECURITY","category":"Authentication","level":"ADVANCED"},"author":{"id":"-2","name":"Anonymous","type":"user"},
             "changedValues":[],"extraAttributes":[{"name":"Authentication method","value":"ssh-key"}],"method":"Browser",
             "source":"203.0.113.45","system":"https://bitbucket.example.com","timestamp":{"epochSecond":1772355600,"nano":0},"version":"1.0"}""";

    @Test
    void permissionsGrantedAreUserAccessManagementWithThePermission() throws Exception {
        JsonNode granted = json(PERMISSION_GRANTED);
        assertProduct(granted, "Atlassian Data Center");
        assertThat(granted.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(granted.get("activity_id").asInt()).isEqualTo(1);
        assertThat(granted.at("/user/name").asText()).isEqualTo("admin");
        assertThat(granted.at("/privileges/0").asText()).isEqualTo("SYS_ADMIN");
        assertThat(granted.at("/actor/user/name").asText()).isEqualTo("Anonymous");
        assertThat(granted.at("/src_endpoint/ip").asText()).isEqualTo("10.100.100.2");
        assertThat(granted.at("/metadata/log_name").asText()).isEqualTo("audit");
        assertThat(granted.get("time").asLong()).isEqualTo(epochMillis("2021-11-27T17:34:26Z"));
        // detection reads the record as Atlassian wrote it
        assertThat(granted.at("/unmapped/auditType/category").asText()).isEqualTo("Permissions");
        assertThat(granted.at("/unmapped/auditType/action").asText()).isEqualTo("Global permission granted");
    }

    @Test
    void otherActionsAreApiActivityByTheirVerb() throws Exception {
        JsonNode updated = json(AUDIT_CONFIGURATION_UPDATED);
        assertThat(updated.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(updated.get("activity_id").asInt()).isEqualTo(3);
        assertThat(updated.at("/api/operation").asText()).isEqualTo("Audit Log configuration updated");
        assertThat(updated.at("/api/service/name").asText()).isEqualTo("http://bitbucket.internal:7990");
        assertThat(updated.at("/actor/user/name").asText()).isEqualTo("admin");
        assertThat(updated.get("message").asText()).isEqualTo("Audit Log configuration updated");

        JsonNode secretRule = json(SSH_LOGIN_FAILED
                .replace("User login failed(SSH)", "Repository secret scanning rule deleted")
                .replace("\"category\":\"Authentication\"", "\"category\":\"Repositories\"")
                .replace("\"type\":\"USER\"", "\"type\":\"REPOSITORY\""));
        assertThat(secretRule.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(secretRule.get("activity_id").asInt()).isEqualTo(4);
        assertThat(secretRule.at("/resources/0/type").asText()).isEqualTo("REPOSITORY");

        JsonNode refused = json(SSH_LOGIN_FAILED
                .replace("User login failed(SSH)", "Unauthorized access to a resource")
                .replace("\"category\":\"Authentication\"", "\"category\":\"Security\""));
        assertThat(refused.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(refused.get("status_id").asInt()).isEqualTo(2);
    }

    @Test
    void failedLoginsAreAuthenticationFailuresOfTheUserTheyName() throws Exception {
        JsonNode ssh = json(SSH_LOGIN_FAILED);
        assertThat(ssh.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(ssh.get("activity_id").asInt()).isEqualTo(1);
        assertThat(ssh.get("status_id").asInt()).isEqualTo(2);
        assertThat(ssh.at("/user/name").asText()).isEqualTo("jsmith");
        assertThat(ssh.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.45");
        assertThat(ssh.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:00:00Z"));
        // without the user among the affected objects, the author tried
        JsonNode web = json(SSH_LOGIN_FAILED
                .replace("User login failed(SSH)", "User login failed")
                .replace("{\"id\":\"51\",\"name\":\"jsmith\",\"type\":\"USER\"}", "")
                .replace("\"name\":\"Anonymous\"", "\"name\":\"mallory\""));
        assertThat(web.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(web.at("/user/name").asText()).isEqualTo("mallory");
    }

    @Test
    void theRestApisRecordsAreReadAsTheFilesWithTheirOwnTime() throws Exception {
        JsonNode added = json(API_GROUP_MEMBERSHIP);
        assertProduct(added, "Atlassian Data Center");
        assertThat(added.get("class_uid").asInt()).isEqualTo(3006);
        assertThat(added.get("activity_id").asInt()).isEqualTo(3);
        assertThat(added.at("/user/name").asText()).isEqualTo("test");
        assertThat(added.at("/group/name").asText()).isEqualTo("asdf");
        assertThat(added.at("/actor/user/name").asText()).isEqualTo("admin");
        assertThat(added.get("time").asLong()).isEqualTo(epochMillis("2021-11-27T17:38:16.687Z"));

        JsonNode deleted = json(API_USER_DELETED);
        assertThat(deleted.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(deleted.get("activity_id").asInt()).isEqualTo(6);
        assertThat(deleted.at("/user/name").asText()).isEqualTo("test.user");
    }

    @Test
    void otherJsonWithAnActionOrATypeIsNotClaimed() throws Exception {
        // no author: not an audit record
        JsonNode partial = json("{\"auditType\":{\"action\":\"User deleted\",\"category\":\"Users and groups\"},"
                + "\"timestamp\":{\"epochSecond\":1638034466,\"nano\":0}}");
        assertThat(partial.at("/metadata/product/name").asText()).isNotEqualTo("Atlassian Data Center");
        JsonNode other =
                json("{\"type\":{\"action\":\"deploy\",\"category\":\"ci\"},\"timestamp\":\"2026-03-01T09:00:00Z\"}");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("Atlassian Data Center");
    }
}
