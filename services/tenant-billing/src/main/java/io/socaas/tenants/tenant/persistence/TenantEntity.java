package io.socaas.tenants.tenant.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code tenants}. Mapped to and from the domain by {@link TenantRepository}. */
@Entity
@Table(name = "tenants")
public class TenantEntity {

    @Id
    @Column(name = "id")
    public String id;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "plan", nullable = false)
    public String plan;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    /** {@code provisioning}, {@code active} or {@code suspended}. */
    @Column(name = "status", nullable = false)
    public String status;

    @Column(name = "rule_packs", nullable = false, columnDefinition = "text[]")
    public String[] rulePacks;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
