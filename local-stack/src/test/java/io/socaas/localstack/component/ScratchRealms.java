package io.socaas.localstack.component;

import io.socaas.localstack.LocalStack;
import io.socaas.localstack.StackSettings;

/**
 * The Keycloak of the local stack for tests that work on realms of their own: a Keycloak that
 * already runs is used as it is (its platform realm is neither synced nor touched), one that does not
 * run is started as the launcher starts it.
 */
final class ScratchRealms {

    private ScratchRealms() {}

    static void ensureKeycloak(StackSettings settings) {
        if (!new Keycloak(settings, null).isHealthy()) {
            LocalStack.fromEnvironment().ensureInfrastructure();
        }
    }
}
