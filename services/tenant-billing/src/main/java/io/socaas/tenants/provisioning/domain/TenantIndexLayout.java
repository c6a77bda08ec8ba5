package io.socaas.tenants.provisioning.domain;

import io.socaas.events.TenantId;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The OpenSearch names of one tenant (ARCHITECTURE "Tenancy and isolation"): daily indices
 * {@code events-<id>-yyyy.MM.dd}, all matched by the index template {@code events-<id>} that puts the
 * alias {@code events-<id>} on every one of them.
 */
public record TenantIndexLayout(String templateName, String indexPattern, String alias, int templatePriority) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd");

    /**
     * Above the platform-wide templates (priority 0-99), so that the tenant's template wins for its
     * indices.
     */
    public static final int TEMPLATE_PRIORITY = 200;

    public TenantIndexLayout {
        Objects.requireNonNull(templateName, "templateName");
        Objects.requireNonNull(indexPattern, "indexPattern");
        Objects.requireNonNull(alias, "alias");
    }

    public static TenantIndexLayout of(TenantId tenant) {
        String base = "events-" + tenant.value();
        return new TenantIndexLayout(base, base + "-*", base, TEMPLATE_PRIORITY);
    }

    /** The tenant's index of one day (UTC day of the event time). */
    public String dailyIndex(LocalDate day) {
        return alias + "-" + DAY.format(day);
    }
}
