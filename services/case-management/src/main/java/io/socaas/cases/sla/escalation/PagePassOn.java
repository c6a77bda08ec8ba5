package io.socaas.cases.sla.escalation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.socaas.cases.analysts.assignment.AnalystPool;
import io.socaas.cases.analysts.domain.AnalystProfile;
import io.socaas.cases.casefile.BackgroundRun;
import io.socaas.cases.casefile.CaseFileConfig;
import io.socaas.cases.casefile.domain.CaseFile;
import io.socaas.cases.casefile.domain.CaseFileRepository;
import io.socaas.cases.casefile.domain.CaseId;
import io.socaas.cases.casefile.domain.TenantScope;
import io.socaas.cases.notify.Notifications;
import io.socaas.cases.notify.persistence.NotificationEntity;
import io.socaas.events.TenantId;
import io.socaas.scope.ScopedTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Passes unacknowledged pages on along the on-call rota. A page ({@link SlaEscalator}'s {@code
 * page-on-call-lead}) that its analyst has not acknowledged by its {@code pass_on_at} ({@code
 * socaas.cases.sla.page-ack-wait} after it was sent) goes to the next analyst on the tenant's page
 * rota who has not been paged for it yet ({@link io.socaas.cases.analysts.domain.AssignmentPolicy#pageTargets}),
 * with its own wait. Each page is passed on once: it is taken with {@code FOR UPDATE SKIP LOCKED},
 * and its {@code pass_on_at} is cleared in the transaction that writes the next page and the case's
 * timeline note, so neither a second replica nor a restart passes it on again. Acknowledging any
 * page of the chain ends it; so does the case being resolved or closed; when everybody on the rota
 * has been paged, the timeline says so and the chain ends.
 */
@ApplicationScoped
public class PagePassOn {

    private static final Logger LOG = Logger.getLogger(PagePassOn.class);
    static final int BATCH = 50;
    /** A page whose passing on failed is tried again after this. */
    static final Duration RETRY_FAILED = Duration.ofSeconds(30);
    /** Pages are passed on across tenants: the system scope, logged. */
    private static final io.socaas.scope.TenantScope PASS_ON =
            io.socaas.scope.TenantScope.system("page rota: passing unacknowledged pages on");

    private final AnalystPool pool;
    private final Notifications notifications;
    private final CaseFileRepository cases;
    private final Duration wait;
    private final Clock clock;
    private final ScopedTransactions scoped;
    private final DueRows<NotificationEntity> due;

    @Inject
    PagePassOn(
            AnalystPool pool,
            Notifications notifications,
            CaseFileRepository cases,
            CaseFileConfig config,
            ScopedTransactions scoped) {
        this(pool, notifications, cases, config.sla().pageAckWait(), Clock.systemUTC(), scoped);
    }

    /** Passing pages on with {@code wait} per analyst, on a clock of its own (one replica's). */
    public PagePassOn(
            AnalystPool pool,
            Notifications notifications,
            CaseFileRepository cases,
            Duration wait,
            Clock clock,
            ScopedTransactions scoped) {
        this.scoped = scoped;
        this.due = new DueRows<>(
                scoped,
                PASS_ON,
                "select * from notifications where pass_on_at <= ?1 order by pass_on_at limit 1 for update skip locked",
                NotificationEntity.class,
                BATCH);
        this.pool = pool;
        this.notifications = notifications;
        this.cases = cases;
        this.wait = wait;
        this.clock = clock;
    }

    @Scheduled(
            identity = "page-pass-on",
            every = "${socaas.cases.sla.page-pass-on-every}",
            delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return BackgroundRun.retriedNextRun(passOnDue(), LOG, "passing unacknowledged pages on");
    }

    /** Passes on up to {@value #BATCH} pages whose wait is over now, each in a transaction of its own; answers how many were looked at. */
    public Uni<Integer> passOnDue() {
        return due.run(clock.instant(), this::passOn, this::postponeFailed);
    }

    private Uni<Void> passOn(NotificationEntity page, Instant now) {
        page.passOnAt = null;
        return NotificationEntity.<NotificationEntity>find(
                        "tenantId = ?1 and pageChain = ?2", page.tenantId, page.pageChain)
                .list()
                .chain(chain -> {
                    if (chain.stream().anyMatch(p -> p.acknowledgedAt != null)) {
                        return Uni.createFrom().voidItem();
                    }
                    Set<String> paged = chain.stream().map(p -> p.analyst).collect(Collectors.toUnmodifiableSet());
                    return cases.findById(TenantScope.of(TenantId.of(page.tenantId)), new CaseId(page.caseId))
                            .chain(found -> found.map(c -> passOn(page, c, paged, now))
                                    .orElseGet(() -> Uni.createFrom().voidItem()));
                });
    }

    private Uni<Void> passOn(NotificationEntity page, CaseFile c, Set<String> paged, Instant now) {
        String unacknowledged = "page to " + page.analyst + " unacknowledged for " + wait;
        if (!c.status().isWorked()) {
            return SlaEscalator.note(
                    c,
                    unacknowledged + ": not passed on, the case is "
                            + c.status().wireName() + " already",
                    now);
        }
        return pool.snapshot().chain(snapshot -> {
            List<AnalystProfile> rota = snapshot.pageTargets(c, now);
            Optional<AnalystProfile> next =
                    rota.stream().filter(a -> !paged.contains(a.username())).findFirst();
            if (next.isEmpty()) {
                LOG.warnf(
                        "case %s of tenant %s: %s, and nobody else on the rota", c.id(), c.tenantId(), unacknowledged);
                return SlaEscalator.note(c, unacknowledged + ": everybody on the rota has been paged", now);
            }
            AnalystProfile to = next.get();
            LOG.infof("case %s of tenant %s: %s, passed on to %s", c.id(), c.tenantId(), unacknowledged, to.username());
            return notifications
                    .page(
                            page.tenantId,
                            page.caseId,
                            to,
                            Optional.of(page),
                            page.subject,
                            page.analyst + " did not acknowledge this page within " + wait
                                    + ": it is passed on to you.\n\n" + page.body,
                            now,
                            now.plus(wait))
                    .chain(() -> SlaEscalator.note(c, unacknowledged + ": passed on to " + to.username(), now));
        });
    }

    private Uni<Void> postponeFailed(NotificationEntity page, Throwable failure, Instant now) {
        LOG.errorf(
                failure,
                "passing on page %s of tenant %s failed; it is tried again in %s",
                page.id,
                page.tenantId,
                RETRY_FAILED);
        return scoped.transaction(
                io.socaas.scope.TenantScope.of(page.tenantId),
                () -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(
                                        "update notifications set pass_on_at = ?1 where id = ?2 and pass_on_at is not null")
                                .setParameter(1, now.plus(RETRY_FAILED))
                                .setParameter(2, page.id)
                                .executeUpdate())
                        .replaceWithVoid());
    }
}
