package io.socaas.cases.casefile;

import io.socaas.cases.casefile.domain.CaseFilePolicy;
import io.socaas.cases.casefile.domain.CaseFileRepository;
import io.socaas.cases.casefile.domain.CaseFileService;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the framework-free case file domain into CDI. */
public class CaseFileBeans {

    @Produces
    @Singleton
    CaseFileService caseFileService(CaseFileRepository repository, CaseFileConfig config) {
        CaseFilePolicy policy = new CaseFilePolicy(
                config.query().defaultLimit(),
                config.query().maxLimit(),
                config.intake().conflictRetries());
        return new CaseFileService(repository, policy, Clock.systemUTC());
    }
}
