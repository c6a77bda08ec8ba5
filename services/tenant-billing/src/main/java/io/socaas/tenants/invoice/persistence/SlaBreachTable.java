package io.socaas.tenants.invoice.persistence;

import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.tenants.invoice.domain.BillingPeriod;
import io.socaas.tenants.invoice.domain.BreachCounter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;

/**
 * Breaches from the {@code sla_breaches} table, counted by breach time within the period. The
 * table is filled from {@code soc.cases.v1} once case-management publishes breaches; until then
 * every count is zero.
 */
@ApplicationScoped
public class SlaBreachTable implements BreachCounter {

    private final Pool pool;

    SlaBreachTable(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Long> breaches(TenantId tenant, BillingPeriod period) {
        return pool.preparedQuery("""
                        select count(*) as breaches from sla_breaches
                        where tenant_id = $1 and breached_at >= $2 and breached_at < $3""")
                .execute(Tuple.of(
                        tenant.value(),
                        period.start().atOffset(ZoneOffset.UTC),
                        period.end().atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next().getLong("breaches"));
    }
}
