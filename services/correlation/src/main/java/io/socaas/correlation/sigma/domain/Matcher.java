package io.socaas.correlation.sigma.domain;

import java.util.List;
import java.util.Locale;

/** A compiled piece of a rule's detection: a search identifier, or the condition combining them. */
public sealed interface Matcher {

    boolean matches(SigmaEvent event);

    /** {@code Field|mods: values}: any value (or, with {@code all}, every value) matches the field. */
    record FieldMatch(String field, List<ValueMatcher> values, boolean all) implements Matcher {
        public FieldMatch {
            values = List.copyOf(values);
        }

        @Override
        public boolean matches(SigmaEvent event) {
            SigmaEvent.Texts candidates = event.texts(field);
            return candidates.size() > 0 && anyOrEvery(values, all, candidates);
        }
    }

    /** Whether any (or, with {@code all}, every) value matches one of the candidates. */
    private static boolean anyOrEvery(List<ValueMatcher> values, boolean all, SigmaEvent.Texts candidates) {
        for (ValueMatcher value : values) {
            boolean found = false;
            for (int i = 0; i < candidates.size(); i++) {
                if (value.matches(candidates, i)) {
                    found = true;
                    break;
                }
            }
            if (found != all) {
                return found;
            }
        }
        return all;
    }

    /** {@code Field: null}: the field is absent or null. */
    record IsNull(String field) implements Matcher {
        @Override
        public boolean matches(SigmaEvent event) {
            SigmaEvent.FieldValue value = event.field(field);
            return !value.present() || value.value() == null;
        }
    }

    /** {@code Field|exists: true|false}. */
    record Exists(String field, boolean expected) implements Matcher {
        @Override
        public boolean matches(SigmaEvent event) {
            return event.field(field).present() == expected;
        }
    }

    /** {@code Field|fieldref: Other}: the field equals another field of the same event. */
    record FieldRef(String field, List<String> others, boolean cased, boolean all) implements Matcher {
        public FieldRef {
            others = List.copyOf(others);
        }

        @Override
        public boolean matches(SigmaEvent event) {
            List<Object> candidates = event.field(field).candidates();
            if (candidates.isEmpty()) {
                return false;
            }
            if (all) {
                return others.stream().allMatch(o -> equalsOther(candidates, event, o));
            }
            return others.stream().anyMatch(o -> equalsOther(candidates, event, o));
        }

        private boolean equalsOther(List<Object> candidates, SigmaEvent event, String other) {
            List<Object> otherValues = event.field(other).candidates();
            for (Object a : candidates) {
                String left = SigmaEvent.FieldValue.text(a);
                for (Object b : otherValues) {
                    String right = SigmaEvent.FieldValue.text(b);
                    if (cased
                            ? left.equals(right)
                            : left.toLowerCase(Locale.ROOT).equals(right.toLowerCase(Locale.ROOT))) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /**
     * {@code Field|neq: values}: the field has a value and it is none of the values (the inner
     * matcher, compiled without {@code neq}, does not match).
     */
    record NotEqual(String field, Matcher equal) implements Matcher {
        @Override
        public boolean matches(SigmaEvent event) {
            SigmaEvent.FieldValue value = event.field(field);
            return value.present() && value.value() != null && !equal.matches(event);
        }
    }

    /**
     * A selection whose {@code expand} placeholder has no value: it never matches. A rule holding
     * one is not run for a tenant (see {@link SigmaRule#unresolvedPlaceholders()}).
     */
    record Unresolved(String key) implements Matcher {
        @Override
        public boolean matches(SigmaEvent event) {
            return false;
        }
    }

    /** Keywords without a field: a value anywhere in the event's scalar values. */
    record Keywords(List<ValueMatcher> values, boolean all) implements Matcher {
        public Keywords {
            values = List.copyOf(values);
        }

        @Override
        public boolean matches(SigmaEvent event) {
            return anyOrEvery(values, all, event.scalarTextsNormalized());
        }
    }

    /** Whether every item matches the event (true for none); stops at the first that does not. */
    private static boolean everyOf(List<Matcher> items, SigmaEvent event) {
        for (Matcher item : items) {
            if (!item.matches(event)) {
                return false;
            }
        }
        return true;
    }

    /** Logical AND (a map of field conditions, {@code and}, {@code all of}). */
    record AllOf(List<Matcher> items) implements Matcher {
        public AllOf {
            items = List.copyOf(items);
        }

        @Override
        public boolean matches(SigmaEvent event) {
            return everyOf(items, event);
        }
    }

    /** Logical OR (a list of maps, {@code or}). */
    record AnyOf(List<Matcher> items) implements Matcher {
        public AnyOf {
            items = List.copyOf(items);
        }

        @Override
        public boolean matches(SigmaEvent event) {
            for (Matcher item : items) {
                if (item.matches(event)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code N of pattern}: at least {@code minimum} of the items match. */
    record AtLeast(int minimum, List<Matcher> items) implements Matcher {
        public AtLeast {
            items = List.copyOf(items);
        }

        @Override
        public boolean matches(SigmaEvent event) {
            int matched = 0;
            for (Matcher item : items) {
                if (item.matches(event) && ++matched >= minimum) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A rule's detection (first item) with the conditions of the filters applied to it. */
    record Filtered(List<Matcher> items) implements Matcher {
        public Filtered {
            items = List.copyOf(items);
        }

        @Override
        public boolean matches(SigmaEvent event) {
            return everyOf(items, event);
        }
    }

    /** {@code not}. */
    record Not(Matcher item) implements Matcher {
        @Override
        public boolean matches(SigmaEvent event) {
            return !item.matches(event);
        }
    }

    /** A named search identifier referenced from the condition. */
    record Named(String name, Matcher item) implements Matcher {
        @Override
        public boolean matches(SigmaEvent event) {
            return item.matches(event);
        }
    }
}
