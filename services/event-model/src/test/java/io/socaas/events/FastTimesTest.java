package io.socaas.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The hand-written time readers against the formatters they stand in for, over generated times. */
class FastTimesTest {

    private static final int EXAMPLES = 900;

    @Test
    void rfc3339TimesReadWithoutAFormatterAreTheFormattersInstants() {
        qt().withExamples(EXAMPLES)
                .forAll(
                        integers().between(0, 9999),
                        // month 0..13 and day 0..32 (some out of range), one generator
                        integers().between(0, 14 * 33 - 1),
                        integers().between(0, 86_400),
                        // 0..9 fraction digits and an offset of -18:00..+18:00 in minutes, one generator
                        integers().between(0, 10 * 2161 - 1))
                .checkAssert((year, monthDay, secondOfDay, fractionOffset) -> {
                    int month = monthDay / 33;
                    int day = monthDay % 33;
                    int fractionDigits = fractionOffset / 2161;
                    int offsetMinutes = fractionOffset % 2161 - 18 * 60;
                    String fraction = fractionDigits == 0
                            ? ""
                            : "."
                                    + String.valueOf(Math.abs((long) year * 7919 + secondOfDay) * 1_000_003L)
                                            .substring(0, fractionDigits);
                    String offset = offsetMinutes == 0 && secondOfDay % 2 == 0
                            ? "Z"
                            : String.format(
                                    "%s%02d:%02d",
                                    offsetMinutes < 0 ? "-" : "+",
                                    Math.abs(offsetMinutes) / 60,
                                    Math.abs(offsetMinutes) % 60);
                    String text = String.format(
                            "%04d-%02d-%02dT%02d:%02d:%02d%s%s",
                            year,
                            month,
                            day,
                            secondOfDay / 3600,
                            secondOfDay / 60 % 60,
                            secondOfDay % 60,
                            fraction,
                            offset);
                    Instant formatter;
                    try {
                        formatter = java.time.OffsetDateTime.parse(text).toInstant();
                    } catch (java.time.DateTimeException e) {
                        formatter = null; // a month 13, a 30 February, an hour 24: the formatter refuses it
                    }
                    Instant fast = FastTimes.rfc3339(text);
                    if (formatter == null) {
                        assertThat(fast).as(text).isNull();
                    } else if (fast != null) {
                        assertThat(fast).as(text).isEqualTo(formatter);
                    }
                });
        // the forms senders write are read on the fast path
        assertThat(FastTimes.rfc3339("2026-02-28T09:15:02.123456Z"))
                .isEqualTo(Instant.parse("2026-02-28T09:15:02.123456Z"));
        assertThat(FastTimes.rfc3339("2026-02-28T09:15:02+01:00")).isEqualTo(Instant.parse("2026-02-28T08:15:02Z"));
        assertThat(FastTimes.rfc3339("2024-02-29T23:59:59.5-05:30")).isEqualTo(Instant.parse("2024-03-01T05:29:59.5Z"));
        // others are left to the formatter
        assertThat(FastTimes.rfc3339("2026-02-28t09:15:02z")).isNull();
        assertThat(FastTimes.rfc3339("2026-02-30T09:15:02Z")).isNull();
        assertThat(FastTimes.rfc3339("2026-02-28T09:15:02.Z")).isNull();
    }

    @Test
    void digitsAreReadOnlyWhenEveryCharacterIsOne() {
        assertThat(FastTimes.digits("x2026y", 1, 4)).isEqualTo(2026);
        assertThat(FastTimes.digits("20a6", 0, 4)).isEqualTo(-1);
        assertThat(FastTimes.digits("0009", 0, 4)).isEqualTo(9);
    }
}
