package io.socaas.tenants.tenantconfig.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socaas.tenants.tenantconfig.domain.RawTenantConfig;
import io.socaas.tenants.tenantconfig.domain.TenantConfigError;
import io.socaas.tenants.tenantconfig.domain.TenantConfigException;
import io.socaas.tenants.tenantconfig.domain.TenantConfigParser;
import io.socaas.tenants.tenantconfig.domain.TenantConfigSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantConfigFolderReaderTest {

    private final TenantConfigFolderReader reader = new TenantConfigFolderReader();

    @Test
    void theRepositoryTenantConfigLoadsWithoutErrors() {
        // surefire runs in the module directory; the folder is the repository's tenant-config/
        TenantConfigSnapshot snapshot = TenantConfigParser.parse(reader.read(Path.of("../../tenant-config")));

        assertThat(snapshot.errors()).isEmpty();
        assertThat(snapshot.tenants()).extracting(t -> t.id().value()).contains("acme", "globex");
    }

    @Test
    void reportsAYamlSyntaxErrorAgainstItsFileAndReadsTheOthers(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("plans.yaml"), "plans:\n  - id: standard\n");
        Files.createDirectory(folder.resolve("tenants"));
        Files.writeString(
                folder.resolve("tenants/acme.yaml"),
                "id: acme\ndisplay_name: Acme\nplan: standard\ntime_zone: Europe/Berlin\nstatus: active\n");
        Files.writeString(folder.resolve("tenants/broken.yaml"), "id: [unclosed\n");

        RawTenantConfig raw = reader.read(folder);

        assertThat(raw.tenants()).extracting(d -> d.file()).containsExactly("tenants/acme.yaml");
        assertThat(raw.unreadable())
                .singleElement()
                .extracting(TenantConfigError::message)
                .asString()
                .startsWith("tenants/broken.yaml: invalid YAML");
    }

    @Test
    void failsNamingPlansYamlWhenItIsMissing(@TempDir Path folder) {
        assertThatThrownBy(() -> reader.read(folder))
                .isInstanceOf(TenantConfigException.class)
                .hasMessageStartingWith("plans.yaml: not found");
    }
}
