package io.socaas.tenants.tenantconfig.domain;

import java.time.Instant;
import java.util.List;

/**
 * Outcome of one tenant-config sync.
 *
 * @param loaded tenant ids written or confirmed unchanged
 * @param changed tenant ids inserted or updated by this run
 * @param errors files skipped, each with its reason (also the tenants whose write failed)
 * @param failure set when the folder could not be used at all (e.g. missing plans.yaml)
 */
public record SyncReport(
        Instant finishedAt, List<String> loaded, List<String> changed, List<TenantConfigError> errors, String failure) {

    public SyncReport {
        loaded = List.copyOf(loaded);
        changed = List.copyOf(changed);
        errors = List.copyOf(errors);
    }

    public static SyncReport failed(Instant at, String failure) {
        return failed(at, failure, List.of());
    }

    /** Nothing applied: {@code failure} says why, {@code errors} name each bad file. */
    public static SyncReport failed(Instant at, String failure, List<TenantConfigError> errors) {
        return new SyncReport(at, List.of(), List.of(), errors, failure);
    }

    public boolean succeeded() {
        return failure == null;
    }
}
