package io.socaas.events;

import java.time.ZoneOffset;
import java.util.Map;

/**
 * Zone abbreviations that logs write after a time ({@code 2026-12-05 10:00:00 CEST}, a device's
 * {@code timezone="BST"}), as the fixed offsets they stand for (a summer-time name is its own
 * offset): the zones of the MSSP's customers, without the abbreviations that name several offsets
 * ({@code IST}, {@code CST} as China's).
 */
public final class ZoneAbbreviations {

    private static final Map<String, ZoneOffset> ZONES = Map.ofEntries(
            Map.entry("UTC", ZoneOffset.UTC),
            Map.entry("GMT", ZoneOffset.UTC),
            Map.entry("WET", ZoneOffset.UTC),
            Map.entry("WEST", ZoneOffset.ofHours(1)),
            Map.entry("BST", ZoneOffset.ofHours(1)),
            Map.entry("CET", ZoneOffset.ofHours(1)),
            Map.entry("CEST", ZoneOffset.ofHours(2)),
            Map.entry("MET", ZoneOffset.ofHours(1)),
            Map.entry("MEST", ZoneOffset.ofHours(2)),
            Map.entry("EET", ZoneOffset.ofHours(2)),
            Map.entry("EEST", ZoneOffset.ofHours(3)),
            Map.entry("MSK", ZoneOffset.ofHours(3)),
            Map.entry("EST", ZoneOffset.ofHours(-5)),
            Map.entry("EDT", ZoneOffset.ofHours(-4)),
            Map.entry("CST", ZoneOffset.ofHours(-6)),
            Map.entry("CDT", ZoneOffset.ofHours(-5)),
            Map.entry("MST", ZoneOffset.ofHours(-7)),
            Map.entry("MDT", ZoneOffset.ofHours(-6)),
            Map.entry("PST", ZoneOffset.ofHours(-8)),
            Map.entry("PDT", ZoneOffset.ofHours(-7)),
            Map.entry("HKT", ZoneOffset.ofHours(8)),
            Map.entry("SGT", ZoneOffset.ofHours(8)),
            Map.entry("JST", ZoneOffset.ofHours(9)),
            Map.entry("KST", ZoneOffset.ofHours(9)),
            Map.entry("AEST", ZoneOffset.ofHours(10)),
            Map.entry("AEDT", ZoneOffset.ofHours(11)),
            Map.entry("NZST", ZoneOffset.ofHours(12)),
            Map.entry("NZDT", ZoneOffset.ofHours(13)));

    private ZoneAbbreviations() {}

    /** The offset an abbreviation stands for (upper case as logs write it), or null when it is none of them. */
    public static ZoneOffset offset(String abbreviation) {
        return abbreviation == null ? null : ZONES.get(abbreviation);
    }
}
