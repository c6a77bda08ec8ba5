package io.socaas.correlation.sigma.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.socaas.correlation.sigma.domain.CorrelationRule;
import io.socaas.correlation.sigma.domain.CorrelationRuleParser;
import io.socaas.correlation.sigma.domain.SigmaFilter;
import io.socaas.correlation.sigma.domain.SigmaRule;
import io.socaas.correlation.sigma.domain.SigmaRuleException;
import io.socaas.correlation.sigma.domain.SigmaRuleParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the YAML text of one Sigma rule and hands its values to the framework-free parser. */
public final class SigmaYamlReader {

    private static final ObjectMapper YAML = new YAMLMapper();

    private SigmaYamlReader() {}

    /**
     * Parses one rule file.
     *
     * @throws SigmaRuleException when the YAML is malformed, holds several documents, or the rule is
     *     invalid or unsupported
     */
    public static SigmaRule read(String yamlText) {
        return SigmaRuleParser.parse(document(yamlText));
    }

    /**
     * Parses one Sigma filter document (global or a tenant's).
     *
     * @throws SigmaRuleException when the YAML is malformed or not a valid filter
     */
    public static SigmaFilter readFilter(String yamlText) {
        return SigmaRuleParser.parseFilter(document(yamlText));
    }

    /**
     * The rules of one rule file: a single rule, or several YAML documents (a correlation rule with
     * the rules it refers to, specification 2.1). Documents of correlation rules become
     * {@link CorrelationRule}s; their references are resolved by the pack ({@code name} or
     * {@code id}).
     *
     * @throws SigmaRuleException when the YAML is malformed, or one of its documents is invalid or
     *     unsupported (the message names the document by position when there are several)
     */
    public static RuleFile readFile(String yamlText) {
        List<Map<String, Object>> documents = documents(yamlText);
        List<SigmaRule> rules = new ArrayList<>();
        List<CorrelationRule> correlations = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            Map<String, Object> doc = documents.get(i);
            try {
                if (CorrelationRuleParser.isCorrelation(doc)) {
                    correlations.add(CorrelationRuleParser.parse(doc));
                } else {
                    rules.add(SigmaRuleParser.parse(doc));
                }
            } catch (SigmaRuleException e) {
                if (documents.size() == 1) {
                    throw e;
                }
                String message = "document " + (i + 1) + " of " + documents.size() + ": " + e.getMessage();
                throw e.isUnsupported() ? SigmaRuleException.unsupported(message) : SigmaRuleException.invalid(message);
            }
        }
        return new RuleFile(rules, correlations);
    }

    /** What one rule file holds: single-event rules and correlation rules, in file order. */
    public record RuleFile(List<SigmaRule> rules, List<CorrelationRule> correlations) {
        public RuleFile {
            rules = List.copyOf(rules);
            correlations = List.copyOf(correlations);
        }
    }

    /** The single YAML document of a rule or filter file. */
    static Map<String, Object> document(String yamlText) {
        List<Map<String, Object>> documents = documents(yamlText);
        if (documents.size() > 1) {
            throw SigmaRuleException.unsupported(
                    "files with several YAML documents (rule collections, correlation + base rules) are not supported"
                            + " here; rule packs read them");
        }
        return documents.getFirst();
    }

    private static List<Map<String, Object>> documents(String yamlText) {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (MappingIterator<Object> docs = YAML.readerFor(Object.class).readValues(yamlText)) {
            while (docs.hasNextValue()) {
                Object doc = docs.nextValue();
                if (doc == null) {
                    continue;
                }
                if (!(doc instanceof Map<?, ?> map)) {
                    throw SigmaRuleException.invalid("a Sigma rule must be a YAML mapping");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) map;
                documents.add(typed);
            }
        } catch (JsonProcessingException e) {
            throw SigmaRuleException.invalid("malformed YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw SigmaRuleException.invalid("unreadable YAML: " + e.getMessage(), e);
        }
        if (documents.isEmpty()) {
            throw SigmaRuleException.invalid("empty rule file");
        }
        return documents;
    }
}
