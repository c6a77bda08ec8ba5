package io.socaas.correlation.intel.domain;

/**
 * Whose indicators a document holds, and what to assume where an entry says nothing.
 *
 * @param feed the name alerts carry: a global feed's name, or {@code tenant/<list>}
 * @param defaultConfidence 0..100, for entries without a confidence
 */
public record FeedSource(String feed, int defaultConfidence) {

    public FeedSource {
        if (defaultConfidence < 0 || defaultConfidence > 100) {
            throw new InvalidIndicatorException("confidence " + defaultConfidence + " is outside 0-100");
        }
    }
}
