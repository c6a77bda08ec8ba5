package io.socaas.correlation.intel.feeds;

import io.socaas.correlation.intel.domain.FeedFormat;
import io.socaas.correlation.intel.domain.FeedSource;
import io.socaas.correlation.intel.domain.InvalidIndicatorException;
import io.socaas.correlation.intel.domain.ParsedFeed;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches a feed's documents from a file or an {@code http(s)} URL and reads them with the parser of
 * its format. A document that cannot be fetched fails the whole read ({@link IOException}), so that
 * the feed's previous indicators stay in force; entries that cannot be read are only skipped.
 */
public final class FeedReader {

    /** Largest document fetched. */
    static final long MAX_DOCUMENT_BYTES = 256L * 1024 * 1024;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    /** The TAXII collections polled, by location (each remembers what it has read). */
    private final Map<String, TaxiiCollection> collections = new ConcurrentHashMap<>();

    /** Reads the whole feed. */
    public ParsedFeed read(FeedFormat format, String location, FeedSource source) throws IOException {
        return read(format, location, source, Optional.empty());
    }

    /**
     * Reads the whole feed; {@code authorization} is the {@code Authorization} header sent to an
     * http(s) location ({@code Basic ...} or {@code Bearer ...}).
     */
    public ParsedFeed read(FeedFormat format, String location, FeedSource source, Optional<String> authorization)
            throws IOException {
        return switch (format) {
            case STIX -> StixBundleParser.parse(fetch(location, authorization), source);
            case CSV -> CsvIndicatorParser.parse(fetch(location, authorization), source);
            case MISP -> misp(location, source, authorization);
            case TAXII ->
                collections.computeIfAbsent(location, TaxiiCollection::new).poll(this, authorization, source);
        };
    }

    /** A GET of an http(s) URL with the given {@code Accept} and authorization. */
    HttpResponse<byte[]> get(URI uri, String accept, Optional<String> authorization) throws IOException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).header("Accept", accept);
        authorization.ifPresent(a -> request.header("Authorization", a));
        try {
            HttpResponse<byte[]> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.body().length > MAX_DOCUMENT_BYTES) {
                throw new IOException(uri + " answered more than " + MAX_DOCUMENT_BYTES + " bytes");
            }
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted fetching " + uri, e);
        }
    }

    private ParsedFeed misp(String location, FeedSource source, Optional<String> authorization) throws IOException {
        String base = location.endsWith("/") ? location : location + "/";
        java.util.List<String> events;
        try {
            events = MispFeedParser.manifest(fetch(base + "manifest.json", authorization));
        } catch (InvalidIndicatorException e) {
            return ParsedFeed.unreadable("manifest.json", e.getMessage());
        }
        ParsedFeed all = new ParsedFeed(java.util.List.of(), java.util.List.of());
        for (String uuid : events) {
            String file = uuid + ".json";
            all = all.plus(MispFeedParser.event(fetch(base + file, authorization), file, source));
        }
        return all;
    }

    String fetch(String location) throws IOException {
        return fetch(location, Optional.empty());
    }

    String fetch(String location, Optional<String> authorization) throws IOException {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            HttpResponse<byte[]> response = get(URI.create(location), "*/*", authorization);
            if (response.statusCode() != 200) {
                throw new IOException(location + " answered " + response.statusCode());
            }
            return new String(response.body(), StandardCharsets.UTF_8);
        }
        Path path = Path.of(location.startsWith("file:") ? URI.create(location).getPath() : location);
        if (Files.size(path) > MAX_DOCUMENT_BYTES) {
            throw new IOException(path + " is larger than " + MAX_DOCUMENT_BYTES + " bytes");
        }
        return Files.readString(path, StandardCharsets.UTF_8);
    }
}
