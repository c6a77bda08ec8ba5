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

    /**
     * One condition set: every field must equal (case-insensitively, as text) one of its values; a
     * field whose values include {@value #PRESENT} must only be present (any scalar value, even
     * empty).
     */
    public record Condition(Map<String, Set<String>> fields) {

        public static final String PRESENT = "*";

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
                // the event's lower-cased texts, computed once per event for every condition
                SigmaEvent.Texts values = event.texts(entry.getKey());
                if (values.size() > 0 && entry.getValue().contains(PRESENT)) {
                    continue;
                }
                boolean any = false;
                for (int i = 0; i < values.size(); i++) {
                    if (entry.getValue().contains(values.lower(i).trim())) {
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
     *
     * @param routes the logsources a rule may ask for to see events of this one (each of its parts
     *     stated or left open), computed once
     */
    public record Classified(Logsource logsource, Map<String, String> fields, List<Logsource> routes) {
        public Classified {
            Objects.requireNonNull(logsource, "logsource");
            fields = Map.copyOf(fields);
            routes = List.copyOf(routes);
        }

        public Classified(Logsource logsource, Map<String, String> fields) {
            this(logsource, fields, routesOf(logsource));
        }

        private static List<Logsource> routesOf(Logsource ls) {
            List<Logsource> routes = new ArrayList<>(8);
            for (int mask = 0; mask < 8; mask++) {
                routes.add(new Logsource(
                        (mask & 1) == 0 ? ls.product() : null,
                        (mask & 2) == 0 ? ls.category() : null,
                        (mask & 4) == 0 ? ls.service() : null));
            }
            return routes;
        }
    }

    /** A source with its classifications built once: its own, and one per category. */
    private record Prepared(Source source, Classified own, List<Classified> categories) {}

    private final List<Source> sources;
    private final List<Prepared> prepared;

    public LogsourceMapping(List<Source> sources) {
        this.sources = List.copyOf(sources);
        List<Prepared> prepared = new ArrayList<>();
        for (Source source : this.sources) {
            List<Classified> categories = new ArrayList<>();
            for (Category category : source.categories()) {
                Map<String, String> fields = source.fields();
                if (!category.fields().isEmpty()) {
                    var merged = new java.util.HashMap<>(fields);
                    merged.putAll(category.fields());
                    fields = merged;
                }
                categories.add(
                        new Classified(new Logsource(source.product(), category.category(), source.service()), fields));
            }
            prepared.add(new Prepared(
                    source,
                    new Classified(new Logsource(source.product(), null, source.service()), source.fields()),
                    categories));
        }
        this.prepared = List.copyOf(prepared);
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
        for (Prepared p : prepared) {
            if (p.source().match().stream().noneMatch(c -> c.holds(event))) {
                continue;
            }
            result.add(p.own());
            List<Category> categories = p.source().categories();
            for (int i = 0; i < categories.size(); i++) {
                if (categories.get(i).when().holds(event)) {
                    result.add(p.categories().get(i));
                }
            }
        }
        return result;
    }
}
