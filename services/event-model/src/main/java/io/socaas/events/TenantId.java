package io.socaas.events;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identity of a tenant (a customer of the MSSP): a lower-case slug that is stable forever and
 * equal to the tenant's Keycloak organization alias. It travels explicitly through every call.
 */
public record TenantId(String value) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
        if (!SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid tenant id '" + value
                    + "': expected 1-63 lower-case letters, digits or '-', not starting or ending with '-'");
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    /** True when {@code value} is a well-formed tenant id. */
    public static boolean isValid(String value) {
        return value != null && SLUG.matcher(value).matches();
    }

    /** Kafka record key for a record of this tenant: {@code <tenant>:<id>}. */
    public String recordKey(String id) {
        return value + ":" + id;
    }

    @Override
    public String toString() {
        return value;
    }
}
