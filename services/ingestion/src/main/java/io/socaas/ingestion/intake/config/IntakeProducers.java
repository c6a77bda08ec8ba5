package io.socaas.ingestion.intake.config;

import io.socaas.events.EventBatchParser;
import io.socaas.events.EventStamper;
import io.socaas.ingestion.intake.domain.EventIntake;
import io.socaas.ingestion.intake.domain.EventPublisher;
import io.socaas.ingestion.intake.domain.IngestKeyResolver;
import io.socaas.ingestion.intake.domain.TenantStanding;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wires the framework-free intake service to its adapters. */
@Singleton
public class IntakeProducers {

    @Produces
    @Singleton
    EventIntake eventIntake(
            IngestKeyResolver keys, TenantStanding standing, EventPublisher publisher, IntakeConfig config) {
        long maxBytes = config.batch().maxBodySize().asLongValue();
        EventBatchParser parser =
                new EventBatchParser(config.batch().maxEvents(), (int) Math.min(Integer.MAX_VALUE - 8, maxBytes));
        return new EventIntake(keys, standing, parser, EventStamper.systemUtc(), publisher);
    }
}
