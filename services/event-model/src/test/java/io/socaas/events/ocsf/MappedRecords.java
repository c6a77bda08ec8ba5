package io.socaas.events.ocsf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.events.IngestIds;
import io.socaas.events.JsonEvent;
import io.socaas.events.StampedEvent;
import io.socaas.events.TenantId;
import io.socaas.events.syslog.SyslogParser;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Test support for the tests of the shipped mapping files: normalizes a log line or a JSON event with
 * the shipped mappings and returns the OCSF record as JSON, and holds the assertions those tests share
 * (a network flow, its action, a logon, the product). The normalizer keeps wide time bounds (30 years
 * back, a day ahead), so the times of old corpus lines are kept and can be asserted.
 */
final class MappedRecords {

    /** Reads the records, and whatever JSON a test reads besides them. */
    static final ObjectMapper JSON = new ObjectMapper();

    /** When every line and event is received. */
    private static final Instant RECEIVED = Instant.parse("2026-03-01T10:00:00Z");

    private static final OcsfNormalizer.Context CONTEXT = new OcsfNormalizer.Context(
            TenantId.of("acme"), IngestIds.derived("key1", "batch", 0), RECEIVED, "mapping-tests");

    private static final OcsfNormalizer NORMALIZER =
            new OcsfNormalizer(OcsfMappings.load(), Duration.ofDays(365 * 30), Duration.ofDays(1));

    private MappedRecords() {}

    /** The record of a log line (syslog or a bare line), normalized with the shipped mappings. */
    static JsonNode line(String line) throws IOException {
        return line(NORMALIZER, line);
    }

    /** The record of a log line, normalized by the given normalizer (a test's own mappings or bounds). */
    static JsonNode line(OcsfNormalizer normalizer, String line) throws IOException {
        return record(normalizer.normalize(LogLine.decode(line, RECEIVED, new SyslogParser()), CONTEXT));
    }

    /** The record of a log line from a source whose clock is in {@code clock}, with the shipped mappings. */
    static JsonNode line(String line, ZoneId clock) throws IOException {
        return record(NORMALIZER.normalize(LogLine.decode(line, RECEIVED, SyslogParser.in(clock)), context(clock)));
    }

    /** The record of a JSON event from a source whose clock is in {@code clock}, with the shipped mappings. */
    static JsonNode json(String json, ZoneId clock) throws IOException {
        return record(NORMALIZER.normalize(JsonEvent.parse(json), context(clock)));
    }

    private static OcsfNormalizer.Context context(ZoneId clock) {
        return new OcsfNormalizer.Context(
                CONTEXT.tenant(), CONTEXT.ingestId(), CONTEXT.receivedTime(), CONTEXT.sourceName(), clock);
    }

    /** The record of a JSON event, normalized with the shipped mappings. */
    static JsonNode json(String json) throws IOException {
        return json(NORMALIZER, json);
    }

    /** The record of a JSON event, normalized by the given normalizer (a test's own mappings or bounds). */
    static JsonNode json(OcsfNormalizer normalizer, String json) throws IOException {
        return record(normalizer.normalize(JsonEvent.parse(json), CONTEXT));
    }

    private static JsonNode record(StampedEvent stamped) throws IOException {
        return JSON.readTree(stamped.event().toJsonBytes());
    }

    /** Milliseconds since the epoch of an ISO-8601 instant ({@code 2026-03-01T09:00:00Z}). */
    /** An evtx-dump Security event with the given EventData. */
    static String securityEvtx(int eventId, String eventData) {
        return """
                {"Event":{"System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-Security-Auditing"}},"EventID":%d,
                 "TimeCreated":{"#attributes":{"SystemTime":"2026-02-28T07:22:21.942Z"}},"Channel":"Security",
                 "Computer":"PC01.corp.example"},"EventData":%s}}""".formatted(eventId, eventData);
    }

    /** The record's class and activity (and so its type). */
    static void assertClass(JsonNode r, int classUid, int activityId) {
        assertThat(r.get("class_uid").asInt()).as(r.toString()).isEqualTo(classUid);
        assertThat(r.get("activity_id").asInt()).as(r.toString()).isEqualTo(activityId);
        assertThat(r.get("type_uid").asLong()).as(r.toString()).isEqualTo(classUid * 100L + activityId);
    }

    static long epochMillis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    /** The record names the product. */
    static void assertProduct(JsonNode r, String product) {
        assertThat(r.at("/metadata/product/name").asText())
                .as("product of %s", r)
                .isEqualTo(product);
    }

    /** A line of the product that its file claims but maps to no class: a Base Event of that product. */
    static void assertBaseEventOf(JsonNode r, String product) {
        assertThat(r.get("class_uid").asInt()).as("class of %s", r).isZero();
        assertProduct(r, product);
    }

    /**
     * Network Activity with the activity and endpoints; a port given as null must be absent (ICMP, a
     * standard access list).
     */
    static void assertFlow(JsonNode r, int activityId, String srcIp, Integer srcPort, String dstIp, Integer dstPort) {
        assertThat(r.get("class_uid").asInt()).as("class of %s", r).isEqualTo(4001);
        assertThat(r.get("activity_id").asInt()).as("activity of %s", r).isEqualTo(activityId);
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo(srcIp);
        assertThat(r.at("/dst_endpoint/ip").asText()).isEqualTo(dstIp);
        assertValueOrAbsent(r, "/src_endpoint/port", srcPort, "source port");
        assertValueOrAbsent(r, "/dst_endpoint/port", dstPort, "destination port");
    }

    /** The device let the traffic or request through. */
    static void assertAllowed(JsonNode r) {
        assertThat(r.get("action_id").asInt()).as("action of %s", r).isEqualTo(1);
        assertThat(r.get("action").asText()).isEqualTo("Allowed");
        assertThat(r.get("disposition_id").asInt()).isEqualTo(1);
        assertThat(r.get("disposition").asText()).isEqualTo("Allowed");
    }

    /** The device blocked the traffic or request. */
    static void assertDenied(JsonNode r) {
        assertThat(r.get("action_id").asInt()).as("action of %s", r).isEqualTo(2);
        assertThat(r.get("action").asText()).isEqualTo("Denied");
        assertThat(r.get("disposition_id").asInt()).isEqualTo(2);
        assertThat(r.get("disposition").asText()).isEqualTo("Blocked");
    }

    /**
     * Authentication (3002) of the activity with user and client address; a user or address given as
     * null must be absent.
     */
    static void assertAuthentication(JsonNode r, int activityId, String user, String srcIp) {
        assertThat(r.get("class_uid").asInt()).as("class of %s", r).isEqualTo(3002);
        assertThat(r.get("activity_id").asInt()).as("activity of %s", r).isEqualTo(activityId);
        assertValueOrAbsent(r, "/user/name", user, "user");
        assertValueOrAbsent(r, "/src_endpoint/ip", srcIp, "source");
    }

    /**
     * A logon (Authentication, activity 1) with its outcome (1 success, 2 failure), user and client
     * address; a user or address given as null must be absent.
     */
    static void assertLogon(JsonNode r, int statusId, String user, String srcIp) {
        assertAuthentication(r, 1, user, srcIp);
        assertStatus(r, statusId);
    }

    /** The outcome: {@code status_id} (1 success, 2 failure) and its name. */
    static void assertStatus(JsonNode r, int statusId) {
        assertThat(r.get("status_id").asInt()).as("status of %s", r).isEqualTo(statusId);
        assertThat(r.get("status").asText()).isEqualTo(statusId == 1 ? "Success" : "Failure");
    }

    private static void assertValueOrAbsent(JsonNode r, String pointer, Object expected, String what) {
        if (expected == null) {
            assertThat(r.at(pointer).isMissingNode()).as("no %s in %s", what, r).isTrue();
        } else if (expected instanceof Integer number) {
            assertThat(r.at(pointer).asInt()).as("%s of %s", what, r).isEqualTo(number);
        } else {
            assertThat(r.at(pointer).asText()).as("%s of %s", what, r).isEqualTo(expected);
        }
    }
}
