package io.socaas.correlation.rules.tenantconfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.socaas.correlation.rules.domain.CorrelationPacks;
import io.socaas.correlation.rules.domain.DeployedCorrelation;
import io.socaas.correlation.rules.domain.DetectionRule;
import io.socaas.correlation.rules.domain.RuleLoadFailure;
import io.socaas.correlation.rules.domain.RulePack;
import io.socaas.correlation.rules.domain.RulePacks;
import io.socaas.correlation.sigma.domain.SigmaFilter;
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
 * Reads the rule packs, {@code rules/<pack>/*.yml} with the optional {@code rules/<pack>/pack.yaml},
 * of a tenant-config folder. Which tenant runs which pack is not read here: it comes from the tenant
 * facts ({@code soc.tenants.v1}), whose one owner is tenant-billing.
 */
public final class RulePackReader {

    private static final ObjectMapper YAML = new YAMLMapper();

    private RulePackReader() {}

    /**
     * Every pack of {@code <root>/rules}, the Sigma filters of {@code <root>/filters} (global: the
     * folder's own {@code *.yml}; a tenant's: {@code filters/<tenant>/*.yml}), and the files that
     * could not be loaded.
     */
    public static RulePacks read(Path root) {
        List<RuleLoadFailure> failures = new ArrayList<>();
        Map<String, List<DeployedCorrelation>> correlations = new LinkedHashMap<>();
        Map<String, List<DetectionRule>> packs = readPacks(root.resolve("rules"), failures, correlations);
        Path filterDir = root.resolve("filters");
        List<SigmaFilter> global = readFilters(filterDir, "filters/", failures);
        Map<TenantId, List<SigmaFilter>> perTenant = new LinkedHashMap<>();
        if (Files.isDirectory(filterDir)) {
            try (Stream<Path> entries = Files.list(filterDir)) {
                for (Path dir : entries.filter(Files::isDirectory).sorted().toList()) {
                    String tenant = dir.getFileName().toString();
                    if (!TenantId.isValid(tenant)) {
                        failures.add(new RuleLoadFailure(
                                "filters/" + tenant, "folder name is not a tenant id; its filters are not used"));
                        continue;
                    }
                    perTenant.put(TenantId.of(tenant), readFilters(dir, "filters/" + tenant + "/", failures));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new RulePacks(packs, failures, global, perTenant, correlations);
    }

    private static List<SigmaFilter> readFilters(Path dir, String prefix, List<RuleLoadFailure> failures) {
        List<SigmaFilter> filters = new ArrayList<>();
        for (Path file : list(dir, ".yml")) {
            try {
                filters.add(SigmaYamlReader.readFilter(Files.readString(file)));
            } catch (SigmaRuleException e) {
                failures.add(new RuleLoadFailure(prefix + file.getFileName(), e.kind() + ": " + e.getMessage()));
            } catch (IOException e) {
                failures.add(
                        new RuleLoadFailure(prefix + file.getFileName(), "unreadable filter file: " + e.getMessage()));
            }
        }
        return filters;
    }

    private static Map<String, List<DetectionRule>> readPacks(
            Path dir, List<RuleLoadFailure> failures, Map<String, List<DeployedCorrelation>> correlations) {
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
            List<DeployedCorrelation> packCorrelations = new ArrayList<>();
            for (Path file : list(packDir, ".yml")) {
                String location = "rules/" + packId + "/" + file.getFileName();
                String fileName = file.getFileName().toString();
                try {
                    SigmaYamlReader.RuleFile read = SigmaYamlReader.readFile(Files.readString(file));
                    read.rules().forEach(r -> rules.add(new DetectionRule(r, pack, fileName)));
                    read.correlations().forEach(c -> packCorrelations.add(new DeployedCorrelation(c, pack, fileName)));
                } catch (SigmaRuleException e) {
                    failures.add(new RuleLoadFailure(location, e.kind() + ": " + e.getMessage()));
                } catch (IOException e) {
                    failures.add(new RuleLoadFailure(location, "unreadable rule file: " + e.getMessage()));
                }
            }
            CorrelationPacks.Resolved resolved = CorrelationPacks.resolve(packId, rules, packCorrelations, failures);
            packs.put(packId, List.copyOf(resolved.rules()));
            if (!resolved.correlations().isEmpty()) {
                correlations.put(packId, resolved.correlations());
            }
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
