package io.socaas.events.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.events.IngestIds;
import io.socaas.events.JsonEvent;
import io.socaas.events.TenantId;
import io.socaas.events.ocsf.LogLine;
import io.socaas.events.ocsf.OcsfNormalizer;
import io.socaas.events.syslog.MalformedLogException;
import io.socaas.events.syslog.SyslogParser;
import io.socaas.events.testing.Benchmarks;
import io.socaas.events.testing.Corpus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;

/**
 * Events per second of parse + normalize alone, on one thread (so per core), over the real lines of
 * the shared corpus replayed in a loop. One operation is one event, as ingestion handles it before
 * publishing:
 *
 * <ul>
 *   <li>{@code syslogLine}: the received bytes decoded as strict UTF-8, framed content parsed
 *       ({@link LogLine#decode}: RFC 5424 / RFC 3164, CEF, LEEF, JSON, text), normalized to an OCSF
 *       record with a new ingest id, and that record written as the JSON bytes that go to Kafka; a
 *       line that cannot be read ends as the dead letter's reason, as in ingestion;
 *   <li>{@code windowsJson}: one Windows event's JSON bytes (evtx-dump and flat shapes) parsed,
 *       normalized (its tree handed over to the record, as the HTTP intake does) and written the
 *       same way.
 * </ul>
 *
 * No Kafka, no network, no tenant resolution. Not a test: run it with {@code -Pbench} (see {@code
 * docs/benchmarks.md}); {@link #main} runs both and prints events/s per core. Needs the corpus
 * ({@code SOCAAS_CORPUS}, default {@code ../shared/corpus}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class NormalizationThroughputBenchmark {

    private static final TenantId TENANT = TenantId.of("bench");
    /** Events taken from each OTRF recording (the recordings differ a lot in size). */
    private static final int OTRF_PER_RECORDING = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OcsfNormalizer normalizer = OcsfNormalizer.withShippedMappings();
    private final SyslogParser parser = new SyslogParser();
    private byte[][] syslogLines;
    private byte[][] windowsEvents;
    private Instant received;
    private int nextLine;
    private int nextEvent;

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path corpus = Corpus.root();
        if (corpus == null) {
            throw new IllegalStateException("corpus not found (SOCAAS_CORPUS, default ../shared/corpus)");
        }
        syslogLines = syslogLines(corpus).stream()
                .map(l -> l.getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);
        windowsEvents = windowsEvents(corpus).stream()
                .map(l -> l.getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);
        if (syslogLines.length == 0 || windowsEvents.length == 0) {
            throw new IllegalStateException("no corpus lines under " + corpus.toAbsolutePath());
        }
        received = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        System.out.printf(
                "%n%d syslog/CEF/LEEF lines (wazuh-ruleset-tests, logstash-patterns-core, parser-fixtures),"
                        + " %d Windows events (evtx-attack-samples-json, otrf-security-datasets)%n",
                syslogLines.length, windowsEvents.length);
    }

    @Benchmark
    public int syslogLine() {
        byte[] frame = syslogLines[nextLine];
        nextLine = nextLine + 1 == syslogLines.length ? 0 : nextLine + 1;
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(frame))
                    .toString();
        } catch (CharacterCodingException e) {
            return -1;
        }
        try {
            LogLine line = LogLine.decode(text, received, parser);
            return normalizer
                    .normalizeHandedOver(line, new OcsfNormalizer.Context(TENANT, IngestIds.next(), received, "bench"))
                    .event()
                    .toJsonBytes()
                    .length;
        } catch (MalformedLogException e) {
            return e.getMessage().length();
        }
    }

    @Benchmark
    public int windowsJson() {
        byte[] event = windowsEvents[nextEvent];
        nextEvent = nextEvent + 1 == windowsEvents.length ? 0 : nextEvent + 1;
        return normalizer
                .normalizeHandedOver(
                        JsonEvent.parse(event), new OcsfNormalizer.Context(TENANT, IngestIds.next(), received, "bench"))
                .event()
                .toJsonBytes()
                .length;
    }

    /** The text lines of the corpus that reach ingestion as syslog (or CEF/LEEF on their own). */
    static List<String> syslogLines(Path corpus) throws IOException {
        List<String> lines = new ArrayList<>();
        Path wazuh = corpus.resolve("wazuh-ruleset-tests/cases.jsonl");
        if (Files.isRegularFile(wazuh)) {
            for (String l : Files.readAllLines(wazuh, StandardCharsets.UTF_8)) {
                lines.add(JSON.readTree(l).get("log").asText());
            }
        }
        Path logstash = corpus.resolve("logstash-patterns-core/spec-samples.jsonl");
        if (Files.isRegularFile(logstash)) {
            for (String l : Files.readAllLines(logstash, StandardCharsets.UTF_8)) {
                lines.add(JSON.readTree(l).get("message").asText());
            }
        }
        Path liblognorm = corpus.resolve("parser-fixtures/liblognorm/pairs.jsonl");
        if (Files.isRegularFile(liblognorm)) {
            for (String l : Files.readAllLines(liblognorm, StandardCharsets.UTF_8)) {
                lines.add(JSON.readTree(l).get("input").asText());
            }
        }
        Path leef = corpus.resolve("parser-fixtures/tenzir/leef1.log");
        if (Files.isRegularFile(leef)) {
            Files.readAllLines(leef, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank())
                    .forEach(lines::add);
        }
        return lines.stream().filter(l -> !l.isBlank()).toList();
    }

    /** Windows events: every evtx-attack-samples event, and the first of each OTRF recording. */
    static List<String> windowsEvents(Path corpus) {
        List<String> events = new ArrayList<>(Corpus.attackSampleEvents(corpus, Integer.MAX_VALUE));
        events.addAll(Corpus.otrfEvents(corpus, "", OTRF_PER_RECORDING));
        return events;
    }

    /** Runs both benchmarks and prints events/s per core of each. */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Collection<RunResult> results = Benchmarks.run(NormalizationThroughputBenchmark.class, args);
        System.out.printf(
                "%nparse + normalize, events/s on one thread (per core): syslog line -> OCSF %.0f,"
                        + " Windows JSON event -> OCSF %.0f%n",
                Benchmarks.score(results, "syslogLine"), Benchmarks.score(results, "windowsJson"));
    }
}
