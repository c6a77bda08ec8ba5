package io.socaas.cases.sla.domain;

import java.util.List;

/**
 * A tenant's plan cannot be turned into an SLA policy: a budget is missing or not positive, the
 * coverage calendar or time zone is malformed, an escalation step is incomplete. Lists every
 * problem found, not only the first.
 */
public class InvalidSlaPolicyException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidSlaPolicyException(String subject, List<String> problems) {
        super(subject + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidSlaPolicyException(String problem) {
        this("invalid SLA policy", List.of(problem));
    }

    /** Each problem, in the order found. */
    public List<String> problems() {
        return problems;
    }
}
