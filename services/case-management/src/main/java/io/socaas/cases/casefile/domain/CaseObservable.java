package io.socaas.cases.casefile.domain;

import java.time.Instant;
import java.util.List;

/** An observable of a case with the alerts that brought it and the fields it was read from. */
public record CaseObservable(
        String type, String value, List<String> fields, List<String> alertIds, Instant firstSeen, Instant lastSeen) {

    public CaseObservable {
        fields = List.copyOf(fields);
        alertIds = List.copyOf(alertIds);
    }

    /** As an {@link Observable}, for exports. */
    public Observable observable() {
        return new Observable(type, value, fields.isEmpty() ? "" : fields.getFirst());
    }
}
