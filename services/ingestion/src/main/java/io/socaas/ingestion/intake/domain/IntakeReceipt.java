package io.socaas.ingestion.intake.domain;

import io.socaas.events.TenantId;
import java.util.List;
import java.util.Objects;

/**
 * What one accepted request produced: the ingest ids of its accepted events, in request order, and
 * the events that were kept on the dead-letter topic instead (normalization failed on them).
 */
public record IntakeReceipt(TenantId tenant, List<String> ingestIds, List<DeadLettered> deadLettered) {

    /** An event of the request kept on the dead-letter topic: its position (from 0) and why. */
    public record DeadLettered(int position, String reason) {
        public DeadLettered {
            Objects.requireNonNull(reason, "reason");
        }
    }

    public IntakeReceipt {
        ingestIds = List.copyOf(ingestIds);
        deadLettered = List.copyOf(deadLettered);
    }

    /** Every event accepted. */
    public IntakeReceipt(TenantId tenant, List<String> ingestIds) {
        this(tenant, ingestIds, List.of());
    }

    public int accepted() {
        return ingestIds.size();
    }

    /** The positions (from 0, in request order) of the dead-lettered events. */
    public List<Integer> deadLetteredPositions() {
        return deadLettered.stream().map(DeadLettered::position).toList();
    }
}
