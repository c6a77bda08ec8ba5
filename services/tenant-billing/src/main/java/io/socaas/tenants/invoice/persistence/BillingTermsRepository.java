package io.socaas.tenants.invoice.persistence;

import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.scope.ScopedTransactions;
import io.socaas.scope.TenantScope;
import io.socaas.tenants.invoice.domain.PeriodTerms;
import io.socaas.tenants.invoice.domain.PlanPrice;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/** The billing terms of each tenant and month ({@code billing_terms}); the first capture stays. */
@ApplicationScoped
public class BillingTermsRepository {

    private final ScopedTransactions scoped;

    BillingTermsRepository(ScopedTransactions scoped) {
        this.scoped = scoped;
    }

    /** The terms of the month, if captured. */
    public Uni<Optional<PeriodTerms>> find(TenantId tenant, YearMonth period) {
        return scoped.sql(TenantScope.of(tenant.value()), connection -> find(connection, tenant, period));
    }

    private static Uni<Optional<PeriodTerms>> find(SqlClient client, TenantId tenant, YearMonth period) {
        return client.preparedQuery("select * from billing_terms where tenant_id = $1 and period = $2")
                .execute(Tuple.of(tenant.value(), period.toString()))
                .map(rows -> rows.size() == 0
                        ? Optional.<PeriodTerms>empty()
                        : Optional.of(toDomain(rows.iterator().next())));
    }

    /**
     * Keeps {@code terms} as the month's terms unless some are kept already; either way answers the
     * kept ones.
     */
    public Uni<PeriodTerms> captureOnce(TenantId tenant, YearMonth period, PeriodTerms terms, Instant now) {
        PlanPrice price = terms.price();
        return scoped.sql(
                TenantScope.of(tenant.value()),
                connection -> connection
                        .preparedQuery("""
                        insert into billing_terms
                            (tenant_id, period, plan_name, currency, monthly_fee_minor, included_gb,
                             overage_per_gb_minor, credit_percent_per_breach, max_credit_percent, time_zone,
                             captured_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                        on conflict (tenant_id, period) do nothing""")
                        .execute(Tuple.from(new Object[] {
                            tenant.value(),
                            period.toString(),
                            price.planName(),
                            price.currency(),
                            price.monthlyFeeMinor(),
                            price.includedGb(),
                            price.overagePerGbMinor(),
                            price.creditPercentPerBreach(),
                            price.maxCreditPercent(),
                            terms.zone().getId(),
                            now.atOffset(ZoneOffset.UTC)
                        }))
                        .flatMap(ignored -> find(connection, tenant, period))
                        .map(Optional::orElseThrow));
    }

    private static PeriodTerms toDomain(Row row) {
        return new PeriodTerms(
                new PlanPrice(
                        row.getString("plan_name"),
                        row.getString("currency"),
                        row.getLong("monthly_fee_minor"),
                        row.getLong("included_gb"),
                        row.getLong("overage_per_gb_minor"),
                        row.getInteger("credit_percent_per_breach"),
                        row.getInteger("max_credit_percent")),
                ZoneId.of(row.getString("time_zone")));
    }
}
