package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * OpenCanary's JSON events (its logger's fields: dst_host, dst_port, local_time, utc_time, logdata,
 * logtype, node_id, src_host, src_port), as a JSON event and as a syslog line carrying the object:
 * every touch of a decoy is a Detection Finding and an alert titled by its log type, with the
 * attacker and the decoy as evidence; OpenCanary's own messages are Base Events; a JSON object of
 * another product with a field named logtype is not OpenCanary's.
 */
class OpenCanaryMappingsTest {

    private static String event(int logtype, String logdata) {
        return """
                {"dst_host": "10.20.0.15", "dst_port": %d, "local_time": "2026-03-01 09:15:02.123456",
                 "local_time_adjusted": "2026-03-01 10:15:02.123456", "logdata": %s, "logtype": %d,
                 "node_id": "canary-hq-01", "src_host": "10.20.3.77", "src_port": 51734,
                 "utc_time": "2026-03-01 09:15:02.123456"}""".formatted(logtype == 4002 ? 22 : logtype == 5000 ? 445 : 21, logdata, logtype);
    }

    private static void assertDecoyTouched(JsonNode r, String title, int severity) {
        assertProduct(r, "OpenCanary");
        assertThat(r.get("class_uid").asInt()).as("class of %s", r).isEqualTo(2004);
        assertThat(r.get("activity_id").asInt()).isEqualTo(1);
        assertThat(r.get("is_alert").asBoolean()).isTrue();
        assertThat(r.get("severity_id").asInt()).isEqualTo(severity);
        assertThat(r.at("/finding_info/title").asText()).isEqualTo(title);
        assertThat(r.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("10.20.3.77");
        assertThat(r.at("/evidences/0/src_endpoint/port").asInt()).isEqualTo(51734);
        assertThat(r.at("/evidences/0/dst_endpoint/ip").asText()).isEqualTo("10.20.0.15");
        assertThat(r.at("/device/name").asText()).isEqualTo("canary-hq-01");
        assertThat(r.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:15:02.123Z"));
    }

    @Test
    void aLoginAttemptOnADecoyIsAHighSeverityFindingWithTheUserTried() throws Exception {
        JsonNode ssh = json(
                event(
                        4002,
                        "{\"LOCALVERSION\": \"SSH-2.0-OpenSSH_8.9p1\", \"PASSWORD\": \"winter2026\", \"REMOTEVERSION\": \"SSH-2.0-libssh2_1.10.0\", \"USERNAME\": \"admin\"}"));
        assertDecoyTouched(ssh, "OpenCanary SSH login attempt", 4);
        assertThat(ssh.at("/evidences/0/dst_endpoint/port").asInt()).isEqualTo(22);
        assertThat(ssh.at("/evidences/0/actor/user/name").asText()).isEqualTo("admin");
        // the password an attacker tried stays the source's, not an OCSF attribute
        assertThat(ssh.toString()).doesNotContain("\"password\"");

        JsonNode ftp = json(event(2000, "{\"USERNAME\": \"anonymous\", \"PASSWORD\": \"x@example.com\"}"));
        assertDecoyTouched(ftp, "OpenCanary FTP login attempt", 4);
        assertThat(ftp.at("/evidences/0/actor/user/name").asText()).isEqualTo("anonymous");
    }

    @Test
    void otherTouchesAndScansAreMediumSeverityFindings() throws Exception {
        JsonNode smb = json(
                event(5000, "{\"AUDITACTION\": \"pread\", \"FILENAME\": \"Salaries 2026.xlsx\", \"USER\": \"kim\"}"));
        assertDecoyTouched(smb, "OpenCanary SMB file open", 3);
        assertThat(smb.at("/evidences/0/file/name").asText()).isEqualTo("Salaries 2026.xlsx");
        JsonNode scan =
                json(event(5001, "{\"FLAGS\": \"0x002\", \"ID\": \"4242\", \"IN\": \"eth0\", \"LEN\": \"44\"}"));
        assertDecoyTouched(scan, "OpenCanary port scan (SYN)", 3);
        // a type OpenCanary leaves to its users: titled by its number
        assertDecoyTouched(json(event(99003, "{\"msg\": \"custom module\"}")), "99003", 3);
    }

    @Test
    void theSameEventShippedAsASyslogLineMapsAlike() throws Exception {
        String object = event(4002, "{\"PASSWORD\": \"123456\", \"USERNAME\": \"root\"}")
                .replace("\n", "");
        JsonNode viaSyslog = line("<12>Mar  1 09:15:02 canary-hq-01 opencanaryd[812]: " + object);
        assertDecoyTouched(viaSyslog, "OpenCanary SSH login attempt", 4);
        assertThat(viaSyslog.at("/evidences/0/actor/user/name").asText()).isEqualTo("root");
    }

    @Test
    void openCanarysOwnMessagesAndOtherProductsAreNoFindings() throws Exception {
        assertBaseEventOf(json(event(1001, "{\"msg\": {\"logdata\": \"Canary running!!!\"}}")), "OpenCanary");
        assertBaseEventOf(json(event(1004, "{}")), "OpenCanary");
        JsonNode other = json("{\"logtype\": 4002, \"message\": \"application audit\", \"user\": \"kim\"}");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("OpenCanary");
        assertThat(other.get("class_uid").asInt()).isNotEqualTo(2004);
    }
}
