package io.socaas.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** An event held as its JSON bytes reads and writes as the event it was made from. */
class JsonEventTest {

    private static final String JSON =
            "{\"class_uid\":3002,\"user\":{\"name\":\"alice\"},\"message\":\"Failed password for é\",\"n\":null}";

    @Test
    void aCompactedEventWritesTheSameBytesAndReadsTheSameFields() {
        JsonEvent event = JsonEvent.parse(JSON);
        JsonEvent compact = event.compact();

        assertThat(compact.toJsonBytes()).isEqualTo(event.toJsonBytes());
        assertThat(new String(compact.toJsonBytes(), StandardCharsets.UTF_8)).isEqualTo(JSON);
        assertThat(compact).isEqualTo(event).hasSameHashCodeAs(event);
        assertThat(compact.text("message")).contains("Failed password for é");
        assertThat(compact.has("n")).isTrue();
        assertThat(compact.has("absent")).isFalse();
        assertThat(compact.toObjectNode().get("user").get("name").asText()).isEqualTo("alice");
        assertThat(compact.compact()).isSameAs(compact);
    }

    @Test
    void aCompactedEventCannotBeChangedThroughTheTreeItGives() {
        JsonEvent compact = JsonEvent.parse(JSON).compact();
        ObjectNode copy = compact.toObjectNode();
        copy.put("class_uid", 0);
        ((ObjectNode) copy.get("user")).put("name", "mallory");

        assertThat(compact.toObjectNode().get("class_uid").asInt()).isEqualTo(3002);
        assertThat(compact.text("message")).isPresent();
        assertThat(new String(compact.toJsonBytes(), StandardCharsets.UTF_8)).isEqualTo(JSON);
    }

    @Test
    void aStampedEventKeepsItsIdentityWhenCompacted() {
        StampedEvent stamped = EventStamper.systemUtc().stamp(JsonEvent.parse(JSON), TenantId.of("acme"));
        StampedEvent compact = stamped.compact();

        assertThat(compact.tenant()).isEqualTo(stamped.tenant());
        assertThat(compact.ingestId()).isEqualTo(stamped.ingestId());
        assertThat(compact.receivedTime()).isEqualTo(stamped.receivedTime());
        assertThat(compact.recordKey()).isEqualTo(stamped.recordKey());
        assertThat(compact.event().toJsonBytes()).isEqualTo(stamped.event().toJsonBytes());
    }

    @Test
    void aHandedOverTreeIsTheEventsOwnAndTheEventIsDoneWith() {
        for (JsonEvent event :
                new JsonEvent[] {JsonEvent.parse(JSON), JsonEvent.parse(JSON).compact()}) {
            ObjectNode tree = event.handOver();

            assertThat(tree.get("user").get("name").asText()).isEqualTo("alice");
            // the taker may change it: nobody else holds it any more
            tree.put("class_uid", 0);
            assertThatThrownBy(event::toJsonBytes)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("handed over");
            assertThatThrownBy(event::handOver).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> event.text("message")).isInstanceOf(IllegalStateException.class);
        }
    }
}
