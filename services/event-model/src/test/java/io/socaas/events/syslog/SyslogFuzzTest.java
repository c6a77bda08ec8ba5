package io.socaas.events.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.socaas.events.IngestIds;
import io.socaas.events.TenantId;
import io.socaas.events.ocsf.LogLine;
import io.socaas.events.ocsf.OcsfNormalizer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the framings and of every parser that takes syslog input. The seeds
 * under {@code SyslogFuzzTestInputs/} run in every build; {@code JAZZER_FUZZ=1} fuzzes (one fuzz
 * test per run, chosen with {@code -Dtest=SyslogFuzzTest#...}).
 */
class SyslogFuzzTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-01T10:00:00Z");
    private static final SyslogParser PARSER = new SyslogParser();
    private static final OcsfNormalizer NORMALIZER = OcsfNormalizer.withShippedMappings();

    /** Any byte stream, cut anywhere: bounded frames, nothing held after the end, no exception. */
    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anyStreamSplitsIntoBoundedFrames(byte[] stream) {
        SyslogFrameDecoder decoder = new SyslogFrameDecoder(256);
        List<SyslogFrameDecoder.Frame> frames = new ArrayList<>();
        int cut = stream.length == 0 ? 0 : (stream[0] & 0xff) % (stream.length + 1);
        frames.addAll(decoder.feed(stream, 0, cut));
        frames.addAll(decoder.feed(stream, cut, stream.length - cut));
        frames.addAll(decoder.finish());
        assertThat(frames).allSatisfy(f -> assertThat(f.bytes().length).isLessThanOrEqualTo(256 + 10));
        assertThat(decoder.buffered()).isZero();
    }

    /**
     * Any datagrams, as GELF chunks or compressed messages or neither: each a whole message, a
     * pending chunk or broken with a reason; no message beyond its bound, the chunks held within
     * theirs once expired messages are given up, no exception.
     */
    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anyDatagramsAreMessagesPendingChunksOrBrokenWithAReason(byte[] bytes) {
        GelfDatagrams gelf = new GelfDatagrams(512, 1024, 1000);
        int at = 0;
        long now = 0;
        while (at < bytes.length) {
            int length = Math.min(bytes.length - at, 1 + (bytes[at] & 0x7f));
            // half of the datagrams are made chunks, so that messages are put together
            byte[] datagram = java.util.Arrays.copyOfRange(bytes, at, at + length);
            if ((bytes[at] & 0x80) != 0 && datagram.length > 1) {
                datagram[0] = 0x1e;
                datagram[1] = 0x0f;
            }
            at += length;
            now += 100;
            GelfDatagrams.Result result = gelf.accept("s" + (length & 1), datagram, now);
            switch (result) {
                case GelfDatagrams.Complete c -> assertThat(c.message().length).isLessThanOrEqualTo(512);
                case GelfDatagrams.Broken b -> assertThat(b.reason()).isNotBlank();
                case GelfDatagrams.Pending p -> {}
            }
            assertThat(gelf.expired(now)).allSatisfy(b -> assertThat(b.reason()).startsWith("GELF message incomplete"));
            assertThat(gelf.pendingBytes()).isBetween(0L, 1024L);
        }
    }

    /** Any line: a syslog message or MalformedLogException, from each parser alone too. */
    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anyLineParsesOrIsRejectedWithAReason(byte[] bytes) {
        String line = new String(bytes, StandardCharsets.UTF_8);
        expectParsedOrMalformed(() -> PARSER.parse(line, RECEIVED));
        expectParsedOrMalformed(() -> CefParser.parse(CefParser.PREFIX + line));
        expectParsedOrMalformed(() -> LeefParser.parse(LeefParser.PREFIX + line));
    }

    /** Any line: normalized to an OCSF record with a class, or dead-lettered with a reason. */
    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anyLineIsNormalizedOrDeadLettered(byte[] bytes) {
        String line = new String(bytes, StandardCharsets.UTF_8);
        LogLine decoded;
        try {
            decoded = LogLine.decode(line, RECEIVED, PARSER);
        } catch (MalformedLogException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        var record = NORMALIZER.normalize(
                decoded, new OcsfNormalizer.Context(TenantId.of("acme"), IngestIds.next(), RECEIVED, null));
        assertThat(record.event().has("class_uid")).isTrue();
        assertThat(record.event().text("tenant")).contains("acme");
    }

    private static void expectParsedOrMalformed(Runnable parse) {
        try {
            parse.run();
        } catch (MalformedLogException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
