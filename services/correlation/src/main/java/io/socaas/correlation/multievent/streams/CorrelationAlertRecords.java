package io.socaas.correlation.multievent.streams;

import io.socaas.correlation.multievent.domain.CorrelationAlert;
import io.socaas.correlation.rules.contract.RuleRefs;
import io.socaas.correlation.rules.domain.DeployedCorrelation;
import io.socaas.correlation.sigma.domain.AttackTags;
import io.socaas.proto.alerts.v1.Alert;
import io.socaas.proto.alerts.v1.RuleRef;

/** A correlation alert as the {@code socaas.alerts.v1.Alert} contract. */
final class CorrelationAlertRecords {

    private CorrelationAlertRecords() {}

    static Alert toProto(CorrelationAlert alert) {
        DeployedCorrelation correlation = alert.correlation();
        var rule = correlation.rule();
        return Alert.newBuilder()
                .setAlertId(alert.alertId())
                .setTenantId(alert.tenant().value())
                .setRule(RuleRef.newBuilder()
                        .setId(rule.id())
                        .setTitle(rule.title())
                        .setAuthor(rule.author())
                        .setReferenceUrl(correlation.referenceUrl())
                        .setLicense(correlation.pack().license())
                        .setRulePack(correlation.pack().id())
                        .setLevel(RuleRefs.level(rule.level()))
                        .addAllTags(rule.tags())
                        .addAllAttackTactics(AttackTags.tactics(rule.tags()))
                        .addAllAttackTechniques(AttackTags.techniques(rule.tags())))
                .setLevel(RuleRefs.level(alert.level()))
                .addAllEventIngestIds(alert.eventIngestIds())
                .setEventTime(alert.eventTime())
                .setDetectedTime(alert.detectedTime())
                .setSummary(alert.summary())
                .setDedupKey(alert.dedupKey())
                .build();
    }
}
