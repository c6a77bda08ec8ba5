package io.socaas.events.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Joining the segments of messages Cisco ISE and ACS split (Cisco ISE Syslogs, "Remote Syslog
 * Message Format": category, message id, segment count and number, then the text; ACS 5's user
 * guide: all segments carry the same header, the later ones continue the attributes).
 */
class SegmentJoinerTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long WAIT = 3 * SECOND;

    /** A failed 802.1X attempt, as ISE cuts it at a target's maximum length: three segments. */
    private static final String[] FAILED = {
        "2026-03-01 11:00:01.250 +01:00 0000412907 5400 NOTICE Failed-Attempt: Authentication failed,"
                + " ConfigVersionId=87, Device IP Address=172.20.4.1, DestinationIPAddress=172.20.0.15,"
                + " DestinationPort=1812,",
        " UserName=j.rivera, Protocol=Radius, RequestLatency=14, NetworkDeviceName=bldg2-floor3-sw,"
                + " User-Name=j.rivera, NAS-IP-Address=172.20.4.1, NAS-Port=50112, Framed-IP-Address=172.20.31.77,",
        " FailureReason=22056 Subject not found in the applicable identity store(s),"
                + " EndPointMACAddress=3C-22-FB-91-0A-4E, AcsSessionID=ise-psn02/512345678/9021,"
    };

    private final SegmentJoiner<String> joiner = new SegmentJoiner<>(64 * 1024, 1024 * 1024, 512 * 1024, WAIT);

    /** One segment as ISE sends it over syslog (RFC 3164 header, the category as the program). */
    private static byte[] segment(String host, long id, int count, int number, String text) {
        return ("<181>Mar  1 10:00:01 " + host + " CISE_Failed_Attempts " + String.format("%010d", id) + " " + count
                        + " " + number + " " + text)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] failed(int number) {
        return segment("ise-psn02", 412907, FAILED.length, number, FAILED[number]);
    }

    /** The message ISE would have sent unsplit: the first segment with the others' texts after it. */
    private static String whole(String host, long id) {
        return "<181>Mar  1 10:00:01 " + host + " CISE_Failed_Attempts " + String.format("%010d", id) + " 3 0 "
                + String.join("", FAILED);
    }

    private static String text(SegmentJoiner.Message<?> m) {
        return new String(m.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void segmentsInOrderBecomeOneMessageOnceTheLastCame() {
        assertThat(joiner.accept("", failed(0), "t1", 0)).isEmpty();
        assertThat(joiner.accept("", failed(1), "t2", 10)).isEmpty();
        List<SegmentJoiner.Message<String>> out = joiner.accept("", failed(2), "t3", 20);

        assertThat(out).singleElement().satisfies(m -> {
            assertThat(text(m)).isEqualTo(whole("ise-psn02", 412907));
            assertThat(m.gap()).isNull();
            assertThat(m.segments()).isEqualTo(3);
            assertThat(m.joined()).isTrue();
            assertThat(m.parts()).containsExactly("t1", "t2", "t3");
        });
        assertThat(joiner.heldMessages()).isZero();
        assertThat(joiner.heldBytes()).isZero();
    }

    @Test
    void segmentsOutOfOrderAreJoinedInTheirOrder() {
        assertThat(joiner.accept("", failed(2), "t3", 0)).isEmpty();
        assertThat(joiner.accept("", failed(0), "t1", 1)).isEmpty();
        List<SegmentJoiner.Message<String>> out = joiner.accept("", failed(1), "t2", 2);

        assertThat(out).singleElement().satisfies(m -> {
            assertThat(text(m)).isEqualTo(whole("ise-psn02", 412907));
            assertThat(m.parts()).containsExactly("t3", "t1", "t2");
        });
    }

    @Test
    void interleavedMessagesOfHostsAndSourcesStayApart() {
        byte[][] a = {failed(0), failed(1), failed(2)};
        byte[][] b = new byte[3][];
        byte[][] otherHost = new byte[3][];
        for (int i = 0; i < 3; i++) {
            b[i] = segment("ise-psn02", 412908, 3, i, FAILED[i]);
            // the same message id from another ISE node behind the same relay
            otherHost[i] = segment("ise-psn05", 412907, 3, i, FAILED[i]);
        }
        List<String> out = new ArrayList<>();
        long now = 0;
        for (byte[] f : new byte[][] {a[0], b[1], otherHost[2], b[0], a[1], otherHost[0], a[2], otherHost[1], b[2]}) {
            joiner.accept("", f, null, now++).forEach(m -> out.add(text(m)));
        }
        // the same segments from another connection or sender never join these
        joiner.accept("10.1.1.9", failed(0), null, now++).forEach(m -> out.add(text(m)));

        assertThat(out)
                .containsExactly(whole("ise-psn02", 412907), whole("ise-psn05", 412907), whole("ise-psn02", 412908));
        assertThat(joiner.heldMessages()).isOne();
    }

    @Test
    void aSegmentReceivedTwiceIsPartOfItsMessageOnce() {
        joiner.accept("", failed(0), "t1", 0);
        joiner.accept("", failed(1), "t2", 1);
        assertThat(joiner.accept("", failed(1), "t2-again", 2)).isEmpty();
        List<SegmentJoiner.Message<String>> out = joiner.accept("", failed(2), "t3", 3);

        assertThat(out).singleElement().satisfies(m -> {
            assertThat(text(m)).isEqualTo(whole("ise-psn02", 412907));
            // the repeat is answered with the message it repeats
            assertThat(m.parts()).containsExactly("t1", "t2", "t2-again", "t3");
        });
    }

    @Test
    void aNewMessageReusingAnIdGivesOutTheOneBeforeWithWhatCame() {
        joiner.accept("", failed(0), "t1", 0);
        joiner.accept("", failed(1), "t2", 1);
        // ISE restarted: its message ids begin again, another message takes the id
        byte[] other = segment("ise-psn02", 412907, 3, 1, " UserName=k.osei, Protocol=Radius,");
        List<SegmentJoiner.Message<String>> out = joiner.accept("", other, "t9", 2);

        assertThat(out).singleElement().satisfies(m -> {
            assertThat(text(m)).isEqualTo(new String(failed(0), StandardCharsets.UTF_8) + FAILED[1]);
            assertThat(m.gap().missing()).containsExactly(2);
            assertThat(m.gap().reason()).contains("another message with the same id");
        });
        assertThat(joiner.heldMessages()).isOne();
    }

    @Test
    void aMessageMissingASegmentIsGivenOutWithWhatCameAfterTheWait() {
        joiner.accept("", failed(0), "t1", 0);
        joiner.accept("", failed(2), "t3", SECOND);

        assertThat(joiner.nanosUntilDue(SECOND)).isEqualTo(WAIT - SECOND);
        assertThat(joiner.expired(WAIT - 1)).isEmpty();
        List<SegmentJoiner.Message<String>> out = joiner.expired(WAIT);

        assertThat(out).singleElement().satisfies(m -> {
            assertThat(text(m)).isEqualTo(new String(failed(0), StandardCharsets.UTF_8) + FAILED[2]);
            assertThat(m.gap().missing()).containsExactly(1);
            assertThat(m.gap().missingList()).isEqualTo("1");
            assertThat(m.gap().segments()).isEqualTo(3);
            assertThat(m.gap().reason()).isEqualTo("not all 3 segments came within 3000 ms");
            assertThat(m.parts()).containsExactly("t1", "t3");
        });
        assertThat(joiner.nanosUntilDue(WAIT)).isEqualTo(Long.MAX_VALUE);
        assertThat(joiner.heldBytes()).isZero();
    }

    @Test
    void withoutItsFirstSegmentAMessageStartsWithTheFirstThatCame() {
        joiner.accept("", failed(2), "t3", 0);
        joiner.accept("", failed(1), "t2", 1);
        List<SegmentJoiner.Message<String>> out = joiner.flush("the connection ended before they came");

        assertThat(out).singleElement().satisfies(m -> {
            assertThat(text(m)).isEqualTo(new String(failed(1), StandardCharsets.UTF_8) + FAILED[2]);
            assertThat(m.gap().missing()).containsExactly(0);
            assertThat(m.gap().reason()).isEqualTo("the connection ended before they came");
        });
        assertThat(joiner.heldMessages()).isZero();
    }

    @Test
    void theSegmentsHeldStayWithinTheirBoundTheOldestGivenOutFirst() {
        int frame = failed(0).length;
        SegmentJoiner<Integer> small = new SegmentJoiner<>(64 * 1024, 3L * (frame + 64), 3L * (frame + 64), WAIT);
        List<SegmentJoiner.Message<Integer>> out = new ArrayList<>();
        for (int id = 1; id <= 5; id++) {
            out.addAll(small.accept("", segment("ise-psn02", id, 3, 0, FAILED[0]), id, id));
            assertThat(small.heldBytes()).isLessThanOrEqualTo(3L * (frame + 64));
        }

        assertThat(out).hasSize(2).allSatisfy(m -> {
            assertThat(m.gap().missing()).containsExactly(1, 2);
            assertThat(m.gap().reason()).contains("bound");
        });
        assertThat(out).extracting(m -> m.parts().getFirst()).containsExactly(1, 2);
        assertThat(small.heldMessages()).isEqualTo(3);
    }

    @Test
    void oneSenderFillingItsShareDoesNotPushOutAnothersSegments() {
        int frame = failed(0).length;
        SegmentJoiner<String> udp = new SegmentJoiner<>(64 * 1024, 100L * (frame + 64), 2L * (frame + 64), WAIT);
        udp.accept("10.0.0.2", failed(0), "quiet", 0);
        List<SegmentJoiner.Message<String>> out = new ArrayList<>();
        for (int id = 1; id <= 6; id++) {
            out.addAll(udp.accept("10.0.0.9", segment("ise-noisy", id, 2, 0, FAILED[0]), "noisy", id));
        }

        assertThat(out).hasSize(4).allSatisfy(m -> assertThat(m.parts()).containsExactly("noisy"));
        assertThat(udp.accept("10.0.0.2", failed(1), "quiet", 7)).isEmpty();
        assertThat(udp.accept("10.0.0.2", failed(2), "quiet", 8))
                .singleElement()
                .satisfies(m -> assertThat(m.gap()).isNull());
    }

    @Test
    void aMessageThatWouldPassTheLimitIsGivenOutWithWhatFits() {
        SegmentJoiner<String> bounded =
                new SegmentJoiner<>(failed(0).length + FAILED[1].length(), 1 << 20, 1 << 20, WAIT);
        bounded.accept("", failed(0), "t1", 0);
        bounded.accept("", failed(1), "t2", 1);
        List<SegmentJoiner.Message<String>> out = bounded.accept("", failed(2), "t3", 2);

        assertThat(out).singleElement().satisfies(m -> {
            assertThat(text(m)).isEqualTo(new String(failed(0), StandardCharsets.UTF_8) + FAILED[1]);
            assertThat(m.gap().missing()).containsExactly(2);
            assertThat(m.gap().reason()).contains("limit");
        });
        assertThat(bounded.heldMessages()).isOne(); // the last segment waits on its own, nothing is dropped
    }

    @Test
    void aMessageInOneSegmentAndOtherLinesPassUntouched() {
        byte[] single = segment("ise-psn02", 412910, 1, 0, FAILED[0] + FAILED[1]);
        byte[] sshd =
                "<38>Mar  1 10:00:01 bastion sshd[811]: Failed password for root from 198.51.100.4 port 52211 ssh2"
                        .getBytes(StandardCharsets.UTF_8);
        byte[] tooMany = segment("ise-psn02", 412911, 129, 0, FAILED[0]);
        byte[] beyondItsCount = segment("ise-psn02", 412912, 2, 2, FAILED[0]);
        byte[] mentionsIse = "<14>Mar  1 10:00:01 app01 app: forwarding CISE_Failed_Attempts to the SIEM"
                .getBytes(StandardCharsets.UTF_8);

        for (byte[] frame : new byte[][] {single, sshd, tooMany, beyondItsCount, mentionsIse}) {
            assertThat(joiner.accept("", frame, "t", 0)).singleElement().satisfies(m -> {
                assertThat(m.bytes()).isSameAs(frame);
                assertThat(m.gap()).isNull();
                assertThat(m.joined()).isFalse();
                assertThat(m.parts()).containsExactly("t");
            });
        }
        assertThat(joiner.heldMessages()).isZero();
    }

    @Test
    void segmentsRelayedInRfc5424WithAKeyInTheirStructuredDataJoin() {
        // as a customer's rsyslog forwards ISE's lines: the category is the APP-NAME, the key in the
        // structured data (its value may hold a bracket or a quote, escaped)
        String header = "<181>1 2026-03-01T10:00:01.000Z ise-psn02 CISE_Failed_Attempts - - [socaas@32473"
                + " key=\"sk_live_a\\]b\\\"c\"] 0000412907 3 ";
        for (int i = 0; i < 3; i++) {
            joiner.accept("", (header + i + " " + FAILED[i]).getBytes(StandardCharsets.UTF_8), "t" + i, i)
                    .forEach(m -> assertThat(text(m)).isEqualTo(header + "0 " + String.join("", FAILED)));
        }
        assertThat(joiner.heldMessages()).isZero();
    }

    @Test
    void segmentsWithoutAHostWhoseTimesDifferJoin() {
        for (int i = 0; i < 3; i++) {
            byte[] f = ("<181>Mar  1 10:00:0" + (1 + i) + " CSCOacs_Passed_Authentications 0000000042 3 " + i + " "
                            + FAILED[i])
                    .getBytes(StandardCharsets.UTF_8);
            List<SegmentJoiner.Message<String>> out = joiner.accept("", f, "t" + i, i);
            if (i < 2) {
                assertThat(out).isEmpty();
            } else {
                assertThat(out)
                        .singleElement()
                        .satisfies(m -> assertThat(text(m))
                                .isEqualTo("<181>Mar  1 10:00:01 CSCOacs_Passed_Authentications 0000000042 3 0 "
                                        + String.join("", FAILED)));
            }
        }
    }
}
