package io.socaas.events.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class GelfDatagramsTest {

    private static final long SECOND = 1_000_000_000L;
    private static final String MESSAGE = "{\"version\":\"1.1\",\"host\":\"web-1\",\"short_message\":"
            + "\"10.0.0.9 - - [05/Dec/2026:10:00:00 +0000] \\\"GET / HTTP/1.1\\\" 200 612 \\\"-\\\" \\\"curl/8.5\\\"\","
            + "\"timestamp\":1796464800.125,\"level\":6,\"_container_name\":\"nginx\"}";

    private final GelfDatagrams gelf = new GelfDatagrams(64 * 1024, 256 * 1024, 5 * SECOND);

    @Test
    void aSyslogLineOrAnUncompressedGelfObjectPassesAsItCame() {
        for (String text : List.of(
                "<13>Dec  5 10:00:00 web-1 sshd[1]: hello",
                MESSAGE,
                "80.1.2.3 - - [05/Dec/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 1",
                "x^ not zlib")) {
            assertThat(text(gelf.accept("s", text.getBytes(StandardCharsets.UTF_8), 0)))
                    .isEqualTo(text);
        }
    }

    @Test
    void gzipAndZlibMessagesAreInflated() throws IOException {
        assertThat(text(gelf.accept("s", gzip(MESSAGE), 0))).isEqualTo(MESSAGE);
        for (int level : new int[] {Deflater.BEST_SPEED, Deflater.DEFAULT_COMPRESSION, Deflater.BEST_COMPRESSION}) {
            assertThat(text(gelf.accept("s", zlib(MESSAGE, level), 0))).isEqualTo(MESSAGE);
        }
    }

    @Test
    void aChunkedMessageIsWholeOnceEveryChunkIsInWhateverTheirOrder() throws IOException {
        List<byte[]> chunks = chunks(gzip(MESSAGE), 40, 7L);
        assertThat(chunks.size()).isGreaterThan(2);
        Collections.reverse(chunks);
        List<GelfDatagrams.Result> results = new ArrayList<>();
        for (byte[] chunk : chunks) {
            results.add(gelf.accept("10.0.0.9:5000", chunk, SECOND));
        }

        assertThat(results.subList(0, results.size() - 1)).allMatch(r -> r instanceof GelfDatagrams.Pending);
        assertThat(text(results.getLast())).isEqualTo(MESSAGE);
        assertThat(gelf.pendingBytes()).isZero();
    }

    @Test
    void chunksOfTwoSendersWithTheSameMessageIdDoNotMix() {
        byte[] a = "{\"version\":\"1.1\",\"host\":\"a\",\"short_message\":\"from a\"}".getBytes(StandardCharsets.UTF_8);
        byte[] b = "{\"version\":\"1.1\",\"host\":\"b\",\"short_message\":\"from b\"}".getBytes(StandardCharsets.UTF_8);
        List<byte[]> ca = chunks(a, 20, 42L);
        List<byte[]> cb = chunks(b, 20, 42L);
        List<String> whole = new ArrayList<>();
        for (int i = 0; i < ca.size(); i++) {
            if (gelf.accept("a", ca.get(i), 0) instanceof GelfDatagrams.Complete c) {
                whole.add(new String(c.message(), StandardCharsets.UTF_8));
            }
            if (gelf.accept("b", cb.get(i), 0) instanceof GelfDatagrams.Complete c) {
                whole.add(new String(c.message(), StandardCharsets.UTF_8));
            }
        }

        assertThat(whole).containsExactly(new String(a, StandardCharsets.UTF_8), new String(b, StandardCharsets.UTF_8));
    }

    @Test
    void aMessageMissingAChunkIsGivenUpAfterTheTimeoutWithWhatCame() {
        byte[] message = MESSAGE.getBytes(StandardCharsets.UTF_8);
        List<byte[]> chunks = chunks(message, 100, 9L);
        for (int i = 1; i < chunks.size(); i++) {
            assertThat(gelf.accept("s", chunks.get(i), 0)).isInstanceOf(GelfDatagrams.Pending.class);
        }

        assertThat(gelf.expired(5 * SECOND)).isEmpty();
        List<GelfDatagrams.Broken> expired = gelf.expired(5 * SECOND + 1);

        assertThat(expired).hasSize(1);
        assertThat(expired.getFirst().reason())
                .isEqualTo("GELF message incomplete: " + (chunks.size() - 1) + " of its " + chunks.size()
                        + " chunks came within 5000 ms");
        assertThat(new String(expired.getFirst().received(), StandardCharsets.UTF_8))
                .isEqualTo(MESSAGE.substring(100));
        assertThat(gelf.pendingBytes()).isZero();
    }

    @Test
    void heldChunksStayWithinTheBoundTheOldestMessageGivenUpFirst() {
        GelfDatagrams small = new GelfDatagrams(1024, 300, 5 * SECOND);
        byte[] message = MESSAGE.getBytes(StandardCharsets.UTF_8);
        for (long id = 1; id <= 3; id++) {
            small.accept("s", chunks(message, 150, id).getFirst(), id);
        }
        assertThat(small.pendingBytes()).isEqualTo(450);

        List<GelfDatagrams.Broken> given = small.expired(4);

        assertThat(given).hasSize(1);
        assertThat(small.pendingBytes()).isEqualTo(300);
        // the newest two are still put together
        assertThat(text(small.accept("s", chunks(message, 150, 3L).get(1), 5))).isEqualTo(MESSAGE);
    }

    @Test
    void brokenDatagramsSayWhy() throws IOException {
        byte[] gz = gzip(MESSAGE);
        byte[] cut = java.util.Arrays.copyOf(gz, gz.length / 2);
        assertThat(gelf.accept("s", cut, 0))
                .isInstanceOfSatisfying(
                        GelfDatagrams.Broken.class,
                        b -> assertThat(b.reason()).startsWith("GELF message: gzip data cannot be read"));

        GelfDatagrams tiny = new GelfDatagrams(100, 1000, SECOND);
        assertThat(tiny.accept("s", gzip(MESSAGE), 0))
                .isInstanceOfSatisfying(
                        GelfDatagrams.Broken.class,
                        b -> assertThat(b.reason())
                                .isEqualTo("GELF message inflates to more than the listener's limit of 100 bytes"));
        assertThat(tiny.accept("s", zlib(MESSAGE, Deflater.DEFAULT_COMPRESSION), 0))
                .isInstanceOf(GelfDatagrams.Broken.class);

        byte[] badCount = chunkHeader(1L, 0, 129);
        assertThat(gelf.accept("s", badCount, 0))
                .isInstanceOfSatisfying(
                        GelfDatagrams.Broken.class,
                        b -> assertThat(b.reason()).isEqualTo("GELF chunk 0 of 129 (a message has 1 to 128 chunks)"));

        gelf.accept("s", chunkHeader(2L, 0, 3), 0);
        assertThat(gelf.accept("s", chunkHeader(2L, 1, 4), 0)).isInstanceOf(GelfDatagrams.Broken.class);
    }

    private static byte[] chunkHeader(long id, int number, int count) {
        return ByteBuffer.allocate(13)
                .put((byte) 0x1e)
                .put((byte) 0x0f)
                .putLong(id)
                .put((byte) number)
                .put((byte) count)
                .put((byte) 'x')
                .array();
    }

    /** The message cut into GELF chunks of {@code size} bytes of data. */
    private static List<byte[]> chunks(byte[] message, int size, long id) {
        int count = (message.length + size - 1) / size;
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int from = i * size;
            int to = Math.min(message.length, from + size);
            out.add(ByteBuffer.allocate(12 + to - from)
                    .put((byte) 0x1e)
                    .put((byte) 0x0f)
                    .putLong(id)
                    .put((byte) i)
                    .put((byte) count)
                    .put(message, from, to - from)
                    .array());
        }
        return out;
    }

    private static String text(GelfDatagrams.Result result) {
        assertThat(result).isInstanceOf(GelfDatagrams.Complete.class);
        return new String(((GelfDatagrams.Complete) result).message(), StandardCharsets.UTF_8);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] zlib(String text, int level) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(level))) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
