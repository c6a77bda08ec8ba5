package io.socaas.correlation.intel.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.socaas.correlation.intel.domain.FeedFormat;
import io.socaas.correlation.intel.domain.FeedSource;
import io.socaas.correlation.intel.domain.Indicator;
import io.socaas.correlation.intel.domain.ParsedFeed;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A TAXII 2.1 collection as a feed, against a small HTTP server in the test that answers as a TAXII
 * server's objects endpoint does (envelopes with {@code more}/{@code next}, {@code
 * X-TAXII-Date-Added-Last}, the TAXII media type, basic auth): the remote feed's stand-in, the
 * polling and reading under test are the feed reader's.
 */
class TaxiiFeedTest {

    private static final String COLLECTION = "/taxii2/api1/collections/91a7b528-80eb-42ed-a74d-c6fbd5a26116/objects/";
    private static final String BASIC =
            "Basic " + Base64.getEncoder().encodeToString("feeds:s3cret".getBytes(StandardCharsets.UTF_8));
    private static final FeedSource SOURCE = new FeedSource("cert-taxii", 60);

    private HttpServer server;
    private final List<Map<String, String>> requests = new ArrayList<>();
    /** What the collection holds: (date added, object). */
    private final List<Map.Entry<String, String>> collection = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(COLLECTION, this::objects);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String location() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + COLLECTION;
    }

    /** One object per page, as a TAXII server with a page size of 1 answers. */
    private void objects(HttpExchange exchange) throws IOException {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(
                        URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        requests.add(query);
        if (!BASIC.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"title\": \"Unauthorized\"}", null);
            return;
        }
        if (!"application/taxii+json;version=2.1"
                .equals(exchange.getRequestHeaders().getFirst("Accept"))) {
            respond(exchange, 406, "{\"title\": \"Not Acceptable\"}", null);
            return;
        }
        String after = query.get("added_after");
        List<Map.Entry<String, String>> added = collection.stream()
                .filter(e -> after == null || e.getKey().compareTo(after) > 0)
                .toList();
        int from = query.containsKey("next") ? Integer.parseInt(query.get("next")) : 0;
        if (from >= added.size()) {
            respond(exchange, 200, "{\"more\": false}", null);
            return;
        }
        Map.Entry<String, String> entry = added.get(from);
        boolean more = from + 1 < added.size();
        String envelope = "{\"more\": " + more + (more ? ", \"next\": \"" + (from + 1) + "\"" : "") + ", \"objects\": ["
                + entry.getValue() + "]}";
        respond(exchange, 200, envelope, entry.getKey());
    }

    private static void respond(HttpExchange exchange, int status, String body, String addedLast) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/taxii+json;version=2.1");
        if (addedLast != null) {
            exchange.getResponseHeaders().add("X-TAXII-Date-Added-First", addedLast);
            exchange.getResponseHeaders().add("X-TAXII-Date-Added-Last", addedLast);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String indicator(String id, String modified, String pattern) {
        return """
                {"type": "indicator", "spec_version": "2.1", "id": "indicator--%s",
                 "created": "2026-10-02T09:00:00.000Z", "modified": "%s", "name": "C2",
                 "indicator_types": ["malicious-activity"], "pattern": "%s", "pattern_type": "stix",
                 "valid_from": "2026-10-02T09:00:00Z"}""".formatted(id, modified, pattern);
    }

    private static List<String> values(ParsedFeed feed) {
        return feed.indicators().stream().map(Indicator::value).sorted().toList();
    }

    @Test
    void pollsTheCollectionPageByPageThenOnlyWhatWasAddedSince() throws IOException {
        collection.add(Map.entry(
                "2026-11-01T10:00:00.000Z",
                indicator(
                        "8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                        "2026-11-01T10:00:00.000Z",
                        "[ipv4-addr:value = '203.0.113.66']")));
        collection.add(Map.entry(
                "2026-11-01T10:00:01.000Z",
                indicator(
                        "1a6d8b2f-4c61-4d4e-9c5f-0b3f4c0e9a11",
                        "2026-11-01T10:00:01.000Z",
                        "[domain-name:value = 'evil.example']")));
        FeedReader reader = new FeedReader();

        ParsedFeed first = reader.read(FeedFormat.TAXII, location(), SOURCE, Optional.of(BASIC));
        assertThat(values(first)).containsExactly("203.0.113.66", "evil.example");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0)).containsEntry("match[type]", "indicator").doesNotContainKey("added_after");
        assertThat(requests.get(1)).containsEntry("next", "1");

        // a new indicator, and a newer version of the first one
        collection.add(Map.entry(
                "2026-11-02T08:00:00.000Z",
                indicator(
                        "c0d1c8f6-2e2b-46a8-a5a1-54e1f00d0001",
                        "2026-11-02T08:00:00.000Z",
                        "[url:value = 'http://evil.example/payload.exe']")));
        collection.add(Map.entry(
                "2026-11-02T08:00:01.000Z",
                indicator(
                        "8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                        "2026-11-02T08:00:01.000Z",
                        "[ipv4-addr:value = '203.0.113.67']")));
        requests.clear();

        ParsedFeed second = reader.read(FeedFormat.TAXII, location(), SOURCE, Optional.of(BASIC));
        assertThat(requests)
                .isNotEmpty()
                .allSatisfy(q -> assertThat(q).containsEntry("added_after", "2026-11-01T10:00:01.000Z"));
        assertThat(values(second)).containsExactly("203.0.113.67", "evil.example", "http://evil.example/payload.exe");

        // nothing new: the collection as read so far, one request
        requests.clear();
        assertThat(values(reader.read(FeedFormat.TAXII, location(), SOURCE, Optional.of(BASIC))))
                .containsExactly("203.0.113.67", "evil.example", "http://evil.example/payload.exe");
        assertThat(requests)
                .singleElement()
                .satisfies(q -> assertThat(q).containsEntry("added_after", "2026-11-02T08:00:01.000Z"));
    }

    @Test
    void aRefusedPollFailsTheReadSoThePreviousIndicatorsStay() {
        collection.add(Map.entry(
                "2026-11-01T10:00:00.000Z",
                indicator(
                        "8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                        "2026-11-01T10:00:00.000Z",
                        "[ipv4-addr:value = '203.0.113.66']")));
        String wrong = "Basic " + Base64.getEncoder().encodeToString("feeds:wrong".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new FeedReader().read(FeedFormat.TAXII, location(), SOURCE, Optional.of(wrong)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("401");
    }
}
