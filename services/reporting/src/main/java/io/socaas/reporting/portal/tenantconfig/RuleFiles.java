package io.socaas.reporting.portal.tenantconfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.socaas.reporting.portal.PortalConfig;
import io.socaas.reporting.portal.domain.RuleFile;
import io.socaas.reporting.portal.domain.RuleLibrary;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The Sigma rules of {@code tenant-config/rules/<pack>/*.yml}, looked up by rule id so the portal can
 * show a detection's rule (with its author, references and license) as the rule's license asks. The
 * pack of a rule is its folder; the pack's own metadata ({@code pack.yaml}) is no rule. Which rules a
 * tenant may read is decided by {@link io.socaas.reporting.portal.domain.PortalRules}.
 */
@ApplicationScoped
public class RuleFiles implements RuleLibrary {

    private static final Logger LOG = Logger.getLogger(RuleFiles.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final Path rulesDir;

    public RuleFiles(PortalConfig config) {
        this.rulesDir = config.tenantConfig().dir().resolve("rules");
    }

    /** True when {@code ruleId} looks like a rule id (Sigma uses UUIDs). */
    public static boolean isRuleId(String ruleId) {
        return ruleId != null && RULE_ID.matcher(ruleId).matches();
    }

    @Override
    public List<RuleFile> filesOf(String ruleId) {
        if (!isRuleId(ruleId) || !Files.isDirectory(rulesDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(rulesDir, 2)) {
            return files.filter(file -> file.getNameCount() == rulesDir.getNameCount() + 2)
                    .filter(RuleFiles::isRuleFile)
                    .sorted()
                    .filter(file -> ruleId.equals(idOf(file)))
                    .flatMap(
                            file -> text(file)
                                    .map(text -> new RuleFile(
                                            file.getParent().getFileName().toString(), ruleId, text))
                                    .stream())
                    .toList();
        } catch (IOException e) {
            LOG.errorf(e, "cannot walk %s", rulesDir);
            return List.of();
        }
    }

    private static boolean isRuleFile(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file)
                && (name.endsWith(".yml") || name.endsWith(".yaml"))
                && !name.startsWith("pack.");
    }

    private static String idOf(Path file) {
        try {
            JsonNode node = YAML.readTree(file.toFile());
            return node == null ? null : node.path("id").asText(null);
        } catch (IOException e) {
            LOG.debugf("cannot read rule %s: %s", file, e.getMessage());
            return null;
        }
    }

    private static Optional<String> text(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warnf("cannot read rule %s: %s", file, e.getMessage());
            return Optional.empty();
        }
    }
}
