package io.socaas.ingestion.intake.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.socaas.ingestion.intake.domain.EventIntake;
import io.socaas.ingestion.intake.domain.IngestCredential;
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
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;
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
import org.jboss.logging.MDC;

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
        description = "'Splunk <ingest key>' (or 'Bearer <ingest key>', or Basic credentials whose password is the"
                + " ingest key): the ingest key is the HEC token")
@Produces(MediaType.APPLICATION_JSON)
public class SplunkHecResource {

    static final String HEC_TOKEN = "hecToken";
    static final String CHANNEL_HEADER = "X-Splunk-Request-Channel";
    private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ACKS = 10_000;

    /**
     * Ack ids of this instance, one per request that came with a data channel. A request is answered
     * only once its events are durably on the event bus, so every ack id a client holds is acknowledged.
     */
    private final AtomicLong ackIds = new AtomicLong();

    private static final String EVENT_DESCRIPTION = "Splunk HEC event endpoint: one or more JSON envelopes one after"
            + " another (whitespace between them optional), each with 'event' (an object: the source's event as"
            + " it is, e.g. a Windows event or a container's {\"log\": ...} record; or a text: a log line, read as"
            + " syslog, CEF, LEEF or a line on its own) and optionally time, host, source, sourcetype, index and"
            + " fields, kept under unmapped.splunk_hec. The tenant is the ingest key's (the HEC token). Answers 200"
            + " {\"text\": \"Success\", \"code\": 0} only after every event is durably on the event bus;"
            + " otherwise nothing is accepted (problem+json that also carries HEC's 'text' and 'code', and"
            + " 'invalid-event-number' (0-based) for the envelope at fault: 400 code 6 for malformed JSON, 12 for"
            + " an envelope without an event, 13 for a blank one, 5 for no data, 16 for a token in the query;"
            + " 401 code 2 without a token, code 4 with one that is no valid ingest key; 413; 429 with"
            + " Retry-After for the plan's quota, 503 code 9). Delivery is at least once (HEC has no idempotency"
            + " key).";
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

            @JsonProperty("ingest_ids")
            @Schema(description = "Ingest id (ULID) of each accepted event, in request order")
            List<String> ingestIds,

            @JsonProperty("dead_lettered")
            @Schema(
                    description = "Only when there are any: positions in the request (from 0) of the events"
                            + " normalization failed on, kept on the dead-letter topic with the reason instead")
            List<Integer> deadLettered,

            @Schema(
                    description = "With a data channel (X-Splunk-Request-Channel or ?channel=): the request's"
                            + " acknowledgement id, already acknowledged at POST /services/collector/ack",
                    examples = "7")
            Long ackId) {

        static HecResponse success(IntakeReceipt receipt, Long ackId) {
            List<Integer> deadLettered = receipt.deadLetteredPositions();
            return new HecResponse(
                    "Success",
                    0,
                    receipt.accepted(),
                    receipt.ingestIds(),
                    deadLettered.isEmpty() ? null : deadLettered,
                    ackId);
        }
    }

    /** The acknowledgement of requests by their ack ids (HEC indexer acknowledgement). */
    @Schema(name = "SplunkHecAcks", description = "Per ack id: true when the request's events are durably stored")
    public record AckResponse(Map<String, Boolean> acks) {}

    /**
     * The HEC token of a request: the {@code Authorization} header ({@code Splunk <key>}, {@code Bearer
     * <key>}, or Basic credentials whose password is the key). A token in the query ({@code ?token=}) is
     * refused as Splunk refuses it by default (HEC code 16): URLs end up in proxies' and load balancers'
     * logs, an ingest key must not.
     */
    public static final class Credentials {
        @Parameter(hidden = true)
        @HeaderParam(HttpHeaders.AUTHORIZATION)
        String authorization;

        @Parameter(
                description = "not accepted: the token goes in the Authorization header (Splunk HEC code 16 when"
                        + " it is sent here)")
        @QueryParam("token")
        String queryToken;

        IngestKey key() {
            if ((authorization == null || authorization.isBlank()) && queryToken != null) {
                throw new SplunkHecRequestException(
                        SplunkHecStatus.QUERY_STRING_AUTHORIZATION_NOT_ENABLED,
                        "a token in the query (?token=) is not accepted: send it in the Authorization header"
                                + " (Splunk <ingest key>)");
            }
            return IngestKey.fromSplunkAuthorization(authorization);
        }
    }

    /**
     * A client's data channel: the header {@code X-Splunk-Request-Channel} or the query's {@code channel}
     * (Amazon Data Firehose, Vector and Splunk's own clients send one to use indexer acknowledgement).
     */
    public static final class Channel {
        @Parameter(description = "the client's data channel (a GUID); asks for an ackId in the answer")
        @HeaderParam(CHANNEL_HEADER)
        String header;

        @Parameter(description = "the data channel, when the client cannot send the header")
        @QueryParam("channel")
        String query;

        /** The channel, or null when none was given; a malformed one is refused. */
        String value() {
            String channel = header != null && !header.isBlank() ? header.strip() : query;
            if (channel == null || channel.isBlank()) {
                return null;
            }
            if (!CHANNEL.matcher(channel).matches()) {
                throw new SplunkHecRequestException(
                        SplunkHecStatus.INVALID_DATA_CHANNEL, "invalid data channel: a GUID is expected");
            }
            return channel;
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
    public HecResponse collector(@BeanParam Credentials credentials, @BeanParam Channel channel, byte[] body) {
        return events(credentials, channel, body);
    }

    @POST
    @Path("/event")
    @Blocking
    @Consumes(MediaType.WILDCARD)
    public HecResponse event(@BeanParam Credentials credentials, @BeanParam Channel channel, byte[] body) {
        return events(credentials, channel, body);
    }

    @POST
    @Path("/event/1.0")
    @Blocking
    @Consumes(MediaType.WILDCARD)
    public HecResponse eventVersioned(@BeanParam Credentials credentials, @BeanParam Channel channel, byte[] body) {
        return events(credentials, channel, body);
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
            @BeanParam Credentials credentials, @BeanParam RawQuery query, @BeanParam Channel channel, byte[] body) {
        return rawLines(credentials, query, channel, body);
    }

    @POST
    @Path("/raw/1.0")
    @Blocking
    @Consumes(MediaType.WILDCARD)
    public HecResponse rawVersioned(
            @BeanParam Credentials credentials, @BeanParam RawQuery query, @BeanParam Channel channel, byte[] body) {
        return rawLines(credentials, query, channel, body);
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
        return new HecResponse("HEC is healthy", 17, null, null, null, null);
    }

    @GET
    @Path("/health/1.0")
    public HecResponse healthVersioned() {
        return health();
    }

    @POST
    @Path("/ack")
    @Blocking
    @Consumes(MediaType.WILDCARD)
    @SecurityRequirement(name = HEC_TOKEN)
    @Operation(
            summary = "Acknowledgement of requests (Splunk HEC indexer acknowledgement)",
            description = "For clients that wait for indexer acknowledgement (Amazon Data Firehose, Vector):"
                    + " {\"acks\": [ackId, ...]} of the given data channel answers {\"acks\": {\"<ackId>\": true,"
                    + " ...}}. Every request of a channel is answered only once its events are durably on the event"
                    + " bus, so every ack id a client was given is acknowledged. 400 without a data channel or with a"
                    + " body that is not such an object; 401 without a valid key.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "acks", value = "{\"acks\": [0, 1, 2]}")))
    @APIResponse(
            responseCode = "200",
            description = "The acknowledgement of each ack id",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AckResponse.class)))
    public AckResponse ack(@BeanParam Credentials credentials, @BeanParam Channel channel, byte[] body) {
        MDC.put(
                AcceptedBatches.MDC_TENANT,
                intake.authenticate(credentials.key()).tenant().value());
        if (channel.value() == null) {
            throw new SplunkHecRequestException(
                    SplunkHecStatus.DATA_CHANNEL_MISSING,
                    "data channel is missing: send " + CHANNEL_HEADER + " or ?channel=");
        }
        JsonNode ids;
        try {
            ids = JSON.readTree(body == null ? new byte[0] : body).path("acks");
        } catch (IOException e) {
            ids = null;
        }
        if (ids == null || !ids.isArray() || ids.size() > MAX_ACKS) {
            throw new SplunkHecRequestException(
                    SplunkHecStatus.INVALID_DATA_FORMAT,
                    "the body must be {\"acks\": [ackId, ...]} with at most " + MAX_ACKS + " ack ids");
        }
        Map<String, Boolean> acks = new LinkedHashMap<>();
        for (JsonNode id : ids) {
            if (!id.canConvertToLong() || !id.isIntegralNumber() || id.asLong() < 0) {
                throw new SplunkHecRequestException(
                        SplunkHecStatus.INVALID_DATA_FORMAT, "ack ids are non-negative integers: " + id);
            }
            acks.put(Long.toString(id.asLong()), Boolean.TRUE);
        }
        return new AckResponse(acks);
    }

    private HecResponse events(Credentials credentials, Channel channel, byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        return accepted(credentials, channel, bytes, credential -> intake.ingestSplunkHec(credential, bytes));
    }

    private HecResponse rawLines(Credentials credentials, RawQuery query, Channel channel, byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        return accepted(
                credentials,
                channel,
                bytes,
                credential -> intake.ingestSplunkHecRaw(credential, bytes, query.metadata()));
    }

    /** The request accepted, with an ack id when it came with a data channel. */
    private HecResponse accepted(
            Credentials credentials, Channel channel, byte[] bytes, Function<IngestCredential, IntakeReceipt> ingest) {
        boolean acknowledged = channel.value() != null;
        IntakeReceipt receipt = batches.accept(credentials.key(), bytes.length, ingest);
        return HecResponse.success(receipt, acknowledged ? ackIds.getAndIncrement() : null);
    }
}
