package io.socaas.tenants.tenantconfig.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a {@code tenants/<id>.yaml} document as the YAML reader would produce it. */
public final class TenantFileTestData {

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private String file;

    private TenantFileTestData() {
        fields.put("id", "acme");
        fields.put("display_name", "Acme Manufacturing GmbH");
        fields.put("plan", "standard");
        fields.put("time_zone", "Europe/Berlin");
        fields.put("status", "active");
        fields.put("rule_packs", List.of("windows-core"));
    }

    public static TenantFileTestData aTenantFile() {
        return new TenantFileTestData();
    }

    public TenantFileTestData withId(Object id) {
        return with("id", id);
    }

    public TenantFileTestData withPlan(Object plan) {
        return with("plan", plan);
    }

    public TenantFileTestData withTimeZone(Object zone) {
        return with("time_zone", zone);
    }

    public TenantFileTestData withStatus(Object status) {
        return with("status", status);
    }

    public TenantFileTestData withRulePacks(Object packs) {
        return with("rule_packs", packs);
    }

    public TenantFileTestData with(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    public TenantFileTestData without(String key) {
        fields.remove(key);
        return this;
    }

    /** Defaults to {@code tenants/<id>.yaml}. */
    public TenantFileTestData inFile(String file) {
        this.file = file;
        return this;
    }

    public ConfigDocument build() {
        String name = file != null ? file : "tenants/" + fields.get("id") + ".yaml";
        return new ConfigDocument(name, new LinkedHashMap<>(fields));
    }

    public static ConfigDocument plans(String... ids) {
        return new ConfigDocument(
                "plans.yaml",
                Map.of(
                        "plans",
                        java.util.Arrays.stream(ids)
                                .map(TenantFileTestData::aPlan)
                                .toList()));
    }

    /** A complete 24x7 plan, as plans.yaml declares one. */
    public static Map<String, Object> aPlan(String id) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("id", id);
        plan.put("name", "Plan " + id);
        plan.put("coverage", "24x7");
        plan.put("retention_days", 90);
        plan.put("quotas", Map.of("events_per_second", 1000, "burst_events", 10000, "events_per_day", 25000000));
        Map<String, Object> sla = new LinkedHashMap<>();
        for (String severity : List.of("critical", "high", "medium", "low", "informational")) {
            sla.put(severity, Map.of("acknowledge", "1h", "resolve", "1d"));
        }
        plan.put("sla", sla);
        plan.put(
                "escalation",
                List.of(
                        Map.of("at", "50%", "of", "acknowledge", "action", "notify-assignee"),
                        Map.of("at", "100%", "of", "resolve", "action", "notify-customer-and-record-breach")));
        plan.put(
                "billing",
                Map.of(
                        "currency", "EUR",
                        "monthly_fee", 149000,
                        "included_gb", 250,
                        "overage_per_gb", 120,
                        "service_credit_percent_per_breach", 5,
                        "max_credit_percent", 30));
        return plan;
    }
}
