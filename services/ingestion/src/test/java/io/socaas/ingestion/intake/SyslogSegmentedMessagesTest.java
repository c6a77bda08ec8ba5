package io.socaas.ingestion.intake;

import static io.socaas.ingestion.intake.EventsTopic.header;
import static io.socaas.ingestion.intake.EventsTopic.value;
import static io.socaas.ingestion.intake.FakeTenantDirectory.ACME_KEY;
import static io.socaas.ingestion.intake.IntakeTestData.JSON;
import static io.socaas.ingestion.intake.IntakeTestData.aMarker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.socaas.ingestion.syslog.TestPki;
import io.socaas.ingestion.syslog.net.SyslogServer;
import io.socaas.localstack.testing.LocalStackResource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Cisco ISE messages a remote logging target split into segments (category, message id, count,
 * number), sent to the shared listeners as a customer's rsyslog relays them (RFC 5424, the key in
 * the structured data), against the real Kafka of the local stack: joined into one record per
 * message over TCP, RELP and UDP, also out of order; one whose segment never comes is published
 * after the wait with what came and names the missing segment; RELP answers a segment only once
 * the message it belongs to is in Kafka.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TenantDirectoryOnTestPort.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestPki.class, restrictToAnnotatedClass = false)
class SyslogSegmentedMessagesTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Inject
    SyslogServer server;

    /** One segment of a failed attempt of ISE node {@code ise-psn07}, relayed with the key. */
    private static String segment(long id, int number, String marker) {
        String[] texts = {
            "2026-03-01 11:00:01.250 +01:00 0000830001 5400 NOTICE Failed-Attempt: Authentication failed,"
                    + " ConfigVersionId=87, Device IP Address=172.24.8.1, DestinationIPAddress=172.24.0.15,",
            " UserName=d.moreau, Protocol=Radius, NetworkDeviceName=lab-sw-12, Framed-IP-Address=172.24.9.44,",
            " FailureReason=24408 User authentication against Active Directory failed since user has entered the wrong"
                    + " password, EndPointMACAddress=8C-85-90-1B-7D-02, AcsSessionID=ise-psn07/600000001/" + marker
                    + ","
        };
        return "<181>1 2026-03-01T10:00:01.000Z ise-psn07 CISE_Failed_Attempts - - [socaas@32473 key=\"" + ACME_KEY
                + "\"] " + String.format("%010d", id) + " 3 " + number + " " + texts[number];
    }

    private static String plain(String marker) {
        return "<38>1 2026-03-01T09:15:02.000Z bastion sshd 811 - [socaas@32473 key=\"" + ACME_KEY
                + "\"] Accepted publickey for bob from 198.51.100.5 port 40000 ssh2 " + marker;
    }

    private static void assertTheWholeFailedAttempt(ConsumerRecord<String, byte[]> record) throws IOException {
        JsonNode event = JSON.readTree(record.value());
        assertThat(header(record, "tenant")).isEqualTo("acme");
        assertThat(event.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(event.get("status_id").asInt()).isEqualTo(2);
        assertThat(event.at("/user/name").asText()).isEqualTo("d.moreau");
        assertThat(event.at("/src_endpoint/mac").asText()).isEqualTo("8C-85-90-1B-7D-02");
        assertThat(event.at("/src_endpoint/ip").asText()).isEqualTo("172.24.9.44");
        assertThat(event.at("/dst_endpoint/ip").asText()).isEqualTo("172.24.8.1");
        assertThat(event.get("status_detail").asText()).startsWith("24408 User authentication");
        assertThat(event.at("/unmapped/segments_missing").isMissingNode()).isTrue();
        assertThat(value(record)).doesNotContain(ACME_KEY);
    }

    @Test
    void tcpSegmentsInAnyOrderAreOneRecordWithWhatTheLaterSegmentsCarry() throws Exception {
        String marker = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow();
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.tcpPort(SyslogServer.SHARED))) {
            OutputStream out = socket.getOutputStream();
            out.write((segment(7001, 2, marker) + "\n" + plain(marker) + "\n" + segment(7001, 0, marker) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            out.write((segment(7001, 1, marker) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();

            List<ConsumerRecord<String, byte[]>> records = awaitRecords(topic, marker, 2);
            assertThat(records).hasSize(2);
            assertThat(records).filteredOn(r -> value(r).contains("bastion")).hasSize(1);
            assertTheWholeFailedAttempt(records.stream()
                    .filter(r -> value(r).contains("CISE_Failed_Attempts"))
                    .findFirst()
                    .orElseThrow());
        }
    }

    @Test
    void aMessageWhoseSegmentNeverComesIsPublishedAfterTheWaitWhileTheConnectionStaysOpen() throws Exception {
        String marker = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow();
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.tcpPort(SyslogServer.SHARED))) {
            OutputStream out = socket.getOutputStream();
            out.write((segment(7002, 0, marker) + "\n" + segment(7002, 2, marker) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();

            // nothing more is sent, the connection stays open: after the wait (3 s) it goes out
            ConsumerRecord<String, byte[]> record =
                    awaitRecords(topic, marker, 1).getFirst();
            JsonNode event = JSON.readTree(record.value());
            assertThat(socket.isClosed()).isFalse();
            assertThat(event.get("class_uid").asInt()).isEqualTo(3002);
            assertThat(event.at("/src_endpoint/mac").asText()).isEqualTo("8C-85-90-1B-7D-02");
            assertThat(event.at("/user/name").isMissingNode()).isTrue();
            assertThat(event.at("/unmapped/segments_missing").asText()).isEqualTo("1");
            assertThat(event.at("/unmapped/segments_incomplete").asText())
                    .isEqualTo("not all 3 segments came within 3000 ms");
        }
    }

    @Test
    void overTlsAConnectionThatWaitedForSegmentsReadsOnAfterTheWait() throws Exception {
        String lost = aMarker();
        String marker = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow();
                SSLSocket socket = (SSLSocket) TestPki.clientContext("unknown")
                        .getSocketFactory()
                        .createSocket(InetAddress.getLoopbackAddress(), server.tcpPort(SyslogServer.TLS))) {
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            writeOctetCounted(out, segment(7006, 0, lost), segment(7006, 2, lost));

            // the wait ends while the connection is silent: the message goes out with what came
            JsonNode incomplete =
                    JSON.readTree(awaitRecords(topic, lost, 1).getFirst().value());
            assertThat(incomplete.at("/unmapped/segments_missing").asText()).isEqualTo("1");

            // and the TLS connection reads on: the next message is joined as any
            writeOctetCounted(out, segment(7007, 1, marker), segment(7007, 0, marker), segment(7007, 2, marker));
            assertTheWholeFailedAttempt(awaitRecords(topic, marker, 1).getFirst());
        }
    }

    /** RFC 5425: octet-counted messages. */
    private static void writeOctetCounted(OutputStream out, String... messages) throws IOException {
        for (String message : messages) {
            byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
            out.write((bytes.length + " ").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
        }
        out.flush();
    }

    @Test
    void relpAnswersASegmentOnlyOnceTheMessageItBelongsToIsInKafka() throws Exception {
        String marker = aMarker();
        String closing = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow();
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.tcpPort(SyslogServer.RELP))) {
            RelpClient relp = new RelpClient(socket);
            relp.send(1, "open", "relp_version=0\nrelp_software=socaas-test\ncommands=syslog");
            assertThat(relp.read().data()).startsWith("200 OK");

            relp.send(2, "syslog", segment(7003, 0, marker));
            relp.send(3, "syslog", segment(7003, 1, marker));
            relp.send(4, "syslog", plain(marker));
            // the plain line is answered; the segments wait for the rest of their message
            RelpClient.Response plain = relp.read();
            assertThat(plain.txnr()).isEqualTo(4);
            assertThat(plain.data()).isEqualTo("200 OK");

            relp.send(5, "syslog", segment(7003, 2, marker));
            for (long txnr : new long[] {2, 3, 5}) {
                RelpClient.Response response = relp.read();
                assertThat(response.txnr()).isEqualTo(txnr);
                assertThat(response.data()).isEqualTo("200 OK");
            }
            // what the answers promise: the joined record is in Kafka already
            topic.drainToEnd();
            assertTheWholeFailedAttempt(
                    topic.matching(r -> value(r).contains("CISE_Failed_Attempts") && value(r).contains(marker))
                            .getFirst());

            // at close, a message still missing segments goes out with what came, then is answered
            relp.send(6, "syslog", segment(7004, 2, closing));
            relp.send(7, "close", "");
            RelpClient.Response held = relp.read();
            assertThat(held.txnr()).isEqualTo(6);
            assertThat(held.data()).isEqualTo("200 OK");
            topic.drainToEnd();
            assertThat(topic.matching(r -> value(r).contains(closing)))
                    .singleElement()
                    .satisfies(r -> assertThat(JSON.readTree(r.value())
                                    .at("/unmapped/segments_missing")
                                    .asText())
                            .isEqualTo("0,1"));
            assertThat(relp.read().txnr()).isEqualTo(7);
            assertThat(relp.readByte()).isEqualTo(-1);
        }
    }

    @Test
    void udpSegmentsOfOneSenderAreJoinedInTheirOrder() throws Exception {
        String marker = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow();
                DatagramSocket udp = new DatagramSocket()) {
            for (int number : new int[] {1, 2, 0}) {
                byte[] datagram = segment(7005, number, marker).getBytes(StandardCharsets.UTF_8);
                udp.send(new DatagramPacket(
                        datagram,
                        datagram.length,
                        InetAddress.getLoopbackAddress(),
                        server.udpPort(SyslogServer.SHARED)));
            }

            assertTheWholeFailedAttempt(awaitRecords(topic, marker, 1).getFirst());
            topic.drainToEnd();
            assertThat(topic.matching(r -> value(r).contains(marker))).hasSize(1);
        }
    }

    private static List<ConsumerRecord<String, byte[]>> awaitRecords(EventsTopic topic, String marker, int count) {
        await().atMost(DEADLINE).until(() -> {
            topic.drainToEnd();
            return topic.matching(r -> value(r).contains(marker)).size() >= count;
        });
        return topic.matching(r -> value(r).contains(marker));
    }
}
