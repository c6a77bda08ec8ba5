package io.socaas.tenants.onboarding.persistence;

import io.socaas.secretbox.AssociatedData;
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

    /**
     * The secret sealed by secret-box, bound to {@link #associatedData}. Never the secret in clear.
     */
    @Column(name = "sealed_secret", nullable = false)
    public byte[] sealedSecret;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** What the sealed secret of a row is bound to: the table, the tenant, the kind and the reference. */
    public static AssociatedData associatedData(String tenantId, String kind, String reference) {
        return AssociatedData.of("tenant-billing.onetime_credentials", tenantId, kind, reference);
    }

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
