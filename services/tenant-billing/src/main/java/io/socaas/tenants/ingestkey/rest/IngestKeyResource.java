package io.socaas.tenants.ingestkey.rest;

import io.smallrye.mutiny.Uni;
import io.socaas.audittrail.AuditDetails;
import io.socaas.events.TenantId;
import io.socaas.tenants.facts.TenantFacts;
import io.socaas.tenants.ingestkey.IngestKeyService;
import io.socaas.tenants.ingestkey.domain.InvalidIngestKeyRequestException;
import io.socaas.tenants.logging.TenantLogContext;
import io.socaas.tenants.problem.Problem;
import io.socaas.tenants.tenant.rest.TenantIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tenants/{tenantId}/ingest-keys")
@Tag(name = "Ingest keys", description = "Credentials of a tenant's log sources")
@RolesAllowed("mssp-admin")
public class IngestKeyResource {

    private final IngestKeyService keys;
    private final TenantFacts facts;

    IngestKeyResource(IngestKeyService keys, TenantFacts facts) {
        this.keys = keys;
        this.facts = facts;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "List a tenant's ingest keys",
            description = "Metadata and last use of every key, newest first; never a secret. Role mssp-admin.")
    @APIResponse(
            responseCode = "200",
            description = "The keys",
            content = @Content(schema = @Schema(implementation = IngestKeyView.class, type = SchemaType.ARRAY)))
    public Uni<List<IngestKeyView>> list(
            @Parameter(description = "Tenant id (slug)", example = "acme") @PathParam("tenantId") String tenantId) {
        TenantId id = TenantIds.fromPath(tenantId);
        Instant now = Instant.now();
        return TenantLogContext.withTenant(
                id,
                () -> keys.list(id)
                        .map(all -> all.stream()
                                .map(key -> IngestKeyView.of(key, now))
                                .toList()));
    }

    @POST
    @Path("/{keyId}/rotate")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Rotate an ingest key",
            description = "Issues a new key for the same source and returns its secret once. The old key keeps"
                    + " working for the rotation grace period (socaas.ingest-keys.rotation-grace, 24 h by default),"
                    + " so the source can switch without losing events; revoke it to end it sooner. Role mssp-admin.")
    @APIResponse(
            responseCode = "201",
            description = "New key issued; the old one expires at old_key_expires_time",
            content = @Content(schema = @Schema(implementation = RotatedIngestKeyResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "The key is revoked or expired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such tenant, or the tenant has no such key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> rotate(
            @Parameter(description = "Tenant id (slug)", example = "acme") @PathParam("tenantId") String tenantId,
            @Parameter(description = "Key id", example = "ik_01jd5x3q6m8k2v7c9r4t0w1y2z") @PathParam("keyId")
                    String keyId) {
        TenantId id = TenantIds.fromPath(tenantId);
        return TenantLogContext.withTenant(
                id,
                () -> audited(id, keyId, () -> keys.rotate(id, keyId))
                        // after the commit: every service sees the tenant's new revision
                        .call(() -> facts.changed(id))
                        .map(rotated -> Response.status(Response.Status.CREATED)
                                .entity(RotatedIngestKeyResponse.of(rotated))
                                .build()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Issue an ingest key for one log source",
            description = "Returns the secret key once; only its SHA-256 is stored. Role mssp-admin.")
    @APIResponse(
            responseCode = "201",
            description = "Key issued",
            content = @Content(schema = @Schema(implementation = IssuedIngestKeyResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Missing or invalid source_name, a time_zone that is no IANA zone, or a malformed body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> issue(
            @Parameter(description = "Tenant id (slug)", example = "acme") @PathParam("tenantId") String tenantId,
            @Valid @NotNull IssueIngestKeyRequest request) {
        TenantId id = TenantIds.fromPath(tenantId);
        return TenantLogContext.withTenant(
                id,
                () -> keys.issue(id, request.sourceName(), request.timeZone())
                        // the audit trail: the new key (never its secret)
                        .invoke(issued -> AuditDetails.current()
                                .target("ingest key " + issued.key().keyId())
                                .after(IngestKeyView.of(issued.key(), Instant.now())))
                        .map(issued -> Response.status(Response.Status.CREATED)
                                .entity(IssuedIngestKeyResponse.of(issued))
                                .build()));
    }

    @PATCH
    @Path("/{keyId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change an ingest key's source clock zone",
            description = "Sets time_zone, the IANA zone in which ingestion reads the times the key's source writes"
                    + " without an offset (null or empty: UTC). The key and its secret stay as they are, so the"
                    + " source needs no change; the new zone is published with the tenant's next revision on"
                    + " soc.tenants.v1 and applies within seconds to events received from then on. Role mssp-admin.")
    @APIResponse(
            responseCode = "200",
            description = "The key as it is now",
            content = @Content(schema = @Schema(implementation = IngestKeyView.class)))
    @APIResponse(
            responseCode = "400",
            description =
                    "No time_zone in the body, a time_zone that is no IANA zone, or the key is revoked or expired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such tenant, or the tenant has no such key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<IngestKeyView> change(
            @Parameter(description = "Tenant id (slug)", example = "acme") @PathParam("tenantId") String tenantId,
            @Parameter(description = "Key id", example = "ik_01jd5x3q6m8k2v7c9r4t0w1y2z") @PathParam("keyId")
                    String keyId,
            @NotNull ChangeIngestKeyRequest request) {
        TenantId id = TenantIds.fromPath(tenantId);
        if (!request.timeZoneGiven()) {
            throw new InvalidIngestKeyRequestException(
                    "time_zone is required: an IANA time zone, or null for UTC (it is the only member that changes)");
        }
        return TenantLogContext.withTenant(
                id,
                () -> audited(id, keyId, () -> keys.changeTimeZone(id, keyId, request.getTimeZone()))
                        // after the commit: ingestion re-resolves the tenant's keys at its new revision
                        .call(() -> facts.changed(id))
                        .map(key -> IngestKeyView.of(key, Instant.now())));
    }

    @DELETE
    @Path("/{keyId}")
    @Operation(
            summary = "Revoke an ingest key",
            description = "Idempotent. Role mssp-admin. The revocation is published with the tenant's next"
                    + " revision on soc.tenants.v1, which makes ingestion drop its cached resolutions of the"
                    + " tenant's keys: the key stops working within seconds.")
    @APIResponse(responseCode = "204", description = "Key revoked (or already revoked)")
    @APIResponse(
            responseCode = "404",
            description = "No such tenant, or the tenant has no such key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Void> revoke(
            @Parameter(description = "Tenant id (slug)", example = "acme") @PathParam("tenantId") String tenantId,
            @Parameter(description = "Key id", example = "ik_01jd5x3q6m8k2v7c9r4t0w1y2z") @PathParam("keyId")
                    String keyId) {
        TenantId id = TenantIds.fromPath(tenantId);
        // after the commit: ingestion drops its cached resolutions when it sees the new revision
        return TenantLogContext.withTenant(
                id,
                () -> audited(id, keyId, () -> keys.revoke(id, keyId))
                        .call(() -> facts.changed(id))
                        .replaceWithVoid());
    }

    /**
     * Runs a change of one key with the key before and after it in the audit trail's entry (its
     * state, expiry and successor; never a secret).
     */
    private <T> Uni<T> audited(TenantId id, String keyId, java.util.function.Supplier<Uni<T>> change) {
        AuditDetails details = AuditDetails.current().target("ingest key " + keyId);
        return view(id, keyId)
                .invoke(before -> details.before(before.orElse(null)))
                .chain(change::get)
                .call(done -> view(id, keyId).invoke(after -> details.after(after.orElse(null))));
    }

    private Uni<Optional<IngestKeyView>> view(TenantId id, String keyId) {
        Instant now = Instant.now();
        return keys.list(id)
                .map(all -> all.stream()
                        .filter(key -> key.keyId().equals(keyId))
                        .findFirst()
                        .map(key -> IngestKeyView.of(key, now)));
    }
}
