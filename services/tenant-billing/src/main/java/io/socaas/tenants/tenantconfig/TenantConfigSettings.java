package io.socaas.tenants.tenantconfig;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Where the GitOps tenant-config folder is and whether to load it at startup. */
@ConfigMapping(prefix = "socaas.tenant-config")
public interface TenantConfigSettings {

    /**
     * The tenant-config folder ({@code plans.yaml}, {@code tenants/*.yaml}). Env
     * {@code SOCAAS_TENANT_CONFIG_DIR}; the default is the repository's folder when the service
     * runs from its module directory.
     */
    @WithDefault("../../tenant-config")
    Path dir();

    /** Upsert the folder's tenants into the database when the service starts. */
    @WithDefault("true")
    boolean syncAtStartup();
}
