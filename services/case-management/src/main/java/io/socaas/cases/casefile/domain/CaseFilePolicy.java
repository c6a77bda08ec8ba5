package io.socaas.cases.casefile.domain;

/**
 * Tunable rules of the case file.
 *
 * @param defaultLimit page size when a caller asks for none
 * @param maxLimit largest page a caller gets; larger requests are capped
 * @param conflictRetries how often an alert intake that lost a race against a concurrent intake
 *     (same alert or same dedup key on another replica) is retried before giving up
 */
public record CaseFilePolicy(int defaultLimit, int maxLimit, int conflictRetries) {

    public CaseFilePolicy {
        if (defaultLimit < 1 || maxLimit < defaultLimit) {
            throw new IllegalArgumentException(
                    "need 1 <= default limit <= max limit, got " + defaultLimit + " and " + maxLimit);
        }
        if (conflictRetries < 0) {
            throw new IllegalArgumentException("conflict retries must not be negative");
        }
    }

    /**
     * The page size for a requested limit: the default when none was requested ({@code null} or
     * 0, the protobuf default), capped at the maximum.
     *
     * @throws InvalidCaseQueryException when the requested limit is negative
     */
    public int pageSize(Integer requested) {
        if (requested == null || requested == 0) {
            return defaultLimit;
        }
        if (requested < 0) {
            throw new InvalidCaseQueryException("limit must be between 1 and " + maxLimit + ", got " + requested);
        }
        return Math.min(requested, maxLimit);
    }
}
