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
 * Denied, a client's request for a file that is missing or unreadable, an overlong body or a request
 * the server could not read a failed HTTP Activity with the answer code the server gives it, and every
 * other line of these logs is a Base Event of its server with the log line's own time. Lines of the
 * shared corpus (Wazuh's apache-errorlog and nginx-errorlog tests, logstash's HTTPD_ERRORLOG samples)
 * and lines written from the servers' documented formats and sources (nginx's static and index
 * modules, Apache's core, autoindex and cgi modules).
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

        // a daemon's own error, though written for a request: a Base Event of Apache with its time
        JsonNode script = line("[Mon Aug 31 16:27:04 2015] [error] [client 10.17.42.3] Premature end of script"
                + " headers: example.com");
        assertBaseEventOf(script, APACHE);
        assertThat(script.get("time").asLong()).isEqualTo(epochMillis("2015-08-31T16:27:04Z"));
    }

    @Test
    void apacheRequestsForMissingOrUnreadableFilesAndInvalidUrisAreFailedHttpActivity() throws Exception {
        JsonNode missing = line("[Sat Feb 28 14:32:54.500000 2026] [core:error] [pid 1234] [client 203.0.113.9:51241]"
                + " AH00128: File does not exist: /var/www/html/wp-login.php");
        assertThat(missing.get("class_uid").asInt()).as("class of %s", missing).isEqualTo(4002);
        assertThat(missing.get("status_id").asInt()).isEqualTo(2);
        assertThat(missing.at("/http_response/code").asInt()).isEqualTo(404);
        assertThat(missing.at("/file/path").asText()).isEqualTo("/var/www/html/wp-login.php");
        assertThat(missing.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.9");
        assertThat(missing.get("action_id")).as("a missing file is no refusal").isNull();
        assertThat(missing.at("/metadata/labels").toString()).doesNotContain(OcsfNormalizer.LABEL_TIME_FROM_RECEIVED);
        // with the referer Apache appends, and in Apache 2.2's layout
        JsonNode referred = line("[Sat Feb 28 14:32:55.000001 2026] [core:info] [pid 1234:tid 1398] [client"
                + " 203.0.113.9:51242] AH00128: File does not exist: /var/www/html/favicon.ico, referer:"
                + " https://www.example.com/index.html");
        assertThat(referred.at("/file/path").asText()).isEqualTo("/var/www/html/favicon.ico");
        assertThat(referred.at("/http_request/referrer").asText()).isEqualTo("https://www.example.com/index.html");
        assertThat(line("[Mon Aug 31 16:27:04 2015] [error] [client 10.17.42.3] File does not exist:"
                                + " /var/www/favicon.ico")
                        .at("/http_response/code")
                        .asInt())
                .isEqualTo(404);
        // corpus (logstash-patterns-core HTTPD_ERRORLOG): PHP's handler for a script that is not there
        JsonNode php = line("[Tue Apr 14 14:27:52.605084 2020] [:error] [pid 5688] [client 192.168.10.110:8196]"
                + " script '/login/wp-login.php' not found or unable to stat");
        assertThat(php.get("class_uid").asInt()).as("class of %s", php).isEqualTo(4002);
        assertThat(php.at("/file/path").asText()).isEqualTo("/login/wp-login.php");
        // a directory without an index: refused like a rule's denial
        JsonNode noIndex = line("[Sat Feb 28 14:32:56.000001 2026] [autoindex:error] [pid 1234] [client"
                + " 203.0.113.9:51243] AH01276: Cannot serve directory /var/www/html/backup/: No matching"
                + " DirectoryIndex (index.html,index.php) found, and server-generated directory index forbidden by"
                + " Options directive");
        assertDenied(noIndex);
        assertThat(noIndex.at("/http_response/code").asInt()).isEqualTo(403);
        // a permission missing on the path: Apache 2.4 writes the system error before the client
        JsonNode unreadable = line("[Sat Feb 28 14:32:57.000001 2026] [core:error] [pid 1234] (13)Permission denied:"
                + " [client 203.0.113.9:51244] AH00035: access to /private/report.pdf denied (filesystem path"
                + " '/srv/private/report.pdf') because search permissions are missing on a component of the path");
        assertThat(unreadable.get("class_uid").asInt())
                .as("class of %s", unreadable)
                .isEqualTo(4002);
        assertThat(unreadable.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.9");
        assertThat(unreadable.at("/http_request/url/path").asText()).isEqualTo("/private/report.pdf");
        assertThat(unreadable.at("/file/path").asText()).isEqualTo("/srv/private/report.pdf");
        assertThat(unreadable.at("/http_response/code").asInt()).isEqualTo(403);
        // a path traversal attempt: the request line itself
        JsonNode traversal = line("[Sat Feb 28 14:32:58.000001 2026] [core:error] [pid 1234] [client"
                + " 203.0.113.9:51245] AH00126: Invalid URI in request GET /../../../../etc/passwd HTTP/1.1");
        assertThat(traversal.get("activity_name").asText()).as("%s", traversal).isEqualTo("Get");
        assertThat(traversal.at("/http_request/url/url_string").asText()).isEqualTo("/../../../../etc/passwd");
        assertThat(traversal.at("/http_response/code").asInt()).isEqualTo(400);
        // a backend's failure with the client's address, written before the client: a Base Event
        assertBaseEventOf(
                line("[Mon Aug 31 09:30:48.958285 2015] [proxy_fcgi:error] [pid 28787:tid 140169587934976]"
                        + " (70008)Partial results are valid but processing is incomplete: [client 58.13.45.166:59307]"
                        + " AH01075: Error dispatching request to : (reading input brigade), referer:"
                        + " http://example.com/index.php"),
                APACHE);
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
        // its neighbour: a file that does not exist is a failed request (404), no refusal
        JsonNode missing = line("2026/02/28 14:32:54 [error] 811#811: *12 open() \"/srv/www/files/robots.txt\" failed"
                + " (2: No such file or directory), client: 203.0.113.70, server: files.example.com, request: \"GET"
                + " /robots.txt HTTP/1.1\", host: \"files.example.com\"");
        assertThat(missing.get("class_uid").asInt()).as("class of %s", missing).isEqualTo(4002);
        assertThat(missing.get("action_id")).as("no refusal: %s", missing).isNull();
        assertThat(missing.at("/http_response/code").asInt()).isEqualTo(404);
        JsonNode limited = line("2026/02/28 14:32:55 [error] 811#811: *10 limiting requests, excess: 20.520 by zone"
                + " \"perip\", client: 198.51.100.4, server: api.example.com, request: \"GET /api/v1/login HTTP/1.1\","
                + " host: \"api.example.com\"");
        assertDenied(limited);
        assertThat(limited.get("status_detail").asText())
                .isEqualTo("limiting requests, excess: 20.520 by zone \"perip\"");

        // a daemon's failure with a backend, though for a request: a Base Event
        assertBaseEventOf(
                line("2026/02/28 14:32:56 [error] 811#811: *18 upstream timed out (110: Connection timed out) while"
                        + " reading response header from upstream, client: 203.0.113.70, server: api.example.com,"
                        + " request: \"GET /slow HTTP/1.1\", upstream: \"http://127.0.0.1:8080/slow\", host:"
                        + " \"api.example.com\""),
                NGINX);

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

    @Test
    void nginxRequestsForMissingFilesOverlongBodiesAndUnreadableRequestsAreFailedHttpActivity() throws Exception {
        // the index module: a directory without its index file
        JsonNode noIndexFile =
                line("2026/02/28 14:33:01 [error] 811#811: *21 \"/usr/share/nginx/html/admin/index.html\""
                        + " is not found (2: No such file or directory), client: 203.0.113.70, server: localhost, request:"
                        + " \"GET /admin/ HTTP/1.1\", host: \"example.com\"");
        assertThat(noIndexFile.get("class_uid").asInt())
                .as("class of %s", noIndexFile)
                .isEqualTo(4002);
        assertThat(noIndexFile.get("activity_name").asText()).isEqualTo("Get");
        assertThat(noIndexFile.at("/http_response/code").asInt()).isEqualTo(404);
        assertThat(noIndexFile.at("/file/path").asText()).isEqualTo("/usr/share/nginx/html/admin/index.html");
        assertThat(noIndexFile.at("/http_request/url/url_string").asText()).isEqualTo("/admin/");
        // a file nginx may not read (EACCES): answered 403, at the crit level for stat()
        JsonNode unreadable = line("2026/02/28 14:33:02 [crit] 811#811: *22 stat() \"/var/www/html/x\" failed (13:"
                + " Permission denied), client: 203.0.113.70, server: localhost, request: \"HEAD /x HTTP/1.1\","
                + " host: \"example.com\"");
        assertThat(unreadable.get("activity_name").asText())
                .as("%s", unreadable)
                .isEqualTo("Head");
        assertThat(unreadable.at("/http_response/code").asInt()).isEqualTo(403);
        // a body over client_max_body_size: refused
        JsonNode tooLarge = line("2026/02/28 14:33:03 [error] 811#811: *23 client intended to send too large body:"
                + " 10485761 bytes, client: 203.0.113.70, server: upload.example.com, request: \"POST /upload"
                + " HTTP/1.1\", host: \"upload.example.com\"");
        assertThat(tooLarge.get("activity_name").asText()).as("%s", tooLarge).isEqualTo("Post");
        assertDenied(tooLarge);
        assertThat(tooLarge.at("/http_response/code").asInt()).isEqualTo(413);
        // a TLS handshake sent to a plain HTTP port: no method, answered 400
        JsonNode garbage = line("2026/02/28 14:33:04 [info] 811#811: *24 client sent invalid method while reading"
                + " client request line, client: 203.0.113.70, server: _, request:"
                + " \"\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xFC\\x03\\x03\"");
        assertThat(garbage.get("class_uid").asInt()).as("class of %s", garbage).isEqualTo(4002);
        assertThat(garbage.get("activity_id").asInt()).isEqualTo(99);
        assertThat(garbage.at("/http_response/code").asInt()).isEqualTo(400);
        assertThat(garbage.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.70");
        // corpus (Wazuh nginx-errorlog): the same words without a client are the daemon's own: Base Events
        assertBaseEventOf(
                line("2015/01/08 11:31:23 [error] 80:2 blah blah failed (2: No such file or directory)"), NGINX);
        assertBaseEventOf(
                line("2015/01/08 11:31:23 [error] 80:2 blah blah is not found (2: No such file or directory)"), NGINX);
    }
}
