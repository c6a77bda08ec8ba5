package io.socaas.ingestion.syslog.domain;

import static io.socaas.access.ClientCertificates.canonicalSubject;
import static io.socaas.access.ClientCertificates.normalizedFingerprint;

import io.socaas.events.TenantId;
import io.socaas.ingestion.intake.domain.IngestCredential;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which syslog sources the tenants' configurations bind by transport: each active tenant's own
 * listener ports and its TLS client certificates. Built from the tenant facts whenever they change;
 * immutable. Pure.
 *
 * <p>Fails closed: a port or a certificate that two tenants claim (tenant-billing refuses that, but
 * facts of two revisions may briefly disagree) binds to neither, and is reported in {@link
 * #conflicts()}.
 */
public final class SourceBindings {

    /**
     * One tenant's source as configured.
     *
     * @param clock the zone of the source's clock (null: UTC)
     */
    public record Source(TenantId tenant, String name, int port, List<Certificate> certificates, ZoneId clock) {
        public Source {
            certificates = List.copyOf(certificates);
        }

        /** A source whose clock is UTC. */
        public Source(TenantId tenant, String name, int port, List<Certificate> certificates) {
            this(tenant, name, port, certificates, null);
        }
    }

    /**
     * A certificate binding: SHA-256 of the DER certificate (lower-case hex) and/or the subject DN;
     * an empty member is not part of the binding.
     */
    public record Certificate(String sha256Fingerprint, String subjectDn) {}

    /** A presented certificate: its fingerprint and subject. */
    public record PresentedCertificate(String sha256Fingerprint, String subjectDn) {}

    public static final SourceBindings NONE = of(List.of());

    private final Map<Integer, IngestCredential> ports;
    private final List<Bound> certificates;
    private final List<String> conflicts;

    private record Bound(String fingerprint, String canonicalSubject, IngestCredential credential) {
        boolean matches(String presentedFingerprint, String presentedSubject) {
            return (fingerprint.isEmpty() || fingerprint.equals(presentedFingerprint))
                    && (canonicalSubject.isEmpty() || canonicalSubject.equals(presentedSubject));
        }
    }

    private SourceBindings(Map<Integer, IngestCredential> ports, List<Bound> certificates, List<String> conflicts) {
        this.ports = ports;
        this.certificates = certificates;
        this.conflicts = conflicts;
    }

    /** The bindings of the given sources; pass only the sources of tenants that may send. */
    public static SourceBindings of(List<Source> sources) {
        Map<Integer, IngestCredential> ports = new TreeMap<>();
        Map<Integer, Set<TenantId>> portClaims = new HashMap<>();
        List<Bound> certificates = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        for (Source source : sources) {
            IngestCredential credential =
                    new IngestCredential(source.tenant(), "certificate", source.name(), source.clock());
            if (source.port() > 0) {
                portClaims.computeIfAbsent(source.port(), p -> new HashSet<>()).add(source.tenant());
                ports.putIfAbsent(
                        source.port(), new IngestCredential(source.tenant(), "port", source.name(), source.clock()));
            }
            for (Certificate certificate : source.certificates()) {
                String fingerprint = normalizedFingerprint(certificate.sha256Fingerprint());
                Optional<String> subject = canonicalSubject(certificate.subjectDn());
                if (fingerprint.isEmpty() && subject.isEmpty()) {
                    continue; // binds nothing (tenant-billing never publishes that)
                }
                certificates.add(new Bound(fingerprint, subject.orElse(""), credential));
            }
        }
        portClaims.forEach((port, tenants) -> {
            if (tenants.size() > 1) {
                ports.remove(port);
                conflicts.add("port " + port + " is claimed by tenants "
                        + tenants.stream().map(TenantId::value).sorted().toList() + ": opened for none");
            }
        });
        return new SourceBindings(Map.copyOf(ports), List.copyOf(certificates), List.copyOf(conflicts));
    }

    /** Port → the credential of the tenant and source it belongs to. */
    public Map<Integer, IngestCredential> ports() {
        return ports;
    }

    /** What tenant-billing should have refused, as read: ports opened for no one. */
    public List<String> conflicts() {
        return conflicts;
    }

    /**
     * The tenant and source a presented certificate is bound to: every binding it matches must name
     * the same tenant (otherwise none: the certificate cannot be told apart). The most specific
     * binding (fingerprint) names the source.
     */
    public Optional<IngestCredential> certificate(PresentedCertificate presented) {
        String fingerprint = normalizedFingerprint(presented.sha256Fingerprint());
        String subject = canonicalSubject(presented.subjectDn()).orElse("");
        List<Bound> matches = certificates.stream()
                .filter(bound -> bound.matches(fingerprint, subject))
                .toList();
        if (matches.isEmpty()
                || matches.stream().map(b -> b.credential().tenant()).distinct().count() > 1) {
            return Optional.empty();
        }
        return matches.stream()
                .filter(b -> !b.fingerprint().isEmpty())
                .findFirst()
                .or(() -> Optional.of(matches.getFirst()))
                .map(Bound::credential);
    }
}
