package io.socaas.deploy;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the values files declare as living outside the chart. */
final class Values {

    private Values() {}

    /** Every {@code existingConfigMap} and {@code existingSecret} (and image pull Secret) in the values. */
    static ManifestChecks.External external(Map<String, Object> values) {
        Set<String> configMaps = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        collect(values, configMaps, secrets);
        Object image = values.get("image");
        if (image instanceof Map<?, ?> m && m.get("pullSecrets") instanceof Collection<?> pull) {
            pull.forEach(s -> secrets.add(String.valueOf(s)));
        }
        return new ManifestChecks.External(configMaps, secrets);
    }

    private static void collect(Object node, Set<String> configMaps, Set<String> secrets) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if ("existingConfigMap".equals(k) && v != null) {
                    configMaps.add(v.toString());
                } else if ("existingSecret".equals(k) && v != null) {
                    secrets.add(v.toString());
                } else {
                    collect(v, configMaps, secrets);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collect(v, configMaps, secrets));
        }
    }
}
