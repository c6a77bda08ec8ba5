package io.socaas.tenants.onboarding.domain;

/**
 * A provisioning step could not complete. {@code permanent} failures (a precondition only an
 * operator can fix, e.g. the admin's e-mail belongs to another Keycloak user) are not retried.
 */
public class StepFailedException extends RuntimeException {

    private final boolean permanent;

    public StepFailedException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    public StepFailedException(String message, Throwable cause) {
        super(message, cause);
        this.permanent = false;
    }

    public boolean permanent() {
        return permanent;
    }
}
