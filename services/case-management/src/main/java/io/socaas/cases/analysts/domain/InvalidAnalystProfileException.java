package io.socaas.cases.analysts.domain;

import io.socaas.cases.casefile.domain.InvalidCaseCommandException;

/** An analyst profile lacks a field or has a bad one (400, naming the field). */
public class InvalidAnalystProfileException extends InvalidCaseCommandException {

    public InvalidAnalystProfileException(String field, String message) {
        super(field, message);
    }
}
