package io.socaas.correlation.multievent.streams;

import com.google.protobuf.InvalidProtocolBufferException;
import io.socaas.correlation.multievent.domain.RuleMatch;
import io.socaas.events.TenantId;
import io.socaas.proto.detection.v1.RuleMatch.Builder;

/** {@link RuleMatch} as the {@code socaas.detection.v1.RuleMatch} contract of {@code soc.rule-matches.v1}. */
public final class RuleMatchRecords {

    /** CloudEvents type of a rule match record. */
    public static final String TYPE_RULE_MATCHED = "socaas.rule.matched.v1";

    private RuleMatchRecords() {}

    public static byte[] toBytes(RuleMatch match) {
        Builder builder = io.socaas.proto.detection.v1.RuleMatch.newBuilder()
                .setTenantId(match.tenant().value())
                .setRuleId(match.ruleId())
                .setTimeMs(match.timeMs())
                .addAllIngestIds(match.ingestIds())
                .putAllFields(match.fields());
        return builder.build().toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not a rule match of a valid tenant */
    public static RuleMatch fromBytes(byte[] bytes) {
        try {
            var proto = io.socaas.proto.detection.v1.RuleMatch.parseFrom(bytes);
            return new RuleMatch(
                    TenantId.of(proto.getTenantId()),
                    proto.getRuleId(),
                    proto.getTimeMs(),
                    proto.getIngestIdsList(),
                    proto.getFieldsMap());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not a RuleMatch: " + e.getMessage(), e);
        }
    }
}
