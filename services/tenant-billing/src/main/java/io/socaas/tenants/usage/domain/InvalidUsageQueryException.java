package io.socaas.tenants.usage.domain;

/** A usage or invoice query names a bad parameter (a malformed date, a reversed range...). */
public class InvalidUsageQueryException extends RuntimeException {

    private final String parameter;

    public InvalidUsageQueryException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The query or path parameter at fault. */
    public String parameter() {
        return parameter;
    }
}
