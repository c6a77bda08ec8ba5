package io.socaas.cases.analysts.assignment;

import io.smallrye.mutiny.Uni;
import io.socaas.cases.analysts.domain.AnalystProfile;
import io.socaas.cases.analysts.domain.AssignmentPolicy;
import io.socaas.cases.analysts.domain.AssignmentPolicy.Candidate;
import io.socaas.cases.analysts.domain.AssignmentPolicy.Placement;
import io.socaas.cases.analysts.domain.Tier;
import io.socaas.cases.analysts.persistence.AnalystRepository;
import io.socaas.cases.casefile.domain.CaseFile;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The analyst pool as it stands now: profiles and the cases each holds, to place cases in. */
@ApplicationScoped
public class AnalystPool {

    private final AnalystRepository analysts;

    AnalystPool(AnalystRepository analysts) {
        this.analysts = analysts;
    }

    /** Reads the pool. */
    public Uni<Snapshot> snapshot() {
        return analysts.all()
                .chain(profiles -> analysts.openCasesByAssignee().map(load -> new Snapshot(profiles, load)));
    }

    /** Profiles and loads read together; placing a case counts it for the next placement. */
    public static final class Snapshot {
        private final List<AnalystProfile> profiles;
        private final Map<String, Integer> load;

        Snapshot(List<AnalystProfile> profiles, Map<String, Integer> load) {
            this.profiles = List.copyOf(profiles);
            this.load = new HashMap<>(load);
        }

        public List<AnalystProfile> profiles() {
            return profiles;
        }

        public Optional<AnalystProfile> profile(String username) {
            return profiles.stream().filter(p -> p.username().equals(username)).findFirst();
        }

        /** The analyst a new case goes to (tier by its severity), counted as placed. */
        public Optional<AnalystProfile> placeNew(CaseFile c, Instant now) {
            return place(
                    new Placement(
                            c.tenantId(),
                            Tier.requiredFor(c.severity()),
                            c.rule().tags(),
                            Set.of()),
                    now);
        }

        /**
         * The analyst a case is escalated to: the tier above its assignee's (above the one its
         * severity needs when it has none), never its current assignee.
         */
        public Optional<AnalystProfile> placeNextTier(CaseFile c, Instant now) {
            Tier current = Optional.ofNullable(c.assignee())
                    .flatMap(this::profile)
                    .map(AnalystProfile::tier)
                    .orElse(Tier.requiredFor(c.severity()));
            Set<String> exclude = c.assignee() == null ? Set.of() : Set.of(c.assignee());
            return place(new Placement(c.tenantId(), current.next(), c.rule().tags(), exclude), now);
        }

        private Optional<AnalystProfile> place(Placement placement, Instant now) {
            List<Candidate> candidates = profiles.stream()
                    .map(p -> new Candidate(p, load.getOrDefault(p.username(), 0)))
                    .toList();
            Optional<AnalystProfile> chosen = AssignmentPolicy.pick(placement, candidates, now);
            chosen.ifPresent(p -> load.merge(p.username(), 1, Integer::sum));
            return chosen;
        }

        /** Who is paged for a case of {@code c}'s tenant now. */
        public List<AnalystProfile> pageTargets(CaseFile c, Instant now) {
            return AssignmentPolicy.pageTargets(c.tenantId(), profiles, now);
        }
    }
}
