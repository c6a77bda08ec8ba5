package io.socaas.tenants.invoice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.events.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-computed invoices. Unless a case says otherwise: plan Standard (fee 1490.00 EUR = 149000
 * minor, 250 GB included, 1.20 EUR = 120 minor per GB above, 5 % credit per breach, at most 30 %),
 * tenant time zone Europe/Berlin, November 2026 (30 days).
 */
class InvoiceCalculatorTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final PlanPrice STANDARD = new PlanPrice("Standard", "EUR", 149_000, 250, 120, 5, 30);
    private static final Instant LONG_AGO = Instant.parse("2025-01-15T10:00:00Z");
    private static final long GB = 1_000_000_000L;

    /** Expected figures of one hand-computed invoice. */
    record Case(
            String name,
            YearMonth month,
            PlanPrice price,
            Instant activatedAt,
            Instant offboardedAt,
            long rawBytes,
            long breaches,
            int daysActive,
            long proratedFee,
            String overageGb,
            long overage,
            int creditPercent,
            long credits,
            long total) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> handComputed() {
        YearMonth november = YearMonth.of(2026, 11);
        return Stream.of(
                // 30/30 days: fee 149000; no data, no breach: total 149000
                new Case(
                        "whole month, zero usage",
                        november,
                        STANDARD,
                        LONG_AGO,
                        null,
                        0,
                        0,
                        30,
                        149_000,
                        "0.00",
                        0,
                        0,
                        0,
                        149_000),
                // active 10..30 November = 21 days: 149000 × 21 / 30 = 104300
                new Case(
                        "activated on the 10th of a 30-day month pays 21/30",
                        november,
                        STANDARD,
                        Instant.parse("2026-11-10T09:00:00Z"),
                        null,
                        0,
                        0,
                        21,
                        104_300,
                        "0.00",
                        0,
                        0,
                        0,
                        104_300),
                // 2026-11-09T23:30Z is 00:30 on the 10th in Berlin (CET, UTC+1): 21 days as above
                new Case(
                        "the activation day is taken in the tenant's time zone",
                        november,
                        STANDARD,
                        Instant.parse("2026-11-09T23:30:00Z"),
                        null,
                        0,
                        0,
                        21,
                        104_300,
                        "0.00",
                        0,
                        0,
                        0,
                        104_300),
                // active 11..30 = 20 days: 149000 × 20 / 30 = 99333.33 -> 99333
                new Case(
                        "proration rounds to the minor unit",
                        november,
                        STANDARD,
                        Instant.parse("2026-11-11T09:00:00Z"),
                        null,
                        0,
                        0,
                        20,
                        99_333,
                        "0.00",
                        0,
                        0,
                        0,
                        99_333),
                // fee 1001, active 16..30 = 15 days: 1001 × 15 / 30 = 500.5 -> half-even 500 (half-up would be 501)
                new Case(
                        "proration rounds half-even",
                        november,
                        price(1_001, 250, 120, 5, 30),
                        Instant.parse("2026-11-16T09:00:00Z"),
                        null,
                        0,
                        0,
                        15,
                        500,
                        "0.00",
                        0,
                        0,
                        0,
                        500),
                // 250.001 GB: 0.001 GB over, billed as the started 0.01 GB: 0.01 × 120 = 1.2 -> 1; 149000 + 1
                new Case(
                        "0.001 GB over is billed as 0.01 GB",
                        november,
                        STANDARD,
                        LONG_AGO,
                        null,
                        250 * GB + 1_000_000,
                        0,
                        30,
                        149_000,
                        "0.01",
                        1,
                        0,
                        0,
                        149_001),
                // 250.01 GB: exactly 0.01 GB over, nothing more started: 0.01 × 120 = 1.2 -> 1
                new Case(
                        "exactly 0.01 GB over stays 0.01 GB",
                        november,
                        STANDARD,
                        LONG_AGO,
                        null,
                        250 * GB + 10_000_000,
                        0,
                        30,
                        149_000,
                        "0.01",
                        1,
                        0,
                        0,
                        149_001),
                // 262.345000001 GB: 12.345000001 over -> 12.35 GB × 120 = 1482; 149000 + 1482 = 150482
                new Case(
                        "overage rounds the GB up to the started 0.01",
                        november,
                        STANDARD,
                        LONG_AGO,
                        null,
                        262_345_000_001L,
                        0,
                        30,
                        149_000,
                        "12.35",
                        1_482,
                        0,
                        0,
                        150_482),
                // 10 minor per GB: 0.05 GB over × 10 = 0.5 -> half-even 0
                new Case(
                        "overage amount rounds half-even down to even",
                        november,
                        price(149_000, 250, 10, 5, 30),
                        LONG_AGO,
                        null,
                        250 * GB + 50_000_000,
                        0,
                        30,
                        149_000,
                        "0.05",
                        0,
                        0,
                        0,
                        149_000),
                // 10 minor per GB: 0.15 GB over × 10 = 1.5 -> half-even 2
                new Case(
                        "overage amount rounds half-even up to even",
                        november,
                        price(149_000, 250, 10, 5, 30),
                        LONG_AGO,
                        null,
                        250 * GB + 150_000_000,
                        0,
                        30,
                        149_000,
                        "0.15",
                        2,
                        0,
                        0,
                        149_002),
                // 249.999999999 GB: under the included 250 GB: no overage
                new Case(
                        "usage under the included volume costs nothing more",
                        november,
                        STANDARD,
                        LONG_AGO,
                        null,
                        250 * GB - 1,
                        0,
                        30,
                        149_000,
                        "0.00",
                        0,
                        0,
                        0,
                        149_000),
                // 3 breaches × 5 % = 15 % of 149000 = 22350; 149000 − 22350 = 126650
                new Case(
                        "credits below the cap",
                        november,
                        STANDARD,
                        LONG_AGO,
                        null,
                        0,
                        3,
                        30,
                        149_000,
                        "0.00",
                        0,
                        15,
                        22_350,
                        126_650),
                // 7 breaches × 5 % = 35 %, capped at 30 %: 149000 × 30 % = 44700; 149000 − 44700 = 104300
                new Case(
                        "credits above the cap are capped",
                        november,
                        STANDARD,
                        LONG_AGO,
                        null,
                        0,
                        7,
                        30,
                        149_000,
                        "0.00",
                        0,
                        30,
                        44_700,
                        104_300),
                // prorated fee 104300 (21/30); 2 breaches = 10 %: 10430; 104300 − 10430 = 93870
                new Case(
                        "credits are a share of the prorated fee",
                        november,
                        STANDARD,
                        Instant.parse("2026-11-10T09:00:00Z"),
                        null,
                        0,
                        2,
                        21,
                        104_300,
                        "0.00",
                        0,
                        10,
                        10_430,
                        93_870),
                // fee 104250, 1 breach = 5 %: 5212.5 -> half-even 5212; 104250 − 5212 = 99038
                new Case(
                        "credits round half-even",
                        november,
                        price(104_250, 250, 120, 5, 30),
                        LONG_AGO,
                        null,
                        0,
                        1,
                        30,
                        104_250,
                        "0.00",
                        0,
                        5,
                        5_212,
                        99_038),
                // fee 104300 (21/30); 300.5 GB: 50.5 over -> 50.50 × 120 = 6060; 8 × 5 % = 40 % capped 30 %:
                // 104300 × 30 % = 31290; 104300 + 6060 − 31290 = 79070
                new Case(
                        "partial month with overage and capped credits",
                        november,
                        STANDARD,
                        Instant.parse("2026-11-10T09:00:00Z"),
                        null,
                        300_500_000_000L,
                        8,
                        21,
                        104_300,
                        "50.50",
                        6_060,
                        30,
                        31_290,
                        79_070),
                // March 2026 in Berlin has 31 days though clocks go forward on the 29th (a day of 23 hours).
                // 2026-03-29T00:30Z is 01:30 CET on the 29th: active 29, 30, 31 = 3 days:
                // 149000 × 3 / 31 = 14419.35 -> 14419 (counting hours, 69.5 of 743, would give 13937)
                new Case(
                        "a month with a DST change prorates by days, not hours",
                        YearMonth.of(2026, 3),
                        STANDARD,
                        Instant.parse("2026-03-29T00:30:00Z"),
                        null,
                        0,
                        0,
                        3,
                        14_419,
                        "0.00",
                        0,
                        0,
                        0,
                        14_419),
                // 2026-03-29T01:30Z is 03:30 CEST, after the change, still the 29th: 3 days, 14419
                new Case(
                        "activation after the DST change on the same day",
                        YearMonth.of(2026, 3),
                        STANDARD,
                        Instant.parse("2026-03-29T01:30:00Z"),
                        null,
                        0,
                        0,
                        3,
                        14_419,
                        "0.00",
                        0,
                        0,
                        0,
                        14_419),
                // whole March 2026: 31/31 days, the full fee 149000
                new Case(
                        "a whole month with a DST change pays the full fee",
                        YearMonth.of(2026, 3),
                        STANDARD,
                        LONG_AGO,
                        null,
                        0,
                        0,
                        31,
                        149_000,
                        "0.00",
                        0,
                        0,
                        0,
                        149_000),
                // offboarded on the 15th (13:00 Berlin): active 1..15 = 15 days: 149000 × 15 / 30 = 74500
                new Case(
                        "offboarded mid-month pays up to the offboarding day",
                        november,
                        STANDARD,
                        LONG_AGO,
                        Instant.parse("2026-11-15T12:00:00Z"),
                        0,
                        0,
                        15,
                        74_500,
                        "0.00",
                        0,
                        0,
                        0,
                        74_500),
                // active 10..15 = 6 days: 149000 × 6 / 30 = 29800; 1 breach = 5 %: 1490; 29800 − 1490 = 28310
                new Case(
                        "activated and offboarded in the same month",
                        november,
                        STANDARD,
                        Instant.parse("2026-11-10T09:00:00Z"),
                        Instant.parse("2026-11-15T12:00:00Z"),
                        0,
                        1,
                        6,
                        29_800,
                        "0.00",
                        0,
                        5,
                        1_490,
                        28_310),
                // activated in December: no day of November is active: fee 0, total 0
                new Case(
                        "a month before activation costs nothing",
                        november,
                        STANDARD,
                        Instant.parse("2026-12-02T09:00:00Z"),
                        null,
                        0,
                        0,
                        0,
                        0,
                        "0.00",
                        0,
                        0,
                        0,
                        0),
                // never activated (still provisioning): 0 days, total 0
                new Case(
                        "a tenant never activated pays nothing",
                        november,
                        STANDARD,
                        null,
                        null,
                        0,
                        0,
                        0,
                        0,
                        "0.00",
                        0,
                        0,
                        0,
                        0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handComputed")
    void computesTheHandComputedInvoice(Case c) {
        Invoice invoice = InvoiceCalculator.compute(
                TenantId.of("acme"),
                new BillingPeriod(c.month(), BERLIN),
                c.price(),
                c.activatedAt(),
                c.offboardedAt(),
                c.rawBytes(),
                c.breaches());

        assertThat(invoice.daysActive()).as("days active").isEqualTo(c.daysActive());
        assertThat(invoice.daysInMonth())
                .as("days in month")
                .isEqualTo(c.month().lengthOfMonth());
        assertThat(invoice.proratedFeeMinor()).as("prorated fee").isEqualTo(c.proratedFee());
        assertThat(invoice.overageGb()).as("GB billed over").isEqualTo(new BigDecimal(c.overageGb()));
        assertThat(invoice.overageMinor()).as("overage").isEqualTo(c.overage());
        assertThat(invoice.creditPercent()).as("credit percent").isEqualTo(c.creditPercent());
        assertThat(invoice.creditsMinor()).as("credits").isEqualTo(c.credits());
        assertThat(invoice.totalMinor()).as("total").isEqualTo(c.total());
        assertThat(invoice.lines())
                .extracting(InvoiceLine::amountMinor)
                .as("lines: fee, overage, credit")
                .containsExactly(c.proratedFee(), c.overage(), -c.credits());
        assertThat(invoice.lines().stream().mapToLong(InvoiceLine::amountMinor).sum())
                .as("the lines add up to the total")
                .isEqualTo(c.total());
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.DRAFT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handComputed")
    void computingTwiceGivesTheSameInvoice(Case c) {
        BillingPeriod period = new BillingPeriod(c.month(), BERLIN);
        assertThat(InvoiceCalculator.compute(
                        TenantId.of("acme"),
                        period,
                        c.price(),
                        c.activatedAt(),
                        c.offboardedAt(),
                        c.rawBytes(),
                        c.breaches()))
                .isEqualTo(InvoiceCalculator.compute(
                        TenantId.of("acme"),
                        period,
                        c.price(),
                        c.activatedAt(),
                        c.offboardedAt(),
                        c.rawBytes(),
                        c.breaches()));
    }

    private static PlanPrice price(long fee, long includedGb, long perGb, int creditPercent, int maxCredit) {
        return new PlanPrice("Test", "EUR", fee, includedGb, perGb, creditPercent, maxCredit);
    }
}
