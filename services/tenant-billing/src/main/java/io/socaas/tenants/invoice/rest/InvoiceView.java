package io.socaas.tenants.invoice.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.socaas.tenants.invoice.domain.Invoice;
import io.socaas.tenants.invoice.domain.InvoiceLine;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An invoice as the REST API shows it. Money in minor units of {@code currency}. */
@Schema(name = "Invoice")
public record InvoiceView(
        @JsonProperty("tenant_id") @Schema(examples = "acme")
        String tenantId,

        @JsonProperty("period") @Schema(examples = "2026-03", description = "Month, in the tenant's time zone")
        String period,

        @JsonProperty("status")
        @Schema(
                enumeration = {"draft", "issued"},
                description = "draft: the month runs (or just ended), figures may change; issued: locked")
        String status,

        @JsonProperty("currency") @Schema(examples = "EUR") String currency,

        @JsonProperty("time_zone") @Schema(examples = "Europe/Berlin")
        String timeZone,

        @JsonProperty("days_active") @Schema(description = "Days of the month the tenant was active")
        int daysActive,

        @JsonProperty("days_in_month") int daysInMonth,

        @JsonProperty("monthly_fee_minor") @Schema(description = "Fee of a whole month")
        long monthlyFeeMinor,

        @JsonProperty("prorated_fee_minor") @Schema(description = "Fee × days active / days in month")
        long proratedFeeMinor,

        @JsonProperty("raw_bytes") long rawBytes,

        @JsonProperty("usage_gb") @Schema(examples = "262.345", description = "Raw bytes / 10^9")
        String usageGb,

        @JsonProperty("included_gb") long includedGb,

        @JsonProperty("overage_gb")
        @Schema(examples = "12.35", description = "GB above the included volume, per started 0.01 GB")
        String overageGb,

        @JsonProperty("overage_per_gb_minor") long overagePerGbMinor,
        @JsonProperty("overage_minor") long overageMinor,

        @JsonProperty("sla_breaches") long slaBreaches,

        @JsonProperty("credit_percent") @Schema(description = "Percent per breach × breaches, capped")
        int creditPercent,

        @JsonProperty("credits_minor") long creditsMinor,

        @JsonProperty("total_minor") @Schema(description = "Prorated fee + overage − credits")
        long totalMinor,

        @JsonProperty("issued_time") @Schema(description = "When it was issued; absent on a draft")
        Instant issuedTime,

        @JsonProperty("lines") List<Line> lines) {

    @Schema(name = "InvoiceLine")
    public record Line(
            @JsonProperty("kind") @Schema(enumeration = {"fee", "overage", "credit"})
            String kind,

            @JsonProperty("description") String description,

            @JsonProperty("quantity")
            @Schema(description = "Share of the month (fee), GB billed (overage), credit percent (credit)")
            String quantity,

            @JsonProperty("unit_price_minor")
            @Schema(description = "Monthly fee (fee), price per GB (overage), prorated fee (credit)")
            long unitPriceMinor,

            @JsonProperty("amount_minor") @Schema(description = "Negative for credits")
            long amountMinor) {

        static Line of(InvoiceLine line) {
            return new Line(
                    line.kind().wireName(),
                    line.description(),
                    line.quantity().toPlainString(),
                    line.unitPriceMinor(),
                    line.amountMinor());
        }
    }

    public static InvoiceView of(Invoice invoice) {
        return new InvoiceView(
                invoice.tenant().value(),
                invoice.period().toString(),
                invoice.status().wireName(),
                invoice.currency(),
                invoice.timeZone().getId(),
                invoice.daysActive(),
                invoice.daysInMonth(),
                invoice.monthlyFeeMinor(),
                invoice.proratedFeeMinor(),
                invoice.rawBytes(),
                invoice.usageGb().stripTrailingZeros().toPlainString(),
                invoice.includedGb(),
                invoice.overageGb().toPlainString(),
                invoice.overagePerGbMinor(),
                invoice.overageMinor(),
                invoice.breaches(),
                invoice.creditPercent(),
                invoice.creditsMinor(),
                invoice.totalMinor(),
                invoice.issuedAt(),
                invoice.lines().stream().map(Line::of).toList());
    }
}
