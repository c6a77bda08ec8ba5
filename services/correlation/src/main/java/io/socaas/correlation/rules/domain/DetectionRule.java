package io.socaas.correlation.rules.domain;

import io.socaas.correlation.sigma.domain.SigmaRule;
import java.util.Objects;

/** A Sigma rule as deployed: the rule, the pack it came from and its file name. */
public record DetectionRule(SigmaRule sigma, RulePack pack, String fileName) {

    public DetectionRule {
        Objects.requireNonNull(sigma, "sigma");
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(fileName, "fileName");
    }

    /** Link to the rule's source (required by the DRL for SigmaHQ rules), or empty. */
    public String referenceUrl() {
        return pack.referenceUrl(fileName);
    }
}
