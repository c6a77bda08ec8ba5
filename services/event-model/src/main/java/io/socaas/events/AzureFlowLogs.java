package io.socaas.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Azure Network Watcher flow log records opened into one event per flow tuple. One record holds
 * every flow of a minute, grouped by rule and network interface, each flow a comma-separated text:
 *
 * <ul>
 *   <li>a network security group flow log record (category {@code NetworkSecurityGroupFlowEvent},
 *       {@code properties.Version} 1 or 2): {@code properties.flows[].rule}, {@code
 *       .flows[].mac}, {@code .flows[].flowTuples[]}, a tuple being {@code time, source IP,
 *       destination IP, source port, destination port, protocol (T/U), direction (I/O), decision
 *       (A/D)} and in version 2 also {@code flow state (B/C/E), packets and bytes source to
 *       destination, packets and bytes destination to source};
 *   <li>a virtual network flow log record ({@code flowRecords.flows[].aclID}, {@code
 *       .flowGroups[].rule}, {@code .flowGroups[].flowTuples[]}), a tuple being {@code time, source
 *       IP, destination IP, source port, destination port, protocol (IANA number), direction (I/O),
 *       flow state (B/C/E, D denied), encryption (X, NX, ...), packets and bytes source to
 *       destination, packets and bytes destination to source}.
 * </ul>
 *
 * Each event is a flat object: the record's own top-level values (time, resourceId, category,
 * macAddress, flowLogResourceID, targetResourceID, ...), the name of the network security group or
 * of the flow log's target, the rule, the interface's MAC or the ACL, the tuple as it was written
 * ({@code flowTuple}) and its fields by name, empty fields left out; besides them which log it is
 * ({@code flowLog}: NSG or VNet), the subscription of the resource id, the protocol's name and number
 * ({@code protocolName}, {@code protocolNumber}: T is TCP, 6; U is UDP, 17) and the direction's
 * ({@code directionName}: Inbound, Outbound). A tuple or group that cannot be
 * read (too few or too many fields, not a text, a group without tuples) is still an event: it carries
 * what was written and why it could not be read ({@code flowTupleError}), nothing else of it.
 */
final class AzureFlowLogs {

    static final String NSG_CATEGORY = "NetworkSecurityGroupFlowEvent";

    private static final String[] NSG_V1_FIELDS = {
        "flowTime", "srcIp", "dstIp", "srcPort", "dstPort", "protocol", "direction", "decision"
    };
    private static final String[] NSG_V2_FIELDS = {
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
    private static final String[] VNET_FIELDS = {
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
    };

    private AzureFlowLogs() {}

    /** Whether {@code record} is a flow log record this class opens (it may still hold no tuple). */
    static boolean isFlowRecord(ObjectNode record) {
        return nsgVersion(record) > 0 || isVnetRecord(record);
    }

    /**
     * The events of a flow log record, one per tuple in the record's order, or null when {@code
     * record} is no flow log record or holds no tuple at all (it is then an event as it is). At most
     * {@code limit + 1} events are made, so a caller that accepts {@code limit} sees that there are
     * more without all of them being built.
     */
    static List<ObjectNode> flows(ObjectNode record, int limit) {
        int version = nsgVersion(record);
        List<ObjectNode> events = new ArrayList<>();
        if (version > 0) {
            ObjectNode context = context(record);
            context.put("flowLog", "NSG");
            context.put("flowLogVersion", version);
            String resourceId =
                    record.path("resourceId").asText(record.path("resourceID").asText(""));
            String nsg = lastSegment(resourceId);
            if (nsg != null) {
                context.put("nsgName", nsg);
            }
            putSubscription(context, resourceId);
            String[] names = version == 1 ? NSG_V1_FIELDS : NSG_V2_FIELDS;
            groups(
                    events,
                    context,
                    record.path("properties").path("flows"),
                    "rule",
                    "flows",
                    "mac",
                    names,
                    limit,
                    "a rule's entry without flows");
        } else if (isVnetRecord(record)) {
            ObjectNode context = context(record);
            context.put("flowLog", "VNet");
            String targetId = record.path("targetResourceID").asText("");
            putSubscription(
                    context,
                    targetId.isEmpty() ? record.path("flowLogResourceID").asText("") : targetId);
            String target = lastSegment(targetId);
            if (target != null) {
                context.put("targetName", target);
            }
            String flowLog = lastSegment(record.path("flowLogResourceID").asText(""));
            if (flowLog != null) {
                context.put("flowLogName", flowLog);
            }
            groups(
                    events,
                    context,
                    record.get("flowRecords").get("flows"),
                    "aclID",
                    "flowGroups",
                    "rule",
                    VNET_FIELDS,
                    limit,
                    "an ACL's entry without flow groups");
        } else {
            return null;
        }
        return events.isEmpty() ? null : events;
    }

    /**
     * The tuples of a record's two levels of groups, each level's name joining the context: NSG's
     * rules and then their MACs, VNet's ACLs and then their rules. An outer group without its inner
     * list is kept as unreadable, with {@code withoutInner} as the reason.
     */
    private static void groups(
            List<ObjectNode> events,
            ObjectNode context,
            JsonNode outerGroups,
            String outerName,
            String innerList,
            String innerName,
            String[] names,
            int limit,
            String withoutInner) {
        for (JsonNode outer : outerGroups) {
            if (events.size() > limit) {
                break;
            }
            if (!outer.isObject() || !outer.path(innerList).isArray()) {
                events.add(unreadable(context, outer, withoutInner));
                continue;
            }
            ObjectNode outerContext = context.deepCopy();
            putText(outerContext, outerName, outer.get(outerName));
            for (JsonNode inner : outer.get(innerList)) {
                ObjectNode innerContext = outerContext.deepCopy();
                if (inner.isObject()) {
                    putText(innerContext, innerName, inner.get(innerName));
                }
                addTuples(events, innerContext, inner, names, limit);
            }
        }
    }

    private static void addTuples(
            List<ObjectNode> events, ObjectNode context, JsonNode group, String[] names, int limit) {
        if (!group.isObject() || !group.path("flowTuples").isArray()) {
            if (events.size() <= limit) {
                events.add(unreadable(context, group, "a group without flowTuples"));
            }
            return;
        }
        for (JsonNode tuple : group.get("flowTuples")) {
            if (events.size() > limit) {
                return;
            }
            events.add(tuple(context, tuple, names));
        }
    }

    /** One tuple's event: the context, the tuple as written and its fields by name. */
    static ObjectNode tuple(ObjectNode context, JsonNode tuple, String[] names) {
        if (!tuple.isTextual()) {
            return unreadable(context, tuple, "a flow tuple that is not a text");
        }
        String text = tuple.textValue();
        String[] values = text.split(",", -1);
        if (values.length != names.length) {
            return unreadable(
                    context, tuple, "a flow tuple of " + values.length + " fields, " + names.length + " were expected");
        }
        ObjectNode event = context.deepCopy();
        event.put("flowTuple", text);
        for (int i = 0; i < names.length; i++) {
            String value = values[i].strip();
            if (!value.isEmpty()) {
                event.put(names[i], value);
            }
        }
        String protocol = values[5].strip();
        String[] decoded = switch (protocol.toUpperCase(Locale.ROOT)) {
            case "T", "6" -> new String[] {"TCP", "6"};
            case "U", "17" -> new String[] {"UDP", "17"};
            case "1" -> new String[] {"ICMP", "1"};
            case "58" -> new String[] {"IPv6-ICMP", "58"};
            default ->
                protocol.chars().allMatch(Character::isDigit) && !protocol.isEmpty()
                        ? new String[] {null, protocol}
                        : new String[] {null, null};
        };
        if (decoded[0] != null) {
            event.put("protocolName", decoded[0]);
        }
        if (decoded[1] != null) {
            event.put("protocolNumber", decoded[1]);
        }
        switch (values[6].strip().toUpperCase(Locale.ROOT)) {
            case "I" -> event.put("directionName", "Inbound");
            case "O" -> event.put("directionName", "Outbound");
            default -> {}
        }
        return event;
    }

    /** The subscription an Azure resource id names ({@code /subscriptions/<id>/...}). */
    private static void putSubscription(ObjectNode context, String resourceId) {
        int at = resourceId.toLowerCase(Locale.ROOT).indexOf("/subscriptions/");
        if (at < 0) {
            return;
        }
        int start = at + "/subscriptions/".length();
        int end = resourceId.indexOf('/', start);
        String id = (end < 0 ? resourceId.substring(start) : resourceId.substring(start, end)).strip();
        if (!id.isEmpty()) {
            context.put("subscriptionId", id);
        }
    }

    private static ObjectNode unreadable(ObjectNode context, JsonNode written, String why) {
        ObjectNode event = context.deepCopy();
        event.put("flowTuple", written.isTextual() ? written.textValue() : written.toString());
        event.put("flowTupleError", why);
        return event;
    }

    /** The record's own values that are no structure (time, resourceId, category, ...). */
    private static ObjectNode context(ObjectNode record) {
        ObjectNode context = JsonEvent.MAPPER.createObjectNode();
        for (Map.Entry<String, JsonNode> member : record.properties()) {
            if (member.getValue().isValueNode()) {
                context.set(member.getKey(), member.getValue());
            }
        }
        return context;
    }

    private static void putText(ObjectNode event, String name, JsonNode value) {
        if (value != null && value.isValueNode() && !value.isNull()) {
            event.put(name, value.asText());
        }
    }

    /** The version (1 or 2) of a network security group flow log record, 0 for any other object. */
    private static int nsgVersion(ObjectNode record) {
        if (!NSG_CATEGORY.equals(record.path("category").textValue())) {
            return 0;
        }
        JsonNode properties = record.path("properties");
        if (!properties.path("flows").isArray()) {
            return 0;
        }
        JsonNode version = properties.path("Version");
        String text = version.isValueNode() ? version.asText().strip() : "";
        return switch (text) {
            case "1", "1.0" -> 1;
            case "2", "2.0" -> 2;
            default -> 0;
        };
    }

    private static boolean isVnetRecord(ObjectNode record) {
        return record.path("flowRecords").path("flows").isArray();
    }

    /** The last segment of an Azure resource id, null when there is none. */
    private static String lastSegment(String resourceId) {
        int end = resourceId.length();
        while (end > 0 && resourceId.charAt(end - 1) == '/') {
            end--;
        }
        int start = resourceId.lastIndexOf('/', end - 1) + 1;
        return start < end ? resourceId.substring(start, end) : null;
    }
}
