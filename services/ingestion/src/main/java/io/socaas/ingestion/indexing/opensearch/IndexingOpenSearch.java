package io.socaas.ingestion.indexing.opensearch;

import io.socaas.ingestion.indexing.config.IndexingConfig;
import io.socaas.tenantindices.TenantIndexAdmin;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/** The indexer's and the retention job's OpenSearch client ({@code socaas.ingestion.indexing.opensearch-url}). */
@ApplicationScoped
public class IndexingOpenSearch {

    private final URI url;
    private final ApacheHttpClient5Transport transport;
    private final OpenSearchClient client;

    IndexingOpenSearch(IndexingConfig config) {
        this.url = config.opensearchUrl();
        this.transport = ApacheHttpClient5TransportBuilder.builder(
                        new HttpHost(url.getScheme(), url.getHost(), url.getPort()))
                .setMapper(new JacksonJsonpMapper())
                // an unreachable cluster is noticed in seconds, and the indexer backs off and retries;
                // a bulk of a few MB is answered well within a minute by a healthy one
                .setRequestConfigCallback(
                        r -> r.setConnectTimeout(Timeout.ofSeconds(5)).setResponseTimeout(Timeout.ofSeconds(60)))
                .build();
        this.client = new OpenSearchClient(transport);
    }

    public OpenSearchClient client() {
        return client;
    }

    public TenantIndexAdmin admin() {
        return new TenantIndexAdmin(client);
    }

    public URI url() {
        return url;
    }

    @PreDestroy
    void close() throws IOException {
        transport.close();
    }
}
