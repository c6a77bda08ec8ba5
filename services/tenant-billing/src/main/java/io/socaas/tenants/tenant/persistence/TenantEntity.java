package io.socaas.tenants.tenant.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    /** {@code provisioning}, {@code active}, {@code suspended}, {@code failed} or {@code offboarding}. */
    @Column(name = "status", nullable = false)
    public String status;

    @Column(name = "rule_packs", nullable = false, columnDefinition = "text[]")
    public String[] rulePacks;

    /** {@code file} or {@code api}: who owns the configuration. */
    @Column(name = "source", nullable = false)
    public String source;

    /** {@code file} or {@code api}: who set the status last; the file sync never overrides {@code api}. */
    @Column(name = "status_source", nullable = false)
    public String statusSource;

    /** {@link io.socaas.tenants.tenant.domain.TenantSettings} as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "settings", nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> settings;

    @Column(name = "revision", nullable = false)
    public long revision;

    @Column(name = "activated_at")
    public Instant activatedAt;

    @Column(name = "offboarded_at")
    public Instant offboardedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
