package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.assertStatus;
import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Azure role assignments in the Activity log: an assignment is written twice, its start with the
 * request body and its end with the response body, which writes the role definition before the
 * principal. The record that says the assignment succeeded names who got which role. Records in the
 * diagnostic export's documented shape with this test's own values.
 */
class AzureActivityRoleAssignmentMappingsTest {

    private static final String ASSIGNMENT = """
            {"time": "2025-11-05T09:01:02.5550000Z",
             "resourceId": "/SUBSCRIPTIONS/7C6B5A49-0000-4000-8000-000000000001/PROVIDERS/MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/0F1E2D3C-0000-4000-8000-000000000002",
             "operationName": "MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/%s", "category": "Administrative",
             "resultType": "%s", "resultSignature": "%s", "durationMs": "1250", "callerIpAddress": "192.0.2.77",
             "correlationId": "5a6b7c8d-0000-4000-8000-000000000003",
             "identity": {"claims": {"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn": "cloud.admin@northwind.example"}},
             "level": "Information", "location": "global",
             "properties": {"statusCode": "Created", "eventCategory": "Administrative", %s}}""";

    private static final String ROLE =
            "/subscriptions/7c6b5a49-0000-4000-8000-000000000001/providers/Microsoft.Authorization/roleDefinitions/18d7d88d-d35e-4fb5-a5c3-7773c20a72d9";

    @Test
    void theCompletedAssignmentNamesThePrincipalAndTheRole() throws Exception {
        // the end of the operation: the response body, role definition first, written with spaces
        JsonNode done = json(ASSIGNMENT.formatted(
                "WRITE", "Success", "Succeeded.Created", """
                "responseBody": "{\\"properties\\": {\\"roleDefinitionId\\": \\"%s\\", \\"principalId\\": \\"4b5c6d7e-0000-4000-8000-000000000004\\", \\"principalType\\": \\"ServicePrincipal\\", \\"scope\\": \\"/subscriptions/7c6b5a49-0000-4000-8000-000000000001\\"}}"
                """.formatted(ROLE).strip()));
        assertProduct(done, "Azure Activity Log");
        assertThat(done.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(done.get("activity_id").asInt()).isEqualTo(1);
        assertStatus(done, 1);
        assertThat(done.at("/user/uid").asText()).isEqualTo("4b5c6d7e-0000-4000-8000-000000000004");
        assertThat(done.at("/privileges/0").asText()).isEqualTo(ROLE);
        assertThat(done.at("/actor/user/name").asText()).isEqualTo("cloud.admin@northwind.example");

        // the start: the request body, principal first, as the export names it (requestbody)
        JsonNode started = json(ASSIGNMENT.formatted(
                "WRITE", "Start", "Started.", """
                "requestbody": "{\\"Id\\":\\"0f1e2d3c\\",\\"Properties\\":{\\"PrincipalId\\":\\"4b5c6d7e-0000-4000-8000-000000000004\\",\\"RoleDefinitionId\\":\\"%s\\"}}"
                """.formatted(ROLE).strip()));
        assertThat(started.at("/user/uid").asText()).isEqualTo("4b5c6d7e-0000-4000-8000-000000000004");
        assertThat(started.at("/privileges/0").asText()).isEqualTo(ROLE);

        // removed: the response body of the deletion
        JsonNode removed = json(ASSIGNMENT.formatted(
                "DELETE", "Success", "Succeeded.OK", """
                "responseBody": "{\\"properties\\":{\\"roleDefinitionId\\":\\"%s\\",\\"principalId\\":\\"4b5c6d7e-0000-4000-8000-000000000004\\"}}"
                """.formatted(ROLE).strip()));
        assertThat(removed.get("activity_id").asInt()).isEqualTo(2);
        assertThat(removed.at("/user/uid").asText()).isEqualTo("4b5c6d7e-0000-4000-8000-000000000004");
    }

    @Test
    void aBodyWithoutBothNamesIsStillTheAssignmentWithoutGuessing() throws Exception {
        JsonNode partial = json(ASSIGNMENT.formatted("WRITE", "Success", "Succeeded.Created", """
                "responseBody": "{\\"properties\\":{\\"principalId\\":\\"4b5c6d7e-0000-4000-8000-000000000004\\"}}"
                """.strip()));
        assertThat(partial.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(partial.has("privileges")).isFalse();
        assertThat(partial.at("/user/uid").isMissingNode()).isTrue();

        // a role definition written is no assignment
        JsonNode definition = json(ASSIGNMENT
                .formatted("WRITE", "Success", "Succeeded.Created", "\"entity\": \"x\"")
                .replace("ROLEASSIGNMENTS/WRITE", "ROLEDEFINITIONS/WRITE"));
        assertThat(definition.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(definition.get("activity_id").asInt()).isEqualTo(3);
    }
}
