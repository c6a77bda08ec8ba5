package io.socaas.tenants.audit.rest;

import io.smallrye.mutiny.Uni;
import io.socaas.tenants.access.TenantReaders;
import io.socaas.tenants.audit.AuditLog;
import io.socaas.tenants.audit.domain.AuditQuery;
import io.socaas.tenants.onboarding.domain.FieldError;
import io.socaas.tenants.onboarding.domain.InvalidFieldsException;
import io.socaas.tenants.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The platform's audit trail: every mutating action of every service (services/audit-trail, topic
 * soc.audit.v1), for mssp-admin; one tenant's share is {@link TenantAuditResource}.
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who changed what, when, in every service")
public class AuditResource {

    static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

    private final AuditLog audit;

    AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed(TenantReaders.MSSP_ADMIN)
    @Operation(
            summary = "Read the audit trail",
            description = "Every mutating action of every service (tenant-billing, case-management, correlation),"
                    + " oldest first, at most 1000 entries. Role mssp-admin.")
    @APIResponse(
            responseCode = "200",
            description = "The entries",
            content = @Content(schema = @Schema(implementation = AuditEntryView.class, type = SchemaType.ARRAY)))
    @APIResponse(
            responseCode = "400",
            description = "from or to is not an RFC 3339 time, or from is not before to",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<AuditEntryView>> find(
            @Parameter(description = "Only this tenant's entries") @QueryParam("tenant") String tenant,
            @Parameter(description = "Only this service's entries", example = "case-management") @QueryParam("service")
                    String service,
            @Parameter(description = "Only this actor's entries (user name)") @QueryParam("actor") String actor,
            @Parameter(description = "From (inclusive), RFC 3339; default 30 days before 'to'") @QueryParam("from")
                    String from,
            @Parameter(description = "To (exclusive), RFC 3339; default now") @QueryParam("to") String to) {
        return read(audit, blankToNull(tenant), service, actor, from, to);
    }

    static Uni<List<AuditEntryView>> read(
            AuditLog audit, String tenant, String service, String actor, String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        Instant until = parse("to", to, errors);
        Instant since = parse("from", from, errors);
        if (errors.isEmpty()) {
            until = until != null ? until : Instant.now().plusSeconds(1);
            since = since != null ? since : until.minus(DEFAULT_WINDOW);
            if (!since.isBefore(until)) {
                errors.add(new FieldError("from", "must be before 'to'"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return audit.find(new AuditQuery(tenant, blankToNull(service), blankToNull(actor), since, until))
                .map(entries -> entries.stream().map(AuditEntryView::of).toList());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Instant parse(String name, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be an RFC 3339 time such as 2026-01-31T00:00:00Z"));
            return null;
        }
    }
}
