package io.socaas.ingestion.intake.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.smallrye.common.annotation.Blocking;
import io.socaas.ingestion.intake.domain.EventIntake;
import io.socaas.ingestion.intake.domain.IngestKey;
import io.socaas.ingestion.intake.domain.IntakeReceipt;
import io.socaas.tenantindices.TenantIndexLayout;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The part of Elasticsearch's API that log shippers use to send, under {@code /es}: Winlogbeat,
 * Filebeat and the other Beats, Logstash's and Fluent Bit's elasticsearch outputs, Vector's
 * elasticsearch sink and NXLog's om_elasticsearch send to a tenant with its ingest key as their API
 * key. The root answers as an Elasticsearch node (the shippers check its version before they send),
 * {@code _bulk} takes the documents of {@code create} and {@code index} actions as events through
 * the same normalization, quota, usage and durability as {@code POST /api/v1/events}.
 */
@Path(ElasticsearchBulkResource.PATH)
@Tag(name = "Elasticsearch bulk", description = "Event intake for shippers that speak Elasticsearch's bulk API")
@SecurityScheme(
        securitySchemeName = ElasticsearchBulkResource.API_KEY,
        type = SecuritySchemeType.APIKEY,
        apiKeyName = HttpHeaders.AUTHORIZATION,
        in = org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn.HEADER,
        description = "'ApiKey base64(<any id>:<ingest key>)' (a Beat's api_key: \"<id>:<ingest key>\"), Basic"
                + " credentials whose password is the ingest key, or 'Bearer <ingest key>'")
@Produces(MediaType.APPLICATION_JSON)
public class ElasticsearchBulkResource {

    static final String PATH = "/es";
    static final String API_KEY = "elasticsearchApiKey";
    /** What Elasticsearch's own clients check on every answer (Logstash, the language clients). */
    static final String PRODUCT_HEADER = "X-Elastic-Product";

    /**
     * The version the root reports: shippers refuse a node older than their own major and minor
     * unless told to allow older ones (Beats: {@code allow_older_versions: true}).
     */
    static final String VERSION = "8.19.0";

    private static final String BULK_DESCRIPTION = "Elasticsearch bulk request (NDJSON): an action line"
            + " ({\"create\": {...}} or {\"index\": {...}}) before each document; every document is an event (a"
            + " Winlogbeat event, a Filebeat line with its metadata, any JSON). The action's _index is not used:"
            + " the tenant's indices are chosen by the ingest key. update and delete actions are refused (400)."
            + " Answers 200 with Elasticsearch's bulk response (an item with status 201 per document) only after"
            + " every event is durably on the event bus; otherwise nothing is accepted (problem+json that also"
            + " carries Elasticsearch's 'error' object: 400, 401, 413, 429 with Retry-After for the plan's"
            + " quota, 503). A document normalization fails on is kept on the dead-letter topic instead: its"
            + " item has status 200, result 'noop' and no _id, so that the shipper does not send it again."
            + " A shipper sends a failed request again whole: a document whose action names an _id"
            + " keeps its ingest id (derived from the key and the id), so later stages hold it once; without one"
            + " delivery is at least once.";
    private static final String BULK_EXAMPLE = """
            {"create": {"_index": "winlogbeat-8.19.0"}}
            {"@timestamp": "2026-03-01T09:59:59.000Z", "winlog": {"channel": "Security", "event_id": "4625", "computer_name": "dc01", "event_data": {"TargetUserName": "administrator", "IpAddress": "203.0.113.7", "LogonType": "3"}}}
            {"create": {}}
            {"@timestamp": "2026-03-01T10:00:00.000Z", "message": "Mar  1 10:00:00 web01 sshd[123]: Failed password for root from 203.0.113.9 port 4444 ssh2", "log": {"file": {"path": "/var/log/auth.log"}}}
            """;

    private final EventIntake intake;
    private final AcceptedBatches batches;

    ElasticsearchBulkResource(EventIntake intake, AcceptedBatches batches) {
        this.intake = intake;
        this.batches = batches;
    }

    /** What a shipper reads of the root: the node's version. */
    @Schema(name = "ElasticsearchNodeInfo", description = "The root of an Elasticsearch node, as shippers read it")
    public record NodeInfo(
            String name,
            @JsonProperty("cluster_name") String clusterName,
            Map<String, String> version,
            String tagline) {}

    /** Elasticsearch's bulk response. */
    @Schema(
            name = "ElasticsearchBulkResponse",
            description = "Every document accepted: each is durably on the event bus")
    public record BulkResponse(
            @Schema(description = "milliseconds the request took")
            long took,

            @Schema(description = "always false: a request is accepted whole or refused whole")
            boolean errors,

            @Schema(
                    description = "one item per document, keyed by its action, with the event's ingest id as _id"
                            + " (a document kept on the dead-letter topic: result noop, status 200, no _id)")
            List<Map<String, BulkItem>> items) {}

    /** One document's outcome. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BulkItem(
            @JsonProperty("_index") String index,
            @JsonProperty("_id") String id,
            @JsonProperty("_version") Integer version,
            String result,
            int status) {

        static BulkItem created(String index, String ingestId) {
            return new BulkItem(index, ingestId, 1, "created", 201);
        }

        /** Normalization failed on it: kept on the dead-letter topic, nothing for the shipper to send again. */
        static BulkItem deadLettered(String index) {
            return new BulkItem(index, null, null, "noop", 200);
        }
    }

    @GET
    @SecurityRequirement(name = API_KEY)
    @Operation(
            summary = "Node information (Elasticsearch root)",
            description = "What Beats, Logstash, Fluent Bit and Vector ask before they send: the version of the node."
                    + " Needs a valid ingest key, so that a shipper with a wrong one fails at once.")
    @APIResponse(
            responseCode = "200",
            description = "The node's version",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NodeInfo.class)))
    public Response root(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        intake.authenticate(IngestKey.fromElasticsearchAuthorization(authorization));
        return elasticsearch(new NodeInfo(
                "socaas-ingestion",
                "socaas",
                Map.of(
                        "number", VERSION,
                        "build_flavor", "default",
                        "minimum_wire_compatibility_version", "7.17.0",
                        "minimum_index_compatibility_version", "7.0.0"),
                "You Know, for Search"));
    }

    @HEAD
    public Response head(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        intake.authenticate(IngestKey.fromElasticsearchAuthorization(authorization));
        return Response.ok().header(PRODUCT_HEADER, "Elasticsearch").build();
    }

    @GET
    @Path("/_license")
    @SecurityRequirement(name = API_KEY)
    @Operation(
            summary = "License (Elasticsearch)",
            description = "What Beats and Logstash check after the version: an active basic license.")
    public Response license(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        intake.authenticate(IngestKey.fromElasticsearchAuthorization(authorization));
        return elasticsearch(
                Map.of("license", Map.of("status", "active", "type", "basic", "mode", "basic", "uid", "socaas")));
    }

    @GET
    @Path("/_cluster/health")
    @SecurityRequirement(name = API_KEY)
    @Operation(
            summary = "Cluster health (Elasticsearch)",
            description = "What Vector's health check asks: green while the service takes events.")
    public Response health(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        intake.authenticate(IngestKey.fromElasticsearchAuthorization(authorization));
        return elasticsearch(Map.of("cluster_name", "socaas", "status", "green", "timed_out", false));
    }

    @POST
    @Path("/_bulk")
    @Blocking // parsing a batch is CPU work and publishing waits for Kafka
    @Consumes(MediaType.WILDCARD)
    @SecurityRequirement(name = API_KEY)
    @Operation(summary = "Send events (Elasticsearch bulk)", description = BULK_DESCRIPTION)
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = "application/x-ndjson",
                            schema =
                                    @Schema(
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .STRING),
                            examples = @ExampleObject(name = "bulk", value = BULK_EXAMPLE)))
    @APIResponse(
            responseCode = "200",
            description = "All documents accepted",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BulkResponse.class)))
    public Response bulk(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
        long start = System.nanoTime();
        byte[] bytes = body == null ? new byte[0] : body;
        AtomicReference<List<String>> actions = new AtomicReference<>(List.of());
        IntakeReceipt receipt =
                batches.accept(IngestKey.fromElasticsearchAuthorization(authorization), bytes.length, credential -> {
                    EventIntake.BulkReceipt bulk = intake.ingestElasticsearchBulk(credential, bytes);
                    actions.set(bulk.actions());
                    return bulk.receipt();
                });
        return elasticsearch(
                new BulkResponse((System.nanoTime() - start) / 1_000_000, false, items(receipt, actions.get())));
    }

    /** One item per document, in request order: the ingest ids go to the accepted ones in turn. */
    static List<Map<String, BulkItem>> items(IntakeReceipt receipt, List<String> actions) {
        String index = TenantIndexLayout.of(receipt.tenant()).alias();
        Set<Integer> deadLettered = new HashSet<>(receipt.deadLetteredPositions());
        List<Map<String, BulkItem>> items = new ArrayList<>(actions.size());
        int accepted = 0;
        for (int i = 0; i < actions.size(); i++) {
            items.add(Map.of(
                    actions.get(i),
                    deadLettered.contains(i)
                            ? BulkItem.deadLettered(index)
                            : BulkItem.created(index, receipt.ingestIds().get(accepted++))));
        }
        return items;
    }

    @PUT
    @Path("/_bulk")
    @Blocking
    @Consumes(MediaType.WILDCARD)
    public Response bulkPut(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
        return bulk(authorization, body);
    }

    @POST
    @Path("/{index}/_bulk")
    @Blocking
    @Consumes(MediaType.WILDCARD)
    public Response bulkToIndex(
            @PathParam("index") String index,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            byte[] body) {
        return bulk(authorization, body);
    }

    @PUT
    @Path("/{index}/_bulk")
    @Blocking
    @Consumes(MediaType.WILDCARD)
    public Response bulkToIndexPut(
            @PathParam("index") String index,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            byte[] body) {
        return bulk(authorization, body);
    }

    private static Response elasticsearch(Object entity) {
        return Response.ok(entity, MediaType.APPLICATION_JSON_TYPE)
                .header(PRODUCT_HEADER, "Elasticsearch")
                .build();
    }
}
