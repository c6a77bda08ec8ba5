package io.socaas.ingestion.intake.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Touches up what annotations cannot express: the NDJSON example must stay a string (the scanner
 * would read it as a single JSON object), and problem documents may carry the {@code line},
 * {@code quota}, {@code burst} and {@code events_per_day} extension members; the Splunk HEC paths
 * document the error responses of {@code POST /services/collector}.
 */
public class IntakeOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        var path = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem("/api/v1/events");
        if (path != null && path.getPOST() != null && path.getPOST().getRequestBody() != null) {
            MediaType ndjson = path.getPOST().getRequestBody().getContent().getMediaType(EventIntakeResource.NDJSON);
            if (ndjson != null && ndjson.getExamples() != null) {
                Example example = ndjson.getExamples().get(EventIntakeResource.NDJSON_EXAMPLE_NAME);
                if (example != null) {
                    example.setValue(EventIntakeResource.NDJSON_EXAMPLE);
                }
            }
        }
        copyHecErrorResponses(openAPI);
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            Schema problem = openAPI.getComponents().getSchemas().get("ProblemDetail");
            if (problem != null) {
                problem.addProperty(
                        "line",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .description("1-based line of the first problem in the request body (400, 413)"));
                problem.addProperty(
                        "quota",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("429 quota-exceeded: the part of the plan's quota that is used up,"
                                        + " events_per_second or events_per_day"));
                problem.addProperty(
                        "burst",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .description("the plan's burst: most events accepted at once (429, 413"
                                        + " batch-exceeds-burst)"));
                problem.addProperty(
                        "events_per_day",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .description("the plan's events per day (429 quota-exceeded)"));
            }
        }
    }

    /**
     * The Splunk HEC endpoints answer errors alike: the problem responses documented on {@code POST
     * /services/collector} are those of its other paths too.
     */
    private static void copyHecErrorResponses(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        var collector = openAPI.getPaths().getPathItem("/services/collector");
        if (collector == null
                || collector.getPOST() == null
                || collector.getPOST().getResponses() == null) {
            return;
        }
        var errors = collector.getPOST().getResponses().getAPIResponses();
        for (String other : List.of(
                "/services/collector/event",
                "/services/collector/event/1.0",
                "/services/collector/raw",
                "/services/collector/raw/1.0")) {
            var item = openAPI.getPaths().getPathItem(other);
            if (item == null || item.getPOST() == null || item.getPOST().getResponses() == null) {
                continue;
            }
            errors.forEach((status, response) -> {
                if (!status.startsWith("2") && !item.getPOST().getResponses().hasAPIResponse(status)) {
                    item.getPOST().getResponses().addAPIResponse(status, response);
                }
            });
        }
    }
}
