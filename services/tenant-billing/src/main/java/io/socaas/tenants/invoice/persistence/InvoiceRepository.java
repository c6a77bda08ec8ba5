package io.socaas.tenants.invoice.persistence;

import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.scope.ScopedTransactions;
import io.socaas.scope.TenantScope;
import io.socaas.tenants.invoice.domain.Invoice;
import io.socaas.tenants.invoice.domain.InvoiceLine;
import io.socaas.tenants.invoice.domain.InvoiceStatus;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Issued invoices with their lines ({@code invoices}, {@code invoice_lines}); never updated. */
@ApplicationScoped
public class InvoiceRepository {

    private final ScopedTransactions scoped;

    InvoiceRepository(ScopedTransactions scoped) {
        this.scoped = scoped;
    }

    /** The issued invoice of the month, if there is one. */
    public Uni<Optional<Invoice>> find(TenantId tenant, YearMonth period) {
        return scoped.sql(TenantScope.of(tenant.value()), connection -> find(connection, tenant, period));
    }

    /**
     * Stores an issued invoice with its lines, unless one is stored for that tenant and month
     * already; either way answers the stored one (the first issue wins and stays).
     */
    public Uni<Invoice> issueOnce(Invoice invoice) {
        if (invoice.status() != InvoiceStatus.ISSUED) {
            throw new IllegalArgumentException("only issued invoices are stored");
        }
        return scoped.sql(
                TenantScope.of(invoice.tenant().value()),
                connection -> connection
                        .preparedQuery("""
                        insert into invoices
                            (tenant_id, period, status, currency, time_zone, days_active, days_in_month,
                             monthly_fee_minor, prorated_fee_minor, raw_bytes, usage_gb, included_gb, overage_gb,
                             overage_per_gb_minor, overage_minor, breaches, credit_percent, credits_minor,
                             total_minor, issued_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
                                $19, $20)
                        on conflict (tenant_id, period) do nothing""")
                        .execute(Tuple.from(new Object[] {
                            invoice.tenant().value(),
                            invoice.period().toString(),
                            invoice.status().wireName(),
                            invoice.currency(),
                            invoice.timeZone().getId(),
                            invoice.daysActive(),
                            invoice.daysInMonth(),
                            invoice.monthlyFeeMinor(),
                            invoice.proratedFeeMinor(),
                            invoice.rawBytes(),
                            invoice.usageGb(),
                            invoice.includedGb(),
                            invoice.overageGb(),
                            invoice.overagePerGbMinor(),
                            invoice.overageMinor(),
                            invoice.breaches(),
                            invoice.creditPercent(),
                            invoice.creditsMinor(),
                            invoice.totalMinor(),
                            invoice.issuedAt().atOffset(ZoneOffset.UTC)
                        }))
                        .flatMap(inserted -> inserted.rowCount() == 1
                                ? insertLines(connection, invoice)
                                : Uni.createFrom().voidItem())
                        .flatMap(ignored -> find(connection, invoice.tenant(), invoice.period()))
                        .map(Optional::orElseThrow));
    }

    private static Uni<Void> insertLines(SqlClient connection, Invoice invoice) {
        List<Tuple> lines = new ArrayList<>();
        for (int i = 0; i < invoice.lines().size(); i++) {
            InvoiceLine line = invoice.lines().get(i);
            lines.add(Tuple.from(new Object[] {
                invoice.tenant().value(),
                invoice.period().toString(),
                i + 1,
                line.kind().wireName(),
                line.description(),
                line.quantity(),
                line.unitPriceMinor(),
                line.amountMinor()
            }));
        }
        return connection.preparedQuery("""
                        insert into invoice_lines
                            (tenant_id, period, line_no, kind, description, quantity, unit_price_minor,
                             amount_minor)
                        values ($1, $2, $3, $4, $5, $6, $7, $8)""").executeBatch(lines).replaceWithVoid();
    }

    private static Uni<Optional<Invoice>> find(SqlClient client, TenantId tenant, YearMonth period) {
        Tuple key = Tuple.of(tenant.value(), period.toString());
        return client.preparedQuery("select * from invoices where tenant_id = $1 and period = $2")
                .execute(key)
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(Optional.<Invoice>empty());
                    }
                    Row header = rows.iterator().next();
                    return client.preparedQuery("""
                                    select * from invoice_lines where tenant_id = $1 and period = $2
                                    order by line_no""")
                            .execute(key)
                            .map(lines -> Optional.of(toDomain(tenant, period, header, lines)));
                });
    }

    private static Invoice toDomain(TenantId tenant, YearMonth period, Row row, RowSet<Row> lineRows) {
        List<InvoiceLine> lines = new ArrayList<>();
        for (Row line : lineRows) {
            lines.add(new InvoiceLine(
                    InvoiceLine.Kind.fromWireName(line.getString("kind")),
                    line.getString("description"),
                    decimal(line, "quantity"),
                    line.getLong("unit_price_minor"),
                    line.getLong("amount_minor")));
        }
        return new Invoice(
                tenant,
                period,
                ZoneId.of(row.getString("time_zone")),
                InvoiceStatus.ISSUED,
                row.getString("currency"),
                row.getInteger("days_active"),
                row.getInteger("days_in_month"),
                row.getLong("monthly_fee_minor"),
                row.getLong("prorated_fee_minor"),
                row.getLong("raw_bytes"),
                decimal(row, "usage_gb"),
                row.getLong("included_gb"),
                decimal(row, "overage_gb"),
                row.getLong("overage_per_gb_minor"),
                row.getLong("overage_minor"),
                row.getLong("breaches"),
                row.getInteger("credit_percent"),
                row.getLong("credits_minor"),
                row.getLong("total_minor"),
                lines,
                row.getOffsetDateTime("issued_at").toInstant());
    }

    private static BigDecimal decimal(Row row, String column) {
        return row.getBigDecimal(column);
    }
}
