package io.socaas.reporting.portal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads Keycloak's {@code organization} claim: a JSON list of aliases ({@code ["acme"]}) or, when the
 * mapper adds ids, an object keyed by alias ({@code {"acme": {"id": "..."}}}). Both forms are
 * accepted, whatever Java type the token library hands out for them.
 */
final class OrganizationClaim {

    static final String NAME = "organization";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OrganizationClaim() {}

    static Set<String> aliases(Object claim) {
        Set<String> aliases = new LinkedHashSet<>();
        switch (claim) {
            case null -> {}
            case Map<?, ?> map -> map.keySet().forEach(key -> add(aliases, String.valueOf(key)));
            case Collection<?> values -> values.forEach(value -> add(aliases, String.valueOf(value)));
            default -> fromText(aliases, claim.toString());
        }
        return Set.copyOf(aliases);
    }

    private static void fromText(Set<String> aliases, String text) {
        String trimmed = text.trim();
        if (!trimmed.startsWith("[") && !trimmed.startsWith("{")) {
            add(aliases, trimmed);
            return;
        }
        try {
            JsonNode node = JSON.readTree(trimmed);
            if (node.isArray()) {
                node.forEach(value -> add(aliases, value.isTextual() ? value.textValue() : value.toString()));
            } else if (node.isObject()) {
                node.fieldNames().forEachRemaining(name -> add(aliases, name));
            }
        } catch (Exception e) {
            // Not JSON: no organization can be read from it.
        }
    }

    private static void add(Set<String> aliases, String value) {
        String alias = value.trim();
        if (alias.length() >= 2 && alias.startsWith("\"") && alias.endsWith("\"")) {
            alias = alias.substring(1, alias.length() - 1);
        }
        if (!alias.isEmpty()) {
            aliases.add(alias);
        }
    }
}
