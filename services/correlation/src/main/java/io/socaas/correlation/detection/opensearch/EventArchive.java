package io.socaas.correlation.detection.opensearch;

import io.socaas.tenantindices.OpenSearchConnection;
import io.socaas.tenantindices.TenantEventSearch;
import io.socaas.transporttls.PlatformTrust;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tenants' stored events, as ingestion indexed them ({@code socaas.correlation.opensearch-url}),
 * read only through the shared tenant-scoped {@link TenantEventSearch}: correlation never names an
 * index itself.
 */
@ApplicationScoped
public class EventArchive {

    private final OpenSearchConnection connection;
    private final TenantEventSearch search;

    EventArchive(@ConfigProperty(name = "socaas.correlation.opensearch-url") URI url) {
        this.connection = OpenSearchConnection.to(url, PlatformTrust.sslContext());
        this.search = new TenantEventSearch(connection.client());
    }

    public TenantEventSearch search() {
        return search;
    }

    /** The cluster's URL, for messages. */
    public URI url() {
        return connection.url();
    }

    @PreDestroy
    void close() throws IOException {
        connection.close();
    }
}
