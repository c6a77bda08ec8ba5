package io.socaas.audittrail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditRecordTest {

    private static final Actor ANA = new Actor("sub-1", "ana", "socaas-portal", List.of("analyst", "l1"));

    @Test
    void namesThePathParametersOfTheRoute() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("tenantId", "acme");
        parameters.put("keyId", "k1");
        assertThat(AuditRecord.route("DELETE", "/api/v1/tenants/acme/ingest-keys/k1", parameters))
                .isEqualTo("DELETE /api/v1/tenants/{tenantId}/ingest-keys/{keyId}");
        assertThat(AuditRecord.route("POST", "/api/v1/cases/c-1:claim", Map.of("id", "c-1")))
                .isEqualTo("POST /api/v1/cases/{id}:claim");
    }

    @Test
    void theSameEntrySentTwiceHasOneIdAndAnotherEntryAnother() {
        Instant at = Instant.parse("2026-12-01T10:00:00.123456789Z");
        AuditRecord one = entry(at, "req-1", "acme");
        assertThat(one.entryId()).isEqualTo(entry(at, "req-1", "acme").entryId());
        assertThat(one.entryId()).isNotEqualTo(entry(at, "req-2", "acme").entryId());
        assertThat(one.time()).isEqualTo(Instant.parse("2026-12-01T10:00:00.123456Z"));
    }

    @Test
    void anEntryAboutNoTenantIsKeyedPlatform() {
        assertThat(entry(Instant.now(), "r", null).key()).isEqualTo("platform");
        assertThat(entry(Instant.now(), "r", "globex").key()).isEqualTo("globex");
    }

    @Test
    void outcomesFollowTheStatus() {
        assertThat(AuditRecord.httpOutcome(201)).isEqualTo("succeeded");
        assertThat(AuditRecord.httpOutcome(403)).isEqualTo("refused");
        assertThat(AuditRecord.httpOutcome(503)).isEqualTo("failed");
        assertThat(AuditRecord.grpcOutcome(0)).isEqualTo("succeeded");
        assertThat(AuditRecord.grpcOutcome(7)).isEqualTo("refused");
        assertThat(AuditRecord.grpcOutcome(13)).isEqualTo("failed");
    }

    @Test
    void theMessageCarriesEveryFieldUnderItsProtoNumber() throws Exception {
        AuditRecord entry = new AuditRecord(
                Instant.parse("2026-12-01T10:00:00Z"),
                "case-management",
                ANA,
                "acme",
                "POST /api/v1/cases/{id}:claim",
                "id=c-1",
                "{\"status\":\"new\"}",
                "{\"status\":\"acknowledged\"}",
                "req-1",
                "4bf92f3577b34da6a3ce929d0e0e4736",
                200,
                "succeeded");
        Map<Integer, List<Object>> fields = new java.util.TreeMap<>();
        var in = com.google.protobuf.CodedInputStream.newInstance(AuditEntryWire.encode(entry));
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int number = com.google.protobuf.WireFormat.getTagFieldNumber(tag);
            Object value = com.google.protobuf.WireFormat.getTagWireType(tag) == 0 ? in.readInt64() : in.readString();
            fields.computeIfAbsent(number, n -> new java.util.ArrayList<>()).add(value);
        }
        assertThat(fields.get(1)).containsExactly(entry.entryId());
        assertThat(fields.get(2))
                .containsExactly(Instant.parse("2026-12-01T10:00:00Z").toEpochMilli() * 1000);
        assertThat(fields.get(3)).containsExactly("case-management");
        assertThat(fields.get(4)).containsExactly("ana");
        assertThat(fields.get(7)).containsExactly("analyst", "l1");
        assertThat(fields.get(8)).containsExactly("acme");
        assertThat(fields.get(9)).containsExactly("POST /api/v1/cases/{id}:claim");
        assertThat(fields.get(11)).containsExactly("{\"status\":\"new\"}");
        assertThat(fields.get(14)).containsExactly("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(fields.get(15)).containsExactly(200L);
        assertThat(fields.get(16)).containsExactly("succeeded");
    }

    private static AuditRecord entry(Instant at, String requestId, String tenant) {
        return new AuditRecord(
                at, "correlation", ANA, tenant, "gRPC x/Y", "", null, null, requestId, null, 0, "succeeded");
    }
}
