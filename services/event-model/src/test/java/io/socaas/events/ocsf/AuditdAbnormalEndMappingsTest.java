package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * A process the kernel killed on a signal (auditd's ANOM_ABEND record) is Process Activity
 * Terminate with the process, its user and the signal. A line written from the record's fields as
 * the kernel's audit_core_dumps writes them.
 */
class AuditdAbnormalEndMappingsTest {

    @Test
    void aProcessKilledOnASignalIsProcessTerminateWithTheSignal() throws Exception {
        JsonNode crash = line("type=ANOM_ABEND msg=audit(1772355600.120:8811): auid=1000 uid=33 gid=33 ses=4"
                + " subj=unconfined pid=21877 comm=\"php-fpm8.2\" exe=\"/usr/sbin/php-fpm8.2\" sig=11 res=1");
        assertThat(crash.get("class_uid").asInt()).as("class of %s", crash).isEqualTo(1007);
        assertThat(crash.get("activity_id").asInt()).isEqualTo(2);
        assertThat(crash.at("/process/name").asText()).isEqualTo("php-fpm8.2");
        assertThat(crash.at("/process/file/path").asText()).isEqualTo("/usr/sbin/php-fpm8.2");
        assertThat(crash.at("/process/pid").asInt()).isEqualTo(21877);
        assertThat(crash.at("/process/user/uid").asText()).isEqualTo("33");
        assertThat(crash.get("status_code").asText()).isEqualTo("11");
        assertProduct(crash, "auditd");
    }
}
