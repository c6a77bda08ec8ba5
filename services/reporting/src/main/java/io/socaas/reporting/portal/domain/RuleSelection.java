package io.socaas.reporting.portal.domain;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The detection rules a tenant has switched on: the rule packs it enabled and, per pack, the rules
 * it turned off with an override. As tenant-billing publishes it in the tenant's configuration.
 *
 * @param disabledByPack pack id to the ids of the pack's rules the tenant turned off; a pack that is
 *     not a key is not enabled for the tenant
 */
public record RuleSelection(Map<String, Set<String>> disabledByPack) {

    /** A tenant without any rule pack. */
    public static final RuleSelection NONE = new RuleSelection(Map.of());

    public RuleSelection {
        Objects.requireNonNull(disabledByPack, "disabledByPack");
        disabledByPack = Map.copyOf(disabledByPack);
    }

    /** True when the rule with this id, from this pack, runs for the tenant. */
    public boolean enables(String packId, String ruleId) {
        Set<String> disabled = disabledByPack.get(packId);
        return disabled != null && !disabled.contains(ruleId);
    }
}
