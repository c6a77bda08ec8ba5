package io.socaas.localstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.socaas.localstack.LocalStack;
import java.util.Map;

/**
 * Makes sure the real infrastructure (PostgreSQL, Kafka, OpenSearch, Keycloak) runs before a
 * {@code @QuarkusTest} starts: reuses what is already healthy, starts what is missing. The stack
 * is left running for the next test class and module; {@code ./soc down} stops it.
 *
 * <p>Use with {@code @QuarkusTestResource(LocalStackResource.class)} (or {@code @WithTestResource}).
 * Services' default configuration already points at the local stack's ports.
 */
public class LocalStackResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        LocalStack.fromEnvironment().ensureInfrastructure();
        return Map.of();
    }

    @Override
    public void stop() {
        // Shared across test classes and modules: stopping is ./soc down's job.
    }
}
