package io.socaas.syslogports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which ports a tenant's syslog source may be given: those of {@code range} that the platform does not
 * keep for itself ({@code reserved}: ingestion's HTTP, shared syslog TCP/UDP, TLS and RELP listeners,
 * and whatever else runs beside it). Pure; built from {@link TenantPortsConfig}.
 *
 * @param range the ports tenants may be given
 * @param reserved the platform's ports (single ports or ranges)
 */
public record TenantPorts(PortRange range, List<PortRange> reserved) {

    /** Below 1024 are the system's well-known services; 65535 is the last port. */
    public static final PortRange LIMITS = new PortRange(1024, 65535);

    public TenantPorts {
        if (range.from() < LIMITS.from() || range.to() > LIMITS.to()) {
            throw new IllegalArgumentException(
                    "socaas.syslog.tenant-ports.range must lie within " + LIMITS + ", not " + range);
        }
        reserved = List.copyOf(reserved);
    }

    /**
     * @param range {@code from-to}, e.g. {@code 1024-65535}
     * @param reserved entries {@code port} or {@code from-to}
     * @throws IllegalArgumentException naming the setting and the entry that is no port or range
     */
    public static TenantPorts of(String range, List<String> reserved) {
        List<PortRange> platform = new ArrayList<>();
        for (String entry : reserved) {
            platform.add(PortRange.parse("socaas.syslog.tenant-ports.reserved", entry));
        }
        return new TenantPorts(PortRange.parse("socaas.syslog.tenant-ports.range", range), platform);
    }

    /** Whether the platform keeps {@code port} for itself. */
    public boolean isReserved(int port) {
        return reserved.stream().anyMatch(r -> r.contains(port));
    }

    /** Why a tenant's source may not have {@code port}, or empty when it may. */
    public Optional<String> refusal(int port) {
        if (!range.contains(port)) {
            return Optional.of("port " + port + " is outside the tenant port range " + range);
        }
        if (isReserved(port)) {
            return Optional.of("port " + port + " is reserved by the platform (its own listeners: "
                    + reserved.stream().map(PortRange::toString).collect(Collectors.joining(", ")) + ")");
        }
        return Optional.empty();
    }

    /** A port ({@code from == to}) or an inclusive range of ports. */
    public record PortRange(int from, int to) {

        public PortRange {
            if (from < 1 || to > 65535 || from > to) {
                throw new IllegalArgumentException("not a port range: " + from + "-" + to);
            }
        }

        static PortRange parse(String setting, String value) {
            String text = value == null ? "" : value.strip();
            try {
                int dash = text.indexOf('-');
                if (dash < 0) {
                    int port = Integer.parseInt(text);
                    return new PortRange(port, port);
                }
                return new PortRange(
                        Integer.parseInt(text.substring(0, dash).strip()),
                        Integer.parseInt(text.substring(dash + 1).strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        setting + ": '" + value + "' is no port (1-65535) or range of ports (from-to)", e);
            }
        }

        public boolean contains(int port) {
            return port >= from && port <= to;
        }

        @Override
        public String toString() {
            return from == to ? Integer.toString(from) : from + "-" + to;
        }
    }
}
