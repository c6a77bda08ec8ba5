package io.socaas.correlation.sigma.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.correlation.detection.domain.EventAdmission;
import io.socaas.correlation.rules.domain.DetectionRule;
import io.socaas.correlation.rules.domain.RulePack;
import io.socaas.correlation.rules.domain.TenantRuleSet;
import io.socaas.correlation.sigma.domain.Logsource;
import io.socaas.correlation.sigma.domain.LogsourceMapping;
import io.socaas.correlation.sigma.domain.SigmaEvent;
import io.socaas.correlation.sigma.domain.SigmaRule;
import io.socaas.correlation.sigma.domain.SigmaRuleException;
import io.socaas.events.EventBatchParser;
import io.socaas.events.IngestIds;
import io.socaas.events.JsonEvent;
import io.socaas.events.StampedEvent;
import io.socaas.events.TenantId;
import io.socaas.events.ocsf.LogLine;
import io.socaas.events.ocsf.OcsfNormalizer;
import io.socaas.events.syslog.SyslogParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Events as ingestion normalizes them (event-model's {@link OcsfNormalizer} over a decoded line or a
 * JSON event, then {@link EventAdmission}, exactly the path of a record from {@code soc.events.v1}),
 * their Sigma logsources under the shipped mapping, and which of the shared corpus's SigmaHQ rules
 * fire on them, routed, indexed and field-mapped as in production: the support of the logsource
 * tests. The corpus's rules are read once; without the corpus ({@code SOCAAS_CORPUS}) {@link
 * #assumeCorpus} skips the test, saying so.
 */
final class IngestedEvents {

    static final ObjectMapper JSON = new ObjectMapper();
    static final LogsourceMapping LOGSOURCES = LogsourceMappingReader.shipped();
    static final OcsfNormalizer NORMALIZER = OcsfNormalizer.withShippedMappings();
    static final Instant RECEIVED = Instant.parse("2026-03-01T10:00:00Z");
    static final TenantId TENANT = TenantId.of("acme");

    static final Logsource WEBSERVER = new Logsource(null, "webserver", null);
    static final Logsource DNS = new Logsource(null, "dns", null);
    static final Logsource FIREWALL = new Logsource(null, "firewall", null);
    static final Logsource PROXY = new Logsource(null, "proxy", null);

    static final Path CORPUS = SigmaCorpus.corpus();
    /** Rule path (relative to sigma/) to the rule, for every loadable rule of the corpus. */
    static final Map<String, SigmaRule> RULES;

    private static final TenantRuleSet EVERY_RULE;

    static {
        Map<String, SigmaRule> rules = new TreeMap<>();
        List<DetectionRule> deployed = new ArrayList<>();
        Path sigma = CORPUS.resolve("sigma");
        if (Files.isDirectory(sigma.resolve("rules"))) {
            for (Path file : SigmaCorpus.ruleFiles(SigmaCorpus.ruleFolders(sigma))) {
                String path = sigma.relativize(file).toString().replace('\\', '/');
                try {
                    SigmaRule rule = SigmaYamlReader.read(Files.readString(file));
                    rules.put(path, rule);
                    deployed.add(new DetectionRule(rule, RulePack.unnamed("sigmahq"), path));
                } catch (SigmaRuleException refused) {
                    // listed in sigma-unsupported.tsv; SigmaCorpusTest holds that list
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        RULES = Collections.unmodifiableMap(rules);
        EVERY_RULE = new TenantRuleSet(TENANT, deployed);
    }

    private IngestedEvents() {}

    static void assumeCorpus() {
        assumeTrue(!RULES.isEmpty(), "SigmaHQ rules not found under " + CORPUS + " (set SOCAAS_CORPUS): skipped");
    }

    /** The id of the corpus rule at {@code path} (relative to sigma/). */
    static String id(String path) {
        SigmaRule rule = RULES.get(path);
        assertThat(rule).as("rule %s in the corpus", path).isNotNull();
        return rule.id();
    }

    /** A line as ingestion decodes and normalizes it and detection admits it. */
    static Map<String, Object> ingested(String line) {
        return admitted(NORMALIZER.normalize(LogLine.decode(line, RECEIVED, new SyslogParser()), context()));
    }

    /** A JSON event as the HTTP intake normalizes it and detection admits it. */
    static Map<String, Object> ingestedJson(String json) {
        return admitted(NORMALIZER.normalize(JsonEvent.parse(json), context()));
    }

    /**
     * A JSON body as the HTTP intake splits it into events (a batch, an Azure flow log record's
     * tuples), each normalized and admitted.
     */
    static List<Map<String, Object>> ingestedBatch(String body) {
        return new EventBatchParser()
                .parse(body.getBytes(StandardCharsets.UTF_8), EventBatchParser.Format.JSON).stream()
                        .map(event -> admitted(NORMALIZER.normalize(event, context())))
                        .toList();
    }

    /** A JSON event (a text that starts with '{') or a line, as ingestion takes either. */
    static Map<String, Object> ingestedAny(String raw) {
        return raw.startsWith("{") ? ingestedJson(raw) : ingested(raw);
    }

    /** Whether detection routes the event (a JSON event or a line) to Sigma's antivirus rules. */
    static boolean isAntivirus(String raw) {
        return logsources(ingestedAny(raw)).stream().anyMatch(l -> "antivirus".equals(l.category()));
    }

    /** The ids of the corpus's antivirus rules. */
    static Set<String> antivirusRules() {
        return RULES.values().stream()
                .filter(r -> "antivirus".equals(r.source().category()))
                .map(SigmaRule::id)
                .collect(Collectors.toSet());
    }

    static OcsfNormalizer.Context context() {
        return new OcsfNormalizer.Context(TENANT, IngestIds.next(), RECEIVED, "test source");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> admitted(StampedEvent record) {
        try {
            Map<String, Object> payload = JSON.readValue(record.event().toJsonBytes(), new TypeReference<>() {});
            EventAdmission.Outcome outcome = EventAdmission.admit(TENANT.value(), payload);
            assertThat(outcome).isInstanceOf(EventAdmission.Accepted.class);
            return (Map<String, Object>) ((EventAdmission.Accepted) outcome).event();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Logsource> logsources(Map<String, Object> event) {
        return LOGSOURCES.classify(SigmaEvent.of(event)).stream()
                .map(LogsourceMapping.Classified::logsource)
                .toList();
    }

    /** Every logsource the shipped mapping routes events to: each source's, and each of its categories'. */
    static List<Logsource> routedLogsources() {
        List<Logsource> produced = new ArrayList<>();
        for (LogsourceMapping.Source source : LOGSOURCES.sources()) {
            produced.add(new Logsource(source.product(), null, source.service()));
            source.categories()
                    .forEach(c -> produced.add(new Logsource(source.product(), c.category(), source.service())));
        }
        return produced;
    }

    /** Ids of the corpus rules that fire on the line, routed, indexed and field-mapped as in production. */
    static List<String> fired(String line) {
        return fired(ingested(line));
    }

    static List<String> firedJson(String json) {
        return fired(ingestedJson(json));
    }

    static List<String> fired(Map<String, Object> raw) {
        SigmaEvent event = SigmaEvent.of(raw);
        List<String> result = new ArrayList<>();
        for (TenantRuleSet.Candidate candidate : EVERY_RULE.candidates(event, LOGSOURCES.classify(event))) {
            if (candidate.rule().sigma().matches(event.withFieldMapping(candidate.fields()))) {
                result.add(candidate.rule().sigma().id());
            }
        }
        return result;
    }

    /** The raw lines of Wazuh's ruleset tests that the predicate accepts. */
    static List<String> wazuhLines(Predicate<String> which) {
        Path cases = CORPUS.resolve("wazuh-ruleset-tests/cases.jsonl");
        assumeTrue(Files.isRegularFile(cases), cases + " not found (set SOCAAS_CORPUS): skipped");
        return jsonLines(cases).stream()
                .map(c -> c.path("log").asText())
                .filter(which)
                .distinct()
                .toList();
    }

    static List<JsonNode> jsonLines(Path file) {
        try {
            List<JsonNode> result = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    result.add(JSON.readTree(line));
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids of the loaded rules that {@code which} selects. */
    static Set<String> rules(Predicate<SigmaRule> which) {
        return RULES.values().stream().filter(which).map(SigmaRule::id).collect(Collectors.toSet());
    }

    /** {@code value} as JSON text, for records written as maps. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
