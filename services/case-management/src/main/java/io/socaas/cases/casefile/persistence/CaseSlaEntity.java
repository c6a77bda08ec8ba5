package io.socaas.cases.casefile.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of table {@code case_sla}: when a case's SLA must be looked at next, and its deadlines. */
@Entity
@Table(name = "case_sla")
public class CaseSlaEntity extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "next_check_at")
    public Instant nextCheckAt;

    @Column(name = "acknowledge_deadline")
    public Instant acknowledgeDeadline;

    @Column(name = "resolve_deadline")
    public Instant resolveDeadline;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The row of a new case: looked at right away. */
    static CaseSlaEntity dueNow(UUID caseId, String tenantId, Instant now) {
        CaseSlaEntity row = new CaseSlaEntity();
        row.caseId = caseId;
        row.tenantId = tenantId;
        row.nextCheckAt = now;
        row.updatedAt = now;
        return row;
    }
}
