package io.socaas.syslogports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/**
 * {@code socaas.syslog.tenant-ports.*}: the one definition of the ports tenants' syslog sources may
 * be given, read by tenant-billing (which refuses a source on any other) and by ingestion (which
 * opens no other). Both services must see the same values: the Helm chart gives both the same
 * environment ({@code SOCAAS_SYSLOG_TENANT_PORTS_RANGE}, {@code SOCAAS_SYSLOG_TENANT_PORTS_RESERVED}).
 */
@ConfigMapping(prefix = "socaas.syslog.tenant-ports")
public interface TenantPortsConfig {

    /** The ports tenants may be given, {@code from-to} within 1024-65535. */
    @WithDefault("1024-65535")
    String range();

    /**
     * The platform's own ports, never a tenant's: ingestion's HTTP (8081), shared syslog TCP/UDP
     * (5140), syslog over TLS (6514), RELP (2514) and RELP over TLS (2515); on one host (local stack)
     * also the other services (8082-8085), Keycloak (8180), PostgreSQL (5432), Kafka (9092-9093) and
     * OpenSearch (9200, 9300). Single ports or {@code from-to}.
     */
    @WithDefault("8081,5140,6514,2514,2515,8082-8085,8180,5432,9092-9093,9200,9300")
    List<String> reserved();

    /** The settings as a {@link TenantPorts}; fails naming the setting when one is malformed. */
    default TenantPorts ports() {
        return TenantPorts.of(range(), reserved());
    }
}
