package io.socaas.reporting.portal.rest;

import io.socaas.problems.ProblemResponses;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Documents the answers every JSON operation of the portal ({@code /portal/*.json}) can give, so
 * that no resource method repeats them: {@code 401} without a valid token, {@code 403} for a viewer
 * who may not see the tenant, {@code 404} for an unknown tenant, as problem+json. An operation that
 * documents its own keeps it.
 */
public class PortalProblemResponses implements OASFilter {

    static final Map<String, String> COMMON = Map.of(
            "401", "No or invalid token",
            "403", "Not allowed to see this tenant",
            "404", "Unknown tenant");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ProblemResponses.addWhereMissing(
                openAPI,
                path -> path.startsWith("/portal/") && path.endsWith(".json"),
                COMMON,
                () -> OASFactory.createSchema().addType(Schema.SchemaType.OBJECT));
    }
}
