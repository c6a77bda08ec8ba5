package io.socaas.ingestion.intake.rest;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Removes the tenant from the logging context after each response, including problem responses,
 * so that the exception mapper still logs with the tenant of the failed request.
 */
public class TenantMdcCleanup {

    @ServerResponseFilter
    public void removeTenant() {
        MDC.remove(AcceptedBatches.MDC_TENANT);
    }
}
