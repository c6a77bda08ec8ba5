package io.socaas.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * One security event: a JSON object. Immutable; the JSON codec (Jackson) stays inside this module
 * so that service domain code can handle events without depending on it.
 */
public final class JsonEvent {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final ObjectNode json;

    private JsonEvent(ObjectNode json) {
        this.json = json;
    }

    /** Wraps a copy of {@code json}. */
    public static JsonEvent of(ObjectNode json) {
        return new JsonEvent(Objects.requireNonNull(json, "json").deepCopy());
    }

    /** Takes ownership of {@code json}: callers must not modify it afterwards. */
    static JsonEvent wrap(ObjectNode json) {
        return new JsonEvent(json);
    }

    /**
     * Parses one JSON object.
     *
     * @throws IllegalArgumentException when {@code json} is not exactly one JSON object
     */
    public static JsonEvent parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses one JSON object from UTF-8 bytes (e.g. a Kafka record value).
     *
     * @throws IllegalArgumentException when {@code json} is not exactly one JSON object
     */
    public static JsonEvent parse(byte[] json) {
        try {
            JsonNode node = MAPPER.reader()
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(json);
            if (!(node instanceof ObjectNode object)) {
                throw new IllegalArgumentException("expected a JSON object, found "
                        + (node == null ? "nothing" : EventBatchParser.describe(node.asToken())));
            }
            return new JsonEvent(object);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The top-level field {@code name} when it is a JSON string. */
    public Optional<String> text(String name) {
        JsonNode value = json.get(name);
        return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
    }

    /** True when the event has a top-level field {@code name} (of any type, {@code null} included). */
    public boolean has(String name) {
        return json.has(name);
    }

    /** A copy of the JSON object, for codecs that need the tree. */
    public ObjectNode toObjectNode() {
        return json.deepCopy();
    }

    /** Package-private access without copying, for the stamper. */
    ObjectNode node() {
        return json;
    }

    /** Compact JSON, UTF-8. */
    public byte[] toJsonBytes() {
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize event", e);
        }
    }

    /** Compact JSON. */
    public String toJson() {
        return new String(toJsonBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonEvent that && json.equals(that.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
