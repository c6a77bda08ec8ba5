package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The Apache httpd and nginx error logs: HTTP basic authentication failures become failed logons
 * with the user and the client, requests refused by access rules or limits become HTTP Activity
 * Denied, and every other line of these logs is a Base Event of its server with the log line's own
 * time. Lines of the shared corpus (Wazuh's apache-errorlog and nginx-errorlog tests) and lines
 * written from the servers' documented formats.
 */
class WebServerErrorLogMappingsTest {

    private static final String APACHE = "Apache HTTP Server";
    private static final String NGINX = "nginx";

    @Test
    void apacheAuthenticationFailuresAndDenialsHaveTheUserAndTheClient() throws Exception {
        JsonNode wrong = line("[Sat Feb 28 14:32:52.123456 2026] [auth_basic:error] [pid 1234:tid 140000] [client"
                + " 203.0.113.9:51234] AH01617: user admin: authentication failure for \"/admin\": Password Mismatch");
        assertLogon(wrong, 2, "admin", "203.0.113.9");
        assertThat(wrong.at("/src_endpoint/port").asInt()).isEqualTo(51234);
        assertThat(wrong.get("status_detail").asText()).isEqualTo("Password Mismatch");
        assertThat(wrong.get("status_code").asText()).isEqualTo("AH01617");
        assertThat(wrong.get("time").asLong()).isEqualTo(epochMillis("2026-02-28T14:32:52.123456Z"));
        assertProduct(wrong, APACHE);
        JsonNode unknown =
                line("<187>Feb 28 14:32:52 web01 apache2: [Sat Feb 28 14:32:52.123456 2026] [auth_basic:error]"
                        + " [pid 1234:tid 140000] [client 2001:db8::9:51234] AH01618: user nobody not found: /admin");
        assertLogon(unknown, 2, "nobody", "2001:db8::9");
        assertThat(unknown.get("status_detail").asText()).isEqualTo("invalid user");
        assertThat(unknown.at("/device/hostname").asText()).isEqualTo("web01");
        // Apache 2.2: no module, no code, the client without its port
        assertLogon(
                line("[Mon Feb 09 16:47:55 2015] [error] [client 10.0.0.7] user bob: authentication failure for"
                        + " \"/private\": Password Mismatch"),
                2,
                "bob",
                "10.0.0.7");

        JsonNode denied = line("[Sat Feb 28 14:32:53.000001 2026] [authz_core:error] [pid 1234:tid 140000] [client"
                + " 203.0.113.9:51240] AH01630: client denied by server configuration: /var/www/html/.git");
        assertThat(denied.get("class_uid").asInt()).isEqualTo(4002);
        assertDenied(denied);
        assertThat(denied.at("/http_response/code").asInt()).isEqualTo(403);
        assertThat(denied.at("/http_request/url/path").asText()).isEqualTo("/var/www/html/.git");

        // other error lines: Base Events of Apache with their time
        JsonNode missing = line("[Sat Feb 28 14:32:54.500000 2026] [core:error] [pid 1234] [client 203.0.113.9:51241]"
                + " AH00128: File does not exist: /var/www/html/wp-login.php");
        assertBaseEventOf(missing, APACHE);
        assertThat(missing.at("/metadata/labels").toString()).doesNotContain(OcsfNormalizer.LABEL_TIME_FROM_RECEIVED);
    }

    @Test
    void nginxAuthenticationFailuresAndRefusalsHaveTheRequest() throws Exception {
        JsonNode wrong =
                line("<187>Feb 28 14:32:52 web01 nginx: 2026/02/28 14:32:52 [error] 811#811: *7 user \"admin\":"
                        + " password mismatch, client: 198.51.100.4, server: intranet.example.com, request: \"GET /admin/"
                        + " HTTP/1.1\", host: \"intranet.example.com\"");
        assertLogon(wrong, 2, "admin", "198.51.100.4");
        assertThat(wrong.at("/http_request/url/url_string").asText()).isEqualTo("/admin/");
        assertThat(wrong.at("/dst_endpoint/hostname").asText()).isEqualTo("intranet.example.com");
        assertThat(wrong.get("time").asLong()).isEqualTo(epochMillis("2026-02-28T14:32:52Z"));
        assertProduct(wrong, NGINX);
        JsonNode unknown = line("2026/02/28 14:32:53 [error] 811#811: *8 user \"guest\" was not found in"
                + " \"/etc/nginx/.htpasswd\", client: 198.51.100.4, server: intranet.example.com, request: \"GET /"
                + " HTTP/1.1\", host: \"intranet.example.com\"");
        assertLogon(unknown, 2, "guest", "198.51.100.4");
        assertThat(unknown.get("status_detail").asText()).isEqualTo("invalid user");

        JsonNode forbidden =
                line("2026/02/28 14:32:54 [error] 811#811: *9 access forbidden by rule, client: 2001:db8::4,"
                        + " server: _, request: \"POST /wp-login.php HTTP/1.1\", host: \"example.com\"");
        assertThat(forbidden.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(forbidden.get("activity_name").asText()).isEqualTo("Post");
        assertDenied(forbidden);
        assertThat(forbidden.at("/src_endpoint/ip").asText()).isEqualTo("2001:db8::4");
        // a directory without an index file while autoindex is off: answered 403 like a rule's refusal
        JsonNode noIndex = line("2026/02/28 14:32:54 [error] 811#811: *11 directory index of"
                + " \"/srv/www/files/backup/\" is forbidden, client: 203.0.113.70, server: files.example.com,"
                + " request: \"GET /backup/ HTTP/1.1\", host: \"files.example.com\"");
        assertThat(noIndex.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(noIndex.get("activity_name").asText()).isEqualTo("Get");
        assertDenied(noIndex);
        assertThat(noIndex.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.70");
        assertThat(noIndex.at("/http_request/url/url_string").asText()).isEqualTo("/backup/");
        assertThat(noIndex.at("/http_response/code").asInt()).isEqualTo(403);
        // its neighbour: a file that does not exist is no refusal
        assertBaseEventOf(
                line("2026/02/28 14:32:54 [error] 811#811: *12 open() \"/srv/www/files/robots.txt\" failed (2: No such"
                        + " file or directory), client: 203.0.113.70, server: files.example.com, request: \"GET"
                        + " /robots.txt HTTP/1.1\", host: \"files.example.com\""),
                NGINX);
        JsonNode limited = line("2026/02/28 14:32:55 [error] 811#811: *10 limiting requests, excess: 20.520 by zone"
                + " \"perip\", client: 198.51.100.4, server: api.example.com, request: \"GET /api/v1/login HTTP/1.1\","
                + " host: \"api.example.com\"");
        assertDenied(limited);
        assertThat(limited.get("status_detail").asText())
                .isEqualTo("limiting requests, excess: 20.520 by zone \"perip\"");

        // corpus (Wazuh nginx-errorlog): other lines are Base Events of nginx with their time
        JsonNode other =
                line("2015/01/08 11:31:23 [error] 80:2 blah blah accept() failed (53: Software caused connection"
                        + " abort)");
        assertBaseEventOf(other, NGINX);
        assertThat(other.get("time").asLong()).isEqualTo(epochMillis("2015-01-08T11:31:23Z"));
        // an access log line is not an error log line
        assertThat(line("198.51.100.4 - - [28/Feb/2026:14:32:52 +0000] \"GET / HTTP/1.1\" 200 612 \"-\" \"curl/8\"")
                        .at("/metadata/product/name")
                        .asText())
                .isNotIn(NGINX, APACHE);
    }
}
