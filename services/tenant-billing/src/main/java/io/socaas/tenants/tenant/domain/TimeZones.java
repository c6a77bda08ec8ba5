package io.socaas.tenants.tenant.domain;

import java.time.ZoneId;
import java.util.Set;

/** The time zones a tenant or a source may be given: IANA region ids ({@code Europe/Berlin}, {@code UTC}). Pure. */
public final class TimeZones {

    /** What to ask for, in error messages. */
    public static final String RULE = "an IANA time zone such as Europe/Berlin";

    private static final Set<String> IANA = ZoneId.getAvailableZoneIds();

    private TimeZones() {}

    /** Whether {@code id} names an IANA zone (exactly, as the tz database spells it). */
    public static boolean isIana(String id) {
        return id != null && IANA.contains(id);
    }
}
