package io.socaas.tenants.onboarding.domain;

import java.util.List;
import java.util.stream.Collectors;

/** A request (body members, headers or query parameters) with invalid fields; names every one of them. */
public class InvalidFieldsException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidFieldsException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
