package io.socaas.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local platform's services answer on the loopback interface only: internal gRPC (case
 * lists of every tenant) and metrics must not be reachable from the network of a developer's or
 * CI machine. Deployments bind to all interfaces behind their own network policy.
 */
class LoopbackOnlyIT {

    private static final List<Integer> SERVICE_PORTS = List.of(8081, 8082, 8083, 8084, 8085);

    @BeforeAll
    static void platform() {
        Platform.ensureRunning();
    }

    @Test
    void noServiceAcceptsConnectionsOnANetworkAddress() throws SocketException {
        Optional<InetAddress> network = NetworkInterface.networkInterfaces()
                .filter(LoopbackOnlyIT::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
        assumeThat(network).as("this machine has a non-loopback IPv4 address").isPresent();

        for (int port : SERVICE_PORTS) {
            assertThat(connects(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)))
                    .as("service on 127.0.0.1:%d", port)
                    .isTrue();
            assertThat(connects(new InetSocketAddress(network.get(), port)))
                    .as("service on %s:%d", network.get().getHostAddress(), port)
                    .isFalse();
        }
    }

    private static boolean isUp(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    private static boolean connects(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
