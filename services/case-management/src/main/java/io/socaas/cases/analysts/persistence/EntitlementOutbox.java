package io.socaas.cases.analysts.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Queues analysts' entitlements for soc.entitlements.v1 in the caller's transaction: what the
 * profile row says after the change (flushed first), or a removal. The revision comes from a
 * sequence, taken while the profile's row is locked, so a later change has a higher revision.
 */
public final class EntitlementOutbox {

    private EntitlementOutbox() {}

    /** Queues the analyst's entitlement as its profile now stands. */
    public static Uni<Void> changed(String username) {
        return Panache.getSession()
                .chain(session -> session.flush()
                        .chain(() -> session.createNativeQuery(
                                        "insert into entitlement_outbox (username, removed, all_tenants, tenants)"
                                                + " select username, false, all_tenants, tenants from analyst_profiles"
                                                + " where username = ?1")
                                .setParameter(1, username)
                                .executeUpdate()))
                .replaceWithVoid();
    }

    /** Queues the analyst's tombstone: its profile was removed. */
    public static Uni<Void> removed(String username) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "insert into entitlement_outbox (username, removed, all_tenants) values (?1, true, false)")
                        .setParameter(1, username)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Queues every profile's entitlement again (at start: a new or compacted topic heals itself). */
    public static Uni<Integer> everyProfile() {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "insert into entitlement_outbox (username, removed, all_tenants, tenants)"
                                        + " select username, false, all_tenants, tenants from analyst_profiles"
                                        + " order by username")
                        .executeUpdate()));
    }
}
