package io.socaas.correlation.intel.feeds;

import io.socaas.correlation.intel.domain.FeedFormat;
import io.socaas.correlation.intel.domain.FeedSource;
import io.socaas.correlation.intel.domain.ParsedFeed;

/** Reads one uploaded document in its format (for {@code misp}: one event, {@code {"Event": ...}}; for {@code taxii}: one envelope). */
public final class IndicatorDocuments {

    private IndicatorDocuments() {}

    public static ParsedFeed parse(FeedFormat format, String text, FeedSource source) {
        return switch (format) {
            case STIX -> StixBundleParser.parse(text, source);
            case CSV -> CsvIndicatorParser.parse(text, source);
            case MISP -> MispFeedParser.event(text, "event", source);
            case TAXII -> StixBundleParser.envelope(text, source);
        };
    }
}
