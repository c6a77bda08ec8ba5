package io.socaas.correlation.multievent.domain;

import io.socaas.correlation.detection.domain.Alert;
import io.socaas.correlation.rules.domain.DeployedCorrelation;
import io.socaas.correlation.sigma.domain.CorrelationRule;
import io.socaas.events.EventTimes;
import io.socaas.events.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a match goes and what a satisfied window produces: the group a match of a referred rule
 * belongs to (tenant, correlation rule, the values of its {@code group-by} fields, aliases applied),
 * the alert of a firing with its derived id, and the match a firing makes for the correlation rules
 * that refer to this one (chains).
 */
public final class CorrelationGroups {

    /** Contributing events an alert lists at most (the measure covers them all). */
    public static final int MAX_INGEST_IDS = 1000;

    private static final char PART = '\u0000';
    private static final char FIELD = '\u001f';

    private CorrelationGroups() {}

    /** A group of one correlation rule of one tenant. */
    public record Group(TenantId tenant, String correlationId, Map<String, String> values) {
        public Group {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /** The record key of the group: tenant, correlation rule, group values. */
        public String key() {
            StringBuilder sb = new StringBuilder(tenant.value())
                    .append(PART)
                    .append(correlationId)
                    .append(PART);
            boolean first = true;
            for (var e : values.entrySet()) {
                if (!first) {
                    sb.append(FIELD);
                }
                first = false;
                sb.append(e.getKey()).append('=').append(e.getValue());
            }
            return sb.toString();
        }

        /** The group values as text, e.g. {@code User=alice, SourceIp=10.0.0.1}. */
        public String describe() {
            List<String> parts = new ArrayList<>();
            values.forEach((k, v) -> parts.add(k + "=" + v));
            return String.join(", ", parts);
        }

        public static Group ofKey(String key) {
            int a = key.indexOf(PART);
            int b = key.indexOf(PART, a + 1);
            if (a < 0 || b < 0) {
                throw new IllegalArgumentException("not a correlation group key");
            }
            Map<String, String> values = new LinkedHashMap<>();
            String rest = key.substring(b + 1);
            if (!rest.isEmpty()) {
                for (String part : rest.split(String.valueOf(FIELD), -1)) {
                    int eq = part.indexOf('=');
                    values.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
            return new Group(TenantId.of(key.substring(0, a)), key.substring(a + 1, b), values);
        }
    }

    /**
     * The group of a match for a correlation rule that refers to the matched rule; empty when the
     * match lacks one of the fields the rule groups by (such events are not correlated).
     */
    public static Optional<Group> groupOf(CorrelationRule rule, RuleMatch match) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : rule.groupBy()) {
            String value = match.fields().get(rule.fieldFor(name, match.ruleId()));
            if (value == null) {
                return Optional.empty();
            }
            values.put(name, value);
        }
        return Optional.of(new Group(match.tenant(), rule.id(), values));
    }

    /** The match as the group keeps it: its time, rule, the value of the condition's field. */
    public static GroupState.Entry entryOf(CorrelationRule rule, RuleMatch match) {
        String value = rule.condition()
                .field()
                .map(f -> match.fields().get(rule.fieldFor(f, match.ruleId())))
                .orElse(null);
        return new GroupState.Entry(match.timeMs(), match.ruleId(), value, match.ingestIds());
    }

    /** The match a firing is for correlation rules referring to this one: group values as fields. */
    public static RuleMatch chained(Group group, CorrelationEngine.Firing firing) {
        return new RuleMatch(
                group.tenant(), group.correlationId(), firing.windowEnd(), ingestIds(firing), group.values());
    }

    /**
     * The alert of a firing. Its id is derived from (tenant, correlation rule, group, window start):
     * the same firing, processed again after a failure, yields the same id.
     */
    public static CorrelationAlert alert(
            DeployedCorrelation correlation, Group group, CorrelationEngine.Firing firing, Instant detected) {
        CorrelationRule rule = correlation.rule();
        String groupKey = group.key().substring(group.key().lastIndexOf(PART) + 1);
        String id = Alert.derivedId(group.tenant().value(), rule.id(), groupKey, Long.toString(firing.windowStart()));
        String summary = rule.title() + ": " + rule.type().sigmaName() + " " + describe(firing.measure())
                + (group.values().isEmpty() ? "" : " for " + group.describe()) + " within "
                + timespan(rule) + " (" + firing.entries().size() + " matching events)";
        return new CorrelationAlert(
                id,
                group.tenant(),
                correlation,
                correlation.level(),
                ingestIds(firing),
                EventTimes.format(Instant.ofEpochMilli(firing.windowStart())),
                EventTimes.format(detected),
                summary,
                rule.id() + (groupKey.isEmpty() ? "" : ":" + groupKey.replace(FIELD, ',')),
                group.values());
    }

    private static List<String> ingestIds(CorrelationEngine.Firing firing) {
        List<String> ids = new ArrayList<>();
        for (GroupState.Entry e : firing.entries()) {
            for (String id : e.ingestIds()) {
                if (ids.size() < MAX_INGEST_IDS && !ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private static String describe(double measure) {
        return measure == Math.rint(measure) ? Long.toString((long) measure) : String.format("%.2f", measure);
    }

    private static String timespan(CorrelationRule rule) {
        long s = rule.timespan().toSeconds();
        if (s % 86400 == 0) {
            return s / 86400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        return s % 60 == 0 ? s / 60 + "m" : s + "s";
    }
}
