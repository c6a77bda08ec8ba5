package io.socaas.correlation.multievent.domain;

import io.socaas.correlation.sigma.domain.CorrelationRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates one Sigma correlation rule over the matches of one group, in event time. Pure: the
 * state goes in and comes out, so that Kafka Streams can keep it in a changelogged store.
 *
 * <p>Windows slide: a window is any span of {@code timespan} (ends included) that starts at a match.
 * A rule whose condition only has lower bounds ({@code gt}, {@code gte}) over a measure that only
 * grows with more matches ({@code event_count}, {@code value_count}, {@code value_sum},
 * {@code temporal}, {@code temporal_ordered}) fires as soon as a window satisfies it; every other
 * rule ({@code lt}, {@code lte}, {@code eq}, {@code neq}, {@code value_avg},
 * {@code value_percentile}) is decided when a window has closed: when event time passed its end plus
 * the grace. The matches of a window that fired are used up: the next alert of the group needs new
 * matches. A match older than the newest event time less {@code timespan} and grace is late and
 * dropped. A match delivered again (same rule, same events) while its group still holds it counts
 * once.
 *
 * <p>A group keeps at most {@link #MAX_MATCHES_PER_GROUP} matches, the oldest forgotten first: a
 * noisy source (one account failing thousands of times, say) cannot grow a group's state, its
 * changelog record and the work per match without bound. A rule that needs more matches than that in
 * one window (an {@code event_count} above it) never fires.
 */
public final class CorrelationEngine {

    /** A satisfied window: its start and end, the measure, and the matches in it. */
    public record Firing(long windowStart, long windowEnd, double measure, List<GroupState.Entry> entries) {
        public Firing {
            entries = List.copyOf(entries);
        }
    }

    /** The new state of the group, and the windows that fired. */
    public record Outcome(GroupState state, List<Firing> firings, boolean late) {
        public Outcome {
            firings = List.copyOf(firings);
        }
    }

    /** The most matches one group keeps. */
    public static final int MAX_MATCHES_PER_GROUP = 1_000;

    private CorrelationEngine() {}

    /** Whether the rule fires as soon as its condition holds (else when a window closes). */
    public static boolean eager(CorrelationRule rule) {
        return rule.condition().onlyLowerBounds()
                && switch (rule.type()) {
                    case EVENT_COUNT, VALUE_COUNT, VALUE_SUM, TEMPORAL, TEMPORAL_ORDERED -> true;
                    case VALUE_AVG, VALUE_PERCENTILE -> false;
                };
    }

    /**
     * A match of the group arrives.
     *
     * @param streamTime the newest event time seen (this match included)
     * @param graceMs how long after a window's end matches of it are still taken
     */
    public static Outcome onMatch(
            CorrelationRule rule, GroupState state, GroupState.Entry entry, long streamTime, long graceMs) {
        long span = rule.timespan().toMillis();
        long horizon = streamTime - span - graceMs;
        if (entry.timeMs() < horizon) {
            return new Outcome(state, List.of(), true);
        }
        // a match delivered again (the single-event stage is at-least-once) counts once
        for (GroupState.Entry e : state.entries()) {
            if (e.ruleId().equals(entry.ruleId()) && e.ingestIds().equals(entry.ingestIds())) {
                return new Outcome(state, List.of(), false);
            }
        }
        List<GroupState.Entry> entries = new ArrayList<>(state.entries().size() + 1);
        for (GroupState.Entry e : state.entries()) {
            if (e.timeMs() >= horizon) {
                entries.add(e);
            }
        }
        entries.add(entry);
        if (entries.size() > MAX_MATCHES_PER_GROUP) {
            entries.sort(Comparator.comparingLong(GroupState.Entry::timeMs));
            entries.subList(0, entries.size() - MAX_MATCHES_PER_GROUP).clear();
        }
        if (!eager(rule)) {
            long openSince = state.openSince() < 0 ? entry.timeMs() : Math.min(state.openSince(), entry.timeMs());
            return new Outcome(new GroupState(entries, openSince), List.of(), false);
        }
        GroupState grown = new GroupState(entries, -1);
        // every window the new match can be part of: those ending at a match from its time on
        for (GroupState.Entry end : grown.entries()) {
            if (end.timeMs() < entry.timeMs() || end.timeMs() > entry.timeMs() + span) {
                continue;
            }
            List<GroupState.Entry> window = window(grown.entries(), end.timeMs() - span, end.timeMs());
            Optional<Double> measure = satisfied(rule, window);
            if (measure.isPresent()) {
                window = sequenceOf(rule, window);
                List<GroupState.Entry> rest = new ArrayList<>(grown.entries());
                rest.removeAll(window);
                Firing firing = new Firing(window.getFirst().timeMs(), end.timeMs(), measure.get(), window);
                return new Outcome(new GroupState(rest, -1), List.of(firing), false);
            }
        }
        return new Outcome(grown, List.of(), false);
    }

    /**
     * Event time advanced: decides the windows that closed (rules decided at the close) and forgets
     * matches no window can use any more.
     */
    public static Outcome onTime(CorrelationRule rule, GroupState state, long streamTime, long graceMs) {
        long span = rule.timespan().toMillis();
        if (eager(rule)) {
            long horizon = streamTime - span - graceMs;
            List<GroupState.Entry> kept =
                    state.entries().stream().filter(e -> e.timeMs() >= horizon).toList();
            return new Outcome(
                    kept.size() == state.entries().size() ? state : new GroupState(kept, -1), List.of(), false);
        }
        List<GroupState.Entry> entries = new ArrayList<>(state.entries());
        List<Firing> firings = new ArrayList<>();
        long openSince = state.openSince();
        while (openSince >= 0 && openSince + span + graceMs <= streamTime) {
            List<GroupState.Entry> window = window(entries, openSince, openSince + span);
            Optional<Double> measure = window.isEmpty() ? Optional.empty() : satisfied(rule, window);
            if (measure.isPresent()) {
                firings.add(new Firing(openSince, openSince + span, measure.get(), window));
                entries.removeAll(window);
            } else {
                // the window starting at the oldest match did not hold: slide to the next match
                final long start = openSince;
                entries.removeIf(e -> e.timeMs() <= start);
            }
            openSince = entries.isEmpty() ? -1 : entries.getFirst().timeMs();
        }
        return new Outcome(new GroupState(entries, openSince), firings, false);
    }

    /** For temporal_ordered, the window from the first match of the sequence on (earlier ones did not contribute). */
    private static List<GroupState.Entry> sequenceOf(CorrelationRule rule, List<GroupState.Entry> window) {
        if (rule.type() != CorrelationRule.Type.TEMPORAL_ORDERED) {
            return window;
        }
        String first = rule.rules().getFirst();
        for (int i = 0; i < window.size(); i++) {
            if (window.get(i).ruleId().equals(first)) {
                return window.subList(i, window.size());
            }
        }
        return window;
    }

    private static List<GroupState.Entry> window(List<GroupState.Entry> sorted, long from, long to) {
        return sorted.stream()
                .filter(e -> e.timeMs() >= from && e.timeMs() <= to)
                .toList();
    }

    /** The rule's measure over the window, when its condition holds. */
    static Optional<Double> satisfied(CorrelationRule rule, List<GroupState.Entry> window) {
        CorrelationRule.Condition condition = rule.condition();
        if (rule.type() == CorrelationRule.Type.VALUE_PERCENTILE) {
            // the share (percent) of the window's matches that each value of the field has: fires
            // when a value's share meets the condition (e.g. lte 1: a value seen in at most 1 %)
            Map<String, Integer> counts = new HashMap<>();
            int total = 0;
            for (GroupState.Entry e : window) {
                if (e.value() != null) {
                    counts.merge(e.value(), 1, Integer::sum);
                    total++;
                }
            }
            Optional<Double> best = Optional.empty();
            for (int count : counts.values()) {
                double share = 100.0 * count / total;
                if (condition.test(share) && (best.isEmpty() || share < best.get())) {
                    best = Optional.of(share);
                }
            }
            return best;
        }
        double measure = measure(rule, window);
        return !Double.isNaN(measure) && condition.test(measure) ? Optional.of(measure) : Optional.empty();
    }

    static double measure(CorrelationRule rule, List<GroupState.Entry> window) {
        return switch (rule.type()) {
            case EVENT_COUNT -> window.size();
            case VALUE_COUNT -> {
                Set<String> distinct = new HashSet<>();
                window.stream().filter(e -> e.value() != null).forEach(e -> distinct.add(e.value()));
                yield distinct.size();
            }
            case TEMPORAL -> {
                Set<String> rules = new HashSet<>();
                window.forEach(e -> rules.add(e.ruleId()));
                rules.retainAll(rule.rules());
                yield rules.size();
            }
            case TEMPORAL_ORDERED -> {
                // how many of the referred rules matched in their order (one after the other in time)
                int next = 0;
                for (GroupState.Entry e : window) {
                    if (next < rule.rules().size()
                            && e.ruleId().equals(rule.rules().get(next))) {
                        next++;
                    }
                }
                yield next;
            }
            case VALUE_SUM ->
                numbers(window).stream().mapToDouble(Double::doubleValue).sum();
            case VALUE_AVG ->
                numbers(window).stream()
                        .mapToDouble(Double::doubleValue)
                        .average()
                        .orElse(Double.NaN);
            case VALUE_PERCENTILE -> throw new IllegalArgumentException("value_percentile has no single measure");
        };
    }

    private static List<Double> numbers(List<GroupState.Entry> window) {
        List<Double> numbers = new ArrayList<>();
        for (GroupState.Entry e : window) {
            if (e.value() != null) {
                try {
                    numbers.add(Double.parseDouble(e.value().trim()));
                } catch (NumberFormatException ignored) {
                    // a value that is not a number does not count towards a sum or an average
                }
            }
        }
        return numbers;
    }
}
