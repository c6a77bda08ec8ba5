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
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * OneLogin events as its Events API returns them and ingestion normalizes them (event-model's {@link
 * OcsfNormalizer}, then {@link EventAdmission}) are {@code onelogin}/{@code onelogin.events} events
 * under the shipped mapping; SigmaHQ's two onelogin rules fire on a user assumed by an administrator
 * and on users locked or suspended through the API, and on no sign-in or other event. The records are
 * written with the fields of the Events API's Event model. Without the corpus ({@code
 * SOCAAS_CORPUS}) the tests are skipped.
 */
class OneLoginLogsourcesTest {

    private static final Logsource ONELOGIN = new Logsource("onelogin", null, "onelogin.events");
    private static final String DIR = "rules/identity/onelogin/";

    private static String event(int type) {
        return """
                {"id": 999999999, "created_at": "2026-03-01T09:48:12.347Z", "account_id": 55555, "user_id": 88888888,
                 "event_type_id": %d, "notes": null, "ipaddr": "198.51.100.11", "actor_user_id": 7777777,
                 "assuming_acting_user_id": null, "role_id": null, "app_id": null, "group_id": null, "otp_device_id": null,
                 "policy_id": null, "actor_system": "", "custom_message": null, "role_name": null, "app_name": null,
                 "group_name": null, "actor_user_name": "Xavier Wong", "user_name": "Bhavna Reddy", "policy_name": null,
                 "otp_device_name": null, "operation_name": null, "directory_sync_run_id": null, "directory_id": null,
                 "resolution": null, "client_id": null, "resource_type_id": null, "error_description": null}""".formatted(type);
    }

    @Test
    void oneLoginEventsAreOneLoginEventsAndOktasAreNot() {
        assumeCorpus();
        assertThat(logsources(ingestedJson(event(5)))).containsExactly(ONELOGIN);
        String okta = """
                {"uuid": "9a1b2c3d-1111-4e5f-8a9b-0c1d2e3f4a5b", "published": "2026-03-01T09:48:12.347Z",
                 "eventType": "user.session.start", "actor": {"id": "00u1", "type": "User", "alternateId": "bhavna@example.com"},
                 "outcome": {"result": "SUCCESS"}, "client": {"ipAddress": "198.51.100.11"}}""";
        assertThat(logsources(ingestedJson(okta))).doesNotContain(ONELOGIN);
    }

    @Test
    void theOneLoginRulesFireOnAssumedLockedAndSuspendedUsersOnly() {
        assumeCorpus();
        String assumed = id(DIR + "onelogin_assumed_another_user.yml");
        String locked = id(DIR + "onelogin_user_account_locked.yml");
        Set<String> oneLogin = rules(r -> "onelogin".equals(r.source().product()));
        assertThat(oneLogin).containsExactlyInAnyOrder(assumed, locked);

        assertThat(firedJson(event(3))).containsExactly(assumed);
        for (int type : List.of(532, 553, 551)) {
            assertThat(firedJson(event(type))).as("event type %d", type).containsExactly(locked);
        }
        for (int type : List.of(5, 6, 13, 72)) {
            assertThat(firedJson(event(type))).as("event type %d", type).doesNotContainAnyElementsOf(oneLogin);
        }
    }
}
