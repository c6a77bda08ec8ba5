package io.socaas.reporting.portal.domain;

/** The viewer may not see the tenant it asked for (see {@link TenantScope}). */
public class TenantAccessRefusedException extends RuntimeException {

    private final TenantScope.Reason reason;

    public TenantAccessRefusedException(TenantScope.Refused refused) {
        super(refused.detail());
        this.reason = refused.reason();
    }

    public TenantScope.Reason reason() {
        return reason;
    }
}
