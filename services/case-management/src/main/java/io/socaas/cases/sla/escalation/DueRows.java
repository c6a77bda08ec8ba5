package io.socaas.cases.sla.escalation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.socaas.scope.ScopedTransactions;
import io.socaas.scope.TenantScope;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The step loop of the durable schedulers ({@link SlaEscalator}, {@link PagePassOn}): takes the
 * rows that are due one by one, each in a transaction of its own with {@code FOR UPDATE SKIP
 * LOCKED} (replicas share them, never one row twice at once), runs the step on it in that
 * transaction, and stops after {@code batch} rows or when none is due. A row whose step fails is
 * handed to {@code failed} (which postpones it in a transaction of its own) and does not hold back
 * the others.
 *
 * @param <E> the entity of the table
 */
final class DueRows<E> {

    /** What is done with one due row, in the transaction that took it. */
    @FunctionalInterface
    interface Step<E> {
        Uni<Void> run(E row, Instant now);
    }

    /** What is done with a row whose step failed, after that transaction rolled back. */
    @FunctionalInterface
    interface Failed<E> {
        Uni<Void> postpone(E row, Throwable failure, Instant now);
    }

    private final ScopedTransactions scoped;
    private final TenantScope scope;
    private final String dueQuery;
    private final Class<E> type;
    private final int batch;

    /**
     * @param scope the scope the rows are taken in (the system's, across tenants)
     * @param dueQuery native SQL that selects the one next due row with {@code FOR UPDATE SKIP
     *     LOCKED}, parameter 1 = now
     */
    DueRows(ScopedTransactions scoped, TenantScope scope, String dueQuery, Class<E> type, int batch) {
        this.scoped = scoped;
        this.scope = scope;
        this.dueQuery = dueQuery;
        this.type = type;
        this.batch = batch;
    }

    /** Runs {@code step} on up to {@code batch} rows due at {@code now}; answers how many were looked at. */
    Uni<Integer> run(Instant now, Step<E> step, Failed<E> failed) {
        return next(now, 0, step, failed);
    }

    private Uni<Integer> next(Instant now, int done, Step<E> step, Failed<E> failed) {
        if (done >= batch) {
            return Uni.createFrom().item(done);
        }
        AtomicReference<E> picked = new AtomicReference<>();
        return scoped.transaction(
                        scope,
                        () -> Panache.getSession()
                                .chain(session -> session.createNativeQuery(dueQuery, type)
                                        .setParameter(1, now)
                                        .getResultList())
                                .chain(rows -> {
                                    if (rows.isEmpty()) {
                                        return Uni.createFrom().item(false);
                                    }
                                    picked.set(rows.getFirst());
                                    return step.run(rows.getFirst(), now).replaceWith(true);
                                }))
                .onFailure(f -> picked.get() != null)
                .recoverWithUni(f -> failed.postpone(picked.get(), f, now).replaceWith(true))
                .chain(more -> more
                        ? next(now, done + 1, step, failed)
                        : Uni.createFrom().item(done));
    }
}
