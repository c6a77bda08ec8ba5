package io.socaas.correlation.sigma.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded single-event Sigma rule: its metadata and its compiled detection.
 *
 * @param level the rule's level, empty when the rule states none
 */
public record SigmaRule(
        String id,
        String title,
        String author,
        String description,
        String status,
        Optional<SigmaLevel> level,
        List<String> tags,
        List<String> references,
        Map<String, String> logsource,
        Matcher detection) {

    public SigmaRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detection, "detection");
        author = author == null ? "" : author;
        description = description == null ? "" : description;
        status = status == null ? "" : status;
        tags = List.copyOf(tags);
        references = List.copyOf(references);
        logsource = Map.copyOf(logsource);
    }

    /** True when the event satisfies the rule's detection. */
    public boolean matches(SigmaEvent event) {
        return detection.matches(event);
    }
}
