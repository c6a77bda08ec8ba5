package io.socaas.cases.casefile.domain;

import java.util.Objects;

/** What an analyst (or the customer, through the portal) asks of a case. */
public sealed interface CaseCommand {

    /** Name used in the timeline and in routes ({@code claim}, {@code resolve}, ...). */
    String name();

    /** Take the case: assignee = the actor; an open case is acknowledged by it. */
    record Claim() implements CaseCommand {
        public String name() {
            return "claim";
        }
    }

    /**
     * Give the case to an analyst (a SOC manager's decision, auto-assignment or an escalation). The
     * state does not change: an open case stays open until its assignee acknowledges it.
     *
     * @param assignee the analyst's user name
     * @param reason why, for the timeline
     * @param onlyIfUnassigned refuse (409) when the case has an assignee by now: auto-assignment
     *     never takes a case from someone who claimed it meanwhile
     */
    record Assign(String assignee, String reason, boolean onlyIfUnassigned) implements CaseCommand {
        public Assign {
            assignee = Reasons.required(assignee, "assignee");
            reason = reason == null ? "" : reason.strip();
        }

        public String name() {
            return "assign";
        }
    }

    /**
     * Merge this case into another case of the same tenant: this one ends as merged, its alerts
     * move to the other one.
     *
     * @param into the id of the case that takes the alerts
     */
    record Merge(String into, String reason) implements CaseCommand {
        public Merge {
            into = Reasons.required(into, "into");
            reason = reason == null ? "" : reason.strip();
        }

        public String name() {
            return "merge";
        }
    }

    /** Acknowledge an open case (the actor becomes its assignee when it has none). */
    record Acknowledge() implements CaseCommand {
        public String name() {
            return "acknowledge";
        }
    }

    /** Start (or go back to) the investigation. */
    record Start() implements CaseCommand {
        public String name() {
            return "start";
        }
    }

    /** Ask the customer something; the case waits (SLA clocks pause). */
    record WaitOnCustomer(String reason) implements CaseCommand {
        public WaitOnCustomer {
            reason = Reasons.required(reason, "reason");
        }

        public String name() {
            return "wait-on-customer";
        }
    }

    /** The customer answered: the investigation goes on. */
    record CustomerAnswered(String answer) implements CaseCommand {
        public CustomerAnswered {
            answer = Reasons.required(answer, "answer");
        }

        public String name() {
            return "customer-answer";
        }
    }

    /** Resolve with a verdict and a note. */
    record Resolve(Verdict verdict, String note) implements CaseCommand {
        public Resolve {
            if (verdict == null) {
                throw new InvalidCaseCommandException(
                        "verdict", "verdict is required: true_positive, false_positive or benign");
            }
            note = note == null ? "" : note.strip();
        }

        public String name() {
            return "resolve";
        }
    }

    /** Close a resolved case: new alerts about the same thing open a new case. */
    record Close() implements CaseCommand {
        public String name() {
            return "close";
        }
    }

    /** Reopen a resolved or closed case. */
    record Reopen(String reason) implements CaseCommand {
        public Reopen {
            reason = Reasons.required(reason, "reason");
        }

        public String name() {
            return "reopen";
        }
    }

    /** Change the severity, with a reason. */
    record ChangeSeverity(Severity severity, String reason) implements CaseCommand {
        public ChangeSeverity {
            if (severity == null) {
                throw new InvalidCaseCommandException(
                        "severity", "severity is required: informational, low, medium, high or critical");
            }
            reason = Reasons.required(reason, "reason");
        }

        public String name() {
            return "change-severity";
        }
    }

    /** A comment: internal (MSSP staff only) or visible to the customer. */
    record Comment(String text, Visibility visibility) implements CaseCommand {
        public Comment {
            text = Reasons.required(text, "text");
            Objects.requireNonNull(visibility, "visibility");
        }

        public String name() {
            return "comment";
        }
    }

    /** Who may read a timeline entry. */
    enum Visibility {
        /** MSSP staff only. */
        INTERNAL,
        /** MSSP staff and the tenant's users. */
        CUSTOMER;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Checks of free text given with a command. */
    final class Reasons {

        /** Longest free text kept with a command. */
        public static final int MAX_LENGTH = 10_000;

        private Reasons() {}

        static String required(String text, String field) {
            if (text == null || text.isBlank()) {
                throw new InvalidCaseCommandException(field, field + " is required");
            }
            String stripped = text.strip();
            if (stripped.length() > MAX_LENGTH) {
                throw new InvalidCaseCommandException(
                        field, field + " has " + stripped.length() + " characters, at most " + MAX_LENGTH);
            }
            return stripped;
        }
    }
}
