package io.socaas.cases.casefile;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the case file feature ({@code socaas.cases.*}). */
@ConfigMapping(prefix = "socaas.cases")
public interface CaseFileConfig {

    Intake intake();

    Query query();

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
