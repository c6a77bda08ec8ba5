package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cisco's Firepower Threat Defense writes the ASA's messages under its own tag ({@code %FTD-6-113005});
 * they are read alike, as the product that sent them. Lines from elastic/integrations {@code
 * packages/cisco_ftd/data_stream/log/_dev/test/pipeline/test-ftd-fix.log}.
 */
class CiscoFirepowerThreatDefenseProductMappingsTest {

    @Test
    void anFtdLineIsFirepowerThreatDefensesWithTheDeviceWrittenBeforeTheTag() throws Exception {
        // the device's name glued to the tag, without the colon of a syslog header
        JsonNode r = line("<166>ACA1a-FW-FTDV01 %FTD-6-113005: AAA user authentication Rejected : reason = AAA failure"
                + " : server = 192.168.0.38 : user = scan : user IP = 192.168.0.139");
        assertClass(r, 3002, 1);
        assertProduct(r, "Firepower Threat Defense");
        assertThat(r.at("/metadata/product/vendor_name").asText()).isEqualTo("Cisco");
        assertThat(r.at("/device/hostname").asText()).isEqualTo("ACA1a-FW-FTDV01");
        assertThat(r.at("/user/name").asText()).isEqualTo("scan");
        assertThat(r.get("status_id").asInt()).isEqualTo(2);
    }

    @Test
    void anFtdLineWithoutTheDeviceNamesNone() throws Exception {
        JsonNode r = line("<166>%FTD-6-113005: AAA user authentication Rejected : reason = AAA failure"
                + " : server = 192.168.0.38 : user = ***** : user IP = 192.168.0.139");
        assertClass(r, 3002, 1);
        assertProduct(r, "Firepower Threat Defense");
        assertThat(r.has("device")).isFalse();
    }

    @Test
    void theSameMessageUnderTheAsaTagStaysTheAsas() throws Exception {
        JsonNode r = line("<166>Jul 29 2016 12:02:15: %ASA-6-113005: AAA user authentication Rejected"
                + " : reason = AAA failure : server = 10.1.1.2 : user = bob : user IP = 10.1.1.9");
        assertClass(r, 3002, 1);
        assertProduct(r, "ASA");
    }

    @Test
    void aWordBeforeTheTagThatIsNotRightBeforeItIsNoDevice() throws Exception {
        // text between the first word and the tag: the word is not the device's name
        JsonNode r = line("<166>ACA1a-FW-FTDV01 relay %FTD-6-113005: AAA user authentication Rejected"
                + " : reason = AAA failure : server = 192.168.0.38 : user = scan : user IP = 192.168.0.139");
        assertProduct(r, "Firepower Threat Defense");
        assertThat(r.at("/device/hostname").isMissingNode()).isTrue();
    }

    @Test
    void aProductNameLookupNeedsAFieldAndValuesAndNoOtherKey() {
        String file = """
                {"name":"t","product":{"name":"X",%s},"match":{"app_name":"x"},"default":{"class_uid":0}}""";
        assertThatThrownBy(
                        () -> OcsfMappings.parse(Map.of("t.json", file.formatted("\"name_from\":{\"field\":\"f\"}"))))
                .isInstanceOf(InvalidMappingException.class)
                .hasMessageContaining("product.name_from");
        assertThatThrownBy(() -> OcsfMappings.parse(Map.of("t.json", file.formatted("\"version\":\"1\""))))
                .isInstanceOf(InvalidMappingException.class)
                .hasMessageContaining("product.version");
    }
}
