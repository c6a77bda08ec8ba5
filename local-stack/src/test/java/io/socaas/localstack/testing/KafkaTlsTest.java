package io.socaas.localstack.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socaas.localstack.LocalTls;
import io.socaas.localstack.StackSettings;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real broker as {@code ./soc up --tls} starts it (own free ports and home, beside the shared
 * plain one): clients that trust the local CA talk to it over SSL, plain clients get nothing.
 */
class KafkaTlsTest {

    static StackSettings settings;
    static StoppableKafka broker;

    @BeforeAll
    static void start() {
        StackSettings environment = StackSettings.fromEnvironment();
        settings = new StackSettings(
                environment.root(),
                Path.of("target", "kafka-tls-home").toAbsolutePath(),
                environment.javaHome(),
                environment.timeoutScale(),
                true);
        broker = new StoppableKafka(settings);
        // ready means the launcher's own SSL client described the cluster
        broker.start();
    }

    @AfterAll
    static void destroy() {
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void aClientTrustingTheLocalCaTalksToTheBrokerOverSsl() throws Exception {
        Properties ssl = client();
        ssl.putAll(LocalTls.of(settings).kafkaClientSettings());

        try (Admin admin = Admin.create(ssl)) {
            assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS))
                    .hasSize(1);
        }
    }

    @Test
    void aPlainClientGetsNoAnswer() {
        try (Admin admin = Admin.create(client())) {
            assertThatThrownBy(() -> admin.describeCluster().nodes().get(10, TimeUnit.SECONDS))
                    .isInstanceOfAny(ExecutionException.class, TimeoutException.class);
        }
    }

    private static Properties client() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        return p;
    }
}
