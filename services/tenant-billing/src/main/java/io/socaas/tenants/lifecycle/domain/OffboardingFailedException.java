package io.socaas.tenants.lifecycle.domain;

/**
 * Offboarding stopped: the export could not be made (nothing was purged), or a part of the purge
 * failed (the export is kept). The tenant stays {@code offboarding}; offboarding it again resumes.
 */
public class OffboardingFailedException extends RuntimeException {

    private final String stage;

    public OffboardingFailedException(String stage, String message, Throwable cause) {
        super(message, cause);
        this.stage = stage;
    }

    /** {@code export} or {@code purge}. */
    public String stage() {
        return stage;
    }
}
