package io.socaas.cases.casefile.rest;

import io.socaas.problems.ProblemResponses;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Documents the answers every REST operation of the service can give, so that no resource repeats
 * them: {@code 401} without a valid bearer token, {@code 403} for a caller whose roles or tenants do
 * not reach, both as problem+json. An operation that documents its own keeps it.
 */
public class ProblemResponsesFilter implements OASFilter {

    static final Map<String, String> COMMON = Map.of(
            "401", "No or invalid bearer token",
            "403", "The caller's roles or entitled tenants do not reach this");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ProblemResponses.addWhereMissing(
                openAPI,
                ProblemResponses::api,
                COMMON,
                () -> OASFactory.createSchema().ref("Problem"));
    }
}
