package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Cisco Secure Endpoint (AMP for Endpoints) events API items, from the items a public integration tests
 * with (its page envelope as sent, and the item on its own).
 */
class CiscoSecureEndpointMappingsTest {

    private static final String PRODUCT = "Secure Endpoint";

    private static final String COMPUTER = "\"computer\":{\"connector_guid\":\"test_connector_guid\","
            + "\"hostname\":\"Demo_AMP_Threat_Quarantined\",\"external_ip\":\"81.2.69.144\",\"user\":\"user@testdomain.com\","
            + "\"active\":true,\"network_addresses\":[{\"ip\":\"10.10.10.10\",\"mac\":\"24:78:d8:fd:c4:75\"}]}";

    @Test
    void aThreatDetectedIsADetectionFindingWithTheFileAndHost() throws Exception {
        JsonNode r = json("{\"id\":6533241347137077000,\"timestamp\":1610618799,\"timestamp_nanoseconds\":657000000,"
                + "\"date\":\"2021-01-14T10:06:39+00:00\",\"event_type\":\"Threat Detected\",\"event_type_id\":1090519054,"
                + "\"detection\":\"W32.Overdrive.RET\",\"detection_id\":\"6533241347137077251\",\"connector_guid\":\"test_connector_guid\","
                + "\"group_guids\":[\"test_group_guid\"],\"severity\":\"Medium\"," + COMPUTER + ","
                + "\"file\":{\"disposition\":\"Malicious\",\"file_name\":\"BIT657.tmp\",\"file_path\":\"\\\\\\\\?\\\\C:\\\\BIT657.tmp\","
                + "\"identity\":{\"sha256\":\"a78c29d1fa05c2b23d1dc9b75da8c053399143682fe3779bc466f10e1a997850\","
                + "\"sha1\":\"cf162622e29bca072d01b274fbbc3ceaacdd13c7\",\"md5\":\"0fe5be3811a98ee6a9c997d3812d911a\"},"
                + "\"parent\":{\"process_id\":896,\"disposition\":\"Clean\",\"file_name\":\"svchost.exe\"}}}");
        assertProduct(r, PRODUCT);
        assertClass(r, 2004, 1);
        assertThat(r.at("/finding_info/title").asText()).isEqualTo("W32.Overdrive.RET");
        assertThat(r.at("/finding_info/uid").asText()).isEqualTo("6533241347137077251");
        assertThat(r.at("/evidences/0/file/name").asText()).isEqualTo("BIT657.tmp");
        assertThat(r.at("/evidences/0/file/hashes/0/value").asText())
                .isEqualTo("a78c29d1fa05c2b23d1dc9b75da8c053399143682fe3779bc466f10e1a997850");
        assertThat(r.at("/actor/process/name").asText()).isEqualTo("svchost.exe");
        assertThat(r.at("/actor/process/pid").asInt()).isEqualTo(896);
        assertThat(r.at("/actor/user/name").asText()).isEqualTo("user@testdomain.com");
        assertThat(r.at("/device/hostname").asText()).isEqualTo("Demo_AMP_Threat_Quarantined");
        assertThat(r.at("/device/ip").asText()).isEqualTo("10.10.10.10");
        assertThat(r.at("/device/uid").asText()).isEqualTo("test_connector_guid");
        assertThat(r.get("severity_id").asInt()).isEqualTo(3);
        assertThat(r.get("time").asLong()).isEqualTo(1610618799000L);
    }

    @Test
    void quarantinesUpdateTheDetectionAndTheEnvelopeIsRead() throws Exception {
        JsonNode quarantined = json("{\"version\":\"v1.2.0\",\"metadata\":{\"results\":{\"total\":972}},\"data\":{"
                + "\"id\":6533241347137077000,\"timestamp\":1610618799,\"date\":\"2021-01-14T10:06:39+00:00\","
                + "\"event_type\":\"Threat Quarantined\",\"event_type_id\":553648143,\"detection_id\":\"6533241347137077251\","
                + "\"connector_guid\":\"test_connector_guid\",\"severity\":\"Medium\"," + COMPUTER + ","
                + "\"file\":{\"disposition\":\"Malicious\",\"identity\":{\"sha256\":"
                + "\"a78c29d1fa05c2b23d1dc9b75da8c053399143682fe3779bc466f10e1a997850\"}}}}");
        assertProduct(quarantined, PRODUCT);
        assertClass(quarantined, 2004, 2);
        assertThat(quarantined.get("disposition").asText()).isEqualTo("Quarantined");
        assertThat(quarantined.at("/finding_info/uid").asText()).isEqualTo("6533241347137077251");
        assertThat(quarantined.at("/device/hostname").asText()).isEqualTo("Demo_AMP_Threat_Quarantined");

        JsonNode failed = json(
                "{\"id\":6533241145273614000,\"timestamp\":1610618752,\"date\":\"2021-01-14T10:05:52+00:00\","
                        + "\"event_type\":\"Quarantine Failure\",\"event_type_id\":2164260880,\"detection_id\":\"6533241145273614337\","
                        + "\"connector_guid\":\"test_connector_guid\",\"severity\":\"Medium\",\"error\":{\"error_code\":3221225524,"
                        + "\"description\":\"Object name not found\"}," + COMPUTER
                        + ",\"file\":{\"disposition\":\"Malicious\","
                        + "\"identity\":{\"sha256\":\"a78c29d1fa05c2b23d1dc9b75da8c053399143682fe3779bc466f10e1a997850\"}}}");
        assertClass(failed, 2004, 2);
        assertThat(failed.get("status").asText()).isEqualTo("Failure");

        JsonNode ioc = json(
                "{\"id\":1521138739875754000,\"timestamp\":1610618750,\"date\":\"2021-01-14T10:05:50+00:00\","
                        + "\"event_type\":\"Cloud IOC\",\"event_type_id\":1107296274,\"connector_guid\":\"test_connector_guid\","
                        + "\"severity\":\"Medium\"," + COMPUTER
                        + ",\"cloud_ioc\":{\"description\":\"Windows Script Host (wscript.exe)"
                        + " was used to execute a JavaScript file inside a zip archive.\",\"short_description\":\"W32.WScriptLaunchedZippedJS.ioc\"},"
                        + "\"file\":{\"disposition\":\"Clean\",\"file_name\":\"WScript.exe\",\"file_path\":\"/C:/Windows/System32/WScript.exe\","
                        + "\"identity\":{\"sha256\":\"047f3c5a7ab0ea05f35b2ca8037bf62dd4228786d07707064dbd0d46569305d0\"}}}");
        assertClass(ioc, 2004, 1);
        assertThat(ioc.at("/finding_info/title").asText()).isEqualTo("W32.WScriptLaunchedZippedJS.ioc");
    }

    @Test
    void policyUpdatesAreBaseEventsAndOtherEventTypesAreNotClaimed() throws Exception {
        assertBaseEventOf(
                json("{\"id\":6533243623469744000,\"timestamp\":1610619329,\"date\":\"2021-01-14T10:15:29+00:00\","
                        + "\"event_type\":\"Policy Update\",\"event_type_id\":553648130,\"connector_guid\":\"test_connector_guid\","
                        + COMPUTER + "}"),
                PRODUCT);
        JsonNode suricata = json(
                "{\"timestamp\":\"2021-01-14T10:15:29.000000+0000\",\"event_type\":\"alert\",\"src_ip\":\"10.0.0.5\","
                        + "\"dest_ip\":\"10.0.0.6\",\"alert\":{\"signature\":\"ET POLICY test\",\"signature_id\":1}}");
        assertThat(suricata.at("/metadata/product/name").asText()).isNotEqualTo(PRODUCT);
    }
}
