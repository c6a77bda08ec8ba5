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
import io.socaas.tenants.invoice.domain.PeriodTerms;
import io.socaas.tenants.invoice.domain.PlanPrice;
import io.socaas.tenants.invoice.persistence.BillingTermsRepository;
import io.socaas.tenants.invoice.persistence.InvoiceRepository;
import io.socaas.tenants.tenant.TenantService;
import io.socaas.tenants.tenant.domain.Tenant;
import io.socaas.tenants.tenant.domain.TenantNotFoundException;
import io.socaas.tenants.tenant.domain.TenantStatus;
import io.socaas.tenants.usage.persistence.UsageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The invoice aggregate. An invoice is computed from stored facts only (the month's metered usage,
 * the month's terms: the plan's price and the time zone kept as the month began, the activation and
 * offboarding dates, the recorded SLA breaches), so computing it twice gives the same invoice. Once
 * its month has ended (plus {@code issue-after}) it is issued, on a schedule or at the first read
 * after that: stored with its lines and from then on read, never recomputed. The running month is a
 * draft. Offboarding issues the last invoices at once.
 */
@ApplicationScoped
public class InvoiceService {

    private static final Logger LOG = Logger.getLogger(InvoiceService.class);

    private final TenantService tenants;
    private final TenantFacts facts;
    private final UsageRepository usage;
    private final BreachCounter breaches;
    private final InvoiceRepository invoices;
    private final BillingTermsRepository terms;
    private final InvoiceConfig config;
    private final Clock clock;

    InvoiceService(
            TenantService tenants,
            TenantFacts facts,
            UsageRepository usage,
            BreachCounter breaches,
            InvoiceRepository invoices,
            BillingTermsRepository terms,
            InvoiceConfig config) {
        this.terms = terms;
        this.tenants = tenants;
        this.facts = facts;
        this.usage = usage;
        this.breaches = breaches;
        this.invoices = invoices;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /**
     * Months the tenant was billable in, oldest first, up to the running one (or its offboarding):
     * empty when it never became active. Months are those of its time zone.
     */
    static List<YearMonth> months(Tenant tenant, Instant now) {
        List<YearMonth> months = new ArrayList<>();
        if (tenant.activatedAt() == null) {
            return months;
        }
        ZoneId zone = tenant.spec().timeZone();
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

    /**
     * The tenant's invoice for the month: issued (stored) once the month has ended, a draft while
     * it runs.
     *
     * @throws TenantNotFoundException (as failure) for an unknown tenant
     * @throws InvoiceNotFoundException (as failure) for a month the tenant was not active in or that
     *     has not begun
     */
    public Uni<Invoice> get(TenantId tenant, YearMonth month) {
        return tenants.get(tenant).flatMap(row -> {
            if (!months(row, clock.instant()).contains(month)) {
                return Uni.createFrom().failure(new InvoiceNotFoundException(tenant, month));
            }
            return invoice(row, month, false);
        });
    }

    /** Every invoice of the tenant, newest month first: issued ones and the running month's draft. */
    public Uni<List<Invoice>> list(TenantId tenant) {
        return tenants.get(tenant).flatMap(row -> {
            List<YearMonth> months = new ArrayList<>(months(row, clock.instant()));
            Collections.reverse(months);
            return inOrder(row, months, false);
        });
    }

    /**
     * Issues, for every tenant, each ended month's invoice that is due and not issued yet, and keeps
     * the running month's terms (so that a later plan change bills from the next month). Runs on a
     * schedule ({@link InvoiceIssuer}); issuing is idempotent, so several replicas may run it.
     *
     * @return how many tenants were looked at
     */
    public Uni<Integer> issueDue() {
        Instant now = clock.instant();
        return tenants.list("invoice run").flatMap(all -> {
            Uni<Integer> done = Uni.createFrom().item(0);
            for (Tenant tenant : all) {
                List<YearMonth> months = months(tenant, now);
                if (tenant.spec().status() == TenantStatus.OFFBOARDED || months.isEmpty()) {
                    continue;
                }
                done = done.flatMap(count -> inOrder(tenant, months, false)
                        .replaceWith(count + 1)
                        .onFailure()
                        .recoverWithItem(e -> {
                            LOG.errorf(e, "invoices of tenant %s could not be issued; next run retries", tenant.id());
                            return count;
                        }));
            }
            return done;
        });
    }

    /**
     * Issues every invoice of an offboarding tenant now, the offboarding month's included (its fee
     * prorated to the offboarding day): nothing is billed after it.
     *
     * @return the tenant's invoices, oldest first
     */
    public Uni<List<Invoice>> issueFinal(TenantId tenant) {
        return tenants.get(tenant).flatMap(row -> {
            if (row.offboardedAt() == null) {
                return Uni.createFrom().failure(new IllegalStateException("tenant " + tenant + " is not offboarding"));
            }
            return inOrder(row, months(row, clock.instant()), true);
        });
    }

    /** The invoices of the months, one month after the other (each may issue and store its invoice). */
    private Uni<List<Invoice>> inOrder(Tenant tenant, List<YearMonth> months, boolean issueNow) {
        Uni<List<Invoice>> all = Uni.createFrom().item(new ArrayList<>());
        for (YearMonth month : months) {
            all = all.flatMap(done -> invoice(tenant, month, issueNow).map(invoice -> {
                done.add(invoice);
                return done;
            }));
        }
        return all.map(List::copyOf);
    }

    private Uni<Invoice> invoice(Tenant tenant, YearMonth month, boolean issueNow) {
        TenantId id = tenant.id();
        return invoices.find(id, month).flatMap(stored -> {
            if (stored.isPresent()) {
                return Uni.createFrom().item(stored.get());
            }
            return terms(tenant, month).flatMap(terms -> {
                BillingPeriod period = new BillingPeriod(month, terms.zone());
                return compute(tenant, terms, period).flatMap(draft -> {
                    Instant now = clock.instant();
                    if (!issueNow && now.isBefore(period.end().plus(config.issueAfter()))) {
                        return Uni.createFrom().item(draft);
                    }
                    return invoices.issueOnce(draft.issue(now))
                            .invoke(issued -> LOG.infof(
                                    "issued invoice %s of tenant %s: total %d %s minor units",
                                    issued.period(), id, issued.totalMinor(), issued.currency()));
                });
            });
        });
    }

    /** The month's terms: as kept, or the tenant's current ones, kept from now on. */
    private Uni<PeriodTerms> terms(Tenant tenant, YearMonth month) {
        TenantId id = tenant.id();
        return terms.find(id, month).flatMap(kept -> {
            if (kept.isPresent()) {
                return Uni.createFrom().item(kept.get());
            }
            return facts.resolve(id)
                    .map(config -> config.orElseThrow(() -> new TenantNotFoundException(id)))
                    .map(config -> new PeriodTerms(priceOf(config), ZoneId.of(config.getTimeZone())))
                    .flatMap(current -> terms.captureOnce(id, month, current, clock.instant()));
        });
    }

    private Uni<Invoice> compute(Tenant tenant, PeriodTerms terms, BillingPeriod period) {
        TenantId id = tenant.id();
        return usage.rawBytes(id, period.start(), period.end())
                .flatMap(bytes -> breaches.breaches(id, period)
                        .map(count -> InvoiceCalculator.compute(
                                id, period, terms.price(), tenant.activatedAt(), tenant.offboardedAt(), bytes, count)));
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
