package io.socaas.localstack.testing;

import io.socaas.localstack.Console;
import io.socaas.localstack.StackException;
import io.socaas.localstack.StackSettings;
import io.socaas.localstack.component.Kafka;
import io.socaas.localstack.process.ProcessSupervisor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real Kafka broker that a fault test may stop and start, beside the stack's own: the shared
 * broker on :9092 serves every test class and module (and other checkouts' tests) at the same time,
 * so a test never stops that one. This broker runs from the same jars as a single KRaft node on
 * free ports picked when it is made, named {@code kafka-faults-<port>}, with the platform's topics
 * and its data under {@code <home>/kafka-faults-<port>} (kept across a stop and start, as a real
 * outage keeps it). {@code ./soc down} does not know it; the test that starts it {@link #destroy()}s
 * it.
 */
public final class StoppableKafka {

    private final Kafka broker;
    private final Path dataDir;
    private final Console console = Console.stdout();

    public StoppableKafka() {
        this(StackSettings.fromEnvironment());
    }

    /** A broker of the given stack settings (their home holds its data; --tls settings: an SSL listener). */
    public StoppableKafka(StackSettings settings) {
        int port = freePort();
        int controllerPort = freePort();
        String name = "kafka-faults-" + port;
        this.dataDir = settings.home().resolve(name);
        this.broker = new Kafka(settings, new ProcessSupervisor(settings.run()), name, port, controllerPort);
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return broker.endpoint();
    }

    /** Starts the broker (formatting its storage the first time) and returns once it is healthy. */
    public void start() {
        broker.ensureRunning(console);
    }

    /** Stops the broker (SIGTERM: a controlled shutdown) and returns once its process is gone. */
    public boolean stop() {
        return broker.stop();
    }

    public boolean isHealthy() {
        return broker.isHealthy();
    }

    /** Stops the broker and deletes its data: nothing of it is left for the next run. */
    public void destroy() {
        broker.stop();
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new StackException(broker.name(), "cannot delete " + dataDir + ": " + e.getMessage(), null);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
