package io.socaas.cases.analysts.assignment;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.socaas.cases.casefile.BackgroundRun;
import io.socaas.cases.casefile.domain.CaseChange;
import io.socaas.cases.casefile.domain.CaseCommand;
import io.socaas.cases.casefile.domain.CaseConflictException;
import io.socaas.cases.casefile.domain.CaseFile;
import io.socaas.cases.casefile.domain.CaseFileService;
import io.socaas.cases.casefile.domain.StaleCaseException;
import io.socaas.cases.casefile.domain.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jboss.logging.Logger;

/**
 * Gives each new case to the least-loaded eligible analyst on shift ({@link
 * io.socaas.cases.analysts.domain.AssignmentPolicy}). Every {@code socaas.cases.assignment.every}
 * it goes through the open cases without an assignee, oldest first, page by page (a case nobody can
 * take now does not hold back the newer ones behind it), and assigns them as the command
 * {@code assign} with the version it read and "only if unassigned": a case an analyst claimed
 * meanwhile, or that another replica assigned first, is left alone. A case nobody eligible can take
 * now (nobody on shift, everyone full) waits for the next run and stays in the queue, where its SLA
 * clock keeps running and the escalation ladder acts.
 */
@ApplicationScoped
public class AutoAssigner {

    private static final Logger LOG = Logger.getLogger(AutoAssigner.class);
    /** Actor of the assignments it makes. */
    public static final String ACTOR = "auto-assignment";

    static final int BATCH = 50;
    /** Pages read per run at most: the next run goes on where this one stopped. */
    static final int MAX_PAGES = 20;

    private final CaseFileService cases;
    private final AnalystPool pool;
    private final Clock clock = Clock.systemUTC();
    /** Where the next run starts when the last one stopped at {@link #MAX_PAGES}; else the oldest. */
    private volatile Optional<CaseFile> resumeAfter = Optional.empty();

    AutoAssigner(CaseFileService cases, AnalystPool pool) {
        this.cases = cases;
        this.pool = pool;
    }

    @Scheduled(
            identity = "auto-assigner",
            every = "${socaas.cases.assignment.every}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return BackgroundRun.retriedNextRun(assignWaiting(), LOG, "auto-assignment run");
    }

    /** Assigns what can be assigned now; answers how many cases got an assignee. */
    public Uni<Integer> assignWaiting() {
        Optional<CaseFile> start = resumeAfter;
        resumeAfter = Optional.empty();
        return cases.waitingForAssignee(start, BATCH)
                .chain(first -> first.isEmpty()
                        ? Uni.createFrom().item(0)
                        : pool.snapshot().chain(snapshot -> assignFrom(first, snapshot, 0, 1)));
    }

    /** Assigns the cases of {@code page}, then goes on with the next page, up to {@link #MAX_PAGES}. */
    private Uni<Integer> assignFrom(List<CaseFile> page, AnalystPool.Snapshot snapshot, int assigned, int pages) {
        return assignAll(page, snapshot).chain(count -> {
            int total = assigned + count;
            if (page.size() < BATCH) {
                return Uni.createFrom().item(total);
            }
            if (pages >= MAX_PAGES) {
                resumeAfter = Optional.of(page.getLast());
                return Uni.createFrom().item(total);
            }
            return cases.waitingForAssignee(Optional.of(page.getLast()), BATCH)
                    .chain(next -> next.isEmpty()
                            ? Uni.createFrom().item(total)
                            : assignFrom(next, snapshot, total, pages + 1));
        });
    }

    private Uni<Integer> assignAll(List<CaseFile> waiting, AnalystPool.Snapshot snapshot) {
        Uni<Integer> done = Uni.createFrom().item(0);
        for (CaseFile c : waiting) {
            done = done.chain(count -> snapshot.placeNew(c, clock.instant())
                    .map(analyst -> cases.execute(
                                    TenantScope.allTenants(),
                                    c.id().toString(),
                                    OptionalLong.of(c.version()),
                                    new CaseCommand.Assign(
                                            analyst.username(),
                                            "least-loaded eligible "
                                                    + analyst.tier().wireName() + " analyst on shift",
                                            true),
                                    ACTOR)
                            .map(CaseChange::after)
                            .invoke(assigned -> LOG.infof(
                                    "case %s of tenant %s assigned to %s",
                                    assigned.id(), assigned.tenantId(), analyst.username()))
                            .replaceWith(count + 1)
                            .onFailure(f -> f instanceof CaseConflictException || f instanceof StaleCaseException)
                            .recoverWithItem(count))
                    .orElseGet(() -> Uni.createFrom().item(count)));
        }
        return done;
    }
}
