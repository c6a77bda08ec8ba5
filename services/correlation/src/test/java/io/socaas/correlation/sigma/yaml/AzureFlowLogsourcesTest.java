package io.socaas.correlation.sigma.yaml;

import static io.socaas.correlation.sigma.yaml.IngestedEvents.DNS;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.FIREWALL;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.LOGSOURCES;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.PROXY;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.WEBSERVER;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.assumeCorpus;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.fired;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.id;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingestedBatch;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.logsources;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.rules;
import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.sigma.domain.LogsourceMapping;
import io.socaas.correlation.sigma.domain.SigmaEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Azure Network Watcher flow logs (network security group flow logs versions 1 and 2, virtual network
 * flow logs) as the HTTP intake splits a record into its flow tuples and ingestion normalizes each are
 * Sigma {@code firewall} events with both addresses, both ports and the decision as Azure Firewall
 * words it, and SigmaHQ's firewall rules of the shared corpus fire on the flows they describe and stay
 * silent on ordinary ones. The records are written after Microsoft's documented flow log formats;
 * without the corpus ({@code SOCAAS_CORPUS}) the rule tests are skipped.
 */
class AzureFlowLogsourcesTest {

    private static final String NSG_ID =
            "/SUBSCRIPTIONS/5B6C7D8E-9F01-4A2B-8C3D-4E5F60718293/RESOURCEGROUPS/RG-BRANCH/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/NSG-BRANCH-WEB";

    /** A network security group flow log version 1 record with one tuple ({@code allowed}: decision A or D). */
    private static String nsgV1(String src, int srcPort, String dst, int dstPort, boolean allowed) {
        return """
                {"records": [{"time": "2026-03-01T09:20:00.0000000Z", "systemId": "4d5e6f70-8192-4a3b-9c4d-5e6f70819203",
                  "category": "NetworkSecurityGroupFlowEvent", "resourceId": "%s", "operationName": "NetworkSecurityGroupFlowEvents",
                  "properties": {"Version": 1, "flows": [{"rule": "UserRule_BranchWeb", "flows": [{"mac": "000D3A5B6C7D",
                    "flowTuples": ["1772356800,%s,%s,%d,%d,T,O,%s"]}]}]}}]}""".formatted(NSG_ID, src, dst, srcPort, dstPort, allowed ? "A" : "D");
    }

    /** The same flow in a version 2 record (allowed: beginning, with no counters yet). */
    private static String nsgV2(String src, int srcPort, String dst, int dstPort, boolean allowed) {
        return """
                {"records": [{"time": "2026-03-01T09:20:00.0000000Z", "systemId": "4d5e6f70-8192-4a3b-9c4d-5e6f70819203",
                  "macAddress": "000D3A5B6C7D", "category": "NetworkSecurityGroupFlowEvent", "resourceId": "%s",
                  "operationName": "NetworkSecurityGroupFlowEvents",
                  "properties": {"Version": 2, "flows": [{"rule": "UserRule_BranchWeb", "flows": [{"mac": "000D3A5B6C7D",
                    "flowTuples": ["1772356800,%s,%s,%d,%d,T,O,%s,B,,,,"]}]}]}}]}""".formatted(NSG_ID, src, dst, srcPort, dstPort, allowed ? "A" : "D");
    }

    /** The same flow in a virtual network flow log record (allowed: continuing, with counters; denied: state D). */
    private static String vnet(String src, int srcPort, String dst, int dstPort, boolean allowed) {
        return """
                {"records": [{"time": "2026-03-01T09:21:00.5000000Z", "flowLogVersion": 4,
                  "flowLogGUID": "7f8091a2-b3c4-4d5e-8f60-718293a4b5c6", "macAddress": "7C1E52A0B1C2", "category": "FlowLogFlowEvent",
                  "flowLogResourceID": "/SUBSCRIPTIONS/5B6C7D8E-9F01-4A2B-8C3D-4E5F60718293/RESOURCEGROUPS/NETWORKWATCHERRG/PROVIDERS/MICROSOFT.NETWORK/NETWORKWATCHERS/NETWORKWATCHER_WESTEUROPE/FLOWLOGS/VNET-BRANCH-LOG",
                  "targetResourceID": "/subscriptions/5b6c7d8e-9f01-4a2b-8c3d-4e5f60718293/resourceGroups/rg-branch/providers/Microsoft.Network/virtualNetworks/vnet-branch",
                  "operationName": "FlowLogFlowEvent",
                  "flowRecords": {"flows": [{"aclID": "0a1b2c3d-4e5f-4061-9728-39a4b5c6d7e8", "flowGroups": [
                    {"rule": "UserRule_BranchWeb", "flowTuples": ["1772356860500,%s,%s,%d,%d,6,O,%s,NX,%s"]}]}]}}]}""".formatted(
                        src, dst, srcPort, dstPort, allowed ? "C" : "D", allowed ? "14,2210,12,9120" : "3,180,0,0");
    }

    private interface FlowRecord {
        String of(String src, int srcPort, String dst, int dstPort, boolean allowed);
    }

    private static final List<FlowRecord> SHAPES =
            List.of(AzureFlowLogsourcesTest::nsgV1, AzureFlowLogsourcesTest::nsgV2, AzureFlowLogsourcesTest::vnet);

    /** The record's one flow tuple, as ingestion normalizes and detection admits it. */
    private static Map<String, Object> flow(String record) {
        List<Map<String, Object>> events = ingestedBatch(record);
        assertThat(events).as(record).hasSize(1);
        return events.get(0);
    }

    /** The value a firewall rule reads for a Sigma field of the flow. */
    private static Object firewallField(Map<String, Object> event, String sigmaField) {
        SigmaEvent view = SigmaEvent.of(event);
        LogsourceMapping.Classified firewall = LOGSOURCES.classify(view).stream()
                .filter(c -> FIREWALL.equals(c.logsource()))
                .findFirst()
                .orElseThrow();
        return view.withFieldMapping(firewall.fields()).field(sigmaField).value();
    }

    @Test
    void everyFlowTupleIsAFirewallEventWithItsAddressesPortsAndAzuresDecision() {
        for (FlowRecord shape : SHAPES) {
            for (boolean allowed : List.of(true, false)) {
                String record = shape.of("10.44.2.9", 50412, "198.51.100.77", 8443, allowed);
                Map<String, Object> event = flow(record);
                assertThat(logsources(event))
                        .as(record)
                        .containsOnlyOnce(FIREWALL)
                        .doesNotContain(DNS, PROXY, WEBSERVER);
                assertThat(firewallField(event, "src_ip")).as(record).hasToString("10.44.2.9");
                assertThat(firewallField(event, "dst_ip")).as(record).hasToString("198.51.100.77");
                assertThat(firewallField(event, "src_port")).as(record).hasToString("50412");
                assertThat(firewallField(event, "dst_port")).as(record).hasToString("8443");
                assertThat(firewallField(event, "action")).as(record).hasToString(allowed ? "Allow" : "Deny");
            }
        }
    }

    @Test
    void aFlowTupleThatCannotBeReadIsNoFirewallEvent() {
        String record = nsgV2("10.44.2.9", 50412, "198.51.100.77", 8443, true).replace(",B,,,,", ",B,,,");
        assertThat(logsources(flow(record))).as(record).doesNotContain(FIREWALL);
    }

    @Test
    void firewallRulesFireOnFlowsToAndFromTheirAddressesInEveryShapeAndNotOnOrdinaryFlows() {
        assumeCorpus();
        String equation = id("rules-emerging-threats/2017/TA/Equation-Group/net_firewall_apt_equationgroup_c2.yml");
        Set<String> firewallRules = rules(r -> "firewall".equals(r.source().category()));
        for (FlowRecord shape : SHAPES) {
            for (boolean allowed : List.of(true, false)) {
                String ordinary = shape.of("10.44.2.9", 50412, "198.51.100.77", 443, allowed);
                assertThat(fired(flow(ordinary))).as(ordinary).doesNotContainAnyElementsOf(firewallRules);
                // the Equation Group's command and control addresses, either way
                String out = shape.of("10.44.2.9", 50412, "69.42.98.86", 443, allowed);
                assertThat(fired(flow(out))).as(out).contains(equation);
                String in = shape.of("89.185.234.145", 8443, "10.44.2.9", 3389, allowed);
                assertThat(fired(flow(in))).as(in).contains(equation);
                // a neighbouring address is not theirs
                String neighbour = shape.of("10.44.2.9", 50412, "69.42.98.87", 443, allowed);
                assertThat(fired(flow(neighbour))).as(neighbour).doesNotContain(equation);
            }
        }
    }
}
