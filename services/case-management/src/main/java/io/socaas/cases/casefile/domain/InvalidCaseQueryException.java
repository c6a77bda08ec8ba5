package io.socaas.cases.casefile.domain;

/** A case query is malformed (unknown status, bad tenant id, limit out of range, ...). */
public class InvalidCaseQueryException extends RuntimeException {

    public InvalidCaseQueryException(String message) {
        super(message);
    }
}
