package io.socaas.tenants.audit.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One audited call: who (user name, token subject, client), when, what (method and route), on
 * which tenant, under which request id, and how it ended.
 */
public record AuditEntry(
        Instant at,
        String actor,
        String subject,
        String clientId,
        String action,
        String tenantId,
        String requestId,
        int status) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(requestId, "requestId");
    }

    /** {@code succeeded} (2xx/3xx), {@code refused} (4xx) or {@code failed} (5xx). */
    public String outcome() {
        if (status >= 500) {
            return "failed";
        }
        return status >= 400 ? "refused" : "succeeded";
    }

    /**
     * The route of a request path: each path parameter's value replaced by its name, so that one
     * action reads the same for every tenant ({@code POST /api/v1/tenants/{tenantId}:suspend}).
     */
    public static String route(String method, String path, java.util.Map<String, String> pathParameters) {
        String route = path;
        for (var parameter : pathParameters.entrySet()) {
            String value = java.util.regex.Pattern.quote(parameter.getValue());
            route = route.replaceAll(
                    "(?<=/)" + value + "(?=/|:|$)",
                    java.util.regex.Matcher.quoteReplacement("{" + parameter.getKey() + "}"));
        }
        return method + " " + route;
    }
}
