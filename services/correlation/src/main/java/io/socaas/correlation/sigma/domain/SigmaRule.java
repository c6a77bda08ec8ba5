package io.socaas.correlation.sigma.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A loaded single-event Sigma rule: its metadata and its compiled detection.
 *
 * @param name the rule's optional {@code name} (filters and correlation rules may refer to it)
 * @param level the rule's level, empty when the rule states none
 * @param license the rule's own {@code license} field, empty when it states none
 * @param placeholders names of the {@code expand} placeholders the rule uses
 * @param unresolvedPlaceholders the placeholders that have no value: a rule with any is not run
 * @param filters ids of the filters applied to this rule
 * @param document the rule document, kept when the rule uses placeholders (to bind it per tenant)
 */
public record SigmaRule(
        String id,
        String name,
        String title,
        String author,
        String description,
        String status,
        String license,
        Optional<SigmaLevel> level,
        List<String> tags,
        List<String> references,
        Map<String, String> logsource,
        Matcher detection,
        Set<String> placeholders,
        Set<String> unresolvedPlaceholders,
        List<String> filters,
        Map<String, ?> document) {

    public SigmaRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detection, "detection");
        name = name == null ? "" : name;
        author = author == null ? "" : author;
        description = description == null ? "" : description;
        status = status == null ? "" : status;
        license = license == null ? "" : license;
        tags = List.copyOf(tags);
        references = List.copyOf(references);
        logsource = Map.copyOf(logsource);
        placeholders = Set.copyOf(placeholders);
        unresolvedPlaceholders = Set.copyOf(unresolvedPlaceholders);
        filters = List.copyOf(filters);
        document = placeholders.isEmpty() || document == null ? Map.of() : document;
    }

    /** True when the event satisfies the rule's detection (and every filter applied to it). */
    public boolean matches(SigmaEvent event) {
        return detection.matches(event);
    }

    /**
     * The search identifiers (selections) that made the rule match the event: each named identifier
     * of the condition that matches the event and is not negated by it, in the order the condition
     * names them. Empty when the rule does not match.
     */
    public List<String> matchingSelections(SigmaEvent event) {
        if (!matches(event)) {
            return List.of();
        }
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        collectMatching(detection, event, names);
        return List.copyOf(names);
    }

    private static void collectMatching(Matcher matcher, SigmaEvent event, Set<String> names) {
        switch (matcher) {
            case Matcher.Named named -> {
                if (named.item().matches(event)) {
                    names.add(named.name());
                }
            }
            case Matcher.AllOf all -> all.items().forEach(m -> collectMatching(m, event, names));
            case Matcher.AnyOf any -> any.items().forEach(m -> collectMatching(m, event, names));
            case Matcher.AtLeast atLeast -> atLeast.items().forEach(m -> collectMatching(m, event, names));
            // a filter's condition is not the rule's selection
            case Matcher.Filtered filtered -> collectMatching(filtered.items().getFirst(), event, names);
            // negated identifiers do not make a rule match
            case Matcher.Not ignored -> {}
            default -> {}
        }
    }

    /** The logsource the rule asks for. */
    public Logsource source() {
        return Logsource.of(logsource);
    }

    /** True when every placeholder has values (always for rules without placeholders). */
    public boolean runnable() {
        return unresolvedPlaceholders.isEmpty();
    }

    /**
     * This rule with the placeholder values of a tenant: every {@code %name%} of an {@code expand}
     * value replaced by the values given for {@code name}. Rules without placeholders return
     * themselves.
     */
    public SigmaRule withPlaceholders(Map<String, List<String>> values) {
        if (placeholders.isEmpty()) {
            return this;
        }
        SigmaRule bound = SigmaRuleParser.parse(document, values);
        return filters.isEmpty() ? bound : bound.withFilterMatchers(filters, filterMatchersOf(this));
    }

    /**
     * This rule with filters applied: it matches only where its detection and each filter's
     * condition match (Sigma filter semantics: the filter condition is joined with {@code and}).
     */
    public SigmaRule withFilters(List<SigmaFilter> applied) {
        if (applied.isEmpty()) {
            return this;
        }
        return withFilterMatchers(
                applied.stream().map(SigmaFilter::id).toList(),
                applied.stream().map(SigmaFilter::condition).toList());
    }

    private SigmaRule withFilterMatchers(List<String> filterIds, List<Matcher> conditions) {
        List<Matcher> items = new ArrayList<>();
        items.add(detection);
        items.addAll(conditions);
        List<String> ids = new ArrayList<>(filters);
        ids.addAll(filterIds);
        return new SigmaRule(
                id,
                name,
                title,
                author,
                description,
                status,
                license,
                level,
                tags,
                references,
                logsource,
                new Matcher.Filtered(items),
                placeholders,
                unresolvedPlaceholders,
                ids,
                document);
    }

    private static List<Matcher> filterMatchersOf(SigmaRule rule) {
        if (rule.detection instanceof Matcher.Filtered(List<Matcher> items)) {
            return items.subList(1, items.size());
        }
        return List.of();
    }
}
