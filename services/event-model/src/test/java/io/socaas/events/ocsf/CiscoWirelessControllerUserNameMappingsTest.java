package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Cisco AireOS wireless controllers' user names learned for and removed from a wireless client
 * (APF-6-USER_NAME_CREATED, APF-6-USER_NAME_DELETED). The lines are Elastic's cisco_aironet pipeline tests
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
    void anotherClientMessageOfTheSameFacilityIsNoLogon() throws Exception {
        JsonNode notFound = line("<132>WLC001: *apfReceiveTask: Aug 22 10:24:20.959: %APF-4-MOBILESTATION_NOT_FOUND:"
                + " apf_ms.c:8467 Could not find the mobile cc:73:14:61:b0:8f in internal database");
        assertProduct(notFound, "IOS");
        assertThat(notFound.get("class_uid").asInt()).isZero();
    }
}
