package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The mapping files of applications a small company hosts itself: Nextcloud's log (JSON, one record
 * a line) with its audit app's logins, file and sharing actions and user and group changes; MongoDB's
 * server log (the JSON log of 4.4 and later, the text log before) with its authentications and client
 * connections. Lines written from each product's documented format.
 */
class SelfHostedAppsMappingsTest {

    private static String nextcloud(String user, String app, String method, String url, String message) {
        return """
                {"reqId":"Zb3kQ2xT9aPq1LmN0vWy","level":1,"time":"2026-03-01T09:59:58+00:00","remoteAddr":"198.51.100.25",
                 "user":"%s","app":"%s","method":"%s","url":"%s","message":%s,
                 "userAgent":"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:124.0) Gecko/20100101 Firefox/124.0","version":"28.0.3.2",
                 "data":{"app":"%s"}}""".formatted(user, app, method, url, message, app);
    }

    @Test
    void nextcloudLoginsAreAuthentication() throws Exception {
        JsonNode failed =
                json(nextcloud("--", "core", "POST", "/login", "\"Login failed: alice (Remote IP: 203.0.113.50)\""));
        assertProduct(failed, "Nextcloud");
        assertLogon(failed, 2, "alice", "203.0.113.50");
        assertThat(failed.at("/actor/user/name").asText()).isEqualTo("alice");
        assertThat(failed.get("severity_id").asInt()).isEqualTo(3);
        assertThat(failed.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:59:58Z"));
        assertThat(failed.at("/metadata/log_name").asText()).isEqualTo("core");
        // older releases quote the name and the address
        JsonNode quoted = json(nextcloud(
                "--", "core", "POST", "/index.php/login", "\"Login failed: 'bob' (Remote IP: '198.51.100.26')\""));
        assertLogon(quoted, 2, "bob", "198.51.100.26");

        // brute-force protection slowing an address down
        JsonNode bruteForce = json(nextcloud(
                "--",
                "core",
                "POST",
                "/login",
                "\"Bruteforce attempt from \\\"203.0.113.50\\\" detected for action \\\"login\\\".\""));
        assertThat(bruteForce.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(bruteForce.at("/finding_info/types/0").asText()).isEqualTo("Brute Force");
        assertThat(bruteForce.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("203.0.113.50");
        assertThat(bruteForce.at("/actor/user/name").isMissingNode()).isTrue();

        JsonNode success =
                json(nextcloud("alice", "admin_audit", "POST", "/login", "\"Login successful: \\\"alice\\\"\""));
        assertLogon(success, 1, "alice", "198.51.100.25");
        assertThat(success.at("/http_request/user_agent").asText()).startsWith("Mozilla/5.0 (Windows NT 10.0");
        JsonNode logout = json(nextcloud("alice", "admin_audit", "GET", "/logout", "\"Logout occurred\""));
        assertThat(logout.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(logout.get("activity_id").asInt()).isEqualTo(2);
        assertThat(logout.at("/user/name").asText()).isEqualTo("alice");
    }

    @Test
    void nextcloudFileActionsAreFileHostingActivity() throws Exception {
        JsonNode created = json(nextcloud(
                "alice",
                "admin_audit",
                "PUT",
                "/remote.php/dav/files/alice/Invoices/2026-03.pdf",
                "\"File created: \\\"/Invoices/2026-03.pdf\\\"\""));
        assertThat(created.get("class_uid").asInt()).isEqualTo(6006);
        assertThat(created.get("activity_name").asText()).isEqualTo("Upload");
        assertThat(created.at("/file/path").asText()).isEqualTo("/Invoices/2026-03.pdf");
        assertThat(created.at("/file/name").asText()).isEqualTo("2026-03.pdf");
        assertThat(created.at("/actor/user/name").asText()).isEqualTo("alice");
        assertThat(created.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.25");

        String[][] actions = {
            {"File accessed: \\\"/Invoices/2026-03.pdf\\\"", "Open"},
            {"File written to: \\\"/Invoices/2026-03.pdf\\\"", "Update"},
            {"File deleted: \\\"/Invoices/2026-03.pdf\\\"", "Delete"},
            {
                "Preview accessed: \\\"/Photos/team.jpg\\\" (width: \\\"256\\\", height: \\\"256\\\" crop: \\\"1\\\", mode: \\\"fill\\\")",
                "Preview"
            },
            {"File renamed: \\\"/Invoices/draft.pdf\\\" to \\\"/Invoices/final.pdf\\\"", "Rename"},
            {
                "The file \\\"/Invoices/final.pdf\\\" with ID \\\"5120\\\" has been shared via link with permissions \\\"1\\\" (Share ID: 12)",
                "Share"
            },
        };
        for (String[] action : actions) {
            JsonNode r = json(nextcloud("alice", "admin_audit", "GET", "/", "\"" + action[0] + "\""));
            assertThat(r.get("class_uid").asInt()).as(action[0]).isEqualTo(6006);
            assertThat(r.get("activity_name").asText()).as(action[0]).isEqualTo(action[1]);
        }
        JsonNode renamed = json(nextcloud(
                "alice",
                "admin_audit",
                "MOVE",
                "/",
                "\"File renamed: \\\"/Invoices/draft.pdf\\\" to \\\"/Invoices/final.pdf\\\"\""));
        assertThat(renamed.at("/file/path").asText()).isEqualTo("/Invoices/final.pdf");
        assertThat(renamed.at("/file/name").asText()).isEqualTo("final.pdf");
    }

    @Test
    void nextcloudUserAndGroupChangesAreAccountChangeAndGroupManagement() throws Exception {
        JsonNode created = json(nextcloud(
                "admin", "admin_audit", "POST", "/ocs/v2.php/cloud/users", "\"User created: \\\"carol\\\"\""));
        assertThat(created.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(created.get("activity_name").asText()).isEqualTo("Create");
        assertThat(created.at("/user/name").asText()).isEqualTo("carol");
        assertThat(created.at("/actor/user/name").asText()).isEqualTo("admin");
        JsonNode password = json(nextcloud(
                "admin",
                "admin_audit",
                "PUT",
                "/ocs/v2.php/cloud/users/carol",
                "\"Password of user \\\"carol\\\" has been changed\""));
        assertThat(password.get("activity_name").asText()).isEqualTo("Password Change");
        JsonNode added = json(nextcloud(
                "admin",
                "admin_audit",
                "POST",
                "/ocs/v2.php/cloud/users/carol/groups",
                "\"\\\"carol\\\" added to group \\\"admin\\\"\""));
        assertThat(added.get("class_uid").asInt()).isEqualTo(3006);
        assertThat(added.get("activity_name").asText()).isEqualTo("Add User");
        assertThat(added.at("/group/name").asText()).isEqualTo("admin");
        assertThat(added.at("/user/name").asText()).isEqualTo("carol");

        // anything else Nextcloud logs stays a Base Event of Nextcloud
        assertBaseEventOf(
                json(nextcloud(
                        "--",
                        "cron",
                        "",
                        "--",
                        "\"Background job OCA\\\\Files\\\\BackgroundJob\\\\ScanFiles finished\"")),
                "Nextcloud");
    }

    @Test
    void mongodbAuthenticationsAndConnectionsInBothLogFormats() throws Exception {
        JsonNode succeeded = json("""
                {"t":{"$date":"2026-03-01T09:59:58.123+00:00"},"s":"I","c":"ACCESS","id":20250,"ctx":"conn12",
                 "msg":"Authentication succeeded","attr":{"mechanism":"SCRAM-SHA-256","speculative":true,
                 "principalName":"appuser","authenticationDatabase":"admin","remote":"192.0.2.10:51234","extraInfo":{}}}""");
        assertProduct(succeeded, "MongoDB");
        assertLogon(succeeded, 1, "appuser", "192.0.2.10");
        assertThat(succeeded.at("/src_endpoint/port").asInt()).isEqualTo(51234);
        assertThat(succeeded.get("auth_protocol").asText()).isEqualTo("SCRAM-SHA-256");
        assertThat(succeeded.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:59:58.123Z"));

        // through syslog, as mongod sends it with --syslog
        JsonNode failed = line("<30>Mar  1 09:59:54 db01 mongod.27017[2311]: " + """
                {"t":{"$date":"2026-03-01T09:59:54.000+00:00"},"s":"I","c":"ACCESS","id":20249,"ctx":"conn14",\
                "msg":"Authentication failed","attr":{"mechanism":"SCRAM-SHA-256","principalName":"root",\
                "authenticationDatabase":"admin","remote":"203.0.113.66:40100",\
                "error":"AuthenticationFailed: SCRAM authentication failed, storedKey mismatch"}}""");
        assertLogon(failed, 2, "root", "203.0.113.66");
        assertThat(failed.get("status_detail").asText()).startsWith("AuthenticationFailed");
        assertThat(failed.at("/device/hostname").asText()).isEqualTo("db01");

        JsonNode accepted = json("""
                {"t":{"$date":"2026-03-01T09:59:56.000+00:00"},"s":"I","c":"NETWORK","id":22943,"ctx":"listener",
                 "msg":"Connection accepted","attr":{"remote":"192.0.2.10:51234","connectionId":12,"connectionCount":7}}""");
        assertThat(accepted.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(accepted.get("activity_name").asText()).isEqualTo("Open");
        assertThat(accepted.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.10");
        assertThat(accepted.at("/connection_info/uid").asText()).isEqualTo("12");

        // the text log of releases before 4.4
        JsonNode oldSuccess =
                line("2026-03-01T09:59:52.000+0000 I ACCESS   [conn9] Successfully authenticated as principal"
                        + " appuser on admin from client 192.0.2.10:50111");
        assertLogon(oldSuccess, 1, "appuser", "192.0.2.10");
        JsonNode oldFailure =
                line("2026-03-01T09:59:51.000+0000 I ACCESS   [conn8] SASL SCRAM-SHA-1 authentication failed"
                        + " for reporting on sales from client 198.51.100.30:41000 ; AuthenticationFailed: SCRAM-SHA-1 authentication failed,"
                        + " storedKey mismatch");
        assertLogon(oldFailure, 2, "reporting", "198.51.100.30");
        assertThat(oldFailure.get("auth_protocol").asText()).isEqualTo("SCRAM-SHA-1");
        JsonNode oldEnd = line("2026-03-01T09:59:50.000+0000 I NETWORK  [conn8] end connection 198.51.100.30:41000"
                + " (5 connections now open)");
        assertThat(oldEnd.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(oldEnd.get("activity_name").asText()).isEqualTo("Close");
        assertThat(oldEnd.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.30");
        assertThat(oldEnd.at("/src_endpoint/port").asInt()).isEqualTo(41000);

        // other messages stay Base Events of MongoDB
        assertBaseEventOf(json("""
                {"t":{"$date":"2026-03-01T09:59:53.000+00:00"},"s":"W","c":"NETWORK","id":23234,"ctx":"conn15",
                 "msg":"No SSL certificate provided by peer"}"""), "MongoDB");
    }
}
