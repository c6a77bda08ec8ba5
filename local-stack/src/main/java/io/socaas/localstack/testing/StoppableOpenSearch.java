package io.socaas.localstack.testing;

import io.socaas.localstack.Console;
import io.socaas.localstack.StackSettings;
import io.socaas.localstack.component.OpenSearch;
import io.socaas.localstack.process.ProcessSupervisor;

/**
 * A real OpenSearch node that a fault test may stop and start, beside the stack's own: the shared
 * node on :9200 serves every test class and module (and other checkouts' tests) at the same time,
 * so a test never stops that one. This node runs from the same jars, on {@value #PORT}, as the
 * cluster {@code socaas-opensearch-faults} with its data under {@code <home>/opensearch-faults}
 * (kept across a stop and start, as a real outage keeps it). {@code ./soc down} does not know it;
 * the test that starts it stops it.
 */
public final class StoppableOpenSearch {

    public static final int PORT = 9210;
    private static final String NAME = "opensearch-faults";

    private final OpenSearch node;
    private final Console console = Console.stdout();

    public StoppableOpenSearch() {
        StackSettings settings = StackSettings.fromEnvironment();
        this.node = new OpenSearch(settings, new ProcessSupervisor(settings.run()), NAME, PORT);
    }

    public String url() {
        return node.endpoint();
    }

    /** Starts the node (or reuses it when it already runs) and returns once it is healthy. */
    public void start() {
        node.ensureRunning(console);
    }

    /** Stops the node and returns once its process is gone; false when it was not running. */
    public boolean stop() {
        return node.stop();
    }

    public boolean isHealthy() {
        return node.isHealthy();
    }
}
