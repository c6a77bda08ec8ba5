package io.socaas.tenants.usage.kafka;

import com.google.protobuf.InvalidProtocolBufferException;
import io.socaas.events.TenantId;
import io.socaas.kafkarecords.TenantWall;
import io.socaas.proto.usage.v1.UsageRecord;
import io.socaas.tenants.usage.domain.MeteredMinute;
import java.time.Instant;

/**
 * Turns a {@code soc.usage.v1} record into a {@link MeteredMinute}, or says why it cannot be
 * counted: the payload must parse, pass the platform's tenant wall ({@link TenantWall#USAGE}: the
 * {@code tenant} header, the key {@code <tenant>} and the payload's tenant agree) and its usage id
 * match its fields.
 */
final class UsageRecordDecoder {

    sealed interface Decoded {}

    record Accepted(MeteredMinute minute) implements Decoded {}

    /** @param breach what the tenant wall found, when that is the reason; {@code null} otherwise */
    record Rejected(String reason, String detail, TenantWall.Breach breach) implements Decoded {
        Rejected(String reason, String detail) {
            this(reason, detail, null);
        }

        static Rejected by(TenantWall.Breach breach) {
            return new Rejected(breach.reason(), breach.detail(), breach);
        }
    }

    private UsageRecordDecoder() {}

    static Decoded decode(String key, String tenantHeader, byte[] payload) {
        UsageRecord record;
        String unreadable;
        try {
            record = payload == null ? null : UsageRecord.parseFrom(payload);
            unreadable = payload == null ? "no payload" : null;
        } catch (InvalidProtocolBufferException e) {
            record = null;
            unreadable = "not a socaas.usage.v1.UsageRecord: " + e.getMessage();
        }
        if (record == null) {
            // a record without tenant is stopped by the wall whatever its value
            return TenantWall.USAGE
                    .check(tenantHeader, key, null)
                    .filter(breach -> breach.reason().equals(TenantWall.MISSING_TENANT))
                    .<Decoded>map(Rejected::by)
                    .orElse(new Rejected("malformed-record", unreadable));
        }
        String tenant = record.getTenantId();
        var breach = TenantWall.USAGE.check(tenantHeader, key, tenant);
        if (breach.isPresent()) {
            return Rejected.by(breach.get());
        }
        if (!TenantId.isValid(tenant)) {
            return new Rejected("malformed-record", "tenant id '" + tenant + "' is not valid");
        }
        MeteredMinute minute = new MeteredMinute(
                record.getUsageId(),
                TenantId.of(tenant),
                record.getInstance(),
                Instant.ofEpochMilli(record.getMinuteStartMs()),
                record.getEventsAccepted(),
                record.getRawBytes(),
                record.getEventsRefusedQuota());
        String defect = minute.defect();
        return defect == null ? new Accepted(minute) : new Rejected("malformed-record", defect);
    }
}
