package io.socaas.correlation.rules.tenantconfig;

import io.quarkus.runtime.Startup;
import io.socaas.correlation.rules.domain.RuleCatalog;
import io.socaas.correlation.rules.domain.RuleLoadFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** Loads every tenant's rules once, at startup, and logs what was loaded and what was not. */
@ApplicationScoped
public class RuleCatalogProducer {

    private static final Logger LOG = Logger.getLogger(RuleCatalogProducer.class);

    @Produces
    @Singleton
    @Startup
    RuleCatalog ruleCatalog(TenantConfigSettings settings) {
        Path dir = settings.dir().toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            if (settings.required()) {
                throw new IllegalStateException("tenant-config folder " + dir
                        + " not found: set socaas.tenant-config.dir (env SOCAAS_TENANT_CONFIG_DIR)");
            }
            LOG.errorf("tenant-config folder %s not found: no tenant has rules", dir);
            return RuleCatalog.assemble(List.of(), Map.of(), List.of());
        }
        RuleCatalog catalog = TenantConfigReader.read(dir);
        catalog.tenants().forEach((tenant, rules) -> LOG.infof("tenant %s: %d rules enabled", tenant, rules.size()));
        for (RuleLoadFailure failure : catalog.failures()) {
            LOG.warnf("tenant-config %s skipped: %s", failure.location(), failure.reason());
        }
        LOG.infof(
                "loaded rules from %s for %d tenants; %d problems",
                dir, catalog.tenants().size(), catalog.failures().size());
        return catalog;
    }
}
