package io.socaas.correlation.detection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventAdmissionTest {

    @Test
    void acceptsAnEventWhoseTenantAgreesWithTheHeader() {
        var outcome = EventAdmission.admit("acme", Map.of("tenant", "acme", "ingest_id", "01J"));
        assertThat(outcome).isInstanceOfSatisfying(EventAdmission.Accepted.class, a -> {
            assertThat(a.tenant().value()).isEqualTo("acme");
            assertThat(a.ingestId()).isEqualTo("01J");
        });
    }

    @Test
    void rejectsAMissingOrInvalidTenantHeader() {
        assertThat(EventAdmission.admit(null, Map.of("tenant", "acme", "ingest_id", "1")))
                .isEqualTo(new EventAdmission.Rejected("missing tenant header"));
        assertThat(EventAdmission.admit("ACME!", Map.of("tenant", "acme", "ingest_id", "1")))
                .isInstanceOfSatisfying(
                        EventAdmission.Rejected.class,
                        r -> assertThat(r.reason()).contains("invalid tenant header"));
    }

    @Test
    void rejectsATenantHeaderThatDisagreesWithThePayload() {
        assertThat(EventAdmission.admit("acme", Map.of("tenant", "globex", "ingest_id", "1")))
                .isInstanceOfSatisfying(
                        EventAdmission.Rejected.class,
                        r -> assertThat(r.reason()).contains("disagrees").contains("globex"));
        assertThat(EventAdmission.admit("acme", Map.of("ingest_id", "1"))).isInstanceOf(EventAdmission.Rejected.class);
    }

    @Test
    void rejectsPayloadsThatAreNotJsonObjects() {
        assertThat(EventAdmission.admit("acme", List.of(1, 2)))
                .isEqualTo(new EventAdmission.Rejected("payload is not a JSON object"));
        assertThat(EventAdmission.admit("acme", null)).isInstanceOf(EventAdmission.Rejected.class);
    }

    @Test
    void rejectsEventsWithoutIngestId() {
        assertThat(EventAdmission.admit("acme", Map.of("tenant", "acme")))
                .isEqualTo(new EventAdmission.Rejected("payload has no ingest_id"));
    }

    @Test
    void rulesReadTheSourceFieldsOfANormalizedRecordWithThePlatformsFields() {
        Map<String, Object> record = new java.util.HashMap<>();
        record.put("class_uid", 1007);
        record.put("type_uid", 100701);
        record.put("time", 1772356502123L);
        record.put("tenant", "acme");
        record.put("ingest_id", "01J");
        record.put("received_time", "2026-03-01T10:00:00.000Z");
        record.put("process", Map.of("cmd_line", "whoami /priv"));
        record.put("unmapped", Map.of("EventID", 1, "CommandLine", "whoami /priv", "tenant", "globex"));

        var outcome = EventAdmission.admit("acme", record);

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        EventAdmission.Accepted.class,
                        a -> assertThat((Map<String, Object>) new java.util.HashMap<String, Object>(a.event()))
                                .containsEntry("EventID", 1)
                                .containsEntry("CommandLine", "whoami /priv")
                                .containsEntry("tenant", "acme")
                                .containsEntry("ingest_id", "01J")
                                .containsEntry("time", 1772356502123L)
                                .doesNotContainKeys("process", "unmapped"));
    }

    private static Map<String, Object> normalized(String format, String raw) {
        Map<String, Object> record = new java.util.HashMap<>();
        record.put("class_uid", 0);
        record.put("type_uid", 0);
        record.put("tenant", "acme");
        record.put("ingest_id", "01J");
        record.put("metadata", Map.of("log_format", format));
        record.put("raw_data", raw);
        record.put("unmapped", Map.of("app_name", "%SEC_LOGIN-5-WEBLOGIN_SUCCESS", "message", "Login Success"));
        return record;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLineOfTextIsReadWithItsOriginalAndADocumentWithoutItsText() {
        String line = "<189>12: Oct 16 09:14:22 UTC: %SEC_LOGIN-5-WEBLOGIN_SUCCESS: Login Success";
        for (String format : List.of("text", "cef", "leef", "snare")) {
            assertThat(EventAdmission.admit("acme", normalized(format, line)))
                    .as(format)
                    .isInstanceOfSatisfying(
                            EventAdmission.Accepted.class,
                            a -> assertThat((Map<String, Object>) a.event()).containsEntry("raw_data", line));
        }
        for (String format : List.of("json", "xml")) {
            assertThat(EventAdmission.admit("acme", normalized(format, "{\"app_name\": \"sshd\"}")))
                    .as(format)
                    .isInstanceOfSatisfying(
                            EventAdmission.Accepted.class,
                            a -> assertThat((Map<String, Object>) a.event())
                                    .doesNotContainKey("raw_data")
                                    .containsEntry("message", "Login Success"));
        }
    }
}
