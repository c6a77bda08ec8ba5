package io.socaas.correlation.intel.bench;

import io.socaas.correlation.detection.domain.IntelAlert;
import io.socaas.correlation.detection.domain.IntelDetection;
import io.socaas.correlation.intel.domain.Indicator;
import io.socaas.correlation.intel.domain.IndicatorType;
import io.socaas.correlation.intel.domain.IntelIndex;
import io.socaas.correlation.intel.domain.IntelSnapshot;
import io.socaas.events.TenantId;
import io.socaas.events.testing.Benchmarks;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;

/**
 * Events per second through threat intelligence matching on one thread ({@link IntelDetection#detect}:
 * the event's values read and normalized, every lookup, alerts built for hits), with {@code
 * indicators} global indicators (a fifth each: addresses, CIDR networks of both families, domains,
 * URLs, SHA-256 hashes) plus a tenant list of 1,000. Events are normalized OCSF maps (JSON decoding
 * is not included: the consumer decodes once for rules and intelligence) with source and destination
 * addresses, a DNS query of a subdomain, a URL and a file hash; one event in 100 hits.
 *
 * <p>Not a test: {@code java -cp <test classpath> io.socaas.correlation.intel.bench.IntelMatchBenchmark}
 * (see {@code docs/benchmarks.md}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class IntelMatchBenchmark {

    private static final TenantId TENANT = TenantId.of("acme");

    @Param({"1000", "1000000"})
    int indicators;

    private IntelDetection detection;
    private List<Map<String, Object>> events;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(42);
        List<Indicator> global = new ArrayList<>(indicators);
        for (int i = 0; i < indicators; i++) {
            global.add(
                    switch (i % 5) {
                        case 0 -> indicator(IndicatorType.IP, ipv4(random));
                        case 1 ->
                            indicator(
                                    IndicatorType.IP,
                                    random.nextBoolean()
                                            ? ipv4(random) + "/" + (16 + random.nextInt(13))
                                            : "2001:db8:" + Integer.toHexString(random.nextInt(65536)) + "::/48");
                        case 2 -> indicator(IndicatorType.DOMAIN, "d" + i + ".bad.example");
                        case 3 -> indicator(IndicatorType.URL, "http://u" + i + ".example/p/" + i);
                        default -> indicator(IndicatorType.FILE_HASH, hex(random, 64));
                    });
        }
        List<Indicator> own = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            own.add(indicator(IndicatorType.DOMAIN, "t" + i + ".tenant.example"));
        }
        IntelSnapshot snapshot = new IntelSnapshot(IntelIndex.of(global), Map.of(TENANT, IntelIndex.of(own)));
        detection = new IntelDetection(() -> snapshot, Clock.systemUTC());
        events = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            boolean hit = i % 100 == 0;
            Map<String, Object> event = new HashMap<>();
            event.put("class_uid", 4001);
            event.put("time", 1796119200000L + i);
            event.put("tenant", "acme");
            event.put("ingest_id", "01JD" + i);
            event.put("device", Map.of("hostname", "ws-" + (i % 50)));
            event.put("src_endpoint", Map.of("ip", "10.0." + (i % 250) + "." + (i % 200)));
            event.put("dst_endpoint", Map.of("ip", hit ? global.getFirst().value() : ipv4(random)));
            event.put("query", Map.of("hostname", "www.q" + i + ".example.com"));
            event.put(
                    "http_request",
                    Map.of("url", Map.of("url_string", "https://site" + i + ".example/index.html?q=" + i)));
            event.put("file", Map.of("hashes", List.of(Map.of("algorithm_id", 3, "value", hex(random, 64)))));
            events.add(event);
        }
    }

    @Benchmark
    public List<IntelAlert> detect() {
        Map<String, Object> event = events.get(next);
        next = next + 1 == events.size() ? 0 : next + 1;
        return detection.detect(TENANT, (String) event.get("ingest_id"), event);
    }

    private static Indicator indicator(IndicatorType type, String value) {
        return Indicator.of(type, value, "bench", 70, Optional.empty(), Optional.empty(), Optional.empty(), "", "");
    }

    private static String ipv4(Random random) {
        return (1 + random.nextInt(222)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                + random.nextInt(256);
    }

    private static String hex(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Benchmarks.run(IntelMatchBenchmark.class, args);
    }
}
