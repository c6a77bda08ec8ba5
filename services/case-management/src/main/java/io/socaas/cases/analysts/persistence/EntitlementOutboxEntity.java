package io.socaas.cases.analysts.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Row of table {@code entitlement_outbox}: an analyst's entitlement (or its removal) to publish.
 * Written by {@link EntitlementOutbox} only, in the transaction of the profile's change.
 */
@Entity
@Table(name = "entitlement_outbox")
public class EntitlementOutboxEntity extends PanacheEntityBase {

    /** The published revision (sequence {@code entitlement_revision_seq}). */
    @Id
    public long revision;

    @Column(nullable = false)
    public String username;

    @Column(nullable = false)
    public boolean removed;

    @Column(name = "all_tenants", nullable = false)
    public boolean allTenants;

    /** PostgreSQL {@code text[]}. */
    @Column(nullable = false)
    public String[] tenants;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;
}
