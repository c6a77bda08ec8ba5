package io.socaas.tenants.problem;

import io.socaas.problems.ProblemResponses;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Documents the answers the tenant API gives on many operations once, as problem+json, so that no
 * resource method repeats them: {@code 401} without a valid bearer token and {@code 403} for a caller
 * whose roles do not allow the operation (each operation's description names its roles) on every
 * operation, and {@code 404} on every operation of a path naming a tenant. An operation that
 * documents one of these statuses itself (a more precise 404, say) keeps its own.
 */
public class TenantApiProblemResponses implements OASFilter {

    static final Map<String, String> EVERY_OPERATION = Map.of(
            "401", "No or invalid bearer token",
            "403", "The caller's roles do not allow this operation (its description names them)");

    static final Map<String, String> TENANT_OPERATION = Map.of("404", "No such tenant");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ProblemResponses.addWhereMissing(
                openAPI, ProblemResponses::api, EVERY_OPERATION, TenantApiProblemResponses::problem);
        ProblemResponses.addWhereMissing(
                openAPI,
                path -> ProblemResponses.api(path) && path.contains("{tenantId}"),
                TENANT_OPERATION,
                TenantApiProblemResponses::problem);
    }

    private static org.eclipse.microprofile.openapi.models.media.Schema problem() {
        return OASFactory.createSchema().ref("Problem");
    }
}
