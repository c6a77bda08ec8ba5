package io.socaas.cases.sla.domain;

/** Where an escalation step stands at the moment of evaluation. */
public enum StepState {
    /**
     * Its threshold was reached (at {@code dueAt}, not later than now and before its clock
     * stopped). Whoever runs the ladder runs it unless it already did; whether a step that became
     * due before its clock stopped is still worth running late is that runner's decision.
     */
    DUE,
    /** Its threshold will be reached at {@code dueAt} if nothing stops or pauses the clock first. */
    SCHEDULED,
    /** Its clock is paused with no end known; the due time is known again when the pause ends. */
    PAUSED,
    /** Its clock stopped before the threshold: the step never becomes due. */
    CANCELLED
}
