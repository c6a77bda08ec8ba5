package io.socaas.events.ocsf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code key=value} pairs of a text, as Linux audit records write them: pairs separated
 * by spaces, tabs or the group separator (U+001D, between a record's raw and interpreted fields);
 * a value is double-quoted, single-quoted (quotes removed, spaces kept) or runs to the next
 * separator. A key starts with a letter or {@code _} and holds letters, digits, {@code _}, {@code -}
 * and {@code .}; a token that is not such a pair is skipped. The first value of a key wins. At most
 * {@value #MAX_PAIRS} pairs are read.
 *
 * <p>A {@link Format} other than {@link #AUDIT} names another assignment character and further
 * separators: Check Point's Log Exporter writes {@code action:"Drop"; src:"10.0.0.1"; ...}.
 */
final class KeyValues {

    static final int MAX_PAIRS = 512;

    /**
     * How pairs are written: the character between key and value, separators besides tabs and line
     * ends, whether a space belongs to the value in a text whose pairs are separated by tabs or one of
     * the format's own separators (Zscaler's NSS feeds write {@code urlcategory=Web Search} between tabs,
     * Mimecast's SIEM logs {@code Subject=Quarterly report|Act=Acc} between {@code |}; a text without
     * such a separator is still split at spaces), texts that stand for no value ({@code None}), and the
     * keys whose value, when written without quotes, is hex-encoded text (auditd quotes an untrusted
     * string it can write as it is and hex-encodes one that holds a space, a quote or a control
     * character: {@code cmd}, {@code acct}).
     */
    record Format(
            char assign,
            String separators,
            boolean spacesInValues,
            java.util.Set<String> emptyValues,
            java.util.Set<String> hexWhenUnquoted) {

        Format(char assign, String separators) {
            this(assign, separators, false, java.util.Set.of(), java.util.Set.of());
        }

        Format {
            emptyValues = java.util.Set.copyOf(emptyValues);
            hexWhenUnquoted = java.util.Set.copyOf(hexWhenUnquoted);
            if (assign == '"' || assign == '\'' || Character.isWhitespace(assign) || separators.indexOf(assign) >= 0) {
                throw new IllegalArgumentException("'" + assign + "' cannot separate a key from its value");
            }
            if (separators.indexOf('"') >= 0 || separators.indexOf('\'') >= 0) {
                throw new IllegalArgumentException("a quote cannot separate pairs");
            }
        }

        boolean separator(char c) {
            return c == ' ' || c == '\t' || c == '\u001d' || c == '\n' || c == '\r' || separators.indexOf(c) >= 0;
        }

        /**
         * Whether a space of {@code text} belongs to a value: the text holds a tab or one of the
         * format's own separators.
         */
        boolean spacesInValuesOf(String text) {
            if (!spacesInValues) {
                return false;
            }
            if (text.indexOf('\t') >= 0) {
                return true;
            }
            for (int i = 0; i < separators.length(); i++) {
                char c = separators.charAt(i);
                if (c != ' ' && text.indexOf(c) >= 0) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code key=value} separated by whitespace: Linux audit, FortiGate, SonicWall, Junos. */
    static final Format AUDIT = new Format('=', "");

    private KeyValues() {}

    /** One pair; {@code quoted} when the value was written in quotes. */
    record Pair(String key, String value, boolean quoted) {}

    /** The pairs in the order they appear, the first value of a key winning; empty for null text. */
    static Map<String, String> parse(String text) {
        return parse(text, AUDIT);
    }

    /** As {@link #parse(String)}, pairs written in {@code format}. */
    static Map<String, String> parse(String text, Format format) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (Pair pair : pairs(text, format)) {
            pairs.putIfAbsent(pair.key(), pair.value());
        }
        return pairs;
    }

    /** Every pair in the order it appears (a key may repeat); empty for null text. */
    static List<Pair> pairs(String text) {
        return pairs(text, AUDIT);
    }

    private static List<Pair> pairs(String text, Format format) {
        List<Pair> pairs = new ArrayList<>();
        if (text == null) {
            return pairs;
        }
        int n = text.length();
        int i = 0;
        boolean spaceInValue = format.spacesInValuesOf(text);
        while (i < n && pairs.size() < MAX_PAIRS) {
            // blanks after a separator start no key, even where spaces belong to values
            // ("cmd=Auth; account=kim@example.com; protocol=soap")
            while (i < n && (separates(format, spaceInValue, text.charAt(i)) || text.charAt(i) == ' ')) {
                i++;
            }
            int keyStart = i;
            while (i < n && keyChar(text.charAt(i), i == keyStart)) {
                i++;
            }
            if (i == keyStart || i >= n || text.charAt(i) != format.assign()) {
                // not a pair: skip the token
                while (i < n && !separates(format, spaceInValue, text.charAt(i))) {
                    i++;
                }
                continue;
            }
            String key = text.substring(keyStart, i);
            i++; // the assignment
            String value;
            boolean quoted = false;
            char quote = i < n ? text.charAt(i) : 0;
            int close = quote == '"' || quote == '\'' ? text.indexOf(quote, i + 1) : -1;
            if (close > i) {
                value = text.substring(i + 1, close);
                quoted = true;
                i = close + 1;
            } else {
                int valueStart = i;
                while (i < n && !separates(format, spaceInValue, text.charAt(i))) {
                    i++;
                }
                value = text.substring(valueStart, i);
            }
            if (!quoted && format.hexWhenUnquoted().contains(key)) {
                value = AuditCommandLine.decoded(value);
            }
            if (!format.emptyValues().contains(value)) {
                pairs.add(new Pair(key, value, quoted));
            }
        }
        return pairs;
    }

    private static boolean separates(Format format, boolean spaceInValue, char c) {
        return format.separator(c) && !(spaceInValue && c == ' ');
    }

    private static boolean keyChar(char c, boolean first) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') {
            return true;
        }
        return !first && ((c >= '0' && c <= '9') || c == '-' || c == '.');
    }
}
