package io.socaas.ingestion.indexing.retention;

import io.socaas.events.TenantId;
import io.socaas.ingestion.indexing.domain.Retention;
import io.socaas.tenantindices.OpenSearchFailures;
import io.socaas.tenantindices.TenantIndexAdmin;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.transport.httpclient5.ResponseException;

/**
 * One retention pass over every tenant: deletes the daily indices that the tenant's plan no longer
 * keeps ({@link Retention#expired}), only names that parse back to the tenant
 * ({@link TenantIndexAdmin#dailyIndices}).
 *
 * <h2>Once a day, with any number of replicas</h2>
 *
 * Every replica attempts a pass every hour; the first to create the day's lease document
 * ({@code retention-yyyy-MM-dd} in the lease index, {@code op_type=create}, which OpenSearch lets
 * succeed exactly once) does the work and marks the lease done; the others find it and skip. A
 * replica that dies mid-pass leaves a lease that is not done: once it is older than the lease's time
 * to live, the next attempt takes it over, conditionally on the version it read
 * ({@code if_seq_no}/{@code if_primary_term}), so again only one replica wins. Nothing but OpenSearch
 * is needed, and deleting an index twice would be harmless anyway.
 */
public final class RetentionRun {

    /** What a pass did. */
    public record Result(boolean ran, Map<TenantId, List<String>> deleted, List<String> failures) {}

    /** A tenant with its plan's retention in days (0: not set, nothing is deleted). */
    public record TenantRetention(TenantId tenant, int days) {}

    private final OpenSearchClient client;
    private final TenantIndexAdmin admin;
    private final String leaseIndex;
    private final Duration leaseTtl;
    private final String owner;
    private final Supplier<List<TenantRetention>> tenants;
    private final Clock clock;

    public RetentionRun(
            OpenSearchClient client,
            String leaseIndex,
            Duration leaseTtl,
            String owner,
            Supplier<List<TenantRetention>> tenants,
            Clock clock) {
        this.client = Objects.requireNonNull(client);
        this.admin = new TenantIndexAdmin(client);
        this.leaseIndex = Objects.requireNonNull(leaseIndex);
        this.leaseTtl = Objects.requireNonNull(leaseTtl);
        this.owner = Objects.requireNonNull(owner);
        this.tenants = Objects.requireNonNull(tenants);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The pass of today (UTC), unless another replica has done or is doing it. */
    public Result run() throws IOException {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        String lease = "retention-" + today;
        if (!acquire(lease)) {
            return new Result(false, Map.of(), List.of());
        }
        Map<TenantId, List<String>> deleted = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (TenantRetention t : tenants.get()) {
            try {
                List<String> expired = Retention.expired(admin.dailyIndices(t.tenant()), today, t.days());
                if (!expired.isEmpty()) {
                    admin.deleteDailyIndices(t.tenant(), expired);
                    deleted.put(t.tenant(), expired);
                }
            } catch (IOException | RuntimeException e) {
                failures.add(t.tenant() + ": " + e.getMessage());
            }
        }
        if (failures.isEmpty()) {
            // done for the day; a pass with failures leaves the lease to expire, and a later attempt
            // (any replica's) goes over every tenant again
            write(lease, true, deleted.values().stream().mapToInt(List::size).sum());
        }
        return new Result(true, deleted, failures);
    }

    private boolean acquire(String lease) throws IOException {
        try {
            client.create(c -> c.index(leaseIndex).id(lease).document(document(false, 0)));
            return true;
        } catch (OpenSearchException | ResponseException e) {
            if (!OpenSearchFailures.conflict(e)) {
                throw e;
            }
        }
        @SuppressWarnings("rawtypes")
        GetResponse<Map> current = client.get(g -> g.index(leaseIndex).id(lease), Map.class);
        if (!current.found() || current.source() == null) {
            return false;
        }
        Object done = current.source().get("done");
        Object expires = current.source().get("expires_at");
        if (Boolean.TRUE.equals(done) || !(expires instanceof Number n) || n.longValue() > clock.millis()) {
            return false;
        }
        try {
            client.index(i -> i.index(leaseIndex)
                    .id(lease)
                    .ifSeqNo(current.seqNo())
                    .ifPrimaryTerm(current.primaryTerm())
                    .document(document(false, 0)));
            return true;
        } catch (OpenSearchException | ResponseException e) {
            if (OpenSearchFailures.conflict(e)) {
                return false;
            }
            throw e;
        }
    }

    private void write(String lease, boolean done, int deleted) throws IOException {
        client.index(i -> i.index(leaseIndex).id(lease).document(document(done, deleted)));
    }

    private Map<String, Object> document(boolean done, int deleted) {
        Instant now = clock.instant();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("owner", owner);
        doc.put("updated_at", now.toString());
        doc.put("expires_at", now.plus(leaseTtl).toEpochMilli());
        doc.put("done", done);
        doc.put("deleted_indices", deleted);
        return doc;
    }
}
