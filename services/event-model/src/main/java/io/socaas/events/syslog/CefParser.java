package io.socaas.events.syslog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Parses ArcSight Common Event Format: {@code CEF:Version|Device Vendor|Device Product|Device
 * Version|Device Event Class ID|Name|Severity|Extension}. In the header {@code \|} and {@code \\}
 * are escapes; in the extension ({@code key=value} pairs separated by spaces, a value running up to
 * the next {@code key=}) {@code \=}, {@code \\}, {@code \n} and {@code \r} are. Thread-safe.
 */
public final class CefParser {

    public static final String PREFIX = "CEF:";

    /** A CEF event: the seven header fields and the extension in order. */
    public record CefEvent(
            String version,
            String deviceVendor,
            String deviceProduct,
            String deviceVersion,
            String signatureId,
            String name,
            String severity,
            Map<String, String> extension) {
        public CefEvent {
            extension = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extension));
        }
    }

    private CefParser() {}

    /**
     * @param text a CEF line starting with {@code CEF:}
     * @throws MalformedLogException when the header has fewer than seven fields and no extension
     *     after the product (see {@link #shortHeader})
     */
    public static CefEvent parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!text.startsWith(PREFIX)) {
            throw new MalformedLogException("CEF: expected the line to start with 'CEF:'");
        }
        List<String> header = new ArrayList<>(7);
        StringBuilder field = new StringBuilder();
        int pos = PREFIX.length();
        while (pos < text.length() && header.size() < 7) {
            char ch = text.charAt(pos++);
            if (ch == '\\' && pos < text.length() && (text.charAt(pos) == '|' || text.charAt(pos) == '\\')) {
                field.append(text.charAt(pos++));
            } else if (ch == '|') {
                header.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        if (header.size() < 7) {
            return shortHeader(header, field.toString());
        }
        String version = header.get(0).strip();
        if (version.isEmpty() || !version.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            throw new MalformedLogException("CEF: the version '" + header.get(0) + "' is not a number");
        }
        return new CefEvent(
                version,
                header.get(1),
                header.get(2),
                header.get(3),
                header.get(4),
                header.get(5),
                header.get(6),
                extension(text.substring(pos)));
    }

    /**
     * A line whose header stops after the vendor and product (or a later field) and goes on with the
     * extension's pairs, as some products' older exports write it ({@code CEF:0|SentinelOne|Mgmt|
     * activityID=...}): the header fields it has, the others empty. Anything else with fewer than
     * seven header fields is refused.
     */
    private static CefEvent shortHeader(List<String> header, String rest) {
        Map<String, String> extension = header.size() >= 3 ? extension(rest) : Map.of();
        if (extension.isEmpty() || extension.size() == 1 && extension.containsKey("rawExtension")) {
            throw new MalformedLogException(
                    "CEF: expected 7 header fields separated by '|' (version to severity), found " + header.size());
        }
        String version = header.get(0).strip();
        if (version.isEmpty() || !version.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            throw new MalformedLogException("CEF: the version '" + header.get(0) + "' is not a number");
        }
        List<String> fields = new ArrayList<>(header);
        while (fields.size() < 7) {
            fields.add("");
        }
        return new CefEvent(
                version,
                fields.get(1),
                fields.get(2),
                fields.get(3),
                fields.get(4),
                fields.get(5),
                fields.get(6),
                extension);
    }

    /** The extension's pairs; text before the first key is kept under {@code rawExtension}. */
    static Map<String, String> extension(String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        List<int[]> keys = new ArrayList<>(); // [keyStart, equalsIndex]
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\\') {
                i++; // an escaped character is never a separator
                continue;
            }
            if (ch != '=') {
                continue;
            }
            int k = i;
            while (k > 0 && isKeyChar(text.charAt(k - 1))) {
                k--;
            }
            if (k < i && (k == 0 || text.charAt(k - 1) == ' ')) {
                keys.add(new int[] {k, i});
            }
        }
        if (keys.isEmpty()) {
            if (!text.isBlank()) {
                pairs.put("rawExtension", text.strip());
            }
            return pairs;
        }
        if (keys.getFirst()[0] > 0 && !text.substring(0, keys.getFirst()[0]).isBlank()) {
            pairs.put("rawExtension", text.substring(0, keys.getFirst()[0]).strip());
        }
        for (int n = 0; n < keys.size(); n++) {
            int[] key = keys.get(n);
            int valueEnd = n + 1 < keys.size() ? keys.get(n + 1)[0] : text.length();
            String value = text.substring(key[1] + 1, valueEnd);
            pairs.put(text.substring(key[0], key[1]), unescape(value.strip()));
        }
        return pairs;
    }

    private static boolean isKeyChar(char ch) {
        return (ch >= 'a' && ch <= 'z')
                || (ch >= 'A' && ch <= 'Z')
                || (ch >= '0' && ch <= '9')
                || ch == '_'
                || ch == '.'
                || ch == '-'
                || ch == '['
                || ch == ']';
    }

    private static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                switch (next) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case '=', '\\', '|' -> out.append(next);
                    default -> out.append('\\').append(next);
                }
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
