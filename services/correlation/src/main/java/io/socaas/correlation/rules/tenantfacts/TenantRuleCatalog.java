package io.socaas.correlation.rules.tenantfacts;

import io.quarkus.runtime.Startup;
import io.socaas.correlation.rules.domain.RuleCatalog;
import io.socaas.correlation.rules.domain.RuleLoadFailure;
import io.socaas.correlation.rules.domain.RulePacks;
import io.socaas.correlation.rules.domain.RuleTuning;
import io.socaas.correlation.rules.domain.TenantProfile;
import io.socaas.correlation.rules.tenantconfig.RulePackReader;
import io.socaas.correlation.rules.tenantconfig.TenantConfigSettings;
import io.socaas.correlation.sigma.domain.SigmaLevel;
import io.socaas.events.TenantId;
import io.socaas.proto.tenant.v1.RuleException;
import io.socaas.proto.tenant.v1.RuleOverride;
import io.socaas.proto.tenant.v1.RulePackSelection;
import io.socaas.proto.tenant.v1.Severity;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantStatus;
import io.socaas.tenantfacts.TenantFactsReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Every tenant's rules, kept current: the rule packs are read from the tenant-config folder once at
 * start; which tenant runs which pack (and which rules it turned off) comes from the tenant facts
 * on {@code soc.tenants.v1}, and the catalog is rebuilt whenever a tenant changes, without a restart.
 * The tenant's rule overrides apply: rules turned off, severity overrides and exceptions.
 */
@Startup
@ApplicationScoped
public class TenantRuleCatalog {

    private static final Logger LOG = Logger.getLogger(TenantRuleCatalog.class);

    private final RulePacks packs;
    private final TenantFactsReader<TenantConfig> facts;
    private final AtomicReference<RuleCatalog> current = new AtomicReference<>();

    TenantRuleCatalog(TenantConfigSettings settings, TenantFactsReader<TenantConfig> facts) {
        this.packs = loadPacks(settings);
        this.facts = facts;
        facts.addListener((tenant, before, after) -> rebuild(tenant));
        rebuild(null);
    }

    /** The rules per tenant as of now. */
    public RuleCatalog current() {
        return current.get();
    }

    /** Completes once the tenant facts published before the start have been read. */
    public CompletionStage<Void> whenTenantsKnown() {
        return facts.whenCaughtUp();
    }

    public boolean tenantsKnown() {
        return facts.isCaughtUp();
    }

    private void rebuild(TenantId changed) {
        List<TenantProfile> profiles =
                facts.values().stream().map(TenantRuleCatalog::profile).toList();
        RuleCatalog catalog = packs.catalogFor(profiles);
        current.set(catalog);
        if (changed != null) {
            LOG.infof(
                    "tenant %s changed: %d rules enabled",
                    changed, catalog.rulesFor(changed).size());
            String location = "tenant " + changed + " ";
            catalog.failures().stream()
                    .filter(f -> f.location().startsWith(location))
                    .forEach(f -> LOG.warnf("%s: %s", f.location(), f.reason()));
        }
    }

    static TenantProfile profile(TenantConfig config) {
        Set<String> disabled = config.getRulePacksList().stream()
                .flatMap(pack -> pack.getOverridesList().stream())
                .filter(RuleOverride::getDisabled)
                .map(RuleOverride::getRuleId)
                .collect(Collectors.toSet());
        return new TenantProfile(
                TenantId.of(config.getTenantId()),
                config.getStatus() == TenantStatus.TENANT_STATUS_ACTIVE,
                config.getRulePacksList().stream()
                        .map(RulePackSelection::getPackId)
                        .toList(),
                disabled,
                config.getPlaceholdersList().stream()
                        .collect(Collectors.toMap(
                                // named without percent signs; tolerate "%Name%" too
                                p -> p.getName().trim().replaceAll("^%|%$", ""),
                                p -> List.copyOf(p.getValuesList()),
                                (a, b) -> b)),
                tuning(config));
    }

    /**
     * The severity overrides and exceptions by rule id. A rule named in the overrides of several of
     * the tenant's packs gets the last severity stated and every exception.
     */
    static Map<String, RuleTuning> tuning(TenantConfig config) {
        Map<String, Optional<SigmaLevel>> severities = new LinkedHashMap<>();
        Map<String, List<RuleTuning.RuleException>> exceptions = new LinkedHashMap<>();
        config.getRulePacksList().stream()
                .flatMap(pack -> pack.getOverridesList().stream())
                .filter(o -> !o.getRuleId().isBlank())
                .forEach(o -> {
                    Optional<SigmaLevel> severity = level(o.getSeverity());
                    if (severity.isPresent() || !severities.containsKey(o.getRuleId())) {
                        severities.put(o.getRuleId(), severity);
                    }
                    List<RuleTuning.RuleException> ruleExceptions =
                            exceptions.computeIfAbsent(o.getRuleId(), id -> new ArrayList<>());
                    for (RuleException e : o.getExceptionsList()) {
                        if (e.getField().isBlank() || e.getValuesCount() == 0) {
                            LOG.warnf(
                                    "tenant %s rule %s: exception without field or values ignored",
                                    config.getTenantId(), o.getRuleId());
                            continue;
                        }
                        ruleExceptions.add(new RuleTuning.RuleException(
                                e.getField().trim(), List.copyOf(e.getValuesList()), e.getReason()));
                    }
                });
        Map<String, RuleTuning> result = new LinkedHashMap<>();
        severities.forEach((rule, severity) -> {
            RuleTuning tuning = new RuleTuning(severity, exceptions.getOrDefault(rule, List.of()));
            if (!tuning.isNone()) {
                result.put(rule, tuning);
            }
        });
        return result;
    }

    static Optional<SigmaLevel> level(Severity severity) {
        return switch (severity) {
            case SEVERITY_INFORMATIONAL -> Optional.of(SigmaLevel.INFORMATIONAL);
            case SEVERITY_LOW -> Optional.of(SigmaLevel.LOW);
            case SEVERITY_MEDIUM -> Optional.of(SigmaLevel.MEDIUM);
            case SEVERITY_HIGH -> Optional.of(SigmaLevel.HIGH);
            case SEVERITY_CRITICAL -> Optional.of(SigmaLevel.CRITICAL);
            case SEVERITY_UNSPECIFIED, UNRECOGNIZED -> Optional.empty();
        };
    }

    private static RulePacks loadPacks(TenantConfigSettings settings) {
        Path dir = settings.dir().toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            if (settings.required()) {
                throw new IllegalStateException("tenant-config folder " + dir
                        + " not found: set socaas.tenant-config.dir (env SOCAAS_TENANT_CONFIG_DIR)");
            }
            LOG.errorf("tenant-config folder %s not found: no rule packs", dir);
            return new RulePacks(Map.of(), List.of());
        }
        RulePacks packs = RulePackReader.read(dir);
        packs.packs().forEach((pack, rules) -> LOG.infof("rule pack %s: %d rules", pack, rules.size()));
        LOG.infof(
                "Sigma filters: %d global, %d tenant-specific",
                packs.globalFilters().size(),
                packs.tenantFilters().values().stream().mapToInt(List::size).sum());
        for (RuleLoadFailure failure : packs.failures()) {
            LOG.warnf("tenant-config %s skipped: %s", failure.location(), failure.reason());
        }
        return packs;
    }
}
