package io.socaas.correlation.multievent.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What one correlation rule keeps for one group (tenant, rule, group-by values): the matches still
 * inside a possible window, oldest first, and for rules decided when a window closes the start of
 * the open window.
 *
 * @param openSince start (event time, epoch ms) of the window waiting to close; -1 when none is open
 *     or the rule decides as soon as its condition holds
 */
public record GroupState(List<Entry> entries, long openSince) {

    public static final GroupState EMPTY = new GroupState(List.of(), -1);

    /**
     * One match in the group.
     *
     * @param ruleId the referred rule that matched
     * @param value the value of the condition's field, when the rule aggregates one and the event has it
     */
    public record Entry(long timeMs, String ruleId, String value, List<String> ingestIds) {
        public Entry {
            Objects.requireNonNull(ruleId, "ruleId");
            ingestIds = List.copyOf(ingestIds);
        }
    }

    public GroupState {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::timeMs));
        entries = List.copyOf(sorted);
    }

    public boolean isEmpty() {
        return entries.isEmpty() && openSince < 0;
    }
}
