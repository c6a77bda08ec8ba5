package io.socaas.cases.casefile.export;

import io.socaas.cases.casefile.domain.CaseAlert;
import io.socaas.cases.casefile.domain.CaseFile;
import io.socaas.cases.casefile.domain.CaseObservable;
import io.socaas.cases.casefile.domain.CaseStatus;
import io.socaas.cases.casefile.domain.Severity;
import io.socaas.cases.casefile.domain.TimelineEntry;
import io.socaas.cases.casefile.domain.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A case as an OCSF 1.8 Incident Finding (class 2005), the shape a customer's CSIRT or SIEM takes
 * in: the incident with its status, severity, verdict and assignee, one {@code finding_info} per
 * alert (the rule as its analytic, the events behind it), and the customer-visible timeline under
 * {@code unmapped}. Internal notes never leave the MSSP.
 */
public final class IncidentFinding {

    public static final String OCSF_VERSION = "1.8.0";
    static final int CATEGORY_FINDINGS = 2;
    static final int CLASS_INCIDENT_FINDING = 2005;

    private IncidentFinding() {}

    public static Map<String, Object> of(
            CaseFile c,
            List<CaseAlert> alerts,
            List<TimelineEntry> customerTimeline,
            List<CaseObservable> observables,
            String productVersion) {
        int activity = switch (c.status()) {
            case OPEN -> 1;
            case CLOSED, MERGED -> 3;
            default -> 2;
        };
        Map<String, Object> finding = new LinkedHashMap<>();
        finding.put("category_uid", CATEGORY_FINDINGS);
        finding.put("category_name", "Findings");
        finding.put("class_uid", CLASS_INCIDENT_FINDING);
        finding.put("class_name", "Incident Finding");
        finding.put("activity_id", activity);
        finding.put("activity_name", activity == 1 ? "Create" : activity == 3 ? "Close" : "Update");
        finding.put("type_uid", CLASS_INCIDENT_FINDING * 100L + activity);
        finding.put("time", c.updatedAt().toEpochMilli());
        finding.put("start_time", c.createdAt().toEpochMilli());
        alerts.stream()
                .map(CaseAlert::detectedAt)
                .max(Instant::compareTo)
                .ifPresent(last -> finding.put("end_time", last.toEpochMilli()));
        finding.put("severity_id", severityId(c.severity()));
        finding.put("severity", capitalized(c.severity().wireName()));
        finding.put("status_id", statusId(c.status()));
        finding.put("status", statusName(c.status()));
        finding.put("desc", c.title() + (c.summary().isBlank() ? "" : ": " + c.summary()));
        if (c.assignee() != null) {
            finding.put("assignee", Map.of("name", c.assignee()));
        }
        if (c.verdict() != null) {
            finding.put("verdict_id", verdictId(c.verdict()));
            finding.put("verdict", verdictName(c.verdict()));
        }
        finding.put("is_suspected_breach", c.verdict() == Verdict.TRUE_POSITIVE);
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("name", "SOCaaS");
        product.put("vendor_name", "SOCaaS");
        product.put("version", productVersion);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("version", OCSF_VERSION);
        metadata.put("product", product);
        metadata.put("uid", c.id().toString());
        metadata.put("tenant_uid", c.tenantId().value());
        metadata.put("modified_time", c.updatedAt().toEpochMilli());
        finding.put("metadata", metadata);

        List<Map<String, Object>> infos = new ArrayList<>();
        for (CaseAlert alert : alerts) {
            Map<String, Object> analytic = new LinkedHashMap<>();
            analytic.put("uid", c.rule().id());
            analytic.put("name", c.rule().title());
            analytic.put("type_id", 1);
            analytic.put("type", "Rule");
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("uid", alert.alertId());
            info.put("title", c.rule().title());
            info.put("analytic", analytic);
            info.put("first_seen_time", alert.detectedAt().toEpochMilli());
            info.put("last_seen_time", alert.detectedAt().toEpochMilli());
            info.put("related_events_count", alert.eventIngestIds().size());
            info.put(
                    "related_events",
                    alert.eventIngestIds().stream().map(e -> Map.of("uid", e)).toList());
            info.put("types", List.of("severity:" + alert.severity().wireName()));
            if (!c.rule().tags().isEmpty()) {
                info.put(
                        "tags",
                        c.rule().tags().stream().map(t -> Map.of("name", t)).toList());
            }
            if (c.rule().referenceUrl() != null) {
                info.put("src_url", c.rule().referenceUrl());
            }
            infos.add(info);
        }
        finding.put("finding_info_list", infos);
        finding.put(
                "observables",
                observables.stream()
                        .map(o -> {
                            Map<String, Object> observable = new LinkedHashMap<>();
                            observable.put(
                                    "name",
                                    o.fields().isEmpty() ? o.type() : o.fields().getFirst());
                            observable.put("type_id", o.observable().ocsfTypeId());
                            observable.put("type", o.type());
                            observable.put("value", o.value());
                            return observable;
                        })
                        .toList());

        Map<String, Object> unmapped = new LinkedHashMap<>();
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", c.rule().id());
        rule.put("title", c.rule().title());
        rule.put("author", c.rule().author());
        if (c.rule().license() != null) {
            rule.put("license", c.rule().license());
        }
        unmapped.put("rule", rule);
        unmapped.put("case_version", c.version());
        unmapped.put(
                "timeline",
                customerTimeline.stream()
                        .map(e -> {
                            Map<String, Object> entry = new LinkedHashMap<>();
                            entry.put("time", e.at().toEpochMilli());
                            entry.put("actor", e.actor());
                            entry.put("action", e.action());
                            entry.put("before", e.before());
                            entry.put("after", e.after());
                            entry.put("detail", e.detail());
                            return entry;
                        })
                        .toList());
        finding.put("unmapped", unmapped);
        return finding;
    }

    static int severityId(Severity s) {
        return switch (s) {
            case INFORMATIONAL -> 1;
            case LOW -> 2;
            case MEDIUM -> 3;
            case HIGH -> 4;
            case CRITICAL -> 5;
        };
    }

    static int statusId(CaseStatus s) {
        return switch (s) {
            case OPEN -> 1;
            case ACKNOWLEDGED, IN_PROGRESS -> 2;
            case WAITING_ON_CUSTOMER -> 3;
            case RESOLVED -> 4;
            case CLOSED, MERGED -> 5;
        };
    }

    static String statusName(CaseStatus s) {
        return switch (statusId(s)) {
            case 1 -> "New";
            case 2 -> "In Progress";
            case 3 -> "On Hold";
            case 4 -> "Resolved";
            default -> "Closed";
        };
    }

    /** OCSF verdict ids: 1 False Positive, 2 True Positive, 5 Benign. */
    static int verdictId(Verdict v) {
        return switch (v) {
            case FALSE_POSITIVE -> 1;
            case TRUE_POSITIVE -> 2;
            case BENIGN -> 5;
        };
    }

    static String verdictName(Verdict v) {
        return switch (v) {
            case FALSE_POSITIVE -> "False Positive";
            case TRUE_POSITIVE -> "True Positive";
            case BENIGN -> "Benign";
        };
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
