package io.socaas.tenants.usage.kafka;

import com.google.protobuf.InvalidProtocolBufferException;
import io.socaas.events.TenantId;
import io.socaas.proto.usage.v1.UsageRecord;
import io.socaas.tenants.usage.domain.MeteredMinute;
import java.time.Instant;

/**
 * Turns a {@code soc.usage.v1} record into a {@link MeteredMinute}, or says why it cannot be
 * counted: the {@code tenant} header and the payload's tenant must agree (and the key, {@code
 * <tenant>}, with them), the payload must parse and its usage id match its fields.
 */
final class UsageRecordDecoder {

    sealed interface Decoded {}

    record Accepted(MeteredMinute minute) implements Decoded {}

    record Rejected(String reason, String detail) implements Decoded {}

    private UsageRecordDecoder() {}

    static Decoded decode(String key, String tenantHeader, byte[] payload) {
        if (payload == null) {
            return new Rejected("malformed-record", "no payload");
        }
        UsageRecord record;
        try {
            record = UsageRecord.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            return new Rejected("malformed-record", "not a socaas.usage.v1.UsageRecord: " + e.getMessage());
        }
        String tenant = record.getTenantId();
        if (tenantHeader == null) {
            return new Rejected("tenant-mismatch", "no tenant header (payload tenant '" + tenant + "')");
        }
        if (!tenantHeader.equals(tenant)) {
            return new Rejected(
                    "tenant-mismatch", "tenant header '" + tenantHeader + "' but payload tenant '" + tenant + "'");
        }
        if (key != null && !key.equals(tenant)) {
            return new Rejected("tenant-mismatch", "key '" + key + "' but payload tenant '" + tenant + "'");
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
