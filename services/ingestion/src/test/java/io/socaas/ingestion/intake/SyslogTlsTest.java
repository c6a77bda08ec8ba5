package io.socaas.ingestion.intake;

import static io.socaas.ingestion.intake.EventsTopic.header;
import static io.socaas.ingestion.intake.EventsTopic.value;
import static io.socaas.ingestion.intake.FakeTenantDirectory.ACME_KEY;
import static io.socaas.ingestion.intake.FakeTenantDirectory.GLOBEX_KEY;
import static io.socaas.ingestion.intake.IntakeTestData.JSON;
import static io.socaas.ingestion.intake.IntakeTestData.aMarker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.socaas.ingestion.syslog.TestPki;
import io.socaas.ingestion.syslog.net.SyslogServer;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.proto.tenant.v1.ClientCertificateBinding;
import io.socaas.proto.tenant.v1.SyslogSource;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantStatus;
import io.socaas.tenantfacts.testing.TenantFactsTestTopic;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Syslog over TLS (RFC 5425) against the real Kafka of the local stack, with certificates made in
 * the test (TestPki): a client certificate the tenant facts bind to a tenant makes the connection
 * that tenant's, whatever its messages say; a certificate bound to no tenant brings in only
 * messages with a valid ingest key; one from an untrusted CA is refused in the handshake.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TenantDirectoryOnTestPort.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestPki.class, restrictToAnnotatedClass = false)
class SyslogTlsTest {

    /** The promise: a tenant change reaches every service within 10 s. */
    private static final Duration TENANT_CHANGE_DEADLINE = Duration.ofSeconds(10);

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Inject
    SyslogServer server;

    @Inject
    MeterRegistry registry;

    private TenantFactsTestTopic tenants;

    @BeforeEach
    void bindTheCertificates() {
        tenants = new TenantFactsTestTopic();
        // alpha's router is bound by the fingerprint of its certificate, beta's by its subject
        publish(
                "tls-alpha",
                TenantStatus.TENANT_STATUS_ACTIVE,
                ClientCertificateBinding.newBuilder()
                        .setSha256Fingerprint(TestPki.fingerprintHex("alpha"))
                        .build());
        publish(
                "tls-beta",
                TenantStatus.TENANT_STATUS_ACTIVE,
                ClientCertificateBinding.newBuilder()
                        .setSubjectDn(TestPki.subject("beta"))
                        .build());
        awaitBound("alpha", "tls-alpha");
        awaitBound("beta", "tls-beta");
    }

    @AfterEach
    void close() {
        tenants.close();
    }

    @Test
    void aConnectionWithABoundCertificateIsItsTenantsWhateverTheMessagesSay() throws Exception {
        String marker = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow()) {
            // another tenant's key, a tenant claim in the payload: neither chooses the tenant
            sendTls(
                    "alpha",
                    withKey(GLOBEX_KEY, "{\"tenant\":\"globex\",\"marker\":\"" + marker + "\"}"),
                    "<13>1 2026-03-01T09:15:02.000Z fw01 kernel - - - plain " + marker);

            List<ConsumerRecord<String, byte[]>> records = awaitRecords(topic, marker, 2);
            assertThat(records).allSatisfy(r -> {
                assertThat(r.key()).startsWith("tls-alpha:");
                assertThat(header(r, "tenant")).isEqualTo("tls-alpha");
                assertThat(JSON.readTree(r.value()).at("/metadata/log_source").asText())
                        .isEqualTo("tls-alpha router");
                assertThat(value(r)).doesNotContain(GLOBEX_KEY);
            });
        }
    }

    @Test
    void aTlsCertificateOfOneTenantNeverBindsToAnother() throws Exception {
        String marker = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow()) {
            sendTls("alpha", "<13>1 2026-03-01T09:15:02.000Z a app - - - from-alpha " + marker);
            // beta's certificate, with a message that names alpha and carries a key of acme
            sendTls(
                    "beta",
                    withKey(ACME_KEY, "{\"tenant\":\"tls-alpha\",\"from\":\"beta\",\"marker\":\"" + marker + "\"}"));

            List<ConsumerRecord<String, byte[]>> records = awaitRecords(topic, marker, 2);
            assertThat(records)
                    .filteredOn(r -> value(r).contains("from-alpha"))
                    .singleElement()
                    .satisfies(r -> assertThat(header(r, "tenant")).isEqualTo("tls-alpha"));
            assertThat(records)
                    .filteredOn(r -> value(r).contains("beta"))
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(r.key()).startsWith("tls-beta:");
                        assertThat(header(r, "tenant")).isEqualTo("tls-beta");
                    });
        }
    }

    @Test
    void relpOverTlsIsBoundByTheCertificateTooAndAcknowledgedOnceInKafka() throws Exception {
        String marker = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow();
                SSLSocket socket = (SSLSocket) TestPki.clientContext("beta")
                        .getSocketFactory()
                        .createSocket(InetAddress.getLoopbackAddress(), server.tcpPort(SyslogServer.RELP_TLS))) {
            RelpClient relp = new RelpClient(socket);
            relp.send(1, "open", "relp_version=0\nrelp_software=socaas-test\ncommands=syslog");
            assertThat(relp.read().data()).startsWith("200 OK");

            // a key of another tenant in the message: the certificate decides
            relp.send(2, "syslog", withKey(ACME_KEY, "relp over tls " + marker));
            RelpClient.Response response = relp.read();

            assertThat(response.txnr()).isEqualTo(2);
            assertThat(response.data()).isEqualTo("200 OK");
            topic.drainToEnd();
            assertThat(topic.matching(r -> value(r).contains(marker)))
                    .singleElement()
                    .satisfies(r -> assertThat(header(r, "tenant")).isEqualTo("tls-beta"));
            relp.send(3, "close", "");
            assertThat(relp.read().txnr()).isEqualTo(3);
        }
    }

    @Test
    void aCertificateBoundToNoTenantBringsInOnlyMessagesWithAValidKey() throws Exception {
        String unkeyed = aMarker();
        String unknownKey = aMarker();
        String keyed = aMarker();
        double unboundBefore = counter("socaas.ingestion.syslog.unbound", "transport", "tls");
        double certificatesBefore = counter("socaas.ingestion.syslog.tls.certificates.unbound", null, null);
        try (EventsTopic topic = EventsTopic.fromNow()) {
            sendTls(
                    "unknown",
                    "<13>1 2026-03-01T09:15:02.000Z h app - - - no key " + unkeyed,
                    withKey("sk_test_nobody_knows_this", "unknown key " + unknownKey),
                    withKey(ACME_KEY, "keyed " + keyed));

            // the keyed message after the others arrives, so those were judged
            assertThat(awaitRecords(topic, keyed, 1))
                    .singleElement()
                    .satisfies(r -> assertThat(header(r, "tenant")).isEqualTo("acme"));
            topic.drainToEnd();
            assertThat(topic.matching(r -> value(r).contains(unkeyed) || value(r).contains(unknownKey)))
                    .isEmpty();
            assertThat(counter("socaas.ingestion.syslog.unbound", "transport", "tls") - unboundBefore)
                    .isEqualTo(2.0);
            assertThat(counter("socaas.ingestion.syslog.tls.certificates.unbound", null, null) - certificatesBefore)
                    .isEqualTo(1.0);
        }
    }

    @Test
    void aCertificateFromAnUntrustedAuthorityIsRefusedInTheHandshakeEvenWithAValidKey() {
        double before = counter("socaas.ingestion.syslog.tls.handshakes.failed", null, null);
        String marker = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow()) {
            try {
                sendTls(TestPki.ROGUE, withKey(ACME_KEY, "rogue " + marker));
            } catch (IOException refused) {
                // the server's alert reaches the client as an exception: expected
            }

            await().atMost(DEADLINE)
                    .until(() -> counter("socaas.ingestion.syslog.tls.handshakes.failed", null, null) > before);
            topic.drainToEnd();
            assertThat(topic.matching(r -> value(r).contains(marker))).isEmpty();
        }
    }

    @Test
    void aSuspendedTenantsCertificateBindsNothingWithinTenSeconds() throws Exception {
        publish(
                "tls-alpha",
                TenantStatus.TENANT_STATUS_SUSPENDED,
                ClientCertificateBinding.newBuilder()
                        .setSha256Fingerprint(TestPki.fingerprintHex("alpha"))
                        .build());
        String marker = aMarker();
        String keyed = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow()) {
            await().atMost(TENANT_CHANGE_DEADLINE).untilAsserted(() -> {
                String probe = aMarker();
                sendTls(
                        "alpha",
                        "<13>1 2026-03-01T09:15:02.000Z a app - - - probe " + probe,
                        withKey(ACME_KEY, "keyed probe " + probe));
                awaitRecords(topic, probe, 1);
                assertThat(topic.matching(r -> value(r).contains(probe)))
                        .singleElement()
                        .satisfies(r -> assertThat(header(r, "tenant")).isEqualTo("acme"));
            });
            sendTls(
                    "alpha",
                    "<13>1 2026-03-01T09:15:02.000Z a app - - - suspended " + marker,
                    withKey(ACME_KEY, "keyed " + keyed));
            awaitRecords(topic, keyed, 1);
            assertThat(topic.matching(r -> value(r).contains(marker))).isEmpty();
        }
    }

    private void awaitBound(String party, String tenant) {
        await().atMost(TENANT_CHANGE_DEADLINE).untilAsserted(() -> {
            String probe = aMarker();
            try (EventsTopic topic = EventsTopic.fromNow()) {
                sendTls(party, "<13>1 2026-03-01T09:15:02.000Z h app - - - probe " + probe);
                assertThat(awaitRecords(topic, probe, 1, Duration.ofSeconds(3)))
                        .singleElement()
                        .satisfies(r -> assertThat(header(r, "tenant")).isEqualTo(tenant));
            }
        });
    }

    private void publish(String tenant, TenantStatus status, ClientCertificateBinding certificate) {
        tenants.publish(
                tenant,
                TenantConfig.newBuilder()
                        .setTenantId(tenant)
                        .setDisplayName(tenant)
                        .setStatus(status)
                        .setTimeZone("UTC")
                        .setRevision(TenantFactsTestTopic.newRevision())
                        .addSyslogSources(SyslogSource.newBuilder()
                                .setName(tenant + " router")
                                .addClientCertificates(certificate))
                        .build()
                        .toByteArray());
    }

    private static String withKey(String key, String message) {
        return "<38>1 2026-03-01T09:15:02.000Z bastion sshd 811 - [socaas@32473 key=\"" + key + "\"] " + message;
    }

    /** RFC 5425: octet-counted messages over TLS, on one connection. */
    private void sendTls(String party, String... messages) throws IOException {
        try (SSLSocket socket = (SSLSocket) TestPki.clientContext(party)
                .getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), server.tcpPort(SyslogServer.TLS))) {
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            for (String message : messages) {
                byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
                out.write((bytes.length + " ").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
            }
            out.flush();
            // a refused handshake on TLS 1.3 shows once the server answers: read its close
            socket.setSoTimeout(2000);
            try {
                socket.shutdownOutput();
                socket.getInputStream().read();
            } catch (java.net.SocketTimeoutException e) {
                // the server keeps the connection open: fine
            }
        }
    }

    private double counter(String name, String tag, String value) {
        var search = registry.find(name);
        if (tag != null) {
            search = search.tag(tag, value);
        }
        var counter = search.counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<ConsumerRecord<String, byte[]>> awaitRecords(EventsTopic topic, String marker, int count) {
        return awaitRecords(topic, marker, count, DEADLINE);
    }

    private static List<ConsumerRecord<String, byte[]>> awaitRecords(
            EventsTopic topic, String marker, int count, Duration deadline) {
        await().atMost(deadline).until(() -> {
            topic.drainToEnd();
            return topic.matching(r -> value(r).contains(marker)).size() >= count;
        });
        return topic.matching(r -> value(r).contains(marker));
    }
}
