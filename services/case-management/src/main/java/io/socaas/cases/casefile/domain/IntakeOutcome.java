package io.socaas.cases.casefile.domain;

/** Result of taking in one alert. */
public sealed interface IntakeOutcome {

    CaseFile caseFile();

    /** A new case was opened. */
    record Opened(CaseFile caseFile) implements IntakeOutcome {}

    /** The alert was attached to an unresolved case with the same dedup key. */
    record Attached(CaseFile caseFile) implements IntakeOutcome {}

    /** The alert had been taken in before (redelivery); nothing changed. */
    record Duplicate(CaseFile caseFile) implements IntakeOutcome {}
}
