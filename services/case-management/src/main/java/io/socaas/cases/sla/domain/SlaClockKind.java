package io.socaas.cases.sla.domain;

/** The two SLA clocks of a case: time to acknowledge and time to resolve. */
public enum SlaClockKind {
    /** Runs from the case's opening until it is acknowledged (or resolved, whichever comes first). */
    ACKNOWLEDGE,
    /** Runs from the case's opening until it is resolved. */
    RESOLVE
}
