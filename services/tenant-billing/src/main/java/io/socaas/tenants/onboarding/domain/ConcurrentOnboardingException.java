package io.socaas.tenants.onboarding.domain;

/**
 * Another request created the same tenant id, or used the same Idempotency-Key, while this one was
 * being processed. Sending the request again gets the settled answer (a replay, or a conflict).
 */
public class ConcurrentOnboardingException extends RuntimeException {

    public ConcurrentOnboardingException() {
        super("a concurrent request claimed the same tenant id or Idempotency-Key; send the request again to see"
                + " the settled answer");
    }
}
