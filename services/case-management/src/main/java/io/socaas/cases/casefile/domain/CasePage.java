package io.socaas.cases.casefile.domain;

import java.util.List;
import java.util.Optional;

/** A page of cases and, when more follow, the cursor of the next page. */
public record CasePage(List<CaseFile> cases, Optional<CaseCursor> next) {

    public CasePage {
        cases = List.copyOf(cases);
    }
}
