package io.socaas.reporting.portal.domain;

import io.socaas.events.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * The detection rules a tenant may read in the portal: exactly those that run for it (a pack it
 * enabled, not turned off by one of its overrides). Any other rule, whether it exists or not, is
 * simply not there for that tenant, so the portal never reveals another tenant's detection set.
 */
public class PortalRules {

    private final RuleLibrary library;
    private final RuleSelections selections;

    public PortalRules(RuleLibrary library, RuleSelections selections) {
        this.library = Objects.requireNonNull(library, "library");
        this.selections = Objects.requireNonNull(selections, "selections");
    }

    /** The rule, when it is enabled for the tenant. */
    public Optional<RuleFile> enabledRule(TenantId tenant, String ruleId) {
        RuleSelection selection = selections.of(tenant);
        return library.filesOf(ruleId).stream()
                .filter(file -> selection.enables(file.packId(), file.ruleId()))
                .findFirst();
    }
}
