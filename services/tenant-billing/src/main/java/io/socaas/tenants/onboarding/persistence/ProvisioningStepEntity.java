package io.socaas.tenants.onboarding.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** Row of {@code provisioning_steps}. */
@Entity
@Table(name = "provisioning_steps")
@IdClass(ProvisioningStepEntity.Key.class)
public class ProvisioningStepEntity {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    @Column(name = "step")
    public String step;

    @Column(name = "position", nullable = false, updatable = false)
    public int position;

    @Column(name = "status", nullable = false)
    public String status;

    @Column(name = "attempts", nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "detail")
    public String detail;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Composite key (tenant, step). */
    public static class Key implements Serializable {
        public String tenantId;
        public String step;

        public Key() {}

        public Key(String tenantId, String step) {
            this.tenantId = tenantId;
            this.step = step;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(step, k.step);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, step);
        }
    }
}
