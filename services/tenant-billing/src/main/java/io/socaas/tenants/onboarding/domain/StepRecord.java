package io.socaas.tenants.onboarding.domain;

import java.time.Instant;

/** One step of a saga as stored: status, attempts so far, last error and a detail (e.g. a skip reason). */
public record StepRecord(
        ProvisioningStep step, StepStatus status, int attempts, String lastError, String detail, Instant updatedAt) {}
