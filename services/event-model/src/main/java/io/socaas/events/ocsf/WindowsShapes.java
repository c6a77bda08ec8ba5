package io.socaas.events.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socaas.events.syslog.MalformedLogException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A Windows event's own names ({@code EventID}, {@code Channel}, {@code Computer}, {@code
 * Provider_Name}, its data fields by their names, ...) read wherever the shape a shipper or store
 * gives it keeps them: the one description of those shapes, read by normalization (the Windows
 * mapping files, through {@link SourceFields}, on Jackson trees) and by detection (Sigma's field
 * names, on the {@code Map}/{@code List} trees correlation decodes events into), so that a shape
 * known to one is known to both. The shapes ({@link Shape}):
 *
 * <ul>
 *   <li>the evtx dump's {@code Event.System} (with {@code <Tag>_<Attribute>} for an element's
 *       {@code #attributes}: {@code Provider_Name}), {@code Event.EventData} and the sections of
 *       {@code Event.UserData};
 *   <li>Winlogbeat 7 and 8 and Elastic Agent: {@code winlog.event_data}, {@code winlog.user_data},
 *       {@code winlog.event_id}, {@code winlog.channel}, ...;
 *   <li>Wazuh: {@code win.eventdata} and {@code win.system} (also under {@code data.win} in its
 *       alerts), names with a lower-case first letter read with an upper-case one;
 *   <li>the OpenTelemetry Collector's Windows event log body: {@code event_id.id}, {@code channel},
 *       {@code provider.name}, {@code event_data} (by the data's names or as a {@code data} list),
 *       {@code user_data};
 *   <li>Winlogbeat 6's (and Fluentd's {@code in_windows_eventlog}'s) top-level names: {@code
 *       event_id}, {@code log_name}, {@code source_name}, {@code event_data};
 *   <li>Winlogbeat's fields as Graylog flattens them ({@code winlogbeat_winlog_event_data_<Field>},
 *       {@code winlogbeat_event_id}, {@code winlog_channel}, each also with GELF's underscore);
 *   <li>Log Analytics' rows: {@code EventData} as an object (WindowsEvent) or as its XML text
 *       (Event, SecurityEvent), {@code EventLog}, {@code Source} or {@code Provider}, {@code
 *       RenderedDescription};
 *   <li>Fluent Bit's and Fluentd's data without names ({@code StringInserts}, {@code
 *       string_inserts}, an {@code EventData} list), read back from the message Windows rendered
 *       ({@link WindowsEventText#dataFields});
 *   <li>an Elastic document that keeps the event only as its XML text in {@code event.original}
 *       (no {@code winlog}), read as the evtx dump's shape.
 * </ul>
 *
 * Where two shapes name the same field, the first in this order is read. Values are the tree's own
 * ({@code {"#text": v}} is left for the reader to unwrap). One instance per event; not thread-safe.
 *
 * @param <N> the tree's node type
 */
public final class WindowsShapes<N> {

    /** The shapes a Windows event is recognised in. */
    public enum Shape {
        EVTX,
        WINLOGBEAT,
        WAZUH,
        OPENTELEMETRY,
        WINLOGBEAT_6,
        GRAYLOG_FLATTENED,
        LOG_ANALYTICS,
        DATA_WITHOUT_NAMES,
        ELASTIC_ORIGINAL_XML
    }

    /**
     * How a tree is read: objects by key, lists by element, strings by text. {@code get} answers
     * null for an absent key (and for a node that is no object), a present JSON null as a node.
     */
    interface Tree<N> {
        N get(N object, String key);

        boolean isObject(N node);

        boolean isList(N node);

        /** The text of a string node, null for any other node. */
        String text(N node);

        void forEachField(N object, BiConsumer<String, N> action);

        Iterable<N> elements(N list);

        /** A value derived from the event (data read from XML text or from a message) as this tree's node. */
        N of(JsonNode derived);
    }

    /** The JSON null of a {@code Map} tree as {@link #find} and {@link #fields} give it (null is absent). */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private static final String ATTRIBUTES = "#attributes";

    /** Winlogbeat's names of the System fields under {@code winlog}. */
    private static final Map<String, List<String>> WINLOGBEAT = ordered(
            "EventID", "event_id",
            "Channel", "channel",
            "Computer", "computer_name",
            "Provider_Name", "provider_name",
            "Provider_Guid", "provider_guid",
            "RecordNumber", "record_id",
            "Task", "task",
            // the time Windows wrote the event (Elastic Agent's forwarded events may have no @timestamp)
            "TimeCreated", "time_created");

    /**
     * The OpenTelemetry Collector's Windows event log receiver's names (paths) of the System fields
     * ({@code event_id.id}, {@code provider.name}, {@code channel}, {@code computer}, {@code
     * system_time}, the first line of the rendered message as {@code message}).
     */
    private static final Map<String, List<String>> OPENTELEMETRY = ordered(
            "EventID", "event_id.id",
            "Provider_Name", "provider.name",
            "Provider_Guid", "provider.guid",
            "Channel", "channel",
            "Computer", "computer",
            "SystemTime", "system_time",
            "RecordNumber", "record_id",
            "Message", "message",
            "Task", "task");

    /**
     * Winlogbeat 6's names at the top level (before ECS), each Windows name with the names it may
     * have, in order; Fluentd's older Windows event log input ({@code in_windows_eventlog}) names the
     * event so too, its channel {@code channel}, with {@code time_generated} and the rendered message
     * as {@code description}. Also Winlogbeat's names as Graylog flattens them, after the prefix.
     */
    private static final Map<String, List<String>> WINLOGBEAT_6 = ordered(
            "EventID", "event_id",
            "Channel", "log_name",
            "Channel", "channel",
            "Computer", "computer_name",
            "Provider_Name", "source_name",
            "Provider_Name", "provider_name",
            "RecordNumber", "record_number",
            "RecordNumber", "record_id",
            "Task", "task",
            "TimeCreated", "time_created",
            "TimeCreated", "time_generated",
            "Message", "description");

    /** {@link #WINLOGBEAT_6} the other way: each name the Windows name it stands for. */
    private static final Map<String, String> WINLOGBEAT_6_NAMES = inverse(WINLOGBEAT_6);

    /** The prefixes of Winlogbeat's fields as Graylog flattens them, the longest first. */
    private static final String[] FLATTENED = {"winlogbeat_winlog_", "winlogbeat_", "winlog_"};

    /** {@link #FLATTENED} each with and without GELF's underscore in front, in the order names are looked up. */
    private static final String[] FLATTENED_NAMES = {
        "winlogbeat_winlog_", "winlogbeat_", "winlog_", "_winlogbeat_winlog_", "_winlogbeat_", "_winlog_"
    };

    /** Wazuh's names of {@code win.system} fields that are not the Windows name with a capital. */
    private static final Map<String, String> WAZUH_SYSTEM = Map.of(
            "eventID", "EventID",
            "providerName", "Provider_Name",
            "providerGuid", "Provider_Guid",
            "eventRecordID", "RecordNumber",
            "systemTime", "SystemTime");

    private static final Map<String, List<String>> WAZUH_SYSTEM_NAMES = inverseOfUnique(WAZUH_SYSTEM);

    /**
     * Log Analytics' columns: the Event table's channel as {@code EventLog}, its provider as {@code
     * Source} and rendered message as {@code RenderedDescription}; the WindowsEvent table's provider
     * as {@code Provider}.
     */
    private static final Map<String, List<String>> LOG_ANALYTICS = ordered(
            "Channel", "EventLog",
            "Provider_Name", "Source",
            "Provider_Name", "Provider",
            "Message", "RenderedDescription");

    /** The message read back where data comes without names (the data's names are never one of these). */
    private static final Map<String, List<String>> DESCRIPTION = ordered("Message", "Description");

    private final Tree<N> tree;
    private final N root;
    private final Set<Shape> shapes;
    /** Where names are looked up, in order of precedence. */
    private final List<Source> sources = new ArrayList<>(4);

    private WindowsShapes(Tree<N> tree, N root) {
        this.tree = tree;
        this.root = root;
        this.shapes = EnumSet.noneOf(Shape.class);
        recognise();
    }

    /** A Jackson tree's Windows names (normalization). */
    public static WindowsShapes<JsonNode> of(ObjectNode event) {
        return new WindowsShapes<>(JACKSON, event);
    }

    /**
     * A decoded event's Windows names (detection): nested {@code Map}s, {@code List}s and scalars, as
     * Jackson decodes JSON into them. A JSON null is given as {@link #NULL}.
     */
    public static WindowsShapes<Object> of(Map<String, ?> event) {
        return new WindowsShapes<>(MAPS, event);
    }

    /** The shapes the event is in; empty for an event in none (a syslog line, most JSON events). */
    public Set<Shape> shapes() {
        return Collections.unmodifiableSet(shapes);
    }

    /** The value of a Windows name in the first shape that has it; null when none has it. */
    public N find(String name) {
        for (Source source : sources) {
            N value = source.find(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** Every Windows name the event has, with its value ({@link #find} of each), in order of the shapes. */
    public Map<String, N> fields() {
        if (sources.isEmpty()) {
            return Map.of();
        }
        // sized for an evtx event's System and EventData fields, so that it is not grown while filled
        Map<String, N> fields = new LinkedHashMap<>(128);
        for (Source source : sources) {
            source.forEach(fields::putIfAbsent);
        }
        return fields;
    }

    private void recognise() {
        N event = object(tree.get(root, "Event"));
        if (event != null) {
            shapes.add(Shape.EVTX);
            addEvtx(event, sources);
        }
        N winlog = object(tree.get(root, "winlog"));
        if (winlog != null) {
            shapes.add(Shape.WINLOGBEAT);
            addFields(tree.get(winlog, "event_data"));
            addFields(tree.get(winlog, "user_data"));
            sources.add(new Named(winlog, WINLOGBEAT, false));
        }
        N win = tree.get(root, "win");
        if (win == null) {
            N data = tree.get(root, "data");
            win = tree.isObject(data) ? tree.get(data, "win") : null;
        }
        if (object(win) != null) {
            shapes.add(Shape.WAZUH);
            N data = object(tree.get(win, "eventdata"));
            if (data != null) {
                sources.add(new Fields(data, Map.of(), Map.of(), true));
            }
            N system = object(tree.get(win, "system"));
            if (system != null) {
                sources.add(new Fields(system, WAZUH_SYSTEM, WAZUH_SYSTEM_NAMES, true));
            }
            // an event's UserData section (AppLocker's ruleAndFileData, ...) beside system and eventdata
            sources.add(new Sections(win, true));
        }
        N eventId = tree.get(root, "event_id");
        boolean otel = tree.isObject(eventId) && tree.get(root, "channel") != null;
        boolean legacy = eventId != null
                && !otel
                && tree.get(root, "source_name") != null
                && tree.get(root, "computer_name") != null
                && (tree.get(root, "log_name") != null || tree.get(root, "channel") != null);
        if (otel) {
            shapes.add(Shape.OPENTELEMETRY);
            addOpenTelemetryData(tree.get(root, "event_data"));
            addOpenTelemetryData(tree.get(root, "user_data"));
            sources.add(new Named(root, OPENTELEMETRY, true));
        } else if (legacy) {
            shapes.add(Shape.WINLOGBEAT_6);
            addFields(tree.get(root, "event_data"));
            addFields(tree.get(root, "user_data"));
            sources.add(new Named(root, WINLOGBEAT_6, true));
        } else if (isFlattened()) {
            shapes.add(Shape.GRAYLOG_FLATTENED);
            sources.add(new Flattened());
        }
        N eventData = tree.get(root, "EventData");
        boolean xml = false;
        if (tree.isObject(eventData)) {
            // Log Analytics' WindowsEvent table (Azure Monitor agent): the data as an object
            sources.add(new Fields(eventData, Map.of(), Map.of(), false));
        } else if (tree.text(eventData) instanceof String text
                && text.stripLeading().startsWith("<")) {
            // Log Analytics' Event and SecurityEvent tables: the data as its XML text
            xml = true;
            sources.add(new Derived() {
                @Override
                JsonNode derive() {
                    return LogAnalyticsEventData.parse(text);
                }
            });
        }
        if (tree.isObject(eventData) || xml || tree.get(root, "EventLog") != null) {
            shapes.add(Shape.LOG_ANALYTICS);
            sources.add(new Named(root, LOG_ANALYTICS, true));
        }
        N ecs = event == null && winlog == null ? object(tree.get(root, "event")) : null;
        if (ecs != null) {
            String original = tree.text(tree.get(ecs, "original"));
            if (original != null
                    && original.length() <= SourceFields.MAX_JSON_TEXT
                    && WindowsEventXml.isEvent(original.stripLeading())) {
                // an Elastic document that keeps the event only as its XML (event.original), as Elastic
                // Agent's decode_xml_wineventlog processor reads it
                shapes.add(Shape.ELASTIC_ORIGINAL_XML);
                sources.add(new OriginalXml(original.stripLeading()));
            }
        }
        N inserts = tree.get(root, "StringInserts");
        if (inserts == null) {
            inserts = tree.get(root, "string_inserts");
        }
        if (inserts == null) {
            inserts = eventData;
        }
        if (tree.isList(inserts)) {
            shapes.add(Shape.DATA_WITHOUT_NAMES);
            if (tree.isList(eventData)) {
                // Fluentd's in_windows_eventlog2: the rendered message as Description
                sources.add(new Named(root, DESCRIPTION, true));
            }
            int before = sources.size();
            sources.add(new Derived() {
                @Override
                JsonNode derive() {
                    return readBack(before);
                }
            });
        }
    }

    /** The evtx dump's {@code System}, {@code EventData} and the sections of {@code UserData} of {@code event}. */
    private void addEvtx(N event, List<Source> into) {
        N system = object(tree.get(event, "System"));
        if (system != null) {
            into.add(new SystemFields(system));
        }
        N data = object(tree.get(event, "EventData"));
        if (data != null) {
            into.add(new Fields(data, Map.of(), Map.of(), false));
        }
        N userData = object(tree.get(event, "UserData"));
        if (userData != null) {
            into.add(new Sections(userData, false));
        }
    }

    /**
     * The data fields of an event whose data has no names, read back from the message Windows
     * rendered ({@code Message} of Fluent Bit, {@code Description} of Fluentd's {@code
     * in_windows_eventlog2}, {@code description} of its {@code in_windows_eventlog}) as the text
     * forms' are; null when there is no such message.
     */
    private JsonNode readBack(int sourcesBefore) {
        String message = tree.text(tree.get(root, "Message"));
        if (message == null) {
            message = tree.text(findIn(sourcesBefore, "Message"));
        }
        if (message == null || message.length() > SourceFields.MAX_JSON_TEXT) {
            return null;
        }
        N channel = tree.get(root, "Channel");
        if (channel == null) {
            channel = findIn(sourcesBefore, "Channel");
        }
        String channelText = channel == null ? null : scalarText(channel);
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        WindowsEventText.dataFields(fields, channelText, message);
        return fields;
    }

    private String scalarText(N value) {
        if (tree.isObject(value) || tree.isList(value)) {
            return null;
        }
        String text = tree.text(value);
        return text != null ? text : String.valueOf(value instanceof JsonNode node ? node.asText() : value);
    }

    private N findIn(int sourceCount, String name) {
        for (int i = 0; i < sourceCount; i++) {
            N value = sources.get(i).find(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private boolean isFlattened() {
        for (String prefix : FLATTENED_NAMES) {
            if (tree.get(root, prefix + "event_id") != null) {
                return true;
            }
        }
        return false;
    }

    private void addFields(N object) {
        if (tree.isObject(object)) {
            sources.add(new Fields(object, Map.of(), Map.of(), false));
        }
    }

    /**
     * The OpenTelemetry Collector's {@code event_data} (or {@code user_data}): by the data's names
     * ({@code event_data_format: map}), or as a {@code data} list of one-name objects ({@code
     * array}, the collector's earlier form; {@code user_data}'s {@code data} an object).
     */
    private void addOpenTelemetryData(N data) {
        if (!tree.isObject(data)) {
            return;
        }
        N inner = tree.get(data, "data");
        if (tree.isList(inner)) {
            for (N element : tree.elements(inner)) {
                addFields(element);
            }
        } else if (tree.isObject(inner)) {
            addFields(inner);
        } else {
            addFields(data);
        }
    }

    private N object(N node) {
        return tree.isObject(node) ? node : null;
    }

    private static String capitalised(String name) {
        return name.isEmpty() || Character.isUpperCase(name.charAt(0))
                ? name
                : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String decapitalised(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** Where a shape keeps names: {@link #find} and {@link #forEach} give the same names and values. */
    private abstract class Source {
        /** The value of {@code name} here, null when this source has no such name. */
        abstract N find(String name);

        /** Each name this source has with its value. */
        abstract void forEach(BiConsumer<String, N> action);
    }

    /**
     * An object's fields by their names; {@code renames} gives a field another name, and with {@code
     * capitalise} a name's first letter is read as a capital (Wazuh's {@code targetUserName} is
     * {@code TargetUserName}).
     */
    private final class Fields extends Source {
        private final N object;
        private final Map<String, String> renames;
        private final Map<String, List<String>> renamed;
        private final boolean capitalise;

        Fields(N object, Map<String, String> renames, Map<String, List<String>> renamed, boolean capitalise) {
            this.object = object;
            this.renames = renames;
            this.renamed = renamed;
            this.capitalise = capitalise;
        }

        @Override
        N find(String name) {
            List<String> theirs = renamed.get(name);
            if (theirs != null) {
                for (String key : theirs) {
                    N value = tree.get(object, key);
                    if (value != null) {
                        return value;
                    }
                }
            }
            if (!capitalise) {
                return renames.containsKey(name) ? null : tree.get(object, name);
            }
            if (!capitalised(name).equals(name)) {
                return null; // a name with a lower-case first letter is never read so
            }
            String lower = decapitalised(name);
            N value = renames.containsKey(lower) ? null : tree.get(object, lower);
            if (value == null && !lower.equals(name) && !renames.containsKey(name)) {
                value = tree.get(object, name);
            }
            return value;
        }

        @Override
        void forEach(BiConsumer<String, N> action) {
            tree.forEachField(object, (key, value) -> {
                String name = renames.getOrDefault(key, key);
                action.accept(capitalise ? capitalised(name) : name, value);
            });
        }
    }

    /** The objects an object holds, each read as {@link Fields} (the sections of {@code UserData}). */
    private final class Sections extends Source {
        private final List<Fields> sections = new ArrayList<>();

        /** With {@code capitalise}, Wazuh's {@code win}: its sections other than eventdata and system. */
        Sections(N object, boolean capitalise) {
            tree.forEachField(object, (key, value) -> {
                if (tree.isObject(value) && !(capitalise && (key.equals("eventdata") || key.equals("system")))) {
                    sections.add(new Fields(value, Map.of(), Map.of(), capitalise));
                }
            });
        }

        @Override
        N find(String name) {
            for (Fields section : sections) {
                N value = section.find(name);
                if (value != null) {
                    return value;
                }
            }
            return null;
        }

        @Override
        void forEach(BiConsumer<String, N> action) {
            sections.forEach(section -> section.forEach(action));
        }
    }

    /** The evtx dump's {@code System}: its elements by their names, their attributes as {@code <Tag>_<Attribute>}. */
    private final class SystemFields extends Source {
        private final N system;

        SystemFields(N system) {
            this.system = system;
        }

        @Override
        N find(String name) {
            N value = tree.get(system, name);
            for (int underscore = name.indexOf('_');
                    value == null && underscore > 0;
                    underscore = name.indexOf('_', underscore + 1)) {
                N tag = tree.get(system, name.substring(0, underscore));
                N attributes = tree.isObject(tag) ? tree.get(tag, ATTRIBUTES) : null;
                if (tree.isObject(attributes)) {
                    value = tree.get(attributes, name.substring(underscore + 1));
                }
            }
            return value;
        }

        @Override
        void forEach(BiConsumer<String, N> action) {
            tree.forEachField(system, action);
            tree.forEachField(system, (tag, element) -> {
                N attributes = tree.isObject(element) ? tree.get(element, ATTRIBUTES) : null;
                if (tree.isObject(attributes)) {
                    tree.forEachField(attributes, (attribute, value) -> action.accept(tag + "_" + attribute, value));
                }
            });
        }
    }

    /**
     * Single fields by a table of Windows names to the names (or dotted paths) a shape gives them,
     * the first that is there; with {@code skipNull}, a JSON null is not there.
     */
    private final class Named extends Source {
        private final N object;
        private final Map<String, List<String>> table;
        private final boolean skipNull;

        Named(N object, Map<String, List<String>> table, boolean skipNull) {
            this.object = object;
            this.table = table;
            this.skipNull = skipNull;
        }

        @Override
        N find(String name) {
            List<String> theirs = table.get(name);
            if (theirs != null) {
                for (String path : theirs) {
                    N value = at(path);
                    if (value != null && !(skipNull && isNull(value))) {
                        return value;
                    }
                }
            }
            return null;
        }

        private N at(String path) {
            int dot = path.indexOf('.');
            if (dot < 0) {
                return tree.get(object, path);
            }
            N parent = tree.get(object, path.substring(0, dot));
            return tree.isObject(parent) ? tree.get(parent, path.substring(dot + 1)) : null;
        }

        @Override
        void forEach(BiConsumer<String, N> action) {
            for (String name : table.keySet()) {
                N value = find(name);
                if (value != null) {
                    action.accept(name, value);
                }
            }
        }
    }

    private boolean isNull(N value) {
        return value == NULL || (value instanceof JsonNode node && node.isNull());
    }

    /**
     * Winlogbeat's fields as Graylog flattens them into one level: {@code
     * winlogbeat_winlog_event_data_TargetUserName} (Winlogbeat 7 and 8 through a Beats input that
     * prefixes the beat's name), {@code winlog_event_data_TargetUserName} (without that prefix), {@code
     * winlogbeat_event_data_TargetUserName} (Winlogbeat 6), each also with GELF's underscore in front;
     * {@code user_data_} likewise, the System fields by {@link #WINLOGBEAT_6}'s names.
     */
    private final class Flattened extends Source {

        @Override
        N find(String name) {
            for (String prefix : FLATTENED_NAMES) {
                N value = tree.get(root, prefix + "event_data_" + name);
                if (value == null) {
                    value = tree.get(root, prefix + "user_data_" + name);
                }
                List<String> theirs = WINLOGBEAT_6.get(name);
                if (value == null && theirs != null) {
                    for (int i = 0; value == null && i < theirs.size(); i++) {
                        value = tree.get(root, prefix + theirs.get(i));
                    }
                }
                if (value != null) {
                    return value;
                }
            }
            return null;
        }

        @Override
        void forEach(BiConsumer<String, N> action) {
            tree.forEachField(root, (key, value) -> {
                String name = key.startsWith("_") ? key.substring(1) : key;
                for (String prefix : FLATTENED) {
                    if (name.startsWith(prefix)) {
                        String rest = name.substring(prefix.length());
                        if (rest.startsWith("event_data_") && rest.length() > "event_data_".length()) {
                            action.accept(rest.substring("event_data_".length()), value);
                        } else if (rest.startsWith("user_data_") && rest.length() > "user_data_".length()) {
                            action.accept(rest.substring("user_data_".length()), value);
                        } else if (WINLOGBEAT_6_NAMES.containsKey(rest)) {
                            action.accept(WINLOGBEAT_6_NAMES.get(rest), value);
                        }
                        break;
                    }
                }
            });
        }
    }

    /** Data derived from the event once, when first asked for (XML text parsed, a message read back). */
    private abstract class Derived extends Source {
        private Fields fields;
        private boolean derived;

        /** The derived data as an object, null when there is none. */
        abstract JsonNode derive();

        private Fields fields() {
            if (!derived) {
                derived = true;
                JsonNode data = derive();
                fields = data instanceof ObjectNode ? new Fields(tree.of(data), Map.of(), Map.of(), false) : null;
            }
            return fields;
        }

        @Override
        N find(String name) {
            Fields data = fields();
            return data == null ? null : data.find(name);
        }

        @Override
        void forEach(BiConsumer<String, N> action) {
            Fields data = fields();
            if (data != null) {
                data.forEach(action);
            }
        }
    }

    /** An event's XML text read, when first asked for, as the evtx dump's shape ({@link WindowsEventXml}). */
    private final class OriginalXml extends Source {
        private final String xml;
        private List<Source> evtx;

        OriginalXml(String xml) {
            this.xml = xml;
        }

        private List<Source> evtx() {
            if (evtx == null) {
                evtx = new ArrayList<>(3);
                try {
                    N event = object(tree.get(tree.of(WindowsEventXml.parse(xml)), "Event"));
                    if (event != null) {
                        addEvtx(event, evtx);
                    }
                } catch (MalformedLogException notXml) {
                    // no event's fields
                }
            }
            return evtx;
        }

        @Override
        N find(String name) {
            for (Source source : evtx()) {
                N value = source.find(name);
                if (value != null) {
                    return value;
                }
            }
            return null;
        }

        @Override
        void forEach(BiConsumer<String, N> action) {
            evtx().forEach(source -> source.forEach(action));
        }
    }

    /** Pairs of a Windows name and one of its names in a shape, in order, as a table. */
    private static Map<String, List<String>> ordered(String... pairs) {
        Map<String, List<String>> table = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            table.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
        }
        table.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(table);
    }

    private static Map<String, String> inverse(Map<String, List<String>> table) {
        Map<String, String> inverse = new HashMap<>();
        table.forEach((ours, theirs) -> theirs.forEach(name -> inverse.putIfAbsent(name, ours)));
        return Map.copyOf(inverse);
    }

    private static Map<String, List<String>> inverseOfUnique(Map<String, String> renames) {
        Map<String, List<String>> inverse = new HashMap<>();
        renames.forEach((theirs, ours) ->
                inverse.computeIfAbsent(ours, k -> new ArrayList<>()).add(theirs));
        inverse.replaceAll((k, v) -> List.copyOf(v));
        return Map.copyOf(inverse);
    }

    /** Jackson's trees. */
    private static final Tree<JsonNode> JACKSON = new Tree<>() {
        @Override
        public JsonNode get(JsonNode object, String key) {
            return object instanceof ObjectNode o ? o.get(key) : null;
        }

        @Override
        public boolean isObject(JsonNode node) {
            return node instanceof ObjectNode;
        }

        @Override
        public boolean isList(JsonNode node) {
            return node != null && node.isArray();
        }

        @Override
        public String text(JsonNode node) {
            return node != null && node.isTextual() ? node.textValue() : null;
        }

        @Override
        public void forEachField(JsonNode object, BiConsumer<String, JsonNode> action) {
            object.properties().forEach(e -> action.accept(e.getKey(), e.getValue()));
        }

        @Override
        public Iterable<JsonNode> elements(JsonNode list) {
            return list;
        }

        @Override
        public JsonNode of(JsonNode derived) {
            return derived;
        }
    };

    /** Nested {@code Map}s and {@code List}s; a JSON null as {@link #NULL}. */
    private static final Tree<Object> MAPS = new Tree<>() {
        @Override
        public Object get(Object object, String key) {
            if (!(object instanceof Map<?, ?> map)) {
                return null;
            }
            Object value = map.get(key);
            return value != null ? value : map.containsKey(key) ? NULL : null;
        }

        @Override
        public boolean isObject(Object node) {
            return node instanceof Map<?, ?>;
        }

        @Override
        public boolean isList(Object node) {
            return node instanceof List<?>;
        }

        @Override
        public String text(Object node) {
            return node instanceof String text ? text : null;
        }

        @Override
        public void forEachField(Object object, BiConsumer<String, Object> action) {
            ((Map<?, ?>) object).forEach((k, v) -> action.accept(String.valueOf(k), v == null ? NULL : v));
        }

        @Override
        @SuppressWarnings("unchecked")
        public Iterable<Object> elements(Object list) {
            return (List<Object>) list;
        }

        @Override
        public Object of(JsonNode derived) {
            return plain(derived);
        }

        private Object plain(JsonNode node) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (node.isObject()) {
                Map<String, Object> map = new LinkedHashMap<>();
                node.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
                return map;
            }
            if (node.isArray()) {
                List<Object> list = new ArrayList<>(node.size());
                node.forEach(element -> list.add(plain(element)));
                return list;
            }
            if (node.isNumber()) {
                return node.numberValue();
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            return node.asText();
        }
    };
}
