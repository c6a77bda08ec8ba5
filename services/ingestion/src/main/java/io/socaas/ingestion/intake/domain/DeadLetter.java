package io.socaas.ingestion.intake.domain;

import io.socaas.events.TenantId;
import java.util.Objects;

/**
 * Something a tenant sent that cannot become an event (it cannot be read, or normalization fails on
 * it), kept on the dead-letter topic: its tenant, why, and the bytes as received.
 */
public record DeadLetter(TenantId tenant, String reason, byte[] raw) {

    public DeadLetter {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(raw, "raw");
    }

    /** The reason of an event normalization failed on: {@code normalization failed: <what was thrown>}. */
    public static String normalizationFailed(Throwable failure) {
        return "normalization failed: " + failure;
    }
}
