package io.socaas.events.ocsf;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socaas.events.syslog.CefParser;
import io.socaas.events.syslog.LeefParser;
import io.socaas.events.syslog.MalformedLogException;
import io.socaas.events.syslog.SyslogMessage;
import io.socaas.events.syslog.SyslogParser;
import io.socaas.events.syslog.UnifiDeviceTag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One log line decoded into source fields: the syslog header (RFC 5424 or 3164, or none) and its
 * message, which may itself be CEF, LEEF, JSON (also after {@code @cee:}), a Windows event's XML
 * ({@link WindowsEventXml}, also as a line of its own) or text. The fields are
 * what a normalized record keeps under {@code unmapped}:
 *
 * <ul>
 *   <li>syslog: {@code hostname}, {@code app_name}, {@code proc_id}, {@code msg_id}, {@code
 *       syslog_facility}, {@code syslog_severity}, {@code structured_data} (without the platform's
 *       {@value #CREDENTIAL_SD_ID} element, which carries a secret), {@code message}, and where
 *       macOS names the process a message is about after the sender's pid ({@code sandboxd[129]
 *       ([31211]):}) {@code ref_proc} and {@code ref_pid}; where a UniFi
 *       access point or switch wrote its device stamp as the TAG ({@link UnifiDeviceTag}), the program
 *       after it is {@code app_name} and the stamp gives {@code unifi_device_mac}, {@code
 *       unifi_device_model} and {@code unifi_device_firmware};
 *   <li>CEF: {@code cef_version}, {@code device_vendor}, {@code device_product}, {@code
 *       device_version}, {@code signature_id}, {@code name}, {@code cef_severity} and every extension
 *       key;
 *   <li>LEEF: {@code leef_version}, {@code vendor}, {@code product}, {@code product_version},
 *       {@code event_id} and every attribute;
 *   <li>JSON: the object's own fields (the syslog fields are added where it has none of that name);
 *   <li>Windows event XML: {@code Event} in the shape of an evtx dump;
 *   <li>Windows events as Snare or OSSEC text ({@link WindowsEventText}): {@code Channel}, {@code
 *       EventID}, {@code Computer} and the data fields read back from the message, flat;
 *   <li>Zeek's tab-separated logs without their header ({@link ZeekTsv}): the names Zeek's JSON
 *       logs use, and {@code _path}; the header's lines ({@code #fields ...}): {@code zeek_header} and
 *       {@code zeek_header_value};
 *   <li>packet lines of the Windows DNS Server debug log ({@link WindowsDnsDebugLog}): {@code query},
 *       {@code record_type}, {@code rcode}, {@code remote_ip}, ...
 * </ul>
 */
public final class LogLine {

    /** The field holding the line's RFC 5424 structured data: element id → parameter → value. */
    static final String STRUCTURED_DATA = "structured_data";

    /** The RFC 5424 structured data element that carries a sender's ingest key. */
    public static final String CREDENTIAL_SD_ID = "socaas@32473";

    public static final String CREDENTIAL_KEY_PARAM = "key";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String raw;
    private final SyslogMessage syslog;
    private final ObjectNode fields;
    private final String payloadFormat;
    private final List<String> headerFields;

    private LogLine(
            String raw, SyslogMessage syslog, ObjectNode fields, String payloadFormat, List<String> headerFields) {
        this.raw = raw;
        this.syslog = syslog;
        this.fields = fields;
        this.headerFields = List.copyOf(headerFields);
        this.payloadFormat = payloadFormat;
    }

    /**
     * Whether the text is one whole XML element, optionally after a prolog: {@code <log>...</log>} or
     * {@code <entry .../>}. A syslog priority is digits between the brackets, never a name.
     */
    static boolean isXmlElement(String text) {
        String t = WindowsEventXml.afterProlog(text);
        if (t == null || t.length() < 4 || t.charAt(0) != '<' || !Character.isLetter(t.charAt(1)) || !t.endsWith(">")) {
            return false;
        }
        int nameEnd = 1;
        while (nameEnd < t.length() && isNameChar(t.charAt(nameEnd))) {
            nameEnd++;
        }
        char after = t.charAt(nameEnd);
        if (after != '>' && after != '/' && !Character.isWhitespace(after)) {
            return false;
        }
        String name = t.substring(1, nameEnd);
        return t.endsWith("</" + name + ">") || (t.endsWith("/>") && t.indexOf('>') == t.length() - 1);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':';
    }

    /**
     * @throws MalformedLogException when the line claims a format it does not follow, or is empty
     */
    public static LogLine decode(String line, Instant received, SyslogParser parser) {
        Objects.requireNonNull(line, "line");
        if (line.isBlank()) {
            throw new MalformedLogException("empty message");
        }
        String stripped = line.strip();
        SyslogMessage syslog = WindowsEventXml.isEvent(stripped) || isXmlElement(stripped)
                // an XML record on its own (a Windows event, an appliance's log element): no syslog
                // header, and its '<' is no priority
                ? new SyslogMessage(SyslogMessage.Format.NONE, -1, -1, null, null, null, null, null, Map.of(), line)
                : parser.parse(line, received);
        return read(line, syslog);
    }

    /**
     * A line its shipper sent without its syslog header, the header's TAG beside it (Logstash's
     * syslog pattern's {@code program}, rsyslog's {@code programname}, ...), when that TAG is a UniFi
     * device's stamp ({@link UnifiDeviceTag}): the line read as it is with that TAG before it, the
     * program after the stamp as {@code app_name} and the stamp's MAC, model and firmware as fields.
     * Null when the line has a TAG of its own or {@code shippedTag} is no stamp.
     */
    static LogLine withShippedUnifiStamp(LogLine line, String shippedTag) {
        SyslogMessage m = line.syslog();
        if (shippedTag == null || m.appName() != null || shippedTag.indexOf(',') < 0) {
            return null;
        }
        SyslogMessage tagged = new SyslogMessage(
                m.format(),
                m.facility(),
                m.severity(),
                m.timestamp(),
                m.hostname(),
                shippedTag,
                null,
                m.msgId(),
                m.structuredData(),
                m.message());
        return UnifiDeviceTag.read(tagged) == null ? null : read(line.raw(), tagged);
    }

    /** The fields of a line whose header {@code syslog} holds, its message after it. */
    private static LogLine read(String line, SyslogMessage syslog) {
        UnifiDeviceTag.Stamped stamped = UnifiDeviceTag.read(syslog);
        if (stamped != null) {
            syslog = stamped.message();
        }
        ObjectNode fields = JSON.createObjectNode();
        String message = syslog.message();
        String payload = embedded(message.strip());
        String format;
        ObjectNode windows;
        ObjectNode zeek;
        ObjectNode dns;
        if (WindowsEventXml.isEvent(payload)) {
            fields.setAll(WindowsEventXml.parse(payload));
            format = "xml";
        } else if (payload.startsWith(CefParser.PREFIX)) {
            cef(fields, CefParser.parse(payload));
            format = "cef";
        } else if (payload.startsWith(LeefParser.PREFIX)) {
            leef(fields, LeefParser.parse(payload));
            format = "leef";
        } else if (payload.contains(WindowsEventText.SNARE)
                && (windows = WindowsEventText.snareLine(payload)) != null) {
            fields.setAll(windows);
            format = "snare";
        } else if (payload.contains(WindowsEventText.OSSEC_MARK)
                && (windows = WindowsEventText.ossec(payload)) != null) {
            fields.setAll(windows);
            format = "ossec";
        } else if (payload.contains(WindowsEventText.SPLUNK_MARK)
                && (windows = WindowsEventText.splunkClassic(payload)) != null) {
            fields.setAll(windows);
            format = "splunk-wineventlog";
        } else if (payload.contains(WindowsDnsDebugLog.MARKER) && (dns = WindowsDnsDebugLog.parse(payload)) != null) {
            fields.setAll(dns);
            format = "dns-debug";
        } else if (ZeekTsv.looksLikeZeek(payload) && (zeek = ZeekTsv.parse(payload)) != null) {
            fields.setAll(zeek);
            format = "zeek";
        } else if (payload.startsWith("#") && (zeek = ZeekTsv.header(payload)) != null) {
            fields.setAll(zeek);
            format = "zeek";
        } else if (payload.startsWith("{") || payload.startsWith("@cee:")) {
            String json = payload.startsWith("@cee:") ? payload.substring(5).strip() : payload;
            try (JsonParser reader = JSON.createParser(json)) {
                JsonNode node = JSON.readTree(reader);
                if (!(node instanceof ObjectNode object)) {
                    throw new MalformedLogException("JSON payload: expected an object");
                }
                if (reader.nextToken() != null) {
                    // several objects one after the other: each would be an event of its own
                    throw new MalformedLogException(
                            "JSON payload: more than one JSON value in one message (send one object per message)");
                }
                fields.setAll(object);
            } catch (JsonProcessingException e) {
                throw new MalformedLogException("JSON payload: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            format = "json";
        } else {
            format = "text";
        }
        List<String> added = new ArrayList<>(8);
        putIfAbsent(fields, "hostname", syslog.hostname(), added);
        putIfAbsent(fields, "app_name", syslog.appName(), added);
        putIfAbsent(fields, "proc_id", syslog.procId(), added);
        putIfAbsent(fields, "msg_id", syslog.msgId(), added);
        putIfAbsent(fields, "ref_proc", syslog.refProc(), added);
        putIfAbsent(fields, "ref_pid", syslog.refPid(), added);
        if (stamped != null) {
            putIfAbsent(fields, "unifi_device_mac", stamped.device().mac(), added);
            putIfAbsent(fields, "unifi_device_model", stamped.device().model(), added);
            putIfAbsent(fields, "unifi_device_firmware", stamped.device().firmware(), added);
        }
        if (syslog.facility() >= 0 && !fields.has("syslog_facility")) {
            fields.put("syslog_facility", syslog.facility());
            fields.put("syslog_severity", syslog.severity());
            added.add("syslog_facility");
            added.add("syslog_severity");
        }
        Map<String, Map<String, String>> sd = syslog.structuredData();
        if (!sd.isEmpty() && !fields.has(STRUCTURED_DATA)) {
            ObjectNode sdNode = fields.putObject(STRUCTURED_DATA);
            added.add(STRUCTURED_DATA);
            sd.forEach((id, params) -> {
                if (!id.equals(CREDENTIAL_SD_ID)) {
                    ObjectNode element = sdNode.putObject(id);
                    params.forEach(element::put);
                }
            });
        }
        if (format.equals("xml")) {
            // the XML itself is the raw line; the message is the text Windows rendered, when sent
            JsonNode rendered = fields.at("/Event/RenderingInfo/Message");
            if (rendered.isTextual()) {
                putIfAbsent(fields, "message", rendered.asText(), added);
            }
        } else {
            putIfAbsent(fields, "message", message, added);
        }
        return new LogLine(redacted(line, syslog), syslog, fields, format, added);
    }

    /**
     * CEF or LEEF after a program tag without the space (F5 writes {@code ASM:CEF:0|...}): the text
     * from the marker on; otherwise the text itself.
     */
    private static String embedded(String payload) {
        for (String marker : new String[] {CefParser.PREFIX, LeefParser.PREFIX}) {
            int at = payload.indexOf(marker);
            if (at > 0 && at < 64 && (payload.charAt(at - 1) == ':' || payload.charAt(at - 1) == ' ')) {
                return payload.substring(at);
            }
        }
        return payload;
    }

    /** The line without the secret of the credential element. */
    private static String redacted(String line, SyslogMessage syslog) {
        String key = syslog.structuredParam(CREDENTIAL_SD_ID, CREDENTIAL_KEY_PARAM);
        if (key == null || key.isEmpty()) {
            return line;
        }
        String escaped = key.replace("\\", "\\\\").replace("\"", "\\\"").replace("]", "\\]");
        return line.replace(CREDENTIAL_KEY_PARAM + "=\"" + escaped + "\"", CREDENTIAL_KEY_PARAM + "=\"[redacted]\"");
    }

    private static void cef(ObjectNode fields, CefParser.CefEvent cef) {
        fields.put("cef_version", cef.version());
        fields.put("device_vendor", cef.deviceVendor());
        fields.put("device_product", cef.deviceProduct());
        fields.put("device_version", cef.deviceVersion());
        fields.put("signature_id", cef.signatureId());
        fields.put("name", cef.name());
        fields.put("cef_severity", cef.severity());
        cef.extension().forEach(fields::put);
    }

    private static void leef(ObjectNode fields, LeefParser.LeefEvent leef) {
        fields.put("leef_version", leef.version());
        fields.put("vendor", leef.vendor());
        fields.put("product", leef.product());
        fields.put("product_version", leef.productVersion());
        fields.put("event_id", leef.eventId());
        leef.attributes().forEach((k, v) -> {
            if (!fields.has(k)) {
                fields.put(k, v);
            }
        });
    }

    private static void putIfAbsent(ObjectNode fields, String name, String value, List<String> added) {
        if (value != null && !fields.has(name)) {
            fields.put(name, value);
            added.add(name);
        }
    }

    /** The ingest key the sender put in its structured data ({@value #CREDENTIAL_SD_ID}). */
    public Optional<String> ingestKey() {
        return Optional.ofNullable(syslog.structuredParam(CREDENTIAL_SD_ID, CREDENTIAL_KEY_PARAM));
    }

    public SyslogMessage syslog() {
        return syslog;
    }

    /**
     * The fields the syslog header (and the message itself) added to the payload's: hostname,
     * app_name, proc_id, msg_id, syslog_facility, syslog_severity, structured_data and message, those
     * the payload did not have.
     */
    public List<String> headerFields() {
        return headerFields;
    }

    /** {@code cef}, {@code leef}, {@code json} or {@code text}. */
    public String payloadFormat() {
        return payloadFormat;
    }

    /** The line as received, with the ingest key (if any) redacted. */
    public String raw() {
        return raw;
    }

    /**
     * Adds a field the line does not carry itself, kept under {@code unmapped} with the line's own:
     * what the intake knows of it (the segments of a message that did not come). A field of that
     * name the line has wins. Returns this line.
     */
    public LogLine withField(String name, String value) {
        if (!fields.has(name)) {
            fields.put(name, value);
        }
        return this;
    }

    ObjectNode fields() {
        return fields;
    }
}
