package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Falco's alerts in its JSON output ({@code json_output: true}), written from Falco's documented
 * format: Detection Finding with the rule, the output line, the priority as severity and the process,
 * user and file of {@code output_fields}, whose keys hold dots of their own ({@code proc.name}).
 */
class FalcoAlertsMappingsTest {

    private static final String ALERT = "{\"hostname\":\"node-01.example.com\",\"output\":\"10:20:05.408091526:"
            + " Warning Sensitive file opened for reading by non-trusted program (file=/etc/shadow gparent=systemd"
            + " ggparent=<NA> gggparent=<NA> evt_type=openat user=root user_uid=0 user_loginuid=1000"
            + " process=cat proc_exepath=/usr/bin/cat parent=bash command=cat /etc/shadow terminal=34816"
            + " container_id=host container_name=host)\",\"priority\":\"Warning\",\"rule\":\"Read sensitive file"
            + " untrusted\",\"source\":\"syscall\",\"tags\":[\"T1555\",\"container\",\"filesystem\",\"host\","
            + "\"maturity_stable\",\"mitre_credential_access\"],\"time\":\"2026-03-01T10:20:05.408091526Z\","
            + "\"output_fields\":{\"container.id\":\"host\",\"container.name\":\"host\",\"evt.time\":"
            + "1772360405408091526,\"evt.type\":\"openat\",\"fd.name\":\"/etc/shadow\",\"proc.cmdline\":\"cat"
            + " /etc/shadow\",\"proc.exepath\":\"/usr/bin/cat\",\"proc.name\":\"cat\",\"proc.pcmdline\":\"bash\","
            + "\"proc.pid\":4242,\"proc.pname\":\"bash\",\"user.loginuid\":1000,\"user.name\":\"root\","
            + "\"user.uid\":0}}";

    @Test
    void anAlertIsADetectionFindingWithTheRuleProcessUserAndFile() throws Exception {
        JsonNode r = json(ALERT);
        assertProduct(r, "Falco");
        assertThat(r.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(r.get("activity_id").asInt()).isEqualTo(1);
        assertThat(r.get("severity_id").asInt()).isEqualTo(3);
        assertThat(r.at("/finding_info/title").asText()).isEqualTo("Read sensitive file untrusted");
        assertThat(r.at("/finding_info/desc").asText()).startsWith("10:20:05.408091526: Warning Sensitive file");
        assertThat(r.at("/finding_info/types/0").asText()).isEqualTo("syscall");
        assertThat(r.at("/device/hostname").asText()).isEqualTo("node-01.example.com");
        assertThat(r.at("/actor/process/name").asText()).isEqualTo("cat");
        assertThat(r.at("/actor/process/cmd_line").asText()).isEqualTo("cat /etc/shadow");
        assertThat(r.at("/actor/process/pid").asInt()).isEqualTo(4242);
        assertThat(r.at("/actor/process/parent_process/name").asText()).isEqualTo("bash");
        assertThat(r.at("/actor/user/name").asText()).isEqualTo("root");
        assertThat(r.at("/evidences/0/file/path").asText()).isEqualTo("/etc/shadow");
        assertThat(r.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T10:20:05.408Z"));
    }

    @Test
    void theSameAlertSentToSyslogAfterFalcosProgramNameAndItsPriorities() throws Exception {
        JsonNode r = line("<36>Mar  1 10:20:05 node-01 falco: "
                + ALERT.replace("\"priority\":\"Warning\"", "\"priority\":\"Critical\""));
        assertProduct(r, "Falco");
        assertThat(r.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(r.get("severity_id").asInt()).isEqualTo(5);
        assertThat(r.at("/actor/process/name").asText()).isEqualTo("cat");
        assertThat(json(ALERT.replace("\"priority\":\"Warning\"", "\"priority\":\"Notice\""))
                        .get("severity_id")
                        .asInt())
                .isEqualTo(2);
        // a JSON event with a rule and a priority but none of Falco's output is not Falco's
        JsonNode other = json("{\"rule\":\"r1\",\"priority\":\"high\",\"message\":\"disk almost full\"}");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("Falco");
    }
}
