package io.socaas.correlation.sigma.domain;

import java.util.List;
import java.util.Objects;

/**
 * A Sigma filter document (meta filter): a condition added to the named rules, so that they match
 * only where the filter's condition holds too. Global filters and a tenant's own filters are both
 * such documents.
 *
 * @param rules ids or names of the rules the filter applies to; {@code any} or {@code all} alone
 *     names every rule of the filter's logsource
 * @param condition the compiled filter condition over the filter's own search identifiers
 */
public record SigmaFilter(String id, String title, Logsource logsource, List<String> rules, Matcher condition) {

    public SigmaFilter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(logsource, "logsource");
        Objects.requireNonNull(condition, "condition");
        rules = List.copyOf(rules);
    }

    /**
     * True when the filter applies to the rule: it names the rule (by id or name) and its logsource
     * states nothing the rule's logsource does not.
     */
    public boolean appliesTo(SigmaRule rule) {
        boolean everyRule = rules.size() == 1
                && (rules.getFirst().equalsIgnoreCase("any") || rules.getFirst().equalsIgnoreCase("all"));
        boolean named =
                everyRule || rules.contains(rule.id()) || (!rule.name().isEmpty() && rules.contains(rule.name()));
        return named && logsource.covers(rule.source());
    }
}
