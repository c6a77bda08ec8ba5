package io.socaas.tenants.invoice;

import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.proto.tenant.v1.Price;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.tenants.facts.TenantFacts;
import io.socaas.tenants.invoice.domain.BillingPeriod;
import io.socaas.tenants.invoice.domain.BreachCounter;
import io.socaas.tenants.invoice.domain.Invoice;
import io.socaas.tenants.invoice.domain.InvoiceCalculator;
import io.socaas.tenants.invoice.domain.InvoiceNotFoundException;
import io.socaas.tenants.invoice.domain.PlanPrice;
import io.socaas.tenants.invoice.persistence.InvoiceRepository;
import io.socaas.tenants.tenant.TenantService;
import io.socaas.tenants.tenant.domain.Tenant;
import io.socaas.tenants.tenant.domain.TenantNotFoundException;
import io.socaas.tenants.usage.persistence.UsageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The invoice aggregate. An invoice is computed from stored facts only (the month's metered usage,
 * the plan's price, the activation and offboarding dates, the recorded SLA breaches), so computing
 * it twice gives the same invoice. Once its month has ended (plus {@code issue-after}) it is issued:
 * stored with its lines and from then on read, never recomputed. The running month is a draft.
 */
@ApplicationScoped
public class InvoiceService {

    private static final Logger LOG = Logger.getLogger(InvoiceService.class);

    private final TenantService tenants;
    private final TenantFacts facts;
    private final UsageRepository usage;
    private final BreachCounter breaches;
    private final InvoiceRepository invoices;
    private final InvoiceConfig config;
    private final Clock clock;

    InvoiceService(
            TenantService tenants,
            TenantFacts facts,
            UsageRepository usage,
            BreachCounter breaches,
            InvoiceRepository invoices,
            InvoiceConfig config) {
        this.tenants = tenants;
        this.facts = facts;
        this.usage = usage;
        this.breaches = breaches;
        this.invoices = invoices;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /** What an invoice is computed from, besides the month's usage and breaches. */
    private record Billed(Tenant tenant, ZoneId zone, PlanPrice price) {

        /** Months the tenant was active in, up to the running one; empty when never activated. */
        List<YearMonth> months(Instant now) {
            List<YearMonth> months = new ArrayList<>();
            if (tenant.activatedAt() == null) {
                return months;
            }
            YearMonth first = YearMonth.from(tenant.activatedAt().atZone(zone));
            YearMonth last = YearMonth.from(now.atZone(zone));
            if (tenant.offboardedAt() != null) {
                YearMonth offboarded = YearMonth.from(tenant.offboardedAt().atZone(zone));
                if (offboarded.isBefore(last)) {
                    last = offboarded;
                }
            }
            for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                months.add(month);
            }
            return months;
        }
    }

    /**
     * The tenant's invoice for the month: issued (stored) once the month has ended, a draft while
     * it runs.
     *
     * @throws TenantNotFoundException (as failure) for an unknown tenant
     * @throws InvoiceNotFoundException (as failure) for a month the tenant was not active in or that
     *     has not begun
     */
    public Uni<Invoice> get(TenantId tenant, YearMonth month) {
        return billed(tenant).flatMap(billed -> {
            if (!billed.months(clock.instant()).contains(month)) {
                return Uni.createFrom().failure(new InvoiceNotFoundException(tenant, month));
            }
            return invoice(billed, month);
        });
    }

    /** Every invoice of the tenant, newest month first: issued ones and the running month's draft. */
    public Uni<List<Invoice>> list(TenantId tenant) {
        return billed(tenant).flatMap(billed -> {
            List<YearMonth> months = new ArrayList<>(billed.months(clock.instant()));
            java.util.Collections.reverse(months);
            if (months.isEmpty()) {
                return Uni.createFrom().item(List.of());
            }
            // one month after the other: each may issue and store its invoice
            Uni<List<Invoice>> all = Uni.createFrom().item(new ArrayList<>());
            for (YearMonth month : months) {
                all = all.flatMap(done -> invoice(billed, month).map(invoice -> {
                    done.add(invoice);
                    return done;
                }));
            }
            return all.map(List::copyOf);
        });
    }

    private Uni<Invoice> invoice(Billed billed, YearMonth month) {
        TenantId tenant = billed.tenant().id();
        return invoices.find(tenant, month).flatMap(stored -> {
            if (stored.isPresent()) {
                return Uni.createFrom().item(stored.get());
            }
            BillingPeriod period = new BillingPeriod(month, billed.zone());
            return compute(billed, period).flatMap(draft -> {
                Instant now = clock.instant();
                if (now.isBefore(period.end().plus(config.issueAfter()))) {
                    return Uni.createFrom().item(draft);
                }
                return invoices.issueOnce(draft.issue(now))
                        .invoke(issued -> LOG.infof(
                                "issued invoice %s: total %d %s minor units",
                                issued.period(), issued.totalMinor(), issued.currency()));
            });
        });
    }

    private Uni<Invoice> compute(Billed billed, BillingPeriod period) {
        TenantId tenant = billed.tenant().id();
        return usage.rawBytes(tenant, period.start(), period.end())
                .flatMap(bytes -> breaches.breaches(tenant, period)
                        .map(count -> InvoiceCalculator.compute(
                                tenant,
                                period,
                                billed.price(),
                                billed.tenant().activatedAt(),
                                billed.tenant().offboardedAt(),
                                bytes,
                                count)));
    }

    private Uni<Billed> billed(TenantId tenant) {
        return facts.resolve(tenant).flatMap(config -> {
            TenantConfig found = config.orElseThrow(() -> new TenantNotFoundException(tenant));
            return tenants.get(tenant).map(row -> new Billed(row, ZoneId.of(found.getTimeZone()), priceOf(found)));
        });
    }

    static PlanPrice priceOf(TenantConfig config) {
        Price price = config.getPlan().getPrice();
        String name = config.getPlan().getName().isBlank()
                ? config.getPlan().getId()
                : config.getPlan().getName();
        return new PlanPrice(
                name,
                price.getCurrency(),
                price.getMonthlyFeeMinor(),
                price.getIncludedGb(),
                price.getOveragePerGbMinor(),
                price.getServiceCreditPercentPerBreach(),
                price.getMaxCreditPercent());
    }

    /** Parses {@code yyyy-mm} of a request. */
    public static YearMonth month(String parameter, String value) {
        return BillingPeriod.parseMonth(parameter, value);
    }
}
