package io.socaas.cases.casefile;

import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

/**
 * A scheduled run of background work (outbox relay, SLA escalation, assignment, notifications):
 * a failure is logged and swallowed, so that the next run retries instead of the scheduler giving
 * up on the job.
 */
public final class BackgroundRun {

    private BackgroundRun() {}

    /** {@code work} with its failure logged as "{@code what} failed; the next run retries". */
    public static Uni<Void> retriedNextRun(Uni<?> work, Logger log, String what) {
        return work.onFailure()
                .invoke(e -> log.errorf(e, "%s failed; the next run retries", what))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }
}
