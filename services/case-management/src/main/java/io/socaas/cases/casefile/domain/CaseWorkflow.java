package io.socaas.cases.casefile.domain;

import io.socaas.cases.casefile.domain.CaseChange.Kind;
import io.socaas.cases.casefile.domain.CaseCommand.Visibility;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The case's state machine, as a pure function: a command on a case gives the case after it, its
 * timeline entry and what is published, or a {@link CaseConflictException} when the command does
 * not fit the case's state.
 *
 * <pre>
 * open ─acknowledge/claim→ acknowledged ─start→ in_progress ⇄ waiting_on_customer
 *   └──────────────────────── resolve (verdict) ───────────────→ resolved ─close→ closed
 * resolved, closed ─reopen→ in_progress (assigned) or open (unassigned)
 * </pre>
 *
 * A case another analyst holds is not claimed, started or acknowledged by someone else. Every
 * change raises the version by one.
 */
public final class CaseWorkflow {

    private static final Set<CaseStatus> WORKED =
            Set.of(CaseStatus.OPEN, CaseStatus.ACKNOWLEDGED, CaseStatus.IN_PROGRESS, CaseStatus.WAITING_ON_CUSTOMER);

    private CaseWorkflow() {}

    public static CaseChange apply(CaseFile c, CaseCommand command, String actor, Instant now) {
        Objects.requireNonNull(c, "case");
        Objects.requireNonNull(actor, "actor");
        return switch (command) {
            case CaseCommand.Claim claim -> {
                require(c, command, WORKED);
                if (actor.equals(c.assignee())) {
                    throw new CaseConflictException("case " + c.id() + " is claimed by " + actor + " already");
                }
                heldByAnother(c, actor);
                CaseStatus status = c.status() == CaseStatus.OPEN ? CaseStatus.ACKNOWLEDGED : c.status();
                yield change(
                        c,
                        c.worked(status, actor, c.verdict(), c.severity(), now),
                        command,
                        actor,
                        now,
                        "",
                        actor,
                        "",
                        Kind.ASSIGNED,
                        Visibility.CUSTOMER);
            }
            case CaseCommand.Assign assign -> {
                require(c, command, WORKED);
                if (assign.onlyIfUnassigned() && c.assignee() != null) {
                    throw new CaseConflictException("case " + c.id() + " is held by " + c.assignee() + " already");
                }
                if (assign.assignee().equals(c.assignee())) {
                    throw new CaseConflictException("case " + c.id() + " is assigned to " + c.assignee() + " already");
                }
                yield change(
                        c,
                        c.worked(c.status(), assign.assignee(), c.verdict(), c.severity(), now),
                        command,
                        actor,
                        now,
                        c.assignee() == null ? "" : c.assignee(),
                        assign.assignee(),
                        assign.reason(),
                        Kind.ASSIGNED,
                        Visibility.CUSTOMER);
            }
            case CaseCommand.Merge merge -> {
                if (!c.status().acceptsAlerts()) {
                    throw notIn(c, command);
                }
                if (merge.into().equals(c.id().toString())) {
                    throw new InvalidCaseCommandException("into", "a case is not merged into itself");
                }
                yield change(
                        c,
                        c.worked(CaseStatus.MERGED, c.assignee(), c.verdict(), c.severity(), now),
                        command,
                        actor,
                        now,
                        c.status().wireName(),
                        merge.into(),
                        merge.reason(),
                        Kind.MERGED,
                        Visibility.CUSTOMER);
            }
            case CaseCommand.Acknowledge ack -> {
                require(c, command, Set.of(CaseStatus.OPEN));
                heldByAnother(c, actor);
                yield status(c, CaseStatus.ACKNOWLEDGED, assigneeOr(c, actor), c.verdict(), command, actor, now, "");
            }
            case CaseCommand.Start start -> {
                require(c, command, Set.of(CaseStatus.OPEN, CaseStatus.ACKNOWLEDGED, CaseStatus.WAITING_ON_CUSTOMER));
                heldByAnother(c, actor);
                yield status(c, CaseStatus.IN_PROGRESS, assigneeOr(c, actor), c.verdict(), command, actor, now, "");
            }
            case CaseCommand.WaitOnCustomer wait -> {
                require(c, command, Set.of(CaseStatus.ACKNOWLEDGED, CaseStatus.IN_PROGRESS));
                yield status(
                        c,
                        CaseStatus.WAITING_ON_CUSTOMER,
                        assigneeOr(c, actor),
                        c.verdict(),
                        command,
                        actor,
                        now,
                        wait.reason());
            }
            case CaseCommand.CustomerAnswered answer -> {
                require(c, command, Set.of(CaseStatus.WAITING_ON_CUSTOMER));
                yield status(
                        c, CaseStatus.IN_PROGRESS, c.assignee(), c.verdict(), command, actor, now, answer.answer());
            }
            case CaseCommand.Resolve resolve -> {
                require(c, command, WORKED);
                String detail = resolve.verdict().wireName() + (resolve.note().isEmpty() ? "" : ": " + resolve.note());
                yield status(
                        c, CaseStatus.RESOLVED, assigneeOr(c, actor), resolve.verdict(), command, actor, now, detail);
            }
            case CaseCommand.Close close -> {
                require(c, command, Set.of(CaseStatus.RESOLVED));
                yield status(c, CaseStatus.CLOSED, c.assignee(), c.verdict(), command, actor, now, "");
            }
            case CaseCommand.Reopen reopen -> {
                require(c, command, Set.of(CaseStatus.RESOLVED, CaseStatus.CLOSED));
                CaseStatus status = c.assignee() == null ? CaseStatus.OPEN : CaseStatus.IN_PROGRESS;
                yield status(c, status, c.assignee(), null, command, actor, now, reopen.reason());
            }
            case CaseCommand.ChangeSeverity severity -> {
                if (!c.status().acceptsAlerts()) {
                    throw notIn(c, command);
                }
                if (severity.severity() == c.severity()) {
                    throw new CaseConflictException(
                            "case " + c.id() + " is " + c.severity().wireName() + " already");
                }
                yield change(
                        c,
                        c.worked(c.status(), c.assignee(), c.verdict(), severity.severity(), now),
                        command,
                        actor,
                        now,
                        c.severity().wireName(),
                        severity.severity().wireName(),
                        severity.reason(),
                        Kind.SEVERITY_CHANGED,
                        Visibility.CUSTOMER);
            }
            case CaseCommand.Comment comment -> {
                if (c.status() == CaseStatus.MERGED) {
                    throw notIn(c, command);
                }
                CaseFile after = c.worked(c.status(), c.assignee(), c.verdict(), c.severity(), now);
                yield new CaseChange(
                        c,
                        after,
                        new TimelineEntry(
                                c.id(), now, actor, command.name(), "", "", comment.text(), comment.visibility()),
                        Optional.empty(),
                        "");
            }
        };
    }

    private static CaseChange status(
            CaseFile c,
            CaseStatus to,
            String assignee,
            Verdict verdict,
            CaseCommand command,
            String actor,
            Instant now,
            String detail) {
        return change(
                c,
                c.worked(to, assignee, verdict, c.severity(), now),
                command,
                actor,
                now,
                c.status().wireName(),
                to.wireName(),
                detail,
                Kind.STATUS_CHANGED,
                Visibility.CUSTOMER);
    }

    private static CaseChange change(
            CaseFile before,
            CaseFile after,
            CaseCommand command,
            String actor,
            Instant now,
            String from,
            String to,
            String detail,
            Kind kind,
            Visibility visibility) {
        return new CaseChange(
                before,
                after,
                new TimelineEntry(before.id(), now, actor, command.name(), from, to, detail, visibility),
                Optional.of(kind),
                detail);
    }

    private static String assigneeOr(CaseFile c, String actor) {
        return c.assignee() == null ? actor : c.assignee();
    }

    private static void heldByAnother(CaseFile c, String actor) {
        if (c.assignee() != null && !c.assignee().equals(actor)) {
            throw new CaseConflictException("case " + c.id() + " is assigned to " + c.assignee());
        }
    }

    private static void require(CaseFile c, CaseCommand command, Set<CaseStatus> allowed) {
        if (!allowed.contains(c.status())) {
            throw notIn(c, command);
        }
    }

    private static CaseConflictException notIn(CaseFile c, CaseCommand command) {
        return new CaseConflictException(
                "a case that is " + c.status().wireName() + " cannot take '" + command.name() + "'");
    }
}
