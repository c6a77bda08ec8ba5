package io.socaas.correlation.detection.grpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.correlation.detection.domain.EventDetection;
import io.socaas.correlation.detection.opensearch.EventArchive;
import io.socaas.correlation.detection.opensearch.EventArchiveUnavailableException;
import io.socaas.correlation.rules.contract.RuleRefs;
import io.socaas.correlation.rules.domain.CompiledRules;
import io.socaas.correlation.rules.domain.DetectionRule;
import io.socaas.correlation.rules.domain.InvalidRuleException;
import io.socaas.correlation.rules.domain.RulePack;
import io.socaas.correlation.rules.domain.TenantRuleSet;
import io.socaas.correlation.rules.domain.UnknownTenantException;
import io.socaas.correlation.rules.tenantfacts.TenantRuleCatalog;
import io.socaas.correlation.sigma.domain.SigmaRule;
import io.socaas.correlation.sigma.yaml.SigmaRuleCheck;
import io.socaas.events.TenantId;
import io.socaas.proto.detection.v1.BacktestMatch;
import io.socaas.proto.detection.v1.BacktestRequest;
import io.socaas.proto.detection.v1.BacktestResponse;
import io.socaas.proto.detection.v1.EventVerdict;
import io.socaas.proto.detection.v1.ListRulesRequest;
import io.socaas.proto.detection.v1.ListRulesResponse;
import io.socaas.proto.detection.v1.ListedRule;
import io.socaas.proto.detection.v1.RulePackRules;
import io.socaas.proto.detection.v1.RuleProblem;
import io.socaas.proto.detection.v1.TestRuleRequest;
import io.socaas.proto.detection.v1.TestRuleResponse;
import io.socaas.proto.detection.v1.ValidateRuleRequest;
import io.socaas.proto.detection.v1.ValidateRuleResponse;
import io.socaas.tenantindices.TenantEventSearch;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opensearch.client.opensearch._types.OpenSearchException;

/**
 * Answers the DetectionService calls from the rule catalog, the detection engine and (Backtest) the
 * tenant's stored events.
 */
@ApplicationScoped
class DetectionRequests {

    /** Largest rule text accepted (SigmaHQ's largest rules are under 40 KiB). */
    static final int MAX_RULE_CHARS = 256 * 1024;

    /** Most sample events per TestRule call. */
    static final int MAX_EVENTS = 1_000;

    /** Longest Backtest window, in hours. */
    static final int MAX_BACKTEST_HOURS = 720;

    /** Matched events a Backtest answer shows. */
    static final int BACKTEST_SAMPLES = 20;

    private static final int BACKTEST_PAGE = 1_000;

    private final TenantRuleCatalog catalog;
    private final EventDetection detection;
    private final ObjectMapper json;
    private final EventArchive archive;
    private final long maxBacktestEvents;
    private final Clock clock;

    DetectionRequests(
            TenantRuleCatalog catalog,
            EventDetection detection,
            ObjectMapper json,
            EventArchive archive,
            @ConfigProperty(name = "socaas.correlation.backtest.max-events") long maxBacktestEvents) {
        this.catalog = catalog;
        this.detection = detection;
        this.json = json;
        this.archive = archive;
        this.maxBacktestEvents = maxBacktestEvents;
        this.clock = Clock.systemUTC();
    }

    ValidateRuleResponse validate(ValidateRuleRequest request) {
        SigmaRuleCheck.Result result = SigmaRuleCheck.check(ruleText(request.getRuleYaml()));
        ValidateRuleResponse.Builder response =
                ValidateRuleResponse.newBuilder().setValid(result.valid());
        result.rule().ifPresent(rule -> response.setRuleId(rule.id()));
        result.problems()
                .forEach(p -> response.addProblems(RuleProblem.newBuilder()
                        .setLine(p.line())
                        .setColumn(p.column())
                        .setMessage(p.message())
                        .setUnsupported(p.unsupported())));
        return response.build();
    }

    TestRuleResponse test(TestRuleRequest request) {
        SigmaRule rule = loadedRule(request.getRuleYaml());
        if (request.getEventsJsonCount() > MAX_EVENTS) {
            throw new InvalidRuleException("at most " + MAX_EVENTS + " sample events per call");
        }
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < request.getEventsJsonCount(); i++) {
            events.add(event(i, request.getEventsJson(i)));
        }
        List<EventDetection.Trial> trials = detection.trial(rule, events);
        TestRuleResponse.Builder response = TestRuleResponse.newBuilder();
        for (int i = 0; i < trials.size(); i++) {
            EventDetection.Trial trial = trials.get(i);
            response.addEvents(EventVerdict.newBuilder()
                    .setIndex(i)
                    .setMatched(trial.matched())
                    .addAllMatchedSelections(trial.selections())
                    .setLogsourceMatched(trial.logsourceMatched())
                    .setError(trial.error()));
        }
        return response.build();
    }

    ListRulesResponse list(ListRulesRequest request) {
        String id = request.getTenantId();
        TenantRuleSet rules = knownTenant(id);
        Map<String, RulePackRules.Builder> packs = new LinkedHashMap<>();
        // every enabled pack, also one whose rules the tenant all turned off
        for (CompiledRules pack : rules.compiledPacks()) {
            if (!pack.rules().isEmpty()) {
                packBuilder(packs, pack.rules().getFirst().pack());
            }
        }
        for (DetectionRule rule : rules.rules()) {
            packBuilder(packs, rule.pack())
                    .addRules(ListedRule.newBuilder()
                            .setRule(RuleRefs.of(rule))
                            .setEffectiveLevel(RuleRefs.level(rule.level()))
                            .setExceptionCount(rule.tuning().exceptions().size()));
        }
        ListRulesResponse.Builder response = ListRulesResponse.newBuilder().setTenantId(id);
        packs.values().forEach(response::addPacks);
        return response.build();
    }

    /**
     * Runs the rule over the tenant's stored events of the last {@code hours}, page by page, as
     * {@link #test} runs it over samples; counts, keeps a few matches, alerts nothing.
     */
    BacktestResponse backtest(BacktestRequest request) {
        String id = request.getTenantId();
        knownTenant(id);
        SigmaRule rule = loadedRule(request.getRuleYaml());
        if (request.getHours() < 1 || request.getHours() > MAX_BACKTEST_HOURS) {
            throw new InvalidRuleException("hours must be between 1 and " + MAX_BACKTEST_HOURS);
        }
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofHours(request.getHours()));
        BacktestResponse.Builder response = BacktestResponse.newBuilder()
                .setTenantId(id)
                .setRuleId(rule.id())
                .setFromTimeMs(from.toEpochMilli())
                .setToTimeMs(to.toEpochMilli());
        long[] counts = new long[3]; // logsource, matched, failed
        TenantEventSearch.ScanSummary summary;
        try {
            summary = archive.search().scan(TenantId.of(id), from, to, BACKTEST_PAGE, maxBacktestEvents, page -> {
                List<Map<String, Object>> events = new ArrayList<>(page.size());
                for (TenantEventSearch.FoundEvent found : page) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> map = json.convertValue(found.event(), Map.class);
                    events.add(map);
                }
                List<EventDetection.Trial> trials = detection.trial(rule, events);
                for (int i = 0; i < trials.size(); i++) {
                    EventDetection.Trial trial = trials.get(i);
                    counts[0] += trial.logsourceMatched() ? 1 : 0;
                    counts[2] += trial.error().isEmpty() ? 0 : 1;
                    if (trial.matched()) {
                        counts[1]++;
                        if (response.getSamplesCount() < BACKTEST_SAMPLES) {
                            TenantEventSearch.FoundEvent found = page.get(i);
                            response.addSamples(BacktestMatch.newBuilder()
                                    .setIngestId(found.id())
                                    .setTimeMs(found.event().path("time").asLong(0))
                                    .addAllMatchedSelections(trial.selections()));
                        }
                    }
                }
            });
        } catch (IOException | OpenSearchException e) {
            throw new EventArchiveUnavailableException(
                    "the stored events at " + archive.url() + " cannot be read now: " + e.getMessage(), e);
        }
        return response.setEventsScanned(summary.scanned())
                .setLogsourceEvents(counts[0])
                .setEventsMatched(counts[1])
                .setEventsFailed(counts[2])
                .setTruncated(summary.truncated())
                .build();
    }

    private TenantRuleSet knownTenant(String id) {
        if (!TenantId.isValid(id)) {
            throw new UnknownTenantException(id);
        }
        return catalog.current().find(TenantId.of(id)).orElseThrow(() -> new UnknownTenantException(id));
    }

    private static SigmaRule loadedRule(String yaml) {
        SigmaRuleCheck.Result checked = SigmaRuleCheck.check(ruleText(yaml));
        if (!checked.valid()) {
            SigmaRuleCheck.Problem p = checked.problems().getFirst();
            throw new InvalidRuleException(
                    "rule does not load: line " + p.line() + ", column " + p.column() + ": " + p.message());
        }
        return checked.rule().orElseThrow();
    }

    private static RulePackRules.Builder packBuilder(Map<String, RulePackRules.Builder> packs, RulePack pack) {
        return packs.computeIfAbsent(
                pack.id(), p -> RulePackRules.newBuilder().setPackId(pack.id()).setLicense(pack.license()));
    }

    private static String ruleText(String yaml) {
        if (yaml.isBlank()) {
            throw new InvalidRuleException("rule_yaml is empty");
        }
        if (yaml.length() > MAX_RULE_CHARS) {
            throw new InvalidRuleException("rule_yaml is longer than " + MAX_RULE_CHARS + " characters");
        }
        return yaml;
    }

    private Map<String, Object> event(int index, String text) {
        try {
            if (json.readTree(text) instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = json.convertValue(object, Map.class);
                return map;
            }
        } catch (JsonProcessingException e) {
            throw new InvalidRuleException("events_json[" + index + "] is not JSON: " + e.getOriginalMessage());
        }
        throw new InvalidRuleException("events_json[" + index + "] is not a JSON object");
    }
}
