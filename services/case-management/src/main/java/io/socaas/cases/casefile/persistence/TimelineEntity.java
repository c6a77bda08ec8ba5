package io.socaas.cases.casefile.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of table {@code case_timeline}: one change of a case. */
@Entity
@Table(name = "case_timeline")
public class TimelineEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(nullable = false, updatable = false)
    public Instant at;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(nullable = false, updatable = false)
    public String action;

    @Column(name = "before_value", nullable = false, updatable = false)
    public String beforeValue;

    @Column(name = "after_value", nullable = false, updatable = false)
    public String afterValue;

    @Column(nullable = false, updatable = false)
    public String detail;

    @Column(nullable = false, updatable = false)
    public String visibility;
}
