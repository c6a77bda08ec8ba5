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
        Map<TenantId, List<String>> conflicts = new LinkedHashMap<>();
        for (Conflict conflict : conflictsOf(candidates, others)) {
            conflicts.computeIfAbsent(conflict.tenant(), t -> new ArrayList<>()).add(conflict.message());
        }
        return conflicts;
    }

    /**
     * A claim of a candidate tenant that another tenant holds.
     *
     * @param tenant the candidate tenant
     * @param claim what is claimed twice, e.g. {@code port 5141}
     * @param holder the tenant that holds it
     * @param holderSource the name of the holder's source that claims it
     * @param message for the operator, naming the holder: "syslog_sources: port 5141 is already used by
     *     tenant 'acme'"
     */
    public record Conflict(TenantId tenant, String claim, TenantId holder, String holderSource, String message) {}

    /** {@link #conflicts} with who holds each claim. */
    public static List<Conflict> conflictsOf(List<TenantSpec> candidates, List<TenantSpec> others) {
        Map<String, Holder> held = new HashMap<>();
        Map<String, Holder> subjectsNamed = new HashMap<>();
        for (TenantSpec other : others) {
            if (candidates.stream().noneMatch(c -> c.id().equals(other.id()))) {
                claim(other, held, subjectsNamed, new ArrayList<>());
            }
        }
        List<Conflict> conflicts = new ArrayList<>();
        for (TenantSpec candidate : candidates) {
            claim(candidate, held, subjectsNamed, conflicts);
        }
        return conflicts;
    }

    private record Holder(TenantId tenant, String source) {}

    private static void claim(
            TenantSpec spec, Map<String, Holder> held, Map<String, Holder> subjectsNamed, List<Conflict> problems) {
        TenantId tenant = spec.id();
        for (TenantSettings.SyslogSource source : spec.settings().syslogSources()) {
            Holder self = new Holder(tenant, source.name());
            if (source.port() > 0) {
                take(held, "port " + source.port(), self, problems);
            }
            for (TenantSettings.ClientCertificate certificate : source.clientCertificates()) {
                Optional<String> subject = canonicalSubject(certificate.subjectDn());
                if (!certificate.sha256Fingerprint().isEmpty()) {
                    take(held, "certificate fingerprint " + certificate.sha256Fingerprint(), self, problems);
                    subject.ifPresent(s -> {
                        subjectsNamed.putIfAbsent(s, self);
                        Holder any = held.get(subjectClaim(s));
                        if (any != null && !any.tenant().equals(tenant)) {
                            problems.add(new Conflict(
                                    tenant,
                                    subjectClaim(s),
                                    any.tenant(),
                                    any.source(),
                                    "syslog_sources: " + subjectClaim(s) + " is already bound by tenant '"
                                            + any.tenant() + "' (any certificate with it)"));
                        }
                    });
                } else if (subject.isPresent()) {
                    String claim = subjectClaim(subject.get());
                    take(held, claim, self, problems);
                    Holder named = subjectsNamed.get(subject.get());
                    if (named != null && !named.tenant().equals(tenant)) {
                        problems.add(new Conflict(
                                tenant,
                                claim,
                                named.tenant(),
                                named.source(),
                                "syslog_sources: " + claim + " is already named by a certificate of tenant '"
                                        + named.tenant() + "'"));
                    }
                }
            }
        }
    }

    private static String subjectClaim(String canonicalSubject) {
        return "certificate subject '" + canonicalSubject + "'";
    }

    private static void take(Map<String, Holder> held, String claim, Holder self, List<Conflict> problems) {
        Holder holder = held.putIfAbsent(claim, self);
        if (holder != null && !holder.tenant().equals(self.tenant())) {
            problems.add(new Conflict(
                    self.tenant(),
                    claim,
                    holder.tenant(),
                    holder.source(),
                    "syslog_sources: " + claim + " is already used by tenant '" + holder.tenant() + "'"));
        }
    }
}
