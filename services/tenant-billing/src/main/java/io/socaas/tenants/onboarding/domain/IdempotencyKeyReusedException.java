package io.socaas.tenants.onboarding.domain;

/** The caller sent an Idempotency-Key again with a different request body. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("this Idempotency-Key was already used with a different request body; use a new key for a new request");
    }
}
