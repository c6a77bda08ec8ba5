package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Cisco ISE's alarms ({@code CISE_Alarm <SEVERITY>: <alarm> : <details>}), which come without the
 * message header of ISE's other categories, written with values of our own.
 */
class CiscoIseAlarmMappingsTest {

    @Test
    void alarmsAreIsesOwnEventsWithTheAlarmItsDetailsAndSeverity() throws Exception {
        JsonNode coa = line("<178>Mar  1 09:40:00 ise-pan01 CISE_Alarm WARN: Dynamic Authorization Failed for Device :"
                + " Server=ise-psn02; Calling Station Id=02:AA:BB:CC:DD:EE; Network device IP=192.0.2.30;"
                + " Network Device Name=access-sw-3; Failure Reason=11213 No response received from Network Access"
                + " Device after sending a Dynamic Authorization request");
        assertBaseEventOf(coa, "Identity Services Engine");
        assertThat(coa.get("message").asText()).isEqualTo("Dynamic Authorization Failed for Device");
        assertThat(coa.get("status_detail").asText()).startsWith("Server=ise-psn02; Calling Station Id=");
        assertThat(coa.get("severity_id").asInt()).isEqualTo(3);
        assertThat(coa.at("/device/hostname").asText()).isEqualTo("ise-pan01");

        JsonNode info = line(
                "<182>Mar  1 09:41:00 ise-pan01 CISE_Alarm INFO: Smart Licensing Authorization Renewal" + " success");
        assertBaseEventOf(info, "Identity Services Engine");
        assertThat(info.get("severity_id").asInt()).isEqualTo(1);
    }

    @Test
    void linesThatAreNotIsesAlarmsAreNotClaimed() throws Exception {
        JsonNode notAnAlarm = line("<178>Mar  1 09:40:00 ise-pan01 CISE_Alarm hello there");
        assertThat(notAnAlarm.at("/metadata/product/name").asText()).isNotEqualTo("Identity Services Engine");
        JsonNode other = line("<178>Mar  1 09:40:00 host app: WARN: Queue Link Error : Cause=timeout");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("Identity Services Engine");
    }
}
