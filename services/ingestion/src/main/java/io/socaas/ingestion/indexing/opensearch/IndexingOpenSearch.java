package io.socaas.ingestion.indexing.opensearch;

import io.socaas.ingestion.indexing.config.IndexingConfig;
import io.socaas.tenantindices.OpenSearchConnection;
import io.socaas.tenantindices.TenantIndexAdmin;
import io.socaas.transporttls.PlatformTrust;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import org.opensearch.client.opensearch.OpenSearchClient;

/** The indexer's and the retention job's OpenSearch client ({@code socaas.ingestion.indexing.opensearch-url}). */
@ApplicationScoped
public class IndexingOpenSearch {

    // an unreachable cluster is noticed in seconds, and the indexer backs off and retries; a bulk of
    // a few MB is answered well within the default response timeout by a healthy one
    private final OpenSearchConnection connection;

    IndexingOpenSearch(IndexingConfig config) {
        this.connection = OpenSearchConnection.to(config.opensearchUrl(), PlatformTrust.sslContext());
    }

    public OpenSearchClient client() {
        return connection.client();
    }

    public TenantIndexAdmin admin() {
        return new TenantIndexAdmin(connection.client());
    }

    public URI url() {
        return connection.url();
    }

    @PreDestroy
    void close() throws IOException {
        connection.close();
    }
}
