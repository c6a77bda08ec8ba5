package io.socaas.tenants.tenantconfig;

import io.socaas.tenants.tenantconfig.domain.PlanCatalog;
import io.socaas.tenants.tenantconfig.domain.TenantConfigParser;
import io.socaas.tenants.tenantconfig.files.TenantConfigFolderReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The plans of {@code plans.yaml} as last validated: read at first use, replaced by every successful
 * sync of the tenant-config folder.
 */
@ApplicationScoped
public class Plans {

    private final TenantConfigSettings settings;
    private final AtomicReference<PlanCatalog> current = new AtomicReference<>();

    Plans(TenantConfigSettings settings) {
        this.settings = settings;
    }

    /** The current plans; throws {@code TenantConfigException} when plans.yaml is unusable. */
    public PlanCatalog current() {
        PlanCatalog plans = current.get();
        if (plans == null) {
            plans = TenantConfigParser.parsePlans(new TenantConfigFolderReader().readPlans(settings.dir()));
            current.compareAndSet(null, plans);
        }
        return plans;
    }

    void replace(PlanCatalog plans) {
        current.set(plans);
    }
}
