package io.socaas.tenants.provisioning.opensearch;

import io.socaas.events.TenantId;
import io.socaas.tenantindices.OpenSearchConnection;
import io.socaas.tenantindices.TenantIndexAdmin;
import io.socaas.tenantindices.TenantIndexLayout;
import io.socaas.tenants.onboarding.OnboardingSettings;
import io.socaas.tenants.onboarding.domain.StepFailedException;
import io.socaas.transporttls.PlatformTrust;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;
import org.opensearch.client.opensearch._types.OpenSearchException;

/**
 * Writes a tenant's {@link TenantIndexLayout} to OpenSearch (index template, today's index, alias on
 * every existing index) and removes it again when the tenant is purged, through the shared
 * {@link TenantIndexAdmin}. Every call is idempotent.
 */
@ApplicationScoped
public class TenantIndices {

    private static final Logger LOG = Logger.getLogger(TenantIndices.class);

    private final OpenSearchConnection connection;
    private final TenantIndexAdmin admin;
    private final Clock clock = Clock.systemUTC();

    TenantIndices(OnboardingSettings settings) {
        this.connection = OpenSearchConnection.to(settings.opensearch().url(), PlatformTrust.sslContext());
        this.admin = new TenantIndexAdmin(connection.client());
    }

    @PreDestroy
    void close() throws IOException {
        connection.close();
    }

    /** Template, today's index and the alias; returns what exists now, for the step's detail. */
    public String apply(TenantId tenant) {
        TenantIndexLayout layout = TenantIndexLayout.of(tenant);
        try {
            admin.putTemplate(tenant);
            String today = admin.ensureDailyIndex(tenant, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
            // indices made before the template existed (e.g. by ingestion) get the alias too
            admin.aliasExisting(tenant);
            LOG.infof(
                    "OpenSearch template %s, index %s and alias %s ready",
                    layout.templateName(), today, layout.alias());
            return "template " + layout.templateName() + " (" + layout.indexPattern() + "), index " + today + ", alias "
                    + layout.alias();
        } catch (IOException | RuntimeException e) {
            throw new StepFailedException("OpenSearch at " + describe() + ": " + message(e), e);
        }
    }

    /** Deletes the tenant's indices (and with them the alias) and its template. */
    public void purge(TenantId tenant) {
        TenantIndexLayout layout = TenantIndexLayout.of(tenant);
        try {
            admin.purge(tenant);
            LOG.infof("OpenSearch indices %s and template %s deleted", layout.indexPattern(), layout.templateName());
        } catch (IOException | RuntimeException e) {
            throw new StepFailedException("OpenSearch at " + describe() + ": " + message(e), e);
        }
    }

    private String describe() {
        return connection.url().toString();
    }

    private static String message(Exception e) {
        if (e instanceof OpenSearchException os) {
            return os.error().type() + ": " + os.error().reason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
