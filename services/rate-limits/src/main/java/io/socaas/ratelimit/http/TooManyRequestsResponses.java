package io.socaas.ratelimit.http;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.socaas.problems.ProblemResponses;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the {@code 429} of {@link RateLimitFilter} on every operation under {@code /api/} of the
 * service that uses it (problem+json, {@code Retry-After}); an operation that documents its own 429
 * keeps it.
 */
@OpenApiFilter
public class TooManyRequestsResponses implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ProblemResponses.addWhereMissing(
                openAPI, ProblemResponses::api, "429", TooManyRequestsResponses::tooManyRequests);
    }

    private static APIResponse tooManyRequests() {
        Schema problem = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; type " + RateLimitFilter.PROBLEM_TYPE)
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty(
                        "detail",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("which limit was reached and when to retry"))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty(
                        "rate_limit",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("the route's name in socaas.rate-limit.routes"))
                .addProperty(
                        "limit",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("per-user, per-ip or per-ip-failures"));
        return ProblemResponses.problem(
                        "Too many requests from this user or address; retry after Retry-After seconds", problem)
                .addHeader(
                        "Retry-After",
                        OASFactory.createHeader()
                                .description("seconds to wait before the next request")
                                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
    }
}
