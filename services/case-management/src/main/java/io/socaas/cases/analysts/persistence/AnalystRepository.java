package io.socaas.cases.analysts.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.socaas.cases.analysts.domain.AnalystProfile;
import io.socaas.cases.analysts.domain.Tier;
import io.socaas.cases.analysts.json.AnalystJson;
import io.socaas.events.TenantId;
import io.socaas.scope.ScopedTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Analyst profiles in PostgreSQL, and how many unresolved cases each analyst holds. */
@ApplicationScoped
public class AnalystRepository {

    /** Every transaction in a tenant scope (row-level security); a field so the constructor stays as it is. */
    @Inject
    ScopedTransactions scoped;

    private final ObjectMapper json;

    @Inject
    public AnalystRepository(ObjectMapper json) {
        this.json = json;
    }

    public Uni<List<AnalystProfile>> all() {
        return Panache.withSession(() -> AnalystEntity.<AnalystEntity>find("order by username")
                .list()
                .map(rows -> rows.stream().map(this::toProfile).toList()));
    }

    public Uni<Optional<AnalystProfile>> find(String username) {
        return Panache.withSession(() -> AnalystEntity.<AnalystEntity>findById(username)
                .map(row -> Optional.ofNullable(row).map(this::toProfile)));
    }

    /**
     * Creates or replaces the profile; answers whether it was created. Its entitlement is queued
     * for soc.entitlements.v1 in the same transaction ({@link EntitlementOutbox}).
     */
    public Uni<Boolean> put(AnalystProfile profile, String by, Instant now) {
        // the row is locked: the entitlement queued with a change has a higher revision than any
        // queued before it
        return Panache.withTransaction(() -> AnalystEntity.<AnalystEntity>findById(
                        profile.username(), LockModeType.PESSIMISTIC_WRITE)
                .chain(existing -> {
                    AnalystEntity row = existing == null ? new AnalystEntity() : existing;
                    fill(row, profile, by, now);
                    return (existing == null ? row.persist() : Uni.createFrom().item(row))
                            .call(() -> EntitlementOutbox.changed(profile.username()))
                            .replaceWith(existing == null);
                }));
    }

    /**
     * Creates the profile unless one of that name exists; answers whether it was created. Two
     * replicas seeding at once: the primary key keeps one, the other answers false.
     */
    public Uni<Boolean> putIfAbsent(AnalystProfile profile, String by, Instant now) {
        return Panache.withTransaction(() -> AnalystEntity.<AnalystEntity>findById(profile.username())
                        .chain(existing -> {
                            if (existing != null) {
                                return Uni.createFrom().item(false);
                            }
                            AnalystEntity row = new AnalystEntity();
                            fill(row, profile, by, now);
                            return row.persist()
                                    .call(() -> EntitlementOutbox.changed(profile.username()))
                                    .replaceWith(true);
                        }))
                .onFailure(org.hibernate.exception.ConstraintViolationException.class)
                .recoverWithItem(false);
    }

    /** Removes the profile; its entitlement's tombstone is queued in the same transaction. */
    public Uni<Boolean> delete(String username) {
        return Panache.withTransaction(() -> AnalystEntity.deleteById(username)
                .call(deleted -> deleted
                        ? EntitlementOutbox.removed(username)
                        : Uni.createFrom().voidItem()));
    }

    /** Unresolved cases (open to waiting on the customer) held per assignee. */
    public Uni<Map<String, Integer>> openCasesByAssignee() {
        return scoped.transaction(
                io.socaas.scope.TenantScope.system("analyst load across tenants"),
                () -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(
                                        "select assignee, count(*) from cases where assignee is not null and status in"
                                                + " ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER')"
                                                + " group by assignee",
                                        Object[].class)
                                .getResultList())
                        .map(rows -> {
                            Map<String, Integer> load = new HashMap<>();
                            rows.forEach(r -> load.put((String) r[0], ((Number) r[1]).intValue()));
                            return load;
                        }));
    }

    private void fill(AnalystEntity row, AnalystProfile p, String by, Instant now) {
        row.username = p.username();
        row.displayName = p.displayName();
        row.email = p.email();
        row.tier = p.tier().name();
        row.allTenants = p.allTenants();
        row.tenants = tenants(p);
        row.skills = p.skills().stream().sorted().toArray(String[]::new);
        row.maxConcurrentCases = p.maxConcurrentCases();
        row.rota = rota(p);
        row.updatedAt = now;
        row.updatedBy = by;
    }

    private static String[] tenants(AnalystProfile p) {
        return p.tenants().stream().map(TenantId::value).sorted().toArray(String[]::new);
    }

    private String rota(AnalystProfile p) {
        try {
            return json.writeValueAsString(AnalystJson.rotaJson(p.rota()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a rota", e);
        }
    }

    private AnalystProfile toProfile(AnalystEntity row) {
        try {
            return new AnalystProfile(
                    row.username,
                    row.displayName,
                    row.email,
                    Tier.valueOf(row.tier),
                    row.allTenants,
                    Arrays.stream(row.tenants).map(TenantId::of).collect(Collectors.toSet()),
                    Arrays.stream(row.skills).collect(Collectors.toSet()),
                    row.maxConcurrentCases,
                    AnalystJson.rotaOf(json.readValue(row.rota, AnalystJson.RotaJson.class)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored rota of " + row.username + " is not readable", e);
        }
    }
}
