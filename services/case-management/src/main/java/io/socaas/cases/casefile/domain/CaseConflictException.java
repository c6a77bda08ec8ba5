package io.socaas.cases.casefile.domain;

/**
 * A command does not fit the case as it is now (resolve a closed case, claim a case another analyst
 * holds): 409.
 */
public class CaseConflictException extends RuntimeException {

    public CaseConflictException(String message) {
        super(message);
    }
}
