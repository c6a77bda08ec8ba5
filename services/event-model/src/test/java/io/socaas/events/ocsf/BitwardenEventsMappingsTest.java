package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Bitwarden's organization event logs as its Public API returns them ({@code GET /public/events}). Events
 * from the Elastic {@code bitwarden} integration's pipeline test ({@code test-event.log}) and events written
 * in the API's documented shape with Bitwarden's event types ({@code src/Core/Enums/EventType.cs}); a
 * neighbouring password manager's event and another API's {@code "object": "event"} are left alone.
 */
class BitwardenEventsMappingsTest {

    @Test
    void loginsAndFailedLoginsAreAuthentication() throws Exception {
        // Elastic integration sample
        JsonNode login = json("{\"object\":\"event\",\"type\":1000,\"itemId\":\"3767a302-8208-4dc6-b842-030428a1cfad\","
                + "\"collectionId\":\"bce212a4-25f3-4888-8a0a-4c5736d851e0\",\"groupId\":\"f29a2515-91d2-4452-b49b-5e8040e6b0f4\","
                + "\"policyId\":\"f29a2515-91d2-4452-b49b-5e8040e6b0f4\",\"memberId\":\"e68b8629-85eb-4929-92c0-b84464976ba4\","
                + "\"actingUserId\":\"a2549f79-a71f-4eb9-9234-eb7247333f94\",\"date\":\"2023-02-15T13:27:48.325Z\","
                + "\"device\":0,\"ipAddress\":\"172.16.254.1\"}");
        assertProduct(login, "Bitwarden");
        assertThat(login.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(login.get("activity_id").asInt()).isEqualTo(1);
        assertThat(login.get("status_id").asInt()).isEqualTo(1);
        assertThat(login.at("/user/uid").asText()).isEqualTo("a2549f79-a71f-4eb9-9234-eb7247333f94");
        assertThat(login.at("/src_endpoint/ip").asText()).isEqualTo("172.16.254.1");
        assertThat(login.get("message").asText()).isEqualTo("User_LoggedIn");
        assertThat(login.get("time").asLong()).isEqualTo(epochMillis("2023-02-15T13:27:48.325Z"));

        // Elastic integration sample: a wrong master password, seven digits of a second
        JsonNode failed = json(
                "{\"object\":\"event\",\"type\":1005,\"itemId\":null,\"collectionId\":null,\"groupId\":null,"
                        + "\"policyId\":null,\"memberId\":null,\"actingUserId\":\"3767a302-8208-4dc6-b842-030428a1cfad\","
                        + "\"installationId\":null,\"date\":\"2023-03-13T07:14:37.1381554Z\",\"device\":9,\"ipAddress\":\"172.16.254.1\"}");
        assertThat(failed.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(failed.get("status_id").asInt()).isEqualTo(2);
        assertThat(failed.at("/user/uid").asText()).isEqualTo("3767a302-8208-4dc6-b842-030428a1cfad");
        assertThat(failed.get("time").asLong()).isEqualTo(epochMillis("2023-03-13T07:14:37.138Z"));

        // documented shape: the second factor was wrong
        JsonNode secondFactor = json("{\"object\":\"event\",\"type\":1006,\"itemId\":null,\"collectionId\":null,"
                + "\"groupId\":null,\"policyId\":null,\"memberId\":null,\"actingUserId\":\"5e1d7f0c-2a3b-4c5d-9e8f-0a1b2c3d4e5f\","
                + "\"date\":\"2026-03-01T08:00:00.000Z\",\"device\":10,\"ipAddress\":\"203.0.113.50\"}");
        assertThat(secondFactor.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(secondFactor.get("status_id").asInt()).isEqualTo(2);
        assertThat(secondFactor.get("is_mfa").asBoolean()).isTrue();
    }

    @Test
    void membersAndVaultItemsAreAccountChangesAndEntities() throws Exception {
        // Elastic integration sample: a member's role or permissions changed
        JsonNode updated =
                json("{\"object\":\"event\",\"type\":1502,\"itemId\":null,\"collectionId\":null,\"groupId\":null,"
                        + "\"policyId\":null,\"memberId\":\"3767a302-8208-4dc6-b842-030428a1cfad\","
                        + "\"actingUserId\":\"3767a302-8208-4dc6-b842-030428a1cfad\",\"installationId\":null,"
                        + "\"date\":\"2023-02-21T04:57:10.6262883Z\",\"device\":9,\"ipAddress\":\"175.16.199.0\"}");
        assertThat(updated.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(updated.at("/user/uid").asText()).isEqualTo("3767a302-8208-4dc6-b842-030428a1cfad");
        assertThat(updated.at("/actor/user/uid").asText()).isEqualTo("3767a302-8208-4dc6-b842-030428a1cfad");

        // documented shape: a member invited, then removed
        JsonNode invited =
                json("{\"object\":\"event\",\"type\":1500,\"memberId\":\"9b2c0f4e-7d1a-4e2b-8c3d-1f2e3a4b5c6d\","
                        + "\"actingUserId\":\"a2549f79-a71f-4eb9-9234-eb7247333f94\",\"date\":\"2026-03-01T08:01:00Z\","
                        + "\"device\":9,\"ipAddress\":\"198.51.100.7\"}");
        assertThat(invited.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(invited.get("activity_id").asInt()).isEqualTo(1);
        assertThat(invited.at("/user/uid").asText()).isEqualTo("9b2c0f4e-7d1a-4e2b-8c3d-1f2e3a4b5c6d");
        JsonNode removed =
                json("{\"object\":\"event\",\"type\":1503,\"memberId\":\"9b2c0f4e-7d1a-4e2b-8c3d-1f2e3a4b5c6d\","
                        + "\"actingUserId\":\"a2549f79-a71f-4eb9-9234-eb7247333f94\",\"date\":\"2026-03-01T08:02:00Z\","
                        + "\"device\":9,\"ipAddress\":\"198.51.100.7\"}");
        assertThat(removed.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(removed.get("activity_id").asInt()).isEqualTo(6);

        // Elastic integration sample: a vault item viewed
        JsonNode viewed =
                json("{\"object\":\"event\",\"type\":1107,\"itemId\":\"3767a302-8208-4dc6-b842-030428a1cfad\","
                        + "\"collectionId\":null,\"groupId\":null,\"policyId\":null,\"memberId\":null,"
                        + "\"actingUserId\":\"3767a302-8208-4dc6-b842-030428a1cfad\",\"installationId\":null,"
                        + "\"date\":\"2023-03-13T07:16:27.147Z\",\"device\":9,\"ipAddress\":\"175.16.199.0\"}");
        assertThat(viewed.get("class_uid").asInt()).isEqualTo(3004);
        assertThat(viewed.get("activity_id").asInt()).isEqualTo(2);
        assertThat(viewed.at("/entity/uid").asText()).isEqualTo("3767a302-8208-4dc6-b842-030428a1cfad");
        assertThat(viewed.at("/entity/type").asText()).isEqualTo("Cipher");
        assertThat(viewed.get("message").asText()).isEqualTo("Cipher_ClientViewed");

        // documented shape: the organization's vault exported, a policy changed
        JsonNode exported =
                json("{\"object\":\"event\",\"type\":1602,\"actingUserId\":\"a2549f79-a71f-4eb9-9234-eb7247333f94\","
                        + "\"date\":\"2026-03-01T08:03:00Z\",\"device\":9,\"ipAddress\":\"198.51.100.7\"}");
        assertThat(exported.get("class_uid").asInt()).isEqualTo(6005);
        assertThat(exported.at("/actor/user/uid").asText()).isEqualTo("a2549f79-a71f-4eb9-9234-eb7247333f94");
        JsonNode policy =
                json("{\"object\":\"event\",\"type\":1700,\"policyId\":\"f29a2515-91d2-4452-b49b-5e8040e6b0f4\","
                        + "\"actingUserId\":\"a2549f79-a71f-4eb9-9234-eb7247333f94\",\"date\":\"2026-03-01T08:04:00Z\","
                        + "\"device\":9,\"ipAddress\":\"198.51.100.7\"}");
        assertThat(policy.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(policy.get("activity_id").asInt()).isEqualTo(3);
        assertThat(policy.at("/resources/0/uid").asText()).isEqualTo("f29a2515-91d2-4452-b49b-5e8040e6b0f4");
    }

    @Test
    void otherSourcesEventsAreNotBitwardens() throws Exception {
        // 1Password's sign-in attempt (Events API) is 1Password's
        JsonNode onePassword =
                json("{\"uuid\":\"56YE2TYN2VFYRLNSHKPW5NVT5E\",\"session_uuid\":\"A5K6COGVRVEJXJW3XQZGS7VAMM\","
                        + "\"timestamp\":\"2026-03-01T08:00:00Z\",\"category\":\"credentials_failed\",\"type\":\"password_secret_bad\","
                        + "\"country\":\"DE\",\"target_user\":{\"uuid\":\"IR7VJHJ36JHINBFAD7V2T5MP3E\",\"name\":\"Ann\","
                        + "\"email\":\"ann@example.com\"},\"client\":{\"app_name\":\"1Password Browser Extension\","
                        + "\"ip_address\":\"203.0.113.9\"}}");
        assertThat(onePassword.at("/metadata/product/name").asText()).isNotEqualTo("Bitwarden");
        // another API's event object with a numeric type is not Bitwarden's without a Bitwarden event type
        JsonNode other = json("{\"object\":\"event\",\"type\":42,\"date\":\"2026-03-01T08:00:00Z\"}");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("Bitwarden");
        // a list page of the API (no events) is no Bitwarden event
        JsonNode page = json("{\"object\":\"list\",\"data\":[],\"continuationToken\":null}");
        assertThat(page.at("/metadata/product/name").asText()).isNotEqualTo("Bitwarden");
    }

    @Test
    void theClientTypeCodeIsReadAsTheKindOfEndpointAndItsSystem() throws Exception {
        String event = "{\"object\":\"event\",\"type\":1000,\"actingUserId\":\"a2549f79-a71f-4eb9-9234-eb7247333f94\","
                + "\"date\":\"2023-02-15T13:27:48.325Z\",%s\"ipAddress\":\"172.16.254.1\"}";
        JsonNode android = json(event.formatted("\"device\":0,"));
        assertThat(android.at("/src_endpoint/type_id").asInt()).isEqualTo(5);
        assertThat(android.at("/src_endpoint/type").asText()).isEqualTo("Mobile");
        assertThat(android.at("/src_endpoint/os/name").asText()).isEqualTo("Android");
        JsonNode chrome = json(event.formatted("\"device\":9,"));
        assertThat(chrome.at("/src_endpoint/type_id").asInt()).isEqualTo(8);
        assertThat(chrome.at("/src_endpoint/os").isMissingNode()).isTrue();
        JsonNode extension = json(event.formatted("\"device\":2,"));
        assertThat(extension.at("/src_endpoint/type").asText()).isEqualTo("Browser");
        JsonNode cli = json(event.formatted("\"device\":23,"));
        assertThat(cli.at("/src_endpoint/type_id").asInt()).isEqualTo(2);
        assertThat(cli.at("/src_endpoint/os/name").asText()).isEqualTo("Windows");
        assertThat(cli.at("/unmapped/device").asInt()).isEqualTo(23);
        // a code Bitwarden has not defined, and no code: no kind of endpoint
        JsonNode unknown = json(event.formatted("\"device\":99,"));
        assertThat(unknown.at("/src_endpoint/type_id").isMissingNode()).isTrue();
        assertThat(unknown.at("/src_endpoint/ip").asText()).isEqualTo("172.16.254.1");
        assertThat(json(event.formatted("")).at("/src_endpoint/type").isMissingNode())
                .isTrue();
    }
}
