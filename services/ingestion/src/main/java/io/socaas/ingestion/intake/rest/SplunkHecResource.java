package io.socaas.ingestion.intake.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.smallrye.common.annotation.Blocking;
import io.socaas.ingestion.intake.domain.EventIntake;
import io.socaas.ingestion.intake.domain.IngestKey;
import io.socaas.ingestion.intake.domain.IntakeReceipt;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Splunk HTTP Event Collector's endpoints, for log shippers and SaaS streams that send only
 * HEC: the ingest key is the HEC token ({@code Authorization: Splunk <key>}), events go through
 * the same normalization, quota, usage and durability as {@code POST /api/v1/events}.
 */
@Path("/services/collector")
@Tag(name = "Splunk HEC", description = "Event intake for Splunk HTTP Event Collector clients")
@SecurityScheme(
        securitySchemeName = SplunkHecResource.HEC_TOKEN,
        type = SecuritySchemeType.APIKEY,
        apiKeyName = HttpHeaders.AUTHORIZATION,
        in = org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn.HEADER,
        description = "'Splunk <ingest key>' (or 'Bearer <ingest key>'): the ingest key is the HEC token")
@Produces(MediaType.APPLICATION_JSON)
public class SplunkHecResource {

    static final String HEC_TOKEN = "hecToken";

    private static final String EVENT_DESCRIPTION = "Splunk HEC event endpoint: one or more JSON envelopes one after"
            + " another (whitespace between them optional), each with 'event' (an object: the source's event as"
            + " it is, e.g. a Windows event or a container's {\"log\": ...} record; or a text: a log line, read as"
            + " syslog, CEF, LEEF or a line on its own) and optionally time, host, source, sourcetype, index and"
            + " fields, kept under unmapped.splunk_hec. The tenant is the ingest key's (the HEC token). Answers 200"
            + " {\"text\": \"Success\", \"code\": 0} only after every event is durably on the event bus;"
            + " otherwise nothing is accepted (problem+json: 400 with 'line' for an envelope without an event,"
            + " 401, 413, 429 with Retry-After for the plan's quota, 503). Delivery is at least once (HEC has"
            + " no idempotency key).";
    private static final String EVENT_EXAMPLE = """
            {"time": 1772356799.5, "host": "web01", "sourcetype": "linux_secure", "event": "Mar  1 09:59:59 web01 sshd[123]: Failed password for root from 203.0.113.9 port 4444 ssh2"}
            {"host": "dc01", "event": {"Channel": "Security", "EventID": 4625, "TargetUserName": "administrator", "IpAddress": "203.0.113.7"}}
            """;
    private static final String RAW_DESCRIPTION = "Splunk HEC raw endpoint: each non-blank line of the body is a log"
            + " line (syslog, CEF, LEEF, JSON or a line on its own), with the query's host, source, sourcetype"
            + " and index kept under unmapped.splunk_hec. Answers as the event endpoint.";

    private final EventIntake intake;
    private final AcceptedBatches batches;

    SplunkHecResource(EventIntake intake, AcceptedBatches batches) {
        this.intake = intake;
        this.batches = batches;
    }

    /** HEC's answer to an accepted request, with the events' ingest ids. */
    @Schema(name = "SplunkHecResponse", description = "Events accepted: every one of them is durably on the event bus")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HecResponse(
            @Schema(description = "HEC's status text", examples = "Success")
            String text,

            @Schema(description = "HEC's status code: 0 accepted, 17 healthy", examples = "0")
            int code,

            @Schema(description = "Number of events accepted", examples = "2")
            Integer accepted,

            @JsonProperty("ingest_ids") @Schema(description = "Ingest id (ULID) of each event, in request order")
            List<String> ingestIds) {

        static HecResponse success(IntakeReceipt receipt) {
            return new HecResponse("Success", 0, receipt.accepted(), receipt.ingestIds());
        }
    }

    /** What a raw request's query says of its lines (kept under {@code unmapped.splunk_hec}). */
    public static final class RawQuery {
        @Parameter(description = "the sending host")
        @QueryParam("host")
        String host;

        @Parameter(description = "the source (a file, a stream)")
        @QueryParam("source")
        String source;

        @Parameter(description = "the source type (kept, not used to choose a mapping)")
        @QueryParam("sourcetype")
        String sourcetype;

        @Parameter(description = "Splunk's index (kept; the tenant's indices are chosen by the key)")
        @QueryParam("index")
        String index;

        Map<String, String> metadata() {
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("host", host);
            metadata.put("source", source);
            metadata.put("sourcetype", sourcetype);
            metadata.put("index", index);
            return metadata;
        }
    }

    // The event endpoint's other paths and the raw endpoint's versioned path are documented as
    // these two by IntakeOpenApiFilter, and every HEC path's problem responses as POST /api/v1/events'.

    @POST
    @Blocking // parsing a batch is CPU work and publishing waits for Kafka
    @Consumes(MediaType.WILDCARD)
    @SecurityRequirement(name = HEC_TOKEN)
    @Operation(summary = "Send events (Splunk HEC)", description = EVENT_DESCRIPTION)
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .STRING),
                            examples = @ExampleObject(name = "envelopes", value = EVENT_EXAMPLE)))
    @APIResponse(
            responseCode = "200",
            description = "All events accepted",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HecResponse.class)))
    public HecResponse collector(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
        return events(authorization, body);
    }

    @POST
    @Path("/event")
    @Blocking
    @Consumes(MediaType.WILDCARD)
    public HecResponse event(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
        return events(authorization, body);
    }

    @POST
    @Path("/event/1.0")
    @Blocking
    @Consumes(MediaType.WILDCARD)
    public HecResponse eventVersioned(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
        return events(authorization, body);
    }

    @POST
    @Path("/raw")
    @Blocking
    @Consumes(MediaType.WILDCARD)
    @SecurityRequirement(name = HEC_TOKEN)
    @Operation(summary = "Send log lines (Splunk HEC raw endpoint)", description = RAW_DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "All lines accepted",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HecResponse.class)))
    public HecResponse raw(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @BeanParam RawQuery query, byte[] body) {
        return rawLines(authorization, query, body);
    }

    @POST
    @Path("/raw/1.0")
    @Blocking
    @Consumes(MediaType.WILDCARD)
    public HecResponse rawVersioned(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @BeanParam RawQuery query, byte[] body) {
        return rawLines(authorization, query, body);
    }

    @GET
    @Path("/health")
    @Operation(
            summary = "HEC health",
            description = "What HEC clients check before they send: 200 while the service runs"
                    + " (also at /services/collector/health/1.0)")
    @APIResponse(
            responseCode = "200",
            description = "The collector takes events",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HecResponse.class)))
    public HecResponse health() {
        return new HecResponse("HEC is healthy", 17, null, null);
    }

    @GET
    @Path("/health/1.0")
    public HecResponse healthVersioned() {
        return health();
    }

    private HecResponse events(String authorization, byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        return HecResponse.success(batches.accept(
                IngestKey.fromSplunkAuthorization(authorization),
                bytes.length,
                credential -> intake.ingestSplunkHec(credential, bytes)));
    }

    private HecResponse rawLines(String authorization, RawQuery query, byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        return HecResponse.success(batches.accept(
                IngestKey.fromSplunkAuthorization(authorization),
                bytes.length,
                credential -> intake.ingestSplunkHecRaw(credential, bytes, query.metadata())));
    }
}
