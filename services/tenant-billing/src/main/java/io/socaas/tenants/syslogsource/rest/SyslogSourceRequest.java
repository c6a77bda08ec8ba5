package io.socaas.tenants.syslogsource.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT /api/v1/tenants/{id}/syslog-sources/{name}}: a port and/or certificates, and
 * the zone of the source's clock.
 */
@Schema(name = "SyslogSourceRequest")
public record SyslogSourceRequest(
        @JsonProperty("port")
        @Schema(
                examples = "5141",
                description = "A listener port of its own (TCP and UDP), within socaas.syslog.tenant-ports.range"
                        + " (1024-65535) and not one the platform reserves; omit for none")
        Integer port,

        @JsonProperty("client_certificates")
        @Schema(
                description = "TLS client certificates that bind a connection to the tenant; a certificate must"
                        + " match every member given")
        List<Certificate> clientCertificates,

        @JsonProperty("time_zone")
        @Schema(
                examples = "Europe/Berlin",
                description = "IANA time zone of the source's clock: times it writes without an offset (RFC 3164"
                        + " headers, a device's own log dates) are read in it; omit for UTC")
        String timeZone) {

    /** A client certificate binding: its SHA-256 fingerprint and/or its subject DN. */
    @Schema(name = "ClientCertificateBinding")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Certificate(
            @JsonProperty("sha256_fingerprint")
            @Schema(
                    examples =
                            "3A:7F:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:C2",
                    description = "64 hex digits, colons allowed (as openssl x509 -fingerprint -sha256 prints it);"
                            + " shown as lower-case hex")
            String sha256Fingerprint,

            @JsonProperty("subject_dn")
            @Schema(examples = "CN=router01.acme.example,O=Acme", description = "RFC 4514 distinguished name")
            String subjectDn) {}
}
