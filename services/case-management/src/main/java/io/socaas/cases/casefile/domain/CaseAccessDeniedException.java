package io.socaas.cases.casefile.domain;

/** The caller may not read cases in the requested scope (wrong role, no or several organizations). */
public class CaseAccessDeniedException extends RuntimeException {

    public CaseAccessDeniedException(String message) {
        super(message);
    }
}
