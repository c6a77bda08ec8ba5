package io.socaas.correlation.multievent.domain;

import io.socaas.events.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A rule of a tenant matched, and correlation rules of the tenant refer to it: what they need of
 * the match.
 *
 * @param ruleId a single-event rule, or a satisfied correlation rule (chains)
 * @param timeMs event time, epoch milliseconds (the normalized event's {@code time})
 * @param ingestIds the events behind the match
 * @param fields the values of the fields the correlation rules group by or aggregate, as text
 */
public record RuleMatch(
        TenantId tenant, String ruleId, long timeMs, List<String> ingestIds, Map<String, String> fields) {

    public RuleMatch {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(ruleId, "ruleId");
        ingestIds = List.copyOf(ingestIds);
        fields = Map.copyOf(fields);
    }
}
