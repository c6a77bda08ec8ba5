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
 *
 * <p>An event is held as its tree, or, once {@linkplain #compact() compacted}, as its JSON bytes
 * alone, read into a tree again only when asked for one: a batch waiting for the bus then holds a
 * few kilobytes per event instead of a tree of objects.
 */
public final class JsonEvent {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** The tree; null while a compacted event has not been asked for it. */
    private volatile ObjectNode json;
    /** Set once the tree was {@linkplain #handOver() handed over}: the event is no longer usable. */
    private volatile boolean handedOver;
    /** The compact JSON of a compacted event, else null. */
    private final byte[] bytes;

    private JsonEvent(ObjectNode json) {
        this.json = json;
        this.bytes = null;
    }

    private JsonEvent(byte[] bytes) {
        this.json = null;
        this.bytes = bytes;
    }

    /**
     * The same event held as its JSON bytes (written now), without its tree. For events that are
     * written out rather than read: {@link #toJsonBytes()} then costs nothing, any other read parses
     * the bytes once.
     */
    public JsonEvent compact() {
        return bytes != null ? this : new JsonEvent(toJsonBytes());
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
        JsonNode value = tree().get(name);
        return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
    }

    /** True when the event has a top-level field {@code name} (of any type, {@code null} included). */
    public boolean has(String name) {
        return tree().has(name);
    }

    /** A copy of the JSON object, for codecs that need the tree. */
    public ObjectNode toObjectNode() {
        return tree().deepCopy();
    }

    /**
     * The tree itself, for a caller that takes the event over and changes it (the normalizer of a
     * request whose parsed events are let go once normalized): no copy is made, and this event
     * cannot be used afterwards.
     *
     * @throws IllegalStateException when the tree was already handed over
     */
    public ObjectNode handOver() {
        ObjectNode tree = tree();
        handedOver = true;
        json = null;
        return tree;
    }

    /** Package-private access without copying, for the stamper. */
    ObjectNode node() {
        return tree();
    }

    private ObjectNode tree() {
        if (handedOver) {
            throw new IllegalStateException("this event was handed over; it cannot be used any more");
        }
        ObjectNode tree = json;
        if (tree == null) {
            // a compacted event: the bytes are this class's own output, one JSON object
            try {
                tree = (ObjectNode) MAPPER.readTree(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            json = tree;
        }
        return tree;
    }

    /**
     * Compact JSON, UTF-8. The array of a {@linkplain #compact() compacted} event is its own:
     * callers must not modify it.
     */
    public byte[] toJsonBytes() {
        if (bytes != null && !handedOver) {
            return bytes;
        }
        try {
            return MAPPER.writeValueAsBytes(tree());
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
        return other instanceof JsonEvent that && tree().equals(that.tree());
    }

    @Override
    public int hashCode() {
        return tree().hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
