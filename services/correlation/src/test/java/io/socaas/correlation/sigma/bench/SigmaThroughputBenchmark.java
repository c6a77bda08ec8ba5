package io.socaas.correlation.sigma.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.correlation.detection.domain.EventDetection;
import io.socaas.correlation.rules.domain.DetectionRule;
import io.socaas.correlation.rules.domain.RuleCatalog;
import io.socaas.correlation.rules.domain.RulePack;
import io.socaas.correlation.rules.domain.RulePacks;
import io.socaas.correlation.rules.domain.TenantProfile;
import io.socaas.correlation.rules.domain.TenantRuleSet;
import io.socaas.correlation.sigma.domain.LogsourceMapping;
import io.socaas.correlation.sigma.domain.SigmaEvent;
import io.socaas.correlation.sigma.domain.SigmaRule;
import io.socaas.correlation.sigma.domain.SigmaRuleException;
import io.socaas.correlation.sigma.yaml.LogsourceMappingReader;
import io.socaas.correlation.sigma.yaml.SigmaCorpus;
import io.socaas.correlation.sigma.yaml.SigmaYamlReader;
import io.socaas.events.TenantId;
import io.socaas.events.testing.Benchmarks;
import io.socaas.events.testing.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
 * Events per second through every active SigmaHQ Windows rule of the shared corpus ({@code
 * sigma/rules*}, product {@code windows}) over the Windows events of the OTRF and evtx-attack-samples
 * recordings, on one thread, JSON decoding included. One operation is one event: its JSON bytes
 * decoded and evaluated. Three ways, in the same run:
 *
 * <ul>
 *   <li>{@code indexed}: as in production ({@link EventDetection#evaluate}): logsource routing, the
 *       literal index, full evaluation of the remaining candidates, alerts built for matches;
 *   <li>{@code routed}: every rule of the event's logsources evaluated (the engine before the index);
 *   <li>{@code naive}: every rule evaluated on every event.
 * </ul>
 *
 * Not a test: run it with {@code -Pbench} (see {@code docs/benchmarks.md}); {@link #main} runs the
 * three and prints events/s and the ratios. Needs the corpus ({@code SOCAAS_CORPUS}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class SigmaThroughputBenchmark {

    private static final TenantId TENANT = TenantId.of("bench");
    /** Events taken from each OTRF recording (the recordings differ a lot in size). */
    private static final int OTRF_PER_RECORDING = 400;

    private final ObjectMapper json = new ObjectMapper();
    private LogsourceMapping logsources;
    private EventDetection detection;
    private TenantRuleSet routed;
    private List<SigmaRule> rules;
    private byte[][] events;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        Path corpus = SigmaCorpus.corpus();
        rules = windowsRules(corpus);
        List<String> lines = new ArrayList<>(Corpus.otrfEvents(corpus, "atomic/windows", OTRF_PER_RECORDING));
        lines.addAll(Corpus.attackSampleEvents(corpus, Integer.MAX_VALUE));
        if (rules.isEmpty() || lines.isEmpty()) {
            throw new IllegalStateException("corpus not found under " + corpus.toAbsolutePath() + " (SOCAAS_CORPUS)");
        }
        events = lines.stream().map(l -> l.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        List<DetectionRule> deployed = rules.stream()
                .map(r -> new DetectionRule(r, RulePack.unnamed("sigmahq"), r.id() + ".yml"))
                .toList();
        logsources = LogsourceMappingReader.shipped();
        RuleCatalog catalog = new RulePacks(Map.of("sigmahq", deployed), List.of())
                .catalogFor(List.of(new TenantProfile(TENANT, true, List.of("sigmahq"))));
        detection = new EventDetection(() -> catalog, logsources, Clock.systemUTC());
        routed = catalog.rulesFor(TENANT);
        System.out.printf(
                "%n%d Windows rules (%d without a literal the index can use), %d events%n",
                rules.size(),
                new RulePacks(Map.of("sigmahq", deployed), List.of())
                        .compiled("sigmahq")
                        .unconstrained(),
                events.length);
    }

    /** Every active (not deprecated, not unsupported) Windows rule under sigma/rules* that loads. */
    static List<SigmaRule> windowsRules(Path corpus) {
        Path sigma = corpus.resolve("sigma");
        if (!Files.isDirectory(sigma)) {
            return List.of();
        }
        List<SigmaRule> result = new ArrayList<>();
        for (Path file : SigmaCorpus.ruleFiles(SigmaCorpus.ruleFolders(sigma))) {
            try {
                SigmaRule rule = SigmaYamlReader.read(Files.readString(file));
                if ("windows".equals(rule.source().product())) {
                    result.add(rule);
                }
            } catch (SigmaRuleException e) {
                // refused rules are listed by SigmaCorpusTest
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return result;
    }

    private Map<String, Object> decodeNext() throws IOException {
        byte[] event = events[next];
        next = next + 1 == events.length ? 0 : next + 1;
        return json.readValue(event, json.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
    }

    /** JSON decoding alone: the floor under the three ways. */
    @Benchmark
    public int decodeOnly() throws IOException {
        return decodeNext().size();
    }

    @Benchmark
    public int indexed() throws IOException {
        return detection
                .evaluate(TENANT, "01JBENCH0000000000000000000", decodeNext())
                .alerts()
                .size();
    }

    @Benchmark
    public int routed() throws IOException {
        SigmaEvent event = SigmaEvent.of(decodeNext());
        int matches = 0;
        for (TenantRuleSet.Candidate candidate : routed.candidates(logsources.classify(event))) {
            if (candidate.rule().sigma().matches(event.withFieldMapping(candidate.fields()))) {
                matches++;
            }
        }
        return matches;
    }

    @Benchmark
    public int naive() throws IOException {
        SigmaEvent event = SigmaEvent.of(decodeNext());
        int matches = 0;
        for (SigmaRule rule : rules) {
            if (rule.matches(event)) {
                matches++;
            }
        }
        return matches;
    }

    /**
     * Runs the three benchmarks and prints events/s of each and the ratios to the indexed one. With
     * the single argument {@code cpu}, measures instead events per second of this thread's CPU time
     * (indexed and JSON decoding alone, same data): a figure that a machine shared with other
     * builds depresses far less than the elapsed time JMH measures.
     */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException, IOException {
        if (args.length == 1 && args[0].equals("cpu")) {
            cpuTime();
            return;
        }
        Collection<RunResult> results = Benchmarks.run(SigmaThroughputBenchmark.class, args);
        double indexed = Benchmarks.score(results, "indexed");
        double routed = Benchmarks.score(results, "routed");
        double naive = Benchmarks.score(results, "naive");
        double decode = Benchmarks.score(results, "decodeOnly");
        System.out.printf(
                "%nevents/s on one thread: indexed %.0f, routed %.0f, naive %.0f (JSON decoding alone %.0f)%n"
                        + "indexed/naive %.1f, indexed/routed %.1f%n",
                indexed, routed, naive, decode, indexed / naive, indexed / routed);
    }

    /**
     * Events per CPU-second of the indexed way and of decoding alone: 5 rounds of 100 000 events
     * each, after a warm-up of 300 000.
     */
    private static void cpuTime() throws IOException {
        SigmaThroughputBenchmark bench = new SigmaThroughputBenchmark();
        bench.load();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int events = 100_000;
        long sink = 0;
        for (String way : List.of("indexed", "decodeOnly")) {
            for (int i = 0; i < 3 * events; i++) {
                sink += way.equals("indexed") ? bench.indexed() : bench.decodeOnly();
            }
            List<Long> rates = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < events; i++) {
                    sink += way.equals("indexed") ? bench.indexed() : bench.decodeOnly();
                }
                rates.add(events * 1_000_000_000L / (threads.getCurrentThreadCpuTime() - start));
            }
            System.out.printf("%s: events per CPU-second, 5 rounds: %s (load average %s)%n", way, rates, loadAverage());
        }
        System.out.printf("(checksum %d)%n", sink);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
