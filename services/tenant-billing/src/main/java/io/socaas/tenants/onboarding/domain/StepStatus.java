package io.socaas.tenants.onboarding.domain;

import java.util.Locale;

/** Where one provisioning step stands. */
public enum StepStatus {
    /** Not done yet; when it has attempts, the last error says why the previous one failed. */
    PENDING,
    DONE,
    /** Failed for good (attempts exhausted or a failure that no retry can fix). */
    FAILED,
    /** Not applicable here; the detail says why. */
    SKIPPED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StepStatus fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
