package io.socaas.cases.casefile.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A case in the analysts' queue with the SLA deadline it runs against now: the acknowledge
 * deadline until it is acknowledged, then the resolve deadline; {@code null} while unknown (a
 * wait on the customer, a tenant without a plan, a case the SLA escalator has not looked at yet).
 *
 * @param clock {@code acknowledge} or {@code resolve}
 */
public record QueueEntry(CaseFile caseFile, String clock, Instant deadline) {

    public QueueEntry {
        Objects.requireNonNull(caseFile, "caseFile");
        Objects.requireNonNull(clock, "clock");
    }
}
