package io.socaas.reporting.portal.tenantconfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.socaas.events.TenantId;
import io.socaas.reporting.portal.PortalConfig;
import io.socaas.reporting.portal.domain.TenantCatalog;
import io.socaas.reporting.portal.domain.TenantInfo;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Known tenants from {@code tenant-config/tenants/*.yaml}. Read on each call: the folder is small
 * and is the GitOps source of tenants, so edits show up without a restart.
 */
@ApplicationScoped
public class TenantConfigCatalog implements TenantCatalog {

    private static final Logger LOG = Logger.getLogger(TenantConfigCatalog.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path tenantsDir;

    public TenantConfigCatalog(PortalConfig config) {
        this.tenantsDir = config.tenantConfig().dir().resolve("tenants");
    }

    @Override
    public List<TenantInfo> tenants() {
        if (!Files.isDirectory(tenantsDir)) {
            LOG.warnf("tenant-config folder %s not found: no tenants to choose from", tenantsDir.toAbsolutePath());
            return List.of();
        }
        List<TenantInfo> tenants = new ArrayList<>();
        try (Stream<Path> files = Files.list(tenantsDir)) {
            files.filter(TenantConfigCatalog::isYaml)
                    .sorted()
                    .forEach(file -> read(file).ifPresent(tenants::add));
        } catch (IOException e) {
            LOG.errorf(e, "cannot list %s", tenantsDir);
            return List.of();
        }
        tenants.sort(Comparator.comparing(t -> t.id().value()));
        return List.copyOf(tenants);
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    private static Optional<TenantInfo> read(Path file) {
        try {
            JsonNode node = YAML.readTree(file.toFile());
            String id = node == null ? null : node.path("id").asText(null);
            if (!TenantId.isValid(id)) {
                LOG.warnf("%s has no valid tenant id; skipped", file);
                return Optional.empty();
            }
            return Optional.of(
                    new TenantInfo(TenantId.of(id), node.path("display_name").asText(id)));
        } catch (IOException e) {
            LOG.warnf("cannot read %s: %s", file, e.getMessage());
            return Optional.empty();
        }
    }
}
