package io.socaas.reporting.portal.domain;

import java.util.Objects;

/**
 * A Sigma rule as its pack ships it.
 *
 * @param packId the pack (folder under {@code tenant-config/rules/}) the file belongs to
 * @param ruleId the rule's id (Sigma uses UUIDs)
 * @param text the rule file, verbatim: author, references and license included, as the Detection
 *     Rule License asks
 */
public record RuleFile(String packId, String ruleId, String text) {

    public RuleFile {
        Objects.requireNonNull(packId, "packId");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(text, "text");
    }
}
