package io.socaas.cases.casefile.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of table {@code case_alerts}: one alert taken into a case. The alert id makes intake idempotent. */
@Entity
@Table(name = "case_alerts")
public class CaseAlertEntity extends PanacheEntityBase {

    @Id
    @Column(name = "alert_id")
    public String alertId;

    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    /** PostgreSQL {@code text[]}. */
    @Column(name = "event_ingest_ids", nullable = false)
    public String[] eventIngestIds;

    @Column(nullable = false)
    public String level;

    @Column(name = "detected_at", nullable = false)
    public Instant detectedAt;
}
