package io.socaas.audittrail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of the audit trail: when, which service, who, which tenant ({@code null} for a
 * platform-wide action), what (action and target), the object before and after as JSON (secrets
 * never put in), the request and trace ids, and how it ended.
 */
public record AuditRecord(
        Instant time,
        String service,
        Actor actor,
        String tenantId,
        String action,
        String target,
        String beforeJson,
        String afterJson,
        String requestId,
        String traceId,
        int status,
        String outcome) {

    /** The record key (and {@code tenant} header) of an entry about no tenant. */
    public static final String PLATFORM = "platform";

    public static final String SUCCEEDED = "succeeded";
    public static final String REFUSED = "refused";
    public static final String FAILED = "failed";

    public AuditRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(outcome, "outcome");
        time = time.truncatedTo(ChronoUnit.MICROS);
        target = target == null ? "" : target;
        beforeJson = beforeJson == null ? "" : beforeJson;
        afterJson = afterJson == null ? "" : afterJson;
        traceId = traceId == null ? "" : traceId;
        tenantId = tenantId == null || tenantId.isBlank() ? null : tenantId;
    }

    /**
     * The entry's id, derived (name-based UUID) from service, request id, action, target and time:
     * the same entry sent twice has one id, so the trail stores it once.
     */
    public String entryId() {
        String name =
                String.join("\n", service, requestId, action, target, String.valueOf(timeMicros()), actor.subject());
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The record key: the tenant, or {@value #PLATFORM}. */
    public String key() {
        return tenantId == null ? PLATFORM : tenantId;
    }

    public long timeMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, time);
    }

    /** {@value #SUCCEEDED} (2xx/3xx), {@value #REFUSED} (4xx) or {@value #FAILED} (5xx). */
    public static String httpOutcome(int status) {
        if (status >= 500) {
            return FAILED;
        }
        return status >= 400 ? REFUSED : SUCCEEDED;
    }

    /**
     * {@value #SUCCEEDED} for OK, {@value #REFUSED} for the codes that blame the request
     * (INVALID_ARGUMENT, NOT_FOUND, ALREADY_EXISTS, PERMISSION_DENIED, FAILED_PRECONDITION, ABORTED,
     * OUT_OF_RANGE, UNAUTHENTICATED), {@value #FAILED} for the others.
     */
    public static String grpcOutcome(int code) {
        return switch (code) {
            case 0 -> SUCCEEDED;
            case 3, 5, 6, 7, 9, 10, 11, 16 -> REFUSED;
            default -> FAILED;
        };
    }

    /**
     * The route of a request path: each path parameter's value replaced by its name, so that one
     * action reads the same for every object ({@code POST /api/v1/tenants/{tenantId}:suspend}).
     */
    public static String route(String method, String path, Map<String, String> pathParameters) {
        String route = path;
        for (var parameter : pathParameters.entrySet()) {
            if (parameter.getValue() == null || parameter.getValue().isEmpty()) {
                continue;
            }
            String value = Pattern.quote(parameter.getValue());
            route = route.replaceAll(
                    "(?<=/)" + value + "(?=/|:|$)", Matcher.quoteReplacement("{" + parameter.getKey() + "}"));
        }
        return method + " " + route;
    }
}
