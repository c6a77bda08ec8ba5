package io.socaas.problems;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

    @Test
    void addsTheAnswerToTheOperationsOfTheChosenPathsThatDoNotDocumentItsBodyThemselves() {
        Operation bare = OASFactory.createOperation();
        Operation own = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse(
                                "401",
                                ProblemResponses.problem(
                                        "own", OASFactory.createSchema().ref("Problem"))));
        // what the framework adds to a secured operation: a status and a phrase, no body
        Operation framework = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("401", OASFactory.createAPIResponse().description("Not Authorized")));
        Operation elsewhere = OASFactory.createOperation();
        OpenAPI openAPI = OASFactory.createOpenAPI()
                .paths(OASFactory.createPaths()
                        .addPathItem("/api/v1/a", OASFactory.createPathItem().GET(bare))
                        .addPathItem("/api/v1/b", OASFactory.createPathItem().POST(own))
                        .addPathItem("/api/v1/c", OASFactory.createPathItem().PUT(framework))
                        .addPathItem("/q/health", OASFactory.createPathItem().GET(elsewhere)));

        ProblemResponses.addWhereMissing(
                openAPI,
                ProblemResponses::api,
                "401",
                () -> ProblemResponses.problem(
                        "No token", OASFactory.createSchema().ref("Problem")));

        assertThat(bare.getResponses().getAPIResponse("401").getDescription()).isEqualTo("No token");
        assertThat(bare.getResponses()
                        .getAPIResponse("401")
                        .getContent()
                        .getMediaType(ProblemResponses.MEDIA_TYPE)
                        .getSchema()
                        .getRef())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(own.getResponses().getAPIResponse("401").getDescription()).isEqualTo("own");
        assertThat(framework.getResponses().getAPIResponse("401").getDescription())
                .isEqualTo("No token");
        assertThat(framework
                        .getResponses()
                        .getAPIResponse("401")
                        .getContent()
                        .getMediaType(ProblemResponses.MEDIA_TYPE))
                .isNotNull();
        assertThat(elsewhere.getResponses()).isNull();
    }

    @Test
    void aDocumentWithoutPathsIsLeftAlone() {
        OpenAPI openAPI = OASFactory.createOpenAPI();
        ProblemResponses.addWhereMissing(
                openAPI,
                path -> true,
                "403",
                () -> ProblemResponses.problem(
                        "Refused", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)));
        assertThat(openAPI.getPaths()).isNull();
    }
}
