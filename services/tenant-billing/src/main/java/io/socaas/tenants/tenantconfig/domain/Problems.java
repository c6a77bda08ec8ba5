package io.socaas.tenants.tenantconfig.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects every problem of one file so that one run of the sync reports them all. */
class Problems {

    private final List<String> messages = new ArrayList<>();

    void add(String message) {
        messages.add(message);
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    String requiredString(Map<?, ?> fields, String key) {
        Object value = fields.get(key);
        if (value == null) {
            add("missing '" + key + "'");
            return null;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            add("'" + key + "' must be a non-empty string");
            return null;
        }
        return text.strip();
    }

    /** A whole number of at least {@code min}; {@code null} (and a problem) otherwise. */
    Long requiredLong(Map<?, ?> fields, String key, long min, String where) {
        Object value = fields.get(key);
        if (value instanceof Number number && number.doubleValue() == Math.floor(number.doubleValue())) {
            if (number.longValue() >= min) {
                return number.longValue();
            }
        }
        add(where + key + " must be a whole number of at least " + min
                + (value == null ? " (missing)" : ", not '" + value + "'"));
        return null;
    }

    void forEachTo(Problems other) {
        messages.forEach(other::add);
    }

    void throwIfAny(String file) {
        if (!messages.isEmpty()) {
            throw new TenantConfigException(file, String.join("; ", messages));
        }
    }
}
