package io.socaas.tenants.invoice.persistence;

import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.scope.ScopedTransactions;
import io.socaas.scope.TenantScope;
import io.socaas.tenants.invoice.domain.BillingPeriod;
import io.socaas.tenants.invoice.domain.BreachCounter;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;

/**
 * Breaches from the {@code sla_breaches} table, counted by breach time within the period. The
 * table is filled from the breaches case-management publishes on {@code soc.cases.v1}, one row per
 * case and SLA clock.
 */
@ApplicationScoped
public class SlaBreachTable implements BreachCounter {

    private final ScopedTransactions scoped;

    SlaBreachTable(ScopedTransactions scoped) {
        this.scoped = scoped;
    }

    @Override
    public Uni<Long> breaches(TenantId tenant, BillingPeriod period) {
        return scoped.sql(
                TenantScope.of(tenant.value()),
                connection -> connection
                        .preparedQuery("""
                        select count(*) as breaches from sla_breaches
                        where tenant_id = $1 and breached_at >= $2 and breached_at < $3""")
                        .execute(Tuple.of(
                                tenant.value(),
                                period.start().atOffset(ZoneOffset.UTC),
                                period.end().atOffset(ZoneOffset.UTC)))
                        .map(rows -> rows.iterator().next().getLong("breaches")));
    }

    /**
     * Records a breach once: a breach id already stored (a record delivered again) changes nothing.
     *
     * @return whether it was new
     */
    public Uni<Boolean> record(String breachId, TenantId tenant, String caseId, java.time.Instant breachedAt) {
        return scoped.sql(
                TenantScope.of(tenant.value()),
                connection -> connection
                        .preparedQuery("""
                        insert into sla_breaches (breach_id, tenant_id, case_id, breached_at)
                        values ($1, $2, $3, $4) on conflict (breach_id) do nothing""")
                        .execute(Tuple.of(breachId, tenant.value(), caseId, breachedAt.atOffset(ZoneOffset.UTC)))
                        .map(result -> result.rowCount() == 1));
    }
}
