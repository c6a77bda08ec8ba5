package io.socaas.correlation.rules.tenantconfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.socaas.correlation.rules.domain.DetectionRule;
import io.socaas.correlation.rules.domain.RuleCatalog;
import io.socaas.correlation.rules.domain.RuleLoadFailure;
import io.socaas.correlation.rules.domain.RulePack;
import io.socaas.correlation.rules.domain.TenantProfile;
import io.socaas.correlation.sigma.domain.SigmaRuleException;
import io.socaas.correlation.sigma.yaml.SigmaYamlReader;
import io.socaas.events.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads {@code tenants/*.yaml} and {@code rules/<pack>/*.yml} (with the optional
 * {@code rules/<pack>/pack.yaml}) from a tenant-config folder into a {@link RuleCatalog}.
 */
public final class TenantConfigReader {

    private static final ObjectMapper YAML = new YAMLMapper();

    private TenantConfigReader() {}

    public static RuleCatalog read(Path root) {
        List<RuleLoadFailure> failures = new ArrayList<>();
        List<TenantProfile> tenants = readTenants(root.resolve("tenants"), failures);
        Map<String, List<DetectionRule>> packs = readPacks(root.resolve("rules"), failures);
        return RuleCatalog.assemble(tenants, packs, failures);
    }

    private static List<TenantProfile> readTenants(Path dir, List<RuleLoadFailure> failures) {
        List<TenantProfile> tenants = new ArrayList<>();
        for (Path file : list(dir, ".yaml")) {
            String location = "tenants/" + file.getFileName();
            try {
                Map<?, ?> doc = YAML.readValue(file.toFile(), Map.class);
                Object id = doc == null ? null : doc.get("id");
                if (!(id instanceof String s) || !TenantId.isValid(s)) {
                    failures.add(new RuleLoadFailure(location, "missing or invalid tenant id '" + id + "'"));
                    continue;
                }
                List<String> packs = new ArrayList<>();
                if (doc.get("rule_packs") instanceof List<?> list) {
                    list.forEach(p -> packs.add(String.valueOf(p)));
                }
                Object status = doc.get("status");
                tenants.add(new TenantProfile(TenantId.of(s), status == null ? null : String.valueOf(status), packs));
            } catch (IOException e) {
                failures.add(new RuleLoadFailure(location, "unreadable tenant file: " + e.getMessage()));
            }
        }
        return tenants;
    }

    private static Map<String, List<DetectionRule>> readPacks(Path dir, List<RuleLoadFailure> failures) {
        Map<String, List<DetectionRule>> packs = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return packs;
        }
        List<Path> packDirs;
        try (Stream<Path> entries = Files.list(dir)) {
            packDirs = entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path packDir : packDirs) {
            String packId = packDir.getFileName().toString();
            RulePack pack = readPack(packDir, packId, failures);
            List<DetectionRule> rules = new ArrayList<>();
            for (Path file : list(packDir, ".yml")) {
                String location = "rules/" + packId + "/" + file.getFileName();
                try {
                    rules.add(new DetectionRule(
                            SigmaYamlReader.read(Files.readString(file)),
                            pack,
                            file.getFileName().toString()));
                } catch (SigmaRuleException e) {
                    failures.add(new RuleLoadFailure(location, e.kind() + ": " + e.getMessage()));
                } catch (IOException e) {
                    failures.add(new RuleLoadFailure(location, "unreadable rule file: " + e.getMessage()));
                }
            }
            packs.put(packId, List.copyOf(rules));
        }
        return packs;
    }

    private static RulePack readPack(Path packDir, String packId, List<RuleLoadFailure> failures) {
        Path file = packDir.resolve("pack.yaml");
        if (!Files.isRegularFile(file)) {
            return RulePack.unnamed(packId);
        }
        try {
            Map<?, ?> doc = YAML.readValue(file.toFile(), Map.class);
            if (doc == null) {
                return RulePack.unnamed(packId);
            }
            Object id = doc.get("id");
            if (id != null && !packId.equals(String.valueOf(id))) {
                failures.add(new RuleLoadFailure(
                        "rules/" + packId + "/pack.yaml",
                        "pack id '" + id + "' differs from its folder name; folder name used"));
            }
            return new RulePack(packId, text(doc.get("license")), text(doc.get("source_url_base")));
        } catch (IOException e) {
            failures.add(
                    new RuleLoadFailure("rules/" + packId + "/pack.yaml", "unreadable pack file: " + e.getMessage()));
            return RulePack.unnamed(packId);
        }
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value).trim();
    }

    private static List<Path> list(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
