package io.socaas.localstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * One GET by a client that trusts what {@code trust} trusts and nothing else, for tests of what a
 * listener answers over HTTPS, or over plain HTTP where it should not answer at all.
 */
public final class HttpProbe {

    private HttpProbe() {}

    /**
     * The answer to a GET of {@code url}; an {@link IOException} when the listener does not answer
     * (a refused handshake: {@link javax.net.ssl.SSLHandshakeException}).
     */
    public static HttpResponse<String> get(String url, SSLContext trust) throws IOException {
        try (HttpClient client = HttpClient.newBuilder()
                .sslContext(trust)
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build()) {
            return client.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The JDK's own authorities: what a client trusts that was not given the platform's CA. */
    public static SSLContext jdkDefaults() {
        try {
            return SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
