package io.socaas.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An Azure flow log record posted as exported is one event per flow tuple, each carrying the tuple's
 * fields by name and the record's context, so that every flow is searchable on its own.
 */
class AzureFlowLogsTest {

    static final String NSG_RESOURCE =
            "/SUBSCRIPTIONS/5A1B2C3D-0000-4E5F-8A9B-112233445566/RESOURCEGROUPS/RG-WEB/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/NSG-WEB-FRONT";

    static final String NSG_V2_EXPORT = """
            {"records": [{"time": "2026-03-01T09:59:00.1234567Z", "systemId": "7d2f0c11-9a3b-4c5d-8e6f-0a1b2c3d4e5f",
              "macAddress": "002248A1B2C3", "category": "NetworkSecurityGroupFlowEvent",
              "resourceId": "%s",
              "operationName": "NetworkSecurityGroupFlowEvents",
              "properties": {"Version": 2, "flows": [
                {"rule": "DefaultRule_DenyAllInBound", "flows": [{"mac": "002248A1B2C3", "flowTuples": [
                  "1772359141,203.0.113.45,10.20.1.4,51544,3389,T,I,D,B,,,,",
                  "1772359142,198.51.100.9,10.20.1.4,40001,22,T,I,D,B,,,,"]}]},
                {"rule": "UserRule_AllowHttpsIn", "flows": [{"mac": "002248A1B2C3", "flowTuples": [
                  "1772359143,192.0.2.77,10.20.1.4,61022,443,T,I,A,B,,,,",
                  "1772359203,192.0.2.77,10.20.1.4,61022,443,T,I,A,C,18,2311,15,40960",
                  "1772359263,192.0.2.77,10.20.1.4,61022,443,T,I,A,E,4,520,3,1800"]}]}
              ]}}]}""".formatted(NSG_RESOURCE);

    static final String VNET_EXPORT = """
            {"records": [{"time": "2026-03-01T10:01:00.5550000Z", "flowLogVersion": 4,
              "flowLogGUID": "0c9e8d7f-1a2b-4c3d-9e8f-a1b2c3d4e5f6", "macAddress": "6045BDA1C2D3",
              "category": "FlowLogFlowEvent",
              "flowLogResourceID": "/SUBSCRIPTIONS/5A1B2C3D-0000-4E5F-8A9B-112233445566/RESOURCEGROUPS/NETWORKWATCHERRG/PROVIDERS/MICROSOFT.NETWORK/NETWORKWATCHERS/NETWORKWATCHER_WESTEUROPE/FLOWLOGS/VNET-CORE-FLOWLOG",
              "targetResourceID": "/subscriptions/5a1b2c3d-0000-4e5f-8a9b-112233445566/resourceGroups/rg-core/providers/Microsoft.Network/virtualNetworks/vnet-core",
              "operationName": "FlowLogFlowEvent",
              "flowRecords": {"flows": [
                {"aclID": "3f0e2d1c-4b5a-6978-8a9b-0c1d2e3f4a5b", "flowGroups": [
                  {"rule": "DefaultRule_AllowInternetOutBound", "flowTuples": [
                    "1772359260123,10.30.2.5,198.51.100.200,50432,443,6,O,B,NX,0,0,0,0",
                    "1772359320456,10.30.2.5,198.51.100.200,50432,443,6,O,E,NX,12,1840,10,9000"]},
                  {"rule": "DefaultRule_DenyAllInBound", "flowTuples": [
                    "1772359280789,203.0.113.8,10.30.2.5,53211,445,6,I,D,NX,1,60,0,0"]}]}]}}]}""";

    private final EventBatchParser parser = new EventBatchParser();

    private List<JsonNode> events(String body) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8), EventBatchParser.Format.JSON).stream()
                .map(JsonEvent::node)
                .map(JsonNode.class::cast)
                .toList();
    }

    @Test
    void aNetworkSecurityGroupFlowRecordIsOneEventPerTupleWithItsRuleAndGroup() {
        List<JsonNode> events = events(NSG_V2_EXPORT);

        assertThat(events).hasSize(5);
        assertThat(events)
                .extracting(e -> e.get("flowTuple").asText())
                .startsWith("1772359141,203.0.113.45,10.20.1.4,51544,3389,T,I,D,B,,,,");
        JsonNode denied = events.get(0);
        assertThat(denied.get("rule").asText()).isEqualTo("DefaultRule_DenyAllInBound");
        assertThat(denied.get("mac").asText()).isEqualTo("002248A1B2C3");
        assertThat(denied.get("nsgName").asText()).isEqualTo("NSG-WEB-FRONT");
        assertThat(denied.get("subscriptionId").asText()).isEqualTo("5A1B2C3D-0000-4E5F-8A9B-112233445566");
        assertThat(denied.get("resourceId").asText()).isEqualTo(NSG_RESOURCE);
        assertThat(denied.get("time").asText()).isEqualTo("2026-03-01T09:59:00.1234567Z");
        assertThat(denied.get("category").asText()).isEqualTo("NetworkSecurityGroupFlowEvent");
        assertThat(denied.get("flowLog").asText()).isEqualTo("NSG");
        assertThat(denied.get("flowLogVersion").asInt()).isEqualTo(2);
        assertThat(denied.get("flowTime").asText()).isEqualTo("1772359141");
        assertThat(denied.get("srcIp").asText()).isEqualTo("203.0.113.45");
        assertThat(denied.get("dstIp").asText()).isEqualTo("10.20.1.4");
        assertThat(denied.get("srcPort").asText()).isEqualTo("51544");
        assertThat(denied.get("dstPort").asText()).isEqualTo("3389");
        assertThat(denied.get("protocol").asText()).isEqualTo("T");
        assertThat(denied.get("protocolName").asText()).isEqualTo("TCP");
        assertThat(denied.get("protocolNumber").asText()).isEqualTo("6");
        assertThat(denied.get("directionName").asText()).isEqualTo("Inbound");
        assertThat(denied.get("decision").asText()).isEqualTo("D");
        assertThat(denied.get("flowState").asText()).isEqualTo("B");
        assertThat(denied.has("bytesSrcToDst"))
                .as("empty counters are left out")
                .isFalse();
        assertThat(denied.has("properties"))
                .as("the record's structure is not repeated")
                .isFalse();

        JsonNode continuing = events.get(3);
        assertThat(continuing.get("rule").asText()).isEqualTo("UserRule_AllowHttpsIn");
        assertThat(continuing.get("packetsSrcToDst").asText()).isEqualTo("18");
        assertThat(continuing.get("bytesSrcToDst").asText()).isEqualTo("2311");
        assertThat(continuing.get("packetsDstToSrc").asText()).isEqualTo("15");
        assertThat(continuing.get("bytesDstToSrc").asText()).isEqualTo("40960");
    }

    @Test
    void aVersionOneRecordHasTheEightFieldsOfItsTuples() {
        List<JsonNode> events = events("""
                {"records": [{"time": "2026-03-01T09:59:00Z", "category": "NetworkSecurityGroupFlowEvent",
                  "resourceId": "/SUBSCRIPTIONS/S1/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/NSG-OLD",
                  "operationName": "NetworkSecurityGroupFlowEvents",
                  "properties": {"Version": 1, "flows": [{"rule": "UserRule_AllowDns", "flows": [{"mac": "00224801AA02",
                    "flowTuples": ["1772359141,10.0.0.4,10.0.0.53,53001,53,U,O,A"]}]}]}}]}""");

        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("decision").asText()).isEqualTo("A");
        assertThat(events.get(0).get("protocolName").asText()).isEqualTo("UDP");
        assertThat(events.get(0).get("directionName").asText()).isEqualTo("Outbound");
        assertThat(events.get(0).get("nsgName").asText()).isEqualTo("NSG-OLD");
        assertThat(events.get(0).has("flowTupleError")).isFalse();
    }

    @Test
    void aVirtualNetworkFlowRecordIsOneEventPerTupleWithItsAclAndRule() {
        List<JsonNode> events = events(VNET_EXPORT);

        assertThat(events).hasSize(3);
        JsonNode begin = events.get(0);
        assertThat(begin.get("flowLog").asText()).isEqualTo("VNet");
        assertThat(begin.get("aclID").asText()).isEqualTo("3f0e2d1c-4b5a-6978-8a9b-0c1d2e3f4a5b");
        assertThat(begin.get("rule").asText()).isEqualTo("DefaultRule_AllowInternetOutBound");
        assertThat(begin.get("targetName").asText()).isEqualTo("vnet-core");
        assertThat(begin.get("flowLogName").asText()).isEqualTo("VNET-CORE-FLOWLOG");
        assertThat(begin.get("subscriptionId").asText()).isEqualTo("5a1b2c3d-0000-4e5f-8a9b-112233445566");
        assertThat(begin.get("macAddress").asText()).isEqualTo("6045BDA1C2D3");
        assertThat(begin.get("protocol").asText()).isEqualTo("6");
        assertThat(begin.get("protocolName").asText()).isEqualTo("TCP");
        assertThat(begin.get("encryption").asText()).isEqualTo("NX");
        assertThat(begin.get("flowState").asText()).isEqualTo("B");
        assertThat(begin.get("packetsSrcToDst").asText()).isEqualTo("0");
        JsonNode denied = events.get(2);
        assertThat(denied.get("rule").asText()).isEqualTo("DefaultRule_DenyAllInBound");
        assertThat(denied.get("flowState").asText()).isEqualTo("D");
        assertThat(denied.get("dstPort").asText()).isEqualTo("445");
    }

    @Test
    void aTupleThatCannotBeReadIsStillAnEventWithWhatWasWrittenAndWhy() {
        List<JsonNode> events = events(NSG_V2_EXPORT
                .replace(
                        "\"1772359142,198.51.100.9,10.20.1.4,40001,22,T,I,D,B,,,,\"",
                        "\"1772359142,198.51.100.9,10.20.1.4\"")
                .replace("\"1772359263,192.0.2.77,10.20.1.4,61022,443,T,I,A,E,4,520,3,1800\"", "42"));

        assertThat(events).hasSize(5);
        JsonNode shortTuple = events.get(1);
        assertThat(shortTuple.get("flowTuple").asText()).isEqualTo("1772359142,198.51.100.9,10.20.1.4");
        assertThat(shortTuple.get("flowTupleError").asText()).contains("3 fields", "13 were expected");
        assertThat(shortTuple.get("rule").asText()).isEqualTo("DefaultRule_DenyAllInBound");
        assertThat(shortTuple.has("srcIp")).isFalse();
        JsonNode number = events.get(4);
        assertThat(number.get("flowTuple").asText()).isEqualTo("42");
        assertThat(number.get("flowTupleError").asText()).contains("not a text");
    }

    @Test
    void aGroupWithoutTuplesIsKeptAsAnEventAndARecordWithoutAnyTupleIsItself() {
        List<JsonNode> empty = events("""
                {"records": [{"category": "NetworkSecurityGroupFlowEvent", "resourceId": "/X/NETWORKSECURITYGROUPS/N",
                  "properties": {"Version": 2, "flows": []}}]}""");
        assertThat(empty).hasSize(1);
        assertThat(empty.get(0).has("properties")).isTrue();

        List<JsonNode> broken = events("""
                {"records": [{"category": "NetworkSecurityGroupFlowEvent", "resourceId": "/X/NETWORKSECURITYGROUPS/N",
                  "properties": {"Version": 2, "flows": [{"rule": "R1", "flows": [{"mac": "00AA", "flowTuples": "not a list"}]}, "oops"]}}]}""");
        assertThat(broken).hasSize(2);
        assertThat(broken.get(0).get("rule").asText()).isEqualTo("R1");
        assertThat(broken.get(0).get("flowTupleError").asText()).contains("without flowTuples");
        assertThat(broken.get(0).get("flowTuple").asText()).contains("not a list");
        assertThat(broken.get(1).get("flowTupleError").asText()).contains("without flows");
    }

    @Test
    void aFlowRecordSentOnItsOwnIsOpenedTooAndOtherRecordsAreUntouched() {
        String record = NSG_V2_EXPORT.substring(NSG_V2_EXPORT.indexOf('[') + 1, NSG_V2_EXPORT.lastIndexOf(']'));
        assertThat(events(record)).hasSize(5);
        assertThat(events("[" + record + ", {\"category\": \"Administrative\", \"resourceId\": \"/x\"}]"))
                .hasSize(6)
                .last()
                .satisfies(e -> assertThat(e.get("category").asText()).isEqualTo("Administrative"));
        // an unknown version or another category is not a flow log record
        assertThat(events(record.replace("\"Version\": 2", "\"Version\": 3"))).hasSize(1);
        assertThat(events(record.replace("NetworkSecurityGroupFlowEvent\"", "Other\"")))
                .hasSize(1);
    }

    @Test
    void theFlowsCountAgainstTheEventsABodyMayCarry() {
        EventBatchParser small = new EventBatchParser(4, 1024 * 1024);
        assertThatThrownBy(
                        () -> small.parse(NSG_V2_EXPORT.getBytes(StandardCharsets.UTF_8), EventBatchParser.Format.JSON))
                .isInstanceOf(InvalidEventBatchException.class)
                .hasMessageContaining("at most 4")
                .hasMessageContaining("one event per flow tuple");
        EventBatchParser exact = new EventBatchParser(5, 1024 * 1024);
        assertThat(exact.parse(NSG_V2_EXPORT.getBytes(StandardCharsets.UTF_8), EventBatchParser.Format.JSON))
                .hasSize(5);
        assertThatThrownBy(() -> exact.parse(
                        ("{\"a\":1}\n" + NSG_V2_EXPORT.replace('\n', ' ')).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventBatchException.class)
                .hasMessageContaining("at most 5");
    }
}
