package io.socaas.correlation.sigma.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Sigma string value as a sequence of literal text, {@code *} (any sequence) and {@code ?} (any
 * single character) wildcards, and character classes (from {@code windash}).
 *
 * <p>Escapes follow the specification: a backslash escapes {@code *}, {@code ?} and itself; a
 * backslash before any other character is a plain backslash.
 */
public final class SigmaString {

    /** One element of a Sigma string. */
    public sealed interface Part permits Literal, AnySequence, AnyChar, OneOf {}

    /** Plain text. */
    public record Literal(String text) implements Part {}

    /** {@code *}: any sequence of characters, possibly empty. */
    public record AnySequence() implements Part {}

    /** {@code ?}: exactly one character. */
    public record AnyChar() implements Part {}

    /** Exactly one of the given characters. */
    public record OneOf(Set<Character> chars) implements Part {}

    private final List<Part> parts;

    private SigmaString(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** Parses a rule value, interpreting wildcards and escapes. */
    public static SigmaString parse(String value) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(i + 1);
                if (next == '*' || next == '?' || next == '\\') {
                    literal.append(next);
                    i += 2;
                    continue;
                }
                literal.append(c);
                i++;
            } else if (c == '*' || c == '?') {
                flush(literal, parts);
                parts.add(c == '*' ? new AnySequence() : new AnyChar());
                i++;
            } else {
                literal.append(c);
                i++;
            }
        }
        flush(literal, parts);
        return new SigmaString(parts);
    }

    /** A value without any wildcard interpretation (e.g. produced by an encoding modifier). */
    public static SigmaString literal(String text) {
        List<Part> parts = new ArrayList<>();
        if (!text.isEmpty()) {
            parts.add(new Literal(text));
        }
        return new SigmaString(parts);
    }

    private static void flush(StringBuilder literal, List<Part> parts) {
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
            literal.setLength(0);
        }
    }

    public List<Part> parts() {
        return parts;
    }

    /** True when the string holds no wildcard or character class. */
    public boolean isPlain() {
        return parts.stream().allMatch(Literal.class::isInstance);
    }

    /** The text of a plain string. */
    public String plainText() {
        if (!isPlain()) {
            throw new IllegalStateException("not a plain string: " + this);
        }
        StringBuilder sb = new StringBuilder();
        parts.forEach(p -> sb.append(((Literal) p).text()));
        return sb.toString();
    }

    /** This string with {@code *} prepended unless it already starts with one. */
    public SigmaString withLeadingWildcard() {
        if (!parts.isEmpty() && parts.getFirst() instanceof AnySequence) {
            return this;
        }
        List<Part> copy = new ArrayList<>(parts.size() + 1);
        copy.add(new AnySequence());
        copy.addAll(parts);
        return new SigmaString(copy);
    }

    /** This string with {@code *} appended unless it already ends with one. */
    public SigmaString withTrailingWildcard() {
        if (!parts.isEmpty() && parts.getLast() instanceof AnySequence) {
            return this;
        }
        List<Part> copy = new ArrayList<>(parts);
        copy.add(new AnySequence());
        return new SigmaString(copy);
    }

    /** Replaces every character of {@code alternatives} in literal text by a class of all of them. */
    public SigmaString withCharacterClass(Set<Character> alternatives) {
        List<Part> result = new ArrayList<>();
        for (Part part : parts) {
            if (part instanceof Literal(String text)) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (alternatives.contains(c)) {
                        if (!sb.isEmpty()) {
                            result.add(new Literal(sb.toString()));
                            sb.setLength(0);
                        }
                        result.add(new OneOf(alternatives));
                    } else {
                        sb.append(c);
                    }
                }
                if (!sb.isEmpty()) {
                    result.add(new Literal(sb.toString()));
                }
            } else {
                result.add(part);
            }
        }
        return new SigmaString(result);
    }

    /** Java regular expression matching exactly this string (use with {@code matches()}). */
    public String toRegex() {
        StringBuilder sb = new StringBuilder();
        for (Part part : parts) {
            switch (part) {
                case Literal(String text) -> sb.append(Pattern.quote(text));
                case AnySequence ignored -> sb.append(".*");
                case AnyChar ignored -> sb.append('.');
                case OneOf(Set<Character> chars) -> {
                    sb.append('[');
                    chars.forEach(ch ->
                            sb.append("\\x{").append(Integer.toHexString(ch)).append('}'));
                    sb.append(']');
                }
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigmaString other && parts.equals(other.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Part part : parts) {
            switch (part) {
                case Literal(String text) ->
                    sb.append(text.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?"));
                case AnySequence ignored -> sb.append('*');
                case AnyChar ignored -> sb.append('?');
                case OneOf(Set<Character> chars) -> sb.append(chars);
            }
        }
        return sb.toString();
    }
}
