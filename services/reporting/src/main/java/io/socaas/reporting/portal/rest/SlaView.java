package io.socaas.reporting.portal.rest;

import io.socaas.reporting.portal.domain.SlaFigures;
import java.time.Duration;
import java.time.format.TextStyle;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tenant's SLA figures of a month, for the page's panel and for {@code /portal/sla.json}. */
@Schema(name = "PortalSla", description = "SLA figures of the cases a tenant opened in a calendar month")
public record SlaView(
        @Schema(description = "Tenant the figures belong to")
        String tenant,

        @Schema(description = "Calendar month, YYYY-MM, in the tenant's time zone", example = "2026-03")
        String month,

        @Schema(description = "The month for display", example = "March 2026")
        String monthDisplay,

        @Schema(description = "The tenant's IANA time zone the month is taken in", example = "Europe/Berlin")
        String timeZone,

        @Schema(description = "Start of the month (inclusive), RFC 3339 UTC")
        String from,

        @Schema(description = "End of the month (exclusive), RFC 3339 UTC")
        String to,

        @Schema(description = "Cases opened in the month") long casesOpened,

        @Schema(description = "Of those, acknowledged by now")
        long casesAcknowledged,

        @Schema(description = "Of those, resolved by now") long casesResolved,

        @Schema(description = "Of those, with at least one SLA breach")
        long casesBreached,

        @Schema(description = "Mean time to acknowledge, seconds; null when no case was acknowledged", nullable = true)
        Long mttaSeconds,

        @Schema(description = "Mean time to acknowledge for display, \"—\" when none", example = "12 min")
        String mtta,

        @Schema(description = "Mean time to resolve, seconds; null when no case was resolved", nullable = true)
        Long mttrSeconds,

        @Schema(description = "Mean time to resolve for display, \"—\" when none", example = "3 h 5 min")
        String mttr,

        @Schema(description = "Share of opened cases without a breach, percent (100 when none were opened)")
        double compliancePercent,

        @Schema(description = "Compliance for display", example = "91.7 %")
        String compliance) {

    static SlaView of(SlaFigures f) {
        return new SlaView(
                f.tenant().value(),
                f.period().month().toString(),
                f.period().month().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                        + f.period().month().getYear(),
                f.period().zone().getId(),
                f.period().from().toString(),
                f.period().to().toString(),
                f.casesOpened(),
                f.casesAcknowledged(),
                f.casesResolved(),
                f.casesBreached(),
                f.meanTimeToAcknowledge().map(Duration::toSeconds).orElse(null),
                SlaFigures.humanReadable(f.meanTimeToAcknowledge()),
                f.meanTimeToResolve().map(Duration::toSeconds).orElse(null),
                SlaFigures.humanReadable(f.meanTimeToResolve()),
                f.compliancePercent(),
                String.format(Locale.ROOT, "%.1f %%", f.compliancePercent()));
    }
}
