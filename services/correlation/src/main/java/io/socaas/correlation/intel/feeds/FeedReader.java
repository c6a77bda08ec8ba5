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

    /** Reads the whole feed. */
    public ParsedFeed read(FeedFormat format, String location, FeedSource source) throws IOException {
        return switch (format) {
            case STIX -> StixBundleParser.parse(fetch(location), source);
            case CSV -> CsvIndicatorParser.parse(fetch(location), source);
            case MISP -> misp(location, source);
        };
    }

    private ParsedFeed misp(String location, FeedSource source) throws IOException {
        String base = location.endsWith("/") ? location : location + "/";
        java.util.List<String> events;
        try {
            events = MispFeedParser.manifest(fetch(base + "manifest.json"));
        } catch (InvalidIndicatorException e) {
            return ParsedFeed.unreadable("manifest.json", e.getMessage());
        }
        ParsedFeed all = new ParsedFeed(java.util.List.of(), java.util.List.of());
        for (String uuid : events) {
            String file = uuid + ".json";
            all = all.plus(MispFeedParser.event(fetch(base + file), file, source));
        }
        return all;
    }

    String fetch(String location) throws IOException {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(location))
                    .timeout(Duration.ofMinutes(2))
                    .GET()
                    .build();
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IOException(location + " answered " + response.statusCode());
                }
                return new String(response.body(), StandardCharsets.UTF_8);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted fetching " + location, e);
            }
        }
        Path path = Path.of(location.startsWith("file:") ? URI.create(location).getPath() : location);
        if (Files.size(path) > MAX_DOCUMENT_BYTES) {
            throw new IOException(path + " is larger than " + MAX_DOCUMENT_BYTES + " bytes");
        }
        return Files.readString(path, StandardCharsets.UTF_8);
    }
}
