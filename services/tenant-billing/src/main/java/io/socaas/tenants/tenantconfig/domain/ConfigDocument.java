package io.socaas.tenants.tenantconfig.domain;

import java.util.Objects;

/**
 * One YAML file of the tenant-config folder, already read into plain Java values ({@code Map},
 * {@code List}, {@code String}, numbers, booleans; {@code null} for an empty file).
 *
 * @param file path relative to the tenant-config folder, e.g. {@code tenants/acme.yaml}
 */
public record ConfigDocument(String file, Object content) {

    public ConfigDocument {
        Objects.requireNonNull(file, "file");
    }
}
