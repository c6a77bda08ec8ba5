package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * ModSecurity's messages in the Apache httpd and nginx error logs become HTTP Activity (4002): the
 * request denied or let through, the client, the URI, the rule that matched and the answer code, with
 * the time of the error log line. Real Apache lines of the shared corpus (Wazuh's apache-errorlog
 * tests) and lines written from the Apache 2.4 and libmodsecurity 3 / nginx formats.
 */
class WebApplicationFirewallMappingsTest {

    @Test
    void deniedRequestsAreHttpActivityDeniedWithTheRuleAndTheClient() throws Exception {
        // corpus (Wazuh apache-errorlog), Apache 2.2 layout, the ModSecurity 2 module
        JsonNode denied = line(
                "[Mon Feb 09 16:47:55.908176 2015] [:error] [pid 17679] [client 172.16.10.91] ModSecurity:"
                        + " Access denied with code 403 (phase 2). Operator EQ matched 0 at REQUEST_HEADERS. [file"
                        + " \"/etc/apache2/ModSecurity/activated_rules/modsecurity_crs_21_protocol_anomalies.conf\"] [line \"47\"]"
                        + " [id \"960015\"] [rev \"1\"] [msg \"Request Missing an Accept Header\"] [severity \"NOTICE\"] [ver"
                        + " \"OWASP_CRS/2.2.9\"] [hostname \"172.16.10.91\"] [uri \"/wordpress/\"] [unique_id \"VNjWq38AAQEAAEWn\"]");
        assertThat(denied.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(denied.get("action").asText()).isEqualTo("Denied");
        assertThat(denied.get("disposition_id").asInt()).isEqualTo(2);
        assertThat(denied.at("/http_response/code").asInt()).isEqualTo(403);
        assertThat(denied.at("/src_endpoint/ip").asText()).isEqualTo("172.16.10.91");
        assertThat(denied.at("/http_request/url/path").asText()).isEqualTo("/wordpress/");
        assertThat(denied.at("/firewall_rule/uid").asText()).isEqualTo("960015");
        assertThat(denied.at("/firewall_rule/desc").asText()).isEqualTo("Request Missing an Accept Header");
        assertThat(denied.at("/firewall_rule/version").asText()).isEqualTo("OWASP_CRS/2.2.9");
        assertThat(denied.get("time").asLong()).isEqualTo(epochMillis("2015-02-09T16:47:55.908176Z"));
        assertProduct(denied, "ModSecurity");

        // Apache 2.4 (the module in the level, the client with its port) inside syslog
        JsonNode apache24 =
                line("<187>Feb 28 10:00:01 web01 apache2: [Sat Feb 28 10:00:01.123456 2026] [security2:error]"
                        + " [pid 4242:tid 140000] [client 203.0.113.50:51111] [client 203.0.113.50] ModSecurity: Access denied with"
                        + " code 403 (phase 2). Matched phrase \"union select\" at ARGS:id. [file \"/usr/share/modsecurity-crs/"
                        + "rules/REQUEST-942-APPLICATION-ATTACK-SQLI.conf\"] [line \"500\"] [id \"942100\"] [msg \"SQL Injection"
                        + " Attack Detected via libinjection\"] [severity \"CRITICAL\"] [ver \"OWASP_CRS/3.3.4\"] [hostname"
                        + " \"shop.example.com\"] [uri \"/product.php\"] [unique_id \"Y1x\"]");
        assertThat(apache24.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.50");
        assertThat(apache24.at("/src_endpoint/port").asInt()).isEqualTo(51111);
        assertThat(apache24.at("/dst_endpoint/hostname").asText()).isEqualTo("shop.example.com");
        assertThat(apache24.at("/firewall_rule/uid").asText()).isEqualTo("942100");
        assertThat(apache24.at("/device/hostname").asText()).isEqualTo("web01");
        assertThat(apache24.get("time").asLong()).isEqualTo(epochMillis("2026-02-28T10:00:01.123456Z"));

        // libmodsecurity 3 in nginx's error log: the request line gives the method, hence the activity
        JsonNode nginx =
                line("2026/02/28 10:00:02 [error] 811#811: *1 [client 198.51.100.23] ModSecurity: Access denied"
                        + " with code 403 (phase 2). Matched \"Operator `Ge' with parameter `5' against variable"
                        + " `TX:ANOMALY_SCORE' (Value: `5' ) [file \"/etc/nginx/modsec/crs/rules/REQUEST-949-BLOCKING-EVALUATION"
                        + ".conf\"] [line \"80\"] [id \"949110\"] [rev \"\"] [msg \"Inbound Anomaly Score Exceeded (Total Score: 5)\"]"
                        + " [data \"\"] [severity \"2\"] [ver \"OWASP_CRS/3.3.2\"] [maturity \"0\"] [accuracy \"0\"] [hostname"
                        + " \"10.0.0.5\"] [uri \"/index.php\"] [unique_id \"167\"] [ref \"\"], client: 198.51.100.23, server: _,"
                        + " request: \"POST /index.php?id=1 HTTP/1.1\", host: \"10.0.0.5\"");
        assertThat(nginx.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(nginx.get("activity_id").asInt()).isEqualTo(6);
        assertThat(nginx.get("activity_name").asText()).isEqualTo("Post");
        assertThat(nginx.at("/http_request/http_method").asText()).isEqualTo("POST");
        assertThat(nginx.at("/http_request/url/url_string").asText()).isEqualTo("/index.php?id=1");
        assertThat(nginx.at("/firewall_rule/desc").asText())
                .isEqualTo("Inbound Anomaly Score Exceeded (Total Score: 5)");
        assertThat(nginx.get("time").asLong()).isEqualTo(epochMillis("2026-02-28T10:00:02Z"));
    }

    @Test
    void rulesThatMatchedWithoutDenyingAreDetectedAndOtherMessagesStayBaseEvents() throws Exception {
        // corpus (Wazuh apache-errorlog)
        JsonNode warning =
                line("[Thu Jan 22 14:33:30.959520 2015] [:error] [pid 2406] [client 172.16.10.87] ModSecurity:"
                        + " Warning. Pattern match \"^(?i)(?:ft|htt)ps?(.*?)\\\\?+$\" at ARGS:path_prefix. [file"
                        + " \"/etc/apache2/ModSecurity/activated_rules/modsecurity_crs_40_generic_attacks.conf\"] [line \"163\"] [id"
                        + " \"950117\"] [rev \"2\"] [msg \"Remote File Inclusion Attack\"] [severity \"CRITICAL\"] [hostname"
                        + " \"172.16.10.91\"] [uri \"/wordpress/wp-admin/\"] [unique_id \"VMENgn8AAQEAAAlmkdUAAAAC\"]");
        assertThat(warning.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(warning.get("action").asText()).isEqualTo("Allowed");
        assertThat(warning.get("disposition").asText()).isEqualTo("Detected");
        assertThat(warning.has("http_response"))
                .as("no answer code in a warning")
                .isFalse();
        assertThat(warning.at("/firewall_rule/desc").asText()).isEqualTo("Remote File Inclusion Attack");
        assertThat(warning.get("activity_id").asInt())
                .as("no request line: the method is unknown")
                .isEqualTo(99);

        // ModSecurity's own trouble is no request
        assertBaseEventOf(
                line("[Mon Feb 09 21:17:06.798110 2015] [:error] [pid 8608] [client 172.16.10.57] ModSecurity:"
                        + " Audit log: Failed writing (requested 83 bytes, written 24): No space left on device [hostname"
                        + " \"172.16.10.91\"] [uri \"/4\"] [unique_id \"VNlaEn8AAQEAACGg\"]"),
                "ModSecurity");
        // the module's start-up line is not one of its messages
        JsonNode started = line("[Mon Feb 09 16:00:00.000001 2015] [:notice] [pid 1] ModSecurity for Apache/2.9.3"
                + " (http://www.modsecurity.org/) configured.");
        assertThat(started.at("/metadata/product/name").asText()).isNotEqualTo("ModSecurity");
    }
}
