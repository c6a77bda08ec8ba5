package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAllowed;
import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socaas.events.EventBatchParser;
import io.socaas.events.JsonEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Azure network security group flow logs (versions 1 and 2) and virtual network flow logs, posted as
 * exported: each flow tuple of a record is a Network Activity record with its endpoints, decision,
 * flow state, counters, rule and network security group or virtual network.
 */
class AzureNetworkFlowMappingsTest {

    private static final String NSG_ID =
            "/SUBSCRIPTIONS/7E3A9C21-4B5D-4F6E-8A7B-9C0D1E2F3A4B/RESOURCEGROUPS/RG-SHOP/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/NSG-SHOP-APP";

    private static final String NSG_V2 = """
            {"records": [{"time": "2026-03-01T09:59:30.0000000Z", "systemId": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
              "macAddress": "0022480B1C2D", "category": "NetworkSecurityGroupFlowEvent", "resourceId": "%s",
              "operationName": "NetworkSecurityGroupFlowEvents",
              "properties": {"Version": 2, "flows": [
                {"rule": "DefaultRule_DenyAllInBound", "flows": [{"mac": "0022480B1C2D",
                  "flowTuples": ["1772359150,203.0.113.66,10.8.0.12,48211,22,T,I,D,B,,,,"]}]},
                {"rule": "UserRule_AllowWebIn", "flows": [{"mac": "0022480B1C2D", "flowTuples": [
                  "1772359151,198.51.100.14,10.8.0.12,60311,443,T,I,A,B,,,,",
                  "1772359211,198.51.100.14,10.8.0.12,60311,443,T,I,A,C,22,3104,19,51200",
                  "1772359271,198.51.100.14,10.8.0.12,60311,443,T,I,A,E,5,640,4,2210",
                  "1772359152,10.8.0.12,192.0.2.53,50999,53,U,O,A,E,1,74,1,130"]}]}
              ]}}]}""".formatted(NSG_ID);

    private static final String VNET = """
            {"records": [{"time": "2026-03-01T10:02:00.1000000Z", "flowLogVersion": 4,
              "flowLogGUID": "2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901", "macAddress": "6045BD0A0B0C", "category": "FlowLogFlowEvent",
              "flowLogResourceID": "/SUBSCRIPTIONS/7E3A9C21-4B5D-4F6E-8A7B-9C0D1E2F3A4B/RESOURCEGROUPS/NETWORKWATCHERRG/PROVIDERS/MICROSOFT.NETWORK/NETWORKWATCHERS/NETWORKWATCHER_NORTHEUROPE/FLOWLOGS/VNET-HUB-LOG",
              "targetResourceID": "/subscriptions/7e3a9c21-4b5d-4f6e-8a7b-9c0d1e2f3a4b/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub",
              "operationName": "FlowLogFlowEvent",
              "flowRecords": {"flows": [{"aclID": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "flowGroups": [
                {"rule": "DefaultRule_AllowVnetOutBound", "flowTuples": [
                  "1772359330100,10.9.1.4,10.9.2.8,49822,1433,6,O,C,NX,40,6200,38,91000"]},
                {"rule": "UserRule_DenySmbFromInternet", "flowTuples": [
                  "1772359331200,203.0.113.99,10.9.1.4,55555,445,6,I,D,NX,2,120,0,0"]}]}]}}]}""";

    private static List<JsonNode> records(String body) {
        return new EventBatchParser()
                .parse(body.getBytes(StandardCharsets.UTF_8), EventBatchParser.Format.JSON).stream()
                        .map(JsonEvent::toJson)
                        .map(AzureNetworkFlowMappingsTest::mapped)
                        .toList();
    }

    private static JsonNode mapped(String event) {
        try {
            return json(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aFlowANetworkSecurityGroupDeniedIsARefusedConnectionWithTheRuleAndTheGroup() {
        JsonNode r = records(NSG_V2).get(0);

        assertProduct(r, "Azure Network Watcher");
        assertFlow(r, 5, "203.0.113.66", 48211, "10.8.0.12", 22);
        assertDenied(r);
        assertThat(r.at("/connection_info/protocol_name").asText()).isEqualTo("TCP");
        assertThat(r.at("/connection_info/protocol_num").asInt()).isEqualTo(6);
        assertThat(r.at("/connection_info/direction").asText()).isEqualTo("Inbound");
        assertThat(r.at("/connection_info/direction_id").asInt()).isEqualTo(1);
        assertThat(r.at("/firewall_rule/name").asText()).isEqualTo("DefaultRule_DenyAllInBound");
        assertThat(r.at("/device/name").asText()).isEqualTo("NSG-SHOP-APP");
        assertThat(r.at("/device/uid").asText()).isEqualTo(NSG_ID);
        assertThat(r.at("/device/mac").asText()).isEqualTo("0022480B1C2D");
        assertThat(r.at("/cloud/provider").asText()).isEqualTo("Azure");
        assertThat(r.at("/cloud/account/uid").asText()).isEqualTo("7E3A9C21-4B5D-4F6E-8A7B-9C0D1E2F3A4B");
        assertThat(r.get("time").asLong()).as("the tuple's own time").isEqualTo(1772359150_000L);
        assertThat(r.at("/metadata/log_name").asText()).isEqualTo("NetworkSecurityGroupFlowEvent");
        assertThat(r.at("/unmapped/flowTuple").asText())
                .isEqualTo("1772359150,203.0.113.66,10.8.0.12,48211,22,T,I,D,B,,,,");
    }

    @Test
    void anAllowedFlowOpensContinuesAndClosesWithItsCountersBothWays() {
        List<JsonNode> rs = records(NSG_V2);
        assertThat(rs).hasSize(5);

        JsonNode open = rs.get(1);
        assertFlow(open, 1, "198.51.100.14", 60311, "10.8.0.12", 443);
        assertAllowed(open);
        assertThat(open.at("/firewall_rule/name").asText()).isEqualTo("UserRule_AllowWebIn");
        assertThat(open.has("traffic"))
                .as("a beginning flow has no counters yet")
                .isFalse();

        JsonNode traffic = rs.get(2);
        assertFlow(traffic, 6, "198.51.100.14", 60311, "10.8.0.12", 443);
        assertAllowed(traffic);
        assertThat(traffic.at("/traffic/packets_out").asLong()).isEqualTo(22);
        assertThat(traffic.at("/traffic/bytes_out").asLong()).isEqualTo(3104);
        assertThat(traffic.at("/traffic/packets_in").asLong()).isEqualTo(19);
        assertThat(traffic.at("/traffic/bytes_in").asLong()).isEqualTo(51200);
        assertThat(traffic.get("time").asLong()).isEqualTo(1772359211_000L);

        JsonNode close = rs.get(3);
        assertFlow(close, 2, "198.51.100.14", 60311, "10.8.0.12", 443);
        assertThat(close.at("/traffic/bytes_in").asLong()).isEqualTo(2210);

        JsonNode dns = rs.get(4);
        assertFlow(dns, 2, "10.8.0.12", 50999, "192.0.2.53", 53);
        assertThat(dns.at("/connection_info/protocol_name").asText()).isEqualTo("UDP");
        assertThat(dns.at("/connection_info/protocol_num").asInt()).isEqualTo(17);
        assertThat(dns.at("/connection_info/direction").asText()).isEqualTo("Outbound");
        assertThat(dns.at("/connection_info/direction_id").asInt()).isEqualTo(2);
    }

    @Test
    void versionOneFlowsAreTrafficWithTheirDecision() {
        String v1 = """
                {"records": [{"time": "2026-03-01T09:59:30Z", "category": "NetworkSecurityGroupFlowEvent", "resourceId": "%s",
                  "operationName": "NetworkSecurityGroupFlowEvents",
                  "properties": {"Version": 1, "flows": [{"rule": "UserRule_AllowRdpFromBastion", "flows": [{"mac": "0022480B1C2D",
                    "flowTuples": ["1772359160,10.8.9.4,10.8.0.12,50110,3389,T,I,A", "1772359161,192.0.2.201,10.8.0.12,50111,3389,T,I,D"]}]}]}}]}""".formatted(NSG_ID);
        List<JsonNode> rs = records(v1);

        assertFlow(rs.get(0), 6, "10.8.9.4", 50110, "10.8.0.12", 3389);
        assertAllowed(rs.get(0));
        assertThat(rs.get(0).at("/firewall_rule/name").asText()).isEqualTo("UserRule_AllowRdpFromBastion");
        assertFlow(rs.get(1), 5, "192.0.2.201", 50111, "10.8.0.12", 3389);
        assertDenied(rs.get(1));
    }

    @Test
    void virtualNetworkFlowsCarryTheAclTheRuleAndTheVirtualNetwork() {
        List<JsonNode> rs = records(VNET);
        assertThat(rs).hasSize(2);

        JsonNode sql = rs.get(0);
        assertProduct(sql, "Azure Network Watcher");
        assertFlow(sql, 6, "10.9.1.4", 49822, "10.9.2.8", 1433);
        assertAllowed(sql);
        assertThat(sql.at("/connection_info/protocol_num").asInt()).isEqualTo(6);
        assertThat(sql.at("/connection_info/protocol_name").asText()).isEqualTo("TCP");
        assertThat(sql.at("/connection_info/direction").asText()).isEqualTo("Outbound");
        assertThat(sql.at("/connection_info/direction_id").asInt()).isEqualTo(2);
        assertThat(sql.at("/traffic/bytes_out").asLong()).isEqualTo(6200);
        assertThat(sql.at("/traffic/bytes_in").asLong()).isEqualTo(91000);
        assertThat(sql.at("/firewall_rule/name").asText()).isEqualTo("DefaultRule_AllowVnetOutBound");
        assertThat(sql.at("/policy/uid").asText()).isEqualTo("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
        assertThat(sql.at("/device/name").asText()).isEqualTo("vnet-hub");
        assertThat(sql.at("/device/mac").asText()).isEqualTo("6045BD0A0B0C");
        assertThat(sql.at("/cloud/account/uid").asText()).isEqualTo("7e3a9c21-4b5d-4f6e-8a7b-9c0d1e2f3a4b");
        assertThat(sql.get("time").asLong()).as("epoch milliseconds").isEqualTo(1772359330100L);
        assertThat(sql.at("/unmapped/encryption").asText()).isEqualTo("NX");

        JsonNode smb = rs.get(1);
        assertFlow(smb, 5, "203.0.113.99", 55555, "10.9.1.4", 445);
        assertDenied(smb);
        assertThat(smb.at("/firewall_rule/name").asText()).isEqualTo("UserRule_DenySmbFromInternet");
    }

    @Test
    void aTupleThatCannotBeReadIsABaseEventKeepingWhatWasWritten() {
        List<JsonNode> rs = records(VNET.replace(
                "\"1772359331200,203.0.113.99,10.9.1.4,55555,445,6,I,D,NX,2,120,0,0\"",
                "\"1772359331200,203.0.113.99,10.9.1.4,55555\""));

        assertThat(rs).hasSize(2);
        JsonNode unreadable = rs.get(1);
        assertBaseEventOf(unreadable, "Azure Network Watcher");
        assertThat(unreadable.get("message").asText()).isEqualTo("1772359331200,203.0.113.99,10.9.1.4,55555");
        assertThat(unreadable.get("status_detail").asText()).contains("4 fields");
        assertThat(unreadable.at("/unmapped/rule").asText()).isEqualTo("UserRule_DenySmbFromInternet");
    }
}
