package io.socaas.correlation.rules.tenantconfig;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Where the rules come from: the GitOps {@code tenant-config/} folder (docs/contracts.md). */
@ConfigMapping(prefix = "socaas.tenant-config")
public interface TenantConfigSettings {

    /**
     * The tenant-config folder (env {@code SOCAAS_TENANT_CONFIG_DIR}); the default is the
     * repository's folder when run from the module directory.
     */
    @WithDefault("../../tenant-config")
    Path dir();

    /** Refuse to start when the folder is missing (true), or start with no rules (false). */
    @WithDefault("true")
    boolean required();
}
