package io.socaas.reporting.portal.domain;

import io.socaas.events.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Builder of portal cases for tests: {@code CaseTestData.aCase().withTenant("acme").build()}. */
public final class CaseTestData {

    private String caseId = "case-" + UUID.randomUUID();
    private TenantId tenant = TenantId.of("acme");
    private String title = "Enumerate All Information With Whoami.EXE";
    private Severity severity = Severity.MEDIUM;
    private CaseStatus status = CaseStatus.OPEN;
    private String ruleId = "c248c896-e412-4279-8c15-1c558067b6fa";
    private String ruleAuthor = "Florian Roth (Nextron Systems)";
    private int alertCount = 1;
    private Instant createdTime = Instant.parse("2025-01-01T10:00:00Z");
    private String summary = "whoami /all on host WS-01";

    private CaseTestData() {}

    public static CaseTestData aCase() {
        return new CaseTestData();
    }

    public CaseTestData withId(String caseId) {
        this.caseId = caseId;
        return this;
    }

    public CaseTestData withTenant(String tenant) {
        this.tenant = TenantId.of(tenant);
        return this;
    }

    public CaseTestData withStatus(CaseStatus status) {
        this.status = status;
        return this;
    }

    public CaseTestData withSeverity(Severity severity) {
        this.severity = severity;
        return this;
    }

    public CaseTestData createdAt(String rfc3339) {
        this.createdTime = Instant.parse(rfc3339);
        return this;
    }

    public CaseSummary build() {
        return new CaseSummary(
                caseId,
                tenant,
                title,
                severity,
                status,
                ruleId,
                ruleAuthor,
                alertCount,
                Optional.of(createdTime),
                createdTime.toString(),
                summary);
    }
}
