package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Cisco AireOS wireless controllers' user names learned for and removed from a wireless client
 * (APF-6-USER_NAME_CREATED, APF-6-USER_NAME_DELETED), and the controller's own time after its task name. The lines are Elastic's cisco_aironet pipeline tests
 * (packages/cisco_aironet/data_stream/log/_dev/test/pipeline/test-aironet-messages.log).
 */
class CiscoWirelessControllerUserNameMappingsTest {

    @Test
    void aUserNameCreatedForAClientIsALogonAndDeletedALogoff() throws Exception {
        JsonNode created = line(
                "<134>WLC001: *haSSOServiceTask0: Sep 06 21:46:20.390: %APF-6-USER_NAME_CREATED:"
                        + " [SS]apf_ms.c:8996 Username entry (WildDogOne) with length (4) created for mobile 28:6f:7f:f8:64:e0");
        assertProduct(created, "IOS");
        assertClass(created, 3002, 1);
        assertThat(created.at("/user/name").asText()).isEqualTo("WildDogOne");
        assertThat(created.at("/src_endpoint/mac").asText()).isEqualTo("28:6f:7f:f8:64:e0");
        assertThat(created.get("status_id").asInt()).isEqualTo(1);

        JsonNode deleted = line("<134>WLC001: *haSSOServiceTask0: Sep 06 21:53:55.930: %APF-6-USER_NAME_DELETED:"
                + " [SS]apf_ms.c:8798 Username entry (WildDogOne) is deleted for mobile 28:6f:7f:f8:64:e0");
        assertClass(deleted, 3002, 2);
        assertThat(deleted.at("/user/name").asText()).isEqualTo("WildDogOne");
    }

    @Test
    void theControllersOwnTimeAfterTheTaskNameIsTheEventsTime() throws Exception {
        // received on 2026-03-01: the controller's time has no year, the latest one not ahead of the arrival
        JsonNode created = line(
                "<134>WLC001: *haSSOServiceTask0: Sep 06 21:46:20.390: %APF-6-USER_NAME_CREATED:"
                        + " [SS]apf_ms.c:8996 Username entry (WildDogOne) with length (4) created for mobile 28:6f:7f:f8:64:e0");
        assertThat(created.get("time").asLong()).isEqualTo(epochMillis("2025-09-06T21:46:20.390Z"));
        assertThat(created.at("/metadata/labels").toString()).doesNotContain("time_from_received");
        // a task name with blanks in it, and an administrator's login
        JsonNode sisf = line("<134>WLC001: *SISF BT Process: Aug 20 11:25:50.157: %SISF-6-ENTRY_DELETED:"
                + " sisf_shim_utils.c:482 Entry deleted A=fe80::aee2:d3ff:feba:56a4 V=0 I=wired:1 P=0000 M=");
        assertProduct(sisf, "IOS");
        assertThat(sisf.get("time").asLong()).isEqualTo(epochMillis("2025-08-20T11:25:50.157Z"));
        JsonNode admin = line("<133>WLC001: *emWeb: Aug 22 18:11:40.438: %AAA-5-AAA_AUTH_ADMIN_USER: aaa.c:3083"
                + " Authentication succeeded for admin user 'cisco' on 89.160.20.112");
        assertThat(admin.get("time").asLong()).isEqualTo(epochMillis("2025-08-22T18:11:40.438Z"));

        // a controller's line without its time (a traceback) keeps the arrival's
        JsonNode traceback =
                line("<132>WLC001: -Traceback: 0x11759554 0x1175b0f0 0x1175d2b8 0x11766124 0x116d0cf8 0xfff2ae0888");
        assertThat(traceback.at("/metadata/labels").toString()).contains("time_from_received");
        // a text before the message that is no time is not read as one
        JsonNode noTime = line(
                "<134>WLC001: *haSSOServiceTask0: Sep 36 21:46:20.390: %APF-6-USER_NAME_CREATED:"
                        + " [SS]apf_ms.c:8996 Username entry (WildDogOne) with length (4) created for mobile 28:6f:7f:f8:64:e0");
        assertClass(noTime, 3002, 1);
        assertThat(noTime.at("/metadata/labels").toString()).contains("time_from_received");
    }

    @Test
    void anotherClientMessageOfTheSameFacilityIsNoLogon() throws Exception {
        JsonNode notFound = line("<132>WLC001: *apfReceiveTask: Aug 22 10:24:20.959: %APF-4-MOBILESTATION_NOT_FOUND:"
                + " apf_ms.c:8467 Could not find the mobile cc:73:14:61:b0:8f in internal database");
        assertProduct(notFound, "IOS");
        assertThat(notFound.get("class_uid").asInt()).isZero();
    }
}
