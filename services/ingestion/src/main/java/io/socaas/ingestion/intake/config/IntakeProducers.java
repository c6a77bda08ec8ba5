package io.socaas.ingestion.intake.config;

import io.socaas.events.EventBatchParser;
import io.socaas.events.ocsf.OcsfNormalizer;
import io.socaas.ingestion.intake.domain.DeadLetterPublisher;
import io.socaas.ingestion.intake.domain.EventIntake;
import io.socaas.ingestion.intake.domain.EventPublisher;
import io.socaas.ingestion.intake.domain.IngestKeyResolver;
import io.socaas.ingestion.intake.domain.IngestQuotas;
import io.socaas.ingestion.intake.domain.TenantStanding;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wires the framework-free intake service to its adapters. */
@Singleton
public class IntakeProducers {

    @Produces
    @Singleton
    EventIntake eventIntake(
            IngestKeyResolver keys,
            TenantStanding standing,
            IngestQuotas quotas,
            EventPublisher publisher,
            DeadLetterPublisher deadLetters,
            OcsfNormalizer normalizer,
            IntakeConfig config) {
        long maxBytes = config.batch().maxBodySize().asLongValue();
        EventBatchParser parser =
                new EventBatchParser(config.batch().maxEvents(), (int) Math.min(Integer.MAX_VALUE - 8, maxBytes));
        return new EventIntake(
                keys, standing, quotas, parser, normalizer, java.time.Clock.systemUTC(), publisher, deadLetters);
    }

    /**
     * The OCSF normalizer with the shipped mapping files, loaded and validated once: a bad mapping
     * file fails the start with a message naming the file and the entry.
     */
    @Produces
    @Singleton
    OcsfNormalizer normalizer(IntakeConfig config) {
        return new OcsfNormalizer(
                io.socaas.events.ocsf.OcsfMappings.load(),
                config.normalization().maxPast(),
                config.normalization().maxFuture());
    }
}
