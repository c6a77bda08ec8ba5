package io.socaas.ingestion.intake.domain;

import io.socaas.events.TenantId;

/** Port: whether a tenant may send events now, as far as the published tenant facts tell. */
public interface TenantStanding {

    /**
     * False when the tenant is known not to be active (suspended, being offboarded, ...). A tenant the
     * facts do not know yet (just onboarded) is left to the tenant directory's answer.
     */
    boolean mayIngest(TenantId tenant);

    /** For callers without tenant facts: the directory alone decides. */
    static TenantStanding directoryDecides() {
        return tenant -> true;
    }
}
