package io.socaas.tenants.syslogsource.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A port or client certificate of the source is held by another source: another tenant's, or another
 * source of the same tenant. Each claim names the holder's resource only when {@code disclosed}
 * (MSSP administrators); otherwise it says "another tenant" and nothing of it.
 */
public class SyslogSourceClaimedException extends RuntimeException {

    /**
     * @param claim what is held, e.g. {@code port 5141}
     * @param holder the holder's resource ({@code /api/v1/tenants/<id>/syslog-sources/<name>} or
     *     {@code tenant-config/tenants/<id>.yaml#syslog_sources/<name>}); null when not disclosed
     */
    public record Claim(String claim, String holder) {}

    private final transient List<Claim> claims;

    public SyslogSourceClaimedException(List<Claim> claims) {
        super(claims.stream()
                .map(c -> c.claim() + " is held by " + (c.holder() == null ? "another tenant" : c.holder()))
                .collect(Collectors.joining("; ")));
        this.claims = List.copyOf(claims);
    }

    public List<Claim> claims() {
        return claims;
    }
}
