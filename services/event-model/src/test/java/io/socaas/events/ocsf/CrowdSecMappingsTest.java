package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.json;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * CrowdSec's alerts and decisions. The alert is the shape of CrowdSec's own Local API test fixtures
 * (crowdsecurity/crowdsec, pkg/apiserver/tests/alert_ssh-bf.json and alert_sample.json: one element of the
 * list `cscli alerts list -o json` prints and the notification plugins' toJson sends), its events list
 * shortened; the file plugin's NDJSON line is its documented default format (docs.crowdsec.net, "File
 * Plugin"); the decision is one element of the Local API's decisions stream to bouncers; the agent's log
 * lines are crowdsec's logrus lines for an overflow and a decision. Each is checked both ways: an alert
 * without a ban is not Blocked, and Fail2ban's ban of the same address is not claimed.
 */
class CrowdSecMappingsTest {

    private static final String SSH_BF = """
            {"capacity":5,"decisions":[{"duration":"3h59m59.9s","origin":"crowdsec","scenario":"crowdsecurity/ssh-bf",
              "scope":"Ip","type":"ban","value":"91.121.79.195","id":41,"uuid":"7a5b3e8e-7f0b-4a3c-9b55-1f2d3c4b5a6e"}],
             "events":[{"meta":[{"key":"target_user","value":"root"},{"key":"service","value":"ssh"},
               {"key":"log_type","value":"ssh_failed-auth"},{"key":"source_ip","value":"91.121.79.195"}],"timestamp":"2020-10-02T17:09:08Z"}],
             "events_count":6,"labels":null,"leakspeed":"10s","machine_id":"web-03",
             "message":"Ip 91.121.79.195 performed 'crowdsecurity/ssh-bf' (6 events over 30.18165ms) at 2020-10-26 09:50:32.055535505 +0100 CET m=+6.235529150",
             "remediation":true,"scenario":"crowdsecurity/ssh-bf",
             "scenario_hash":"4441dcff07020f6690d998b7101e642359ba405c2abb83565bbbdcee36de280f","scenario_version":"0.1","simulated":false,
             "source":{"as_name":"OVH SAS","as_number":"16276","cn":"FR","ip":"91.121.79.195","latitude":50.646,"longitude":3.0758,
               "range":"91.121.72.0/21","scope":"Ip","value":"91.121.79.195"},
             "start_at":"2020-10-26T09:50:32.025353849+01:00","stop_at":"2020-10-26T09:50:32.055534398+01:00"}""";

    private static void assertFinding(JsonNode r, String scenario, String ip) {
        assertProduct(r, "CrowdSec");
        assertThat(r.get("class_uid").asInt()).as(r.toString()).isEqualTo(2004);
        assertThat(r.at("/finding_info/title").asText()).isEqualTo(scenario);
        assertThat(r.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo(ip);
    }

    private static void assertBlocked(JsonNode r) {
        assertThat(r.get("action_id").asInt()).as(r.toString()).isEqualTo(2);
        assertThat(r.get("disposition_id").asInt()).isEqualTo(2);
        assertThat(r.at("/remediation/desc").asText()).isEqualTo("ban");
    }

    @Test
    void anAlertWithABanIsABlockedDetectionFinding() throws Exception {
        JsonNode alert = json(SSH_BF);
        assertFinding(alert, "crowdsecurity/ssh-bf", "91.121.79.195");
        assertBlocked(alert);
        assertThat(alert.get("status_detail").asText()).isEqualTo("3h59m59.9s");
        assertThat(alert.get("count").asInt()).isEqualTo(6);
        assertThat(alert.at("/evidences/0/src_endpoint/location/country").asText())
                .isEqualTo("FR");
        assertThat(alert.at("/evidences/0/src_endpoint/autonomous_system/number")
                        .asInt())
                .isEqualTo(16276);
        assertThat(alert.at("/device/name").asText()).isEqualTo("web-03");
        assertThat(alert.at("/finding_info/desc").asText()).startsWith("Ip 91.121.79.195 performed");
        assertThat(alert.get("time").asLong()).isEqualTo(MappedRecords.epochMillis("2020-10-26T08:50:32.055Z"));

        // the file plugin's line, the alert under "alert"
        JsonNode file = json("{\"time\":\"2020-10-26 09:50:32.055534398 +0100 CET\",\"program\":\"crowdsec\",\"alert\":"
                + SSH_BF + "}");
        assertFinding(file, "crowdsecurity/ssh-bf", "91.121.79.195");
        assertBlocked(file);
    }

    @Test
    void alertsWithoutABanAndDecisionsAlone() throws Exception {
        // the test fixture's alert with a simulated scenario: no decision, so nothing blocked
        JsonNode simulated = json(SSH_BF.replaceFirst("\"decisions\":\\[[^\\]]*\\]", "\"decisions\":null")
                .replace("\"simulated\":false", "\"simulated\":true"));
        assertFinding(simulated, "crowdsecurity/ssh-bf", "91.121.79.195");
        assertThat(simulated.get("action_id")).isNull();

        JsonNode decision = json("""
                {"duration":"3h59m56s","id":1442,"origin":"crowdsec","scenario":"crowdsecurity/http-probing",
                 "scope":"Ip","type":"ban","value":"203.0.113.77","uuid":"3c9b2f3e-8a1d-4e52-9d2a-0a6a8f6e2b11"}""");
        assertFinding(decision, "crowdsecurity/http-probing", "203.0.113.77");
        assertBlocked(decision);

        JsonNode community = json("""
                {"duration":"167h59m","id":88121,"origin":"CAPI","scenario":"crowdsecurity/http-bad-user-agent",
                 "scope":"Range","type":"ban","value":"198.51.100.0/24"}""");
        assertProduct(community, "CrowdSec");
        assertThat(community.at("/evidences/0/src_endpoint/ip").isMissingNode()).isTrue();
    }

    @Test
    void theAgentsLogLines() throws Exception {
        JsonNode ban = line(
                "<30>Mar  1 09:59:58 web-03 crowdsec[812]: time=\"2026-03-01T09:59:58Z\" level=info"
                        + " msg=\"(web-03/crowdsec) crowdsecurity/ssh-slow-bf by ip 91.121.79.195 (FR/16276) : 4h ban on Ip 91.121.79.195\"");
        assertFinding(ban, "crowdsecurity/ssh-slow-bf", "91.121.79.195");
        assertBlocked(ban);
        assertThat(ban.get("status_detail").asText()).isEqualTo("4h");

        JsonNode overflow = line(
                "<30>Mar  1 09:59:58 web-03 crowdsec[812]: time=\"2026-03-01T09:59:58Z\" level=info"
                        + " msg=\"Ip 91.121.79.195 performed 'crowdsecurity/ssh-slow-bf' (11 events over 4m31s) at 2026-03-01 09:59:58 +0000 UTC\"");
        assertFinding(overflow, "crowdsecurity/ssh-slow-bf", "91.121.79.195");
        assertThat(overflow.get("count").asInt()).isEqualTo(11);

        assertBaseEventOf(
                line("<30>Mar  1 09:59:58 web-03 crowdsec[812]: time=\"2026-03-01T09:59:58Z\" level=info"
                        + " msg=\"Loading 43 scenarios\""),
                "CrowdSec");
    }

    @Test
    void otherBanSourcesAreNotClaimed() throws Exception {
        JsonNode fail2ban = line("<38>Mar  1 09:59:58 web-03 fail2ban.actions[733]: NOTICE  [sshd] Ban 91.121.79.195");
        assertThat(fail2ban.at("/metadata/product/name").asText()).isNotEqualTo("CrowdSec");

        // a JSON event with a scenario but none of CrowdSec's fields around it
        JsonNode other = json("""
                {"scenario":"checkout","type":"ban","value":"x","time":"2026-03-01T09:59:58Z"}""");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("CrowdSec");
    }
}
