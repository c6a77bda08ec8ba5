package io.socaas.tenants.usage.persistence;

import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.scope.ScopedTransactions;
import io.socaas.scope.TenantScope;
import io.socaas.tenants.usage.domain.DailyUsage;
import io.socaas.tenants.usage.domain.MeteredMinute;
import io.socaas.tenants.usage.domain.UsagePeriod;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** Usage records in PostgreSQL ({@code usage_records}), stored once per usage id. */
@ApplicationScoped
public class UsageRepository {

    private final ScopedTransactions scoped;

    UsageRepository(ScopedTransactions scoped) {
        this.scoped = scoped;
    }

    /**
     * Stores the record unless a record with its usage id is already stored.
     *
     * @return whether it was new
     */
    public Uni<Boolean> insertIfAbsent(MeteredMinute minute) {
        return scoped.sql(
                TenantScope.of(minute.tenant().value()),
                connection -> connection
                        .preparedQuery("""
                        insert into usage_records
                            (usage_id, tenant_id, instance, minute_start, events_accepted, raw_bytes,
                             events_refused_quota)
                        values ($1, $2, $3, $4, $5, $6, $7)
                        on conflict (usage_id) do nothing""")
                        .execute(Tuple.from(new Object[] {
                            minute.usageId(),
                            minute.tenant().value(),
                            minute.instance(),
                            minute.minuteStart().atOffset(ZoneOffset.UTC),
                            minute.eventsAccepted(),
                            minute.rawBytes(),
                            minute.eventsRefusedQuota()
                        }))
                        .map(result -> result.rowCount() == 1));
    }

    /** The tenant's usage per day of {@code zone} within the period; days without usage are absent. */
    public Uni<Map<LocalDate, DailyUsage>> daily(TenantId tenant, UsagePeriod period, ZoneId zone) {
        return scoped.sql(
                TenantScope.of(tenant.value()),
                connection -> connection
                        .preparedQuery("""
                        select (minute_start at time zone $2)::date as day,
                               sum(events_accepted)::bigint as events_accepted,
                               sum(raw_bytes)::bigint as raw_bytes,
                               sum(events_refused_quota)::bigint as events_refused_quota
                        from usage_records
                        where tenant_id = $1 and minute_start >= $3 and minute_start < $4
                        group by day
                        order by day""")
                        .execute(Tuple.of(
                                tenant.value(),
                                zone.getId(),
                                period.start(zone).atOffset(ZoneOffset.UTC),
                                period.end(zone).atOffset(ZoneOffset.UTC)))
                        .map(rows -> {
                            Map<LocalDate, DailyUsage> days = new LinkedHashMap<>();
                            for (Row row : rows) {
                                DailyUsage day = new DailyUsage(
                                        row.getLocalDate("day"),
                                        row.getLong("events_accepted"),
                                        row.getLong("raw_bytes"),
                                        row.getLong("events_refused_quota"));
                                days.put(day.date(), day);
                            }
                            return days;
                        }));
    }

    /** Raw bytes the tenant sent in {@code [start, end)}. */
    public Uni<Long> rawBytes(TenantId tenant, Instant start, Instant end) {
        return scoped.sql(
                TenantScope.of(tenant.value()),
                connection -> connection
                        .preparedQuery("""
                        select coalesce(sum(raw_bytes), 0)::bigint as raw_bytes
                        from usage_records
                        where tenant_id = $1 and minute_start >= $2 and minute_start < $3""")
                        .execute(Tuple.of(tenant.value(), start.atOffset(ZoneOffset.UTC), end.atOffset(ZoneOffset.UTC)))
                        .map(rows -> rows.iterator().next().getLong("raw_bytes")));
    }
}
