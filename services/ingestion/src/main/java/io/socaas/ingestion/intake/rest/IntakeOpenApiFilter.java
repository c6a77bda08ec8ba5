package io.socaas.ingestion.intake.rest;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Touches up what annotations cannot express: the NDJSON example must stay a string (the scanner
 * would read it as a single JSON object), and problem documents may carry the {@code line},
 * {@code quota}, {@code burst} and {@code events_per_day} extension members; the Splunk HEC paths
 * that are other names of an endpoint are documented as it, and every HEC path and the
 * Elasticsearch bulk path answer problems as {@code POST /api/v1/events}.
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
        documentHec(openAPI);
        documentElasticsearch(openAPI);
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
     * The Splunk HEC endpoints: a path that is another name of an endpoint is documented as that
     * endpoint, and every one answers problems as {@code POST /api/v1/events} does.
     */
    private static void documentHec(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        var paths = openAPI.getPaths();
        Map.of(
                        "/services/collector/event", "/services/collector",
                        "/services/collector/event/1.0", "/services/collector",
                        "/services/collector/raw/1.0", "/services/collector/raw")
                .forEach(
                        (alias, endpoint) -> sameAs(post(paths.getPathItem(alias)), post(paths.getPathItem(endpoint))));
        var health = paths.getPathItem("/services/collector/health");
        var healthAlias = paths.getPathItem("/services/collector/health/1.0");
        if (health != null && healthAlias != null) {
            sameAs(healthAlias.getGET(), health.getGET());
        }
        Operation events = post(paths.getPathItem("/api/v1/events"));
        if (events == null || events.getResponses() == null) {
            return;
        }
        for (String hec : List.of(
                "/services/collector",
                "/services/collector/event",
                "/services/collector/event/1.0",
                "/services/collector/raw",
                "/services/collector/raw/1.0",
                "/es/_bulk")) {
            Operation operation = post(paths.getPathItem(hec));
            if (operation == null || operation.getResponses() == null) {
                continue;
            }
            events.getResponses().getAPIResponses().forEach((status, response) -> {
                // any content type is read (HEC clients send none, text or JSON): no 415
                if (!status.startsWith("2")
                        && !status.equals("415")
                        && !operation.getResponses().hasAPIResponse(status)) {
                    operation.getResponses().addAPIResponse(status, response);
                }
            });
        }
        // the acknowledgement endpoint: a request it cannot read, a key it does not know, no directory
        problemsOf(events, post(paths.getPathItem("/services/collector/ack")), List.of("400", "401", "503"));
        // the dead-letter view: a key it does not know, no directory
        var deadLetters = paths.getPathItem("/api/v1/dead-letters");
        problemsOf(events, deadLetters == null ? null : deadLetters.getGET(), List.of("401", "503"));
    }

    /** Gives {@code operation} the problem answers of {@code events} with these statuses it does not document itself. */
    private static void problemsOf(Operation events, Operation operation, List<String> statuses) {
        if (operation == null || operation.getResponses() == null) {
            return;
        }
        for (String status : statuses) {
            var response = events.getResponses().getAPIResponse(status);
            if (response != null && !operation.getResponses().hasAPIResponse(status)) {
                operation.getResponses().addAPIResponse(status, response);
            }
        }
    }

    /**
     * The Elasticsearch paths: the bulk endpoint's other names (with an index, with PUT) and the
     * root's are documented as it, after it got the problem responses of {@code POST /api/v1/events}.
     */
    private static void documentElasticsearch(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        var paths = openAPI.getPaths();
        Operation bulk = post(paths.getPathItem("/es/_bulk"));
        PathItem withIndex = paths.getPathItem("/es/{index}/_bulk");
        sameAs(post(withIndex), bulk);
        sameAs(withIndex == null ? null : withIndex.getPUT(), bulk);
        PathItem bulkItem = paths.getPathItem("/es/_bulk");
        sameAs(bulkItem == null ? null : bulkItem.getPUT(), bulk);
        PathItem root = paths.getPathItem("/es");
        if (root != null) {
            sameAs(root.getHEAD(), root.getGET());
        }
    }

    private static Operation post(PathItem item) {
        return item == null ? null : item.getPOST();
    }

    private static void sameAs(Operation alias, Operation endpoint) {
        if (alias == null || endpoint == null) {
            return;
        }
        alias.setSummary(endpoint.getSummary());
        alias.setDescription(endpoint.getDescription());
        alias.setRequestBody(endpoint.getRequestBody());
        alias.setResponses(endpoint.getResponses());
        alias.setSecurity(endpoint.getSecurity());
    }
}
