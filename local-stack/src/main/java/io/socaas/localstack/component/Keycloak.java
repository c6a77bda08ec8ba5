package io.socaas.localstack.component;

import io.socaas.localstack.LocalTls;
import io.socaas.localstack.StackSettings;
import io.socaas.localstack.process.Net;
import io.socaas.localstack.process.ProcessSupervisor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak from the keycloak-quarkus-dist archive (unpacked once under the stack's home), in
 * development mode, importing the {@code socaas} realm at its first start and adding what the realm
 * file gained since to an existing realm ({@link RealmSync}). Data lives in its H2 folder.
 */
public final class Keycloak extends Component {

    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    /** File name of the password deny list the realm's password policy names. */
    static final String PASSWORD_DENY_LIST = "socaas-denied-passwords.txt";

    public Keycloak(StackSettings settings, ProcessSupervisor supervisor) {
        super(settings, supervisor);
    }

    @Override
    public String name() {
        return "keycloak";
    }

    @Override
    public int port() {
        return StackSettings.KEYCLOAK_PORT;
    }

    @Override
    protected boolean startsDifferentlyWithTls() {
        return true;
    }

    @Override
    public String endpoint() {
        return settings.keycloakUrl() + "/admin/  (realm " + StackSettings.REALM + ")";
    }

    @Override
    public boolean isHealthy() {
        return Net.get(settings.issuer() + "/.well-known/openid-configuration").ok();
    }

    @Override
    protected void preflight() {
        Dists.files(settings, "keycloak");
    }

    private Path distribution() {
        Path zip = Dists.files(settings, "keycloak").getFirst();
        String version = zip.getFileName()
                .toString()
                .replace("keycloak-quarkus-dist-", "")
                .replace(".zip", "");
        Path target = settings.home().resolve("keycloak/keycloak-" + version);
        if (Files.isExecutable(target.resolve("bin/kc.sh"))) {
            return target;
        }
        Path staging = settings.home().resolve("keycloak/.unpacking");
        try {
            deleteRecursively(staging);
            Files.createDirectories(staging);
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    Path out = staging.resolve(e.getName()).normalize();
                    if (!out.startsWith(staging)) {
                        throw failure("unsafe entry in " + zip + ": " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(out);
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                        if (out.getFileName().toString().endsWith(".sh")) {
                            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
                        }
                    }
                }
            }
            Path unpacked = staging.resolve("keycloak-" + version);
            Files.move(unpacked, target);
            deleteRecursively(staging);
            return target;
        } catch (IOException e) {
            throw failure("cannot unpack " + zip + ": " + e.getMessage());
        }
    }

    @Override
    protected void launch() {
        Path dist = distribution();
        stage("/keycloak/socaas-realm.json", dist.resolve("data/import"));
        stagePasswordDenyList(dist);
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", settings.javaHome().toString());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx640m");
        List<String> cmd = new java.util.ArrayList<>(
                List.of(dist.resolve("bin/kc.sh").toString(), "start-dev", "--http-host=" + StackSettings.HOST));
        if (settings.tls()) {
            // HTTPS only, on the same port, with the local CA's certificate
            cmd.addAll(LocalTls.of(settings).keycloakOptions(port()));
        } else {
            cmd.add("--http-port=" + port());
        }
        cmd.add("--http-management-port=" + (port() + 10));
        cmd.add("--import-realm");
        supervisor.startDetached(name(), cmd, env, dist, log());
    }

    /**
     * The realm file is imported only into a Keycloak that does not have the realm yet; roles,
     * clients and users added to it later reach an existing data folder (or an already running
     * Keycloak) through {@link RealmSync}.
     */
    @Override
    protected void afterReady() {
        // a Keycloak started by an older checkout reads the deny list when the realm's password
        // policy names it, which the realm sync may do now
        stagePasswordDenyList(distribution());
        RealmSync.platform(settings).apply();
    }

    /**
     * The realm's password policy refuses the passwords of this list ({@code passwordBlacklist}),
     * which Keycloak reads from its data folder.
     */
    private void stagePasswordDenyList(Path dist) {
        stage("/keycloak/password-blacklists/" + PASSWORD_DENY_LIST, dist.resolve("data/password-blacklists"));
    }

    private void stage(String resource, Path folder) {
        String file = resource.substring(resource.lastIndexOf('/') + 1);
        try (InputStream in = Keycloak.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw failure("the launcher lacks its resource " + resource);
            }
            Files.createDirectories(folder);
            Files.copy(in, folder.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw failure("cannot stage " + file + " for Keycloak in " + folder + ": " + e.getMessage());
        }
    }

    @Override
    protected Duration readinessDeadline() {
        return Duration.ofSeconds(180);
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
