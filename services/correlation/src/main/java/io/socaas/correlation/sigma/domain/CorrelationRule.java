package io.socaas.correlation.sigma.domain;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Sigma correlation rule (specification 2.1): over the events matched by the rules it refers to,
 * grouped by the values of its {@code group-by} fields, within a sliding {@code timespan}.
 *
 * @param rules the rules referred to, as written (by {@code name} or {@code id}); {@link #ruleIds}
 *     once resolved in the rule's pack
 * @param aliases alias name to (referred rule's name or id to the field of that rule's events)
 * @param generate whether the referred rules also raise their own alerts
 */
public record CorrelationRule(
        String id,
        String name,
        String title,
        String author,
        String description,
        String status,
        Optional<SigmaLevel> level,
        List<String> tags,
        List<String> references,
        Type type,
        List<String> rules,
        List<String> groupBy,
        Duration timespan,
        Condition condition,
        Map<String, Map<String, String>> aliases,
        boolean generate) {

    public CorrelationRule {
        Objects.requireNonNull(id, "id");
        tags = List.copyOf(tags);
        references = List.copyOf(references);
        rules = List.copyOf(rules);
        groupBy = List.copyOf(groupBy);
        aliases = Map.copyOf(aliases);
    }

    /** The correlation types of the specification. */
    public enum Type {
        EVENT_COUNT,
        VALUE_COUNT,
        TEMPORAL,
        TEMPORAL_ORDERED,
        VALUE_SUM,
        VALUE_AVG,
        VALUE_PERCENTILE;

        public String sigmaName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether the condition names a {@code field} whose values are aggregated. */
        public boolean needsField() {
            return this == VALUE_COUNT || this == VALUE_SUM || this == VALUE_AVG || this == VALUE_PERCENTILE;
        }

        public boolean temporal() {
            return this == TEMPORAL || this == TEMPORAL_ORDERED;
        }
    }

    /** A comparison of the condition. */
    public enum Operator {
        GT,
        GTE,
        LT,
        LTE,
        EQ,
        NEQ;

        boolean test(double value, double bound) {
            return switch (this) {
                case GT -> value > bound;
                case GTE -> value >= bound;
                case LT -> value < bound;
                case LTE -> value <= bound;
                case EQ -> value == bound;
                case NEQ -> value != bound;
            };
        }
    }

    /**
     * The condition: every comparison must hold (a range is two of them).
     *
     * @param field the field whose values {@code value_*} types aggregate; empty for the others
     */
    public record Condition(Optional<String> field, Map<Operator, Double> bounds) {
        public Condition {
            bounds = Map.copyOf(bounds);
        }

        public boolean test(double value) {
            return bounds.entrySet().stream().allMatch(b -> b.getKey().test(value, b.getValue()));
        }

        /**
         * True when only lower bounds ({@code gt}, {@code gte}) are stated: once they hold for a
         * growing set of events they keep holding, so the rule can fire as soon as they hold. Any
         * other condition is only decided when the window has closed.
         */
        public boolean onlyLowerBounds() {
            return bounds.keySet().stream().allMatch(o -> o == Operator.GT || o == Operator.GTE);
        }
    }

    /**
     * The field of a referred rule's events that a {@code group-by} name reads: the alias's field
     * for that rule (aliases keyed by rule id once resolved), else the name itself.
     */
    public String fieldFor(String groupByName, String referredRuleId) {
        Map<String, String> alias = aliases.get(groupByName);
        String field = alias == null ? null : alias.get(referredRuleId);
        return field == null ? groupByName : field;
    }

    /** The same rule referring to the rules by id, with its aliases keyed by rule id. */
    public CorrelationRule withResolvedReferences(List<String> ids, Map<String, Map<String, String>> resolvedAliases) {
        return new CorrelationRule(
                id,
                name,
                title,
                author,
                description,
                status,
                level,
                tags,
                references,
                type,
                ids,
                groupBy,
                timespan,
                condition,
                resolvedAliases,
                generate);
    }
}
