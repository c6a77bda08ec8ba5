package io.socaas.correlation.sigma.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.socaas.correlation.sigma.domain.SigmaRule;
import io.socaas.correlation.sigma.domain.SigmaRuleException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the YAML text of one Sigma rule as the rule packs are loaded, and places each problem at a
 * line and column of the text: where the YAML parser stopped, else at the key the problem names
 * (a search identifier, a field with its modifiers, {@code condition}, {@code level}, ...), else at
 * the start of the rule.
 */
public final class SigmaRuleCheck {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");
    private static final List<String> TOP_LEVEL_WORDS =
            List.of("condition", "timeframe", "level", "logsource", "detection");

    /** One problem of a rule, 1-based line and column. */
    public record Problem(int line, int column, String message, boolean unsupported) {}

    /** The rule when it loads, else the problems that keep it from loading. */
    public record Result(Optional<SigmaRule> rule, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return rule.isPresent();
        }
    }

    private SigmaRuleCheck() {}

    /** Loads the rule as a rule pack file would be loaded, placing a refusal in the text. */
    public static Result check(String yamlText) {
        try {
            return new Result(Optional.of(SigmaYamlReader.read(yamlText)), List.of());
        } catch (SigmaRuleException e) {
            return new Result(Optional.empty(), List.of(locate(yamlText, e)));
        } catch (RuntimeException e) {
            // the loader refuses any rule it cannot read; say so rather than fail the call
            return new Result(Optional.empty(), List.of(new Problem(1, 1, "rule cannot be read: " + e, false)));
        }
    }

    private static Problem locate(String yamlText, SigmaRuleException e) {
        if (e.getCause() instanceof JsonProcessingException yaml && yaml.getLocation() != null) {
            JsonLocation at = yaml.getLocation();
            return new Problem(
                    Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()), e.getMessage(), e.isUnsupported());
        }
        Map<String, JsonLocation> keys = keyLocations(yamlText);
        JsonLocation at = keyNamedIn(e.getMessage(), keys);
        return at == null
                ? new Problem(1, 1, e.getMessage(), e.isUnsupported())
                : new Problem(at.getLineNr(), at.getColumnNr(), e.getMessage(), e.isUnsupported());
    }

    /**
     * The key the message names: of the keys quoted in the message, the one whose path names the
     * most of them (so {@code 'CommandLine|re' in 'selection'} finds that key under that
     * identifier), else a top-level key the message mentions.
     */
    private static JsonLocation keyNamedIn(String message, Map<String, JsonLocation> keys) {
        List<String> quoted = new ArrayList<>();
        Matcher m = QUOTED.matcher(message == null ? "" : message);
        while (m.find()) {
            quoted.add(m.group(1));
        }
        String best = null;
        int bestScore = 0;
        for (String path : keys.keySet()) {
            List<String> segments = List.of(path.split("\u0000"));
            String last = segments.getLast();
            if (!quoted.contains(last)) {
                continue;
            }
            int score = (int) quoted.stream().filter(segments::contains).count() * 100 + segments.size();
            if (score > bestScore) {
                best = path;
                bestScore = score;
            }
        }
        if (best != null) {
            return keys.get(best);
        }
        for (String word : TOP_LEVEL_WORDS) {
            if (message != null && message.contains(word)) {
                JsonLocation at = keys.get(word);
                if (at == null) {
                    at = keys.get("detection\u0000" + word);
                }
                if (at != null) {
                    return at;
                }
            }
        }
        return null;
    }

    /** Where each mapping key of the text is, by its path of keys (list positions left out). */
    static Map<String, JsonLocation> keyLocations(String yamlText) {
        Map<String, JsonLocation> keys = new LinkedHashMap<>();
        // open mappings and lists, innermost last; a mapping's entry is the key whose value is read
        List<String[]> open = new ArrayList<>();
        try (JsonParser parser = YAML.createParser(yamlText)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                switch (token) {
                    case FIELD_NAME -> {
                        open.getLast()[0] = parser.currentName();
                        List<String> path = new ArrayList<>();
                        for (String[] frame : open) {
                            if (frame[0] != null) {
                                path.add(frame[0]);
                            }
                        }
                        keys.putIfAbsent(String.join("\u0000", path), parser.currentTokenLocation());
                    }
                    case START_OBJECT, START_ARRAY -> open.add(new String[1]);
                    case END_OBJECT, END_ARRAY -> open.removeLast();
                    default -> {}
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // the keys read so far
        }
        return keys;
    }
}
