package io.socaas.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socaas.events.InvalidEventBatchException.Kind;
import io.socaas.events.ocsf.WindowsEventText;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Splunk HTTP Event Collector (HEC) requests read as the events they carry, so that senders that
 * speak only HEC (Fluent Bit's and Vector's splunk outputs, the OpenTelemetry Collector's
 * splunk_hec exporter, Docker's splunk log driver, SaaS log streams) can send to a tenant.
 *
 * <p>An envelope of the event endpoint ({@code {"event": ..., "time": ..., "host": ...,
 * "source": ..., "sourcetype": ..., "index": ..., "fields": {...}}}) becomes its {@code event}: an
 * object as it is (a Windows event, a CloudTrail record, a container's {@code {"log": ...}} record),
 * a text as {@code {"message": text}} (a log line, read as the line it is); HEC's metadata is kept
 * beside it in {@value #METADATA}. A raw request's lines are each {@code {"message": line}}, with the
 * metadata its query gave.
 */
public final class SplunkHec {

    /** The member of each event that keeps the envelope's HEC metadata. */
    public static final String METADATA = "splunk_hec";

    private static final List<String> ENVELOPE_METADATA =
            List.of("time", "host", "source", "sourcetype", "index", "fields");

    /** Past this, a number is no epoch seconds (year 9999). */
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(253_402_300_799L);

    private SplunkHec() {}

    /**
     * The events of the event endpoint's envelopes (parsed as whitespace-separated JSON objects).
     *
     * @throws InvalidEventBatchException when an envelope has no {@code event}, or a blank one
     */
    public static List<JsonEvent> events(List<JsonEvent> envelopes) {
        List<JsonEvent> events = new ArrayList<>(envelopes.size());
        for (int i = 0; i < envelopes.size(); i++) {
            ObjectNode envelope = envelopes.get(i).handOver();
            JsonNode event = envelope.get("event");
            if (event == null || event.isNull()) {
                throw InvalidEventBatchException.atEvent(
                        Kind.MISSING_EVENT, i + 1, i, "event " + (i + 1) + " has no 'event' member", null);
            }
            if (event.isTextual() && event.textValue().isBlank() || event.isContainerNode() && event.isEmpty()) {
                throw InvalidEventBatchException.atEvent(
                        Kind.BLANK_EVENT, i + 1, i, "event " + (i + 1) + " has a blank 'event'", null);
            }
            ObjectNode out;
            if (event instanceof ObjectNode object) {
                out = object;
            } else {
                out = JsonNodeFactory.instance.objectNode();
                out.put("message", event.isTextual() ? event.textValue() : event.toString());
            }
            ObjectNode metadata = JsonNodeFactory.instance.objectNode();
            for (String name : ENVELOPE_METADATA) {
                JsonNode value = envelope.get(name);
                if (value != null && !value.isNull()) {
                    metadata.set(name, value);
                }
            }
            if (!metadata.isEmpty() && !out.has(METADATA)) {
                out.set(METADATA, metadata);
            }
            events.add(JsonEvent.wrap(out));
        }
        return events;
    }

    /**
     * The events of a raw request: each non-blank line of {@code body} (UTF-8, LF or CRLF ends a
     * line) is a log line, but a Windows event in Splunk's classic format (a date line, {@code
     * LogName=} ... {@code Message=} and the message's lines) is one event as a whole, with the request's metadata (host, source, sourcetype, index; blank values
     * left out).
     *
     * @throws InvalidEventBatchException when the body holds no line, or more lines or bytes than
     *     {@code parser} accepts in one request
     */
    public static List<JsonEvent> rawLines(byte[] body, Map<String, String> metadata, EventBatchParser parser) {
        Objects.requireNonNull(body, "body");
        if (body.length > parser.maxBytes()) {
            throw InvalidEventBatchException.whole(
                    Kind.BODY_TOO_LARGE,
                    "request body has " + body.length + " bytes, at most " + parser.maxBytes() + " are accepted");
        }
        ObjectNode meta = JsonNodeFactory.instance.objectNode();
        metadata.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                meta.put(name, value);
            }
        });
        List<JsonEvent> events = new ArrayList<>();
        String text = new String(body, StandardCharsets.UTF_8);
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        while (start <= text.length()) {
            // a Windows event in Splunk's classic format spans many lines: it is one event
            int end = WindowsEventText.splunkClassicEnd(text, start);
            int next;
            if (end >= 0) {
                next = end;
            } else {
                end = text.indexOf('\n', start);
                end = end < 0 ? text.length() : end;
                next = end + 1;
            }
            String line = text.substring(start, end);
            if (line.endsWith("\n")) {
                line = line.stripTrailing();
            } else if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (!line.isBlank()) {
                if (events.size() == parser.maxEvents()) {
                    throw InvalidEventBatchException.whole(
                            Kind.TOO_MANY_EVENTS,
                            "request body has more than " + parser.maxEvents() + " lines, at most " + parser.maxEvents()
                                    + " are accepted at once");
                }
                ObjectNode event = JsonNodeFactory.instance.objectNode();
                event.put("message", line);
                if (!meta.isEmpty()) {
                    event.set(METADATA, meta.deepCopy());
                }
                events.add(JsonEvent.wrap(event));
            }
            start = next;
        }
        if (events.isEmpty()) {
            throw InvalidEventBatchException.whole(Kind.EMPTY, "request body contains no lines");
        }
        return events;
    }

    /**
     * The time an event's HEC envelope gave ({@value #METADATA}{@code .time}: epoch seconds, with a
     * fraction, as a number or a text), or null. The normalizer takes it where the source's own time
     * is missing, as it takes a syslog header's.
     */
    public static Instant time(JsonNode event) {
        JsonNode metadata = event.get(METADATA);
        JsonNode time = metadata == null ? null : metadata.get("time");
        if (time == null) {
            return null;
        }
        BigDecimal seconds;
        try {
            seconds = time.isNumber()
                    ? time.decimalValue()
                    : time.isTextual() ? new BigDecimal(time.textValue().strip()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
        if (seconds == null || seconds.signum() <= 0 || seconds.compareTo(MAX_SECONDS) > 0) {
            return null;
        }
        return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
    }
}
