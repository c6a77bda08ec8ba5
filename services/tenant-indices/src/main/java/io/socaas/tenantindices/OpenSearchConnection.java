package io.socaas.tenantindices;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * A client of one OpenSearch cluster, as every service builds it: the URL's scheme, host and port,
 * Jackson for JSON, explicit timeouts so that an unreachable cluster is noticed in seconds, and for
 * HTTPS the trust it is given. Closing it closes its connections.
 */
public final class OpenSearchConnection implements AutoCloseable {

    /** How long to wait for a connection by default. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** How long to wait for an answer by default (a bulk of a few MB, a page of a scan). */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    private final URI url;
    private final ApacheHttpClient5Transport transport;
    private final OpenSearchClient client;

    private OpenSearchConnection(
            URI url, Duration connectTimeout, Duration responseTimeout, Optional<SSLContext> trust) {
        this.url = Objects.requireNonNull(url, "url");
        if (url.getHost() == null) {
            throw new IllegalArgumentException("not an OpenSearch URL (scheme://host:port): " + url);
        }
        int port = url.getPort() > 0 ? url.getPort() : ("https".equals(url.getScheme()) ? 443 : 9200);
        ApacheHttpClient5TransportBuilder builder =
                ApacheHttpClient5TransportBuilder.builder(new HttpHost(url.getScheme(), url.getHost(), port));
        trust.ifPresent(context -> builder.setHttpClientConfigCallback(
                http -> http.setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setTlsStrategy(ClientTlsStrategyBuilder.create()
                                .setSslContext(context)
                                .build())
                        .setMaxConnPerRoute(ApacheHttpClient5TransportBuilder.DEFAULT_MAX_CONN_PER_ROUTE)
                        .setMaxConnTotal(ApacheHttpClient5TransportBuilder.DEFAULT_MAX_CONN_TOTAL)
                        .build())));
        this.transport = builder.setMapper(new JacksonJsonpMapper())
                .setRequestConfigCallback(r ->
                        r.setConnectTimeout(Timeout.of(connectTimeout)).setResponseTimeout(Timeout.of(responseTimeout)))
                .build();
        this.client = new OpenSearchClient(transport);
    }

    /** A connection with the default timeouts. */
    public static OpenSearchConnection to(URI url) {
        return to(url, DEFAULT_CONNECT_TIMEOUT, DEFAULT_RESPONSE_TIMEOUT);
    }

    /** A connection with the given timeouts. */
    public static OpenSearchConnection to(URI url, Duration connectTimeout, Duration responseTimeout) {
        return new OpenSearchConnection(url, connectTimeout, responseTimeout, Optional.empty());
    }

    /**
     * A connection with the default timeouts whose HTTPS trusts what {@code trust} trusts (the
     * platform's CA); without one, the JDK's default trust.
     */
    public static OpenSearchConnection to(URI url, Optional<SSLContext> trust) {
        return new OpenSearchConnection(url, DEFAULT_CONNECT_TIMEOUT, DEFAULT_RESPONSE_TIMEOUT, trust);
    }

    public OpenSearchClient client() {
        return client;
    }

    /** The cluster's URL, for messages. */
    public URI url() {
        return url;
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }
}
