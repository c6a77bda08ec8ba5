package io.socaas.correlation.sigma.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.correlation.sigma.domain.SigmaEvent;
import io.socaas.correlation.sigma.domain.SigmaRule;
import io.socaas.correlation.sigma.domain.SigmaRuleException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the SigmaHQ regression tests of the shared corpus: for each test whose rule loads, the
 * rule must match its recorded events (at least {@code expected_match_count} of them, or at least
 * one). Rules using unsupported features are skipped and counted, never failed.
 *
 * <p>The corpus is found through {@code SOCAAS_CORPUS} (default {@code ../../../shared/corpus}
 * from this module); without it, the test is skipped.
 */
class SigmaRegressionCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger RUN = new AtomicInteger();
    private static final AtomicInteger SKIPPED = new AtomicInteger();
    private static final List<String> SKIP_REASONS = new ArrayList<>();

    static Path corpus() {
        String configured = System.getenv("SOCAAS_CORPUS");
        return Path.of(configured == null || configured.isBlank() ? "../../../shared/corpus" : configured);
    }

    @TestFactory
    Stream<DynamicTest> everyLoadableRuleMatchesItsRegressionEvents() throws IOException {
        Path root = corpus();
        Path manifest = root.resolve("sigma-regression/manifest.jsonl");
        assumeTrue(
                Files.isRegularFile(manifest),
                "Sigma regression corpus not found at " + manifest.toAbsolutePath()
                        + " (set SOCAAS_CORPUS): corpus test skipped");
        List<JsonNode> tests = new ArrayList<>();
        for (String line : Files.readAllLines(manifest)) {
            if (!line.isBlank()) {
                tests.add(JSON.readTree(line));
            }
        }
        return tests.stream()
                .map(test -> DynamicTest.dynamicTest(
                        test.path("rule_title").asText() + " ["
                                + test.path("rule_id").asText() + "]",
                        () -> runRegression(root, test)));
    }

    private static void runRegression(Path root, JsonNode test) throws IOException {
        String rulePath = test.path("rule_path").asText();
        SigmaRule rule;
        try {
            rule = SigmaYamlReader.read(Files.readString(root.resolve("sigma").resolve(rulePath)));
        } catch (SigmaRuleException e) {
            SKIPPED.incrementAndGet();
            synchronized (SKIP_REASONS) {
                SKIP_REASONS.add(rulePath + ": " + e.kind() + " " + e.getMessage());
            }
            assumeTrue(false, "rule not loadable (" + e.kind() + "): " + e.getMessage());
            return;
        }
        RUN.incrementAndGet();
        List<Map<String, Object>> events = readEventStream(
                root.resolve("sigma-regression").resolve(test.path("json").asText()));
        long matches = events.stream().map(SigmaEvent::of).filter(rule::matches).count();
        int expected = test.path("expected_match_count").isNumber()
                ? test.path("expected_match_count").asInt()
                : 1;
        assertThat(matches)
                .as(
                        "matches of %s over %d events of %s",
                        rulePath, events.size(), test.path("json").asText())
                .isGreaterThanOrEqualTo(expected);
        assertThat(rule.matches(SigmaEvent.of(Map.of())))
                .as("%s must not match an empty event", rulePath)
                .isFalse();
    }

    @TestFactory
    Stream<DynamicTest> everySigmaHqRuleEitherLoadsOrIsRefusedWithAReason() throws IOException {
        Path rules = corpus().resolve("sigma/rules");
        assumeTrue(Files.isDirectory(rules), "SigmaHQ rules not found at " + rules.toAbsolutePath() + ": skipped");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(rules)) {
            files = walk.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        return Stream.of(DynamicTest.dynamicTest("all " + files.size() + " rules of sigma/rules", () -> {
            int loaded = 0;
            Map<String, Integer> refused = new java.util.TreeMap<>();
            for (Path file : files) {
                try {
                    SigmaYamlReader.read(Files.readString(file));
                    loaded++;
                } catch (SigmaRuleException e) {
                    String reason = e.kind() + " " + e.getMessage().replaceAll("'[^']*'", "'…'");
                    refused.merge(reason, 1, Integer::sum);
                }
            }
            System.out.printf("SigmaHQ rules: %d of %d load; refused:%n", loaded, files.size());
            refused.forEach((reason, count) -> System.out.printf("  %5d  %s%n", count, reason));
            assertThat(loaded).isGreaterThan(files.size() * 9 / 10);
        }));
    }

    static List<Map<String, Object>> readEventStream(Path file) {
        List<Map<String, Object>> events = new ArrayList<>();
        try (MappingIterator<Map<String, Object>> it =
                JSON.readerForMapOf(Object.class).readValues(file.toFile())) {
            while (it.hasNextValue()) {
                events.add(it.nextValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    @AfterAll
    static void report() {
        System.out.printf(
                "Sigma regression corpus: %d tests run, %d skipped (rule not loadable)%n", RUN.get(), SKIPPED.get());
        SKIP_REASONS.forEach(r -> System.out.println("  skipped " + r));
    }
}
