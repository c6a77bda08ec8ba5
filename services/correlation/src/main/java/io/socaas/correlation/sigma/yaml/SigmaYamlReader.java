package io.socaas.correlation.sigma.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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

    /** The single YAML document of a rule or filter file. */
    static Map<String, Object> document(String yamlText) {
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
        if (documents.size() > 1) {
            throw SigmaRuleException.unsupported(
                    "files with several YAML documents (rule collections, correlation + base rules) are not supported");
        }
        return documents.getFirst();
    }
}
