package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.assertStatus;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * OpenBSD's doas, written from the messages doas logs: commands run as another user as Process
 * Activity, failed authentications and refused commands as failed account switches.
 */
class DoasMappingsTest {

    @Test
    void commandsRunAsAnotherUserAndRefusals() throws Exception {
        JsonNode ran =
                line("<86>Mar  1 10:10:00 bsd01 doas: alice ran command /sbin/pfctl -sr as root from /home/alice");
        assertProduct(ran, "doas");
        assertThat(ran.get("class_uid").asInt()).isEqualTo(1007);
        assertThat(ran.get("activity_id").asInt()).isEqualTo(1);
        assertThat(ran.at("/actor/user/name").asText()).isEqualTo("alice");
        assertThat(ran.at("/process/user/name").asText()).isEqualTo("root");
        assertThat(ran.at("/process/cmd_line").asText()).isEqualTo("/sbin/pfctl -sr");
        assertThat(ran.at("/process/working_directory").asText()).isEqualTo("/home/alice");
        JsonNode older =
                line("<86>Mar  1 10:10:01 bsd01 doas: alice ran command as backup: tar -czf /backup/etc.tgz /etc");
        assertThat(older.get("class_uid").asInt()).isEqualTo(1007);
        assertThat(older.at("/process/user/name").asText()).isEqualTo("backup");

        JsonNode failed = line("<84>Mar  1 10:10:05 bsd01 doas: failed auth for alice");
        assertThat(failed.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(failed.get("activity_id").asInt()).isEqualTo(7);
        assertStatus(failed, 2);
        assertThat(failed.at("/user/name").asText()).isEqualTo("alice");
        JsonNode refused = line("<84>Mar  1 10:10:09 bsd01 doas: command not permitted for bob: /bin/sh");
        assertStatus(refused, 2);
        assertThat(refused.get("status_detail").asText()).isEqualTo("command not permitted");
        assertThat(refused.at("/user/name").asText()).isEqualTo("bob");
    }
}
