package io.socaas.localstack.component;

import io.socaas.localstack.StackException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The local stack's keyring for secrets at rest (services/secret-box): generated once into {@code
 * $SOCAAS_HOME/secret-box.properties} (owner-only), then passed to every service it starts as
 * {@code SOCAAS_SECRET_BOX_KEYS} and {@code SOCAAS_SECRET_BOX_ACTIVE_KEY}. Edit the file to rehearse
 * a key rotation; {@code ./soc down --purge} deletes it with the data it protects.
 */
public final class LocalSecretKeys {

    static final String FILE = "secret-box.properties";
    static final String FIRST_KEY_ID = "local-1";

    private LocalSecretKeys() {}

    /** The services' environment for the keyring of {@code home}, generated when missing. */
    public static Map<String, String> environment(Path home) {
        Path file = home.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            Properties keyring = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                keyring.load(in);
            }
            String keys = keyring.getProperty("keys", "").strip();
            if (keys.isEmpty()) {
                throw new StackException(
                        "secret-box",
                        file + " holds no keys",
                        "delete it to have a new key generated (secrets sealed under the old one are lost)");
            }
            Map<String, String> env = new LinkedHashMap<>();
            env.put("SOCAAS_SECRET_BOX_KEYS", keys);
            String active = keyring.getProperty("active-key", "").strip();
            if (!active.isEmpty()) {
                env.put("SOCAAS_SECRET_BOX_ACTIVE_KEY", active);
            }
            return env;
        } catch (IOException e) {
            throw new StackException("secret-box", "cannot read or write " + file + ": " + e.getMessage(), null);
        }
    }

    private static void generate(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), FILE, ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the file system has no POSIX permissions: the home folder's own protection applies
            }
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                out.write("# Keyring of the secrets the local services keep at rest (services/secret-box README).\n");
                out.write("# keys: <key id>:<base64 of 32 bytes>, comma-separated; active-key: the id that seals.\n");
                out.write("keys=" + FIRST_KEY_ID + ":" + Base64.getEncoder().encodeToString(key) + "\n");
                out.write("active-key=" + FIRST_KEY_ID + "\n");
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
