package io.socaas.ingestion.indexing.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * The indexer's state on {@code /q/health/live}. Waiting for OpenSearch is reported (state, the
 * kind of the last error, last commit) but is UP: restarting the service would not bring OpenSearch back, and intake
 * must keep accepting events meanwhile. DOWN only when the indexer thread stopped on an error it
 * cannot get past, which a restart does cure.
 */
@Liveness
@ApplicationScoped
public class EventIndexerHealth implements HealthCheck {

    private final EventIndexer indexer;

    EventIndexerHealth(EventIndexer indexer) {
        this.indexer = indexer;
    }

    @Override
    public HealthCheckResponse call() {
        EventIndexer.State state = indexer.state();
        var response = HealthCheckResponse.named("event-indexer")
                .status(state != EventIndexer.State.FAILED)
                .withData("state", state.name().toLowerCase(java.util.Locale.ROOT))
                .withData("opensearch", indexer.opensearchUrl());
        if (indexer.lastError() != null) {
            // the kind of failure only: its message may name a tenant's index, and health answers
            // anyone who reaches the port (the whole message is in the service's log)
            String error = indexer.lastError();
            int detail = error.indexOf(':');
            response.withData("last_error", detail < 0 ? error : error.substring(0, detail));
        }
        if (indexer.lastCommit() != null) {
            response.withData("last_commit", indexer.lastCommit().toString());
        }
        return response.build();
    }
}
