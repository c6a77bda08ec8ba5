package io.socaas.cases.casefile.domain;

/** A command lacks a field or has a bad one (400, naming the field). */
public class InvalidCaseCommandException extends RuntimeException {

    private final String field;

    public InvalidCaseCommandException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
