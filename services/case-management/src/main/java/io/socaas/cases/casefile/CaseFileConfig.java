package io.socaas.cases.casefile;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the case file feature ({@code socaas.cases.*}). */
@ConfigMapping(prefix = "socaas.cases")
public interface CaseFileConfig {

    Intake intake();

    Query query();

    Outbox outbox();

    Sla sla();

    interface Sla {
        /** How often the SLA escalator looks for cases with a ladder step or deadline due (e.g. {@code 1s}). */
        @WithDefault("1s")
        String checkEvery();
    }

    interface Outbox {
        /** How often the relay publishes committed case changes on soc.cases.v1 (e.g. {@code 500ms}). */
        @WithDefault("500ms")
        String pollEvery();
    }

    interface Intake {
        /**
         * How often an alert intake that collided with a concurrent one (another replica taking in
         * the same alert or dedup key) is retried before the record is dead-lettered.
         */
        @WithDefault("3")
        int conflictRetries();
    }

    interface Query {
        /** Page size when a caller asks for none. */
        @WithDefault("100")
        int defaultLimit();

        /** Largest page size; larger requests are capped. */
        @WithDefault("500")
        int maxLimit();
    }
}
