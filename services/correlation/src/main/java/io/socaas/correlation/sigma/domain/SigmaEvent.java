package io.socaas.correlation.sigma.domain;

import io.socaas.events.AhoCorasick;
import io.socaas.events.ocsf.WindowsShapes;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One event as rules see it: a JSON object given as nested {@code Map}/{@code List}/scalar values.
 *
 * <p>A Sigma field name resolves, in this order, to: the exact top-level key; a dotted path
 * ({@code process.cmd_line}; through a list of objects to the values of every object,
 * {@code events.name}; a segment {@code list[key=value]} selects the object of a list whose {@code
 * key} is {@code value}, ignoring case: {@code httpRequest.headers[name=User-Agent].value}); a
 * Windows event's own name ({@code EventID}, {@code Channel}, {@code Provider_Name}, a data field)
 * wherever the shape a shipper or store gave the event keeps it (the evtx dump's {@code
 * Event.System}/{@code Event.EventData}, Winlogbeat, Wazuh, the OpenTelemetry Collector, Log
 * Analytics, ...: {@link WindowsShapes}, the one description of those shapes, which normalization
 * reads too); then {@code unmapped.<field>}. A value of the shape {@code {"#attributes": ...,
 * "#text": v}} resolves to {@code v}. Names that differ per logsource (Security 4688's {@code NewProcessName} for
 * {@code Image}) are not resolved here but by the logsource's field mapping ({@link
 * #withFieldMapping}, data of {@link LogsourceMapping}).
 *
 * <p>Instances cache resolutions and the normalized (lower-cased, case-folded) texts of the values
 * they resolve, so that each value is normalized once per event and not once per comparison; they
 * are meant to be used by one thread for one event.
 */
public final class SigmaEvent {

    private static final String TEXT = "#text";
    /** Marks a field mapping's value as a literal value rather than a field name. */
    public static final String LITERAL = "=";

    private final Map<String, ?> root;
    private final SigmaEvent base;
    private final Map<String, String> fieldMapping;
    private final Map<String, FieldValue> cache;
    /** Normalized texts per resolved value (by identity: resolutions are cached, so stable). */
    private final Map<FieldValue, Texts> texts;
    /** This view's texts per Sigma field name (one look-up per field read, mapping applied). */
    private final Map<String, Texts> textsByName = new HashMap<>();
    /** The base event's views, per field mapping (by identity: logsources' mappings are stable). */
    private Map<Map<String, String>, SigmaEvent> views;

    private List<String> scalarTexts;
    private Texts scalarTextsNormalized;
    /**
     * The event's Windows names in whichever shape a shipper gave it ({@link WindowsShapes}, as
     * normalization reads them), recognised on the first field not found at the top level or by path.
     */
    private WindowsShapes<Object> windows;
    /** The event's {@code unmapped} object, null when it has none (found with {@link #windows}). */
    private Map<?, ?> unmapped;

    private SigmaEvent(Map<String, ?> root) {
        this.root = root;
        this.base = this;
        this.fieldMapping = Map.of();
        this.cache = new HashMap<>();
        this.texts = new IdentityHashMap<>();
    }

    private SigmaEvent(SigmaEvent base, Map<String, String> fieldMapping) {
        this.root = base.root;
        this.base = base;
        this.fieldMapping = Map.copyOf(fieldMapping);
        this.cache = base.cache;
        this.texts = base.texts;
    }

    public static SigmaEvent of(Map<String, ?> root) {
        return new SigmaEvent(Collections.unmodifiableMap(root));
    }

    /**
     * This event as the rules of one logsource read it: a Sigma field named in {@code fieldMapping}
     * reads the mapped field of the source (and its own name when the mapped field is absent).
     * Views share this event's resolutions, and each mapping's view is made once per event (a
     * mapping is recognized by identity: it must not change once given).
     */
    public SigmaEvent withFieldMapping(Map<String, String> fieldMapping) {
        if (fieldMapping.isEmpty()) {
            return base;
        }
        if (fieldMapping == this.fieldMapping) {
            return this;
        }
        if (base.views == null) {
            base.views = new IdentityHashMap<>();
        }
        SigmaEvent view = base.views.get(fieldMapping);
        if (view == null) {
            view = new SigmaEvent(base, fieldMapping);
            base.views.put(fieldMapping, view);
        }
        return view;
    }

    /** The event's JSON object. */
    public Map<String, ?> root() {
        return root;
    }

    /**
     * The value of a Sigma field, or {@link FieldValue#ABSENT}. A field mapping's name that starts
     * with {@value #LITERAL} is no field but the value itself: the text after it (a logsource whose
     * events all have one value that the source does not write, such as Sysmon's {@code Initiated});
     * one with braces is a {@link FieldTemplate} composed of the event's fields.
     */
    public FieldValue field(String name) {
        String mapped = fieldMapping.get(name);
        if (mapped != null) {
            FieldValue value;
            if (mapped.startsWith(LITERAL)) {
                value = cache.computeIfAbsent(mapped, m -> FieldValue.of(m.substring(LITERAL.length())));
            } else if (FieldTemplate.isTemplate(mapped)) {
                value = cache.get(mapped);
                if (value == null) {
                    value = FieldTemplate.of(mapped).resolve(this::cached);
                    cache.put(mapped, value);
                }
            } else {
                value = cached(mapped);
            }
            if (value.present()) {
                return value;
            }
        }
        return cached(name);
    }

    /** The candidate values of a resolved field with their texts, normalized once for this event. */
    public Texts texts(FieldValue value) {
        Texts result = texts.get(value);
        if (result == null) {
            result = Texts.of(value.candidates());
            texts.put(value, result);
        }
        return result;
    }

    /** {@link #texts(FieldValue)} of the field {@code name}. */
    public Texts texts(String name) {
        Texts result = textsByName.get(name);
        if (result == null) {
            result = texts(field(name));
            textsByName.put(name, result);
        }
        return result;
    }

    private FieldValue cached(String name) {
        FieldValue cached = cache.get(name);
        if (cached == null) {
            cached = resolve(name);
            cache.put(name, cached);
        }
        return cached;
    }

    private FieldValue resolve(String name) {
        if (root.containsKey(name)) {
            return FieldValue.of(unwrap(root.get(name)));
        }
        FieldValue found;
        if (name.contains(".") && (found = path(root, name.split("\\.", -1))).present()) {
            return found;
        }
        if (base.windows == null) {
            base.windows = WindowsShapes.of(root);
            base.unmapped = root.get("unmapped") instanceof Map<?, ?> m ? m : null;
        }
        Object windowsValue = base.windows.find(name);
        if (windowsValue != null) {
            return FieldValue.of(unwrap(windowsValue == WindowsShapes.NULL ? null : windowsValue));
        }
        Map<?, ?> unmapped = base.unmapped;
        if (unmapped != null) {
            if (unmapped.containsKey(name)) {
                return FieldValue.of(unwrap(unmapped.get(name)));
            }
            if (name.contains(".")) {
                return path(unmapped, name.split("\\.", -1));
            }
        }
        return FieldValue.ABSENT;
    }

    private static FieldValue path(Map<?, ?> start, String[] segments) {
        Object found = walk(start, segments, 0);
        return found == NOT_FOUND ? FieldValue.ABSENT : FieldValue.of(unwrap(found));
    }

    private static final Object NOT_FOUND = new Object();

    /**
     * The value at {@code segments[i..]} from {@code current}. A list on the way is looked through:
     * the rest of the path is followed in each of its elements, and the values found in any of them
     * are the result (a list: a rule's value matches when it matches one of them), as for the names
     * of the events of a Google Workspace activity ({@code events.name}).
     */
    private static Object walk(Object current, String[] segments, int i) {
        if (i == segments.length) {
            return current;
        }
        String segment = segments[i];
        if (current instanceof Map<?, ?> map) {
            if (map.containsKey(segment)) {
                return walk(map.get(segment), segments, i + 1);
            }
            if (segment.endsWith("]") && segment.indexOf('[') > 0) {
                Object selected = element(map, segment);
                return selected == null ? NOT_FOUND : walk(selected, segments, i + 1);
            }
            return NOT_FOUND;
        }
        if (current instanceof List<?> list) {
            List<Object> values = new ArrayList<>();
            for (Object element : list) {
                if (element instanceof Map<?, ?>) {
                    Object value = walk(element, segments, i);
                    if (value instanceof List<?> several) {
                        several.forEach(v -> values.add(unwrap(v)));
                    } else if (value != NOT_FOUND) {
                        values.add(unwrap(value));
                    }
                }
            }
            return values.isEmpty() ? NOT_FOUND : values;
        }
        return NOT_FOUND;
    }

    /**
     * The element a segment {@code list[key=value]} selects: the first object of the list {@code list}
     * whose {@code key} is {@code value}, compared ignoring case (a list of name/value pairs, such as
     * the HTTP headers a WAF logs as {@code [{"name": "User-Agent", "value": "..."}]}, whose names
     * are case-insensitive); null when there is none.
     */
    private static Object element(Map<?, ?> map, String segment) {
        int open = segment.indexOf('[');
        int equals = segment.indexOf('=', open);
        if (equals < 0 || !(map.get(segment.substring(0, open)) instanceof List<?> list)) {
            return null;
        }
        String key = segment.substring(open + 1, equals);
        String wanted = segment.substring(equals + 1, segment.length() - 1);
        for (Object element : list) {
            if (element instanceof Map<?, ?> object
                    && object.get(key) instanceof String value
                    && value.equalsIgnoreCase(wanted)) {
                return object;
            }
        }
        return null;
    }

    private static Object unwrap(Object value) {
        if (value instanceof Map<?, ?> map && map.containsKey(TEXT)) {
            return map.get(TEXT);
        }
        return value;
    }

    /** Every scalar value of the event as text, for keyword (field-less) search. */
    public List<String> scalarTexts() {
        if (base != this) {
            return base.scalarTexts();
        }
        if (scalarTexts == null) {
            List<String> texts = new ArrayList<>();
            collect(root, texts);
            scalarTexts = List.copyOf(texts);
        }
        return scalarTexts;
    }

    /** {@link #scalarTexts()} with their normalized forms, computed once for this event. */
    public Texts scalarTextsNormalized() {
        if (base != this) {
            return base.scalarTextsNormalized();
        }
        if (scalarTextsNormalized == null) {
            scalarTextsNormalized = Texts.of(List.copyOf(scalarTexts()));
        }
        return scalarTextsNormalized;
    }

    /**
     * Adds to {@code found} the id of every literal of {@code automaton} that occurs in one of the
     * event's scalar values ({@link #scalarTexts()}), read in place rather than collected.
     */
    void findInScalarTexts(AhoCorasick automaton, BitSet found) {
        if (base != this) {
            base.findInScalarTexts(automaton, found);
        } else if (scalarTexts != null) {
            for (String text : scalarTexts) {
                automaton.findAll(text, found);
            }
        } else {
            find(root, automaton, found);
        }
    }

    private static void find(Object value, AhoCorasick automaton, BitSet found) {
        switch (value) {
            case null -> {}
            case String text -> automaton.findAll(text, found);
            case Map<?, ?> map -> {
                for (Object v : map.values()) {
                    find(v, automaton, found);
                }
            }
            case List<?> list -> {
                for (Object v : list) {
                    find(v, automaton, found);
                }
            }
            default -> automaton.findAll(FieldValue.text(value), found);
        }
    }

    private static void collect(Object value, List<String> out) {
        switch (value) {
            case null -> {}
            case Map<?, ?> map -> map.values().forEach(v -> collect(v, out));
            case List<?> list -> list.forEach(v -> collect(v, out));
            default -> out.add(FieldValue.text(value));
        }
    }

    /** A resolved field: absent, present with a null value, or present with a value. */
    public record FieldValue(boolean present, Object value) {

        public static final FieldValue ABSENT = new FieldValue(false, null);

        static FieldValue of(Object value) {
            return new FieldValue(true, value);
        }

        /**
         * The scalar values to compare: the scalar elements of a list, else the value itself. Null
         * and JSON objects are never compared with rule values.
         */
        public List<Object> candidates() {
            if (value == null || value instanceof Map) {
                return List.of();
            }
            if (value instanceof List<?> list) {
                return list.stream()
                        .filter(v -> v != null && !(v instanceof Map) && !(v instanceof List))
                        .map(v -> (Object) v)
                        .toList();
            }
            return List.of(value);
        }

        /** Text form of a scalar as rules compare it (integral numbers without a fraction). */
        public static String text(Object scalar) {
            if (scalar instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
                return Long.toString(d.longValue());
            }
            if (scalar instanceof Float f && f == Math.rint(f) && !Float.isInfinite(f)) {
                return Long.toString(f.longValue());
            }
            return String.valueOf(scalar);
        }
    }

    /**
     * The scalar values of a field as rules compare them: each value, its text ({@link
     * FieldValue#text}), its text lower-cased ({@link String#toLowerCase(Locale)} with {@link
     * Locale#ROOT}, as case-insensitive Sigma comparisons use it) and its text case-folded ({@link
     * #fold}, as the literal index reads it). Both normal forms are computed on first use, once.
     */
    public static final class Texts {

        private static final Texts NONE = new Texts(new Object[0]);

        private final Object[] scalars;
        private final String[] text;
        private String[] lower;
        private String[] folded;

        private Texts(Object[] scalars) {
            this.scalars = scalars;
            this.text = new String[scalars.length];
            for (int i = 0; i < scalars.length; i++) {
                text[i] = FieldValue.text(scalars[i]);
            }
        }

        static Texts of(List<?> scalars) {
            return scalars.isEmpty() ? NONE : new Texts(scalars.toArray());
        }

        public int size() {
            return scalars.length;
        }

        public Object scalar(int i) {
            return scalars[i];
        }

        public String text(int i) {
            return text[i];
        }

        public String lower(int i) {
            if (lower == null) {
                String[] result = new String[text.length];
                for (int j = 0; j < text.length; j++) {
                    result[j] = text[j].toLowerCase(Locale.ROOT);
                }
                lower = result;
            }
            return lower[i];
        }

        public String folded(int i) {
            if (folded == null) {
                String[] result = new String[text.length];
                for (int j = 0; j < text.length; j++) {
                    result[j] = fold(text[j]);
                }
                folded = result;
            }
            return folded[i];
        }
    }

    /**
     * Simple case folding, character by character: {@code toLowerCase(toUpperCase(c))}, the
     * comparison case-insensitive regular expressions make. Unlike {@link String#toLowerCase}, it
     * never changes the length of a text nor depends on a character's neighbours, so a text that
     * contains a literal (in any case) contains the folded literal once both are folded: the
     * property the literal index relies on.
     */
    public static String fold(String text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c >= 0x80 || (c >= 'A' && c <= 'Z')) {
                break;
            }
            i++;
        }
        if (i == n) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (; i < n; i++) {
            char c = chars[i];
            if (c < 0x80) {
                if (c >= 'A' && c <= 'Z') {
                    chars[i] = (char) (c + ('a' - 'A'));
                }
            } else {
                chars[i] = Folding.TABLE[c];
            }
        }
        return new String(chars);
    }

    /** {@link #fold} of one character. */
    static char foldChar(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Folding.TABLE[c];
    }

    /** {@link #fold} of every UTF-16 unit, computed once: folding is a table look-up per character. */
    private static final class Folding {
        static final char[] TABLE = new char[Character.MAX_VALUE + 1];

        static {
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                TABLE[c] = Character.toLowerCase(Character.toUpperCase((char) c));
            }
        }
    }
}
