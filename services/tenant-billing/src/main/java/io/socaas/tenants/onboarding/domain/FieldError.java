package io.socaas.tenants.onboarding.domain;

import java.util.Objects;

/** One invalid member of a request: its JSON name (or header name) and what is wrong with it. */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
