package io.socaas.tenants.tenantconfig.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.socaas.tenants.tenantconfig.domain.ConfigDocument;
import io.socaas.tenants.tenantconfig.domain.RawTenantConfig;
import io.socaas.tenants.tenantconfig.domain.TenantConfigError;
import io.socaas.tenants.tenantconfig.domain.TenantConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the tenant-config folder from disk into plain Java values. YAML syntax errors of one tenant
 * file are reported against that file; validation is {@code TenantConfigParser}'s job.
 */
public class TenantConfigFolderReader {

    public static final String PLANS_FILE = "plans.yaml";
    public static final String TENANTS_DIR = "tenants";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    /** {@code plans.yaml} alone. */
    public ConfigDocument readPlans(Path folder) {
        try {
            return document(PLANS_FILE, folder.resolve(PLANS_FILE));
        } catch (NoSuchFileException e) {
            throw new TenantConfigException(
                    PLANS_FILE, "not found in " + folder.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new TenantConfigException(PLANS_FILE, describe(e));
        }
    }

    public RawTenantConfig read(Path folder) {
        ConfigDocument plans = readPlans(folder);

        List<ConfigDocument> tenants = new ArrayList<>();
        List<TenantConfigError> unreadable = new ArrayList<>();
        Path tenantsDir = folder.resolve(TENANTS_DIR);
        if (Files.isDirectory(tenantsDir)) {
            for (Path file : tenantFiles(tenantsDir)) {
                String name = TENANTS_DIR + "/" + file.getFileName();
                try {
                    tenants.add(document(name, file));
                } catch (IOException e) {
                    unreadable.add(new TenantConfigError(name, describe(e)));
                }
            }
        }
        return new RawTenantConfig(plans, tenants, unreadable);
    }

    private ConfigDocument document(String name, Path file) throws IOException {
        String text = Files.readString(file);
        return ConfigDocument.withLines(name, yaml.readValue(text, Object.class), text);
    }

    private static List<Path> tenantFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String name = f.getFileName().toString();
                        return name.endsWith(".yaml") || name.endsWith(".yml");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof JsonProcessingException json) {
            return "invalid YAML: " + json.getOriginalMessage()
                    + (json.getLocation() != null
                            ? " (line " + json.getLocation().getLineNr() + ")"
                            : "");
        }
        return e.getMessage();
    }
}
