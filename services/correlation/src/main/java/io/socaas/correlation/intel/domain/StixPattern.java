package io.socaas.correlation.intel.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the indicator values out of a STIX 2.1 pattern (STIX 2.1 section 9, "STIX Patterning"):
 * observation expressions in square brackets joined by {@code OR}, each a comparison expression of
 * {@code objectType:path = 'constant'} or {@code IN ('a', 'b')} comparisons joined by {@code OR},
 * with parentheses. A pattern an indicator list cannot express is refused with the reason: {@code
 * AND} and {@code FOLLOWEDBY} (several facts together), other operators ({@code !=}, {@code LIKE},
 * {@code MATCHES}, ...), {@code NOT}, qualifiers ({@code WITHIN}, {@code REPEATS}, {@code START}),
 * and object paths that name no supported observable.
 *
 * <p>Supported object paths: {@code ipv4-addr:value}, {@code ipv6-addr:value} (address or CIDR),
 * {@code network-traffic:dst_ref.value} and {@code src_ref.value}, {@code domain-name:value}, {@code
 * url:value}, {@code file:hashes.MD5} / {@code 'SHA-1'} / {@code 'SHA-256'} / {@code 'SHA-512'}.
 */
public final class StixPattern {

    /** One value the pattern names. */
    public record Value(IndicatorType type, String value) {}

    private static final Map<String, IndicatorType> PATHS = Map.ofEntries(
            Map.entry("ipv4-addr:value", IndicatorType.IP),
            Map.entry("ipv6-addr:value", IndicatorType.IP),
            Map.entry("network-traffic:dst_ref.value", IndicatorType.IP),
            Map.entry("network-traffic:src_ref.value", IndicatorType.IP),
            Map.entry("domain-name:value", IndicatorType.DOMAIN),
            Map.entry("url:value", IndicatorType.URL),
            Map.entry("file:hashes.md5", IndicatorType.FILE_HASH),
            Map.entry("file:hashes.sha-1", IndicatorType.FILE_HASH),
            Map.entry("file:hashes.sha1", IndicatorType.FILE_HASH),
            Map.entry("file:hashes.sha-256", IndicatorType.FILE_HASH),
            Map.entry("file:hashes.sha256", IndicatorType.FILE_HASH),
            Map.entry("file:hashes.sha-512", IndicatorType.FILE_HASH),
            Map.entry("file:hashes.sha512", IndicatorType.FILE_HASH));

    private static final int MAX_PATTERN = 64 * 1024;

    private final String text;
    private int pos;
    private final List<Value> values = new ArrayList<>();

    private StixPattern(String text) {
        this.text = text;
    }

    /**
     * The values a pattern names, in order.
     *
     * @throws InvalidIndicatorException when it is not a pattern this reader supports (the message
     *     says what and where)
     */
    public static List<Value> values(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new InvalidIndicatorException("empty pattern");
        }
        if (pattern.length() > MAX_PATTERN) {
            throw new InvalidIndicatorException("pattern longer than " + MAX_PATTERN + " characters");
        }
        StixPattern parser = new StixPattern(pattern);
        parser.observations(0);
        parser.skipSpace();
        if (parser.pos < pattern.length()) {
            throw parser.error("unexpected '" + parser.rest() + "'");
        }
        return List.copyOf(parser.values);
    }

    /** observations := observation ('OR' observation)* */
    private void observations(int depth) {
        if (depth > 32) {
            throw error("parentheses nested too deeply");
        }
        observation(depth);
        while (true) {
            skipSpace();
            if (keyword("OR")) {
                observation(depth);
            } else if (peekKeyword("AND") || peekKeyword("FOLLOWEDBY")) {
                throw error(word() + " between observations needs several facts together; an indicator list "
                        + "holds single values");
            } else {
                return;
            }
        }
    }

    /** observation := '[' comparisons ']' | '(' observations ')' ; qualifiers are refused */
    private void observation(int depth) {
        skipSpace();
        if (accept('[')) {
            comparisons(0);
            expect(']');
        } else if (accept('(')) {
            observations(depth + 1);
            expect(')');
        } else {
            throw error("expected '[' or '('");
        }
        skipSpace();
        for (String qualifier : new String[] {"WITHIN", "REPEATS", "START"}) {
            if (peekKeyword(qualifier)) {
                throw error("qualifier " + qualifier + " is not supported for indicator lists");
            }
        }
    }

    /** comparisons := comparison ('OR' comparison)* */
    private void comparisons(int depth) {
        if (depth > 32) {
            throw error("parentheses nested too deeply");
        }
        comparison(depth);
        while (true) {
            skipSpace();
            if (keyword("OR")) {
                comparison(depth);
            } else if (peekKeyword("AND")) {
                throw error("AND inside an observation needs several facts together; an indicator list "
                        + "holds single values");
            } else {
                return;
            }
        }
    }

    /** comparison := '(' comparisons ')' | path '=' constant | path 'IN' '(' constant (',' constant)* ')' */
    private void comparison(int depth) {
        skipSpace();
        if (accept('(')) {
            comparisons(depth + 1);
            expect(')');
            return;
        }
        if (peekKeyword("NOT")) {
            throw error("NOT is not supported for indicator lists");
        }
        int at = pos;
        String path = objectPath();
        IndicatorType type = PATHS.get(path.toLowerCase(Locale.ROOT));
        if (type == null) {
            pos = at;
            throw error("object path " + path + " names no supported observable (IP, domain, URL, file hash)");
        }
        skipSpace();
        if (accept('=')) {
            values.add(new Value(type, constant()));
        } else if (keyword("IN")) {
            skipSpace();
            expect('(');
            values.add(new Value(type, constant()));
            skipSpace();
            while (accept(',')) {
                values.add(new Value(type, constant()));
                skipSpace();
            }
            expect(')');
        } else {
            throw error("only = and IN comparisons are supported for indicator lists");
        }
    }

    /** type ':' step ('.' step)*, a step being a name or a quoted name ('SHA-256'); returns it unquoted. */
    private String objectPath() {
        skipSpace();
        StringBuilder path = new StringBuilder();
        int start = pos;
        while (pos < text.length()
                && (Character.isLetterOrDigit(text.charAt(pos)) || "-_".indexOf(text.charAt(pos)) >= 0)) {
            pos++;
        }
        if (pos == start || !accept(':')) {
            pos = start;
            throw error("expected an object path such as ipv4-addr:value");
        }
        path.append(text, start, pos);
        boolean first = true;
        while (first || accept('.')) {
            if (!first) {
                path.append('.');
            }
            first = false;
            if (pos < text.length() && text.charAt(pos) == '\'') {
                path.append(quoted());
            } else {
                int s = pos;
                while (pos < text.length()
                        && (Character.isLetterOrDigit(text.charAt(pos)) || "-_".indexOf(text.charAt(pos)) >= 0)) {
                    pos++;
                }
                if (s == pos) {
                    throw error("expected a property name");
                }
                path.append(text, s, pos);
            }
            if (accept('[')) {
                throw error("list indexes in object paths are not supported");
            }
        }
        return path.toString();
    }

    private String constant() {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '\'') {
            return quoted();
        }
        throw error("expected a quoted string constant");
    }

    /** A single-quoted string; backslash escapes \' and \\. */
    private String quoted() {
        expect('\'');
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\\') {
                if (pos >= text.length() || (text.charAt(pos) != '\'' && text.charAt(pos) != '\\')) {
                    throw error("invalid escape in string");
                }
                out.append(text.charAt(pos++));
            } else if (c == '\'') {
                return out.toString();
            } else {
                out.append(c);
            }
        }
        throw error("unterminated string");
    }

    private boolean keyword(String word) {
        if (peekKeyword(word)) {
            pos += word.length();
            return true;
        }
        return false;
    }

    private boolean peekKeyword(String word) {
        skipSpace();
        return text.regionMatches(pos, word, 0, word.length())
                && (pos + word.length() == text.length()
                        || !Character.isLetterOrDigit(text.charAt(pos + word.length())));
    }

    private String word() {
        int end = pos;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(pos, end);
    }

    private boolean accept(char c) {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private String rest() {
        String rest = text.substring(pos);
        return rest.length() > 20 ? rest.substring(0, 20) + "…" : rest;
    }

    private InvalidIndicatorException error(String message) {
        return new InvalidIndicatorException("pattern at character " + (pos + 1) + ": " + message);
    }
}
