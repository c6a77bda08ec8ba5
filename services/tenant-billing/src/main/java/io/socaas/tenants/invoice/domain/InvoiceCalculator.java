package io.socaas.tenants.invoice.domain;

import io.socaas.events.TenantId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The invoice arithmetic, a pure function of stored facts (so computing a month twice gives the
 * same invoice):
 *
 * <ul>
 *   <li>GB = 10^9 raw bytes. Overage = (GB used − included GB) × price per GB, the GB above the
 *       included volume billed per started 0.01 GB (0.001 GB over is billed as 0.01 GB).
 *   <li>Fee prorated by days active over the calendar days of the month in the tenant's time zone
 *       (the days of activation and of offboarding count as active; a DST change does not matter:
 *       days are counted, not hours).
 *   <li>Service credits = percent per breach × breaches × the prorated fee, capped at the maximum
 *       percent of the prorated fee.
 *   <li>Every amount is rounded half-even to the minor unit. Total = prorated fee + overage −
 *       credits.
 * </ul>
 */
public final class InvoiceCalculator {

    /** Bytes in a GB (decimal: 10^9). */
    public static final BigDecimal BYTES_PER_GB = BigDecimal.TEN.pow(9);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private InvoiceCalculator() {}

    /**
     * A draft invoice.
     *
     * @param activatedAt when the tenant first became active; {@code null} when it never was
     * @param offboardedAt when it was offboarded; {@code null} when it was not
     * @param rawBytes raw bytes metered in the period
     * @param breaches SLA breaches recorded in the period
     */
    public static Invoice compute(
            TenantId tenant,
            BillingPeriod period,
            PlanPrice price,
            Instant activatedAt,
            Instant offboardedAt,
            long rawBytes,
            long breaches) {
        if (rawBytes < 0 || breaches < 0) {
            throw new IllegalArgumentException("usage and breaches cannot be negative");
        }
        int daysInMonth = period.days();
        int daysActive = daysActive(period, activatedAt, offboardedAt);
        long proratedFee = roundHalfEven(BigDecimal.valueOf(price.monthlyFeeMinor())
                .multiply(BigDecimal.valueOf(daysActive))
                .divide(BigDecimal.valueOf(daysInMonth), 10, RoundingMode.HALF_EVEN));

        BigDecimal usageGb = new BigDecimal(rawBytes).divide(BYTES_PER_GB);
        BigDecimal over = usageGb.subtract(BigDecimal.valueOf(price.includedGb()));
        BigDecimal overageGb = over.signum() > 0 ? over.setScale(2, RoundingMode.CEILING) : BigDecimal.ZERO.setScale(2);
        long overage = roundHalfEven(overageGb.multiply(BigDecimal.valueOf(price.overagePerGbMinor())));

        long uncappedPercent = Math.multiplyExact((long) price.creditPercentPerBreach(), breaches);
        int creditPercent = (int) Math.min(uncappedPercent, price.maxCreditPercent());
        long credits = roundHalfEven(BigDecimal.valueOf(proratedFee)
                .multiply(BigDecimal.valueOf(creditPercent))
                .divide(HUNDRED));

        long total = proratedFee + overage - credits;

        List<InvoiceLine> lines = new ArrayList<>();
        lines.add(new InvoiceLine(
                InvoiceLine.Kind.FEE,
                "Monthly fee, plan " + price.planName() + ", " + daysActive + " of " + daysInMonth + " days",
                BigDecimal.valueOf(daysActive).divide(BigDecimal.valueOf(daysInMonth), 6, RoundingMode.HALF_EVEN),
                price.monthlyFeeMinor(),
                proratedFee));
        lines.add(new InvoiceLine(
                InvoiceLine.Kind.OVERAGE,
                "Data above the " + price.includedGb() + " GB included (" + usageGb.toPlainString()
                        + " GB used), per started 0.01 GB",
                overageGb,
                price.overagePerGbMinor(),
                overage));
        lines.add(new InvoiceLine(
                InvoiceLine.Kind.CREDIT,
                "Service credit, " + breaches + " SLA breach" + (breaches == 1 ? "" : "es") + " × "
                        + price.creditPercentPerBreach() + " % (at most " + price.maxCreditPercent() + " %)",
                BigDecimal.valueOf(creditPercent),
                proratedFee,
                -credits));

        return new Invoice(
                tenant,
                period.month(),
                period.zone(),
                InvoiceStatus.DRAFT,
                price.currency(),
                daysActive,
                daysInMonth,
                price.monthlyFeeMinor(),
                proratedFee,
                rawBytes,
                usageGb,
                price.includedGb(),
                overageGb,
                price.overagePerGbMinor(),
                overage,
                breaches,
                creditPercent,
                credits,
                total,
                lines,
                null);
    }

    /** Calendar days of the period between activation and offboarding, both days included. */
    static int daysActive(BillingPeriod period, Instant activatedAt, Instant offboardedAt) {
        if (activatedAt == null) {
            return 0;
        }
        LocalDate first = period.month().atDay(1);
        LocalDate last = period.month().atEndOfMonth();
        LocalDate activated = activatedAt.atZone(period.zone()).toLocalDate();
        if (activated.isAfter(first)) {
            first = activated;
        }
        if (offboardedAt != null) {
            LocalDate offboarded = offboardedAt.atZone(period.zone()).toLocalDate();
            if (offboarded.isBefore(last)) {
                last = offboarded;
            }
        }
        return last.isBefore(first) ? 0 : (int) (last.toEpochDay() - first.toEpochDay() + 1);
    }

    private static long roundHalfEven(BigDecimal minor) {
        return minor.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }
}
