package io.socaas.cases.casefile.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of table {@code cases}. Severity and status hold the domain enum names. */
@Entity
@Table(name = "cases")
public class CaseEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String severity;

    @Column(nullable = false)
    public String status;

    @Column(name = "rule_id", nullable = false)
    public String ruleId;

    @Column(name = "rule_title", nullable = false)
    public String ruleTitle;

    @Column(name = "rule_author", nullable = false)
    public String ruleAuthor;

    @Column(name = "rule_reference_url")
    public String ruleReferenceUrl;

    @Column(name = "rule_license")
    public String ruleLicense;

    @Column(nullable = false)
    public String summary;

    @Column(name = "dedup_key")
    public String dedupKey;

    @Column(name = "alert_count", nullable = false)
    public int alertCount;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "assignee")
    public String assignee;

    @Column(name = "verdict")
    public String verdict;

    @Column(name = "version", nullable = false)
    public long version = 1;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** PostgreSQL {@code text[]}: the rule's tags. */
    @Column(name = "rule_tags", nullable = false)
    public String[] ruleTags = new String[0];
}
