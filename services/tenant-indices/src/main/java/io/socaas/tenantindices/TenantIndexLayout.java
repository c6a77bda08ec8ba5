package io.socaas.tenantindices;

import io.socaas.events.TenantId;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenSearch names of one tenant (ARCHITECTURE "Tenancy and isolation"): daily indices
 * {@code events-<id>-yyyy.MM.dd}, all matched by the index template {@code events-<id>} that puts the
 * alias {@code events-<id>} on every one of them.
 *
 * <p>The wildcard {@link #indexPattern()} would also match the indices of a tenant whose id extends
 * this one ({@code events-acme-*} covers {@code events-acme-labs-2026.01.01}); onboarding refuses
 * such ids, and whatever lists or deletes indices keeps only the names {@link #parse} gives back to
 * this tenant.
 */
public record TenantIndexLayout(String templateName, String indexPattern, String alias, int templatePriority) {

    private static final String PREFIX = "events-";

    /** {@code yyyy.MM.dd} with a real calendar day (no 2026.02.30). */
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("uuuu.MM.dd").withResolverStyle(ResolverStyle.STRICT);

    /**
     * A daily index name, whole: the tenant is everything between {@code events-} and the fixed
     * {@code -yyyy.MM.dd} suffix (tenant ids contain no dots, so the split is unambiguous).
     */
    private static final Pattern DAILY_INDEX = Pattern.compile("events-([a-z0-9-]{1,63})-(\\d{4}\\.\\d{2}\\.\\d{2})");

    /**
     * Above the platform-wide templates (priority 0-99), so that the tenant's template wins for its
     * indices.
     */
    public static final int TEMPLATE_PRIORITY = 200;

    /** One daily index: whose, and of which day (UTC day of the event time). */
    public record DailyIndex(TenantId tenant, LocalDate day) {
        public DailyIndex {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(day, "day");
        }

        public String name() {
            return TenantIndexLayout.of(tenant).dailyIndex(day);
        }
    }

    public TenantIndexLayout {
        Objects.requireNonNull(templateName, "templateName");
        Objects.requireNonNull(indexPattern, "indexPattern");
        Objects.requireNonNull(alias, "alias");
    }

    public static TenantIndexLayout of(TenantId tenant) {
        String base = PREFIX + tenant.value();
        return new TenantIndexLayout(base, base + "-*", base, TEMPLATE_PRIORITY);
    }

    /** The tenant's index of one day (UTC day of the event time). */
    public String dailyIndex(LocalDate day) {
        return alias + "-" + DAY.format(day);
    }

    /** The day of {@code indexName} when it is one of this tenant's daily indices, exactly. */
    public Optional<LocalDate> dayOf(String indexName) {
        return parse(indexName)
                .filter(index -> alias.equals(PREFIX + index.tenant().value()))
                .map(DailyIndex::day);
    }

    /**
     * Reads a daily index name strictly: {@code events-<valid tenant id>-<real yyyy.MM.dd>} and
     * nothing else (no suffixes, no other separators, no impossible dates); empty otherwise.
     */
    public static Optional<DailyIndex> parse(String indexName) {
        if (indexName == null) {
            return Optional.empty();
        }
        Matcher m = DAILY_INDEX.matcher(indexName);
        if (!m.matches() || !TenantId.isValid(m.group(1))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DailyIndex(TenantId.of(m.group(1)), LocalDate.parse(m.group(2), DAY)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * True when the two tenants' index patterns would cover each other's indices (one id is the
     * other's followed by {@code -}); such tenants must not both exist.
     */
    public static boolean overlap(TenantId one, TenantId other) {
        return one.value().startsWith(other.value() + "-") || other.value().startsWith(one.value() + "-");
    }
}
