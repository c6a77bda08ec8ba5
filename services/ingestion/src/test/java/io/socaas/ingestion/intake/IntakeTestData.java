package io.socaas.ingestion.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Builds request bodies: {@code anEvent().withTenant("globex").json()}; each run gets a unique marker. */
final class IntakeTestData {

    static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode event = JSON.createObjectNode();

    private IntakeTestData() {}

    /** A unique value to find this test's events (or their absence) on the shared topic. */
    static String aMarker() {
        return "test-" + UUID.randomUUID();
    }

    /** A Windows failed logon tagged with {@code marker}. */
    static IntakeTestData anEvent(String marker) {
        IntakeTestData data = new IntakeTestData();
        data.event.put("test_marker", marker);
        data.event.put("EventID", 4625);
        data.event.put("Channel", "Security");
        data.event.putObject("src_endpoint").put("ip", "203.0.113.7");
        return data;
    }

    IntakeTestData with(String field, String value) {
        event.put(field, value);
        return this;
    }

    IntakeTestData with(String field, int value) {
        event.put(field, value);
        return this;
    }

    IntakeTestData withTenant(String claimedTenant) {
        return with("tenant", claimedTenant);
    }

    String json() {
        return event.toString();
    }

    ObjectNode node() {
        return event.deepCopy();
    }

    static String array(List<IntakeTestData> events) {
        return events.stream().map(IntakeTestData::json).collect(Collectors.joining(",\n", "[\n", "\n]"));
    }

    static String ndjson(List<String> lines, String lineEnd) {
        return String.join(lineEnd, lines) + lineEnd;
    }
}
