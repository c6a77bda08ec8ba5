package io.socaas.correlation.rules.domain;

import io.socaas.correlation.sigma.domain.CorrelationRule;
import io.socaas.correlation.sigma.domain.SigmaLevel;
import java.util.Objects;
import java.util.Optional;

/**
 * A Sigma correlation rule as deployed: the rule (its references resolved to rule ids of its pack),
 * the pack and file it came from, and the tenant's severity override ({@code level}).
 *
 * @param alerts whether it raises alerts: false when other correlation rules refer to it without
 *     {@code generate: true} (a link of a chain)
 */
public record DeployedCorrelation(
        CorrelationRule rule, RulePack pack, String fileName, Optional<SigmaLevel> severity, boolean alerts) {

    public DeployedCorrelation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(severity, "severity");
    }

    public DeployedCorrelation(CorrelationRule rule, RulePack pack, String fileName) {
        this(rule, pack, fileName, Optional.empty(), true);
    }

    public String id() {
        return rule.id();
    }

    /** The level its alerts carry: the tenant's severity override, else the rule's level. */
    public Optional<SigmaLevel> level() {
        return severity.isPresent() ? severity : rule.level();
    }

    public String referenceUrl() {
        return pack.referenceUrl(fileName);
    }

    public DeployedCorrelation withSeverity(Optional<SigmaLevel> override) {
        return override.equals(severity) ? this : new DeployedCorrelation(rule, pack, fileName, override, alerts);
    }

    public DeployedCorrelation withAlerting(boolean raisesAlerts) {
        return raisesAlerts == alerts ? this : new DeployedCorrelation(rule, pack, fileName, severity, raisesAlerts);
    }
}
