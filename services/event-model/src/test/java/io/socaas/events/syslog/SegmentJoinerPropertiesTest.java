package io.socaas.events.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of joining segmented Cisco ISE and ACS messages over generated messages, splits and
 * arrival orders (QuickTheories): whatever the split and the order, the message comes back as it
 * would have been sent unsplit; nothing held beyond the bound; every frame given back exactly once.
 */
class SegmentJoinerPropertiesTest {

    private static final int EXAMPLES = 300;
    private static final long WAIT = 3_000_000_000L;
    private static final String[] HOSTS = {"ise-psn01", "ise-psn02.corp.example", "10.20.0.15", "acs5-east"};
    private static final String[] CATEGORIES = {
        "CISE_Passed_Authentications", "CISE_Failed_Attempts", "CISE_RADIUS_Accounting", "CSCOacs_Failed_Attempts"
    };

    /** One message split into segments: the frames as sent, and the message as it would have been sent whole. */
    private record Split(List<byte[]> frames, byte[] whole) {}

    /**
     * Splits the text's UTF-8 bytes at {@code count - 1} places (anywhere, a character's bytes too:
     * a value may be cut) into segments that repeat the header, each with a time of its own.
     */
    private static Split split(String host, String category, long id, String text, int count, Random random) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        List<Integer> cuts = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            cuts.add(random.nextInt(body.length + 1));
        }
        Collections.sort(cuts);
        cuts.addFirst(0);
        cuts.add(body.length);
        List<byte[]> frames = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.writeBytes(header(host, category, id, count, i).getBytes(StandardCharsets.UTF_8));
            frame.write(body, cuts.get(i), cuts.get(i + 1) - cuts.get(i));
            frames.add(frame.toByteArray());
        }
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        whole.writeBytes(header(host, category, id, count, 0).getBytes(StandardCharsets.UTF_8));
        whole.writeBytes(body);
        return new Split(frames, whole.toByteArray());
    }

    private static String header(String host, String category, long id, int count, int number) {
        return "<181>Mar  1 10:00:" + String.format("%02d", number % 60) + " " + host + " " + category + " "
                + String.format("%010d", id) + " " + count + " " + number + " ";
    }

    @Test
    void anySplitOfAMessageInAnyOrderComesBackAsTheMessage() {
        qt().withExamples(EXAMPLES)
                .forAll(
                        strings().betweenCodePoints(0x20, 0xD7FF).ofLengthBetween(0, 300),
                        integers().between(2, 24),
                        longs().all())
                .checkAssert((text, count, seed) -> {
                    Random random = new Random(seed);
                    Split split = split(
                            HOSTS[random.nextInt(HOSTS.length)],
                            CATEGORIES[random.nextInt(CATEGORIES.length)],
                            Math.floorMod(seed, 10_000_000_000L),
                            text,
                            count,
                            random);
                    List<byte[]> arrival = new ArrayList<>(split.frames());
                    Collections.shuffle(arrival, random);
                    SegmentJoiner<Integer> joiner = new SegmentJoiner<>(1 << 20, 1 << 20, 1 << 20, WAIT);

                    List<SegmentJoiner.Message<Integer>> out = new ArrayList<>();
                    for (int i = 0; i < arrival.size(); i++) {
                        List<SegmentJoiner.Message<Integer>> given = joiner.accept("", arrival.get(i), i, i);
                        if (i < arrival.size() - 1) {
                            assertThat(given).isEmpty();
                        }
                        out.addAll(given);
                    }

                    assertThat(out).singleElement().satisfies(m -> {
                        assertThat(m.bytes()).isEqualTo(split.whole());
                        assertThat(m.gap()).isNull();
                        assertThat(m.parts()).hasSize(count);
                    });
                    assertThat(joiner.heldBytes()).isZero();
                });
    }

    @Test
    void interleavedMessagesInAnyOrderEachComeBackOnce() {
        qt().withExamples(EXAMPLES)
                .forAll(integers().between(2, 5), integers().between(2, 8), longs().all())
                .checkAssert((messages, count, seed) -> {
                    Random random = new Random(seed);
                    List<byte[]> arrival = new ArrayList<>();
                    Map<String, Integer> expected = new HashMap<>();
                    for (int m = 0; m < messages; m++) {
                        // the same id on two hosts, and two ids on one host
                        Split split = split(
                                HOSTS[m % 2],
                                "CISE_Passed_Authentications",
                                4000 + m / 2,
                                "Passed-Authentication: Authentication succeeded, UserName=user" + m
                                        + ", NAS-IP-Address=10.0.0." + m + ",",
                                count,
                                random);
                        arrival.addAll(split.frames());
                        expected.merge(new String(split.whole(), StandardCharsets.UTF_8), 1, Integer::sum);
                    }
                    Collections.shuffle(arrival, random);
                    SegmentJoiner<Void> joiner = new SegmentJoiner<>(1 << 20, 1 << 20, 1 << 20, WAIT);

                    Map<String, Integer> out = new HashMap<>();
                    for (byte[] frame : arrival) {
                        joiner.accept("", frame, null, 0).forEach(m -> {
                            assertThat(m.gap()).isNull();
                            out.merge(new String(m.bytes(), StandardCharsets.UTF_8), 1, Integer::sum);
                        });
                    }
                    assertThat(out).isEqualTo(expected);
                    assertThat(joiner.heldMessages()).isZero();
                });
    }

    @Test
    void whateverComesTheHeldBytesStayWithinTheBoundAndEveryFrameIsGivenBackOnce() {
        qt().withExamples(EXAMPLES)
                .forAll(integers().between(1, 120), integers().between(200, 4000), longs().all())
                .checkAssert((frames, bound, seed) -> {
                    Random random = new Random(seed);
                    SegmentJoiner<Integer> joiner = new SegmentJoiner<>(1000, bound, bound / 2 + 1, WAIT);
                    Map<Integer, Integer> givenBack = new HashMap<>();
                    long now = 0;
                    for (int tag = 0; tag < frames; tag++) {
                        byte[] frame = randomFrame(random);
                        now += random.nextInt(1_000_000_000);
                        List<SegmentJoiner.Message<Integer>> out = new ArrayList<>(
                                joiner.accept(random.nextBoolean() ? "10.0.0.1" : "10.0.0.2", frame, tag, now));
                        out.addAll(joiner.expired(now));
                        for (SegmentJoiner.Message<Integer> m : out) {
                            m.parts().forEach(p -> givenBack.merge(p, 1, Integer::sum));
                            assertThat(m.bytes().length).isLessThanOrEqualTo(1000);
                            if (m.gap() != null) {
                                assertThat(m.gap().missing()).isNotEmpty();
                                assertThat(m.gap().reason()).isNotBlank();
                            }
                        }
                        assertThat(joiner.heldBytes()).isBetween(0L, (long) bound);
                    }
                    joiner.flush("the end").forEach(m -> m.parts().forEach(p -> givenBack.merge(p, 1, Integer::sum)));

                    assertThat(givenBack)
                            .hasSize(frames)
                            .allSatisfy((tag, times) -> assertThat(times).isOne());
                    assertThat(joiner.heldBytes()).isZero();
                    assertThat(joiner.heldMessages()).isZero();
                });
    }

    /** A segment of a few messages (some of whose segments never come, some twice), or another line. */
    private static byte[] randomFrame(Random random) {
        if (random.nextInt(5) == 0) {
            return ("<14>Mar  1 10:00:00 app01 app: line " + random.nextInt(1000)).getBytes(StandardCharsets.UTF_8);
        }
        int count = 1 + random.nextInt(4);
        int number = random.nextInt(count);
        String text = random.nextInt(3) == 0 ? "other text " + random.nextInt(3) : "Step=" + number + ",";
        return (header(HOSTS[random.nextInt(2)], "CISE_Failed_Attempts", random.nextInt(4), count, number) + text)
                .getBytes(StandardCharsets.UTF_8);
    }
}
