package io.socaas.tenants.syslogsource.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.socaas.tenants.tenant.domain.TenantSettings;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tenant's syslog source as the API shows it. */
@Schema(name = "SyslogSource")
public record SyslogSourceView(
        @JsonProperty("name") @Schema(examples = "hq-firewall", description = "Recorded as metadata.log_source")
        String name,

        @JsonProperty("port")
        @Schema(
                examples = "5141",
                nullable = true,
                description = "The source's own listener port (TCP and UDP) on ingestion; null for none")
        Integer port,

        @JsonProperty("client_certificates")
        @Schema(description = "TLS client certificates that bind a connection to the tenant")
        List<SyslogSourceRequest.Certificate> clientCertificates,

        @JsonProperty("time_zone")
        @Schema(
                examples = "Europe/Berlin",
                description = "IANA time zone of the source's clock, in which times it writes without an offset are"
                        + " read; UTC when not set")
        String timeZone,

        @JsonProperty("managed_by")
        @Schema(
                enumeration = {"api", "file"},
                description = "api: changed through this API; file: by the tenant's file in tenant-config/tenants/")
        String managedBy) {

    public static SyslogSourceView of(TenantSettings.SyslogSource source, String managedBy) {
        return new SyslogSourceView(
                source.name(),
                source.port() > 0 ? source.port() : null,
                source.clientCertificates().stream()
                        .map(c -> new SyslogSourceRequest.Certificate(
                                c.sha256Fingerprint().isEmpty() ? null : c.sha256Fingerprint(),
                                c.subjectDn().isEmpty() ? null : c.subjectDn()))
                        .toList(),
                source.timeZone().isEmpty() ? "UTC" : source.timeZone(),
                managedBy);
    }
}
