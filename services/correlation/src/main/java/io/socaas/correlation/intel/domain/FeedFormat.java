package io.socaas.correlation.intel.domain;

import java.util.Locale;

/** The document formats indicators are read from. */
public enum FeedFormat {
    /** A STIX 2.1 bundle of indicator objects with STIX patterns. */
    STIX,
    /** CSV with a header naming at least {@code type} and {@code value}. */
    CSV,
    /** The MISP feed format: {@code manifest.json} and one {@code <uuid>.json} per event. */
    MISP,
    /**
     * A TAXII 2.1 collection: a feed polls its objects endpoint; an uploaded document is one TAXII
     * envelope ({@code {"objects": [...]}}).
     */
    TAXII;

    /** {@code stix}, {@code csv}, {@code misp} or {@code taxii}, any case. */
    public static FeedFormat parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidIndicatorException("unknown format '" + name + "' (stix, csv, misp or taxii)");
        }
    }

    /** The lower-case name. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
