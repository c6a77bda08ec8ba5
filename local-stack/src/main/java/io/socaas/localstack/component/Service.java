package io.socaas.localstack.component;

import io.socaas.localstack.LocalTls;
import io.socaas.localstack.StackException;
import io.socaas.localstack.StackSettings;
import io.socaas.localstack.process.Net;
import io.socaas.localstack.process.ProcessSupervisor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One of the platform's Quarkus services, run from its packaged build (target/quarkus-app). */
public final class Service extends Component {

    /** Lets the JVM load native code (lz4-java, for Kafka's lz4 codec) without its warning. */
    private static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    /** The five services with their HTTP ports (docs/contracts.md), in start order. */
    public static final Map<String, Integer> PORTS = new java.util.LinkedHashMap<>();

    static {
        PORTS.put("tenant-billing", 8084);
        PORTS.put("case-management", 8083);
        PORTS.put("ingestion", 8081);
        PORTS.put("correlation", 8082);
        PORTS.put("reporting", 8085);
    }

    private final String name;
    private final int port;

    public Service(StackSettings settings, ProcessSupervisor supervisor, String name) {
        super(settings, supervisor);
        this.name = name;
        this.port = PORTS.get(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    protected boolean startsDifferentlyWithTls() {
        return true;
    }

    @Override
    public String endpoint() {
        return settings.serviceUrl(port);
    }

    public Path moduleDir() {
        return settings.root().resolve("services").resolve(name);
    }

    public Path runnerJar() {
        return moduleDir().resolve("target/quarkus-app/quarkus-run.jar");
    }

    @Override
    public boolean isHealthy() {
        return Net.get(endpoint() + "/q/health/ready").ok();
    }

    @Override
    protected void preflight() {
        if (!Files.isRegularFile(runnerJar())) {
            throw new StackException(
                    name,
                    "not built: " + runnerJar() + " is missing",
                    "build it: ./mvnw -B -DskipTests install (./soc up --build does this)");
        }
    }

    @Override
    protected void launch() {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(java());
        cmd.addAll(jvmOptions(name));
        cmd.add("-jar");
        cmd.add(runnerJar().toString());
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put(
                "SOCAAS_TENANT_CONFIG_DIR",
                settings.root().resolve("tenant-config").toString());
        env.put("QUARKUS_PROFILE", "prod");
        // the keyring of the secrets a service keeps at rest (prod refuses to start without one)
        env.putAll(LocalSecretKeys.environment(settings.home()));
        if (settings.tls()) {
            // HTTPS and gRPC over TLS, Kafka by SSL, Keycloak by HTTPS (services/transport-tls)
            LocalTls tls = LocalTls.of(settings);
            env.putAll(tls.serviceEnvironment(name, tls.postgresTrust()));
        }
        supervisor.startDetached(name, cmd, env, moduleDir(), log());
    }

    /**
     * The heap and collector of a service. Most are small and mostly idle: a small heap and the serial
     * collector keep their footprint low. Ingestion allocates per event (the parsed line, the OCSF
     * record and its JSON bytes, all short-lived) at tens of thousands of events per second: in a
     * 256 MB heap the serial collector took a fifth of its time in pauses. It gets room for a large
     * young generation (fewer collections, each finding almost everything dead) and the parallel
     * collector, which uses both cores for a collection and adds no concurrent work or barriers
     * beside the application, as G1 does. Every service may load native code (lz4-java, for Kafka's
     * lz4 codec): allowed without the JDK's warning.
     */
    static List<String> jvmOptions(String service) {
        if (service.equals("ingestion")) {
            return List.of("-Xms512m", "-Xmx1g", "-XX:+UseParallelGC", NATIVE_ACCESS);
        }
        return List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", NATIVE_ACCESS);
    }

    @Override
    protected Duration readinessDeadline() {
        return Duration.ofSeconds(90);
    }
}
