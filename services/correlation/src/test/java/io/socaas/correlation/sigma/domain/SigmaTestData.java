package io.socaas.correlation.sigma.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.correlation.sigma.yaml.SigmaYamlReader;
import java.util.Map;

/** Builders for rules and events in engine tests. */
final class SigmaTestData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SigmaTestData() {}

    /** A rule with the given {@code detection} body (indented YAML lines, without the key). */
    static SigmaRule ruleWithDetection(String detectionYaml) {
        String indented = detectionYaml.stripIndent().lines().map(l -> "  " + l).reduce("", (a, b) -> a + b + "\n");
        return SigmaYamlReader.read("""
                title: Test rule
                id: 00000000-0000-0000-0000-000000000001
                author: Tester
                level: high
                logsource:
                  product: windows
                detection:
                """ + indented);
    }

    /** An event from JSON text. */
    static SigmaEvent event(String json) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = JSON.readValue(json, Map.class);
            return SigmaEvent.of(map);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
