package io.socaas.cases.casefile.domain;

import io.socaas.events.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Test-data builders for cases and incoming alerts: {@code CaseTestData.aCase().withSeverity(HIGH).build()}. */
public final class CaseTestData {

    public static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private CaseTestData() {}

    public static CaseBuilder aCase() {
        return new CaseBuilder();
    }

    public static AlertBuilder anAlert() {
        return new AlertBuilder();
    }

    public static RuleAttribution aSigmaRule() {
        return new RuleAttribution(
                "5f8a3e1c-0000-4000-8000-000000000001",
                "Whoami Execution",
                "Florian Roth (Nextron Systems)",
                "https://github.com/SigmaHQ/sigma/blob/master/rules/windows/process_creation/proc_creation_win_whoami_execution.yml",
                "DRL-1.1");
    }

    public static final class CaseBuilder {
        private CaseId id = CaseId.newId();
        private TenantId tenant = TenantId.of("acme");
        private String title = "Whoami Execution";
        private Severity severity = Severity.MEDIUM;
        private CaseStatus status = CaseStatus.OPEN;
        private RuleAttribution rule = aSigmaRule();
        private String summary = "whoami.exe on host ws-01";
        private String dedupKey = "rule-1|host=ws-01";
        private int alertCount = 1;
        private List<String> eventIngestIds = new ArrayList<>(List.of("01JD0000000000000000000001"));
        private Instant createdAt = T0;

        public CaseBuilder withId(CaseId id) {
            this.id = id;
            return this;
        }

        public CaseBuilder withTenant(String tenant) {
            this.tenant = TenantId.of(tenant);
            return this;
        }

        public CaseBuilder withSeverity(Severity severity) {
            this.severity = severity;
            return this;
        }

        public CaseBuilder withStatus(CaseStatus status) {
            this.status = status;
            return this;
        }

        public CaseBuilder withDedupKey(String dedupKey) {
            this.dedupKey = dedupKey;
            return this;
        }

        public CaseBuilder withAlertCount(int alertCount) {
            this.alertCount = alertCount;
            return this;
        }

        public CaseBuilder withEventIngestIds(String... ids) {
            this.eventIngestIds = List.of(ids);
            return this;
        }

        private String assignee;
        private Verdict verdict;

        public CaseBuilder assignedTo(String assignee) {
            this.assignee = assignee;
            return this;
        }

        public CaseBuilder withVerdict(Verdict verdict) {
            this.verdict = verdict;
            return this;
        }

        public CaseBuilder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public CaseFile build() {
            return new CaseFile(
                    id,
                    tenant,
                    title,
                    severity,
                    status,
                    rule,
                    summary,
                    dedupKey,
                    alertCount,
                    eventIngestIds,
                    createdAt,
                    createdAt,
                    assignee,
                    verdict,
                    1);
        }
    }

    public static final class AlertBuilder {
        private String alertId = "01JD"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 22).toUpperCase();
        private TenantId tenant = TenantId.of("acme");
        private RuleAttribution rule = aSigmaRule();
        private Severity severity = Severity.MEDIUM;
        private List<String> eventIngestIds = List.of("01JD0000000000000000000001");
        private Instant detectedAt = T0;
        private String summary = "whoami.exe on host ws-01";
        private String dedupKey = "rule-1|host=ws-01";
        private List<Observable> observables = List.of();

        public AlertBuilder withId(String alertId) {
            this.alertId = alertId;
            return this;
        }

        public AlertBuilder withTenant(String tenant) {
            this.tenant = TenantId.of(tenant);
            return this;
        }

        public AlertBuilder withSeverity(Severity severity) {
            this.severity = severity;
            return this;
        }

        public AlertBuilder withDedupKey(String dedupKey) {
            this.dedupKey = dedupKey;
            return this;
        }

        public AlertBuilder withEventIngestIds(String... ids) {
            this.eventIngestIds = List.of(ids);
            return this;
        }

        public AlertBuilder withObservables(Observable... observables) {
            this.observables = List.of(observables);
            return this;
        }

        public AlertBuilder withSummary(String summary) {
            this.summary = summary;
            return this;
        }

        public AlertBuilder withRule(RuleAttribution rule) {
            this.rule = rule;
            return this;
        }

        public IncomingAlert build() {
            return new IncomingAlert(
                    alertId, tenant, rule, severity, eventIngestIds, detectedAt, summary, dedupKey, observables);
        }
    }
}
