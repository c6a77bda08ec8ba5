package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * OneLogin events as its Events API returns them, written with the fields of the API's Event model
 * (OneLogin's SDK documents them; every field present, null where none applies) and the event types
 * SigmaHQ's and Panther's OneLogin rules name (3 a user assumed, 5 and 6 sign-ins, 13 a user created,
 * 551 suspended and 532 locked through the API).
 */
class OneLoginMappingsTest {

    private static String event(int type, String actor, String actorId, String ip) {
        return """
                {"id": 999999999, "created_at": "2026-03-01T09:48:12.347Z", "account_id": 55555, "user_id": 88888888,
                 "event_type_id": %d, "notes": null, "ipaddr": "%s", "actor_user_id": %s, "assuming_acting_user_id": null,
                 "role_id": null, "app_id": null, "group_id": null, "otp_device_id": null, "policy_id": null, "actor_system": "",
                 "custom_message": null, "role_name": null, "app_name": null, "group_name": null, "actor_user_name": %s,
                 "user_name": "Bhavna Reddy", "policy_name": null, "otp_device_name": null, "operation_name": null,
                 "directory_sync_run_id": null, "directory_id": null, "resolution": null, "client_id": null,
                 "resource_type_id": null, "error_description": null}""".formatted(type, ip, actorId, actor == null ? "null" : "\"" + actor + "\"");
    }

    @Test
    void usersCreatedLockedAndSuspendedAreAccountChanges() throws Exception {
        JsonNode created = json(event(13, "Xavier Wong", "7777777", "198.51.100.11"));
        assertProduct(created, "OneLogin");
        assertThat(created.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(created.get("activity_id").asInt()).isEqualTo(1);
        assertThat(created.at("/user/name").asText()).isEqualTo("Bhavna Reddy");
        assertThat(created.at("/actor/user/name").asText()).isEqualTo("Xavier Wong");
        assertThat(created.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.11");
        assertThat(created.at("/cloud/account/uid").asText()).isEqualTo("55555");
        assertThat(created.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:48:12.347Z"));

        JsonNode suspended = json(event(551, null, "null", "203.0.113.50"));
        assertThat(suspended.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(suspended.get("activity_id").asInt()).isEqualTo(5);
        JsonNode locked = json(event(532, null, "null", "203.0.113.50"));
        assertThat(locked.get("activity_id").asInt()).isEqualTo(9);
    }

    @Test
    void signInsAndAssumedUsersAreAuthentications() throws Exception {
        JsonNode failed = json(event(6, "Bhavna Reddy", "88888888", "203.0.113.7"));
        assertThat(failed.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(failed.get("status_id").asInt()).isEqualTo(2);
        assertThat(failed.at("/user/name").asText()).isEqualTo("Bhavna Reddy");
        assertThat(json(event(5, "Bhavna Reddy", "88888888", "203.0.113.7"))
                        .get("status_id")
                        .asInt())
                .isEqualTo(1);

        JsonNode assumed = json(event(3, "Xavier Wong", "7777777", "198.51.100.11"));
        assertThat(assumed.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(assumed.at("/user/name").asText()).isEqualTo("Bhavna Reddy");
        assertThat(assumed.at("/actor/user/name").asText()).isEqualTo("Xavier Wong");
        // detection reads the event type as OneLogin numbers it
        assertThat(assumed.at("/unmapped/event_type_id").asInt()).isEqualTo(3);
    }

    @Test
    void otherEventTypesAreApiActivityAndOtherJsonIsNotClaimed() throws Exception {
        JsonNode other = json(event(8, "Xavier Wong", "7777777", "198.51.100.11"));
        assertThat(other.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(other.at("/api/operation").asText()).isEqualTo("8");
        JsonNode unrelated = json("{\"id\": 1, \"event_type_id\": 3, \"created_at\": \"2026-03-01T09:00:00Z\"}");
        assertThat(unrelated.at("/metadata/product/name").asText()).isNotEqualTo("OneLogin");
    }
}
