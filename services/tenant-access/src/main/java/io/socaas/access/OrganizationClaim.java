package io.socaas.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads Keycloak's {@code organization} claim, the one place every service does: a JSON list of
 * aliases ({@code ["acme"]}) or, when the mapper adds ids, an object keyed by alias ({@code
 * {"acme": {"id": "..."}}}). Both forms are accepted, whatever Java type the token library hands
 * out for them (jakarta.json values, plain collections and maps, or JSON text).
 */
public final class OrganizationClaim {

    /** Name of the claim in the access token. */
    public static final String NAME = "organization";

    private static final ObjectMapper JSON = new ObjectMapper();

    private OrganizationClaim() {}

    /** The organization aliases in a claim value, in claim order, without duplicates; empty when absent. */
    public static List<String> aliases(Object claim) {
        LinkedHashSet<String> aliases = new LinkedHashSet<>();
        switch (claim) {
            case null -> {}
            case Number number -> {}
            case Boolean flag -> {}
            // jakarta.json JsonObject is a Map, JsonArray a List: both land here
            case Map<?, ?> byAlias -> byAlias.keySet().forEach(key -> add(aliases, String.valueOf(key)));
            case Collection<?> values -> values.forEach(value -> add(aliases, String.valueOf(value)));
            default -> fromText(aliases, claim.toString());
        }
        return List.copyOf(aliases);
    }

    private static void fromText(LinkedHashSet<String> aliases, String text) {
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
            // not JSON: no organization can be read from it
        }
    }

    /** A jakarta.json string prints with its quotes: they are not part of the alias. */
    private static void add(LinkedHashSet<String> aliases, String value) {
        String alias = value.trim();
        if (alias.length() >= 2 && alias.startsWith("\"") && alias.endsWith("\"")) {
            alias = alias.substring(1, alias.length() - 1);
        }
        if (!alias.isEmpty()) {
            aliases.add(alias);
        }
    }
}
