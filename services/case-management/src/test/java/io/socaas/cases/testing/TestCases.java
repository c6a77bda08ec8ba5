package io.socaas.cases.testing;

import io.quarkus.vertx.VertxContextSupport;
import io.socaas.cases.casefile.domain.CaseFile;
import io.socaas.cases.casefile.domain.CaseId;
import io.socaas.cases.casefile.domain.CaseTestData;
import io.socaas.cases.casefile.domain.IncomingAlert;
import io.socaas.cases.casefile.domain.Severity;
import io.socaas.cases.casefile.domain.TenantScope;
import io.socaas.cases.casefile.persistence.PanacheCaseFileRepository;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Cases opened in the real database the way intake opens them. */
public final class TestCases {

    private TestCases() {}

    /** Opens a high-severity case of {@code tenant} with its first alert and answers its id. */
    public static String open(PanacheCaseFileRepository repository, String tenant, String dedupKey) throws Throwable {
        return open(repository, tenant, dedupKey, Severity.HIGH);
    }

    /** Opens a case of {@code tenant} and {@code severity} with its first alert and answers its id. */
    public static String open(PanacheCaseFileRepository repository, String tenant, String dedupKey, Severity severity)
            throws Throwable {
        IncomingAlert alert = CaseTestData.anAlert()
                .withId("alert-" + UUID.randomUUID())
                .withTenant(tenant)
                .withDedupKey(dedupKey)
                .withSeverity(severity)
                .build();
        return open(repository, alert);
    }

    /** Opens a case from {@code alert} and answers its id. */
    public static String open(PanacheCaseFileRepository repository, IncomingAlert alert) throws Throwable {
        CaseFile opened = CaseFile.openFrom(alert, CaseId.newId(), Instant.now().truncatedTo(ChronoUnit.MICROS));
        VertxContextSupport.subscribeAndAwait(() ->
                repository.inTransaction(TenantScope.of(alert.tenantId()), () -> repository.insert(opened, alert)));
        return opened.id().toString();
    }
}
