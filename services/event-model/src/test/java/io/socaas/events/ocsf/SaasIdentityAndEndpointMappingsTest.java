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
 * Cloud services SMEs sign in and protect endpoints with, as their SIEM integrations deliver them,
 * with records written from the vendors' API documentation: Cisco Duo's authentication log, Google
 * Workspace's Reports API activities and Sophos Central's SIEM events.
 */
class SaasIdentityAndEndpointMappingsTest {

    private static final String DUO = "{\"access_device\":{\"browser\":\"Chrome\",\"ip\":\"203.0.113.7\",\"location\":"
            + "{\"city\":\"Ann Arbor\",\"country\":\"United States\",\"state\":\"Michigan\"},\"os\":\"Mac OS X\","
            + "\"hostname\":null},\"alias\":\"\",\"application\":{\"key\":\"DIY231J8BR23QK4UKBY8\",\"name\":"
            + "\"Microsoft Azure Active Directory\"},\"auth_device\":{\"ip\":\"192.168.225.254\",\"name\":"
            + "\"My iPhone X\"},\"email\":\"narroway@example.com\",\"event_type\":\"authentication\",\"factor\":"
            + "\"duo_push\",\"isotimestamp\":\"2026-03-01T09:00:00.351346+00:00\",\"reason\":\"user_approved\","
            + "\"result\":\"success\",\"timestamp\":1772355600,\"txid\":\"340a23e3-23f3-4eb2-bfd0-1d2f4ae1f3b6\","
            + "\"user\":{\"groups\":[\"Duo Users\"],\"key\":\"DU3KC77WJ06Y5HIV7XKQ\",\"name\":\"narroway\"}}";

    private static final String WORKSPACE_LOGIN = "{\"kind\":\"admin#reports#activity\",\"id\":{\"time\":"
            + "\"2026-03-01T09:02:00.000Z\",\"uniqueQualifier\":\"-123\",\"applicationName\":\"login\",\"customerId\":"
            + "\"C01\"},\"actor\":{\"callerType\":\"USER\",\"email\":\"alice@corp.example\",\"profileId\":\"1234\"},"
            + "\"ipAddress\":\"203.0.113.7\",\"events\":[{\"type\":\"login\",\"name\":\"login_failure\",\"parameters\":"
            + "[{\"name\":\"login_type\",\"value\":\"google_password\"},{\"name\":\"login_failure_type\",\"value\":"
            + "\"login_failure_invalid_password\"}]}]}";

    private static final String SOPHOS_THREAT =
            "{\"severity\":\"high\",\"endpoint_type\":\"computer\",\"user_id\":\"5d\","
                    + "\"source_info\":{\"ip\":\"10.0.0.5\"},\"customer_id\":\"816f\",\"endpoint_id\":\"c80c\",\"type\":"
                    + "\"Event::Endpoint::Threat::Detected\",\"name\":\"Malware detected: 'EICAR-AV-Test' at"
                    + " 'C:\\\\Users\\\\alice\\\\Downloads\\\\eicar.com'\",\"location\":\"WS01\",\"source\":\"CORP\\\\alice\","
                    + "\"id\":\"83d6\",\"group\":\"MALWARE\",\"when\":\"2026-03-01T09:04:00.123Z\",\"threat\":\"EICAR-AV-Test\","
                    + "\"datastream\":\"event\"}";

    @Test
    void duoActivityLogIsApiActivityAndTrustMonitorEventsAreFindings() throws Exception {
        // written from Duo's v2 activity log and Trust Monitor records: action, actor, target, outcome; sekey,
        // explanations
        JsonNode failed = json("""
                {"activity_id": "3f1c2b7e-5a40-4d6e-9a11-0c2d3e4f5a6b", "akey": "DA0EXAMPLE1",
                 "action": {"name": "password_change", "details": null},
                 "actor": {"key": "DU0EXAMPLE7", "name": "erin", "type": "user"},
                 "target": {"key": "WA0EXAMPLE3", "name": "WA0EXAMPLE3", "type": "password_auth"},
                 "application": {"key": "DI0EXAMPLE5", "name": "Intranet", "type": "websdk"},
                 "access_device": {"browser": "Firefox", "ip": {"address": "198.51.100.44"}, "os": "Windows"},
                 "outcome": {"result": "FAILURE"}, "old_target": null, "ts": "2026-03-01T09:12:30.250000+00:00"}""");
        assertProduct(failed, "Duo");
        assertThat(failed.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(failed.at("/api/operation").asText()).isEqualTo("password_change");
        assertThat(failed.at("/actor/user/name").asText()).isEqualTo("erin");
        assertThat(failed.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.44");
        assertThat(failed.at("/resources/0/type").asText()).isEqualTo("password_auth");
        assertThat(failed.get("status_id").asInt()).isEqualTo(2);
        assertThat(failed.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:12:30.250Z"));

        JsonNode priority = json("""
                {"sekey": "SE0EXAMPLE1", "type": "auth", "state": "new", "priority_event": true,
                 "priority_reasons": [{"label": "XX", "type": "country"}], "from_new_user": false,
                 "explanations": [{"summary": "erin has not logged in from this location recently.", "type": "NEW_COUNTRY_CODE"}],
                 "surfaced_auth": {"access_device": {"ip": "203.0.113.66"}, "result": "denied", "factor": "duo_push",
                                   "user": {"key": "DU0EXAMPLE7", "name": "erin"}, "txid": "b1c2", "timestamp": 1772350000},
                 "surfaced_timestamp": 1772355600000,
                 "triage_event_uri": "https://admin-example.duosecurity.com/trust-monitor?sekey=SE0EXAMPLE1"}""");
        assertProduct(priority, "Duo");
        assertThat(priority.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(priority.get("severity_id").asInt()).isEqualTo(4);
        assertThat(priority.at("/finding_info/title").asText())
                .isEqualTo("erin has not logged in from this location recently.");
        assertThat(priority.at("/finding_info/uid").asText()).isEqualTo("SE0EXAMPLE1");
        assertThat(priority.at("/evidences/0/user/name").asText()).isEqualTo("erin");
        assertThat(priority.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("203.0.113.66");
        assertThat(priority.get("time").asLong()).isEqualTo(1772355600000L);
        JsonNode bypass = json("""
                {"sekey": "SE0EXAMPLE2", "type": "bypass_status", "state": "new", "priority_event": false,
                 "priority_reasons": [], "bypass_status_enabled": 1772355000000,
                 "enabled_by": {"key": "DE0EXAMPLE9", "name": "Admin Frank"}, "enabled_for": {"key": "DU0EXAMPLE7", "name": "erin"},
                 "surfaced_timestamp": 1772355600000}""");
        assertThat(bypass.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(bypass.get("severity_id").asInt()).isEqualTo(2);
        assertThat(bypass.at("/finding_info/title").asText()).isEqualTo("bypass_status");
        assertThat(bypass.at("/evidences/0/user/name").asText()).isEqualTo("erin");
        assertThat(bypass.at("/evidences/0/actor/user/name").asText()).isEqualTo("Admin Frank");

        // Duo's authentication log keeps its own mapping; a record that only has a type and a state is not Duo's
        assertThat(json(DUO).get("class_uid").asInt()).isEqualTo(3002);
        assertThat(json("{\"type\": \"auth\", \"state\": \"new\", \"id\": \"x1\"}")
                        .at("/metadata/product/name")
                        .asText())
                .isNotEqualTo("Duo");
    }

    @Test
    void duoSecondFactorsAreAuthenticationsWithUserDeviceAndApplication() throws Exception {
        JsonNode ok = json(DUO);
        assertProduct(ok, "Duo");
        assertThat(ok.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(ok.get("status_id").asInt()).isEqualTo(1);
        assertThat(ok.get("is_mfa").asBoolean()).isTrue();
        assertThat(ok.at("/user/name").asText()).isEqualTo("narroway");
        assertThat(ok.at("/user/email_addr").asText()).isEqualTo("narroway@example.com");
        assertThat(ok.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.7");
        assertThat(ok.at("/src_endpoint/location/country").asText()).isEqualTo("United States");
        assertThat(ok.at("/service/name").asText()).isEqualTo("Microsoft Azure Active Directory");
        assertThat(ok.get("status_detail").asText()).isEqualTo("user_approved");
        assertThat(ok.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:00:00.351Z"));

        JsonNode denied =
                json(DUO.replace("\"success\"", "\"denied\"").replace("user_approved", "deny_unenrolled_user"));
        assertThat(denied.get("status_id").asInt()).isEqualTo(2);
        assertThat(denied.get("status_detail").asText()).isEqualTo("deny_unenrolled_user");
        // a push the user reported as fraud: a failure of high severity
        JsonNode fraud = json(DUO.replace("\"success\"", "\"fraud\"").replace("user_approved", "user_marked_fraud"));
        assertThat(fraud.get("status_id").asInt()).isEqualTo(2);
        assertThat(fraud.get("severity_id").asInt()).isEqualTo(4);
        // forwarded by Duo Log Sync over syslog
        JsonNode forwarded = line("<14>Mar  1 09:00:01 logsync duo: " + DUO);
        assertThat(forwarded.get("class_uid").asInt()).isEqualTo(3002);
    }

    @Test
    void duoAdministratorLogSignInsAccountsAndOtherActions() throws Exception {
        // written from the Admin API's administrator log v1 schema
        JsonNode login = json(
                "{\"action\": \"admin_login\", \"description\": \"{\\\"ip_address\\\": \\\"203.0.113.20\\\", "
                        + "\\\"device\\\": \\\"248-555-0100\\\", \\\"factor\\\": \\\"push\\\"}\", \"isotimestamp\": "
                        + "\"2026-03-01T09:20:00+00:00\", \"object\": null, \"timestamp\": 1772356800, \"username\": \"Ada Admin\"}");
        assertProduct(login, "Duo");
        assertThat(login.at("/metadata/log_name").asText()).isEqualTo("administrator");
        assertThat(login.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(login.get("status_id").asInt()).isEqualTo(1);
        assertThat(login.at("/user/name").asText()).isEqualTo("Ada Admin");
        assertThat(login.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.20");
        assertThat(login.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:20:00Z"));
        JsonNode failed = json("{\"action\": \"admin_login_error\", \"description\": \"{\\\"ip_address\\\": "
                + "\\\"198.51.100.77\\\", \\\"error\\\": \\\"Invalid password\\\"}\", \"isotimestamp\": "
                + "\"2026-03-01T09:21:00+00:00\", \"object\": null, \"timestamp\": 1772356860, \"username\": \"\"}");
        assertThat(failed.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(failed.get("status_id").asInt()).isEqualTo(2);
        assertThat(failed.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.77");
        assertThat(failed.get("status_detail").asText()).isEqualTo("Invalid password");
        // Duo leaves the username of a failed sign-in empty and names the administrator by e-mail address
        JsonNode saml = json("{\"action\": \"admin_login_error\", \"description\": \"{\\\"ip_address\\\": "
                + "\\\"203.0.113.151\\\", \\\"error\\\": \\\"SAML login is disabled\\\", \\\"email\\\": "
                + "\\\"g.lindqvist@example.net\\\"}\", \"isotimestamp\": \"2026-03-01T09:21:30+00:00\", \"object\": null, "
                + "\"timestamp\": 1772356890, \"username\": \"\"}");
        assertLogon(saml, 2, "g.lindqvist@example.net", "203.0.113.151");
        assertThat(saml.at("/user/email_addr").asText()).isEqualTo("g.lindqvist@example.net");
        assertThat(saml.get("status_detail").asText()).isEqualTo("SAML login is disabled");
        // a second factor that failed for a known administrator keeps the username
        JsonNode factor = json("{\"action\": \"admin_2fa_error\", \"description\": \"{\\\"ip_address\\\": "
                + "\\\"198.51.100.78\\\", \\\"error\\\": \\\"Push denied\\\", \\\"email\\\": "
                + "\\\"ada@example.net\\\"}\", \"isotimestamp\": \"2026-03-01T09:21:40+00:00\", \"object\": null, "
                + "\"timestamp\": 1772356900, \"username\": \"Ada Admin\"}");
        assertLogon(factor, 2, "Ada Admin", "198.51.100.78");
        assertThat(factor.at("/user/email_addr").asText()).isEqualTo("ada@example.net");

        JsonNode deleted = json(
                "{\"action\": \"user_delete\", \"description\": \"{}\", \"isotimestamp\": "
                        + "\"2026-03-01T09:22:00+00:00\", \"object\": \"bob\", \"timestamp\": 1772356920, \"username\": \"Ada Admin\"}");
        assertThat(deleted.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(deleted.get("activity_id").asInt()).isEqualTo(6);
        assertThat(deleted.at("/user/name").asText()).isEqualTo("bob");
        assertThat(deleted.at("/actor/user/name").asText()).isEqualTo("Ada Admin");

        JsonNode integration = json("{\"action\": \"integration_update\", \"description\": \"{}\", \"isotimestamp\": "
                + "\"2026-03-01T09:23:00+00:00\", \"object\": \"Microsoft RDP\", \"timestamp\": 1772356980, \"username\": "
                + "\"Ada Admin\"}");
        assertThat(integration.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(integration.get("activity_id").asInt()).isEqualTo(3);
        assertThat(integration.at("/api/operation").asText()).isEqualTo("integration_update");
        assertThat(integration.at("/resources/0/name").asText()).isEqualTo("Microsoft RDP");
    }

    /** A Slack Audit Logs API record, written from the API's documented schema. */
    private static String slack(String action, String entity, String details) {
        return "{\"id\":\"5b1e0c9a-0000-4000-8000-00000000000a\",\"date_create\":1772356800,\"action\":\"" + action
                + "\",\"actor\":{\"type\":\"user\",\"user\":{\"id\":\"W012A3CDE\",\"name\":\"Ada Admin\","
                + "\"email\":\"ada@example.com\"}},\"entity\":" + entity + ",\"context\":{\"location\":{\"type\":"
                + "\"enterprise\",\"id\":\"E0AB1CDEF\",\"name\":\"Example Corp\",\"domain\":\"example\"},\"ua\":"
                + "\"Mozilla/5.0 (X11; Linux x86_64)\",\"ip_address\":\"203.0.113.9\",\"session_id\":1234567890}"
                + (details == null ? "" : ",\"details\":" + details) + "}";
    }

    @Test
    void slackAuditLogsSignInsAccountsFilesAndAnomalies() throws Exception {
        String self =
                "{\"type\":\"user\",\"user\":{\"id\":\"W012A3CDE\",\"name\":\"Ada Admin\",\"email\":\"ada@example.com\"}}";
        String bob =
                "{\"type\":\"user\",\"user\":{\"id\":\"W099ZZZZZ\",\"name\":\"Bob\",\"email\":\"bob@example.com\"}}";
        JsonNode login = json(slack("user_login", self, null));
        assertProduct(login, "Slack");
        assertThat(login.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(login.get("status_id").asInt()).isEqualTo(1);
        assertThat(login.at("/user/email_addr").asText()).isEqualTo("ada@example.com");
        assertThat(login.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.9");
        assertThat(login.get("time").asLong()).isEqualTo(1772356800000L);

        JsonNode deactivated = json(slack("user_deactivated", bob, null));
        assertThat(deactivated.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(deactivated.get("activity_id").asInt()).isEqualTo(5);
        assertThat(deactivated.at("/user/name").asText()).isEqualTo("Bob");
        assertThat(deactivated.at("/actor/user/name").asText()).isEqualTo("Ada Admin");
        JsonNode promoted = json(slack("role_change_to_admin", bob, null));
        assertThat(promoted.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(promoted.get("activity_id").asInt()).isEqualTo(1);

        JsonNode download = json(slack(
                "file_downloaded",
                "{\"type\":\"file\",\"file\":{\"id\":\"F0123ABCD\",\"name\":\"payroll.xlsx\",\"filetype\":\"xlsx\","
                        + "\"title\":\"payroll.xlsx\"}}",
                null));
        assertThat(download.get("class_uid").asInt()).isEqualTo(6006);
        assertThat(download.get("activity_id").asInt()).isEqualTo(2);
        assertThat(download.at("/file/name").asText()).isEqualTo("payroll.xlsx");

        JsonNode anomaly =
                json(slack("anomaly", bob, "{\"reason\":[\"ip_address\",\"asn\"],\"location\":\"Paris, FR\"}"));
        assertThat(anomaly.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(anomaly.at("/finding_info/types/0").asText()).isEqualTo("ip_address");

        JsonNode setting = json(slack(
                "pref.sso_setting_changed",
                "{\"type\":\"enterprise\",\"enterprise\":{\"id\":\"E0AB1CDEF\",\"name\":\"Example Corp\"}}",
                null));
        assertThat(setting.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(setting.get("activity_id").asInt()).isEqualTo(3);
        assertThat(setting.at("/api/operation").asText()).isEqualTo("pref.sso_setting_changed");
    }

    @Test
    void onePasswordSignInAttemptsItemUsagesAndAuditEvents() throws Exception {
        // written from the 1Password Events API's documented records
        String attempt = "{\"uuid\":\"56YE2TYN2VFYRLNSHKPW5NVT5E\",\"session_uuid\":\"A5K6COGVRVEJXJW3XQZGS7VAMM\","
                + "\"timestamp\":\"2026-03-01T09:40:00Z\",\"category\":\"%s\",\"type\":\"%s\",\"country\":\"NL\","
                + "\"details\":null,\"target_user\":{\"uuid\":\"IR7VJHJ36JHINBFAD7V2T5MP3E\",\"name\":\"Alice Example\","
                + "\"email\":\"alice@example.com\"},\"client\":{\"app_name\":\"1Password Browser Extension\","
                + "\"app_version\":\"20240\",\"platform_name\":\"Chrome\",\"platform_version\":\"124.0\",\"os_name\":"
                + "\"MacOSX\",\"os_version\":\"14.4\",\"ip_address\":\"203.0.113.44\"},\"location\":{\"country\":\"NL\","
                + "\"region\":\"Noord-Holland\",\"city\":\"Amsterdam\",\"latitude\":52.37,\"longitude\":4.89}}";
        JsonNode ok = json(attempt.formatted("success", "credentials_ok"));
        assertProduct(ok, "1Password");
        assertThat(ok.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(ok.get("status_id").asInt()).isEqualTo(1);
        assertThat(ok.at("/user/email_addr").asText()).isEqualTo("alice@example.com");
        assertThat(ok.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.44");
        assertThat(ok.at("/src_endpoint/location/city").asText()).isEqualTo("Amsterdam");
        assertThat(ok.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:40:00Z"));
        JsonNode mfa = json(attempt.formatted("mfa_failed", "mfa_bad"));
        assertThat(mfa.get("status_id").asInt()).isEqualTo(2);
        assertThat(mfa.get("status_detail").asText()).isEqualTo("mfa_bad");

        JsonNode reveal = json("{\"uuid\":\"OK4HJ3VJMNBRFOPLGZTQJVXD5E\",\"timestamp\":\"2026-03-01T09:41:00Z\","
                + "\"used_version\":2,\"vault_uuid\":\"jaqxqf5qylslqiitnduawrndc5\",\"item_uuid\":\"bvwmmwxisuca7wbehrbyqhag54\","
                + "\"user\":{\"uuid\":\"IR7VJHJ36JHINBFAD7V2T5MP3E\",\"name\":\"Alice Example\",\"email\":\"alice@example.com\"},"
                + "\"client\":{\"app_name\":\"1Password Browser Extension\",\"ip_address\":\"203.0.113.44\"},"
                + "\"location\":{\"country\":\"NL\",\"city\":\"Amsterdam\"},\"action\":\"reveal\"}");
        assertProduct(reveal, "1Password");
        assertThat(reveal.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(reveal.get("activity_id").asInt()).isEqualTo(2);
        assertThat(reveal.at("/resources/0/uid").asText()).isEqualTo("bvwmmwxisuca7wbehrbyqhag54");
        assertThat(reveal.at("/actor/user/email_addr").asText()).isEqualTo("alice@example.com");

        String audit = "{\"uuid\":\"56YE2TYN2VFYRLNSHKPW5NVT5F\",\"timestamp\":\"2026-03-01T09:42:00Z\","
                + "\"actor_uuid\":\"GLF6WUEKS5CSNDJ2OG6TCZD3M4\",\"actor_details\":{\"uuid\":\"GLF6WUEKS5CSNDJ2OG6TCZD3M4\","
                + "\"name\":\"Ada Admin\",\"email\":\"ada@example.com\"},\"action\":\"%s\",\"object_type\":\"%s\","
                + "\"object_uuid\":\"pf8soyakgngrphytsyjed4ae3u\",\"object_details\":{\"uuid\":\"pf8soyakgngrphytsyjed4ae3u\","
                + "\"name\":\"Bob Example\",\"email\":\"bob@example.com\"},\"aux_id\":9277034,\"aux_uuid\":"
                + "\"K6VFYDCJKHGGDI7QFAXX65LCDY\",\"aux_details\":{\"uuid\":\"K6VFYDCJKHGGDI7QFAXX65LCDY\",\"name\":"
                + "\"Bob Example\",\"email\":\"bob@example.com\"},\"aux_info\":\"A\",\"session\":{\"uuid\":"
                + "\"A5K6COGVRVEJXJW3XQZGS7VAMM\",\"login_time\":\"2026-03-01T09:00:00Z\",\"device_uuid\":"
                + "\"lc5fqgbrcm4plajd8mwncv2b3u\",\"ip\":\"198.51.100.254\"},\"location\":{\"country\":\"NL\"}}";
        JsonNode joined = json(audit.formatted("join", "gm"));
        assertThat(joined.get("class_uid").asInt()).isEqualTo(3006);
        assertThat(joined.get("activity_id").asInt()).isEqualTo(3);
        assertThat(joined.at("/user/name").asText()).isEqualTo("bob@example.com");
        assertThat(joined.at("/actor/user/email_addr").asText()).isEqualTo("ada@example.com");
        assertThat(joined.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.254");
        JsonNode suspended = json(audit.formatted("suspend", "user"));
        assertThat(suspended.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(suspended.get("activity_id").asInt()).isEqualTo(5);
        assertThat(suspended.at("/user/name").asText()).isEqualTo("bob@example.com");
        JsonNode vault = json(audit.formatted("grant", "vault"));
        assertThat(vault.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(vault.at("/api/operation").asText()).isEqualTo("grant");
        assertThat(vault.at("/resources/0/type").asText()).isEqualTo("vault");
    }

    @Test
    void jumpCloudDirectoryInsightsSignInsAndAccountChanges() throws Exception {
        // written from the Directory Insights API's documented events
        String login = "{\"id\":\"65f1c0de0000000000000001\",\"event_type\":\"%s\",\"service\":\"%s\",\"success\":%s,"
                + "\"timestamp\":\"2026-03-01T09:50:00.123Z\",\"organization\":\"5f0000000000000000000001\",\"client_ip\":"
                + "\"203.0.113.61\",\"mfa\":true,\"initiated_by\":{\"id\":\"5f0000000000000000000002\",\"type\":\"user\","
                + "\"username\":\"alice\",\"email\":\"alice@example.com\"},\"geoip\":{\"country_code\":\"DE\","
                + "\"region_name\":\"Berlin\",\"timezone\":\"Europe/Berlin\"},\"useragent\":{\"name\":\"Firefox\","
                + "\"os\":\"Windows\"}%s}";
        JsonNode portal = json(login.formatted("user_login_attempt", "directory", "true", ""));
        assertProduct(portal, "JumpCloud");
        assertThat(portal.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(portal.get("status_id").asInt()).isEqualTo(1);
        assertThat(portal.at("/user/name").asText()).isEqualTo("alice");
        assertThat(portal.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.61");
        assertThat(portal.get("is_mfa").asBoolean()).isTrue();
        assertThat(portal.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:50:00.123Z"));
        JsonNode radius = json(login.formatted(
                "radius_auth_attempt", "radius", "false", ",\"error_message\":\"invalid credentials\""));
        assertThat(radius.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(radius.get("status_id").asInt()).isEqualTo(2);
        assertThat(radius.get("status_detail").asText()).isEqualTo("invalid credentials");

        JsonNode created =
                json("{\"id\":\"65f1c0de0000000000000003\",\"event_type\":\"user_create\",\"service\":\"directory\","
                        + "\"success\":true,\"timestamp\":\"2026-03-01T09:51:00Z\",\"organization\":\"5f0000000000000000000001\","
                        + "\"client_ip\":\"198.51.100.3\",\"initiated_by\":{\"id\":\"5f0000000000000000000009\",\"type\":\"admin\","
                        + "\"email\":\"ada@example.com\"},\"resource\":{\"id\":\"5f000000000000000000000b\",\"type\":\"user\","
                        + "\"username\":\"bob\",\"email\":\"bob@example.com\"}}");
        assertThat(created.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(created.get("activity_id").asInt()).isEqualTo(1);
        assertThat(created.at("/user/name").asText()).isEqualTo("bob");
        assertThat(created.at("/actor/user/email_addr").asText()).isEqualTo("ada@example.com");
    }

    @Test
    void googleWorkspaceSignInsAreAuthenticationsAndOtherActivitiesApiCalls() throws Exception {
        JsonNode failed = json(WORKSPACE_LOGIN);
        assertProduct(failed, "Google Workspace");
        assertThat(failed.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(failed.get("status_id").asInt()).isEqualTo(2);
        assertThat(failed.at("/user/email_addr").asText()).isEqualTo("alice@corp.example");
        assertThat(failed.get("status_detail").asText()).isEqualTo("login_failure_invalid_password");
        assertThat(failed.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.7");
        assertThat(failed.at("/metadata/log_name").asText()).isEqualTo("login");
        assertThat(failed.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:02:00Z"));
        assertThat(json(WORKSPACE_LOGIN.replace("login_failure\"", "login_success\""))
                        .get("status_id")
                        .asInt())
                .isEqualTo(1);
        assertThat(json(WORKSPACE_LOGIN.replace("login_failure\"", "logout\""))
                        .get("activity_id")
                        .asInt())
                .isEqualTo(2);

        JsonNode role = json(WORKSPACE_LOGIN
                .replace("\"applicationName\":\"login\"", "\"applicationName\":\"admin\"")
                .replace(
                        "\"type\":\"login\",\"name\":\"login_failure\"",
                        "\"type\":\"DELEGATED_ADMIN_SETTINGS\",\"name\":\"ASSIGN_ROLE\""));
        assertThat(role.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(role.get("activity_id").asInt()).isEqualTo(1);
        assertThat(role.at("/api/operation").asText()).isEqualTo("ASSIGN_ROLE");
        assertThat(role.at("/api/service/name").asText()).isEqualTo("admin");
        assertThat(role.at("/actor/user/email_addr").asText()).isEqualTo("alice@corp.example");
    }

    /** A Reports API activity of the application, its first event with the name, type and parameters given. */
    private static String workspace(String application, String type, String name, String parameters) {
        return "{\"kind\":\"admin#reports#activity\",\"id\":{\"time\":\"2026-03-01T09:05:00.000Z\","
                + "\"uniqueQualifier\":\"-4711\",\"applicationName\":\"" + application + "\",\"customerId\":\"C01\"},"
                + "\"actor\":{\"callerType\":\"USER\",\"email\":\"admin@corp.example\",\"profileId\":\"9876\"},"
                + "\"ipAddress\":\"198.51.100.23\",\"events\":[{\"type\":\"" + type + "\",\"name\":\"" + name
                + "\",\"parameters\":[" + parameters + "]}]}";
    }

    @Test
    void googleWorkspaceAccountGroupDriveAndWarningActivitiesGetTheirClasses() throws Exception {
        JsonNode created = json(workspace(
                "admin", "USER_SETTINGS", "CREATE_USER", "{\"name\":\"USER_EMAIL\",\"value\":\"bob@corp.example\"}"));
        assertProduct(created, "Google Workspace");
        assertThat(created.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(created.get("activity_id").asInt()).isEqualTo(1);
        assertThat(created.at("/user/email_addr").asText()).isEqualTo("bob@corp.example");
        assertThat(created.at("/actor/user/email_addr").asText()).isEqualTo("admin@corp.example");
        assertThat(created.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.23");
        assertThat(json(workspace(
                                "admin",
                                "USER_SETTINGS",
                                "SUSPEND_USER",
                                "{\"name\":\"USER_EMAIL\",\"value\":\"bob@corp.example\"}"))
                        .get("activity_id")
                        .asInt())
                .isEqualTo(5);

        JsonNode member = json(workspace(
                "admin",
                "GROUP_SETTINGS",
                "ADD_GROUP_MEMBER",
                "{\"name\":\"GROUP_EMAIL\",\"value\":\"finance@corp.example\"},"
                        + "{\"name\":\"USER_EMAIL\",\"value\":\"bob@corp.example\"}"));
        assertThat(member.get("class_uid").asInt()).isEqualTo(3006);
        assertThat(member.get("activity_id").asInt()).isEqualTo(3);
        assertThat(member.at("/group/name").asText()).isEqualTo("finance@corp.example");
        assertThat(member.at("/user/email_addr").asText()).isEqualTo("bob@corp.example");

        // a 2-step verification: its outcome is the login_challenge_status parameter, wherever it stands
        JsonNode challengeFailed = json(workspace(
                "login",
                "login",
                "login_verification",
                "{\"name\":\"login_type\",\"value\":\"google_password\"},{\"name\":\"login_challenge_method\","
                        + "\"multiValue\":[\"idv_preregistered_phone\"]},{\"name\":\"login_challenge_status\",\"value\":"
                        + "\"Challenge Failed.\"},{\"name\":\"is_second_factor\",\"boolValue\":true}"));
        assertThat(challengeFailed.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(challengeFailed.get("status_id").asInt()).isEqualTo(2);
        assertThat(challengeFailed.at("/user/email_addr").asText()).isEqualTo("admin@corp.example");
        JsonNode challengePassed = json(workspace(
                "login", "login", "login_challenge", "{\"name\":\"login_challenge_status\",\"value\":\"passed\"}"));
        assertThat(challengePassed.get("status_id").asInt()).isEqualTo(1);

        // an OAuth application given access to a user's mail: the user and the application
        JsonNode oauth = json(workspace(
                "token",
                "auth",
                "authorize",
                "{\"name\":\"client_id\",\"value\":\"1234.apps.googleusercontent.com\"},{\"name\":\"app_name\","
                        + "\"value\":\"Mail Merge Pro\"},{\"name\":\"client_type\",\"value\":\"WEB\"}"));
        assertThat(oauth.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(oauth.get("activity_id").asInt()).isEqualTo(1);
        assertThat(oauth.at("/resource/name").asText()).isEqualTo("Mail Merge Pro");
        assertThat(oauth.at("/user/email_addr").asText()).isEqualTo("admin@corp.example");
        assertThat(json(workspace("token", "auth", "revoke", ""))
                        .get("activity_id")
                        .asInt())
                .isEqualTo(2);

        JsonNode mfaOff = json(workspace("user_accounts", "2sv_change", "2sv_disable", ""));
        assertThat(mfaOff.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(mfaOff.get("activity_id").asInt()).isEqualTo(11);
        assertThat(mfaOff.at("/user/email_addr").asText()).isEqualTo("admin@corp.example");

        JsonNode hijacked = json(workspace(
                "login",
                "account_warning",
                "account_disabled_hijacked",
                "{\"name\":\"affected_email_address\",\"value\":\"carol@corp.example\"}"));
        assertThat(hijacked.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(hijacked.get("activity_id").asInt()).isEqualTo(5);
        assertThat(hijacked.at("/user/email_addr").asText()).isEqualTo("carol@corp.example");
        JsonNode suspicious = json(workspace(
                "login",
                "account_warning",
                "suspicious_login",
                "{\"name\":\"affected_email_address\",\"value\":\"carol@corp.example\"}"));
        assertThat(suspicious.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(suspicious.at("/finding_info/title").asText()).isEqualTo("suspicious_login");

        // SIEM integrations that split an activity into one record per event write "events" as an object
        String download = workspace(
                        "drive",
                        "access",
                        "download",
                        "{\"name\":\"doc_id\",\"value\":\"1AbC\"},{\"name\":\"doc_title\",\"value\":\"Budget.xlsx\"}")
                .replace("\"events\":[{", "\"events\":{")
                .replace("]}]}", "]}}");
        JsonNode drive = json(download);
        assertThat(drive.get("class_uid").asInt()).isEqualTo(6006);
        assertThat(drive.get("activity_id").asInt()).isEqualTo(2);
        assertThat(drive.at("/api/operation").asText()).isEqualTo("download");
        assertThat(drive.at("/actor/user/email_addr").asText()).isEqualTo("admin@corp.example");
        assertThat(json(download.replace("\"applicationName\":\"drive\"", "\"applicationName\":\"login\"")
                                .replace("\"name\":\"download\"", "\"name\":\"login_success\""))
                        .get("status_id")
                        .asInt())
                .isEqualTo(1);
    }

    /** A parameter of a Reports API event, a text value. */
    private static String param(String name, String value) {
        return "{\"name\":\"" + name + "\",\"value\":\"" + value + "\"}";
    }

    @Test
    void googleWorkspaceParametersAreReadByTheirNamesWhereverTheyStand() throws Exception {
        // written from the Reports API's Drive audit events: the item, its owner and its visibility, among
        // other parameters in an order of Google's choosing
        String drive = workspace(
                "drive",
                "acl_change",
                "change_user_access",
                String.join(
                        ",",
                        "{\"name\":\"primary_event\",\"boolValue\":true}",
                        "{\"name\":\"billable\",\"boolValue\":true}",
                        param("visibility_change", "external"),
                        param("target_user", "contractor@partner.example"),
                        "{\"name\":\"new_value\",\"multiValue\":[\"can_edit\"]}",
                        "{\"name\":\"old_value\",\"multiValue\":[\"none\"]}",
                        param("old_visibility", "private"),
                        param("visibility", "people_with_link"),
                        param("owner", "dana@corp.example"),
                        param("doc_type", "spreadsheet"),
                        param("doc_title", "Salaries 2026"),
                        param("doc_id", "1qWeRtY-salaries")));
        JsonNode shared = json(drive);
        assertThat(shared.get("class_uid").asInt()).isEqualTo(6006);
        assertThat(shared.get("activity_id").asInt()).isEqualTo(12);
        assertThat(shared.at("/file/name").asText()).isEqualTo("Salaries 2026");
        assertThat(shared.at("/file/uid").asText()).isEqualTo("1qWeRtY-salaries");
        assertThat(shared.at("/file/type").asText()).isEqualTo("spreadsheet");
        assertThat(shared.at("/file/owner/name").asText()).isEqualTo("dana@corp.example");
        assertThat(shared.at("/file/is_public").asBoolean()).isTrue();
        assertThat(shared.at("/access_list/0").asText()).isEqualTo("can_edit");
        assertThat(shared.at("/actor/user/email_addr").asText()).isEqualTo("admin@corp.example");
        // shared with chosen people only: not open to anyone with the link
        JsonNode restricted = json(drive.replace("\"people_with_link\"", "\"shared_externally\""));
        assertThat(restricted.get("activity_id").asInt()).isEqualTo(12);
        assertThat(restricted.at("/file/is_public").isBoolean()).isTrue();
        assertThat(restricted.at("/file/is_public").asBoolean()).isFalse();
        // the same event as a record of its own ("events" an object), published on the web
        JsonNode published = json(drive.replace("\"events\":[{", "\"events\":{")
                .replace("]}]}", "]}}")
                .replace("\"people_with_link\"", "\"public_on_the_web\""));
        assertThat(published.get("activity_id").asInt()).isEqualTo(12);
        assertThat(published.at("/file/is_public").asBoolean()).isTrue();
        assertThat(published.at("/file/name").asText()).isEqualTo("Salaries 2026");
        // a move: the folder the item is put in
        JsonNode moved = json(workspace(
                "drive",
                "access",
                "move",
                String.join(
                        ",",
                        param("source_folder_title", "Drafts"),
                        param("destination_folder_title", "Board"),
                        param("doc_title", "Q3 plan"),
                        param("owner", "erik@corp.example"))));
        assertThat(moved.get("activity_id").asInt()).isEqualTo(7);
        assertThat(moved.at("/file/name").asText()).isEqualTo("Q3 plan");
        assertThat(moved.at("/file/parent_folder").asText()).isEqualTo("Board");
        assertThat(moved.has("access_list")).isFalse();

        // the admin console: the member before the group, and a parameter Google added in front
        JsonNode member = json(workspace(
                "admin",
                "GROUP_SETTINGS",
                "REMOVE_GROUP_MEMBER",
                String.join(
                        ",",
                        param("MEMBER_ROLE", "MEMBER"),
                        param("USER_EMAIL", "frank@corp.example"),
                        param("GROUP_EMAIL", "it-admins@corp.example"))));
        assertThat(member.get("class_uid").asInt()).isEqualTo(3006);
        assertThat(member.get("activity_id").asInt()).isEqualTo(4);
        assertThat(member.at("/group/name").asText()).isEqualTo("it-admins@corp.example");
        assertThat(member.at("/user/email_addr").asText()).isEqualTo("frank@corp.example");
        JsonNode role = json(workspace(
                "admin",
                "DELEGATED_ADMIN_SETTINGS",
                "ASSIGN_ROLE",
                String.join(
                        ",",
                        param("ROLE_NAME", "_SEED_ADMIN_ROLE"),
                        param("ORG_UNIT_NAME", "/"),
                        param("USER_EMAIL", "gina@corp.example"))));
        assertThat(role.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(role.at("/user/email_addr").asText()).isEqualTo("gina@corp.example");
        // a failed sign-in whose reason stands after six other parameters
        JsonNode failed = json(workspace(
                "login",
                "login",
                "login_failure",
                String.join(
                        ",",
                        param("login_type", "google_password"),
                        "{\"name\":\"login_challenge_method\",\"multiValue\":[\"password\"]}",
                        "{\"name\":\"is_suspicious\",\"boolValue\":false}",
                        param("saml_status_code", ""),
                        param("affected_email_address", "admin@corp.example"),
                        param("login_timestamp", "1772355900000000"),
                        param("login_failure_type", "login_failure_account_disabled"))));
        assertThat(failed.get("status_id").asInt()).isEqualTo(2);
        assertThat(failed.get("status_detail").asText()).isEqualTo("login_failure_account_disabled");
        // an OAuth grant whose application name is the sixth parameter
        JsonNode oauth = json(workspace(
                "token",
                "auth",
                "authorize",
                String.join(
                        ",",
                        param("client_id", "998877.apps.googleusercontent.com"),
                        param("client_type", "NATIVE_ANDROID"),
                        "{\"name\":\"scope\",\"multiValue\":[\"https://mail.google.com/\"]}",
                        param("api_name", "gmail"),
                        param("method_name", "gmail.users.messages.list"),
                        param("app_name", "Quick Inbox"))));
        assertThat(oauth.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(oauth.at("/resource/name").asText()).isEqualTo("Quick Inbox");
    }

    @Test
    void sophosCentralThreatsAreDetectionFindingsAndOtherEventsBaseEvents() throws Exception {
        JsonNode threat = json(SOPHOS_THREAT);
        assertProduct(threat, "Sophos Central");
        assertThat(threat.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(threat.get("severity_id").asInt()).isEqualTo(4);
        assertThat(threat.at("/finding_info/title").asText()).startsWith("Malware detected: 'EICAR-AV-Test'");
        assertThat(threat.at("/device/hostname").asText()).isEqualTo("WS01");
        assertThat(threat.at("/device/ip").asText()).isEqualTo("10.0.0.5");
        assertThat(threat.at("/actor/user/name").asText()).isEqualTo("CORP\\alice");
        assertThat(threat.at("/unmapped/threat").asText()).isEqualTo("EICAR-AV-Test");
        assertThat(threat.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:04:00.123Z"));

        JsonNode update = json(SOPHOS_THREAT
                .replace("Event::Endpoint::Threat::Detected", "Event::Endpoint::UpdateSuccess")
                .replace("\"MALWARE\"", "\"UPDATING\"")
                .replace(
                        "Malware detected: 'EICAR-AV-Test' at 'C:\\\\Users\\\\alice\\\\Downloads\\\\eicar.com'",
                        "Update succeeded"));
        assertBaseEventOf(update, "Sophos Central");
        assertThat(update.get("message").asText()).isEqualTo("Update succeeded");

        // the SIEM API's alerts keep the endpoint under data
        JsonNode alert = json("{\"description\":\"Manual cleanup required: 'Troj/Agent-BXYZ' at"
                + " 'C:\\\\Users\\\\alice\\\\AppData\\\\Local\\\\Temp\\\\setup.exe'\",\"source\":\"CORP\\\\alice\","
                + "\"severity\":\"high\",\"data\":{\"endpoint_id\":\"c80c\",\"endpoint_platform\":\"windows\","
                + "\"endpoint_type\":\"computer\",\"source_info\":{\"ip\":\"192.0.2.15\"},\"threat_status\":\"NONE\"},"
                + "\"customer_id\":\"816f\",\"created_at\":\"2026-03-01T09:05:01.000Z\",\"threat\":\"Troj/Agent-BXYZ\","
                + "\"when\":\"2026-03-01T09:05:00.000Z\",\"type\":\"Event::Endpoint::Threat::CleanupFailed\","
                + "\"location\":\"WS01\",\"id\":\"9a1f\"}");
        assertProduct(alert, "Sophos Central");
        assertThat(alert.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(alert.get("severity_id").asInt()).isEqualTo(4);
        assertThat(alert.at("/finding_info/title").asText()).startsWith("Manual cleanup required");
        assertThat(alert.at("/device/uid").asText()).isEqualTo("c80c");
        assertThat(alert.at("/device/ip").asText()).isEqualTo("192.0.2.15");
        assertThat(alert.at("/device/hostname").asText()).isEqualTo("WS01");
    }

    @Test
    void othersShapesAreNotClaimed() throws Exception {
        // a JSON event with a result and a factor but no Duo transaction; a Reports API look-alike without kind
        assertThat(json("{\"result\":\"success\",\"factor\":\"x\",\"event_type\":\"authentication\"}")
                        .at("/metadata/product/name")
                        .asText())
                .isNotEqualTo("Duo");
        assertThat(json("{\"id\":{\"applicationName\":\"login\"},\"events\":[{\"name\":\"login_success\"}]}")
                        .at("/metadata/product/name")
                        .asText())
                .isNotEqualTo("Google Workspace");
        assertThat(json("{\"type\":\"Other::Thing\",\"customer_id\":\"1\",\"endpoint_id\":\"2\"}")
                        .at("/metadata/product/name")
                        .asText())
                .isNotEqualTo("Sophos Central");
    }
}
