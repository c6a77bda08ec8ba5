package io.socaas.reporting.portal.rest;

/** MSSP staff asked for cases without naming a tenant. */
class TenantNotChosenException extends RuntimeException {

    TenantNotChosenException() {
        super("choose a tenant with the 'tenant' query parameter");
    }
}
