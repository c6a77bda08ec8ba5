package io.socaas.cases.casefile.persistence;

import io.socaas.cases.casefile.domain.CaseChange;
import io.socaas.cases.casefile.domain.CaseFile;
import io.socaas.cases.casefile.wire.CaseStatusWire;
import io.socaas.proto.cases.v1.CaseEvent;
import io.socaas.proto.cases.v1.CaseEventType;
import java.util.UUID;

/** The outbox record of a published change: a {@link CaseEvent} for soc.cases.v1. */
public final class CaseOutbox {

    private CaseOutbox() {}

    public static OutboxEntity row(CaseChange change) {
        CaseChange.Kind kind = change.published().orElseThrow();
        CaseFile after = change.after();
        UUID eventId = UUID.randomUUID();
        CaseEvent.Builder event = CaseEvent.newBuilder()
                .setEventId(eventId.toString())
                .setTenantId(after.tenantId().value())
                .setCaseId(after.id().toString())
                .setType(type(kind))
                .setOccurredTimeMs(change.entry().at().toEpochMilli())
                .setActor(change.entry().actor())
                .setStatusAfter(CaseStatusWire.toWire(after.status()))
                .setAssignee(after.assignee() == null ? "" : after.assignee())
                .setSeverity(after.severity().wireName())
                .setVerdict(after.verdict() == null ? "" : after.verdict().wireName())
                .setCaseVersion(after.version())
                .setReason(change.reason())
                .setOpenedTimeMs(after.createdAt().toEpochMilli());
        if (change.before() != null) {
            event.setStatusBefore(CaseStatusWire.toWire(change.before().status()));
        }
        if (kind == CaseChange.Kind.MERGED) {
            // the timeline entry of a merge names the case that took the alerts
            event.setMergedInto(change.entry().after());
        }
        OutboxEntity row = new OutboxEntity();
        row.eventId = eventId;
        row.tenantId = after.tenantId().value();
        row.caseId = after.id().value();
        row.type = kind.name();
        row.payload = event.build().toByteArray();
        row.createdAt = change.entry().at();
        return row;
    }

    static CaseEventType type(CaseChange.Kind kind) {
        return switch (kind) {
            case OPENED -> CaseEventType.CASE_EVENT_TYPE_OPENED;
            case STATUS_CHANGED -> CaseEventType.CASE_EVENT_TYPE_STATUS_CHANGED;
            case ASSIGNED -> CaseEventType.CASE_EVENT_TYPE_ASSIGNED;
            case SEVERITY_CHANGED -> CaseEventType.CASE_EVENT_TYPE_SEVERITY_CHANGED;
            case MERGED -> CaseEventType.CASE_EVENT_TYPE_MERGED;
            case ESCALATED -> CaseEventType.CASE_EVENT_TYPE_ESCALATED;
            case BREACHED -> CaseEventType.CASE_EVENT_TYPE_BREACHED;
        };
    }
}
