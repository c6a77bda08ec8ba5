package io.socaas.ingestion.intake;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Serves the test TenantDirectory from the application under test: picks a free port for the test
 * HTTP server (which also serves gRPC) and points the tenant-directory client at it. A random port
 * (test-port=0) is only known after start-up, too late for the client's configuration.
 */
public class TenantDirectoryOnTestPort implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        int port = freePort();
        return Map.of(
                "quarkus.http.test-port", String.valueOf(port),
                "quarkus.grpc.clients.tenant-directory.test-port", String.valueOf(port),
                // the test HTTP server listens on "localhost"; let the resolver try each address
                "quarkus.grpc.clients.tenant-directory.host", "localhost");
    }

    @Override
    public void stop() {}

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
