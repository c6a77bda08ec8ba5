package io.socaas.tenants.lifecycle.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code tenant_exports}. */
@Entity
@Table(name = "tenant_exports")
public class TenantExportEntity {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sha256", nullable = false)
    public String sha256;

    @Column(name = "archive", nullable = false)
    public byte[] archive;
}
