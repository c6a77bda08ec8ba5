package io.socaas.cases.casefile.domain;

/**
 * No case with that id is visible in the caller's scope. Deliberately the same whether the case
 * does not exist or belongs to another tenant.
 */
public class CaseNotFoundException extends RuntimeException {

    private final String caseId;

    public CaseNotFoundException(String caseId) {
        super("case " + caseId + " not found");
        this.caseId = caseId;
    }

    public String caseId() {
        return caseId;
    }
}
