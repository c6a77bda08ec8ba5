package io.socaas.reporting.portal.domain;

/**
 * No rule with this id is enabled for the tenant. Said the same way whether the rule does not
 * exist, belongs to a pack the tenant did not enable, or is turned off for the tenant.
 */
public class RuleNotFoundException extends RuntimeException {

    public RuleNotFoundException() {
        super("No rule with this id is enabled for this organization.");
    }
}
