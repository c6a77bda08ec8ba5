package io.socaas.correlation.sigma.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.correlation.rules.domain.DetectionRule;
import io.socaas.correlation.rules.domain.RulePack;
import io.socaas.correlation.rules.domain.TenantRuleSet;
import io.socaas.correlation.sigma.domain.LogsourceMapping;
import io.socaas.correlation.sigma.domain.SigmaEvent;
import io.socaas.correlation.sigma.domain.SigmaRule;
import io.socaas.correlation.sigma.domain.SigmaRuleException;
import io.socaas.events.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Every loadable SigmaHQ Windows rule on real attack recordings (evtx-attack-samples of the
 * shared corpus), routed by logsource as in production: evaluation never throws, and the recordings
 * do trigger detections.
 */
class AttackSamplesCorpusTest {

    private static final int EVENT_LIMIT = 1500;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void windowsRulesEvaluateRealAttackEventsWithoutErrorsAndDetectSome() throws IOException {
        Path corpus = SigmaCorpus.corpus();
        Path samples = corpus.resolve("evtx-attack-samples-json/events");
        Path rulesDir = corpus.resolve("sigma/rules/windows");
        assumeTrue(
                Files.isDirectory(samples) && Files.isDirectory(rulesDir),
                "evtx-attack-samples or SigmaHQ rules not found under " + corpus.toAbsolutePath() + ": skipped");

        List<SigmaRule> rules = new ArrayList<>();
        try (Stream<Path> files = Files.walk(rulesDir)) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
                try {
                    rules.add(SigmaYamlReader.read(Files.readString(file)));
                } catch (SigmaRuleException e) {
                    // counted by SigmaRegressionCorpusTest; not this test's subject
                }
            }
        }
        List<Map<String, Object>> events = new ArrayList<>();
        try (Stream<Path> files = Files.walk(samples)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".ndjson.gz"))
                    .sorted()
                    .toList()) {
                if (events.size() >= EVENT_LIMIT) {
                    break;
                }
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
                        MappingIterator<Map<String, Object>> it =
                                JSON.readerForMapOf(Object.class).readValues(in)) {
                    while (it.hasNextValue() && events.size() < EVENT_LIMIT) {
                        events.add(it.nextValue());
                    }
                }
            }
        }

        TenantRuleSet routed = new TenantRuleSet(
                TenantId.of("corpus"),
                rules.stream()
                        .map(r -> new DetectionRule(r, RulePack.unnamed("sigmahq"), r.id()))
                        .toList());
        LogsourceMapping logsources = LogsourceMappingReader.shipped();
        long started = System.nanoTime();
        long matches = 0;
        long evaluations = 0;
        for (Map<String, Object> raw : events) {
            SigmaEvent event = SigmaEvent.of(raw);
            for (TenantRuleSet.Candidate candidate : routed.candidates(logsources.classify(event))) {
                evaluations++;
                if (candidate.rule().sigma().matches(event.withFieldMapping(candidate.fields()))) {
                    matches++;
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "evtx-attack-samples: %d rules x %d events routed by logsource: %d evaluations, %d matches,"
                        + " %.0f events/s%n",
                rules.size(), events.size(), evaluations, matches, events.size() / seconds);

        assertThat(rules).isNotEmpty();
        assertThat(events).hasSize(EVENT_LIMIT);
        assertThat(matches).isPositive().isLessThan((long) rules.size() * events.size() / 100);
    }
}
