package io.socaas.ingestion.intake.domain;

import io.socaas.events.TenantId;
import java.util.List;

/** What one accepted request produced: the ingest ids of its events, in request order. */
public record IntakeReceipt(TenantId tenant, List<String> ingestIds) {

    public IntakeReceipt {
        ingestIds = List.copyOf(ingestIds);
    }

    public int accepted() {
        return ingestIds.size();
    }
}
