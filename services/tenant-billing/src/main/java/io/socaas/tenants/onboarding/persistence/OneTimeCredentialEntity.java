package io.socaas.tenants.onboarding.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** Row of {@code onetime_credentials}: a secret waiting for its single pick-up. */
@Entity
@Table(name = "onetime_credentials")
@IdClass(OneTimeCredentialEntity.Key.class)
public class OneTimeCredentialEntity {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    /** {@code admin-password} or {@code ingest-key}. */
    @Id
    @Column(name = "kind")
    public String kind;

    /** What the secret belongs to: the admin's user name, or the key id. */
    @Column(name = "reference", nullable = false, updatable = false)
    public String reference;

    @Column(name = "secret", nullable = false, updatable = false)
    public String secret;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** Composite key (tenant, kind). */
    public static class Key implements Serializable {
        public String tenantId;
        public String kind;

        public Key() {}

        public Key(String tenantId, String kind) {
            this.tenantId = tenantId;
            this.kind = kind;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(kind, k.kind);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, kind);
        }
    }
}
