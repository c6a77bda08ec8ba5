package io.socaas.access;

import java.util.Locale;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * How a client certificate that binds a log source to its tenant is named, one way for the place
 * that checks a binding (tenant-billing: no two tenants claim one certificate) and the place that
 * applies it (ingestion: a syslog TLS connection is the tenant's whose binding it matches).
 */
public final class ClientCertificates {

    private ClientCertificates() {}

    /**
     * The canonical form of a subject DN (RFC 2253 with case and spacing normalized, as the JDK
     * compares X.500 principals), or empty when it is no DN.
     */
    public static Optional<String> canonicalSubject(String subjectDn) {
        if (subjectDn == null || subjectDn.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new X500Principal(subjectDn).getName(X500Principal.CANONICAL));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * A SHA-256 fingerprint as lower-case hex without separators ({@code 3A:7F:...} as keytool and
     * openssl print it); empty for none.
     */
    public static String normalizedFingerprint(String fingerprint) {
        return fingerprint == null ? "" : fingerprint.strip().replace(":", "").toLowerCase(Locale.ROOT);
    }
}
