package io.socaas.cases.analysts.domain;

import io.socaas.events.TenantId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who gets a case: among the analysts entitled to its tenant, of at least the tier it needs, on
 * shift now and below their maximum of concurrent cases, the one whose skills match the case's
 * rule tags (which include the parts of the rule's logsource: product, category, service), then the
 * least loaded, then the lower tier (keeping senior analysts free), then by
 * name so that the choice is stable.
 */
public final class AssignmentPolicy {

    private AssignmentPolicy() {}

    /** An analyst with the number of unresolved cases it holds now. */
    public record Candidate(AnalystProfile profile, int openCases) {
        public Candidate {
            Objects.requireNonNull(profile, "profile");
        }
    }

    /**
     * The case to place.
     *
     * @param tenant its tenant
     * @param minimumTier the lowest tier that may take it
     * @param ruleTags its rule's tags, lower case
     * @param exclude analysts who must not get it (e.g. the assignee it is escalated away from)
     */
    public record Placement(TenantId tenant, Tier minimumTier, List<String> ruleTags, Set<String> exclude) {
        public Placement {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(minimumTier, "minimumTier");
            ruleTags = List.copyOf(ruleTags);
            exclude = Set.copyOf(exclude);
        }
    }

    /** The analyst to give the case to, or empty when nobody eligible is on shift with room. */
    public static Optional<AnalystProfile> pick(Placement placement, List<Candidate> candidates, Instant now) {
        return candidates.stream()
                .filter(c -> eligible(placement, c, now))
                .sorted(Comparator.comparing((Candidate c) -> !skilled(c.profile(), placement.ruleTags()))
                        .thenComparingInt(Candidate::openCases)
                        .thenComparing(c -> c.profile().tier())
                        .thenComparing(c -> c.profile().username()))
                .map(Candidate::profile)
                .findFirst();
    }

    static boolean eligible(Placement placement, Candidate c, Instant now) {
        AnalystProfile p = c.profile();
        return !placement.exclude().contains(p.username())
                && p.entitledTo(placement.tenant())
                && p.tier().covers(placement.minimumTier())
                && p.rota().onShift(now)
                && c.openCases() < p.maxConcurrentCases();
    }

    /** Whether one of the analyst's skills is one of the tags or a prefix of one ({@code attack.t1059}). */
    static boolean skilled(AnalystProfile profile, List<String> ruleTags) {
        return profile.skills().stream()
                .anyMatch(skill -> ruleTags.stream().anyMatch(tag -> tag.equals(skill) || tag.startsWith(skill + ".")));
    }

    /**
     * The page rota of a tenant now, in the order a page goes round it: a page goes to the first, and
     * one nobody acknowledges in time goes on to the next. The on-call analysts entitled to the
     * tenant, highest tier first, then by name; when nobody is on call, the highest-tier entitled
     * analysts on shift, by name.
     */
    public static List<AnalystProfile> pageTargets(TenantId tenant, List<AnalystProfile> analysts, Instant now) {
        Comparator<AnalystProfile> rotaOrder =
                Comparator.comparing(AnalystProfile::tier).reversed().thenComparing(AnalystProfile::username);
        List<AnalystProfile> entitled =
                analysts.stream().filter(a -> a.entitledTo(tenant)).toList();
        List<AnalystProfile> onCall = entitled.stream()
                .filter(a -> a.rota().onCall(now))
                .sorted(rotaOrder)
                .toList();
        if (!onCall.isEmpty()) {
            return onCall;
        }
        List<AnalystProfile> onShift =
                entitled.stream().filter(a -> a.rota().onShift(now)).toList();
        Optional<Tier> top = onShift.stream().map(AnalystProfile::tier).max(Comparator.naturalOrder());
        return top.map(t -> onShift.stream()
                        .filter(a -> a.tier() == t)
                        .sorted(rotaOrder)
                        .toList())
                .orElse(List.of());
    }
}
