package io.socaas.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * However an Azure flow log record is shaped (rules, interfaces, ACLs, tuples well formed or not),
 * every tuple becomes exactly one event, in the record's order, with its own rule and group.
 */
class AzureFlowLogsPropertiesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final EventBatchParser parser = new EventBatchParser(100_000, 10 * 1024 * 1024);

    /** A tuple: well formed of the record's kind, or cut short / too long / not a text. */
    private static Gen<JsonNode> tuples(boolean vnet) {
        return integers().between(0, 9).zip(integers().between(0, 65535), (kind, n) -> {
            String good = vnet
                    ? (1772359000000L + n) + ",10.0." + (n % 250) + ".4,203.0.113." + (n % 250) + "," + n + ",443,"
                            + (n % 2 == 0 ? "6" : "17") + "," + (n % 3 == 0 ? "I" : "O") + ","
                            + "BCED".charAt(n % 4) + ",NX," + n + "," + (n * 40) + ",0,0"
                    : (1772359000L + n) + ",10.0." + (n % 250) + ".4,203.0.113." + (n % 250) + "," + n + ",443,"
                            + (n % 2 == 0 ? "T" : "U") + "," + (n % 3 == 0 ? "I" : "O") + "," + (n % 5 == 0 ? "D" : "A")
                            + "," + "BCE".charAt(n % 3) + "," + n + "," + (n * 40) + ",,";
            return switch (kind) {
                case 0 -> NODES.textNode(good.substring(0, good.lastIndexOf(',', good.length() / 2)));
                case 1 -> NODES.textNode(good + ",extra");
                case 2 -> NODES.numberNode(n);
                default -> NODES.textNode(good);
            };
        });
    }

    private static Gen<List<List<List<JsonNode>>>> groups(boolean vnet) {
        return lists().of(
                        lists().of(lists().of(tuples(vnet)).ofSizeBetween(0, 6)).ofSizeBetween(0, 3))
                .ofSizeBetween(1, 4);
    }

    private static ObjectNode record(boolean vnet, List<List<List<JsonNode>>> groups) {
        ObjectNode record = NODES.objectNode();
        record.put("time", "2026-03-01T10:00:00Z");
        ArrayNode outer = NODES.arrayNode();
        for (int i = 0; i < groups.size(); i++) {
            ObjectNode group = outer.addObject();
            group.put(vnet ? "aclID" : "rule", "G" + i);
            ArrayNode inner = group.putArray(vnet ? "flowGroups" : "flows");
            for (int j = 0; j < groups.get(i).size(); j++) {
                ObjectNode sub = inner.addObject();
                sub.put(vnet ? "rule" : "mac", "S" + i + "-" + j);
                ArrayNode flowTuples = sub.putArray("flowTuples");
                groups.get(i).get(j).forEach(flowTuples::add);
            }
        }
        if (vnet) {
            record.put("category", "FlowLogFlowEvent");
            record.put(
                    "targetResourceID",
                    "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v1");
            record.putObject("flowRecords").set("flows", outer);
        } else {
            record.put("category", "NetworkSecurityGroupFlowEvent");
            record.put(
                    "resourceId",
                    "/SUBSCRIPTIONS/S/RESOURCEGROUPS/G/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/N1");
            ObjectNode properties = record.putObject("properties");
            properties.put("Version", 2);
            properties.set("flows", outer);
        }
        return record;
    }

    @Test
    void everyTupleIsExactlyOneEventInOrderWithItsGroups() {
        qt().withExamples(300)
                .forAll(booleans().all(), groups(false), groups(true))
                .checkAssert((vnet, nsgGroups, vnetGroups) -> {
                    List<List<List<JsonNode>>> groups = vnet ? vnetGroups : nsgGroups;
                    ObjectNode record = record(vnet, groups);
                    ObjectNode body = NODES.objectNode();
                    body.putArray("records").add(record);

                    List<JsonEvent> events = parser.parse(body.toString().getBytes(StandardCharsets.UTF_8));

                    List<String> expected = new ArrayList<>();
                    List<String> expectedGroups = new ArrayList<>();
                    for (int i = 0; i < groups.size(); i++) {
                        for (int j = 0; j < groups.get(i).size(); j++) {
                            for (JsonNode tuple : groups.get(i).get(j)) {
                                expected.add(tuple.isTextual() ? tuple.textValue() : tuple.toString());
                                expectedGroups.add("G" + i + "/S" + i + "-" + j);
                            }
                        }
                    }
                    if (expected.isEmpty()) {
                        assertThat(events).containsExactly(JsonEvent.wrap(record));
                        return;
                    }
                    assertThat(events)
                            .extracting(e -> e.node().get("flowTuple").asText())
                            .containsExactlyElementsOf(expected);
                    assertThat(events)
                            .extracting(e -> e.node()
                                            .path(vnet ? "aclID" : "rule")
                                            .asText() + "/"
                                    + e.node().path(vnet ? "rule" : "mac").asText())
                            .containsExactlyElementsOf(expectedGroups);
                    for (JsonEvent event : events) {
                        ObjectNode node = event.node();
                        boolean readable = !node.has("flowTupleError");
                        assertThat(node.has("srcIp")).as("%s", node).isEqualTo(readable);
                        assertThat(node.get("flowLog").asText()).isEqualTo(vnet ? "VNet" : "NSG");
                        if (readable) {
                            assertThat(String.join(",", fields(node, vnet)))
                                    .isEqualTo(node.get("flowTuple").asText());
                        }
                    }
                });
    }

    /** The tuple written back from the event's named fields: nothing of it was lost. */
    private static List<String> fields(ObjectNode node, boolean vnet) {
        String[] names = vnet
                ? new String[] {
                    "flowTime",
                    "srcIp",
                    "dstIp",
                    "srcPort",
                    "dstPort",
                    "protocol",
                    "direction",
                    "flowState",
                    "encryption",
                    "packetsSrcToDst",
                    "bytesSrcToDst",
                    "packetsDstToSrc",
                    "bytesDstToSrc"
                }
                : new String[] {
                    "flowTime",
                    "srcIp",
                    "dstIp",
                    "srcPort",
                    "dstPort",
                    "protocol",
                    "direction",
                    "decision",
                    "flowState",
                    "packetsSrcToDst",
                    "bytesSrcToDst",
                    "packetsDstToSrc",
                    "bytesDstToSrc"
                };
        List<String> values = new ArrayList<>();
        for (String name : names) {
            values.add(node.path(name).asText(""));
        }
        return values;
    }

    @Test
    void aBodyIsRefusedOnlyWhenItsFlowsExceedTheLimit() {
        qt().withExamples(100)
                .forAll(integers().between(1, 40), integers().between(0, 40))
                .checkAssert((limit, tuples) -> {
                    List<List<List<JsonNode>>> groups = new ArrayList<>();
                    List<JsonNode> flow = new ArrayList<>();
                    for (int k = 0; k < tuples; k++) {
                        flow.add(NODES.textNode("1772359141,10.0.0.4,10.0.0.5," + k + ",443,T,I,A,C,1,2,3,4"));
                    }
                    groups.add(List.of(flow));
                    ObjectNode body = NODES.objectNode();
                    body.putArray("records").add(record(false, groups));
                    EventBatchParser bounded = new EventBatchParser(limit, 1024 * 1024);
                    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
                    if (tuples > limit) {
                        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bounded.parse(bytes))
                                .isInstanceOf(InvalidEventBatchException.class);
                    } else {
                        assertThat(bounded.parse(bytes)).hasSize(Math.max(tuples, 1));
                    }
                });
    }
}
