package io.socaas.localstack.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socaas.localstack.StackException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretKeysTest {

    @TempDir
    Path home;

    @Test
    void aKeyIsGeneratedOnceOwnerOnlyAndPassedToTheServices() throws Exception {
        Map<String, String> first = LocalSecretKeys.environment(home);
        Map<String, String> again = LocalSecretKeys.environment(home);

        assertThat(first).isEqualTo(again);
        assertThat(first).containsEntry("SOCAAS_SECRET_BOX_ACTIVE_KEY", "local-1");
        String keys = first.get("SOCAAS_SECRET_BOX_KEYS");
        assertThat(keys).startsWith("local-1:");
        assertThat(Base64.getDecoder().decode(keys.substring("local-1:".length())))
                .hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("secret-box.properties"))))
                .isEqualTo("rw-------");
    }

    @Test
    void anEditedFileRotatesTheKeys() throws Exception {
        Files.writeString(home.resolve("secret-box.properties"), "keys=a:AAAA,b:BBBB\nactive-key=b\n");

        assertThat(LocalSecretKeys.environment(home))
                .containsEntry("SOCAAS_SECRET_BOX_KEYS", "a:AAAA,b:BBBB")
                .containsEntry("SOCAAS_SECRET_BOX_ACTIVE_KEY", "b");
    }

    @Test
    void aFileWithoutKeysIsAClearError() throws Exception {
        Files.writeString(home.resolve("secret-box.properties"), "active-key=b\n");

        assertThatThrownBy(() -> LocalSecretKeys.environment(home))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("holds no keys");
    }
}
