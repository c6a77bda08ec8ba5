package io.socaas.cases.casefile.domain;

import java.util.Optional;

/** What to do with an incoming alert, decided from what the case file already holds. */
public sealed interface IntakeDecision {

    /**
     * Decides an alert's fate. Idempotence first: an alert already recorded (a redelivery) changes
     * nothing. Then dedup: an alert grouped by an unresolved case of its tenant is attached to it.
     * Otherwise the alert opens a new case.
     *
     * @param caseOfAlert the case of the alert's tenant that already holds this alert id, if any
     * @param candidate the newest unresolved case of the alert's tenant with the alert's dedup key
     */
    static IntakeDecision decide(IncomingAlert alert, Optional<CaseFile> caseOfAlert, Optional<CaseFile> candidate) {
        if (caseOfAlert.isPresent()) {
            return new AlreadyRecorded(caseOfAlert.get());
        }
        return candidate
                .filter(existing -> existing.groups(alert))
                .<IntakeDecision>map(AttachTo::new)
                .orElseGet(OpenNew::new);
    }

    /** The alert was handled before; nothing changes. */
    record AlreadyRecorded(CaseFile existing) implements IntakeDecision {}

    /** The alert repeats what an open case is about. */
    record AttachTo(CaseFile existing) implements IntakeDecision {}

    /** The alert opens a case of its own. */
    record OpenNew() implements IntakeDecision {}
}
