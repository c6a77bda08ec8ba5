package io.socaas.ratelimit;

import java.time.ZoneId;
import java.util.Objects;

/**
 * A quota of units (events, say) per key: a sustained rate of {@code perSecond} with a token
 * bucket of {@code burst} (the most that may come at once), and a budget of {@code perDay} per
 * calendar day in {@code zone}. A part that is 0 does not limit; a burst of 0 with a rate means a
 * bucket of one second's worth.
 */
public record Quota(long perSecond, long burst, long perDay, ZoneId zone) {

    /** No limit at all. */
    public static final Quota UNLIMITED = new Quota(0, 0, 0, ZoneId.of("UTC"));

    public Quota {
        if (perSecond < 0 || burst < 0 || perDay < 0) {
            throw new IllegalArgumentException(
                    "quota values must not be negative: " + perSecond + "/s, burst " + burst + ", " + perDay + "/day");
        }
        Objects.requireNonNull(zone, "zone");
        if (perSecond > 0 && burst == 0) {
            burst = perSecond;
        }
        if (perSecond == 0) {
            burst = 0;
        }
    }

    /** Whether the rate part limits. */
    public boolean limitsRate() {
        return perSecond > 0;
    }

    /** Whether the daily part limits. */
    public boolean limitsDay() {
        return perDay > 0;
    }

    /** Whether nothing limits. */
    public boolean isUnlimited() {
        return !limitsRate() && !limitsDay();
    }

    /** For messages: {@code 100/s (burst 1000), 100000/day (Europe/Berlin)}. */
    public String describe() {
        if (isUnlimited()) {
            return "unlimited";
        }
        StringBuilder text = new StringBuilder();
        if (limitsRate()) {
            text.append(perSecond).append("/s (burst ").append(burst).append(')');
        }
        if (limitsDay()) {
            text.append(text.isEmpty() ? "" : ", ")
                    .append(perDay)
                    .append("/day (")
                    .append(zone)
                    .append(')');
        }
        return text.toString();
    }
}
