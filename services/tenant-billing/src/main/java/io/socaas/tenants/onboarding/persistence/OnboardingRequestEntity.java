package io.socaas.tenants.onboarding.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** Row of {@code onboarding_requests}: the answer given to one (caller, Idempotency-Key). */
@Entity
@Table(name = "onboarding_requests")
@IdClass(OnboardingRequestEntity.Key.class)
public class OnboardingRequestEntity {

    @Id
    @Column(name = "caller")
    public String caller;

    @Id
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_sha256", nullable = false, updatable = false)
    public String requestSha256;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "response_status", nullable = false, updatable = false)
    public int responseStatus;

    @Column(name = "response_body", nullable = false, updatable = false)
    public String responseBody;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** Composite key (caller, idempotency key). */
    public static class Key implements Serializable {
        public String caller;
        public String idempotencyKey;

        public Key() {}

        public Key(String caller, String idempotencyKey) {
            this.caller = caller;
            this.idempotencyKey = idempotencyKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(caller, k.caller)
                    && Objects.equals(idempotencyKey, k.idempotencyKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(caller, idempotencyKey);
        }
    }
}
