package io.socaas.cases.sla.escalation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.socaas.cases.analysts.assignment.AnalystPool;
import io.socaas.cases.analysts.domain.AnalystProfile;
import io.socaas.cases.casefile.BackgroundRun;
import io.socaas.cases.casefile.CaseFileConfig;
import io.socaas.cases.casefile.domain.CaseChange;
import io.socaas.cases.casefile.domain.CaseCommand;
import io.socaas.cases.casefile.domain.CaseFile;
import io.socaas.cases.casefile.domain.CaseFileRepository;
import io.socaas.cases.casefile.domain.CaseId;
import io.socaas.cases.casefile.domain.CaseStatus;
import io.socaas.cases.casefile.domain.CaseWorkflow;
import io.socaas.cases.casefile.domain.TenantScope;
import io.socaas.cases.casefile.domain.TimelineEntry;
import io.socaas.cases.casefile.persistence.CaseEntity;
import io.socaas.cases.casefile.persistence.CaseOutbox;
import io.socaas.cases.casefile.persistence.CaseSlaEntity;
import io.socaas.cases.casefile.persistence.PanacheCaseFileRepository;
import io.socaas.cases.casefile.persistence.TimelineEntity;
import io.socaas.cases.notify.Notifications;
import io.socaas.cases.notify.persistence.NotificationEntity.Kind;
import io.socaas.cases.sla.domain.ClockState;
import io.socaas.cases.sla.domain.ClockStatus;
import io.socaas.cases.sla.domain.InvalidSlaPolicyException;
import io.socaas.cases.sla.domain.Pause;
import io.socaas.cases.sla.domain.SlaCase;
import io.socaas.cases.sla.domain.SlaClockKind;
import io.socaas.cases.sla.domain.SlaDeadlines;
import io.socaas.cases.sla.domain.SlaPolicy;
import io.socaas.cases.sla.domain.SlaStatus;
import io.socaas.cases.sla.domain.StepSchedule;
import io.socaas.cases.sla.domain.StepState;
import io.socaas.cases.sla.facts.SlaPolicies;
import io.socaas.events.TenantId;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.scope.ScopedTransactions;
import io.socaas.tenantfacts.TenantFactsReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Runs the SLA escalation ladders durably. Every case has a row in {@code case_sla} saying when it
 * must be looked at next (at once when it opens or changes). Every {@code
 * socaas.cases.sla.check-every} the escalator takes the due rows one by one, each in a transaction
 * of its own ({@code FOR UPDATE SKIP LOCKED}: replicas share them, never one row twice at once; a
 * case whose check fails is retried later without holding back the others), evaluates the case against its tenant's plan
 * from the tenant facts ({@link SlaDeadlines}, pauses while waiting on the customer), carries out
 * each ladder step that is due and records each breach, and sets when to look next. A step or a
 * breach is carried out once: its key goes into {@code case_sla_actions} (primary key) in the same
 * transaction as its timeline entry and its {@code soc.cases.v1} outbox record, so neither a second
 * replica nor a restart repeats it.
 */
@ApplicationScoped
public class SlaEscalator {

    private static final Logger LOG = Logger.getLogger(SlaEscalator.class);
    /** Actor of the changes the SLA makes. */
    public static final String ACTOR = "sla";

    static final int BATCH = 50;
    /** A case whose check failed is looked at again after this. */
    static final Duration RETRY_FAILED = Duration.ofSeconds(10);
    /** A case of a tenant without a usable SLA policy in the facts is looked at again after this. */
    static final Duration RETRY_WITHOUT_POLICY = Duration.ofMinutes(5);

    private final TenantFactsReader<TenantConfig> facts;
    private final CaseFileRepository cases;
    private final AnalystPool pool;
    private final Notifications notifications;
    private final Duration pageAckWait;
    private final Clock clock;
    private final ScopedTransactions scoped;
    private final DueRows<CaseSlaEntity> due;

    @Inject
    SlaEscalator(
            TenantFactsReader<TenantConfig> facts,
            CaseFileRepository cases,
            AnalystPool pool,
            Notifications notifications,
            CaseFileConfig config,
            ScopedTransactions scoped) {
        this(facts, cases, pool, notifications, config.sla().pageAckWait(), Clock.systemUTC(), scoped);
    }

    /**
     * An escalator on a clock of its own. Each instance is what one replica runs: it keeps no state
     * between runs, everything it knows is in PostgreSQL.
     */
    public SlaEscalator(
            TenantFactsReader<TenantConfig> facts,
            CaseFileRepository cases,
            AnalystPool pool,
            Notifications notifications,
            Duration pageAckWait,
            Clock clock,
            ScopedTransactions scoped) {
        this.scoped = scoped;
        this.due = new DueRows<>(
                scoped,
                io.socaas.scope.TenantScope.system("SLA escalation scheduler"),
                "select * from case_sla where next_check_at <= ?1 order by next_check_at limit 1 for update skip locked",
                CaseSlaEntity.class,
                BATCH);
        this.facts = facts;
        this.cases = cases;
        this.pool = pool;
        this.notifications = notifications;
        this.pageAckWait = pageAckWait;
        this.clock = clock;
    }

    @Scheduled(
            identity = "sla-escalator",
            every = "${socaas.cases.sla.check-every}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return BackgroundRun.retriedNextRun(runDue(), LOG, "SLA escalation run");
    }

    /**
     * Looks at up to {@value #BATCH} cases whose SLA is due now, each in a transaction of its own;
     * answers how many. A case whose check fails is looked at again after {@link #RETRY_FAILED} and
     * does not hold back the others.
     */
    public Uni<Integer> runDue() {
        return due.run(clock.instant(), this::check, this::postponeFailed);
    }

    private Uni<Void> postponeFailed(CaseSlaEntity row, Throwable failure, Instant now) {
        LOG.errorf(
                failure,
                "SLA check of case %s of tenant %s failed; it is looked at again in %s",
                row.caseId,
                row.tenantId,
                RETRY_FAILED);
        return scoped.transaction(
                io.socaas.scope.TenantScope.of(row.tenantId),
                () -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(
                                        "update case_sla set next_check_at = ?1, updated_at = ?2 where case_id = ?3")
                                .setParameter(1, now.plus(RETRY_FAILED))
                                .setParameter(2, now)
                                .setParameter(3, row.caseId)
                                .executeUpdate())
                        .replaceWithVoid());
    }

    private Uni<Void> check(CaseSlaEntity row, Instant now) {
        return CaseEntity.<CaseEntity>findById(row.caseId).chain(caseRow -> {
            CaseStatus status = caseRow == null ? CaseStatus.CLOSED : CaseStatus.valueOf(caseRow.status);
            if (status == CaseStatus.CLOSED || status == CaseStatus.MERGED) {
                done(row, now, null, null, null);
                return Uni.createFrom().voidItem();
            }
            Optional<SlaPolicy> policy = policyOf(row.tenantId);
            if (policy.isEmpty()) {
                // the tenant facts are still being read (a restart), or the tenant is unknown or
                // its plan unusable for now: the ladder waits instead of being dropped
                row.nextCheckAt = now.plus(facts.isCaughtUp() ? RETRY_WITHOUT_POLICY : RETRY_FAILED);
                row.updatedAt = now;
                return Uni.createFrom().voidItem();
            }
            return pauses(row).chain(pauses -> {
                SlaCase sla = new SlaCase(
                        io.socaas.cases.casefile.domain.Severity.valueOf(caseRow.severity),
                        caseRow.createdAt,
                        pauses,
                        caseRow.acknowledgedAt,
                        caseRow.resolvedAt);
                SlaStatus evaluated = SlaDeadlines.evaluateAt(policy.get(), sla, now);
                List<Due> due = new ArrayList<>();
                for (StepSchedule step : evaluated.ladder()) {
                    if (step.state() == StepState.DUE) {
                        due.add(Due.step(step));
                    }
                }
                for (SlaClockKind kind : SlaClockKind.values()) {
                    if (evaluated.clock(kind).breached()) {
                        due.add(Due.breach(evaluated.clock(kind)));
                    }
                }
                return inOrder(due, action -> carryOut(row, action, now))
                        .invoke(() -> done(
                                row,
                                now,
                                evaluated
                                        .clock(SlaClockKind.ACKNOWLEDGE)
                                        .deadline()
                                        .orElse(null),
                                evaluated.clock(SlaClockKind.RESOLVE).deadline().orElse(null),
                                next(evaluated, now)));
            });
        });
    }

    /** A ladder step or a breach to carry out once. */
    record Due(String key, String action, String detail, CaseChange.Kind kind, String reason, SlaClockKind clock) {

        static Due step(StepSchedule step) {
            String clockName = clockName(step.step().clock());
            return new Due(
                    "step:" + clockName + ":" + step.step().atPercent() + ":"
                            + step.step().action(),
                    "escalated",
                    step.step().action() + " at " + step.step().atPercent() + " % of the " + clockName + " budget ("
                            + step.threshold() + ")",
                    CaseChange.Kind.ESCALATED,
                    step.step().action(),
                    step.step().clock());
        }

        static Due breach(ClockStatus clock) {
            String clockName = clockName(clock.kind());
            return new Due(
                    "breach:" + clockName,
                    "breached",
                    "the " + clockName + " budget of " + clock.budget() + " is spent"
                            + clock.deadline().map(d -> " (deadline " + d + ")").orElse(""),
                    CaseChange.Kind.BREACHED,
                    clockName,
                    clock.kind());
        }
    }

    private Uni<Void> carryOut(CaseSlaEntity row, Due due, Instant now) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "insert into case_sla_actions (case_id, tenant_id, action_key, done_at)"
                                        + " values (?1, ?2, ?3, ?4) on conflict do nothing")
                        .setParameter(1, row.caseId)
                        .setParameter(2, row.tenantId)
                        .setParameter(3, due.key())
                        .setParameter(4, now)
                        .executeUpdate())
                .chain(inserted -> inserted == 0
                        ? Uni.createFrom().voidItem()
                        : cases.findById(TenantScope.of(TenantId.of(row.tenantId)), new CaseId(row.caseId))
                                .chain(found -> found.map(c -> record(c, due, now))
                                        .orElseGet(() -> Uni.createFrom().voidItem())));
    }

    private Uni<Void> record(CaseFile current, Due due, Instant now) {
        TimelineEntry entry = new TimelineEntry(
                current.id(),
                now,
                ACTOR,
                due.action(),
                "",
                due.reason(),
                due.detail(),
                due.kind() == CaseChange.Kind.BREACHED
                        ? CaseCommand.Visibility.CUSTOMER
                        : CaseCommand.Visibility.INTERNAL);
        CaseChange change = new CaseChange(current, current, entry, Optional.of(due.kind()), due.reason());
        LOG.infof("case %s of tenant %s: %s", current.id(), current.tenantId(), due.detail());
        return PanacheCaseFileRepository.timelineRow(current, entry)
                .persist()
                .chain(() -> CaseOutbox.row(change).persist())
                .chain(() -> due.kind() == CaseChange.Kind.ESCALATED
                        ? carryOutStep(current, due, now)
                        : Uni.createFrom().voidItem());
    }

    /** What a ladder step does besides being recorded, in the same transaction. */
    private Uni<Void> carryOutStep(CaseFile current, Due due, Instant now) {
        String subject = "[" + current.severity().wireName() + "] case " + current.id() + " of " + current.tenantId()
                + ": " + current.title();
        String text = due.detail() + "\n\nCase " + current.id() + " ("
                + current.status().wireName() + ", "
                + current.severity().wireName() + ")\n" + current.summary() + "\nAssignee: "
                + (current.assignee() == null ? "nobody" : current.assignee()) + "\n";
        UUID caseId = current.id().value();
        return switch (due.reason()) {
            case "notify-assignee" ->
                current.assignee() == null
                        ? Uni.createFrom().voidItem()
                        : pool.snapshot()
                                .chain(snapshot -> snapshot.profile(current.assignee())
                                        .map(analyst -> notifications.toAnalyst(
                                                current.tenantId().value(),
                                                caseId,
                                                analyst,
                                                Kind.NOTICE,
                                                "sla.warning",
                                                "SLA warning: " + subject,
                                                text,
                                                now))
                                        .orElseGet(() -> Uni.createFrom().voidItem()));
            case "reassign-next-tier" ->
                overtaken(current, due)
                        .map(why -> note(current, "not reassigned: " + why, now))
                        .orElseGet(() -> pool.snapshot()
                                .chain(snapshot -> snapshot.placeNextTier(current, now)
                                        .map(next -> cases.record(CaseWorkflow.apply(
                                                current,
                                                new CaseCommand.Assign(
                                                        next.username(),
                                                        "escalated to "
                                                                + next.tier().wireName() + ": " + due.detail(),
                                                        false),
                                                ACTOR,
                                                now)))
                                        .orElseGet(() -> note(
                                                current,
                                                "nobody above the current tier is entitled, on shift and free: "
                                                        + "the case stays with "
                                                        + (current.assignee() == null ? "nobody" : current.assignee()),
                                                now))));
            case "page-on-call-lead" ->
                overtaken(current, due)
                        .map(why -> note(current, "nobody paged: " + why, now))
                        .orElseGet(() -> pool.snapshot().chain(snapshot -> {
                            List<AnalystProfile> rota = snapshot.pageTargets(current, now);
                            if (rota.isEmpty()) {
                                return note(
                                        current,
                                        "nobody entitled to the tenant is on call or on shift to be paged",
                                        now);
                            }
                            // the first on the rota; unacknowledged, the page goes on (PagePassOn)
                            AnalystProfile first = rota.getFirst();
                            return notifications
                                    .page(
                                            current.tenantId().value(),
                                            caseId,
                                            first,
                                            Optional.empty(),
                                            "PAGE: " + subject,
                                            text,
                                            now,
                                            now.plus(pageAckWait))
                                    .chain(page -> note(
                                            current,
                                            "paged " + first.username() + " (goes on to the next on the rota unless"
                                                    + " acknowledged within " + pageAckWait + ")",
                                            now));
                        }));
            case "notify-customer-and-record-breach" ->
                facts.get(current.tenantId())
                        .map(tenant -> notifications.toContacts(
                                tenant,
                                caseId,
                                "sla.breach",
                                "Service level missed for your case " + current.id(),
                                "We have not resolved your "
                                        + current.severity().wireName() + " case \""
                                        + current.title() + "\" within the time your plan promises.\n"
                                        + "It is being worked; the service credit appears on your next invoice.\n",
                                now))
                        .orElseGet(() -> Uni.createFrom().voidItem());
            default -> {
                LOG.warnf(
                        "escalation action '%s' of tenant %s's plan is unknown: recorded only",
                        due.reason(), current.tenantId());
                yield Uni.createFrom().voidItem();
            }
        };
    }

    /**
     * Why a step that was due is no longer worth carrying out when the escalator gets to it (late, after
     * a restart or an outage): its clock stopped meanwhile. The step is still recorded, and a breach
     * is recorded all the same; only the reassignment or the page is left out.
     */
    static Optional<String> overtaken(CaseFile current, Due due) {
        if (!current.status().isWorked()) {
            return Optional.of("the case is " + current.status().wireName() + " already");
        }
        if (due.clock() == SlaClockKind.ACKNOWLEDGE && current.status() != CaseStatus.OPEN) {
            return Optional.of("the case was acknowledged already");
        }
        return Optional.empty();
    }

    /** An internal timeline note of the escalator. */
    static Uni<Void> note(CaseFile current, String text, Instant now) {
        return PanacheCaseFileRepository.timelineRow(
                        current,
                        new TimelineEntry(
                                current.id(),
                                now,
                                ACTOR,
                                "escalation-note",
                                "",
                                "",
                                text,
                                CaseCommand.Visibility.INTERNAL))
                .persist()
                .replaceWithVoid();
    }

    private Optional<SlaPolicy> policyOf(String tenant) {
        Optional<TenantConfig> config = facts.get(TenantId.of(tenant));
        if (config.isEmpty()) {
            LOG.warnf("tenant %s is not in the tenant facts: its cases have no SLA until it is", tenant);
            return Optional.empty();
        }
        try {
            return Optional.of(SlaPolicies.from(config.get()));
        } catch (InvalidSlaPolicyException e) {
            LOG.errorf("tenant %s has no usable SLA policy: %s", tenant, e.getMessage());
            return Optional.empty();
        }
    }

    /** The case's waits on the customer, from its timeline: from entering to leaving the state. */
    private static Uni<List<Pause>> pauses(CaseSlaEntity row) {
        String waiting = CaseStatus.WAITING_ON_CUSTOMER.wireName();
        return TimelineEntity.<TimelineEntity>find(
                        "caseId = ?1 and tenantId = ?2 and (afterValue = ?3 or beforeValue = ?3) order by id",
                        row.caseId,
                        row.tenantId,
                        waiting)
                .list()
                .map(entries -> {
                    List<Pause> pauses = new ArrayList<>();
                    Instant start = null;
                    for (TimelineEntity e : entries) {
                        if (waiting.equals(e.afterValue) && start == null) {
                            start = e.at;
                        } else if (waiting.equals(e.beforeValue) && start != null) {
                            pauses.add(Pause.between(start, e.at));
                            start = null;
                        }
                    }
                    if (start != null) {
                        pauses.add(Pause.since(start));
                    }
                    return pauses;
                });
    }

    /** When to look again: the next ladder step or deadline still ahead; null when none is. */
    static Instant next(SlaStatus status, Instant now) {
        Instant next = status.nextStepDueAt().filter(t -> t.isAfter(now)).orElse(null);
        for (SlaClockKind kind : SlaClockKind.values()) {
            ClockStatus clock = status.clock(kind);
            if (clock.breached() || clock.state() == ClockState.STOPPED) {
                continue;
            }
            Optional<Instant> deadline = clock.deadline().filter(t -> t.isAfter(now));
            if (deadline.isPresent() && (next == null || deadline.get().isBefore(next))) {
                next = deadline.get();
            }
        }
        return next;
    }

    private static void done(CaseSlaEntity row, Instant now, Instant acknowledge, Instant resolve, Instant next) {
        row.acknowledgeDeadline = acknowledge;
        row.resolveDeadline = resolve;
        row.nextCheckAt = next;
        row.updatedAt = now;
    }

    private static String clockName(SlaClockKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static <T> Uni<Void> inOrder(List<T> items, Function<T, Uni<Void>> work) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (T item : items) {
            all = all.chain(() -> work.apply(item));
        }
        return all;
    }
}
