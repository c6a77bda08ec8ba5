package io.socaas.reporting.portal.rest;

import io.socaas.reporting.portal.domain.CaseSummary;
import io.socaas.reporting.portal.domain.Severity;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One row of the portal's case list, for the page and for {@code /portal/cases.json}. */
@Schema(name = "PortalCase", description = "A case of the tenant that is not closed")
public record CaseView(
        @Schema(description = "Case id") String caseId,
        @Schema(description = "Tenant that owns the case") String tenant,

        @Schema(description = "When the case was opened, RFC 3339 UTC")
        String createdTime,

        @Schema(description = "Opening time for display, UTC")
        String createdTimeDisplay,

        @Schema(description = "informational, low, medium, high, critical", example = "high")
        String severity,

        @Schema(description = "Case title") String title,
        @Schema(description = "Summary of the first alert") String summary,
        @Schema(description = "Alerts attached to the case") int alertCount,

        @Schema(description = "open, acknowledged, in_progress, waiting_on_customer or resolved")
        String status,

        @Schema(description = "Id of the detection rule") String ruleId,

        @Schema(description = "Author of the detection rule (DRL 1.1 attribution)")
        String ruleAuthor,

        @Schema(description = "Link to the detection rule, for this tenant")
        String ruleUrl) {

    private static final DateTimeFormatter DISPLAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    static CaseView of(CaseSummary c) {
        // the tenant in the link lets MSSP staff, who see any tenant, open the rule the tenant runs
        String ruleUrl = c.ruleId().isEmpty()
                ? ""
                : "/portal/rules/" + URLEncoder.encode(c.ruleId(), StandardCharsets.UTF_8) + "?tenant="
                        + URLEncoder.encode(c.tenant().value(), StandardCharsets.UTF_8);
        return new CaseView(
                c.caseId(),
                c.tenant().value(),
                c.createdTimeText(),
                c.createdTime().map(DISPLAY::format).orElse(c.createdTimeText()),
                c.severity() == Severity.UNKNOWN ? "unknown" : c.severity().label(),
                c.title(),
                c.summary(),
                c.alertCount(),
                c.status().label(),
                c.ruleId(),
                c.ruleAuthor().isBlank() ? "unknown author" : c.ruleAuthor(),
                ruleUrl);
    }
}
