package io.socaas.cases.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When one escalation step of the policy's ladder becomes due for a case, so a scheduler can store
 * "next step due at".
 *
 * @param index position of the step in the policy's ladder
 * @param step the step
 * @param threshold covered time of its clock after which it is due
 * @param state where it stands
 * @param dueAt when the threshold is (or was) reached; present for {@link StepState#DUE} and
 *     {@link StepState#SCHEDULED}, empty otherwise
 */
public record StepSchedule(
        int index, EscalationStep step, Duration threshold, StepState state, Optional<Instant> dueAt) {}
