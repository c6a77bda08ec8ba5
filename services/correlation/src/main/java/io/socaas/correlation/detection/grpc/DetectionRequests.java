package io.socaas.correlation.detection.grpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.correlation.detection.domain.EventDetection;
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
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Answers the DetectionService calls from the rule catalog and the detection engine. */
@ApplicationScoped
class DetectionRequests {

    /** Largest rule text accepted (SigmaHQ's largest rules are under 40 KiB). */
    static final int MAX_RULE_CHARS = 256 * 1024;

    /** Most sample events per TestRule call. */
    static final int MAX_EVENTS = 1_000;

    private final TenantRuleCatalog catalog;
    private final EventDetection detection;
    private final ObjectMapper json;

    DetectionRequests(TenantRuleCatalog catalog, EventDetection detection, ObjectMapper json) {
        this.catalog = catalog;
        this.detection = detection;
        this.json = json;
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
        SigmaRuleCheck.Result checked = SigmaRuleCheck.check(ruleText(request.getRuleYaml()));
        if (!checked.valid()) {
            SigmaRuleCheck.Problem p = checked.problems().getFirst();
            throw new InvalidRuleException(
                    "rule does not load: line " + p.line() + ", column " + p.column() + ": " + p.message());
        }
        SigmaRule rule = checked.rule().orElseThrow();
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
        if (!TenantId.isValid(id)) {
            throw new UnknownTenantException(id);
        }
        TenantId tenant = TenantId.of(id);
        TenantRuleSet rules = catalog.current().find(tenant).orElseThrow(() -> new UnknownTenantException(id));
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
