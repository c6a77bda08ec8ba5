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

    /** The rule's license: its own {@code license} field, else its pack's. */
    public String license() {
        return sigma.license().isEmpty() ? pack.license() : sigma.license();
    }

    /** The same deployment of another form of the rule (bound to a tenant's placeholders, filtered). */
    public DetectionRule withSigma(SigmaRule rule) {
        return rule == sigma ? this : new DetectionRule(rule, pack, fileName);
    }
}
