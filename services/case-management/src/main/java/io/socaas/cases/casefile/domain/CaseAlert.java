package io.socaas.cases.casefile.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One alert of a case: a detection of its rule, with the events behind it. */
public record CaseAlert(String alertId, Severity severity, Instant detectedAt, List<String> eventIngestIds) {

    public CaseAlert {
        Objects.requireNonNull(alertId, "alert id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(detectedAt, "detected at");
        eventIngestIds = List.copyOf(eventIngestIds);
    }
}
