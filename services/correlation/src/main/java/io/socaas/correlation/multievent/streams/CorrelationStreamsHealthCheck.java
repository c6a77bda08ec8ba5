package io.socaas.correlation.multievent.streams;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness check {@code correlation-streams}: the Kafka Streams instance runs (or rebalances). */
@Readiness
@ApplicationScoped
public class CorrelationStreamsHealthCheck implements HealthCheck {

    private final CorrelationStreams streams;

    CorrelationStreamsHealthCheck(CorrelationStreams streams) {
        this.streams = streams;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("correlation-streams");
        if (!streams.enabled()) {
            return builder.up().withData("state", "disabled").build();
        }
        var state = streams.state();
        boolean up = state.map(s -> s == KafkaStreams.State.RUNNING || s == KafkaStreams.State.REBALANCING)
                .orElse(false);
        return builder.status(up)
                .withData("state", state.map(Enum::name).orElse("NOT_STARTED"))
                .build();
    }
}
