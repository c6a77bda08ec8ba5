package io.socaas.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where the local stack lives and how it is reached. Everything has a default; environment
 * variables override: SOCAAS_ROOT (repository), SOCAAS_HOME (data, logs, PID files; default
 * ~/.socaas), SOCAAS_READY_TIMEOUT_SCALE (multiplies every readiness deadline, for slow machines),
 * SOCAAS_TLS=true or the system property socaas.tls=true ({@code ./soc ... --tls}: Kafka, Keycloak and
 * the services on TLS with a local CA, see {@link LocalTls}).
 */
public record StackSettings(Path root, Path home, Path javaHome, double timeoutScale, boolean tls) {

    public static final String HOST = "127.0.0.1";
    public static final int POSTGRES_PORT = 5432;
    public static final int KAFKA_PORT = 9092;
    public static final int KAFKA_CONTROLLER_PORT = 9093;
    public static final int OPENSEARCH_PORT = 9200;
    public static final int KEYCLOAK_PORT = 8180;
    public static final String REALM = "socaas";

    public static StackSettings fromEnvironment() {
        return from(System.getenv(), System.getProperties());
    }

    static StackSettings from(Map<String, String> env, java.util.Properties props) {
        Path root = firstNonBlank(props.getProperty("socaas.root"), env.get("SOCAAS_ROOT"))
                .map(Path::of)
                .orElseGet(StackSettings::discoverRoot)
                .toAbsolutePath()
                .normalize();
        Path home = firstNonBlank(props.getProperty("socaas.home"), env.get("SOCAAS_HOME"))
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".socaas"))
                .toAbsolutePath()
                .normalize();
        double scale = firstNonBlank(env.get("SOCAAS_READY_TIMEOUT_SCALE"), null)
                .map(Double::parseDouble)
                .orElse(1.0);
        boolean tls = Boolean.parseBoolean(firstNonBlank(props.getProperty("socaas.tls"), env.get("SOCAAS_TLS"))
                .orElse("false"));
        return new StackSettings(root, home, Path.of(System.getProperty("java.home")), scale, tls);
    }

    private static java.util.Optional<String> firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return java.util.Optional.of(a);
        }
        if (b != null && !b.isBlank()) {
            return java.util.Optional.of(b);
        }
        return java.util.Optional.empty();
    }

    /** Walks up from the working directory to the folder that holds local-stack/pom.xml. */
    static Path discoverRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("local-stack/pom.xml"))
                    && Files.isDirectory(dir.resolve("tenant-config"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new StackException(
                "launcher",
                "cannot find the SOCaaS repository from " + Path.of("").toAbsolutePath(),
                "run from inside the repository or set SOCAAS_ROOT");
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path run() {
        return home.resolve("run");
    }

    public Path logOf(String component) {
        return logs().resolve(component + ".log");
    }

    public Path javaExecutable() {
        return javaHome.resolve("bin/java");
    }

    public Duration scaled(Duration deadline) {
        return Duration.ofMillis((long) (deadline.toMillis() * timeoutScale));
    }

    /** The scheme of the HTTP listeners of Keycloak, OpenSearch and the services. */
    public String scheme() {
        return tls ? "https" : "http";
    }

    /** The local CA and certificates of {@code --tls}. */
    public Path tlsDir() {
        return home.resolve("tls");
    }

    /** The base URL of the service listening on {@code port} (scheme, address and port). */
    public String serviceUrl(int port) {
        return scheme() + "://" + HOST + ":" + port;
    }

    /** The stack's OpenSearch node (HTTPS with TLS). */
    public String opensearchUrl() {
        return scheme() + "://" + HOST + ":" + OPENSEARCH_PORT;
    }

    public String keycloakUrl() {
        return scheme() + "://" + HOST + ":" + KEYCLOAK_PORT;
    }

    public String issuer() {
        return keycloakUrl() + "/realms/" + REALM;
    }

    public String kafkaBootstrap() {
        return HOST + ":" + KAFKA_PORT;
    }
}
