package io.socaas.correlation.intel.domain;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one normalization of indicator values and of the event values they are compared with, so
 * that a match is an exact lookup: domains in lower-case ASCII without trailing dot or leading
 * {@code *.}, URLs with lower-case scheme and host, default port and fragment removed (a URL without
 * scheme is taken as {@code http://}), hashes in lower-case hex of a known length, IP addresses and
 * networks in canonical form.
 */
public final class IndicatorValues {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");
    static final int MAX_URL = 4096;

    private IndicatorValues() {}

    /**
     * @throws InvalidIndicatorException when {@code raw} is not a value of {@code type}
     */
    public static String normalize(IndicatorType type, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidIndicatorException("empty " + type.wireName() + " value");
        }
        return switch (type) {
            case IP -> IpNetwork.parse(raw).text();
            case DOMAIN -> domain(raw);
            case URL -> url(raw);
            case FILE_HASH -> hash(raw);
        };
    }

    /** A domain or host name, or null when it is none (an IP address is none). */
    public static String domainOrNull(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : domain(raw);
        } catch (InvalidIndicatorException e) {
            return null;
        }
    }

    /** A URL, or null when it is none. */
    public static String urlOrNull(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : url(raw);
        } catch (InvalidIndicatorException e) {
            return null;
        }
    }

    /** The host of a normalized URL. */
    public static String hostOf(String normalizedUrl) {
        int start = normalizedUrl.indexOf("://") + 3;
        int end = start;
        while (end < normalizedUrl.length() && "/?".indexOf(normalizedUrl.charAt(end)) < 0) {
            end++;
        }
        String authority = normalizedUrl.substring(start, end);
        int at = authority.lastIndexOf('@');
        String hostPort = at < 0 ? authority : authority.substring(at + 1);
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            return close < 0 ? hostPort : hostPort.substring(0, close + 1);
        }
        int colon = hostPort.indexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }

    static String domain(String raw) {
        String d = raw.strip();
        if (d.startsWith("*.")) {
            d = d.substring(2);
        }
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        try {
            d = IDN.toASCII(d, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidIndicatorException("'" + raw + "' is not a domain name: " + e.getMessage());
        }
        if (d.length() > 253 || d.indexOf('.') < 0) {
            throw new InvalidIndicatorException("'" + raw + "' is not a domain name (it needs at least two labels)");
        }
        String[] labels = d.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new InvalidIndicatorException("'" + raw + "' is not a domain name");
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            throw new InvalidIndicatorException("'" + raw + "' is an address, not a domain name");
        }
        return d;
    }

    static String url(String raw) {
        String u = raw.strip();
        if (u.length() > MAX_URL || u.chars().anyMatch(c -> c <= ' ')) {
            throw new InvalidIndicatorException("'" + abbreviate(raw) + "' is not a URL");
        }
        int sep = u.indexOf("://");
        String scheme = "http";
        if (sep > 0
                && SCHEME.matcher(u.substring(0, sep).toLowerCase(Locale.ROOT)).matches()) {
            scheme = u.substring(0, sep).toLowerCase(Locale.ROOT);
            u = u.substring(sep + 3);
        }
        int hash = u.indexOf('#');
        if (hash >= 0) {
            u = u.substring(0, hash);
        }
        int end = 0;
        while (end < u.length() && "/?".indexOf(u.charAt(end)) < 0) {
            end++;
        }
        String authority = u.substring(0, end);
        String rest = u.substring(end);
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? "" : authority.substring(0, at + 1);
        String hostPort = authority.substring(at + 1).toLowerCase(Locale.ROOT);
        String host = hostPort;
        String port = "";
        int colon = hostPort.lastIndexOf(':');
        if (colon >= 0 && hostPort.indexOf(']') < colon) {
            host = hostPort.substring(0, colon);
            port = hostPort.substring(colon + 1);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty()) {
            throw new InvalidIndicatorException("'" + abbreviate(raw) + "' is not a URL (no host)");
        }
        if ((scheme.equals("http") && port.equals("80")) || (scheme.equals("https") && port.equals("443"))) {
            port = "";
        }
        if (rest.isEmpty() || rest.startsWith("?")) {
            rest = "/" + rest;
        }
        return scheme + "://" + userInfo + host + (port.isEmpty() ? "" : ":" + port) + rest;
    }

    static String hash(String raw) {
        String h = raw.strip().toLowerCase(Locale.ROOT);
        if (!HEX.matcher(h).matches()
                || (h.length() != 32 && h.length() != 40 && h.length() != 64 && h.length() != 128)) {
            throw new InvalidIndicatorException(
                    "'" + abbreviate(raw) + "' is not an MD5, SHA-1, SHA-256 or SHA-512 hash in hex");
        }
        return h;
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 79) + "…" : s;
    }
}
