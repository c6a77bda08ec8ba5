package io.socaas.correlation.rules.contract;

import io.socaas.correlation.rules.domain.DetectionRule;
import io.socaas.correlation.sigma.domain.AttackTags;
import io.socaas.correlation.sigma.domain.SigmaLevel;
import io.socaas.proto.alerts.v1.Level;
import io.socaas.proto.alerts.v1.RuleRef;
import java.util.Optional;

/** A deployed rule as the contracts describe it ({@code socaas.alerts.v1.RuleRef}): alerts and rule lists. */
public final class RuleRefs {

    private RuleRefs() {}

    /** Id, title, author, link, license, pack, tags with their ATT&CK split, and the rule's own level. */
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
