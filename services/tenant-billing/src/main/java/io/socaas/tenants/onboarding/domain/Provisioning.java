package io.socaas.tenants.onboarding.domain;

import io.socaas.events.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A tenant's provisioning saga: its state and its steps in order. */
public record Provisioning(
        TenantId tenantId,
        ProvisioningState state,
        String contactEmail,
        String requestedBy,
        Instant createdAt,
        Instant updatedAt,
        List<StepRecord> steps) {

    public Provisioning {
        steps = List.copyOf(steps);
    }

    /** The first step that is neither done nor skipped. */
    public Optional<StepRecord> nextStep() {
        return steps.stream()
                .filter(s -> s.status() == StepStatus.PENDING || s.status() == StepStatus.FAILED)
                .findFirst();
    }
}
