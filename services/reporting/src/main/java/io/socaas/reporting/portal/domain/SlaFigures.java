package io.socaas.reporting.portal.domain;

import io.socaas.events.TenantId;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * SLA figures of the cases a tenant opened in a period, as case-management measures them.
 *
 * @param casesOpened cases opened in the period
 * @param casesAcknowledged of those, acknowledged by now
 * @param casesResolved of those, resolved by now
 * @param casesBreached of those, with at least one SLA breach
 * @param meanTimeToAcknowledge mean over the acknowledged ones; empty when none was acknowledged
 * @param meanTimeToResolve mean over the resolved ones; empty when none was resolved
 * @param compliancePercent share of opened cases without a breach (100 when none were opened)
 */
public record SlaFigures(
        TenantId tenant,
        SlaPeriod period,
        long casesOpened,
        long casesAcknowledged,
        long casesResolved,
        long casesBreached,
        Optional<Duration> meanTimeToAcknowledge,
        Optional<Duration> meanTimeToResolve,
        double compliancePercent) {

    public SlaFigures {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(meanTimeToAcknowledge, "meanTimeToAcknowledge");
        Objects.requireNonNull(meanTimeToResolve, "meanTimeToResolve");
    }

    /**
     * A duration as people read it: "45 s", "12 min", "3 h 5 min", "2 d 4 h"; "—" when there is
     * none (no case was acknowledged or resolved).
     */
    public static String humanReadable(Optional<Duration> duration) {
        if (duration.isEmpty()) {
            return "—";
        }
        long seconds = Math.max(0, duration.get().toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return minutes % 60 == 0 ? hours + " h" : hours + " h " + minutes % 60 + " min";
        }
        long days = hours / 24;
        return hours % 24 == 0 ? days + " d" : days + " d " + hours % 24 + " h";
    }
}
