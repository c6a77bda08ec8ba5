package io.socaas.correlation.sigma.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Classifies events into Sigma logsources, from mapping data (which source an event comes from,
 * which categories its events fall into, and how Sigma field names map to the source's names).
 * Immutable and shared by all threads.
 */
public final class LogsourceMapping {

    /** One condition set: every field must equal (case-insensitively, as text) one of its values. */
    public record Condition(Map<String, Set<String>> fields) {
        public Condition {
            fields = fields.entrySet().stream()
                    .collect(Collectors.toUnmodifiableMap(
                            Map.Entry::getKey,
                            e -> e.getValue().stream()
                                    .map(v -> v.trim().toLowerCase(Locale.ROOT))
                                    .collect(Collectors.toUnmodifiableSet())));
        }

        boolean holds(SigmaEvent event) {
            for (Map.Entry<String, Set<String>> entry : fields.entrySet()) {
                List<Object> values = event.field(entry.getKey()).candidates();
                boolean any = false;
                for (Object value : values) {
                    if (entry.getValue()
                            .contains(SigmaEvent.FieldValue.text(value).trim().toLowerCase(Locale.ROOT))) {
                        any = true;
                        break;
                    }
                }
                if (!any) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A category of a source's events. */
    public record Category(String category, Condition when, Map<String, String> fields) {
        public Category {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(when, "when");
            fields = Map.copyOf(fields);
        }
    }

    /** A source type: its product and service, which events are its own, and their categories. */
    public record Source(
            String name,
            String product,
            String service,
            List<Condition> match,
            List<Category> categories,
            Map<String, String> fields) {
        public Source {
            Objects.requireNonNull(name, "name");
            match = List.copyOf(match);
            categories = List.copyOf(categories);
            fields = Map.copyOf(fields);
            if (match.isEmpty()) {
                throw new IllegalArgumentException("source " + name + " matches no event (empty 'match')");
            }
        }
    }

    /**
     * A logsource an event belongs to, with the field mapping that rules of that logsource read the
     * event through.
     */
    public record Classified(Logsource logsource, Map<String, String> fields) {
        public Classified {
            Objects.requireNonNull(logsource, "logsource");
            fields = Map.copyOf(fields);
        }
    }

    private final List<Source> sources;

    public LogsourceMapping(List<Source> sources) {
        this.sources = List.copyOf(sources);
    }

    public List<Source> sources() {
        return sources;
    }

    /**
     * The logsources of the event: for the source it comes from, the source's own (product and
     * service) and one per category its event falls into. Empty when no source claims the event.
     */
    public List<Classified> classify(SigmaEvent event) {
        List<Classified> result = new ArrayList<>(3);
        for (Source source : sources) {
            if (source.match().stream().noneMatch(c -> c.holds(event))) {
                continue;
            }
            result.add(new Classified(new Logsource(source.product(), null, source.service()), source.fields()));
            for (Category category : source.categories()) {
                if (category.when().holds(event)) {
                    Map<String, String> fields = source.fields();
                    if (!category.fields().isEmpty()) {
                        var merged = new java.util.HashMap<>(fields);
                        merged.putAll(category.fields());
                        fields = merged;
                    }
                    result.add(new Classified(
                            new Logsource(source.product(), category.category(), source.service()), fields));
                }
            }
        }
        return result;
    }
}
