package io.socaas.audittrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The before and after of an entry, compact: when both are objects, only the fields the action
 * changed (a field present on one side only shows as {@code null} on the other); a creation keeps
 * its whole after, a removal its whole before. Both sides as JSON text, empty when unknown.
 */
public record AuditChange(String beforeJson, String afterJson) {

    public static final AuditChange NONE = new AuditChange("", "");

    /** The compact change between {@code before} and {@code after} (either may be null). */
    public static AuditChange of(ObjectMapper json, Object before, Object after) {
        JsonNode from = tree(json, before);
        JsonNode to = tree(json, after);
        if (from instanceof ObjectNode a && to instanceof ObjectNode b) {
            ObjectNode changedBefore = json.createObjectNode();
            ObjectNode changedAfter = json.createObjectNode();
            Set<String> names = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode was = a.path(name).isMissingNode() ? NullNode.getInstance() : a.get(name);
                JsonNode is = b.path(name).isMissingNode() ? NullNode.getInstance() : b.get(name);
                if (!was.equals(is)) {
                    changedBefore.set(name, was);
                    changedAfter.set(name, is);
                }
            }
            return new AuditChange(changedBefore.toString(), changedAfter.toString());
        }
        return new AuditChange(text(from), text(to));
    }

    private static JsonNode tree(ObjectMapper json, Object value) {
        if (value == null) {
            return null;
        }
        try {
            if (value instanceof String text) {
                return text.isEmpty() ? null : json.readTree(text);
            }
            return json.valueToTree(value);
        } catch (Exception e) {
            throw new IllegalArgumentException(
                    "cannot write " + value.getClass().getName() + " as JSON for the audit trail: " + e.getMessage(),
                    e);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.toString();
    }
}
