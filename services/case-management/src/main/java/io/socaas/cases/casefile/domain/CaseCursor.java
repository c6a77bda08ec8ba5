package io.socaas.cases.casefile.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;

/**
 * Where a page of cases ends in the list's order (last activity, then id, both descending): the
 * next page holds the cases strictly after it. Written as an opaque page token.
 */
public record CaseCursor(Instant updatedAt, String caseId) {

    public CaseCursor {
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(caseId, "caseId");
        updatedAt = updatedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** The cursor after {@code last}. */
    public static CaseCursor after(CaseFile last) {
        return new CaseCursor(last.updatedAt(), last.id().toString());
    }

    /** The page token: URL-safe, no padding. */
    public String token() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, updatedAt);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((micros + ":" + caseId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses a page token.
     *
     * @throws InvalidCaseQueryException when the token was not made by {@link #token()}
     */
    public static CaseCursor parse(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("no separator");
            }
            long micros = Long.parseLong(plain.substring(0, colon));
            String id = plain.substring(colon + 1);
            CaseId.parse(id).orElseThrow(() -> new IllegalArgumentException("not a case id"));
            return new CaseCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
        } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
            throw new InvalidCaseQueryException("page_token is not a token of a previous page");
        }
    }
}
