package io.socaas.tenants.invoice.domain;

import java.util.Objects;

/**
 * What a plan costs, money in minor units of {@code currency} (cents for EUR).
 *
 * @param planName the plan's name, shown on the fee line
 * @param monthlyFeeMinor fee of a whole month
 * @param includedGb raw data included per month, GB (10^9 bytes)
 * @param overagePerGbMinor price per GB above the included volume (billed per started 0.01 GB)
 * @param creditPercentPerBreach service credit per SLA breach, percent of the prorated fee
 * @param maxCreditPercent cap of a month's credits, percent of the prorated fee
 */
public record PlanPrice(
        String planName,
        String currency,
        long monthlyFeeMinor,
        long includedGb,
        long overagePerGbMinor,
        int creditPercentPerBreach,
        int maxCreditPercent) {

    public PlanPrice {
        Objects.requireNonNull(planName, "planName");
        Objects.requireNonNull(currency, "currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("not an ISO 4217 currency code: " + currency);
        }
        if (monthlyFeeMinor < 0
                || includedGb < 0
                || overagePerGbMinor < 0
                || creditPercentPerBreach < 0
                || maxCreditPercent < 0
                || maxCreditPercent > 100) {
            throw new IllegalArgumentException("a price holds no negative amounts and caps credits at 100 %");
        }
    }
}
