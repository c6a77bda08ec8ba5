package io.socaas.tenants.tenantconfig.domain;

import io.socaas.events.TenantId;
import io.socaas.tenants.tenant.domain.SyslogSourceClaims;
import io.socaas.tenants.tenant.domain.TenantSettings;
import io.socaas.tenants.tenant.domain.TenantSpec;
import io.socaas.tenants.tenant.domain.TenantStatus;
import io.socaas.tenants.tenant.domain.TimeZones;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
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
    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern WEBHOOK_URL =
            Pattern.compile("https://[^\\s]+|http://(localhost|127\\.0\\.0\\.1)(:\\d+)?(/[^\\s]*)?");
    private static final Pattern LEADING_KEY = Pattern.compile("'?([a-z_]+)'?");
    private static final List<String> LEVELS = List.of("informational", "low", "medium", "high", "critical");
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
                List<String> conflicts =
                        SyslogSourceClaims.conflicts(List.of(spec), tenants).getOrDefault(spec.id(), List.of());
                if (!conflicts.isEmpty()) {
                    throw new TenantConfigException(document.file(), atLine(document, String.join("; ", conflicts)));
                }
                tenants.add(spec);
            } catch (TenantConfigException e) {
                errors.add(e.error());
            }
        }
        return new TenantConfigSnapshot(plans, tenants, errors);
    }

    /** {@code plans.yaml}, see {@link PlanParser}. */
    public static PlanCatalog parsePlans(ConfigDocument document) {
        return PlanParser.parse(document);
    }

    /**
     * {@code tenants/<id>.yaml}: {@code id}, {@code display_name}, {@code plan}, {@code time_zone},
     * {@code status}; optional {@code rule_packs} (ids, or {@code {id, overrides}}), {@code contacts},
     * {@code notification_endpoints}, {@code placeholders}, {@code holidays} and {@code syslog_sources}. Each problem names its
     * line.
     */
    public static TenantSpec parseTenant(ConfigDocument document, PlanCatalog plans) {
        if (!(document.content() instanceof Map<?, ?> fields)) {
            throw new TenantConfigException(document.file(), "expected a YAML mapping with the tenant's fields");
        }
        Problems problems = new Problems() {
            @Override
            void add(String message) {
                super.add(atLine(document, message));
            }
        };

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
            if (TimeZones.isIana(rawZone)) {
                timeZone = ZoneId.of(rawZone);
            } else {
                problems.add("bad time_zone '" + rawZone + "': expected " + TimeZones.RULE);
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

        List<TenantSettings.RuleOverride> overrides = new ArrayList<>();
        List<String> rulePacks = parseRulePacks(fields.get("rule_packs"), overrides, problems);
        TenantSettings settings = new TenantSettings(
                parseContacts(fields.get("contacts"), problems),
                overrides,
                parseEndpoints(fields.get("notification_endpoints"), problems),
                parsePlaceholders(fields.get("placeholders"), problems),
                PlanParser.parseHolidays(fields.get("holidays"), "", problems),
                SyslogSourceParser.parse(fields.get("syslog_sources"), problems));

        problems.throwIfAny(document.file());
        return new TenantSpec(id, displayName, plan, timeZone, status, rulePacks, settings);
    }

    /** "line 7: unknown plan ..." when the message starts with a key of the file that has a known line. */
    private static String atLine(ConfigDocument document, String message) {
        Matcher key = LEADING_KEY.matcher(message);
        while (key.find()) {
            var line = document.lineOf(key.group(1));
            if (line.isPresent()) {
                return "line " + line.get() + ": " + message;
            }
        }
        return message;
    }

    private static List<String> parseRulePacks(
            Object value, List<TenantSettings.RuleOverride> overrides, Problems problems) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> entries)) {
            problems.add("rule_packs must be a list of rule pack ids");
            return List.of();
        }
        Map<String, Boolean> packs = new LinkedHashMap<>();
        for (Object entry : entries) {
            Object id = entry instanceof Map<?, ?> selection ? selection.get("id") : entry;
            if (id instanceof String pack && RULE_PACK_ID.matcher(pack).matches()) {
                packs.put(pack, Boolean.TRUE);
                if (entry instanceof Map<?, ?> selection) {
                    parseOverrides(pack, selection.get("overrides"), overrides, problems);
                }
            } else {
                problems.add("rule_packs: bad rule pack id '" + id + "': expected lower-case letters, digits or '-'");
            }
        }
        return List.copyOf(packs.keySet());
    }

    private static void parseOverrides(
            String pack, Object value, List<TenantSettings.RuleOverride> overrides, Problems problems) {
        if (value == null) {
            return;
        }
        if (!(value instanceof List<?> entries)) {
            problems.add("rule_packs: overrides of '" + pack + "' must be a list");
            return;
        }
        for (Object entry : entries) {
            String at = "rule_packs: " + pack + " override ";
            if (!(entry instanceof Map<?, ?> o)
                    || !(o.get("rule") instanceof String rule)
                    || !RULE_ID.matcher(rule).matches()) {
                problems.add(at + "needs 'rule' with a rule id");
                continue;
            }
            at += rule + ": ";
            Object enabled = o.get("enabled");
            if (enabled != null && !(enabled instanceof Boolean)) {
                problems.add(at + "'enabled' must be true or false");
            }
            Object severity = o.get("severity");
            if (severity != null && !(severity instanceof String sv && LEVELS.contains(sv))) {
                problems.add(at + "'severity' must be one of " + LEVELS + ", not '" + severity + "'");
                severity = null;
            }
            List<TenantSettings.RuleException> exceptions = new ArrayList<>();
            if (o.get("exceptions") instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> ex
                            && ex.get("field") instanceof String field
                            && !field.isBlank()
                            && ex.get("values") instanceof List<?> values
                            && !values.isEmpty()) {
                        exceptions.add(new TenantSettings.RuleException(
                                field,
                                values.stream().map(String::valueOf).toList(),
                                ex.get("reason") == null ? "" : String.valueOf(ex.get("reason"))));
                    } else {
                        problems.add(at + "each exception needs 'field' and a non-empty 'values' list");
                    }
                }
            } else if (o.get("exceptions") != null) {
                problems.add(at + "'exceptions' must be a list");
            }
            overrides.add(new TenantSettings.RuleOverride(
                    pack, rule, Boolean.FALSE.equals(enabled), (String) severity, exceptions));
        }
    }

    private static Map<String, String> parseContacts(Object value, Problems problems) {
        Map<String, String> contacts = new LinkedHashMap<>();
        if (value == null) {
            return contacts;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add("contacts must map a role (security, billing, ...) to an e-mail address");
            return contacts;
        }
        map.forEach((role, email) -> {
            if (role instanceof String r
                    && email instanceof String e
                    && EMAIL.matcher(e).matches()) {
                contacts.put(r, e);
            } else {
                problems.add("contacts: '" + role + "' needs an e-mail address, not '" + email + "'");
            }
        });
        return contacts;
    }

    private static List<TenantSettings.NotificationEndpoint> parseEndpoints(Object value, Problems problems) {
        List<TenantSettings.NotificationEndpoint> endpoints = new ArrayList<>();
        if (value == null) {
            return endpoints;
        }
        if (!(value instanceof List<?> list)) {
            problems.add("notification_endpoints must be a list of { name, url, secret_ref }");
            return endpoints;
        }
        Set<String> names = new HashSet<>();
        for (Object entry : list) {
            if (entry instanceof Map<?, ?> e
                    && e.get("name") instanceof String name
                    && e.get("url") instanceof String url
                    && WEBHOOK_URL.matcher(url).matches()) {
                if (!names.add(name)) {
                    problems.add("notification_endpoints: name '" + name + "' is used twice");
                }
                Object secret = e.get("secret_ref");
                endpoints.add(new TenantSettings.NotificationEndpoint(
                        name, url, secret == null ? "" : String.valueOf(secret)));
            } else {
                problems.add("notification_endpoints: each needs a 'name' and an https 'url', not " + entry);
            }
        }
        return endpoints;
    }

    private static Map<String, List<String>> parsePlaceholders(Object value, Problems problems) {
        Map<String, List<String>> placeholders = new LinkedHashMap<>();
        if (value == null) {
            return placeholders;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add("placeholders must map a placeholder name to a list of values");
            return placeholders;
        }
        map.forEach((name, values) -> {
            if (name instanceof String n && values instanceof List<?> list) {
                placeholders.put(n, list.stream().map(String::valueOf).toList());
            } else {
                problems.add("placeholders: '" + name + "' needs a list of values");
            }
        });
        return placeholders;
    }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }
}
