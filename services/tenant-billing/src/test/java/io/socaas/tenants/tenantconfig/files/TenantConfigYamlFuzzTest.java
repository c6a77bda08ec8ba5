package io.socaas.tenants.tenantconfig.files;

import static io.socaas.tenants.tenantconfig.domain.TenantFileTestData.plans;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.socaas.tenants.tenantconfig.domain.ConfigDocument;
import io.socaas.tenants.tenantconfig.domain.PlanCatalog;
import io.socaas.tenants.tenantconfig.domain.PlanParser;
import io.socaas.tenants.tenantconfig.domain.TenantConfigException;
import io.socaas.tenants.tenantconfig.domain.TenantConfigParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the tenant-config parsers over YAML-shaped input, read the way {@link
 * TenantConfigFolderReader} reads a file (Jackson YAML into plain Java values). A file that is not
 * YAML is the reader's to report (an {@link IOException}); whatever the YAML holds, the parsers give
 * a result or a {@link TenantConfigException} naming the file, nothing else. The seeds under {@code
 * TenantConfigYamlFuzzTestInputs/} run in every build; {@code JAZZER_FUZZ=1} fuzzes (one fuzz test
 * per run, chosen with {@code -Dtest=TenantConfigYamlFuzzTest#...}).
 */
class TenantConfigYamlFuzzTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final PlanCatalog PLANS = TenantConfigParser.parsePlans(plans("essentials", "standard"));

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anyTenantFileGivesASpecOrATenantConfigError(byte[] file) {
        read("tenants/acme.yaml", file).ifPresent(document -> {
            try {
                assertThat(TenantConfigParser.parseTenant(document, PLANS)).isNotNull();
            } catch (TenantConfigException e) {
                assertThat(e.getMessage()).startsWith("tenants/acme.yaml: ");
            }
        });
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anyPlansFileGivesACatalogOrATenantConfigError(byte[] file) {
        read("plans.yaml", file).ifPresent(document -> {
            try {
                assertThat(PlanParser.parse(document)).isNotNull();
            } catch (TenantConfigException e) {
                assertThat(e.getMessage()).startsWith("plans.yaml: ");
            }
        });
    }

    /** The document the folder reader would hand over, or empty when it reports the file as unreadable. */
    private static Optional<ConfigDocument> read(String name, byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        try {
            return Optional.of(ConfigDocument.withLines(name, YAML.readValue(text, Object.class), text));
        } catch (IOException notYaml) {
            return Optional.empty();
        }
    }
}
