package io.socaas.events.ocsf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socaas.events.IngestIds;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Events that arrive as OCSF records (an OCSF exporter, Amazon Security Lake) keep their class and
 * attributes; the platform's tenant, ids and time bounds apply to them as to any event.
 */
class NativeOcsfRecordsTest {

    /** The shipped mappings with the platform's bounds: times a year back to a day ahead. */
    private static final OcsfNormalizer NORMALIZER = OcsfNormalizer.withShippedMappings();

    private static final String INGEST_ID = IngestIds.derived("key1", "batch", 0);

    private static JsonNode normalize(String json) throws Exception {
        return MappedRecords.json(NORMALIZER, json);
    }

    private static JsonNode normalizeLine(String line) throws Exception {
        return MappedRecords.line(NORMALIZER, line);
    }

    private static final String FAILED_LOGON = """
            {"class_uid":3002,"class_name":"Authentication","category_uid":3,"activity_id":1,
             "activity_name":"Logon","type_uid":300201,"severity_id":3,"status_id":2,"status":"Failure",
             "time":1772358000000,"user":{"name":"bob","domain":"CORP"},
             "src_endpoint":{"ip":"203.0.113.9","port":50112},"auth_protocol_id":2,
             "metadata":{"version":"1.3.0","uid":"evt-981","product":{"name":"Exporter","vendor_name":"Example"},
                         "labels":["exported"],"tenant_uid":"globex"},
             "unmapped":{"vendor_field":"x"},"tenant":"globex"}""";

    @Test
    void anOcsfRecordKeepsItsClassAndAttributes() throws Exception {
        JsonNode r = normalize(FAILED_LOGON);
        assertThat(r.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(r.get("class_name").asText()).isEqualTo("Authentication");
        assertThat(r.get("activity_id").asInt()).isEqualTo(1);
        assertThat(r.get("type_uid").asLong()).isEqualTo(300201);
        assertThat(r.get("status_id").asInt()).isEqualTo(2);
        assertThat(r.get("severity_id").asInt()).isEqualTo(3);
        assertThat(r.get("severity").asText()).isEqualTo("Medium");
        assertThat(r.at("/user/name").asText()).isEqualTo("bob");
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.9");
        assertThat(r.get("auth_protocol_id").asInt()).isEqualTo(2);
        assertThat(r.get("time").asLong()).isEqualTo(1772358000000L);
        assertThat(r.at("/unmapped/vendor_field").asText()).isEqualTo("x");
        // the producer's metadata stays, the platform's is added
        assertThat(r.at("/metadata/product/name").asText()).isEqualTo("Exporter");
        assertThat(r.at("/metadata/labels").toString()).isEqualTo("[\"exported\"]");
        assertThat(r.at("/metadata/original_event_uid").asText()).isEqualTo("evt-981");
        assertThat(r.at("/metadata/log_version").asText()).isEqualTo("1.3.0");
        assertThat(r.at("/metadata/version").asText()).isEqualTo("1.8.0");
        assertThat(r.at("/metadata/uid").asText()).isEqualTo(INGEST_ID);
        assertThat(r.at("/metadata/log_source").asText()).isEqualTo("mapping-tests");
        assertThat(r.get("ingest_id").asText()).isEqualTo(INGEST_ID);
    }

    @Test
    void theRecordNeverChoosesItsTenant() throws Exception {
        JsonNode r = normalize(FAILED_LOGON);
        assertThat(r.get("tenant").asText()).isEqualTo("acme");
        assertThat(r.at("/metadata/tenant_uid").asText()).isEqualTo("acme");
        // what it claimed is kept where an analyst can see it
        assertThat(r.at("/unmapped/claimed_tenant").asText()).isEqualTo("globex");
        assertThat(r.at("/unmapped/claimed_tenant_uid").asText()).isEqualTo("globex");
    }

    @Test
    void derivedAttributesFollowTheSchemaNotTheProducer() throws Exception {
        // a wrong category and type, names left out, an activity the class does not have
        JsonNode r = normalize("""
                {"class_uid":4003,"category_uid":9,"activity_id":42,"type_uid":1,"severity_id":"17",
                 "query":{"hostname":"example.org","type":"A"},"time":1772358000000,
                 "metadata":{"version":"1.1.0","product":{"name":"Resolver"}}}""");
        assertThat(r.get("class_name").asText()).isEqualTo("DNS Activity");
        assertThat(r.get("category_uid").asInt()).isEqualTo(4);
        assertThat(r.get("category_name").asText()).isEqualTo("Network Activity");
        assertThat(r.get("activity_id").asInt()).isEqualTo(99);
        assertThat(r.get("type_uid").asLong()).isEqualTo(400399);
        assertThat(r.get("type_name").asText()).isEqualTo("DNS Activity: Other");
        assertThat(r.at("/unmapped/original_activity_id").asInt()).isEqualTo(42);
        assertThat(r.get("severity_id").asInt()).isZero();
        assertThat(r.at("/query/hostname").asText()).isEqualTo("example.org");

        // an activity given by name only
        JsonNode named = normalize("""
                {"class_uid":4003,"activity_name":"Response","time":1772358000000,
                 "metadata":{"version":"1.1.0","product":{"name":"Resolver"}}}""");
        assertThat(named.get("activity_id").asInt()).isEqualTo(2);
        assertThat(named.get("type_uid").asLong()).isEqualTo(400302);
    }

    @Test
    void securityLakeRecordsOfOcsfBeforeOnePointZeroAreTakenByClassName() throws Exception {
        // Security Lake's CloudTrail records were written to OCSF 0.26, whose class 5001 "Cloud API"
        // became API Activity (6003); 5001 is another class in 1.x. Its unmapped is a list of pairs.
        JsonNode r = normalize("""
                {"metadata":{"product":{"version":"1.08","name":"CloudTrail","vendor_name":"AWS"},
                             "profiles":["cloud"],"version":"0.26.1"},
                 "time":1772358000000,"cloud":{"region":"us-east-1","provider":"AWS"},
                 "api":{"operation":"CreateRole","service":{"name":"iam.amazonaws.com"}},
                 "src_endpoint":{"ip":"198.51.100.4"},
                 "class_name":"Cloud API","class_uid":5001,"category_uid":5,"severity_id":0,
                 "activity_name":"Operational","activity_id":3,"type_uid":500103,
                 "unmapped":[["eventType","AwsApiCall"],["readOnly","false"]]}""");
        assertThat(r.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(r.get("class_name").asText()).isEqualTo("API Activity");
        assertThat(r.get("category_uid").asInt()).isEqualTo(6);
        assertThat(r.get("activity_id").asInt()).isEqualTo(99);
        assertThat(r.at("/api/operation").asText()).isEqualTo("CreateRole");
        assertThat(r.at("/unmapped/original_class_uid").asInt()).isEqualTo(5001);
        assertThat(r.at("/unmapped/original_class_name").asText()).isEqualTo("Cloud API");
        assertThat(r.at("/unmapped/original_activity_name").asText()).isEqualTo("Operational");
        assertThat(r.at("/unmapped/eventType").asText()).isEqualTo("AwsApiCall");
        assertThat(r.at("/metadata/log_version").asText()).isEqualTo("0.26.1");

        // a class whose uid did not change keeps it: VPC flow logs as Network Activity
        JsonNode flow = normalize("""
                {"metadata":{"product":{"name":"Amazon VPC","vendor_name":"AWS"},"version":"0.39.0"},
                 "class_name":"Network Activity","class_uid":4001,"activity_id":6,"time":1772358000000,
                 "src_endpoint":{"ip":"10.0.0.5","port":44250},"dst_endpoint":{"ip":"10.0.0.9","port":22}}""");
        assertThat(flow.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(flow.get("activity_name").asText()).isEqualTo("Traffic");
        assertThat(flow.at("/dst_endpoint/port").asInt()).isEqualTo(22);
        assertThat(flow.at("/unmapped/original_class_uid").isMissingNode()).isTrue();
    }

    @Test
    void timesAreBoundedAsForAnyEvent() throws Exception {
        // time_dt when there is no epoch time
        JsonNode dt = normalize("""
                {"class_uid":3002,"activity_id":1,"time_dt":"2026-03-01T09:00:00Z",
                 "metadata":{"version":"1.3.0","product":{"name":"Exporter"},"labels":["x"]}}""");
        assertThat(dt.get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T09:00:00Z").toEpochMilli());

        // years old: received_time, the producer's labels kept beside the platform's
        JsonNode old = normalize("""
                {"class_uid":3002,"activity_id":1,"time":1680609784000,
                 "metadata":{"version":"1.3.0","product":{"name":"Exporter"},"labels":["x"]}}""");
        assertThat(old.get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T10:00:00Z").toEpochMilli());
        assertThat(old.at("/metadata/labels").toString())
                .isEqualTo("[\"x\",\"time_out_of_bounds\",\"time_from_received\"]");
        assertThat(old.at("/metadata/original_time").asText()).isEqualTo("1680609784000");
    }

    @Test
    void anOcsfRecordOverSyslogKeepsTheHeaderUnderUnmappedAndTheLineAsRawData() throws Exception {
        String line = "<134>1 2026-03-01T09:59:00Z fw01 exporter - - - "
                + FAILED_LOGON.replace("\n", "").replaceAll(" {2,}", "");
        JsonNode r = normalizeLine(line);
        assertThat(r.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(r.at("/user/name").asText()).isEqualTo("bob");
        assertThat(r.at("/unmapped/hostname").asText()).isEqualTo("fw01");
        assertThat(r.at("/unmapped/app_name").asText()).isEqualTo("exporter");
        assertThat(r.at("/unmapped/syslog_severity").asInt()).isEqualTo(6);
        assertThat(r.has("hostname")).isFalse();
        assertThat(r.has("message")).isFalse();
        assertThat(r.get("raw_data").asText()).isEqualTo(line);
        assertThat(r.get("tenant").asText()).isEqualTo("acme");
    }

    @Test
    void whatIsNotAnOcsfRecordOfAKnownClassIsReadAsAnyJsonEvent() throws Exception {
        // a class_uid without OCSF metadata: an application's own field
        JsonNode app = normalize("{\"class_uid\":3002,\"message\":\"student enrolled\",\"course\":\"math\"}");
        assertThat(app.get("class_uid").asInt()).isZero();
        assertThat(app.at("/unmapped/class_uid").asInt()).isEqualTo(3002);
        assertThat(app.at("/unmapped/course").asText()).isEqualTo("math");

        // a class neither the uid nor the name finds
        JsonNode unknown = normalize("""
                {"class_uid":9999,"class_name":"Quantum Activity","activity_id":1,
                 "metadata":{"version":"1.9.0","product":{"name":"Future"}}}""");
        assertThat(unknown.get("class_uid").asInt()).isZero();
        assertThat(unknown.at("/unmapped/class_name").asText()).isEqualTo("Quantum Activity");
        assertThat(unknown.at("/metadata/tenant_uid").asText()).isEqualTo("acme");
    }
}
