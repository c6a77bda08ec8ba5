package io.socaas.cases.casefile.domain;

import java.util.List;
import java.util.Objects;

/**
 * The detection rule that opened a case. SigmaHQ rules are DRL 1.1 licensed, so the author (and
 * where known the reference and license) is kept with the case and shown wherever the case is.
 *
 * @param referenceUrl link to the rule's source, or {@code null} when unknown
 * @param license rule license (e.g. {@code DRL-1.1}), or {@code null} when unknown
 * @param tags the rule's tags (ATT&amp;CK tactics and techniques, logsource labels), lower case;
 *     auto-assignment matches them against analysts' skills
 */
public record RuleAttribution(
        String id, String title, String author, String referenceUrl, String license, List<String> tags) {

    /** A rule without tags. */
    public RuleAttribution(String id, String title, String author, String referenceUrl, String license) {
        this(id, title, author, referenceUrl, license, List.of());
    }

    public RuleAttribution {
        Objects.requireNonNull(id, "rule id");
        Objects.requireNonNull(title, "rule title");
        Objects.requireNonNull(author, "rule author");
        referenceUrl = blankToNull(referenceUrl);
        license = blankToNull(license);
        tags = tags == null
                ? List.of()
                : tags.stream()
                        .filter(t -> t != null && !t.isBlank())
                        .map(t -> t.strip().toLowerCase(java.util.Locale.ROOT))
                        .distinct()
                        .toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
