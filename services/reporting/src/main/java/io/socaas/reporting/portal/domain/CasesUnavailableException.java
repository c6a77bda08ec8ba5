package io.socaas.reporting.portal.domain;

/** The case service cannot answer right now (down, timing out, overloaded). */
public class CasesUnavailableException extends RuntimeException {

    public CasesUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
