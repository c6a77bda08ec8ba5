package io.socaas.correlation.intel.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.socaas.correlation.intel.domain.FeedSource;
import io.socaas.correlation.intel.domain.ParsedFeed;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A TAXII 2.1 collection read as a feed: its objects endpoint ({@code .../collections/<id>/objects/})
 * is polled for indicators ({@code match[type]=indicator}) added after the last poll ({@code
 * added_after} = the {@code X-TAXII-Date-Added-Last} of the previous poll; none the first time),
 * following the envelope's {@code more}/{@code next} pages, with {@code Accept:
 * application/taxii+json;version=2.1} and the feed's credentials. Objects are kept by id (the newest
 * {@code modified} wins), so every poll yields the whole collection read so far; the STIX reader
 * reads them as it reads a bundle's. One instance per feed; polls of one feed run one at a time.
 */
final class TaxiiCollection {

    static final String MEDIA_TYPE = "application/taxii+json;version=2.1";
    /** Pages followed in one poll at most (a server that never says {@code more: false}). */
    static final int MAX_PAGES = 10_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String objectsUrl;
    private final Map<String, JsonNode> objects = new LinkedHashMap<>();
    private String addedAfter;

    TaxiiCollection(String location) {
        String url = location.contains("?") ? location.substring(0, location.indexOf('?')) : location;
        if (!url.endsWith("/")) {
            url += "/";
        }
        this.objectsUrl = url.endsWith("/objects/") ? url : url + "objects/";
    }

    /** Polls what was added since the last poll; the indicators of every object read so far. */
    synchronized ParsedFeed poll(FeedReader http, Optional<String> authorization, FeedSource source)
            throws IOException {
        Map<String, JsonNode> read = new LinkedHashMap<>();
        String lastAdded = addedAfter;
        String next = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            StringBuilder url = new StringBuilder(objectsUrl).append("?match%5Btype%5D=indicator");
            if (addedAfter != null) {
                url.append("&added_after=").append(URLEncoder.encode(addedAfter, StandardCharsets.UTF_8));
            }
            if (next != null) {
                url.append("&next=").append(URLEncoder.encode(next, StandardCharsets.UTF_8));
            }
            HttpResponse<byte[]> response = http.get(URI.create(url.toString()), MEDIA_TYPE, authorization);
            if (response.statusCode() == 204 || response.body().length == 0) {
                break; // nothing (more) to read
            }
            if (response.statusCode() != 200) {
                throw new IOException(objectsUrl + " answered " + response.statusCode());
            }
            JsonNode envelope;
            try {
                envelope = JSON.readTree(response.body());
            } catch (JsonProcessingException e) {
                throw new IOException(objectsUrl + " answered no TAXII envelope: " + e.getOriginalMessage(), e);
            }
            if (envelope == null || !envelope.isObject()) {
                throw new IOException(objectsUrl + " answered no TAXII envelope (a JSON object)");
            }
            for (JsonNode object : envelope.path("objects")) {
                String id = object.path("id").asText("");
                JsonNode held = read.get(id);
                if (held == null
                        || object.path("modified")
                                        .asText("")
                                        .compareTo(held.path("modified").asText(""))
                                >= 0) {
                    read.put(id, object);
                }
            }
            Optional<String> added = response.headers().firstValue("X-TAXII-Date-Added-Last");
            if (added.isPresent() && (lastAdded == null || added.get().compareTo(lastAdded) > 0)) {
                lastAdded = added.get();
            }
            next = envelope.path("next").asText(null);
            if (!envelope.path("more").asBoolean(false)) {
                break;
            }
            if (next == null) {
                throw new IOException(objectsUrl + " says there is more but gives no 'next'");
            }
        }
        // only a complete poll moves the collection on
        read.forEach((id, object) -> {
            JsonNode held = objects.get(id);
            if (held == null
                    || object.path("modified")
                                    .asText("")
                                    .compareTo(held.path("modified").asText(""))
                            >= 0) {
                objects.put(id, object);
            }
        });
        addedAfter = lastAdded;
        ArrayNode all = JSON.createArrayNode();
        objects.values().forEach(all::add);
        return StixBundleParser.objects(all, source);
    }
}
