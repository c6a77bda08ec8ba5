package io.socaas.correlation.sigma.domain;

import java.math.BigDecimal;
import java.util.Locale;

/** Compares one scalar event value (string, number or boolean) with one rule value. */
public sealed interface ValueMatcher {

    boolean matches(Object scalar);

    /**
     * Whether candidate {@code i} of an event's field matches, reading the texts the event
     * normalized once (the same answer as {@link #matches(Object)} on its scalar).
     */
    default boolean matches(SigmaEvent.Texts candidates, int i) {
        return matches(candidates.scalar(i));
    }

    /** Sigma string with wildcards; case-insensitive unless {@code cased}. */
    static ValueMatcher string(SigmaString pattern, boolean cased) {
        return StringMatcher.of(pattern, cased);
    }

    /**
     * Matching through a compiled pattern, or through plain string operations when possible.
     *
     * @param requiredPiece for a pattern, its longest literal piece case-folded ({@link
     *     RuleIndex#requiredPiece}): a value without it is refused before the automaton runs
     */
    record StringMatcher(
            SigmaString pattern,
            boolean cased,
            Mode mode,
            String literal,
            com.google.re2j.Pattern regex,
            String requiredPiece)
            implements ValueMatcher {

        enum Mode {
            EQUALS,
            STARTS_WITH,
            ENDS_WITH,
            CONTAINS,
            ANYTHING,
            REGEX
        }

        static StringMatcher of(SigmaString pattern, boolean cased) {
            var parts = pattern.parts();
            int n = parts.size();
            boolean leading = n > 0 && parts.getFirst() instanceof SigmaString.AnySequence;
            boolean trailing = n > 0 && parts.getLast() instanceof SigmaString.AnySequence;
            int from = leading ? 1 : 0;
            int to = trailing && n > from ? n - 1 : n;
            var middle = parts.subList(from, Math.max(from, to));
            if (middle.isEmpty() && (leading || trailing)) {
                return new StringMatcher(pattern, cased, Mode.ANYTHING, "", null, null);
            }
            if (middle.isEmpty()) {
                return new StringMatcher(pattern, cased, Mode.EQUALS, "", null, null);
            }
            if (middle.size() == 1 && middle.getFirst() instanceof SigmaString.Literal(String text)) {
                String lit = cased ? text : text.toLowerCase(Locale.ROOT);
                Mode mode = leading && trailing
                        ? Mode.CONTAINS
                        : leading ? Mode.ENDS_WITH : trailing ? Mode.STARTS_WITH : Mode.EQUALS;
                return new StringMatcher(pattern, cased, mode, lit, null, null);
            }
            // RE2/J: wildcards (Sigma's own or a tenant's) match in linear time, never backtrack
            int flags = com.google.re2j.Pattern.DOTALL | (cased ? 0 : com.google.re2j.Pattern.CASE_INSENSITIVE);
            return new StringMatcher(
                    pattern,
                    cased,
                    Mode.REGEX,
                    null,
                    com.google.re2j.Pattern.compile(pattern.toRegex(), flags),
                    RuleIndex.requiredPiece(pattern));
        }

        @Override
        public boolean matches(Object scalar) {
            String value = SigmaEvent.FieldValue.text(scalar);
            return switch (mode) {
                case REGEX -> regex.matches(value);
                case ANYTHING -> true;
                default -> compare(cased ? value : value.toLowerCase(Locale.ROOT));
            };
        }

        @Override
        public boolean matches(SigmaEvent.Texts candidates, int i) {
            return switch (mode) {
                case REGEX -> {
                    // the longest literal piece must be in the value (case-folded, see RuleIndex)
                    // before the automaton runs: most values fail here, cheaply
                    String piece = requiredPiece;
                    yield (piece == null || candidates.folded(i).contains(piece)) && regex.matches(candidates.text(i));
                }
                case ANYTHING -> true;
                default -> compare(cased ? candidates.text(i) : candidates.lower(i));
            };
        }

        private boolean compare(String v) {
            return switch (mode) {
                case EQUALS -> v.equals(literal);
                case STARTS_WITH -> v.startsWith(literal);
                case ENDS_WITH -> v.endsWith(literal);
                case CONTAINS -> v.contains(literal);
                default -> throw new IllegalStateException(mode.name());
            };
        }
    }

    /** A numeric rule value: equal to a number, or to a string holding the same number. */
    record NumberMatcher(BigDecimal number) implements ValueMatcher {
        @Override
        public boolean matches(Object scalar) {
            BigDecimal value = Numbers.toDecimal(scalar);
            return value != null && value.compareTo(number) == 0;
        }
    }

    /** A boolean rule value: a JSON boolean or the text true/false. */
    record BooleanMatcher(boolean expected) implements ValueMatcher {
        @Override
        public boolean matches(Object scalar) {
            if (scalar instanceof Boolean b) {
                return b == expected;
            }
            return scalar instanceof String s && s.equalsIgnoreCase(Boolean.toString(expected));
        }
    }

    /** {@code |re}: a regular expression found anywhere in the value (see {@link BoundedRegex}). */
    record RegexMatcher(BoundedRegex pattern) implements ValueMatcher {
        @Override
        public boolean matches(Object scalar) {
            return pattern.find(SigmaEvent.FieldValue.text(scalar));
        }

        @Override
        public boolean matches(SigmaEvent.Texts candidates, int i) {
            // a value without the expression's required piece (case-folded) cannot match: most
            // values are refused here, before the automaton runs
            String piece = pattern.requiredPiece();
            return (piece == null || candidates.folded(i).contains(piece)) && pattern.find(candidates.text(i));
        }
    }

    /** {@code |cidr}: the value is an IP address inside the network. */
    record CidrMatcher(Cidr network) implements ValueMatcher {
        @Override
        public boolean matches(Object scalar) {
            return scalar instanceof String s && network.contains(s);
        }
    }

    /** {@code |lt}, {@code |lte}, {@code |gt}, {@code |gte}: numeric comparison. */
    record CompareMatcher(Comparison comparison, BigDecimal bound) implements ValueMatcher {

        public enum Comparison {
            LT,
            LTE,
            GT,
            GTE
        }

        @Override
        public boolean matches(Object scalar) {
            BigDecimal value = Numbers.toDecimal(scalar);
            if (value == null) {
                return false;
            }
            int c = value.compareTo(bound);
            return switch (comparison) {
                case LT -> c < 0;
                case LTE -> c <= 0;
                case GT -> c > 0;
                case GTE -> c >= 0;
            };
        }
    }

    /**
     * Time modifiers ({@code minute}, {@code hour}, {@code day}, {@code week}, {@code month},
     * {@code year}): the part of a date value, in UTC, compared by {@code compare}. Dates are epoch
     * milliseconds or ISO-8601 text ({@code 2026-11-23T09:14:07Z}, {@code 2026-11-23 09:14:07.532});
     * a value that is no date matches nothing.
     */
    record TimePart(Part part, ValueMatcher compare) implements ValueMatcher {

        public enum Part {
            MINUTE,
            HOUR,
            DAY,
            WEEK,
            MONTH,
            YEAR
        }

        @Override
        public boolean matches(Object scalar) {
            java.time.ZonedDateTime time = date(scalar);
            if (time == null) {
                return false;
            }
            int value = switch (part) {
                case MINUTE -> time.getMinute();
                case HOUR -> time.getHour();
                case DAY -> time.getDayOfMonth();
                case WEEK -> time.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                case MONTH -> time.getMonthValue();
                case YEAR -> time.getYear();
            };
            return compare.matches(value);
        }

        static java.time.ZonedDateTime date(Object scalar) {
            java.time.ZoneOffset utc = java.time.ZoneOffset.UTC;
            if (scalar instanceof Number n) {
                return java.time.Instant.ofEpochMilli(n.longValue()).atZone(utc);
            }
            if (!(scalar instanceof String s) || s.isBlank()) {
                return null;
            }
            String text = s.trim();
            if (text.chars().allMatch(Character::isDigit) && text.length() <= 15) {
                return java.time.Instant.ofEpochMilli(Long.parseLong(text)).atZone(utc);
            }
            try {
                return java.time.OffsetDateTime.parse(text).atZoneSameInstant(utc);
            } catch (java.time.format.DateTimeParseException e) {
                // try the forms without an offset, taken as UTC
            }
            try {
                return java.time.LocalDateTime.parse(text.replace(' ', 'T')).atZone(utc);
            } catch (java.time.format.DateTimeParseException e) {
                // not a date-time
            }
            try {
                return java.time.LocalDate.parse(text).atStartOfDay(utc);
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
    }

    /** Number conversions shared by the numeric matchers. */
    final class Numbers {
        private Numbers() {}

        static BigDecimal toDecimal(Object scalar) {
            try {
                return switch (scalar) {
                    case BigDecimal d -> d;
                    case Integer i -> BigDecimal.valueOf(i);
                    case Long l -> BigDecimal.valueOf(l);
                    case Short s -> BigDecimal.valueOf(s);
                    case Byte b -> BigDecimal.valueOf(b);
                    case java.math.BigInteger bi -> new BigDecimal(bi);
                    case Number n -> Double.isFinite(n.doubleValue()) ? BigDecimal.valueOf(n.doubleValue()) : null;
                    case String s -> s.isBlank() ? null : new BigDecimal(s.trim());
                    default -> null;
                };
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
