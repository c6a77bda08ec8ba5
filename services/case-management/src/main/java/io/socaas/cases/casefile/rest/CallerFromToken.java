package io.socaas.cases.casefile.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.socaas.cases.casefile.domain.Caller;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reads the {@link Caller} from a Keycloak bearer token: realm roles, and the {@code
 * organization} claim, which is a list of aliases ({@code ["acme"]}) or, when the mapper adds
 * ids, an object keyed by alias ({@code {"acme": {"id": "..."}}}). Both forms are accepted.
 */
final class CallerFromToken {

    static final String ORGANIZATION_CLAIM = "organization";

    private CallerFromToken() {}

    static Caller of(SecurityIdentity identity) {
        List<String> organizations = identity.getPrincipal() instanceof JsonWebToken jwt
                ? organizations(jwt.getClaim(ORGANIZATION_CLAIM))
                : List.of();
        return new Caller(identity.getRoles(), organizations);
    }

    /** Organization aliases in a claim value, in either accepted form; empty when absent. */
    static List<String> organizations(Object claim) {
        return switch (claim) {
            case null -> List.of();
            case JsonString alias -> List.of(alias.getString());
            case JsonArray aliases ->
                aliases.stream()
                        .filter(v -> v.getValueType() == JsonValue.ValueType.STRING)
                        .map(v -> ((JsonString) v).getString())
                        .distinct()
                        .toList();
            case JsonObject byAlias -> List.copyOf(byAlias.keySet());
            case String alias -> List.of(alias);
            case Map<?, ?> byAlias ->
                byAlias.keySet().stream().map(String::valueOf).toList();
            case Collection<?> aliases ->
                aliases.stream().map(CallerFromToken::unquote).distinct().toList();
            default -> List.of();
        };
    }

    private static String unquote(Object value) {
        return value instanceof JsonString s ? s.getString() : String.valueOf(value);
    }
}
