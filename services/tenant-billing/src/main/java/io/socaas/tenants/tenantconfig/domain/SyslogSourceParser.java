package io.socaas.tenants.tenantconfig.domain;

import io.socaas.access.ClientCertificates;
import io.socaas.tenants.ingestkey.domain.InvalidIngestKeyRequestException;
import io.socaas.tenants.ingestkey.domain.SourceName;
import io.socaas.tenants.tenant.domain.SyslogSourceRules;
import io.socaas.tenants.tenant.domain.TenantSettings;
import io.socaas.tenants.tenant.domain.TimeZones;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code syslog_sources} of a tenant file: sources bound to the tenant by a listener port of their
 * own and/or TLS client certificates.
 *
 * <pre>
 * syslog_sources:
 *   - name: hq-firewall
 *     port: 5141
 *   - name: edge-router
 *     client_certificates:
 *       - sha256_fingerprint: "3A:7F:...:C2"   # colons and case as keytool/openssl print it
 *       - subject_dn: "CN=router01.acme.example,O=Acme"
 * </pre>
 */
final class SyslogSourceParser {

    private SyslogSourceParser() {}

    static List<TenantSettings.SyslogSource> parse(Object value, Problems problems) {
        List<TenantSettings.SyslogSource> sources = new ArrayList<>();
        if (value == null) {
            return sources;
        }
        if (!(value instanceof List<?> list)) {
            problems.add("syslog_sources must be a list of { name, port, client_certificates, time_zone }");
            return sources;
        }
        Set<String> names = new HashSet<>();
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?> source) || !(source.get("name") instanceof String name)) {
                problems.add("syslog_sources: each needs a 'name', not " + entry);
                continue;
            }
            String at = "syslog_sources: " + name + ": ";
            try {
                SourceName.require(name);
            } catch (InvalidIngestKeyRequestException e) {
                problems.add(at + e.getMessage().replace("source_name", "name"));
                continue;
            }
            if (!names.add(name)) {
                problems.add(at + "the name is used twice");
            }
            int port = port(source.get("port"), at, problems);
            List<TenantSettings.ClientCertificate> certificates =
                    certificates(source.get("client_certificates"), at, problems);
            if (port == 0 && certificates.isEmpty()) {
                problems.add(at + "needs a 'port' or 'client_certificates' (a source that sends an ingest key"
                        + " needs neither: issue it a key)");
            }
            sources.add(new TenantSettings.SyslogSource(
                    name, port, certificates, timeZone(source.get("time_zone"), at, problems)));
        }
        return sources;
    }

    private static String timeZone(Object value, String at, Problems problems) {
        if (value == null) {
            return "";
        }
        if (value instanceof String zone && TimeZones.isIana(zone)) {
            return zone;
        }
        problems.add(at + "'time_zone' must be " + TimeZones.RULE + ", not '" + value + "'");
        return "";
    }

    private static int port(Object value, String at, Problems problems) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Integer port && SyslogSourceRules.isPort(port)) {
            return port;
        }
        problems.add(at + "'port' must be " + SyslogSourceRules.portRule() + ", not '" + value + "'");
        return 0;
    }

    private static List<TenantSettings.ClientCertificate> certificates(Object value, String at, Problems problems) {
        List<TenantSettings.ClientCertificate> certificates = new ArrayList<>();
        if (value == null) {
            return certificates;
        }
        if (!(value instanceof List<?> list)) {
            problems.add(at + "'client_certificates' must be a list of { sha256_fingerprint, subject_dn }");
            return certificates;
        }
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?> certificate)) {
                problems.add(at + "each client certificate needs 'sha256_fingerprint' and/or 'subject_dn'");
                continue;
            }
            String fingerprint = "";
            Object rawFingerprint = certificate.get("sha256_fingerprint");
            if (rawFingerprint != null) {
                fingerprint = SyslogSourceRules.normalizedFingerprint(String.valueOf(rawFingerprint));
                if (!SyslogSourceRules.isFingerprint(fingerprint)) {
                    problems.add(at + "'sha256_fingerprint' must be " + SyslogSourceRules.fingerprintRule() + ", not '"
                            + rawFingerprint + "'");
                    continue;
                }
            }
            String subject = "";
            Object rawSubject = certificate.get("subject_dn");
            if (rawSubject != null) {
                subject = String.valueOf(rawSubject).strip();
                if (ClientCertificates.canonicalSubject(subject).isEmpty()) {
                    problems.add(at + "'subject_dn' must be " + SyslogSourceRules.subjectRule() + ", not '" + rawSubject
                            + "'");
                    continue;
                }
            }
            if (fingerprint.isEmpty() && subject.isEmpty()) {
                problems.add(at + "each client certificate needs 'sha256_fingerprint' and/or 'subject_dn'");
                continue;
            }
            certificates.add(new TenantSettings.ClientCertificate(fingerprint, subject));
        }
        return certificates;
    }
}
