package io.socaas.tenants.tenant.domain;

import static io.socaas.access.ClientCertificates.canonicalSubject;

import io.socaas.events.TenantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the tenants' syslog sources claim on the platform: listener ports, certificate fingerprints
 * and certificate subjects. Each may be claimed by one tenant only, or ingestion could not tell
 * whose a message is. Pure.
 */
public final class SyslogSourceClaims {

    /** Lowest port a source may be given: below it are the system's well-known services. */
    public static final int MIN_PORT = 1024;

    public static final int MAX_PORT = 65535;

    private SyslogSourceClaims() {}

    /**
     * Every claim of {@code candidates} that {@code others} (or an earlier candidate) already holds,
     * as messages per candidate tenant: "syslog_sources: port 5141 is already used by tenant 'acme'".
     * A tenant never conflicts with its own earlier version in {@code others}.
     *
     * <p>Claims: a port; a certificate fingerprint (it names one certificate); a subject bound without
     * fingerprint (any certificate with that subject), which also conflicts with another tenant's
     * binding that names the subject together with a fingerprint, since that certificate would match
     * both.
     */
    public static Map<TenantId, List<String>> conflicts(List<TenantSpec> candidates, List<TenantSpec> others) {
        Map<String, TenantId> held = new HashMap<>();
        Map<String, TenantId> subjectsNamed = new HashMap<>();
        for (TenantSpec other : others) {
            if (candidates.stream().noneMatch(c -> c.id().equals(other.id()))) {
                claim(other, held, subjectsNamed, new ArrayList<>());
            }
        }
        Map<TenantId, List<String>> conflicts = new LinkedHashMap<>();
        for (TenantSpec candidate : candidates) {
            List<String> problems = new ArrayList<>();
            claim(candidate, held, subjectsNamed, problems);
            if (!problems.isEmpty()) {
                conflicts.put(candidate.id(), problems);
            }
        }
        return conflicts;
    }

    private static void claim(
            TenantSpec spec, Map<String, TenantId> held, Map<String, TenantId> subjectsNamed, List<String> problems) {
        TenantId tenant = spec.id();
        for (TenantSettings.SyslogSource source : spec.settings().syslogSources()) {
            if (source.port() > 0) {
                take(held, "port " + source.port(), tenant, problems);
            }
            for (TenantSettings.ClientCertificate certificate : source.clientCertificates()) {
                Optional<String> subject = canonicalSubject(certificate.subjectDn());
                if (!certificate.sha256Fingerprint().isEmpty()) {
                    take(held, "certificate fingerprint " + certificate.sha256Fingerprint(), tenant, problems);
                    subject.ifPresent(s -> {
                        subjectsNamed.putIfAbsent(s, tenant);
                        TenantId any = held.get(subjectClaim(s));
                        if (any != null && !any.equals(tenant)) {
                            problems.add("syslog_sources: " + subjectClaim(s) + " is already bound by tenant '" + any
                                    + "' (any certificate with it)");
                        }
                    });
                } else if (subject.isPresent()) {
                    String claim = subjectClaim(subject.get());
                    take(held, claim, tenant, problems);
                    TenantId named = subjectsNamed.get(subject.get());
                    if (named != null && !named.equals(tenant)) {
                        problems.add("syslog_sources: " + claim + " is already named by a certificate of tenant '"
                                + named + "'");
                    }
                }
            }
        }
    }

    private static String subjectClaim(String canonicalSubject) {
        return "certificate subject '" + canonicalSubject + "'";
    }

    private static void take(Map<String, TenantId> held, String claim, TenantId tenant, List<String> problems) {
        TenantId holder = held.putIfAbsent(claim, tenant);
        if (holder != null && !holder.equals(tenant)) {
            problems.add("syslog_sources: " + claim + " is already used by tenant '" + holder + "'");
        }
    }
}
