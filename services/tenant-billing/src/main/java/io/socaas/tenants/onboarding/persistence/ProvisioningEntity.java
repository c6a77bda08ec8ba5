package io.socaas.tenants.onboarding.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code provisionings}: one saga per tenant created through the API. */
@Entity
@Table(name = "provisionings")
public class ProvisioningEntity {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "state", nullable = false)
    public String state;

    @Column(name = "contact_email", nullable = false, updatable = false)
    public String contactEmail;

    @Column(name = "requested_by", nullable = false, updatable = false)
    public String requestedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "claimed_until")
    public Instant claimedUntil;
}
