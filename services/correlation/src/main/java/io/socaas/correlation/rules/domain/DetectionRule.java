package io.socaas.correlation.rules.domain;

import io.socaas.correlation.sigma.domain.SigmaLevel;
import io.socaas.correlation.sigma.domain.SigmaRule;
import java.util.Objects;
import java.util.Optional;

/**
 * A Sigma rule as deployed: the rule, the pack it came from and its file name, and the tuning of
 * the tenant running it ({@link RuleTuning#NONE} for the pack's shared form).
 *
 * @param alerts whether a match raises an alert of its own: false for a rule that correlation
 *     rules refer to without {@code generate: true} (its matches only feed them)
 */
public record DetectionRule(SigmaRule sigma, RulePack pack, String fileName, RuleTuning tuning, boolean alerts) {

    public DetectionRule {
        Objects.requireNonNull(sigma, "sigma");
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(tuning, "tuning");
    }

    /** A rule that raises its own alerts. */
    public DetectionRule(SigmaRule sigma, RulePack pack, String fileName, RuleTuning tuning) {
        this(sigma, pack, fileName, tuning, true);
    }

    /** The rule as its pack deploys it, untuned. */
    public DetectionRule(SigmaRule sigma, RulePack pack, String fileName) {
        this(sigma, pack, fileName, RuleTuning.NONE);
    }

    /** The level alerts of this rule carry: the tenant's severity override, else the rule's level. */
    public Optional<SigmaLevel> level() {
        return tuning.severity().isPresent() ? tuning.severity() : sigma.level();
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
        return rule == sigma ? this : new DetectionRule(rule, pack, fileName, tuning, alerts);
    }

    /** The same deployment with a tenant's tuning. */
    public DetectionRule withTuning(RuleTuning tenantTuning) {
        return tenantTuning.equals(tuning) ? this : new DetectionRule(sigma, pack, fileName, tenantTuning, alerts);
    }

    /** The same deployment, raising alerts of its own or not ({@code generate}). */
    public DetectionRule withAlerts(boolean raisesAlerts) {
        return raisesAlerts == alerts ? this : new DetectionRule(sigma, pack, fileName, tuning, raisesAlerts);
    }
}
