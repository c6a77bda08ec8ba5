package io.socaas.correlation.rules.domain;

import java.util.Objects;

/**
 * A folder of Sigma rules under {@code tenant-config/rules/<id>/}, described by its optional
 * {@code pack.yaml}.
 *
 * @param license license of the pack's rules (e.g. {@code DRL-1.1}), empty when unknown
 * @param sourceUrlBase link to the upstream folder; a rule's link is this plus its file name
 */
public record RulePack(String id, String license, String sourceUrlBase) {

    public RulePack {
        Objects.requireNonNull(id, "id");
        license = license == null ? "" : license;
        sourceUrlBase = sourceUrlBase == null ? "" : sourceUrlBase;
    }

    /** A pack without metadata. */
    public static RulePack unnamed(String id) {
        return new RulePack(id, "", "");
    }

    /** Link to one of the pack's rule files, or empty when the pack has no source link. */
    public String referenceUrl(String fileName) {
        if (sourceUrlBase.isBlank()) {
            return "";
        }
        return sourceUrlBase.endsWith("/") ? sourceUrlBase + fileName : sourceUrlBase + "/" + fileName;
    }
}
