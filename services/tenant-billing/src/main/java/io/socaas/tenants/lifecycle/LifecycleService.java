package io.socaas.tenants.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.proto.cases.v1.Case;
import io.socaas.proto.cases.v1.CaseServiceGrpc.CaseServiceBlockingStub;
import io.socaas.proto.cases.v1.ListCasesRequest;
import io.socaas.proto.cases.v1.ListCasesResponse;
import io.socaas.scope.ScopedTransactions;
import io.socaas.scope.TenantScope;
import io.socaas.serviceidentity.ServiceToken;
import io.socaas.tenants.facts.TenantFacts;
import io.socaas.tenants.ingestkey.IngestKeyService;
import io.socaas.tenants.ingestkey.rest.IngestKeyView;
import io.socaas.tenants.invoice.InvoiceService;
import io.socaas.tenants.invoice.domain.Invoice;
import io.socaas.tenants.invoice.rest.InvoiceCsv;
import io.socaas.tenants.invoice.rest.InvoiceView;
import io.socaas.tenants.lifecycle.domain.ExportNotFoundException;
import io.socaas.tenants.lifecycle.domain.LifecycleAction;
import io.socaas.tenants.lifecycle.domain.LifecycleRules;
import io.socaas.tenants.lifecycle.domain.OffboardingFailedException;
import io.socaas.tenants.lifecycle.persistence.TenantExportEntity;
import io.socaas.tenants.lifecycle.persistence.TenantExportRepository;
import io.socaas.tenants.onboarding.OnboardingSettings;
import io.socaas.tenants.provisioning.keycloak.TenantOrganizations;
import io.socaas.tenants.provisioning.kubernetes.TenantNamespaces;
import io.socaas.tenants.provisioning.opensearch.TenantIndices;
import io.socaas.tenants.tenant.domain.Tenant;
import io.socaas.tenants.tenant.domain.TenantNotFoundException;
import io.socaas.tenants.tenant.domain.TenantStatus;
import io.socaas.tenants.tenant.persistence.TenantRepository;
import io.socaas.tenants.tenant.rest.TenantView;
import io.socaas.tenants.usage.domain.DailyUsage;
import io.socaas.tenants.usage.domain.UsagePeriod;
import io.socaas.tenants.usage.persistence.UsageRepository;
import io.socaas.tenants.usage.rest.UsageView;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * A tenant's lifecycle after onboarding, driven by mssp-admin: suspend, resume, offboard (export,
 * then purge everything the tenant has). Status changes made here are operational state
 * ({@code status_source = 'api'}) that the file sync never overrides; each is published as a tenant
 * fact.
 */
@ApplicationScoped
public class LifecycleService {

    private static final Logger LOG = Logger.getLogger(LifecycleService.class);

    /** Cases read per ListCases page for the export (the contract's maximum). */
    static final int CASES_PER_PAGE = 500;

    private final TenantRepository tenants;
    private final TenantExportRepository exports;
    private final IngestKeyService ingestKeys;
    private final TenantOrganizations organizations;
    private final TenantIndices indices;
    private final TenantNamespaces namespaces;
    private final OnboardingSettings settings;
    private final TenantFacts facts;
    private final CaseServiceBlockingStub cases;
    private final ObjectMapper json;
    private final InvoiceService invoices;
    private final UsageRepository usage;
    private final ScopedTransactions scoped;
    private final Clock clock = Clock.systemUTC();

    LifecycleService(
            TenantRepository tenants,
            TenantExportRepository exports,
            IngestKeyService ingestKeys,
            TenantOrganizations organizations,
            TenantIndices indices,
            TenantNamespaces namespaces,
            OnboardingSettings settings,
            TenantFacts facts,
            @GrpcClient("case-service") @RegisterClientInterceptor(ServiceToken.class) CaseServiceBlockingStub cases,
            ObjectMapper json,
            InvoiceService invoices,
            UsageRepository usage,
            ScopedTransactions scoped) {
        this.scoped = scoped;
        this.invoices = invoices;
        this.usage = usage;
        this.tenants = tenants;
        this.exports = exports;
        this.ingestKeys = ingestKeys;
        this.organizations = organizations;
        this.indices = indices;
        this.namespaces = namespaces;
        this.settings = settings;
        this.facts = facts;
        this.cases = cases;
        this.json = json;
    }

    /**
     * Offboarding calls blocking clients (Keycloak, OpenSearch, Kubernetes, gRPC) and awaits the
     * database in between, so it runs on threads of its own, outside any Vert.x context.
     */
    private final ExecutorService offboarding = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "offboarding");
        t.setDaemon(true);
        return t;
    });

    @PreDestroy
    void stop() {
        offboarding.shutdownNow();
    }

    /** {@link #offboard} on an offboarding thread. */
    public Uni<Offboarded> offboardInBackground(TenantId id) {
        return Uni.createFrom()
                .item(() -> {
                    MDC.put("tenant", id.value());
                    try {
                        return offboard(id);
                    } finally {
                        MDC.remove("tenant");
                    }
                })
                .runSubscriptionOn(offboarding);
    }

    /** What offboarding did: where the export is, and what was purged. */
    public record Offboarded(String tenantId, String exportSha256, List<String> purged) {}

    /** Suspends (ingestion refuses the tenant's keys) or resumes the tenant, and publishes it. */
    public Uni<Tenant> change(TenantId id, LifecycleAction action) {
        return transition(id, action).call(() -> publish(id));
    }

    Uni<Tenant> transition(TenantId id, LifecycleAction action) {
        return scoped.transaction(TenantScope.of(id.value()), () -> transitionWithin(id, action));
    }

    private Uni<Tenant> transitionWithin(TenantId id, LifecycleAction action) {
        return tenants.find(id)
                .map(found -> found.orElseThrow(() -> new TenantNotFoundException(id)))
                .flatMap(tenant -> {
                    TenantStatus next = LifecycleRules.next(tenant.status(), action);
                    return tenants.setStatus(id, next, clock.instant());
                })
                .map(found -> found.orElseThrow(() -> new TenantNotFoundException(id)))
                .invoke(tenant -> LOG.infof(
                        "tenant %s is %s (%s through the API)",
                        id, tenant.status().configValue(), action.name().toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * Offboards the tenant: status offboarding (published; ingestion refuses it from then on), its
     * last invoices issued (the offboarding month prorated to the day), an export archive of its
     * record, ingest key metadata, every case, daily usage and invoices, then the purge of its
     * indices, Keycloak organization and users, namespace and ingest keys, a tombstone on
     * soc.tenants.v1, and last the status offboarded. The row, usage, invoices and export stay as
     * billing records. A tenant of a tenant-config file is offboarded the same way; its file is
     * ignored from then on. Blocking, and it must not run on a thread with a Vert.x context: use
     * {@link #offboardInBackground}. When the export cannot be made nothing is purged; a failed
     * purge keeps the export; in both cases the tenant stays offboarding and offboarding it again
     * resumes where it stopped.
     */
    public Offboarded offboard(TenantId id) {
        Tenant tenant = await(() -> transition(id, LifecycleAction.OFFBOARD));
        await(() -> publish(id));

        TenantExportEntity export = await(() -> findExport(id)).orElse(null);
        if (export == null) {
            List<Invoice> issued;
            try {
                issued = await(() -> invoices.issueFinal(id));
            } catch (RuntimeException e) {
                throw new OffboardingFailedException(
                        "export",
                        "the last invoices of tenant '" + id + "' could not be issued (" + e.getMessage()
                                + "); nothing was purged, the tenant stays offboarding",
                        e);
            }
            byte[] archive = archive(tenant, issued);
            TenantExportEntity made = new TenantExportEntity();
            made.tenantId = id.value();
            made.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            made.archive = archive;
            made.sha256 = sha256(archive);
            await(() -> saveExport(made));
            export = made;
            LOG.infof("tenant %s exported (%d bytes)", id, archive.length);
        }

        List<String> purged = new ArrayList<>();
        purge(id, "opensearch", () -> indices.purge(id), purged);
        purge(id, "keycloak", () -> organizations.purge(id), purged);
        if (settings.kubernetes().enabled()) {
            purge(id, "kubernetes", () -> namespaces.purge(id), purged);
        }
        purge(id, "ingest-keys", () -> await(() -> deleteKeys(id)), purged);
        // the tombstone before the final status: if it cannot be sent, offboarding again resumes here
        purge(id, "tenant-fact", () -> await(() -> facts.purged(id)), purged);
        purge(id, "status", () -> await(() -> markOffboarded(id)), purged);
        LOG.infof("tenant %s offboarded, purged: %s", id, purged);
        return new Offboarded(id.value(), export.sha256, purged);
    }

    /** The offboarding export of the tenant. */
    public Uni<TenantExportEntity> export(TenantId id) {
        return scoped.transaction(TenantScope.of(id.value()), () -> exportWithin(id));
    }

    private Uni<TenantExportEntity> exportWithin(TenantId id) {
        return exports.find(id).map(found -> found.orElseThrow(() -> new ExportNotFoundException(id.value())));
    }

    Uni<java.util.Optional<TenantExportEntity>> findExport(TenantId id) {
        return scoped.transaction(TenantScope.of(id.value()), () -> findExportWithin(id));
    }

    private Uni<java.util.Optional<TenantExportEntity>> findExportWithin(TenantId id) {
        return exports.find(id);
    }

    Uni<Void> saveExport(TenantExportEntity export) {
        return scoped.transaction(TenantScope.of(export.tenantId), () -> saveExportWithin(export));
    }

    private Uni<Void> saveExportWithin(TenantExportEntity export) {
        return exports.persist(export).replaceWithVoid();
    }

    Uni<Integer> deleteKeys(TenantId id) {
        return scoped.transaction(TenantScope.of(id.value()), () -> deleteKeysWithin(id));
    }

    private Uni<Integer> deleteKeysWithin(TenantId id) {
        return tenants.deleteIngestKeys(id);
    }

    Uni<Tenant> markOffboarded(TenantId id) {
        return scoped.transaction(TenantScope.of(id.value()), () -> markOffboardedWithin(id));
    }

    private Uni<Tenant> markOffboardedWithin(TenantId id) {
        return tenants.setStatus(id, TenantStatus.OFFBOARDED, clock.instant())
                .map(found -> found.orElseThrow(() -> new TenantNotFoundException(id)));
    }

    private Uni<Void> publish(TenantId id) {
        return facts.changed(id).replaceWithVoid();
    }

    private byte[] archive(Tenant tenant, List<Invoice> issued) {
        TenantId id = tenant.id();
        List<Case> found = new ArrayList<>();
        try {
            String page = "";
            do {
                ListCasesResponse answer = cases.withDeadlineAfter(10, TimeUnit.SECONDS)
                        .listCases(ListCasesRequest.newBuilder()
                                .setTenantId(id.value())
                                .setLimit(CASES_PER_PAGE)
                                .setPageToken(page)
                                .build());
                found.addAll(answer.getCasesList());
                page = answer.getNextPageToken();
            } while (!page.isEmpty());
        } catch (StatusRuntimeException e) {
            throw new OffboardingFailedException(
                    "export",
                    "the cases of tenant '" + id + "' could not be read from case-management ("
                            + e.getStatus().getCode()
                            + (e.getStatus().getDescription() == null
                                    ? ""
                                    : ": " + e.getStatus().getDescription())
                            + "); nothing was purged, the tenant stays offboarding",
                    e);
        }
        Instant now = clock.instant();
        List<IngestKeyView> keys = await(() -> ingestKeys.list(id)).stream()
                .map(key -> IngestKeyView.of(key, now))
                .toList();
        List<DailyUsage> daily = usageOf(tenant);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            entry(zip, "tenant.json", TenantView.of(tenant));
            entry(zip, "ingest-keys.json", keys);
            entry(
                    zip,
                    "cases.json",
                    found.stream().map(LifecycleService::caseJson).toList());
            entry(zip, "usage.json", daily.stream().map(UsageView.Day::of).toList());
            entry(zip, "invoices.json", issued.stream().map(InvoiceView::of).toList());
            for (Invoice invoice : issued) {
                zip.putNextEntry(new ZipEntry("invoices/" + invoice.period() + ".csv"));
                zip.write(InvoiceCsv.of(invoice).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The tenant's usage per day of its time zone, from its activation to its offboarding. */
    private List<DailyUsage> usageOf(Tenant tenant) {
        if (tenant.activatedAt() == null) {
            return List.of();
        }
        ZoneId zone = tenant.spec().timeZone();
        LocalDate first = tenant.activatedAt().atZone(zone).toLocalDate();
        LocalDate last = (tenant.offboardedAt() == null ? clock.instant() : tenant.offboardedAt())
                .atZone(zone)
                .toLocalDate();
        List<DailyUsage> days = new ArrayList<>();
        for (LocalDate from = first; !from.isAfter(last); from = from.plusDays(UsagePeriod.MAX_DAYS)) {
            LocalDate to = from.plusDays(UsagePeriod.MAX_DAYS - 1L);
            UsagePeriod period = new UsagePeriod(from, to.isAfter(last) ? last : to);
            days.addAll(new TreeMap<>(await(() -> usage.daily(tenant.id(), period, zone))).values());
        }
        return days;
    }

    private void entry(ZipOutputStream zip, String name, Object content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        try {
            zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(content));
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        zip.closeEntry();
    }

    private static Map<String, Object> caseJson(Case c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("case_id", c.getCaseId());
        out.put("title", c.getTitle());
        out.put("severity", c.getSeverity());
        out.put("status", c.getStatus().name());
        out.put("rule_id", c.getRuleId());
        out.put("rule_author", c.getRuleAuthor());
        out.put("alert_count", c.getAlertCount());
        out.put("created_time", c.getCreatedTime());
        out.put("updated_time", c.getUpdatedTime());
        out.put("summary", c.getSummary());
        out.put("event_ingest_ids", c.getEventIngestIdsList());
        return out;
    }

    private static void purge(TenantId id, String part, Runnable work, List<String> purged) {
        try {
            work.run();
            purged.add(part);
        } catch (RuntimeException e) {
            throw new OffboardingFailedException(
                    "purge",
                    "purging the " + part + " part of tenant '" + id + "' failed (" + e.getMessage()
                            + "); already purged: " + purged + "; the export is kept and the tenant stays offboarding",
                    e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work::get);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
