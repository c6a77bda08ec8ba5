package io.socaas.websecurity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The security headers of the platform's HTTP answers, defined once for every service that serves
 * pages (the customer portal, the analyst console) and, beyond them, for every other answer.
 *
 * <ul>
 *   <li>{@code Content-Security-Policy}: scripts, styles, images, fonts and connections only from the
 *       service's own origin; no inline script, no inline style, no {@code eval}, no plugins, no
 *       {@code <base>}, forms post only to the service itself, and no other site may frame a page.
 *   <li>{@code X-Frame-Options: DENY}: the same framing ban for browsers without CSP level 2.
 *   <li>{@code X-Content-Type-Options: nosniff}: a rule file served as text stays text.
 *   <li>{@code Referrer-Policy: strict-origin-when-cross-origin}: other sites learn at most the
 *       origin, never a path with case or tenant ids. Not {@code no-referrer}: under it browsers send
 *       {@code Origin: null} even on the console's own form posts, and the console checks that
 *       header.
 * </ul>
 *
 * <p>gRPC answers (same port as HTTP in some services) and Quarkus' own developer tools (dev UI,
 * Swagger UI, which need inline script and only run in dev mode) do not get them.
 */
public final class SecurityHeaders {

    /** The Content-Security-Policy of every page. */
    public static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "form-action 'self'");

    /** Every header, by name, in a stable order. */
    public static final Map<String, String> HEADERS;

    static {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Frame-Options", "DENY");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
        HEADERS = java.util.Collections.unmodifiableMap(headers);
    }

    private SecurityHeaders() {}

    /**
     * True when an answer to this request gets the headers.
     *
     * @param path the request path
     * @param contentType the request's {@code Content-Type}, may be null
     */
    public static boolean appliesTo(String path, String contentType) {
        if (contentType != null && contentType.startsWith("application/grpc")) {
            return false;
        }
        return path == null || !(path.startsWith("/q/dev-ui") || path.startsWith("/q/swagger-ui"));
    }
}
