package io.socaas.tenants.tenantconfig.domain;

import io.socaas.events.TenantId;
import io.socaas.tenants.tenant.domain.TenantSpec;
import io.socaas.tenants.tenant.domain.TenantStatus;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Validates the tenant-config folder ({@code plans.yaml}, {@code tenants/*.yaml}) into tenant specs.
 * Pure: no I/O, no framework; the caller reads the YAML.
 *
 * <p>A bad tenant file never hides the good ones: it becomes a {@link TenantConfigError} naming the
 * file and listing every problem found in it. A bad {@code plans.yaml} makes every tenant unusable
 * and is thrown as a {@link TenantConfigException}.
 */
public final class TenantConfigParser {

    public static final int MAX_DISPLAY_NAME_LENGTH = 200;

    private static final Pattern PLAN_ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    private static final Pattern RULE_PACK_ID = PLAN_ID;
    private static final Set<String> IANA_ZONES = ZoneId.getAvailableZoneIds();
    private static final String STATUS_VALUES =
            Arrays.stream(TenantStatus.values()).map(TenantStatus::configValue).collect(Collectors.joining("|"));

    private TenantConfigParser() {}

    /** Validates the whole folder. */
    public static TenantConfigSnapshot parse(RawTenantConfig raw) {
        PlanCatalog plans = parsePlans(raw.plans());
        List<TenantSpec> tenants = new ArrayList<>();
        List<TenantConfigError> errors = new ArrayList<>(raw.unreadable());
        Set<TenantId> seen = new HashSet<>();
        for (ConfigDocument document : raw.tenants()) {
            try {
                TenantSpec spec = parseTenant(document, plans);
                if (!seen.add(spec.id())) {
                    throw new TenantConfigException(
                            document.file(), "tenant id '" + spec.id() + "' is declared by another file too");
                }
                tenants.add(spec);
            } catch (TenantConfigException e) {
                errors.add(e.error());
            }
        }
        return new TenantConfigSnapshot(tenants, errors);
    }

    /** {@code plans.yaml}: a {@code plans} list whose entries have a unique {@code id}. */
    public static PlanCatalog parsePlans(ConfigDocument document) {
        if (!(document.content() instanceof Map<?, ?> root) || !(root.get("plans") instanceof List<?> entries)) {
            throw new TenantConfigException(document.file(), "expected a top-level 'plans' list");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Object id = entries.get(i) instanceof Map<?, ?> plan ? plan.get("id") : null;
            if (!(id instanceof String planId) || !PLAN_ID.matcher(planId).matches()) {
                throw new TenantConfigException(
                        document.file(), "plans[" + i + "] needs an 'id' of lower-case letters, digits or '-'");
            }
            if (!ids.add(planId)) {
                throw new TenantConfigException(document.file(), "plan id '" + planId + "' is declared twice");
            }
        }
        if (ids.isEmpty()) {
            throw new TenantConfigException(document.file(), "declares no plans");
        }
        return new PlanCatalog(ids);
    }

    /**
     * {@code tenants/<id>.yaml}: {@code id}, {@code display_name}, {@code plan}, {@code time_zone},
     * {@code status} and optional {@code rule_packs}. Other keys (e.g. {@code contacts}) are ignored.
     */
    public static TenantSpec parseTenant(ConfigDocument document, PlanCatalog plans) {
        if (!(document.content() instanceof Map<?, ?> fields)) {
            throw new TenantConfigException(document.file(), "expected a YAML mapping with the tenant's fields");
        }
        Problems problems = new Problems();

        String rawId = problems.requiredString(fields, "id");
        TenantId id = null;
        if (rawId != null) {
            if (!TenantId.isValid(rawId)) {
                problems.add("bad id '" + rawId
                        + "': expected 1-63 lower-case letters, digits or '-', not starting or ending with '-'");
            } else {
                id = TenantId.of(rawId);
                String expectedFileName = rawId + ".yaml";
                if (!fileName(document.file()).equals(expectedFileName)) {
                    problems.add("id '" + rawId + "' does not match the file name (expected " + expectedFileName + ")");
                }
            }
        }

        String displayName = problems.requiredString(fields, "display_name");
        if (displayName != null && displayName.length() > MAX_DISPLAY_NAME_LENGTH) {
            problems.add("display_name is longer than " + MAX_DISPLAY_NAME_LENGTH + " characters");
        }

        String plan = problems.requiredString(fields, "plan");
        if (plan != null && !plans.contains(plan)) {
            problems.add("unknown plan '" + plan + "' (plans.yaml declares: " + plans.describe() + ")");
        }

        String rawZone = problems.requiredString(fields, "time_zone");
        ZoneId timeZone = null;
        if (rawZone != null) {
            if (IANA_ZONES.contains(rawZone)) {
                timeZone = ZoneId.of(rawZone);
            } else {
                problems.add("bad time_zone '" + rawZone + "': expected an IANA zone such as Europe/Berlin");
            }
        }

        String rawStatus = problems.requiredString(fields, "status");
        TenantStatus status = null;
        if (rawStatus != null) {
            status = TenantStatus.fromConfigValue(rawStatus).orElse(null);
            if (status == null) {
                problems.add("bad status '" + rawStatus + "': expected " + STATUS_VALUES);
            }
        }

        List<String> rulePacks = parseRulePacks(fields.get("rule_packs"), problems);

        problems.throwIfAny(document.file());
        return new TenantSpec(id, displayName, plan, timeZone, status, rulePacks);
    }

    private static List<String> parseRulePacks(Object value, Problems problems) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> entries)) {
            problems.add("rule_packs must be a list of rule pack ids");
            return List.of();
        }
        Map<String, Boolean> packs = new LinkedHashMap<>();
        for (Object entry : entries) {
            if (entry instanceof String pack && RULE_PACK_ID.matcher(pack).matches()) {
                packs.put(pack, Boolean.TRUE);
            } else {
                problems.add("bad rule pack id '" + entry + "': expected lower-case letters, digits or '-'");
            }
        }
        return List.copyOf(packs.keySet());
    }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    /** Collects every problem of one file so that one run of the sync reports them all. */
    private static final class Problems {
        private final List<String> messages = new ArrayList<>();

        void add(String message) {
            messages.add(message);
        }

        String requiredString(Map<?, ?> fields, String key) {
            Object value = fields.get(key);
            if (value == null) {
                add("missing '" + key + "'");
                return null;
            }
            if (!(value instanceof String text) || text.isBlank()) {
                add("'" + key + "' must be a non-empty string");
                return null;
            }
            return text.strip();
        }

        void throwIfAny(String file) {
            if (!messages.isEmpty()) {
                throw new TenantConfigException(file, String.join("; ", messages));
            }
        }
    }
}
