package io.socaas.localstack;

/** Facade of the launcher used by ./soc and by tests. */
public final class LocalStack {

    private LocalStack() {}

    public static LocalStack fromEnvironment() {
        return new LocalStack();
    }

    /** Starts (or reuses) PostgreSQL, Kafka, OpenSearch and Keycloak; returns when all are healthy. */
    public void ensureInfrastructure() {
        throw new IllegalStateException("not yet available");
    }
}
