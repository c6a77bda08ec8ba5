package io.socaas.ingestion.syslog.tenantfacts;

import io.socaas.events.TenantId;
import io.socaas.ingestion.intake.domain.IngestCredential;
import io.socaas.ingestion.syslog.domain.SourceBindings;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantStatus;
import io.socaas.tenantfacts.TenantFactsReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;

/**
 * The tenants' syslog sources ({@code TenantConfig.syslog_sources}) as the tenant facts on {@code
 * soc.tenants.v1} have them: the listener ports and client certificates of every active tenant. A
 * change (a source added, a port moved, a tenant suspended or purged) is applied to {@link
 * #current()} on the facts reader's thread within its poll interval, and every subscriber is told.
 */
@ApplicationScoped
public class TenantFactsSyslogSources {

    private static final Logger LOG = Logger.getLogger(TenantFactsSyslogSources.class);

    private final TenantFactsReader<TenantConfig> facts;
    private final List<Runnable> subscribers = new CopyOnWriteArrayList<>();
    private volatile SourceBindings current;

    TenantFactsSyslogSources(TenantFactsReader<TenantConfig> facts) {
        this.facts = facts;
        // listen first, then read what is held: no change falls between the two
        facts.addListener((tenant, before, after) -> {
            boolean mattered = before.map(c -> c.getSyslogSourcesCount() > 0).orElse(false)
                    || after.map(c -> c.getSyslogSourcesCount() > 0).orElse(false);
            if (mattered) {
                refresh();
            }
        });
        this.current = build();
    }

    /** The bindings now. */
    public SourceBindings current() {
        return current;
    }

    /** {@code onChange} runs after every change of the bindings (on the facts reader's thread). */
    public void subscribe(Runnable onChange) {
        subscribers.add(onChange);
    }

    private void refresh() {
        SourceBindings next = build();
        current = next;
        next.conflicts().forEach(conflict -> LOG.errorf("tenant facts: %s", conflict));
        for (Runnable subscriber : subscribers) {
            try {
                subscriber.run();
            } catch (RuntimeException e) {
                LOG.errorf(e, "applying the tenants' syslog sources failed");
            }
        }
    }

    private SourceBindings build() {
        List<SourceBindings.Source> sources = new ArrayList<>();
        for (TenantConfig config : facts.values()) {
            if (config.getStatus() != TenantStatus.TENANT_STATUS_ACTIVE) {
                continue; // a suspended tenant's port closes and its certificates bind nothing
            }
            TenantId tenant = TenantId.of(config.getTenantId());
            config.getSyslogSourcesList()
                    .forEach(source -> sources.add(new SourceBindings.Source(
                            tenant,
                            source.getName(),
                            source.getPort(),
                            source.getClientCertificatesList().stream()
                                    .map(c ->
                                            new SourceBindings.Certificate(c.getSha256Fingerprint(), c.getSubjectDn()))
                                    .toList(),
                            IngestCredential.clockZone(
                                    source.getTimeZone(),
                                    () -> LOG.errorf(
                                            "tenant facts: syslog source %s of tenant %s has time zone '%s', which is"
                                                    + " no zone: read as UTC",
                                            source.getName(), config.getTenantId(), source.getTimeZone())))));
        }
        return SourceBindings.of(sources);
    }
}
