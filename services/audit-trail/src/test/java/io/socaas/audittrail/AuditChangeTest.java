package io.socaas.audittrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditChangeTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void keepsOnlyTheFieldsTheActionChanged() {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("id", "c-1");
        before.put("status", "open");
        before.put("assignee", null);
        before.put("tags", List.of("a"));
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put("status", "acknowledged");
        after.put("assignee", "ana");

        AuditChange change = AuditChange.of(json, before, after);

        assertThat(change.beforeJson()).isEqualTo("{\"status\":\"open\",\"assignee\":null}");
        assertThat(change.afterJson()).isEqualTo("{\"status\":\"acknowledged\",\"assignee\":\"ana\"}");
    }

    @Test
    void aFieldOnOneSideOnlyIsNullOnTheOther() {
        AuditChange change = AuditChange.of(json, Map.of("plan", "standard"), "{\"plan\":\"standard\",\"note\":\"x\"}");

        assertThat(change.beforeJson()).isEqualTo("{\"note\":null}");
        assertThat(change.afterJson()).isEqualTo("{\"note\":\"x\"}");
    }

    @Test
    void aCreationKeepsItsWholeAfterAndARemovalItsWholeBefore() {
        assertThat(AuditChange.of(json, null, Map.of("name", "fw-1")))
                .isEqualTo(new AuditChange("", "{\"name\":\"fw-1\"}"));
        assertThat(AuditChange.of(json, Map.of("name", "fw-1"), null))
                .isEqualTo(new AuditChange("{\"name\":\"fw-1\"}", ""));
        assertThat(AuditChange.of(json, null, null)).isEqualTo(AuditChange.NONE);
    }
}
