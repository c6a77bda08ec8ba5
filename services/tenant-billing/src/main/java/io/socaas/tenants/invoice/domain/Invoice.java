package io.socaas.tenants.invoice.domain;

import io.socaas.events.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A tenant's invoice for one month: prorated fee + overage − service credits, money in minor
 * units of {@code currency}.
 *
 * @param daysActive days of the month the tenant was active (activation and offboarding day included)
 * @param usageGb raw data of the month, GB (10^9 bytes), exact
 * @param overageGb GB billed above the included volume, rounded up to the started 0.01 GB
 * @param creditPercent credit percent applied (per breach × breaches, capped)
 * @param issuedAt when the invoice was issued; {@code null} for a draft
 */
public record Invoice(
        TenantId tenant,
        YearMonth period,
        ZoneId timeZone,
        InvoiceStatus status,
        String currency,
        int daysActive,
        int daysInMonth,
        long monthlyFeeMinor,
        long proratedFeeMinor,
        long rawBytes,
        BigDecimal usageGb,
        long includedGb,
        BigDecimal overageGb,
        long overagePerGbMinor,
        long overageMinor,
        long breaches,
        int creditPercent,
        long creditsMinor,
        long totalMinor,
        List<InvoiceLine> lines,
        Instant issuedAt) {

    public Invoice {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(usageGb, "usageGb");
        Objects.requireNonNull(overageGb, "overageGb");
        lines = List.copyOf(lines);
        if ((status == InvoiceStatus.ISSUED) != (issuedAt != null)) {
            throw new IllegalArgumentException("an issued invoice, and only that, has an issue time");
        }
    }

    /** The same invoice, issued: from now on it is stored and never recomputed. */
    public Invoice issue(Instant at) {
        return new Invoice(
                tenant,
                period,
                timeZone,
                InvoiceStatus.ISSUED,
                currency,
                daysActive,
                daysInMonth,
                monthlyFeeMinor,
                proratedFeeMinor,
                rawBytes,
                usageGb,
                includedGb,
                overageGb,
                overagePerGbMinor,
                overageMinor,
                breaches,
                creditPercent,
                creditsMinor,
                totalMinor,
                lines,
                Objects.requireNonNull(at, "at"));
    }
}
