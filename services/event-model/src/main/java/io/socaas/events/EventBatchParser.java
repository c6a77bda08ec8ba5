package io.socaas.events;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socaas.events.InvalidEventBatchException.Kind;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parses the body of an event intake request into JSON objects.
 *
 * <p>Accepted shapes:
 *
 * <ul>
 *   <li>a JSON array of objects, when the first non-whitespace character is {@code [};
 *   <li>{@link Format#NDJSON}: otherwise one JSON object per line (or several written one after
 *       the other, as Kinesis Data Firehose concatenates records); blank lines are skipped, lines may
 *       end in CRLF;
 *   <li>{@link Format#JSON}: otherwise one or more JSON objects separated by whitespace (a single,
 *       possibly pretty-printed object is the common case).
 * </ul>
 *
 * Every element must be a JSON object. An object whose only member is {@code Records} or {@code
 * records}, an array of objects (an AWS CloudTrail log file, an Azure Monitor export), is read as
 * those records, and so is a Bitdefender GravityZone push request ({@code addEvents}). Problems are reported as {@link InvalidEventBatchException} with the 1-based
 * line they were found on. Thread-safe.
 */
public final class EventBatchParser {

    /** How to read a body that is not a JSON array. */
    public enum Format {
        /** One JSON object per line ({@code application/x-ndjson}, {@code text/plain}). */
        NDJSON,
        /** One or more whitespace-separated JSON objects ({@code application/json}). */
        JSON
    }

    public static final int DEFAULT_MAX_EVENTS = 10_000;
    public static final int DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final int maxEvents;
    private final int maxBytes;

    /**
     * @param maxEvents most events one body may carry
     * @param maxBytes most bytes one body may have
     */
    public EventBatchParser(int maxEvents, int maxBytes) {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be positive: " + maxEvents);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
    }

    public EventBatchParser() {
        this(DEFAULT_MAX_EVENTS, DEFAULT_MAX_BYTES);
    }

    public int maxEvents() {
        return maxEvents;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** Parses a JSON array or NDJSON. */
    public List<JsonEvent> parse(byte[] body) {
        return parse(body, Format.NDJSON);
    }

    /** Parses a JSON array or NDJSON. */
    public List<JsonEvent> parse(String body) {
        return parse(Objects.requireNonNull(body, "body").getBytes(StandardCharsets.UTF_8), Format.NDJSON);
    }

    /**
     * Parses {@code body}: a JSON array when it starts with {@code [}, otherwise as {@code format}
     * says.
     *
     * @throws InvalidEventBatchException when the body is not an acceptable batch
     */
    public List<JsonEvent> parse(byte[] body, Format format) {
        return withRecords(objects(body, format));
    }

    /**
     * The JSON objects of {@code body} as {@link #parse} reads them, each as it is: files of records
     * and push requests are not opened (a bulk request's lines, whose order pairs them).
     *
     * @throws InvalidEventBatchException when the body is not an acceptable batch
     */
    public List<JsonEvent> objects(byte[] body, Format format) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(format, "format");
        if (body.length > maxBytes) {
            throw InvalidEventBatchException.whole(
                    Kind.BODY_TOO_LARGE,
                    "request body has " + body.length + " bytes, at most " + maxBytes + " are accepted");
        }
        int start = startsWithBom(body) ? UTF8_BOM.length : 0;
        int first = skipWhitespace(body, start);
        List<JsonEvent> events;
        if (first < body.length && body[first] == '[') {
            events = parseArray(body, start);
        } else if (format == Format.NDJSON) {
            events = parseLines(body, start);
        } else {
            events = parseConcatenated(body, start);
        }
        if (events.isEmpty()) {
            throw InvalidEventBatchException.whole(Kind.EMPTY, "request body contains no events");
        }
        return events;
    }

    /**
     * The events of a body in which files of records or push requests were posted as they are: an
     * object whose only member is {@code Records} (an AWS CloudTrail log file) or {@code records} (an
     * Azure Monitor or Event Hub export) holding an array of objects is its records, one event each;
     * so is Bitdefender GravityZone's Event Push Service request ({@code {"jsonrpc": "2.0", "method":
     * "addEvents", "params": {"events": [...]}}}), and its CEF form ({@code {"cef": "0", "events":
     * ["CEF:0|...", ...]}}) is one log line per text. Any other event is itself. Several such objects
     * in one body (an Event Hub's messages, one per line) are each read so, in their order. An Azure
     * network security group or virtual network flow log record, posted so or as an event of its
     * own, is one event per flow tuple (see {@link AzureFlowLogs}); the flows count against {@link
     * #maxEvents} as records do.
     */
    private List<JsonEvent> withRecords(List<JsonEvent> events) {
        List<JsonEvent> expanded = null;
        for (int i = 0; i < events.size(); i++) {
            ObjectNode object = events.get(i).node();
            List<ObjectNode> records = records(object);
            if (records == null && !AzureFlowLogs.isFlowRecord(object)) {
                if (expanded != null) {
                    refuseBeyond(expanded.size() + 1);
                    expanded.add(events.get(i));
                }
                continue;
            }
            if (expanded == null) {
                expanded = new ArrayList<>(events.subList(0, i));
            }
            if (records == null) {
                records = List.of(object);
            }
            refuseBeyond(expanded.size() + records.size());
            for (ObjectNode record : records) {
                int room = maxEvents - expanded.size();
                List<ObjectNode> flows = AzureFlowLogs.flows(record, room);
                if (flows == null) {
                    refuseBeyond(expanded.size() + 1);
                    expanded.add(JsonEvent.wrap(record));
                } else if (flows.size() > room) {
                    throw InvalidEventBatchException.atLine(
                            Kind.TOO_MANY_EVENTS,
                            1,
                            "too many flows in this request, at most " + maxEvents + " events are accepted at once"
                                    + " and an Azure flow log record is one event per flow tuple; more than "
                                    + maxEvents + " were sent, send fewer records per request");
                } else {
                    for (ObjectNode flow : flows) {
                        expanded.add(JsonEvent.wrap(flow));
                    }
                }
            }
        }
        return expanded == null ? events : expanded;
    }

    private void refuseBeyond(int count) {
        if (count > maxEvents) {
            throw InvalidEventBatchException.atLine(
                    Kind.TOO_MANY_EVENTS,
                    1,
                    "too many records in this request, at most " + maxEvents + " events are accepted at once; " + count
                            + " or more were sent");
        }
    }

    /** The records an object carries (see {@link #withRecords}), or null when it is an event of its own. */
    private static List<ObjectNode> records(ObjectNode object) {
        JsonNode array;
        boolean lines = false;
        if (object.size() == 1 && (object.get("Records") != null || object.get("records") != null)) {
            array = object.get("Records") != null ? object.get("Records") : object.get("records");
        } else if ("addEvents".equals(object.path("method").textValue())
                && object.get("jsonrpc") != null
                && object.path("params").path("events").isArray()) {
            array = object.get("params").get("events");
        } else if (object.size() == 2
                && object.get("cef") != null
                && object.path("events").isArray()) {
            array = object.get("events");
            lines = true;
        } else {
            return null;
        }
        if (!array.isArray() || array.isEmpty()) {
            return null;
        }
        List<ObjectNode> records = new ArrayList<>(array.size());
        for (JsonNode record : array) {
            if (lines && record.isTextual()) {
                ObjectNode line = JsonEvent.MAPPER.createObjectNode();
                line.put("message", record.textValue());
                records.add(line);
            } else if (!lines && record instanceof ObjectNode element) {
                records.add(element);
            } else {
                return null;
            }
        }
        return records;
    }

    private List<JsonEvent> parseLines(byte[] body, int start) {
        List<JsonEvent> events = new ArrayList<>();
        int line = 0;
        int pos = start;
        while (pos < body.length) {
            line++;
            int newline = indexOf(body, (byte) '\n', pos);
            int lineEnd = newline < 0 ? body.length : newline;
            int contentEnd = lineEnd > pos && body[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            if (skipWhitespace(body, pos, contentEnd) < contentEnd) {
                parseLine(body, pos, contentEnd - pos, line, events);
            }
            pos = lineEnd + 1;
        }
        return events;
    }

    /**
     * The objects of one line: one, or several written one after the other without a line between
     * them (Kinesis Data Firehose concatenates the records it delivers so), each an event.
     */
    private void parseLine(byte[] body, int offset, int length, int line, List<JsonEvent> events) {
        try (JsonParser parser = JsonEvent.MAPPER.createParser(body, offset, length)) {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_OBJECT) {
                throw notAnObject(token, line, events.size());
            }
            do {
                checkRoom(events, line);
                events.add(JsonEvent.wrap(JsonEvent.MAPPER.readTree(parser)));
                token = parser.nextToken();
            } while (token == JsonToken.START_OBJECT);
            if (token != null) {
                throw InvalidEventBatchException.atEvent(
                        Kind.MALFORMED_JSON,
                        line,
                        events.size(),
                        "malformed JSON: unexpected " + describe(token) + " after the JSON object",
                        null);
            }
        } catch (JsonProcessingException e) {
            throw malformed(e, line, events.size());
        } catch (CharConversionException e) {
            throw undecodable(e, line, events.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<JsonEvent> parseArray(byte[] body, int start) {
        List<JsonEvent> events = new ArrayList<>();
        int line = 1;
        try (JsonParser parser = JsonEvent.MAPPER.createParser(body, start, body.length - start)) {
            parser.nextToken(); // START_ARRAY, checked by the caller
            while (true) {
                JsonToken token = parser.nextToken();
                line = lineOf(parser.currentTokenLocation(), line);
                if (token == JsonToken.END_ARRAY) {
                    break;
                }
                if (token == null) {
                    throw InvalidEventBatchException.atLine(
                            Kind.MALFORMED_JSON, line, "malformed JSON: the array is not closed");
                }
                if (token != JsonToken.START_OBJECT) {
                    throw notAnObject(token, line, events.size());
                }
                checkRoom(events, line);
                events.add(JsonEvent.wrap(JsonEvent.MAPPER.readTree(parser)));
            }
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                line = lineOf(parser.currentTokenLocation(), line);
                throw InvalidEventBatchException.atLine(
                        Kind.MALFORMED_JSON,
                        line,
                        "malformed JSON: unexpected " + describe(trailing) + " after the JSON array");
            }
            return events;
        } catch (JsonProcessingException e) {
            throw malformed(e, lineOf(e.getLocation(), line), events.size());
        } catch (CharConversionException e) {
            throw undecodable(e, line, events.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<JsonEvent> parseConcatenated(byte[] body, int start) {
        List<JsonEvent> events = new ArrayList<>();
        int line = 1;
        try (JsonParser parser = JsonEvent.MAPPER.createParser(body, start, body.length - start)) {
            while (true) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    return events;
                }
                line = lineOf(parser.currentTokenLocation(), line);
                if (token != JsonToken.START_OBJECT) {
                    throw notAnObject(token, line, events.size());
                }
                checkRoom(events, line);
                events.add(JsonEvent.wrap(JsonEvent.MAPPER.readTree(parser)));
            }
        } catch (JsonProcessingException e) {
            throw malformed(e, lineOf(e.getLocation(), line), events.size());
        } catch (CharConversionException e) {
            throw undecodable(e, line, events.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void checkRoom(List<JsonEvent> events, int line) {
        if (events.size() >= maxEvents) {
            throw InvalidEventBatchException.atLine(
                    Kind.TOO_MANY_EVENTS,
                    line,
                    "too many events in one request, at most " + maxEvents + " are accepted");
        }
    }

    private static InvalidEventBatchException notAnObject(JsonToken token, int line, int event) {
        return InvalidEventBatchException.atEvent(
                Kind.NOT_AN_OBJECT, line, event, "expected a JSON object, found " + describe(token), null);
    }

    private static InvalidEventBatchException malformed(JsonProcessingException e, int line, int event) {
        return InvalidEventBatchException.atEvent(
                Kind.MALFORMED_JSON, line, event, "malformed JSON: " + e.getOriginalMessage(), e);
    }

    /**
     * Jackson guesses the encoding of a byte body from its first bytes (UTF-8, UTF-16 or UTF-32); a
     * body that looks like one but does not decode is malformed, not an I/O failure.
     */
    private static InvalidEventBatchException undecodable(CharConversionException e, int line, int event) {
        return InvalidEventBatchException.atEvent(
                Kind.MALFORMED_JSON,
                line,
                event,
                "malformed JSON: the body is not readable text: " + e.getMessage(),
                e);
    }

    private static int lineOf(JsonLocation location, int fallback) {
        return location != null && location.getLineNr() > 0 ? location.getLineNr() : fallback;
    }

    /** How a JSON value starting with {@code token} is named in messages. */
    static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "'" + token.asString() + "'";
        };
    }

    private static boolean startsWithBom(byte[] body) {
        return body.length >= 3 && body[0] == UTF8_BOM[0] && body[1] == UTF8_BOM[1] && body[2] == UTF8_BOM[2];
    }

    private static int skipWhitespace(byte[] body, int from) {
        return skipWhitespace(body, from, body.length);
    }

    private static int skipWhitespace(byte[] body, int from, int to) {
        int i = from;
        while (i < to && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n')) {
            i++;
        }
        return i;
    }

    /**
     * The first {@code value} at or after {@code from}, -1 when none: eight bytes at a time (a body
     * of thousands of events is scanned once for its line ends), then byte by byte.
     */
    static int indexOf(byte[] body, byte value, int from) {
        long pattern = (value & 0xFFL) * 0x0101010101010101L;
        int i = from;
        for (; i + Long.BYTES <= body.length; i += Long.BYTES) {
            long word = (long) LONGS.get(body, i) ^ pattern;
            // a zero byte of word is a match (the classic has-zero-byte test)
            long found = (word - 0x0101010101010101L) & ~word & 0x8080808080808080L;
            if (found != 0) {
                return i + Long.numberOfTrailingZeros(found) / Byte.SIZE;
            }
        }
        for (; i < body.length; i++) {
            if (body[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
}
