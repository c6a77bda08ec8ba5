package io.socaas.events.syslog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Parses IBM QRadar's Log Event Extended Format: {@code LEEF:1.0|Vendor|Product|Version|EventID|}
 * followed by tab-separated {@code key=value} attributes, or {@code
 * LEEF:2.0|Vendor|Product|Version|EventID|Delimiter|} where the delimiter is one character or its
 * hex code ({@code x5E}, {@code 0x5E}; empty means tab). A LEEF 2.0 header without its delimiter
 * field (Trend Micro Deep Security writes its attributes right after the event id) has tab-separated
 * attributes. A key ends at the first {@code =}; in a value, {@code \\} is a backslash and {@code \=}
 * an equals sign, as producers that escape them write them (other backslashes and unescaped equals
 * signs are kept as they are). Thread-safe.
 */
public final class LeefParser {

    public static final String PREFIX = "LEEF:";

    /** A LEEF event: its header and attributes in order. */
    public record LeefEvent(
            String version,
            String vendor,
            String product,
            String productVersion,
            String eventId,
            Map<String, String> attributes) {
        public LeefEvent {
            attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }
    }

    private LeefParser() {}

    /**
     * @param text a LEEF line starting with {@code LEEF:}
     * @throws MalformedLogException when the header is incomplete or the delimiter unreadable
     */
    public static LeefEvent parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!text.startsWith(PREFIX)) {
            throw new MalformedLogException("LEEF: expected the line to start with 'LEEF:'");
        }
        String[] parts = text.substring(PREFIX.length()).split("\\|", 6);
        if (parts.length < 5) {
            throw new MalformedLogException(
                    "LEEF: expected 5 header fields separated by '|' (version to event id), found " + parts.length);
        }
        String version = parts[0].strip();
        String rest = parts.length == 6 ? parts[5] : "";
        char delimiter = '\t';
        if (version.startsWith("2")) {
            int bar = rest.indexOf('|');
            // a delimiter field is short and names no attribute; else the header has none
            if (bar >= 0 && bar <= MAX_DELIMITER_FIELD && rest.lastIndexOf('=', bar) < 0) {
                delimiter = delimiter(rest.substring(0, bar));
                rest = rest.substring(bar + 1);
            }
        } else if (!version.startsWith("1")) {
            throw new MalformedLogException("LEEF: unknown version '" + parts[0] + "', expected 1.0 or 2.0");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        String separator = String.valueOf(delimiter);
        for (String pair : rest.split(java.util.regex.Pattern.quote(separator), -1)) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                attributes.put(pair.substring(0, eq).strip(), unescape(pair.substring(eq + 1)));
            } else if (!pair.isBlank()) {
                attributes.merge("rawAttributes", pair, (a, b) -> a + separator + b);
            }
        }
        return new LeefEvent(version, parts[1], parts[2], parts[3], parts[4], attributes);
    }

    /** The longest delimiter field: a character or a hex code ({@code 0x0009}), with spaces around it. */
    private static final int MAX_DELIMITER_FIELD = 8;

    /** {@code \\} as a backslash and {@code \=} as an equals sign; any other backslash as it is. */
    static String unescape(String value) {
        int at = value.indexOf('\\');
        if (at < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        out.append(value, 0, at);
        for (int i = at; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && (value.charAt(i + 1) == '\\' || value.charAt(i + 1) == '=')) {
                out.append(value.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static char delimiter(String field) {
        String f = field.strip();
        if (f.isEmpty()) {
            return '\t';
        }
        if (f.length() == 1) {
            return f.charAt(0);
        }
        String hex = f.startsWith("0x") || f.startsWith("0X")
                ? f.substring(2)
                : f.startsWith("x") || f.startsWith("X") ? f.substring(1) : null;
        if (hex != null && !hex.isEmpty() && hex.length() <= 4) {
            try {
                return (char) Integer.parseInt(hex, 16);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new MalformedLogException(
                "LEEF 2.0: the delimiter '" + field + "' is neither one character nor a hex code");
    }
}
