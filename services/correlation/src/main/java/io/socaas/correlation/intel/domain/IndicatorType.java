package io.socaas.correlation.intel.domain;

/** What kind of observable an indicator names. */
public enum IndicatorType {
    /** An IPv4 or IPv6 address, or a network in CIDR notation. */
    IP("ip"),
    /** A domain name, which also names its subdomains. */
    DOMAIN("domain"),
    /** A URL. */
    URL("url"),
    /** An MD5, SHA-1, SHA-256 or SHA-512 file hash. */
    FILE_HASH("file_hash");

    private final String wireName;

    IndicatorType(String wireName) {
        this.wireName = wireName;
    }

    /** The name alerts carry ({@code ip}, {@code domain}, {@code url}, {@code file_hash}). */
    public String wireName() {
        return wireName;
    }
}
