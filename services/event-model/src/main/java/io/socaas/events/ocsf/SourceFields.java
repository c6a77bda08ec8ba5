package io.socaas.events.ocsf;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of a source event by name, as mapping files address them: a top-level field; a
 * dotted path (a segment of digits indexes an array, a segment {@code list[key=value]} takes the
 * first element of {@code list} whose {@code key} is {@code value}, {@code list[].rest} the first
 * element where the rest of the path reads a value); a parameter of the line's RFC 5424
 * structured data by its own name; and for Windows events in the shapes senders use, the event's
 * own names wherever the shape keeps them (evtx-dump {@code Event.System}/{@code
 * Event.EventData}/{@code Event.UserData}, with {@code <Tag>_<Attribute>} for {@code #attributes};
 * Winlogbeat {@code winlog.*}, Winlogbeat 6's top-level names and Graylog's flattened {@code
 * winlogbeat_winlog_event_data_*}; Wazuh {@code win.*} or {@code data.win.*}; the OpenTelemetry
 * Collector's {@code event_id.id}/{@code channel}/{@code event_data}; Log Analytics' {@code
 * EventLog}/{@code Source} and {@code EventData} as an object or its XML text); the fields of an event
 * that a Wazuh integration wraps under its own name; and the {@code properties} of an Azure Monitor
 * record by their own names; and the additional fields of a GELF message by their names without
 * GELF's underscore ({@code _EventID} as {@code EventID}: NXLog's and other shippers' GELF output of
 * Windows events, so that the Windows files read them); and a path into a field whose value is the
 * text of a JSON object or list (Microsoft Defender's {@code AdditionalFields}: {@code
 * AdditionalFields.TaskName} reads the task's name whether the field holds the object or its JSON
 * text; {@code Parameters[Name=Identity].Value} chooses in a list held as text as in a list), the
 * text parsed once per event. Values of the shape {@code {"#text": v}} read as {@code v}.
 * One instance per event, not thread-safe.
 */
final class SourceFields {

    private static final String TEXT = "#text";
    private static final String ATTRIBUTES = "#attributes";
    private static final String INTEGRATION = "integration";
    /** The name a list parsed from a text is read under when a path's brackets choose its element. */
    private static final String TEXT_HOLDER = "text";

    /** Parses the JSON texts that paths read into. */
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The longest JSON text a path reads into; a longer one is read as text only. */
    static final int MAX_JSON_TEXT = 256 * 1024;

    private static final Map<String, String> WINLOGBEAT = Map.of(
            "event_id", "EventID",
            "channel", "Channel",
            "computer_name", "Computer",
            "provider_name", "Provider_Name",
            "record_id", "RecordNumber",
            "task", "Task",
            // the time Windows wrote the event (Elastic Agent's forwarded events may have no @timestamp)
            "time_created", "TimeCreated");
    /**
     * Winlogbeat 6's own names at the top level (before ECS: {@code event_id}, {@code log_name},
     * {@code computer_name}, {@code source_name} beside {@code event_data}), also as Graylog's Beats
     * input flattens them ({@code winlogbeat_event_data_TargetUserName}, ...), and Winlogbeat 7's and
     * 8's names under {@code winlog} when flattened ({@code winlogbeat_winlog_event_id}, {@code
     * winlog_channel}, ...); Fluentd's older Windows event log input ({@code in_windows_eventlog})
     * names the event as Winlogbeat 6 does, its channel {@code channel}, with {@code time_generated}
     * and the rendered message as {@code description}.
     */
    private static final Map<String, String> WINLOGBEAT_LEGACY = Map.ofEntries(
            Map.entry("event_id", "EventID"),
            Map.entry("log_name", "Channel"),
            Map.entry("channel", "Channel"),
            Map.entry("computer_name", "Computer"),
            Map.entry("source_name", "Provider_Name"),
            Map.entry("provider_name", "Provider_Name"),
            Map.entry("record_number", "RecordNumber"),
            Map.entry("record_id", "RecordNumber"),
            Map.entry("task", "Task"),
            Map.entry("time_created", "TimeCreated"),
            Map.entry("time_generated", "TimeCreated"),
            Map.entry("description", "Message"));
    /** The prefixes of Winlogbeat's fields as Graylog flattens them, the longest first. */
    private static final String[] FLATTENED_WINLOGBEAT = {"winlogbeat_winlog_", "winlogbeat_", "winlog_"};
    /** The names whose presence marks a flattened Winlogbeat event (Graylog, with GELF's underscore or not). */
    private static final String[] FLATTENED_EVENT_IDS = {
        "winlogbeat_winlog_event_id", "winlogbeat_event_id", "winlog_event_id",
        "_winlogbeat_winlog_event_id", "_winlogbeat_event_id", "_winlog_event_id"
    };
    /**
     * The body the OpenTelemetry Collector's Windows event log receiver writes ({@code event_id.id},
     * {@code provider.name}, {@code channel}, {@code computer}, {@code system_time}, {@code
     * event_data} by the data's names).
     */
    private static final Map<String, String> OTEL = Map.of(
            "channel", "Channel",
            "computer", "Computer",
            "system_time", "SystemTime",
            "record_id", "RecordNumber",
            "message", "Message",
            "task", "Task");
    /**
     * Log Analytics' {@code Event} table (the Windows event logs the Log Analytics and Azure Monitor
     * agents collect, as Microsoft Sentinel queries them): the channel as {@code EventLog}, the provider
     * as {@code Source}, the rendered message as {@code RenderedDescription}, the data as the XML text
     * {@code EventData}.
     */
    private static final Map<String, String> LOG_ANALYTICS_EVENT = Map.of(
            "EventLog", "Channel",
            "Source", "Provider_Name",
            "RenderedDescription", "Message");

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

    /**
     * The JSON texts paths have read into, parsed, by the name of the field holding them ({@link
     * MissingNode} for a field that holds no such text); null until a path asks.
     */
    private Map<String, JsonNode> jsonTexts;

    private static final ObjectNode NONE = new ObjectNode(null);

    SourceFields(ObjectNode source) {
        this.source = source;
    }

    /** Adds fields found by a mapping's pattern; the source's own fields keep precedence. */
    void addExtracted(String name, String value) {
        extra.put(name, source.textNode(value));
        comparable.remove(name);
        if (jsonTexts != null) {
            jsonTexts.remove(name);
        }
    }

    /** To be called when fields were added to the source itself: texts kept as absent may be there now. */
    void sourceChanged() {
        comparable.clear();
        jsonTexts = null;
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
        if (value == null && isPath(name)) {
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
        if (value == null && isPath(name)) {
            value = inJsonText(name);
        }
        value = unwrap(value);
        return value == null || value.isNull() ? null : value;
    }

    /**
     * A path into the JSON text a field holds: the first part of {@code name} (up to a dot, or up to
     * the brackets that choose a list's element) that names a field whose value is the text of a JSON
     * object or list, and the rest of the name read in the parsed value as a path is read in the
     * event. Microsoft Defender's streaming API writes {@code AdditionalFields} as such a text and Log
     * Analytics keeps it as an object; so one name reads both, with the text's escapes undone ({@code
     * C:\\Windows} is {@code C:\Windows}). Log Analytics keeps the name/value lists of Microsoft 365's
     * {@code OfficeActivity} rows ({@code Parameters}) and of Entra ID's {@code AuditLogs} rows in a
     * query's or an export's text ({@code TargetResources}, {@code AdditionalDetails}) as such texts:
     * {@code Parameters[Name=Identity].Value} and {@code TargetResources[].modifiedProperties[...]}
     * choose in the parsed list as in the list. A dot or a bracket inside a choice's brackets ({@code
     * [displayName=Group.DisplayName]}) ends no part.
     */
    private JsonNode inJsonText(String name) {
        int depth = 0;
        for (int at = 1; at < name.length() - 1; at++) {
            char c = name.charAt(at);
            if (depth > 0) {
                if (c == ']') {
                    depth--;
                }
                continue;
            }
            if (c == '.') {
                JsonNode parsed = parsedJsonText(name.substring(0, at));
                if (parsed != null) {
                    String rest = name.substring(at + 1);
                    return parsed instanceof ObjectNode object ? fieldOf(object, rest) : path(parsed, rest);
                }
            } else if (c == '[') {
                JsonNode parsed = parsedJsonText(name.substring(0, at));
                if (parsed != null) {
                    // the brackets choose in the parsed list as in a list the event holds
                    ObjectNode holder = JSON.createObjectNode();
                    holder.set(TEXT_HOLDER, parsed);
                    return selectPath(holder, TEXT_HOLDER + name.substring(at));
                }
                depth++;
            }
        }
        return null;
    }

    /** The JSON object or list that the text of {@code holder} is, parsed once; null when it is none. */
    private JsonNode parsedJsonText(String holder) {
        if (jsonTexts == null) {
            jsonTexts = new HashMap<>(8);
        }
        JsonNode known = jsonTexts.get(holder);
        if (known != null) {
            return known.isMissingNode() ? null : known;
        }
        jsonTexts.put(holder, MissingNode.getInstance()); // a path of the text itself reads no further
        JsonNode parsed = null;
        if (get(holder) instanceof TextNode text && opensJson(text.textValue())) {
            try {
                JsonNode tree = JSON.readTree(text.textValue());
                parsed = tree != null && tree.isContainerNode() ? tree : null;
            } catch (JacksonException notJson) {
                parsed = null;
            }
        }
        jsonTexts.put(holder, parsed == null ? MissingNode.getInstance() : parsed);
        return parsed;
    }

    /** Whether the text may be a JSON object or list (its first character that is not a blank opens one). */
    private static boolean opensJson(String text) {
        if (text.length() > MAX_JSON_TEXT) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' || c == '[';
            }
        }
        return false;
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
     * service's record and the export of it alike. Azure Firewall's resource-specific records
     * streamed through an event hub come without {@code operationName}: a {@code resourceId}
     * beside the category stands for it.
     */
    private JsonNode azureMonitorProperty(String name) {
        ObjectNode properties = azureProperties();
        return properties == NONE ? null : fieldOf(properties, name);
    }

    private ObjectNode azureProperties() {
        if (azureProperties == null) {
            azureProperties = source.get("properties") instanceof ObjectNode properties
                            && (source.get("operationName") instanceof TextNode
                                    || source.get("resourceId") instanceof TextNode)
                            && source.get("category") instanceof TextNode
                    ? properties
                    : NONE;
        }
        return azureProperties;
    }

    /** A field of {@code object} by its own name, else by its dotted path. */
    private static JsonNode fieldOf(ObjectNode object, String name) {
        JsonNode value = object.get(name);
        return value == null && isPath(name) ? path(object, name) : value;
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
     * Each name {@link #get} finds a value by, given to {@code action} without a list of them (a name
     * may come twice): the event's fields, the fields patterns added, a Windows event's names in any
     * shape, its structured data's parameters, the fields of the event a Wazuh integration wraps, of
     * an Azure Monitor record's {@code properties}, and a GELF message's additional fields without
     * their underscore. A name not given is absent unless it is a path, and a path's value always
     * begins at one of these names (or inside a JSON text one of them holds).
     */
    void forEachOwnName(java.util.function.Consumer<String> action) {
        source.fieldNames().forEachRemaining(action);
        extra.keySet().forEach(action);
        windows().keySet().forEach(action);
        ObjectNode elements = structuredData();
        if (elements != NONE) {
            for (JsonNode element : elements) {
                element.fieldNames().forEachRemaining(action);
            }
        }
        ObjectNode wrapped = integrationFields();
        if (wrapped != NONE) {
            wrapped.fieldNames().forEachRemaining(action);
        }
        ObjectNode properties = azureProperties();
        if (properties != NONE) {
            properties.fieldNames().forEachRemaining(action);
        }
        if (isGelf()) {
            source.fieldNames().forEachRemaining(name -> {
                if (name.length() > 1 && name.charAt(0) == '_') {
                    action.accept(name.substring(1));
                }
            });
        }
    }

    /** Whether {@code name} is a path into the event's objects rather than a name of its own. */
    static boolean isPath(String name) {
        return name.indexOf('.') > 0 || name.indexOf('[') > 0;
    }

    /**
     * Why {@code name} is no field name a mapping file may use, null when it is one: its brackets, if
     * any, must each choose a list's element, {@code list[key=value]}, followed by the end of the
     * name or by a dot, with a key and a value that hold no bracket, or be {@code list[]} followed by
     * a path into the elements.
     */
    static String malformed(String name) {
        if (name.indexOf('[') < 0 && name.indexOf(']') < 0) {
            return null;
        }
        int from = 0;
        while (true) {
            int open = name.indexOf('[', from);
            int close = name.indexOf(']', from);
            if (open < 0) {
                return close < 0 ? null : "a ']' closes no '['";
            }
            if (close >= 0 && close < open) {
                return "a ']' closes no '['";
            }
            if (open == from || name.charAt(open - 1) == '.') {
                return "a '[' follows no list's name";
            }
            if (close < 0) {
                return "a '[' is not closed";
            }
            if (close == open + 1) {
                if (close + 1 >= name.length() || name.charAt(close + 1) != '.' || close + 2 >= name.length()) {
                    return "'[]' is followed by no path into the list's elements";
                }
                from = close + 2;
                continue;
            }
            String selector = name.substring(open + 1, close);
            int eq = selector.indexOf('=');
            if (eq <= 0 || eq == selector.length() - 1 || selector.indexOf('[') >= 0) {
                return "'[" + selector + "]' is not [key=value]";
            }
            if (close + 1 < name.length() && name.charAt(close + 1) != '.') {
                return "'[" + selector + "]' is followed by neither a '.' nor the end of the name";
            }
            if (close + 1 == name.length() - 1) {
                return "the name ends with a '.'";
            }
            from = close + 2;
            if (from >= name.length()) {
                return null;
            }
        }
    }

    /**
     * A dotted path into objects; a segment of digits indexes an array ({@code target.0.alternateId});
     * a segment {@code list[key=value]} chooses an element by its content ({@code
     * events.0.parameters[name=doc_title].value}, {@link #selectPath}).
     */
    private static JsonNode path(JsonNode start, String dotted) {
        if (dotted.indexOf('[') > 0) {
            return selectPath(start, dotted);
        }
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

    /**
     * A dotted path whose segments may choose a list's element by its content: {@code
     * list[key=value]} is the first element of {@code list} that is an object whose {@code key} reads
     * as {@code value} (compared exactly; numbers as their text), so that a source's name/value pairs
     * ({@code parameters: [{"name": "doc_title", "value": "..."}]}) are read by name wherever the
     * source puts them in the list. An object in place of the list stands for a list of one (a
     * shipper that writes a list of one element as the element). The value may hold dots ({@code
     * modifiedProperties[displayName=Group.DisplayName].newValue}): it ends at the bracket. {@code
     * list[].rest} reads {@code rest} in the first element of {@code list} where it reads a value
     * ({@code targetResources[].modifiedProperties[displayName=Group.DisplayName].newValue}: whichever
     * target carries the property).
     */
    private static JsonNode selectPath(JsonNode start, String dotted) {
        JsonNode current = start;
        int from = 0;
        int length = dotted.length();
        while (current != null) {
            int dot = dotted.indexOf('.', from);
            int open = dotted.indexOf('[', from);
            int end;
            if (open >= 0 && (dot < 0 || open < dot) && dotted.startsWith("[].", open)) {
                // list[].rest: the first element of the list where the rest of the path reads a value
                if (!current.isObject()) {
                    return null;
                }
                return anyElement(current.get(dotted.substring(from, open)), dotted.substring(open + 3));
            }
            if (open >= 0 && (dot < 0 || open < dot)) {
                int close = dotted.indexOf(']', open);
                int eq = dotted.indexOf('=', open);
                if (close < 0 || eq < 0 || eq > close || !current.isObject()) {
                    return null;
                }
                JsonNode list = current.get(dotted.substring(from, open));
                current = element(list, dotted.substring(open + 1, eq), dotted.substring(eq + 1, close));
                end = close + 1;
            } else {
                String segment = dot < 0 ? dotted.substring(from) : dotted.substring(from, dot);
                if (current.isObject()) {
                    current = current.get(segment);
                } else if (current.isArray() && isIndex(segment)) {
                    current = current.get(Integer.parseInt(segment));
                } else {
                    return null;
                }
                end = dot < 0 ? length : dot;
            }
            if (end >= length) {
                return current;
            }
            if (dotted.charAt(end) != '.') {
                return null;
            }
            from = end + 1;
        }
        return null;
    }

    /** The value {@code rest} reads in the first element of {@code list} (or in {@code list} itself, an object) where it reads one. */
    private static JsonNode anyElement(JsonNode list, String rest) {
        if (list == null) {
            return null;
        }
        if (list.isObject()) {
            return path(list, rest);
        }
        if (list.isArray()) {
            for (JsonNode element : list) {
                JsonNode value = path(element, rest);
                if (value != null && !value.isNull()) {
                    return value;
                }
            }
        }
        return null;
    }

    /** The first element of {@code list} (or {@code list} itself, an object) whose {@code key} reads as {@code value}. */
    private static JsonNode element(JsonNode list, String key, String value) {
        if (list == null) {
            return null;
        }
        if (list.isObject()) {
            return value.equals(text(unwrap(list.get(key)))) ? list : null;
        }
        if (list.isArray()) {
            for (JsonNode element : list) {
                if (element.isObject() && value.equals(text(unwrap(element.get(key))))) {
                    return element;
                }
            }
        }
        return null;
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
        JsonNode eventId = source.get("event_id");
        boolean otel = eventId instanceof ObjectNode && source.has("channel");
        boolean legacy = eventId != null
                && !otel
                && source.has("source_name")
                && source.has("computer_name")
                && (source.has("log_name") || source.has("channel"));
        boolean flattened = !otel && !legacy && isFlattenedWinlogbeat();
        JsonNode eventData = source.get("EventData");
        JsonNode inserts = positionalData(eventData);
        if (!source.has("Event")
                && !source.has("winlog")
                && !source.has("win")
                && !source.has("data")
                && !otel
                && !legacy
                && !flattened
                && !(eventData instanceof ObjectNode)
                && !(eventData instanceof TextNode)
                && inserts == null) {
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
        if (otel) {
            copyOtelData(source.get("event_data"));
            copyOtelData(source.get("user_data"));
            putIfPresent("EventID", eventId.get("id"));
            if (source.get("provider") instanceof ObjectNode provider) {
                putIfPresent("Provider_Name", provider.get("name"));
            }
            OTEL.forEach((theirs, ours) -> putIfPresent(ours, source.get(theirs)));
        } else if (legacy) {
            copy(source.get("event_data"), Map.of(), false);
            copy(source.get("user_data"), Map.of(), false);
            WINLOGBEAT_LEGACY.forEach((theirs, ours) -> putIfPresent(ours, source.get(theirs)));
        } else if (flattened) {
            copyFlattenedWinlogbeat();
        }
        if (eventData instanceof ObjectNode data) {
            // Log Analytics' WindowsEvent table (Azure Monitor agent): the data as an object
            copy(data, Map.of(), false);
        } else if (eventData instanceof TextNode xml) {
            // Log Analytics' Event and SecurityEvent tables: the data as its XML text
            copy(LogAnalyticsEventData.parse(xml.textValue()), Map.of(), false);
        }
        if (source.has("EventLog")) {
            LOG_ANALYTICS_EVENT.forEach((theirs, ours) -> putIfPresent(ours, source.get(theirs)));
        }
        if (inserts != null) {
            readBackFromMessage(eventData);
        }
        return windows;
    }

    /**
     * The data of an event that Fluent Bit ({@code StringInserts}) and Fluentd ({@code EventData}
     * of {@code in_windows_eventlog2}, {@code string_inserts} of {@code in_windows_eventlog}) send
     * as a list of values without their names; null when the event has no such list.
     */
    private JsonNode positionalData(JsonNode eventData) {
        JsonNode inserts = source.get("StringInserts");
        if (inserts == null) {
            inserts = source.get("string_inserts");
        }
        if (inserts == null) {
            inserts = eventData;
        }
        return inserts != null && inserts.isArray() ? inserts : null;
    }

    /**
     * The data fields of an event whose data has no names, read back from the message Windows
     * rendered ({@code Message} of Fluent Bit, {@code Description} of Fluentd's {@code
     * in_windows_eventlog2}, {@code description} of its {@code in_windows_eventlog}) as the text
     * forms' are ({@link WindowsEventText#dataFields}).
     */
    private void readBackFromMessage(JsonNode eventData) {
        if (eventData != null && eventData.isArray()) {
            putIfPresent("Message", source.get("Description"));
        }
        JsonNode message = source.get("Message");
        if (!(message instanceof TextNode)) {
            message = windows.get("Message");
        }
        if (!(message instanceof TextNode rendered) || rendered.textValue().length() > MAX_JSON_TEXT) {
            return;
        }
        JsonNode channel = source.get("Channel");
        if (channel == null) {
            channel = windows.get("Channel");
        }
        ObjectNode fields = JSON.createObjectNode();
        WindowsEventText.dataFields(fields, channel == null ? null : channel.asText(), rendered.textValue());
        copy(fields, Map.of(), false);
    }

    /**
     * The OpenTelemetry Collector's {@code event_data} (or {@code user_data}): by the data's names
     * ({@code event_data_format: map}), or as a {@code data} list of one-name objects ({@code
     * array}, the collector's earlier form; {@code user_data}'s {@code data} an object).
     */
    private void copyOtelData(JsonNode data) {
        if (!(data instanceof ObjectNode object)) {
            return;
        }
        JsonNode list = object.get("data");
        if (list != null && list.isArray()) {
            list.forEach(entry -> copy(entry, Map.of(), false));
        } else if (list instanceof ObjectNode named) {
            copy(named, Map.of(), false);
        } else {
            copy(object, Map.of(), false);
        }
    }

    private void putIfPresent(String name, JsonNode value) {
        if (value != null && !value.isNull()) {
            windows.putIfAbsent(name, value);
        }
    }

    private boolean isFlattenedWinlogbeat() {
        for (String name : FLATTENED_EVENT_IDS) {
            if (source.has(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Winlogbeat's fields as Graylog flattens them into one level: {@code
     * winlogbeat_winlog_event_data_TargetUserName} (Winlogbeat 7 and 8 through a Beats input that
     * prefixes the beat's name), {@code winlog_event_data_TargetUserName} (without that prefix), {@code
     * winlogbeat_event_data_TargetUserName} (Winlogbeat 6), each also with GELF's underscore in front.
     */
    private void copyFlattenedWinlogbeat() {
        source.properties().forEach(e -> {
            String name = e.getKey().startsWith("_") ? e.getKey().substring(1) : e.getKey();
            for (String prefix : FLATTENED_WINLOGBEAT) {
                if (name.startsWith(prefix)) {
                    String rest = name.substring(prefix.length());
                    if (rest.startsWith("event_data_") && rest.length() > "event_data_".length()) {
                        windows.putIfAbsent(rest.substring("event_data_".length()), e.getValue());
                    } else if (rest.startsWith("user_data_") && rest.length() > "user_data_".length()) {
                        windows.putIfAbsent(rest.substring("user_data_".length()), e.getValue());
                    } else if (WINLOGBEAT_LEGACY.containsKey(rest)) {
                        windows.putIfAbsent(WINLOGBEAT_LEGACY.get(rest), e.getValue());
                    }
                    break;
                }
            }
        });
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
