package io.socaas.tenants.tenant.domain;

import io.socaas.tenants.ingestkey.domain.InvalidIngestKeyRequestException;
import io.socaas.tenants.ingestkey.domain.SourceName;
import io.socaas.tenants.onboarding.domain.FieldError;
import io.socaas.tenants.onboarding.domain.InvalidFieldsException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What makes a syslog source valid, whether it comes from a tenant file or through the API: a name
 * as an ingest key's source name, a port from {@link SyslogSourceClaims#MIN_PORT} to
 * {@link SyslogSourceClaims#MAX_PORT}, fingerprints of 64 hex digits (colons and case as keytool and
 * openssl print them), subjects that are distinguished names and a clock zone that is an IANA zone.
 * Pure.
 */
public final class SyslogSourceRules {

    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

    private SyslogSourceRules() {}

    /** {@code 3A:7F:...} (keytool, openssl) or {@code 3a7f...}: lower-case hex without separators. */
    public static String normalizedFingerprint(String value) {
        return io.socaas.access.ClientCertificates.normalizedFingerprint(value);
    }

    /** Whether {@code normalized} (see {@link #normalizedFingerprint}) is a SHA-256 fingerprint. */
    public static boolean isFingerprint(String normalized) {
        return HEX_64.matcher(normalized).matches();
    }

    public static boolean isPort(int port) {
        return port >= SyslogSourceClaims.MIN_PORT && port <= SyslogSourceClaims.MAX_PORT;
    }

    public static String portRule() {
        return "a whole number from " + SyslogSourceClaims.MIN_PORT + " to " + SyslogSourceClaims.MAX_PORT;
    }

    public static String fingerprintRule() {
        return "64 hex digits (colons allowed)";
    }

    public static String subjectRule() {
        return "a distinguished name such as 'CN=fw01.example,O=Example'";
    }

    /** A certificate binding as given (fingerprint and subject may each be null). */
    public record CertificateInput(String sha256Fingerprint, String subjectDn) {}

    /**
     * The source a request describes, or {@link InvalidFieldsException} naming every bad member
     * ({@code name}, {@code port}, {@code client_certificates[1].subject_dn}, ...).
     *
     * @param port null for none
     * @param certificates null for none
     * @param timeZone the IANA zone of the source's clock; null for UTC
     */
    public static TenantSettings.SyslogSource source(
            String name, Integer port, List<CertificateInput> certificates, String timeZone) {
        List<FieldError> errors = new ArrayList<>();
        try {
            SourceName.require(name);
        } catch (InvalidIngestKeyRequestException e) {
            errors.add(new FieldError("name", e.getMessage().replace("source_name ", "")));
        }
        if (port != null && !isPort(port)) {
            errors.add(new FieldError("port", "must be " + portRule() + ", not " + port));
        }
        List<TenantSettings.ClientCertificate> bindings = new ArrayList<>();
        List<CertificateInput> given = certificates == null ? List.of() : certificates;
        for (int i = 0; i < given.size(); i++) {
            String at = "client_certificates[" + i + "]";
            CertificateInput input = given.get(i);
            if (input == null) {
                errors.add(new FieldError(at, "needs 'sha256_fingerprint' and/or 'subject_dn'"));
                continue;
            }
            String fingerprint =
                    input.sha256Fingerprint() == null ? "" : normalizedFingerprint(input.sha256Fingerprint());
            String subject = input.subjectDn() == null ? "" : input.subjectDn().strip();
            boolean valid = true;
            if (input.sha256Fingerprint() != null && !isFingerprint(fingerprint)) {
                errors.add(new FieldError(
                        at + ".sha256_fingerprint",
                        "must be " + fingerprintRule() + ", not '" + input.sha256Fingerprint() + "'"));
                valid = false;
            }
            if (input.subjectDn() != null
                    && io.socaas.access.ClientCertificates.canonicalSubject(subject)
                            .isEmpty()) {
                errors.add(new FieldError(
                        at + ".subject_dn", "must be " + subjectRule() + ", not '" + input.subjectDn() + "'"));
                valid = false;
            }
            if (valid && fingerprint.isEmpty() && subject.isEmpty()) {
                errors.add(new FieldError(at, "needs 'sha256_fingerprint' and/or 'subject_dn'"));
                valid = false;
            }
            if (valid) {
                bindings.add(new TenantSettings.ClientCertificate(fingerprint, subject));
            }
        }
        if (timeZone != null && !TimeZones.isIana(timeZone)) {
            errors.add(new FieldError("time_zone", "must be " + TimeZones.RULE + ", not '" + timeZone + "'"));
        }
        if (errors.isEmpty() && (port == null || port == 0) && bindings.isEmpty()) {
            errors.add(new FieldError(
                    "port",
                    "a source needs a 'port' or 'client_certificates' (a source that sends an ingest key needs"
                            + " neither: issue it a key)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return new TenantSettings.SyslogSource(name, port == null ? 0 : port, bindings, timeZone);
    }
}
