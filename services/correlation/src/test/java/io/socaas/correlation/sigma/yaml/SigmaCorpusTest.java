package io.socaas.correlation.sigma.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.socaas.correlation.rules.domain.DetectionRule;
import io.socaas.correlation.rules.domain.RulePack;
import io.socaas.correlation.rules.domain.TenantRuleSet;
import io.socaas.correlation.sigma.domain.LogsourceMapping;
import io.socaas.correlation.sigma.domain.SigmaEvent;
import io.socaas.correlation.sigma.domain.SigmaRule;
import io.socaas.correlation.sigma.domain.SigmaRuleException;
import io.socaas.events.TenantId;
import io.socaas.events.testing.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The SigmaHQ rules and regression tests of the shared corpus, as tests that can fail:
 *
 * <ul>
 *   <li>every rule under {@code sigma/rules*} loads, or is listed in {@code sigma-unsupported.tsv}
 *       with the exact reason it is refused; a listed rule that loads fails too (the list only
 *       shrinks);
 *   <li>every regression test's rule, routed by logsource as in production, matches at least the
 *       expected number of its events;
 *   <li>every loadable rule runs over every regression event file; a rule that fires on another
 *       rule's events fails unless listed in {@code sigma-accepted-crossfires.tsv} with a reason.
 * </ul>
 *
 * The lists as they would be now are written to {@code target/sigma-corpus/}. Without the corpus
 * ({@code SOCAAS_CORPUS}) the tests are skipped.
 */
class SigmaCorpusTest {

    private static final Path REPORT = Path.of("target/sigma-corpus");
    private static final LogsourceMapping LOGSOURCES = LogsourceMappingReader.shipped();
    private static final TenantId CORPUS = TenantId.of("corpus");

    private static Path sigma;
    private static Path regression;
    /** Rule path (relative to sigma/) to the loaded rule. */
    private static final Map<String, SigmaRule> LOADED = new TreeMap<>();
    /** Rule path to the reason it was refused. */
    private static final Map<String, String> REFUSED = new TreeMap<>();

    @BeforeAll
    static void loadEveryRule() throws IOException {
        Path corpus = SigmaCorpus.corpus();
        sigma = corpus.resolve("sigma");
        regression = corpus.resolve("sigma-regression");
        if (!Files.isDirectory(sigma.resolve("rules"))) {
            return;
        }
        for (Path file : SigmaCorpus.ruleFiles(SigmaCorpus.ruleFolders(sigma))) {
            String path = sigma.relativize(file).toString().replace('\\', '/');
            try {
                LOADED.put(path, SigmaYamlReader.read(Files.readString(file)));
            } catch (SigmaRuleException e) {
                REFUSED.put(path, e.kind() + ": " + e.getMessage().replaceAll("[\\t\\n\\r]+", " "));
            }
        }
        Files.createDirectories(REPORT);
        writeTsv(
                REPORT.resolve("sigma-unsupported.actual.tsv"),
                REFUSED.entrySet().stream()
                        .map(e -> e.getKey() + "\t" + e.getValue())
                        .toList());
        System.out.printf(
                "SigmaHQ rules under sigma/rules*: %d files, %d load, %d refused%n",
                LOADED.size() + REFUSED.size(), LOADED.size(), REFUSED.size());
    }

    @Test
    void everyRuleLoadsOrIsListedWithTheExactReasonItIsRefused() {
        assumeTrue(!LOADED.isEmpty(), "SigmaHQ rules not found under " + sigma + " (set SOCAAS_CORPUS): skipped");
        Map<String, String> listed = new TreeMap<>();
        for (String[] row : readTsv("/sigma-unsupported.tsv", 2)) {
            listed.put(row[0], row[1]);
        }
        List<String> problems = new ArrayList<>();
        REFUSED.forEach((path, reason) -> {
            String expected = listed.get(path);
            if (expected == null) {
                problems.add("refused but not listed: " + path + "\t" + reason);
            } else if (!expected.equals(reason)) {
                problems.add("refused for another reason than listed: " + path + "\n    listed: " + expected
                        + "\n    now:    " + reason);
            }
        });
        listed.forEach((path, reason) -> {
            if (LOADED.containsKey(path)) {
                problems.add("listed as refused but loads now (remove it from the list): " + path);
            } else if (!REFUSED.containsKey(path)) {
                problems.add("listed but no such rule file: " + path);
            }
        });
        assertThat(problems)
                .as("sigma-unsupported.tsv against the corpus (the current list is in %s)", REPORT)
                .isEmpty();
    }

    /**
     * Reports (in {@code target/sigma-corpus/unrouted-logsources.tsv}) the rules whose logsource no
     * source of the mapping produces: they load but see no event until their source is mapped.
     * Every Windows logsource the regression tests use must be routed.
     */
    @Test
    void reportsTheLogsourcesNoMappedSourceProduces() {
        assumeTrue(!LOADED.isEmpty(), "SigmaHQ rules not found (set SOCAAS_CORPUS): skipped");
        List<io.socaas.correlation.sigma.domain.Logsource> produced = new ArrayList<>();
        for (LogsourceMapping.Source source : LOGSOURCES.sources()) {
            produced.add(new io.socaas.correlation.sigma.domain.Logsource(source.product(), null, source.service()));
            source.categories()
                    .forEach(c -> produced.add(new io.socaas.correlation.sigma.domain.Logsource(
                            source.product(), c.category(), source.service())));
        }
        Map<String, Integer> unrouted = new TreeMap<>();
        int routed = 0;
        for (SigmaRule rule : LOADED.values()) {
            if (produced.stream().anyMatch(p -> rule.source().covers(p))) {
                routed++;
            } else {
                unrouted.merge(rule.source().toString(), 1, Integer::sum);
            }
        }
        writeTsv(
                REPORT.resolve("unrouted-logsources.tsv"),
                unrouted.entrySet().stream()
                        .map(e -> e.getKey() + "\t" + e.getValue())
                        .toList());
        System.out.printf(
                "logsource routing: %d rules have a mapped source, %d rules in %d logsources have none%n",
                routed, LOADED.size() - routed, unrouted.size());
        Path manifest = regression.resolve("manifest.jsonl");
        if (Files.isRegularFile(manifest)) {
            for (JsonNode test : SigmaCorpus.regressionTests(manifest)) {
                SigmaRule rule = LOADED.get(test.path("rule_path").asText());
                if (rule != null) {
                    assertThat(unrouted).doesNotContainKey(rule.source().toString());
                }
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRegressionTestMatchesAtLeastItsExpectedCount() {
        Path manifest = regression.resolve("manifest.jsonl");
        assumeTrue(
                Files.isRegularFile(manifest) && !LOADED.isEmpty(),
                "Sigma regression corpus not found at " + manifest + " (set SOCAAS_CORPUS): skipped");
        return SigmaCorpus.regressionTests(manifest).stream()
                .map(test -> DynamicTest.dynamicTest(
                        test.path("rule_title").asText() + " ["
                                + test.path("rule_id").asText() + "]",
                        () -> runRegression(test)));
    }

    private static void runRegression(JsonNode test) {
        String rulePath = test.path("rule_path").asText();
        SigmaRule rule = LOADED.get(rulePath);
        assertThat(rule)
                .as("rule %s of the regression test must load (refused: %s)", rulePath, REFUSED.get(rulePath))
                .isNotNull();
        TenantRuleSet only = new TenantRuleSet(CORPUS, List.of(deployed(rule, rulePath)));
        List<Map<String, Object>> events =
                SigmaCorpus.readEventStream(regression.resolve(test.path("json").asText()));
        long matches = events.stream().filter(e -> !fired(only, e).isEmpty()).count();
        int expected = test.path("expected_match_count").isNumber()
                ? test.path("expected_match_count").asInt()
                : 1;
        assertThat(matches)
                .as(
                        "matches of %s (logsource %s) over the %d events of %s",
                        rulePath,
                        rule.source(),
                        events.size(),
                        test.path("json").asText())
                .isGreaterThanOrEqualTo(expected);
        assertThat(rule.matches(SigmaEvent.of(Map.of())))
                .as("%s must not match an empty event", rulePath)
                .isFalse();
    }

    @Test
    void noRuleFiresOnAnotherRulesRegressionEventsUnlessAccepted() {
        Path manifest = regressionManifestOrSkip();
        TenantRuleSet everyRule = everyLoadedRule();
        Map<String, SigmaRule> byId = new LinkedHashMap<>();
        LOADED.values().forEach(r -> byId.putIfAbsent(r.id(), r));

        // (rule id, event file) -> the rule the file was recorded for
        Map<String, String> crossFires = new TreeMap<>();
        long started = System.nanoTime();
        int files = 0;
        long evaluated = 0;
        for (JsonNode test : SigmaCorpus.regressionTests(manifest)) {
            String file = test.path("json").asText();
            String owner = test.path("rule_id").asText();
            files++;
            for (Map<String, Object> event : SigmaCorpus.readEventStream(regression.resolve(file))) {
                evaluated++;
                for (DetectionRule rule : fired(everyRule, event)) {
                    if (!rule.sigma().id().equals(owner)) {
                        crossFires.put(rule.sigma().id() + "\t" + file, owner);
                    }
                }
            }
        }
        System.out.printf(
                "false-positive matrix: %d rules x %d regression files (%d events) in %d ms, %d cross-fires%n",
                everyRule.size(), files, evaluated, (System.nanoTime() - started) / 1_000_000, crossFires.size());

        Map<String, String> accepted = new TreeMap<>();
        for (String[] row : readTsv("/sigma-accepted-crossfires.tsv", 3)) {
            accepted.put(row[0] + "\t" + row[1], row[2]);
        }
        List<String> current = new ArrayList<>();
        crossFires.forEach((key, owner) -> {
            String ruleId = key.substring(0, key.indexOf('\t'));
            String reason = accepted.getOrDefault(
                    key, "TODO: '" + title(byId, ruleId) + "' fires on the events of '" + title(byId, owner) + "'");
            current.add(key + "\t" + reason);
        });
        writeTsv(REPORT.resolve("sigma-accepted-crossfires.actual.tsv"), current);

        List<String> problems = new ArrayList<>();
        crossFires.forEach((key, owner) -> {
            if (!accepted.containsKey(key)) {
                String ruleId = key.substring(0, key.indexOf('\t'));
                problems.add("'" + title(byId, ruleId) + "' (" + key.replace('\t', ' ') + ") fires on the events of '"
                        + title(byId, owner) + "'");
            }
        });
        accepted.forEach((key, reason) -> {
            if (!crossFires.containsKey(key)) {
                problems.add(
                        "accepted cross-fire no longer happens (remove it from the list): " + key.replace('\t', ' '));
            } else if (reason.isBlank() || reason.startsWith("TODO")) {
                problems.add("accepted cross-fire without a reason: " + key.replace('\t', ' '));
            }
        });
        assertThat(problems)
                .as("cross-fires against sigma-accepted-crossfires.tsv (the current list is in %s)", REPORT)
                .isEmpty();
    }

    /**
     * The literal index may only rule out rules that cannot match: over the regression events, the
     * evtx-attack-samples recordings and the OTRF Windows recordings, every loadable rule fires
     * through the index (as in production) on exactly the events it fires on when every rule of the
     * event's logsources is evaluated. The index must also leave most rules unevaluated.
     */
    @Test
    void indexedEvaluationFiresExactlyTheRulesThatEvaluatingEveryRuleFires() {
        Path manifest = regressionManifestOrSkip();
        TenantRuleSet everyRule = everyLoadedRule();

        Map<String, List<Map<String, Object>>> sets = new LinkedHashMap<>();
        List<Map<String, Object>> regressionEvents = new ArrayList<>();
        for (JsonNode test : SigmaCorpus.regressionTests(manifest)) {
            regressionEvents.addAll(SigmaCorpus.readEventStream(
                    regression.resolve(test.path("json").asText())));
        }
        sets.put("regression", regressionEvents);
        sets.put("evtx-attack-samples", parse(Corpus.attackSampleEvents(SigmaCorpus.corpus(), Integer.MAX_VALUE)));
        sets.put("otrf-windows", parse(Corpus.otrfEvents(SigmaCorpus.corpus(), "atomic/windows", 100)));

        List<String> differences = new ArrayList<>();
        long naiveCandidates = 0;
        long indexedCandidates = 0;
        long matches = 0;
        for (Map.Entry<String, List<Map<String, Object>>> set : sets.entrySet()) {
            int position = 0;
            for (Map<String, Object> raw : set.getValue()) {
                SigmaEvent event = SigmaEvent.of(raw);
                List<LogsourceMapping.Classified> sources = LOGSOURCES.classify(event);
                List<TenantRuleSet.Candidate> naive = everyRule.candidates(sources);
                List<TenantRuleSet.Candidate> indexed = everyRule.candidates(event, sources);
                naiveCandidates += naive.size();
                indexedCandidates += indexed.size();
                List<String> expected = ids(matching(naive, event));
                List<String> actual = ids(matching(indexed, event));
                matches += expected.size();
                if (!expected.equals(actual) && differences.size() < 20) {
                    differences.add(set.getKey() + " event " + position + ": every rule fires " + expected
                            + ", the index fires " + actual);
                }
                position++;
            }
        }
        System.out.printf(
                "indexed vs naive: %d rules, %s events, %d matches; %d rule evaluations naive, %d indexed%n",
                everyRule.size(),
                sets.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue().size())
                        .toList(),
                matches,
                naiveCandidates,
                indexedCandidates);
        assertThat(differences).isEmpty();
        assertThat(matches).isPositive();
        assertThat(indexedCandidates).isLessThan(naiveCandidates / 4);
    }

    private static List<Map<String, Object>> parse(List<String> lines) {
        List<Map<String, Object>> events = new ArrayList<>(lines.size());
        for (String line : lines) {
            try {
                events.add(EVENT_READER.readValue(line));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return events;
    }

    private static final com.fasterxml.jackson.databind.ObjectReader EVENT_READER =
            new com.fasterxml.jackson.databind.ObjectMapper().readerForMapOf(Object.class);

    private static List<DetectionRule> matching(List<TenantRuleSet.Candidate> candidates, SigmaEvent event) {
        List<DetectionRule> result = new ArrayList<>();
        for (TenantRuleSet.Candidate candidate : candidates) {
            if (candidate.rule().sigma().matches(event.withFieldMapping(candidate.fields()))) {
                result.add(candidate.rule());
            }
        }
        return result;
    }

    private static List<String> ids(List<DetectionRule> rules) {
        return rules.stream().map(DetectionRule::fileName).toList();
    }

    private static TenantRuleSet everyLoaded;

    /** Every loadable rule as one tenant's rules, compiled once for the tests that need them all. */
    private static synchronized TenantRuleSet everyLoadedRule() {
        if (everyLoaded == null) {
            List<DetectionRule> all = new ArrayList<>();
            LOADED.forEach((path, rule) -> all.add(deployed(rule, path)));
            everyLoaded = new TenantRuleSet(CORPUS, all);
        }
        return everyLoaded;
    }

    private static Path regressionManifestOrSkip() {
        Path manifest = regression.resolve("manifest.jsonl");
        assumeTrue(
                Files.isRegularFile(manifest) && !LOADED.isEmpty(),
                "Sigma regression corpus not found at " + manifest + " (set SOCAAS_CORPUS): skipped");
        return manifest;
    }

    /** The rules of the set that fire on the event, routed, indexed and field-mapped as in production. */
    private static List<DetectionRule> fired(TenantRuleSet rules, Map<String, Object> raw) {
        SigmaEvent event = SigmaEvent.of(raw);
        List<DetectionRule> result = new ArrayList<>();
        for (TenantRuleSet.Candidate candidate : rules.candidates(event, LOGSOURCES.classify(event))) {
            if (candidate.rule().sigma().matches(event.withFieldMapping(candidate.fields()))) {
                result.add(candidate.rule());
            }
        }
        return result;
    }

    private static DetectionRule deployed(SigmaRule rule, String path) {
        return new DetectionRule(rule, RulePack.unnamed("sigmahq"), path);
    }

    private static String title(Map<String, SigmaRule> byId, String id) {
        SigmaRule rule = byId.get(id);
        return rule == null ? id : rule.title();
    }

    /** Rows of a checked-in TSV test resource; {@code #} comments and blank lines skipped. */
    private static List<String[]> readTsv(String resource, int columns) {
        try (InputStream in = SigmaCorpusTest.class.getResourceAsStream(resource)) {
            Objects.requireNonNull(in, resource + " missing from the test resources");
            List<String[]> rows = new ArrayList<>();
            int lineNumber = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] row = line.split("\t", columns);
                if (row.length != columns) {
                    throw new IllegalStateException(
                            resource + ":" + lineNumber + ": expected " + columns + " tab-separated columns");
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeTsv(Path file, List<String> rows) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, new TreeSet<>(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
