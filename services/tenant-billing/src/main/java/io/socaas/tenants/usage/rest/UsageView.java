package io.socaas.tenants.usage.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.socaas.tenants.usage.domain.DailyUsage;
import io.socaas.tenants.usage.domain.UsageReport;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tenant's daily usage as the REST API shows it. */
@Schema(name = "Usage")
public record UsageView(
        @JsonProperty("tenant_id") @Schema(examples = "acme")
        String tenantId,

        @JsonProperty("time_zone")
        @Schema(examples = "Europe/Berlin", description = "The tenant's time zone the days are counted in")
        String timeZone,

        @JsonProperty("days") @Schema(description = "One entry per day of the range, zero days included, in date order")
        List<Day> days) {

    @Schema(name = "DailyUsage")
    public record Day(
            @JsonProperty("date") @Schema(examples = "2026-03-01")
            String date,

            @JsonProperty("events_accepted") @Schema(description = "Events accepted (durably on the event bus)")
            long eventsAccepted,

            @JsonProperty("raw_bytes") @Schema(description = "Raw (decoded) bytes of the accepted events")
            long rawBytes,

            @JsonProperty("events_refused_quota") @Schema(description = "Events refused because of the quota")
            long eventsRefusedQuota) {

        public static Day of(DailyUsage day) {
            return new Day(day.date().toString(), day.eventsAccepted(), day.rawBytes(), day.eventsRefusedQuota());
        }
    }

    static UsageView of(UsageReport report) {
        return new UsageView(
                report.tenant().value(),
                report.timeZone().getId(),
                report.days().stream().map(Day::of).toList());
    }
}
