package io.socaas.tenants.tenant.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The part of a tenant's configuration beyond its plan: who to reach, how its rules are tuned,
 * where notifications go, its Sigma placeholder values and its own holidays.
 *
 * @param contacts e-mail address by role ({@code security}, {@code billing}, ...)
 * @param placeholders values of Sigma {@code expand} placeholders, by name
 * @param holidays days without SLA coverage on top of the plan's, tenant time zone
 */
public record TenantSettings(
        Map<String, String> contacts,
        List<RuleOverride> ruleOverrides,
        List<NotificationEndpoint> notificationEndpoints,
        Map<String, List<String>> placeholders,
        List<LocalDate> holidays,
        List<SyslogSource> syslogSources) {

    public TenantSettings {
        contacts = Map.copyOf(contacts);
        ruleOverrides = List.copyOf(ruleOverrides);
        notificationEndpoints = List.copyOf(notificationEndpoints);
        placeholders = Map.copyOf(placeholders);
        holidays = List.copyOf(holidays);
        // settings stored before syslog sources existed have none
        syslogSources = syslogSources == null ? List.of() : List.copyOf(syslogSources);
    }

    public TenantSettings(
            Map<String, String> contacts,
            List<RuleOverride> ruleOverrides,
            List<NotificationEndpoint> notificationEndpoints,
            Map<String, List<String>> placeholders,
            List<LocalDate> holidays) {
        this(contacts, ruleOverrides, notificationEndpoints, placeholders, holidays, List.of());
    }

    public static TenantSettings none() {
        return new TenantSettings(Map.of(), List.of(), List.of(), Map.of(), List.of(), List.of());
    }

    /** The same settings with one contact set. */
    public TenantSettings withContact(String role, String email) {
        var all = new java.util.LinkedHashMap<>(contacts);
        all.put(role, email);
        return new TenantSettings(all, ruleOverrides, notificationEndpoints, placeholders, holidays, syslogSources);
    }

    /**
     * A syslog source bound to the tenant by how it connects: a listener port of its own and/or TLS
     * client certificates.
     *
     * @param port a listener port of its own (TCP and UDP), or 0 for none
     * @param timeZone the IANA zone of the source's clock, in which ingestion reads the times it
     *     writes without an offset; empty for UTC
     */
    public record SyslogSource(String name, int port, List<ClientCertificate> clientCertificates, String timeZone) {
        public SyslogSource {
            Objects.requireNonNull(name, "name");
            clientCertificates = clientCertificates == null ? List.of() : List.copyOf(clientCertificates);
            timeZone = timeZone == null ? "" : timeZone;
        }

        /** A source whose clock is UTC (or whose times carry their offset). */
        public SyslogSource(String name, int port, List<ClientCertificate> clientCertificates) {
            this(name, port, clientCertificates, "");
        }
    }

    /**
     * Which TLS client certificates a source presents: the SHA-256 fingerprint of the certificate (64
     * lower-case hex digits) and/or its subject DN (RFC 4514, as written; compared canonically). An
     * empty value is not part of the binding; a certificate must match every one that is set.
     */
    public record ClientCertificate(String sha256Fingerprint, String subjectDn) {
        public ClientCertificate {
            sha256Fingerprint = sha256Fingerprint == null ? "" : sha256Fingerprint;
            subjectDn = subjectDn == null ? "" : subjectDn;
        }
    }

    /**
     * A tenant's tuning of one rule of one of its packs.
     *
     * @param severity a Sigma level to use instead of the rule's, or {@code null}
     */
    public record RuleOverride(
            String pack, String ruleId, boolean disabled, String severity, List<RuleException> exceptions) {
        public RuleOverride {
            Objects.requireNonNull(pack, "pack");
            Objects.requireNonNull(ruleId, "ruleId");
            exceptions = List.copyOf(exceptions);
        }
    }

    /** Events whose {@code field} equals one of {@code values} (case-insensitive) raise no alert. */
    public record RuleException(String field, List<String> values, String reason) {
        public RuleException {
            values = List.copyOf(values);
        }
    }

    /** A webhook the tenant's case notifications go to; {@code secretRef} names the signing secret. */
    public record NotificationEndpoint(String name, String url, String secretRef) {}
}
