package io.socaas.cases.sla.domain;

/** Whether an SLA clock counts at the moment of evaluation, and if not, why. */
public enum ClockState {
    /** Counting: covered time, no pause, not stopped. */
    RUNNING,
    /** Outside the coverage calendar (evening, weekend, holiday); counts again at the next opening. */
    OUT_OF_HOURS,
    /** In a pause (waiting on the customer); counts again when the pause ends. */
    PAUSED,
    /** Stopped for good: acknowledged (acknowledge clock) or resolved. */
    STOPPED
}
