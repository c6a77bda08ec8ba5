package io.socaas.ingestion.intake;

import static io.socaas.ingestion.intake.EventsTopic.header;
import static io.socaas.ingestion.intake.EventsTopic.value;
import static io.socaas.ingestion.intake.FakeTenantDirectory.ACME_KEY;
import static io.socaas.ingestion.intake.IntakeTestData.aMarker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.socaas.ingestion.syslog.net.SyslogServer;
import io.socaas.localstack.testing.LocalStackResource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RELP (rsyslog's acknowledged protocol) against the real Kafka of the local stack, with a client
 * written here from the RELP specification (librelp's doc/relp.html): {@code open}, {@code syslog}
 * and {@code close} commands, each answered by a {@code rsp} frame with the same transaction number.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TenantDirectoryOnTestPort.class, restrictToAnnotatedClass = false)
class SyslogRelpTest {

    @Inject
    SyslogServer server;

    @Test
    void aMessageIsAcknowledgedOnlyOnceItIsInKafkaAndOneWithoutKeyIsRefused() throws IOException {
        String keyed = aMarker();
        String claimed = aMarker();
        String unkeyed = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow();
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.tcpPort(SyslogServer.RELP))) {
            RelpClient relp = new RelpClient(socket);

            relp.send(1, "open", "relp_version=0\nrelp_software=socaas-test\ncommands=syslog");
            RelpClient.Response open = relp.read();
            assertThat(open.txnr()).isEqualTo(1);
            assertThat(open.command()).isEqualTo("rsp");
            assertThat(open.data()).startsWith("200 OK").contains("commands=syslog");

            // sent in one go, as rsyslog does with its window of unacknowledged frames
            relp.send(2, "syslog", withKey(ACME_KEY, "relp " + keyed));
            relp.send(3, "syslog", withKey(ACME_KEY, "{\"tenant\":\"globex\",\"marker\":\"" + claimed + "\"}"));
            relp.send(4, "syslog", "<13>1 2026-03-01T09:15:02.000Z h app - - - no key " + unkeyed);

            for (int txnr = 2; txnr <= 4; txnr++) {
                RelpClient.Response response = relp.read();
                assertThat(response.txnr()).isEqualTo(txnr);
                String marker = txnr == 2 ? keyed : txnr == 3 ? claimed : unkeyed;
                // what the acknowledgement promises: the record is in Kafka already, no waiting
                topic.drainToEnd();
                if (txnr < 4) {
                    assertThat(response.data()).isEqualTo("200 OK");
                    assertThat(topic.matching(r -> value(r).contains(marker)))
                            .singleElement()
                            .satisfies(r -> assertThat(header(r, "tenant")).isEqualTo("acme"));
                } else {
                    assertThat(response.data()).startsWith("500 ");
                    assertThat(topic.matching(r -> value(r).contains(marker))).isEmpty();
                }
            }

            relp.send(5, "close", "");
            RelpClient.Response close = relp.read();
            assertThat(close.txnr()).isEqualTo(5);
            assertThat(close.data()).isEmpty();
            assertThat(relp.readByte()).isEqualTo(-1);
        }
    }

    @Test
    void aSessionThatIsNoRelpIsClosedWithServerclose() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.tcpPort(SyslogServer.RELP))) {
            RelpClient relp = new RelpClient(socket);
            socket.getOutputStream()
                    .write("<13>Mar  1 09:15:02 h app: plain syslog\n".getBytes(StandardCharsets.UTF_8));

            RelpClient.Response response = relp.read();
            assertThat(response.txnr()).isZero();
            assertThat(response.command()).isEqualTo("serverclose");
            assertThat(relp.readByte()).isEqualTo(-1);
        }
    }

    /**
     * A real rsyslog (Debian's rsyslogd with omrelp from rsyslog-relp) takes lines on a local TCP
     * input and forwards them with omrelp, the key in the template's structured data, as a customer's
     * rsyslog would: every line arrives, as the key's tenant.
     */
    @Test
    void aRealRsyslogForwardsWithOmrelpAndEveryLineArrives(@TempDir Path dir) throws Exception {
        Path rsyslogd = Path.of("/usr/sbin/rsyslogd");
        Assumptions.assumeTrue(
                Files.isExecutable(rsyslogd) && hasOmrelp(),
                "needs rsyslog and rsyslog-relp (apt-get install -y rsyslog rsyslog-relp)");
        int input = freePort();
        Files.writeString(
                dir.resolve("rsyslog.conf"), """
                global(workDirectory="%s")
                module(load="imptcp")
                module(load="omrelp")
                template(name="socaas" type="string"
                  string="<%%PRI%%>1 %%TIMESTAMP:::date-rfc3339%% %%HOSTNAME%% %%APP-NAME%% - - [socaas@32473 key=\\"%s\\"] %%msg%%")
                ruleset(name="forward") {
                  action(type="omrelp" target="127.0.0.1" port="%d" template="socaas")
                }
                input(type="imptcp" address="127.0.0.1" port="%d" ruleset="forward")
                """.formatted(dir, ACME_KEY, server.tcpPort(SyslogServer.RELP), input));
        Process rsyslog = new ProcessBuilder(
                        rsyslogd.toString(),
                        "-n",
                        "-f",
                        dir.resolve("rsyslog.conf").toString(),
                        "-i",
                        dir.resolve("rsyslogd.pid").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("rsyslogd.log").toFile())
                .start();
        String marker = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> accepts(input));
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), input)) {
                OutputStream out = socket.getOutputStream();
                for (int i = 0; i < 50; i++) {
                    out.write(("<13>Mar  1 09:15:02 fw01 app: line " + i + " " + marker + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> {
                topic.drainToEnd();
                return topic.matching(r -> value(r).contains(marker)).size() >= 50;
            });
            assertThat(topic.matching(r -> value(r).contains(marker)))
                    .hasSize(50)
                    .allSatisfy(r -> assertThat(header(r, "tenant")).isEqualTo("acme"));
        } finally {
            rsyslog.destroy();
            rsyslog.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Debian puts rsyslog's modules under /usr/lib/<architecture triplet>/rsyslog/. */
    private static boolean hasOmrelp() throws IOException {
        try (var dirs = Files.list(Path.of("/usr/lib"))) {
            return dirs.anyMatch(dir -> Files.exists(dir.resolve("rsyslog/omrelp.so")));
        }
    }

    private static boolean accepts(int port) {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String withKey(String key, String message) {
        return "<38>1 2026-03-01T09:15:02.000Z bastion sshd 811 - [socaas@32473 key=\"" + key + "\"] " + message;
    }
}
