package io.socaas.cases.casefile.domain;

import java.time.Duration;

/**
 * SLA figures of the cases a tenant opened in a period.
 *
 * @param mtta mean time to acknowledge of the acknowledged cases (zero when none)
 * @param mttr mean time to resolve of the resolved cases (zero when none)
 * @param breached cases with at least one SLA breach
 */
public record SlaStatsFigures(
        long opened, long acknowledged, long resolved, Duration mtta, Duration mttr, long breached) {

    /** Share of the opened cases without a breach, percent; 100 when none were opened. */
    public double compliancePercent() {
        return opened == 0 ? 100.0 : 100.0 * (opened - breached) / opened;
    }
}
