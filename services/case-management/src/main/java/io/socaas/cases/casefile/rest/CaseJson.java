package io.socaas.cases.casefile.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.socaas.cases.casefile.domain.CaseFile;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A case as the REST API shows it. */
@Schema(name = "Case")
public record CaseJson(
        @Schema(description = "Case id (UUID)") String id,

        @JsonProperty("tenant_id") @Schema(description = "Tenant that owns the case")
        String tenantId,

        @Schema(description = "Title, from the rule that opened the case")
        String title,

        @Schema(enumeration = {"informational", "low", "medium", "high", "critical"})
        String severity,

        @Schema(
                enumeration = {
                    "open",
                    "acknowledged",
                    "in_progress",
                    "waiting_on_customer",
                    "resolved",
                    "closed",
                    "merged"
                })
        String status,

        @Schema(description = "Rule that opened the case, with its attribution")
        RuleJson rule,

        @Schema(description = "Summary of the first alert") String summary,

        @JsonProperty("alert_count") @Schema(description = "Number of alerts in the case")
        int alertCount,

        @JsonProperty("event_ingest_ids") @Schema(description = "Events behind the case's alerts")
        List<String> eventIngestIds,

        @JsonProperty("created_time") @Schema(description = "When the case was opened, RFC 3339 UTC")
        String createdTime,

        @JsonProperty("updated_time")
        @Schema(description = "Last activity (opened, alert attached, any change), RFC 3339 UTC; lists sort by it")
        String updatedTime,

        @Schema(description = "User name of the analyst working the case; null when nobody")
        String assignee,

        @Schema(
                description = "Verdict of a resolved or closed case",
                enumeration = {"true_positive", "false_positive", "benign"})
        String verdict,

        @Schema(description = "Grows with every change; the ETag is its quoted value, send it as If-Match")
        long version) {

    /** The rule that opened a case; SigmaHQ rules require the author to be shown (DRL 1.1). */
    @Schema(name = "CaseRule")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RuleJson(
            String id,
            String title,
            String author,
            @JsonProperty("reference_url") String referenceUrl,
            String license) {}

    public static CaseJson from(CaseFile caseFile) {
        var rule = caseFile.rule();
        return new CaseJson(
                caseFile.id().toString(),
                caseFile.tenantId().value(),
                caseFile.title(),
                caseFile.severity().wireName(),
                caseFile.status().wireName(),
                new RuleJson(rule.id(), rule.title(), rule.author(), rule.referenceUrl(), rule.license()),
                caseFile.summary(),
                caseFile.alertCount(),
                caseFile.eventIngestIds(),
                DateTimeFormatter.ISO_INSTANT.format(caseFile.createdAt().truncatedTo(ChronoUnit.MILLIS)),
                DateTimeFormatter.ISO_INSTANT.format(caseFile.updatedAt().truncatedTo(ChronoUnit.MILLIS)),
                caseFile.assignee(),
                caseFile.verdict() == null ? null : caseFile.verdict().wireName(),
                caseFile.version());
    }
}
