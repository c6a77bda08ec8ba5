package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Netskope REST API events and alerts, from the items public integrations' documentation shows their API
 * returning (trimmed of fields the mapping does not read).
 */
class NetskopeMappingsTest {

    private static final String PRODUCT = "Netskope";

    @Test
    void aDlpAlertIsADataSecurityFinding() throws Exception {
        JsonNode r = json(
                "{\"_insertion_epoch_timestamp\":1647888457,\"access_method\":\"API Connector\",\"acked\":\"false\","
                        + "\"action\":\"alert\",\"activity\":\"Introspection Scan\",\"alert\":\"yes\",\"alert_id\":\"0d7fa7e3cb3034bcc0ff94a5\","
                        + "\"alert_name\":\"Gdrive - Alert on PII\",\"alert_type\":\"DLP\",\"app\":\"Google Drive\",\"appcategory\":\"Cloud Storage\","
                        + "\"category\":\"Cloud Storage\",\"dlp_file\":\"CS Owned PC Data\",\"dlp_incident_id\":1407319677213026800,"
                        + "\"dlp_profile\":\"Best Practice PII DLP Profile\",\"dlp_rule\":\"FullName-Near-SSN-Unique\",\"dlp_rule_count\":64,"
                        + "\"dlp_rule_severity\":\"High\",\"dstip\":\"142.250.191.78\",\"file_path\":\"/My Drive/CS Owned PC Data\","
                        + "\"file_size\":805733,\"file_type\":\"application/vnd.google-apps.spreadsheet\",\"md5\":\"81e5926346f19f158688ccf40d88436e\","
                        + "\"object\":\"CS Owned PC Data\",\"object_type\":\"File\",\"policy\":\"Gdrive - Alert on PII\","
                        + "\"sha256\":\"3f53dac4dbce5fbc982ba3180b1b5d5fbed2a9c1cacf906471ce6a9aeef08a05\",\"site\":\"Google Drive\","
                        + "\"timestamp\":1647888450,\"traffic_type\":\"CloudApp\",\"type\":\"nspolicy\",\"ur_normalized\":\"test@goxsoar.com\","
                        + "\"url\":\"https://drive.google.com/open?id=4wxnfr3SWylRdPx8R3WHo2ywml7LsYPSt_6wqUX2KuDU\",\"user\":\"test@goxsoar.com\","
                        + "\"userkey\":\"test@goxsoar.com\"}");
        assertProduct(r, PRODUCT);
        assertClass(r, 2006, 1);
        assertThat(r.at("/finding_info/title").asText()).isEqualTo("Gdrive - Alert on PII");
        assertThat(r.at("/finding_info/uid").asText()).isEqualTo("0d7fa7e3cb3034bcc0ff94a5");
        assertThat(r.at("/actor/user/name").asText()).isEqualTo("test@goxsoar.com");
        assertThat(r.at("/file/name").asText()).isEqualTo("CS Owned PC Data");
        assertThat(r.at("/file/hashes/0/value").asText())
                .isEqualTo("3f53dac4dbce5fbc982ba3180b1b5d5fbed2a9c1cacf906471ce6a9aeef08a05");
        assertThat(r.at("/data_security/detection_pattern").asText()).isEqualTo("FullName-Near-SSN-Unique");
        assertThat(r.get("severity_id").asInt()).isEqualTo(4);
        assertThat(r.get("time").asLong()).isEqualTo(1647888450000L);
    }

    @Test
    void applicationEventsAreWebResourcesActivity() throws Exception {
        JsonNode r = json(
                "{\"_insertion_epoch_timestamp\":1647890592,\"access_method\":\"API Connector\",\"activity\":\"Create\","
                        + "\"alert\":\"no\",\"app\":\"Google Workspace\",\"appcategory\":\"Application Suite\",\"audit_type\":\"authorize\","
                        + "\"category\":\"Application Suite\",\"cci\":91,\"ccl\":\"excellent\",\"count\":1,\"device\":\"Other\","
                        + "\"event_id\":\"a3f6cb3f22c4431defbf371b\",\"from_user\":\"test@goxsoar.com\",\"instance_id\":\"goxsoar.com\","
                        + "\"object\":\"BetterCloud\",\"object_id\":\"800521135851.apps.googleusercontent.com\",\"object_type\":\"Token\","
                        + "\"site\":\"Google App Suite\",\"srcip\":\"fda3:e722:ac3:10:15:8d06:a37:f8d0\",\"timestamp\":1647888482,"
                        + "\"traffic_type\":\"CloudApp\",\"type\":\"nspolicy\",\"ur_normalized\":\"test@goxsoar.com\",\"user\":\"test@goxsoar.com\","
                        + "\"userip\":\"fda3:e722:ac3:10:15:8d06:a37:f8d0\",\"userkey\":\"test@goxsoar.com\"}");
        assertProduct(r, PRODUCT);
        assertClass(r, 6001, 1);
        assertThat(r.at("/web_resources/0/name").asText()).isEqualTo("BetterCloud");
        assertThat(r.at("/web_resources/0/type").asText()).isEqualTo("Token");
        assertThat(r.at("/api/service/name").asText()).isEqualTo("Google Workspace");
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("fda3:e722:ac3:10:15:8d06:a37:f8d0");
    }

    @Test
    void administratorLoginsAreAuthentication() throws Exception {
        JsonNode login = json("{\"timestamp\":1658384700,\"type\":\"admin_audit_logs\",\"user\":\"testing@test.com\","
                + "\"severity_level\":2,\"audit_log_event\":\"Login Successful\",\"supporting_data\":{\"data_type\":\"user\","
                + "\"data_values\":[\"1.1.1.1\",\"testing@test.com\"]},\"organization_unit\":\"test-unit\","
                + "\"ur_normalized\":\"testing@test.com\",\"ccl\":\"unknown\",\"count\":1,\"_insertion_epoch_timestamp\":1658385000,"
                + "\"_id\":\"d3ad748bf011262fa142123\"}");
        assertLogon(login, 1, "testing@test.com", "1.1.1.1");
        JsonNode api = json("{\"_id\":\"1e589befa3da30132362f32a\",\"_insertion_epoch_timestamp\":1702318213,"
                + "\"audit_log_event\":\"Rest API V2 Call\",\"count\":1,\"is_netskope_personnel\":false,\"organization_unit\":\"\","
                + "\"severity_level\":2,\"supporting_data\":{\"data_type\":\"incidents\",\"data_values\":[403,\"POST\","
                + "\"/api/v2/incidents/uba/getuci\",\"trid=ccb898fgrhvdd0v0lebg\"]},\"timestamp\":\"2023-12-11 18:10:13.000000000\","
                + "\"type\":\"admin_audit_logs\",\"ur_normalized\":\"service-account\",\"user\":\"service-account\"}");
        assertClass(api, 6003, 99);
        assertThat(api.at("/api/operation").asText()).isEqualTo("Rest API V2 Call");
        assertThat(api.get("time").asLong()).isEqualTo(MappedRecords.epochMillis("2023-12-11T18:10:13Z"));
    }

    @Test
    void aPageEventIsHttpActivityOfTheUserToTheSite() throws Exception {
        // the page event Google SecOps SOAR's Netskope integration documents for its List Events action
        // (trimmed of geolocation and internal fields): a page event's record says type connection
        JsonNode r = json("{\"_id\":\"b409336bf27717234f0e7df6\",\"_insertion_epoch_timestamp\":1739864352,"
                + "\"access_method\":\"Client\",\"app\":\"Trend Micro Password Manager\",\"appcategory\":\"Security\","
                + "\"browser\":\"Chrome\",\"category\":\"Security\",\"client_bytes\":24464,\"conn_duration\":30,\"count\":1,"
                + "\"device\":\"Windows Device\",\"domain\":\"docs.trendmicro.com\",\"dstip\":\"23.75.209.85\",\"dstport\":443,"
                + "\"hostname\":\"instance-ngcc1\",\"http_transaction_count\":15,\"netskope_pop\":\"US-SEA2\","
                + "\"page\":\"docs.trendmicro.com/all/ent/de/v1.5/en-us/de_1.5_olh/ctm_ag/ctm1_ag_ch8/t_test_eicar_file.htm\","
                + "\"protocol\":\"HTTP/1.1\",\"req_cnt\":15,\"resp_cnt\":15,\"server_bytes\":133402,"
                + "\"site\":\"Trend Micro Password Manager\",\"srcip\":\"34.82.190.203\",\"timestamp\":1739864243,"
                + "\"traffic_type\":\"CloudApp\",\"type\":\"connection\","
                + "\"url\":\"docs.trendmicro.com/all/ent/de/v1.5/en-us/de_1.5_olh/ctm_ag/ctm1_ag_ch8/t_test_eicar_file.htm\","
                + "\"user\":\"DL-NGCC-ENGG@exabeamengineering2.onmicrosoft.com\",\"useragent\":\"Mozilla/5.0 (Windows NT"
                + " 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/132.0.0.0 Safari/537.36\","
                + "\"userip\":\"10.70.0.19\"}");
        assertProduct(r, PRODUCT);
        assertClass(r, 4002, 99);
        assertThat(r.at("/http_request/url/url_string").asText())
                .isEqualTo(
                        "docs.trendmicro.com/all/ent/de/v1.5/en-us/de_1.5_olh/ctm_ag/ctm1_ag_ch8/t_test_eicar_file.htm");
        assertThat(r.at("/http_request/url/hostname").asText()).isEqualTo("docs.trendmicro.com");
        assertThat(r.at("/http_request/user_agent").asText()).startsWith("Mozilla/5.0 (Windows NT 10.0");
        assertThat(r.at("/actor/user/name").asText()).isEqualTo("DL-NGCC-ENGG@exabeamengineering2.onmicrosoft.com");
        // the site is the destination; hostname is the user's device
        assertThat(r.at("/dst_endpoint/hostname").asText()).isEqualTo("docs.trendmicro.com");
        assertThat(r.at("/dst_endpoint/ip").asText()).isEqualTo("23.75.209.85");
        assertThat(r.at("/device/hostname").asText()).isEqualTo("instance-ngcc1");
        assertThat(r.get("time").asLong()).isEqualTo(1739864243000L);
    }

    @Test
    void otherJsonWithATypeIsNotClaimed() throws Exception {
        JsonNode other =
                json("{\"type\":\"page\",\"timestamp\":1647888482,\"user\":\"jdoe\",\"url\":\"https://example.com/\"}");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo(PRODUCT);
        JsonNode connection = json("{\"type\":\"connection\",\"timestamp\":1647888482,\"user\":\"jdoe\","
                + "\"url\":\"example.com/\",\"page\":\"example.com/\"}");
        assertThat(connection.at("/metadata/product/name").asText()).isNotEqualTo(PRODUCT);
    }
}
