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
 * own names wherever the shape keeps them ({@link WindowsShapes}, which detection reads too); the fields of an event
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
    private static final String INTEGRATION = "integration";
    /** The name a list parsed from a text is read under when a path's brackets choose its element. */
    private static final String TEXT_HOLDER = "text";

    /** Parses the JSON texts that paths read into. */
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The longest JSON text a path reads into; a longer one is read as text only. */
    static final int MAX_JSON_TEXT = 256 * 1024;

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

    /** The event's Windows names in whichever shapes it is in ({@link WindowsShapes}), found once. */
    private Map<String, JsonNode> windows() {
        if (windows == null) {
            windows = WindowsShapes.of(source).fields();
        }
        return windows;
    }
}
