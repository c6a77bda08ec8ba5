package io.socaas.localstack.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socaas.localstack.Console;
import io.socaas.localstack.LocalTls;
import io.socaas.localstack.StackSettings;
import io.socaas.localstack.process.Net;
import io.socaas.localstack.process.ProcessSupervisor;
import io.socaas.localstack.testing.HttpProbe;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real OpenSearch node as {@code ./soc up --tls} starts it (own port and home, beside the shared
 * plain one): it answers HTTPS with a certificate of the local CA, and nothing on plain HTTP.
 */
class OpenSearchTlsTest {

    private static final int PORT = 9220;

    static StackSettings settings;
    static OpenSearch node;

    @BeforeAll
    static void start() {
        StackSettings environment = StackSettings.fromEnvironment();
        settings = new StackSettings(
                environment.root(),
                Path.of("target", "opensearch-tls-home").toAbsolutePath(),
                environment.javaHome(),
                environment.timeoutScale(),
                true);
        // the launcher's own health checks trust the local CA, as ./soc up --tls makes them
        Net.trust(LocalTls.of(settings).clientContext());
        node = new OpenSearch(settings, new ProcessSupervisor(settings.run()), "opensearch-tls", PORT);
        node.ensureRunning(Console.stdout());
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    void aClientTrustingTheLocalCaIsAnsweredOverHttps() throws Exception {
        assertThat(node.endpoint()).isEqualTo("https://127.0.0.1:" + PORT);

        HttpResponse<String> health = HttpProbe.get(
                node.endpoint() + "/_cluster/health", LocalTls.of(settings).clientContext());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"cluster_name\":\"socaas-opensearch-tls\"");
    }

    @Test
    void aClientOfTheJdksOwnAuthoritiesRefusesTheCertificate() {
        assertThatThrownBy(() -> HttpProbe.get(node.endpoint() + "/_cluster/health", HttpProbe.jdkDefaults()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void plainHttpGetsNoAnswer() {
        assertThatThrownBy(
                        () -> HttpProbe.get("http://127.0.0.1:" + PORT + "/_cluster/health", HttpProbe.jdkDefaults()))
                .isInstanceOf(IOException.class);
    }
}
