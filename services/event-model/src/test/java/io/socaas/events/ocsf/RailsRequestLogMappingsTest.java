package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Ruby on Rails application logs: the line ActionDispatch writes when a request starts is HTTP Activity
 * with the method, path, query and client, alone, with the request's tags or Ruby's Logger prefix, and,
 * shipped as one multiline event with the request's other lines, with the status Completed names. Lines of
 * the shared corpus (logstash's RAILS3 samples, GitLab's production.log) and lines written from Rails'
 * ActionDispatch and Logger formats.
 */
class RailsRequestLogMappingsTest {

    @Test
    void aStartedRequestIsHttpActivityWithTheClientAndThePath() throws Exception {
        // corpus (logstash RAILS3)
        JsonNode post = line("Started POST \"/api/v3/internal/allowed\" for 127.0.0.1 at 2015-08-05 11:37:01 +0200");
        assertThat(post.get("class_uid").asInt()).as("class of %s", post).isEqualTo(4002);
        assertThat(post.get("activity_name").asText()).isEqualTo("Post");
        assertThat(post.at("/http_request/url/path").asText()).isEqualTo("/api/v3/internal/allowed");
        assertThat(post.at("/src_endpoint/ip").asText()).isEqualTo("127.0.0.1");
        assertProduct(post, "Ruby on Rails");
        // Ruby's Logger prefix and the request's tag, a server in UTC (+0000)
        JsonNode tagged = line("I, [2026-02-28T14:32:52.123456 #1234]  INFO -- : [8c5b3f0e-1d2a-4e7b-9c1f-2b6a7d9e0f11]"
                + " Started GET \"/users/sign_in?redirect=%2Fadmin\" for 203.0.113.9 at 2026-02-28 14:32:52 +0000");
        assertThat(tagged.get("activity_name").asText()).as("%s", tagged).isEqualTo("Get");
        assertThat(tagged.at("/http_request/url/query_string").asText()).isEqualTo("redirect=%2Fadmin");
        assertThat(tagged.get("time").asLong()).isEqualTo(epochMillis("2026-02-28T14:32:52Z"));
        // through syslog, an IPv6 client
        JsonNode syslog = line("<134>Feb 28 14:32:53 app01 redmine: [8c5b3f0e] Started DELETE \"/issues/42\" for"
                + " 2001:db8::9 at 2026-02-28 14:32:53 +0100");
        assertThat(syslog.get("activity_name").asText()).as("%s", syslog).isEqualTo("Delete");
        assertThat(syslog.at("/src_endpoint/ip").asText()).isEqualTo("2001:db8::9");
        assertThat(syslog.get("time").asLong()).isEqualTo(epochMillis("2026-02-28T13:32:53Z"));
    }

    @Test
    void aRequestShippedWithItsOtherLinesHasTheStatusAndThoseLinesAloneAreNotClaimed() throws Exception {
        // corpus (logstash RAILS3): the request's lines as one event
        JsonNode block = line("Started GET \"/puppet/postfix/notes?target_id=162&target_type=issue\" for 127.0.0.1 at"
                + " 2015-08-05 07:40:22 +0200\nProcessing by Projects::NotesController#index as JSON\n  Parameters:"
                + " {\"target_id\"=>\"162\", \"target_type\"=>\"issue\"}\nCompleted 200 OK in 640ms (Views: 1.7ms |"
                + " ActiveRecord: 91.0ms)");
        assertThat(block.get("class_uid").asInt()).as("class of %s", block).isEqualTo(4002);
        assertThat(block.at("/http_response/code").asInt()).isEqualTo(200);
        assertThat(block.at("/http_request/url/path").asText()).isEqualTo("/puppet/postfix/notes");
        for (String other : new String[] {
            "Completed 200 OK in 640ms (Views: 1.7ms | ActiveRecord: 91.0ms)",
            "Processing by Projects::NotesController#index as JSON",
            "Job started for worker 4 at 2026-02-28 14:32:52 +0000"
        }) {
            assertThat(line(other).at("/metadata/product/name").asText())
                    .as(other)
                    .isNotEqualTo("Ruby on Rails");
        }
    }
}
