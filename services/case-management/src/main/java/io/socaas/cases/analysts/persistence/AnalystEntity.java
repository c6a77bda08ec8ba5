package io.socaas.cases.analysts.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of table {@code analyst_profiles}. */
@Entity
@Table(name = "analyst_profiles")
public class AnalystEntity extends PanacheEntityBase {

    @Id
    public String username;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(nullable = false)
    public String email;

    @Column(nullable = false)
    public String tier;

    @Column(name = "all_tenants", nullable = false)
    public boolean allTenants;

    /** PostgreSQL {@code text[]}. */
    @Column(nullable = false)
    public String[] tenants;

    /** PostgreSQL {@code text[]}. */
    @Column(nullable = false)
    public String[] skills;

    @Column(name = "max_concurrent_cases", nullable = false)
    public int maxConcurrentCases;

    /** The rota as JSON ({@link io.socaas.cases.analysts.json.AnalystJson.RotaJson}). */
    @Column(nullable = false)
    public String rota;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
