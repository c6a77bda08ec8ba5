package io.socaas.audittrail;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An entry as the protobuf message {@code socaas.audit.v1.AuditEntry}
 * (proto/src/main/proto/socaas/audit/v1/audit_entry.proto), written field by field: the services
 * generate the stubs from the proto module, a library cannot, so this writes the same bytes with the
 * protobuf runtime. The field numbers below are the proto's; the services' tests parse what this
 * writes with their generated class (tenant-billing's consumer does in production).
 */
final class AuditEntryWire {

    private AuditEntryWire() {}

    static byte[] encode(AuditRecord entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            text(out, 1, entry.entryId());
            if (entry.timeMicros() != 0) {
                out.writeInt64(2, entry.timeMicros());
            }
            text(out, 3, entry.service());
            text(out, 4, entry.actor().username());
            text(out, 5, entry.actor().subject());
            text(out, 6, entry.actor().clientId());
            for (String role : entry.actor().roles()) {
                out.writeString(7, role);
            }
            text(out, 8, entry.tenantId());
            text(out, 9, entry.action());
            text(out, 10, entry.target());
            text(out, 11, entry.beforeJson());
            text(out, 12, entry.afterJson());
            text(out, 13, entry.requestId());
            text(out, 14, entry.traceId());
            if (entry.status() != 0) {
                out.writeInt32(15, entry.status());
            }
            text(out, 16, entry.outcome());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** proto3: an empty string is the default and not written. */
    private static void text(CodedOutputStream out, int field, String value) throws IOException {
        if (value != null && !value.isEmpty()) {
            out.writeString(field, value);
        }
    }
}
