package io.socaas.events.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of a source event by name, as mapping files address them: a top-level field; a
 * dotted path (a segment of digits indexes an array); a parameter of the line's RFC 5424
 * structured data by its own name; and for Windows events in the shapes senders use, the event's
 * own names wherever the shape keeps them (evtx-dump {@code Event.System}/{@code
 * Event.EventData}/{@code Event.UserData}, with {@code <Tag>_<Attribute>} for {@code #attributes};
 * Winlogbeat {@code winlog.*}; Wazuh {@code win.*} or {@code data.win.*}); the fields of an event
 * that a Wazuh integration wraps under its own name; and the {@code properties} of an Azure Monitor
 * record by their own names; and the additional fields of a GELF message by their names without
 * GELF's underscore ({@code _EventID} as {@code EventID}: NXLog's and other shippers' GELF output of
 * Windows events, so that the Windows files read them). Values of the shape
 * {@code {"#text": v}} read as {@code v}. One instance per event, not thread-safe.
 */
final class SourceFields {

    private static final String TEXT = "#text";
    private static final String ATTRIBUTES = "#attributes";
    private static final String INTEGRATION = "integration";

    private static final Map<String, String> WINLOGBEAT = Map.of(
            "event_id", "EventID",
            "channel", "Channel",
            "computer_name", "Computer",
            "provider_name", "Provider_Name",
            "record_id", "RecordNumber",
            "task", "Task");
    private static final Map<String, String> WAZUH = Map.of(
            "eventID", "EventID",
            "providerName", "Provider_Name",
            "eventRecordID", "RecordNumber",
            "systemTime", "SystemTime");

    private final ObjectNode source;
    private final Map<String, JsonNode> extra = new HashMap<>();
    /** Kept in {@link #comparable} for a name the event does not have (one lookup answers both). */
    private static final String ABSENT = new String("\u0000absent");

    /** Sized for the names one event is asked for across the mapping files, so that it is not grown. */
    private final Map<String, String> comparable = new HashMap<>(128);

    private Map<String, JsonNode> windows;

    /** Whether the event is a GELF message (asked once, on the first name it does not have). */
    private Boolean gelf;

    /**
     * The objects other than the event itself that names are looked up in, found once (on the first
     * name the event does not have) rather than on every such name: most names a mapping file asks
     * for are absent from most events. {@link #NONE} when the event has no such object.
     */
    private ObjectNode integrationFields;

    private ObjectNode azureProperties;
    private ObjectNode structuredData;
    private static final ObjectNode NONE = new ObjectNode(null);

    SourceFields(ObjectNode source) {
        this.source = source;
    }

    /** Adds fields found by a mapping's pattern; the source's own fields keep precedence. */
    void addExtracted(String name, String value) {
        extra.put(name, source.textNode(value));
        comparable.remove(name);
    }

    /** To be called when fields were added to the source itself: texts kept as absent may be there now. */
    void sourceChanged() {
        comparable.clear();
        integrationFields = null;
        azureProperties = null;
        structuredData = null;
    }

    /**
     * The text of {@code name} stripped and in lower case, as conditions compare it; null when
     * absent or not a scalar. Kept per name: the rules of a file ask for the same few fields (the
     * event id, the channel) one after another.
     */
    String comparableText(String name) {
        String cached = comparable.get(name);
        if (cached != null) {
            return cached == ABSENT ? null : cached;
        }
        String text = text(name);
        String result = text == null ? null : text.strip().toLowerCase(Locale.ROOT);
        comparable.put(name, result == null ? ABSENT : result);
        return result;
    }

    /** Whether the event has {@code name} (any value but JSON null); an absent name is remembered. */
    boolean has(String name) {
        String cached = comparable.get(name);
        if (cached != null) {
            return cached != ABSENT;
        }
        if (get(name) != null) {
            return true;
        }
        comparable.put(name, ABSENT); // absent: its comparable text is absent too
        return false;
    }

    /** The value of {@code name}, null when absent or JSON null. */
    JsonNode get(String name) {
        JsonNode value = source.get(name);
        if (value == null) {
            value = extra.get(name);
        }
        if (value == null) {
            value = windows().get(name);
        }
        if (value == null && name.indexOf('.') > 0) {
            value = path(source, name);
        }
        if (value == null) {
            value = integrationField(name);
        }
        if (value == null) {
            value = azureMonitorProperty(name);
        }
        if (value == null) {
            value = structuredDataParam(name);
        }
        if (value == null && isGelf()) {
            value = source.get("_" + name);
        }
        value = unwrap(value);
        return value == null || value.isNull() ? null : value;
    }

    /** The value as text (numbers without a fraction as integers), null when absent or not a scalar. */
    String text(String name) {
        return text(get(name));
    }

    static String text(JsonNode value) {
        if (value == null || value.isContainerNode() || value.isNull()) {
            return null;
        }
        if (value.isFloatingPointNumber() && value.asDouble() == Math.rint(value.asDouble())) {
            return Long.toString(value.asLong());
        }
        return value.asText();
    }

    /**
     * A field of the event a Wazuh integration wraps ({@code {"integration": "ms-graph", "ms-graph":
     * {...}}}) by its own name or dotted path, so that one mapping reads the event in both shapes.
     */
    private JsonNode integrationField(String name) {
        ObjectNode wrapped = integrationFields();
        return wrapped == NONE ? null : fieldOf(wrapped, name);
    }

    private ObjectNode integrationFields() {
        if (integrationFields == null) {
            integrationFields = source.get(INTEGRATION) instanceof TextNode integration
                            && source.get(integration.textValue()) instanceof ObjectNode wrapped
                    ? wrapped
                    : NONE;
        }
        return integrationFields;
    }

    /**
     * A field of an Azure Monitor record's {@code properties} by its own name or dotted path: a
     * resource log or activity log record as a diagnostic setting exports it ({@code time}, {@code
     * operationName}, {@code category}, {@code properties: {...}}), so that one mapping reads the
     * service's record and the export of it alike.
     */
    private JsonNode azureMonitorProperty(String name) {
        ObjectNode properties = azureProperties();
        return properties == NONE ? null : fieldOf(properties, name);
    }

    private ObjectNode azureProperties() {
        if (azureProperties == null) {
            azureProperties = source.get("properties") instanceof ObjectNode properties
                            && source.get("operationName") instanceof TextNode
                            && source.get("category") instanceof TextNode
                    ? properties
                    : NONE;
        }
        return azureProperties;
    }

    /** A field of {@code object} by its own name, else by its dotted path. */
    private static JsonNode fieldOf(ObjectNode object, String name) {
        JsonNode value = object.get(name);
        return value == null && name.indexOf('.') > 0 ? path(object, name) : value;
    }

    /**
     * A parameter of the line's RFC 5424 structured data, in whichever element holds it (Junos names
     * its element by a model-specific enterprise id: {@code junos@2636.1.1.1.2.129}).
     */
    private JsonNode structuredDataParam(String name) {
        ObjectNode elements = structuredData();
        if (elements != NONE) {
            for (JsonNode element : elements) {
                JsonNode value = element.get(name);
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    private ObjectNode structuredData() {
        if (structuredData == null) {
            structuredData = source.get(LogLine.STRUCTURED_DATA) instanceof ObjectNode elements ? elements : NONE;
        }
        return structuredData;
    }

    /**
     * The names the event has, when every name it has is its own (a field of the event, a field a
     * pattern added, a parameter of its structured data) or a dotted path into it, which are not
     * listed: not a Windows event in any shape, not a record an integration or Azure Monitor wraps,
     * not a GELF message. Null for any other event. A name not listed is then absent unless it is
     * a dotted path.
     */
    List<String> ownNames() {
        if (!windows().isEmpty() || isGelf() || integrationFields() != NONE || azureProperties() != NONE) {
            return null;
        }
        List<String> names = new ArrayList<>(source.size() + extra.size() + 8);
        source.fieldNames().forEachRemaining(names::add);
        names.addAll(extra.keySet());
        ObjectNode elements = structuredData();
        if (elements != NONE) {
            for (JsonNode element : elements) {
                element.fieldNames().forEachRemaining(names::add);
            }
        }
        return names;
    }

    /** A dotted path into objects; a segment of digits indexes an array ({@code target.0.alternateId}). */
    private static JsonNode path(JsonNode start, String dotted) {
        JsonNode current = start;
        int from = 0;
        while (true) {
            if (current == null) {
                return null;
            }
            int dot = dotted.indexOf('.', from);
            String segment = dot < 0 ? dotted.substring(from) : dotted.substring(from, dot);
            if (current.isObject()) {
                JsonNode next = current.get(segment);
                if (next == null && dot >= 0) {
                    // the rest of the path is one key with dots of its own (Falco's output_fields: "proc.name")
                    return current.get(dotted.substring(from));
                }
                current = next;
            } else if (current.isArray() && isIndex(segment)) {
                current = current.get(Integer.parseInt(segment));
            } else {
                return null;
            }
            if (dot < 0) {
                return current;
            }
            from = dot + 1;
        }
    }

    private static boolean isIndex(String segment) {
        if (segment.isEmpty() || segment.length() > 4) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (segment.charAt(i) < '0' || segment.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static JsonNode unwrap(JsonNode value) {
        if (value != null && value.isObject() && value.has(TEXT)) {
            return value.get(TEXT);
        }
        return value;
    }

    /** A GELF message: a {@code version} beside {@code short_message} (GELF 1.0 and 1.1). */
    private boolean isGelf() {
        if (gelf == null) {
            gelf = source.get("short_message") != null && source.get("version") != null;
        }
        return gelf;
    }

    private Map<String, JsonNode> windows() {
        if (windows != null) {
            return windows;
        }
        if (!source.has("Event") && !source.has("winlog") && !source.has("win") && !source.has("data")) {
            windows = Map.of(); // not a Windows event in any shape (a syslog line, most JSON events)
            return windows;
        }
        // sized for an evtx event's System and EventData fields, so that it is not grown while filled
        windows = new HashMap<>(128);
        JsonNode event = source.get("Event");
        if (event != null && event.isObject()) {
            JsonNode system = event.get("System");
            if (system != null && system.isObject()) {
                system.properties().forEach(e -> {
                    JsonNode attributes = e.getValue().get(ATTRIBUTES);
                    if (attributes != null && attributes.isObject()) {
                        attributes
                                .properties()
                                .forEach(a -> windows.putIfAbsent(e.getKey() + "_" + a.getKey(), a.getValue()));
                    }
                    windows.putIfAbsent(e.getKey(), e.getValue());
                });
            }
            copy(event.get("EventData"), Map.of(), false);
            JsonNode userData = event.get("UserData");
            if (userData != null && userData.isObject()) {
                userData.forEach(section -> copy(section, Map.of(), false));
            }
        }
        JsonNode winlog = source.get("winlog");
        if (winlog != null && winlog.isObject()) {
            copy(winlog.get("event_data"), Map.of(), false);
            copy(winlog.get("user_data"), Map.of(), false);
            WINLOGBEAT.forEach((theirs, ours) -> {
                if (winlog.has(theirs)) {
                    windows.putIfAbsent(ours, winlog.get(theirs));
                }
            });
        }
        JsonNode win = source.get("win");
        if (win == null && source.get("data") instanceof ObjectNode data) {
            win = data.get("win");
        }
        if (win != null && win.isObject()) {
            copy(win.get("eventdata"), Map.of(), true);
            copy(win.get("system"), WAZUH, true);
            // an event's UserData section (AppLocker's ruleAndFileData, ...) beside system and eventdata
            win.properties().forEach(e -> {
                if (!e.getKey().equals("eventdata") && !e.getKey().equals("system")) {
                    copy(e.getValue(), Map.of(), true);
                }
            });
        }
        return windows;
    }

    /** Copies an object's fields, renamed or with the first letter capitalised (Wazuh). */
    private void copy(JsonNode object, Map<String, String> renames, boolean capitalise) {
        if (object == null || !object.isObject()) {
            return;
        }
        object.properties().forEach(e -> {
            String name = renames.getOrDefault(e.getKey(), e.getKey());
            if (capitalise && !name.isEmpty()) {
                name = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            }
            windows.putIfAbsent(name, e.getValue());
        });
    }
}
