package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Self-managed GitLab's JSON logs, written from GitLab's documented formats: the audit log as API
 * Activity on the entity with the author, web and API requests as HTTP Activity with the user.
 */
class GitLabMappingsTest {

    @Test
    void auditedChangesAndActionsAreApiActivityOnTheEntity() throws Exception {
        JsonNode visibility = json("{\"severity\":\"INFO\",\"time\":\"2026-03-01T10:01:00.000Z\",\"correlation_id\":"
                + "\"01HQXYZ0000000000000000000\",\"author_id\":12,\"author_name\":\"Jane Doe\",\"entity_id\":42,"
                + "\"entity_type\":\"Project\",\"entity_path\":\"acme/payments\",\"change\":\"visibility\",\"from\":"
                + "\"Private\",\"to\":\"Public\",\"author_class\":\"User\",\"target_id\":42,\"target_type\":\"Project\","
                + "\"target_details\":\"acme/payments\",\"ip_address\":\"198.51.100.12\"}");
        assertProduct(visibility, "GitLab");
        assertThat(visibility.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(visibility.get("activity_id").asInt()).isEqualTo(3);
        assertThat(visibility.at("/api/operation").asText()).isEqualTo("visibility");
        assertThat(visibility.at("/actor/user/name").asText()).isEqualTo("Jane Doe");
        assertThat(visibility.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.12");
        assertThat(visibility.at("/resources/0/name").asText()).isEqualTo("acme/payments");
        assertThat(visibility.at("/resources/0/type").asText()).isEqualTo("Project");
        assertThat(visibility.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T10:01:00Z"));

        JsonNode member = json("{\"severity\":\"INFO\",\"time\":\"2026-03-01T10:02:00.000Z\",\"author_id\":12,"
                + "\"author_name\":\"Jane Doe\",\"entity_id\":7,\"entity_type\":\"Group\",\"entity_path\":\"acme\","
                + "\"custom_message\":\"Added member jdoe as Owner\",\"target_id\":99,\"target_type\":\"User\","
                + "\"target_details\":\"jdoe\",\"ip_address\":\"198.51.100.12\"}");
        assertThat(member.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(member.get("activity_id").asInt()).isEqualTo(1);
        assertThat(member.at("/api/operation").asText()).isEqualTo("Added member jdoe as Owner");
        assertThat(member.at("/resources/0/name").asText()).isEqualTo("acme");
    }

    @Test
    void webAndApiRequestsAreHttpActivity() throws Exception {
        JsonNode signIn = json("{\"method\":\"POST\",\"path\":\"/users/sign_in\",\"format\":\"html\",\"controller\":"
                + "\"SessionsController\",\"action\":\"create\",\"status\":302,\"duration\":120.5,\"view\":0.0,"
                + "\"db\":12.1,\"time\":\"2026-03-01T10:03:00.000Z\",\"remote_ip\":\"203.0.113.77\",\"user_id\":12,"
                + "\"username\":\"jdoe\",\"ua\":\"Mozilla/5.0\",\"correlation_id\":\"01HQXZ0000000000000000000A\"}");
        assertProduct(signIn, "GitLab");
        assertThat(signIn.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(signIn.get("activity_id").asInt()).isEqualTo(6);
        assertThat(signIn.at("/http_request/url/path").asText()).isEqualTo("/users/sign_in");
        assertThat(signIn.at("/http_response/code").asInt()).isEqualTo(302);
        assertThat(signIn.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.77");
        assertThat(signIn.at("/actor/user/name").asText()).isEqualTo("jdoe");
        // another Rails application's request log (lograge) is not GitLab's
        JsonNode rails = json("{\"method\":\"GET\",\"path\":\"/latest\",\"format\":\"html\",\"controller\":"
                + "\"ListController\",\"action\":\"latest\",\"status\":200,\"duration\":52.1,\"view\":20.3,"
                + "\"db\":8.7}");
        assertThat(rails.at("/metadata/product/name").asText()).isNotEqualTo("GitLab");

        JsonNode api = json("{\"time\":\"2026-03-01T10:04:00.000Z\",\"severity\":\"INFO\",\"duration_s\":0.7,"
                + "\"duration\":709.08,\"db\":14.59,\"view\":694.49,\"status\":200,\"method\":\"GET\",\"path\":"
                + "\"/api/v4/projects?per_page=100\",\"params\":[],\"host\":\"gitlab.example.com\",\"ip\":"
                + "\"198.51.100.78\",\"ua\":\"python-requests/2.31.0\",\"route\":\"/api/:version/projects\","
                + "\"user_id\":12,\"username\":\"jdoe\",\"gitaly_calls\":3}");
        assertThat(api.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(api.at("/http_request/url/path").asText()).isEqualTo("/api/v4/projects");
        assertThat(api.at("/http_request/url/query_string").asText()).isEqualTo("per_page=100");
        assertThat(api.at("/http_request/url/hostname").asText()).isEqualTo("gitlab.example.com");
        assertThat(api.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.78");
    }
}
