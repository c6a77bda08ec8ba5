package io.socaas.correlation.multievent.streams;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.correlation.multievent.domain.GroupState;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A group's state in the state store and its changelog topic, as JSON: internal to the correlation
 * stage (no other service reads it), readable when an operator inspects the changelog.
 */
final class GroupStateSerde {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private GroupStateSerde() {}

    static Serde<GroupState> serde() {
        Serializer<GroupState> serializer = (topic, state) -> state == null ? null : write(state);
        Deserializer<GroupState> deserializer = (topic, bytes) -> bytes == null ? null : read(bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }

    private static byte[] write(GroupState state) {
        try {
            return JSON.writeValueAsBytes(state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GroupState read(byte[] bytes) {
        try {
            return JSON.readValue(bytes, GroupState.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
