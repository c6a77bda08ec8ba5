package io.socaas.correlation.rules.contract;

import io.socaas.correlation.rules.domain.DetectionRule;
import io.socaas.correlation.sigma.domain.AttackTags;
import io.socaas.correlation.sigma.domain.Logsource;
import io.socaas.correlation.sigma.domain.SigmaLevel;
import io.socaas.proto.alerts.v1.Level;
import io.socaas.proto.alerts.v1.RuleLogsource;
import io.socaas.proto.alerts.v1.RuleRef;
import java.util.Objects;
import java.util.Optional;

/** A deployed rule as the contracts describe it ({@code socaas.alerts.v1.RuleRef}): alerts and rule lists. */
public final class RuleRefs {

    private RuleRefs() {}

    /**
     * Id, title, author, link, license, pack, tags with their ATT&CK split, the rule's own level and
     * its logsource.
     */
    public static RuleRef of(DetectionRule rule) {
        var sigma = rule.sigma();
        return RuleRef.newBuilder()
                .setId(sigma.id())
                .setTitle(sigma.title())
                .setAuthor(sigma.author())
                .setReferenceUrl(rule.referenceUrl())
                .setLicense(rule.license())
                .setRulePack(rule.pack().id())
                .setLevel(level(sigma.level()))
                .addAllTags(sigma.tags())
                .addAllAttackTactics(AttackTags.tactics(sigma.tags()))
                .addAllAttackTechniques(AttackTags.techniques(sigma.tags()))
                .setLogsource(logsource(sigma.source()))
                .build();
    }

    /** A logsource as the contracts carry it: a part the rule does not state is empty. */
    public static RuleLogsource logsource(Logsource source) {
        return RuleLogsource.newBuilder()
                .setProduct(Objects.requireNonNullElse(source.product(), ""))
                .setCategory(Objects.requireNonNullElse(source.category(), ""))
                .setService(Objects.requireNonNullElse(source.service(), ""))
                .build();
    }

    public static Level level(Optional<SigmaLevel> level) {
        return level.map(RuleRefs::level).orElse(Level.LEVEL_UNSPECIFIED);
    }

    public static Level level(SigmaLevel level) {
        return switch (level) {
            case INFORMATIONAL -> Level.LEVEL_INFORMATIONAL;
            case LOW -> Level.LEVEL_LOW;
            case MEDIUM -> Level.LEVEL_MEDIUM;
            case HIGH -> Level.LEVEL_HIGH;
            case CRITICAL -> Level.LEVEL_CRITICAL;
        };
    }
}
