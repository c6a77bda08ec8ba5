package io.socaas.tenants.onboarding.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.tenants.logging.TenantLogContext;
import io.socaas.tenants.onboarding.OnboardingService;
import io.socaas.tenants.onboarding.TenantDetailsView;
import io.socaas.tenants.onboarding.domain.ConcurrentOnboardingException;
import io.socaas.tenants.onboarding.domain.FieldError;
import io.socaas.tenants.onboarding.domain.InvalidFieldsException;
import io.socaas.tenants.problem.Problem;
import io.socaas.tenants.provisioning.ProvisioningRunner;
import io.socaas.tenants.security.Caller;
import io.socaas.tenants.tenant.rest.TenantIds;
import io.vertx.pgclient.PgException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hibernate.JDBCException;

@Path("/api/v1/tenants")
@Tag(name = "Onboarding", description = "Create tenants and follow their provisioning")
public class OnboardingResource {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;
    private static final String UNIQUE_VIOLATION = "23505";

    private final OnboardingService onboarding;
    private final ProvisioningRunner runner;
    private final SecurityIdentity identity;

    OnboardingResource(OnboardingService onboarding, ProvisioningRunner runner, SecurityIdentity identity) {
        this.onboarding = onboarding;
        this.runner = runner;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"sales", "mssp-admin"})
    @Operation(
            summary = "Onboard a tenant",
            description = "Creates the tenant (status provisioning) and starts its provisioning; follow it at the"
                    + " Location. Idempotent per caller and Idempotency-Key: a retried request gets the same answer,"
                    + " the same key with another body is refused with 422. Roles sales, mssp-admin.")
    @APIResponse(
            responseCode = "202",
            description = "Accepted; provisioning runs in the background",
            content = @Content(schema = @Schema(implementation = TenantDetailsView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Missing Idempotency-Key, unknown plan or an invalid member (member 'violations' names"
                    + " each), or a malformed body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Caller is neither sales nor mssp-admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The tenant id is in use (a tenant of tenant-config/ or one created through the API), or a"
                    + " concurrent request claimed the same id or key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "The Idempotency-Key was used before with a different body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> onboard(
            @Parameter(description = "Unique per request of this caller (e.g. a UUID); at most 255 characters")
                    @HeaderParam(IDEMPOTENCY_KEY)
                    String idempotencyKey,
            OnboardTenantRequest request,
            UriInfo uri) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new InvalidFieldsException(List.of(new FieldError(IDEMPOTENCY_KEY, "header is required")));
        }
        if (idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
            throw new InvalidFieldsException(List.of(
                    new FieldError(IDEMPOTENCY_KEY, "must be at most " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters")));
        }
        if (request == null) {
            throw new InvalidFieldsException(List.of(new FieldError("body", "is required")));
        }
        return onboarding
                .onboard(Caller.of(identity), idempotencyKey, request.toDomain())
                .onFailure(OnboardingResource::isUniqueViolation)
                .transform(e -> new ConcurrentOnboardingException())
                .invoke(answer -> {
                    if (!answer.replayed()) {
                        runner.kick();
                    }
                })
                .map(answer -> Response.status(answer.status())
                        .type(MediaType.APPLICATION_JSON)
                        .location(uri.getBaseUriBuilder()
                                .path("api/v1/tenants/{id}")
                                .build(answer.tenantId()))
                        .header("Idempotent-Replayed", String.valueOf(answer.replayed()))
                        .entity(answer.body())
                        .build());
    }

    /** Two requests inserted the same tenant or the same key at once: PostgreSQL's unique_violation. */
    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JDBCException jdbc && UNIQUE_VIOLATION.equals(jdbc.getSQLState())) {
                return true;
            }
            if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    @POST
    @Path("/{tenantId}/provisioning:retry")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("mssp-admin")
    @Operation(
            summary = "Resume a failed provisioning",
            description =
                    "Starts the failed step again (with fresh attempts) and continues from there. Role mssp-admin.")
    @APIResponse(
            responseCode = "202",
            description = "Resumed",
            content = @Content(schema = @Schema(implementation = TenantDetailsView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The tenant's provisioning has not failed (or it has none)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> retry(
            @Parameter(description = "Tenant id", example = "initech") @PathParam("tenantId") String tenantId) {
        TenantId id = TenantIds.fromPath(tenantId);
        return TenantLogContext.withTenant(
                id,
                () -> onboarding
                        .retry(id)
                        .invoke(runner::kick)
                        .map(details -> Response.accepted(details).build()));
    }
}
