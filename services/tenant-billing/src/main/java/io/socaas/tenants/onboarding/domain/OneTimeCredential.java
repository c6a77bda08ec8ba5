package io.socaas.tenants.onboarding.domain;

/**
 * A secret the saga made, waiting for its single pick-up: {@code kind} is {@code admin-password}
 * (reference: the admin's user name) or {@code ingest-key} (reference: the key id).
 */
public record OneTimeCredential(String kind, String reference, String secret) {

    @Override
    public String toString() {
        return "OneTimeCredential[kind=" + kind + ", reference=" + reference + ", secret=<redacted>]";
    }
}
