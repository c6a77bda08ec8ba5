package io.socaas.cases.casefile;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the case file feature ({@code socaas.cases.*}). */
@ConfigMapping(prefix = "socaas.cases")
public interface CaseFileConfig {

    Intake intake();

    Query query();

    Outbox outbox();

    Entitlements entitlements();

    Sla sla();

    Analysts analysts();

    Assignment assignment();

    @io.smallrye.config.WithName("notify")
    Notify notifications();

    interface Notify {
        /** How often due notifications are delivered (e.g. {@code 1s}). */
        @WithDefault("1s")
        String every();

        /** Wait before the first retry; each further retry waits twice as long. */
        @WithDefault("5s")
        java.time.Duration retryBase();

        /** Longest wait between two attempts. */
        @WithDefault("10m")
        java.time.Duration retryMax();

        /** Attempts before a notification is dead (kept for an analyst to see and replay). */
        @WithDefault("8")
        int maxAttempts();

        /** How long a webhook receiver has to answer. */
        @WithDefault("10s")
        java.time.Duration webhookTimeout();

        /** Sender of the e-mails. */
        @WithDefault("soc@socaas.local")
        String from();

        /**
         * Webhook signing secrets by name: the tenant's endpoint names its secret ({@code
         * secret_ref}), never the key. In Kubernetes, from a Secret mounted as configuration.
         */
        java.util.Map<String, String> webhookSecrets();
    }

    interface Assignment {
        /** How often new cases are given to analysts (e.g. {@code 1s}). */
        @WithDefault("1s")
        String every();
    }

    interface Analysts {
        /**
         * The analysts file ({@code tenant-config/analysts.yaml}): profiles created at start when
         * none of that name exists yet, so that SOC managers' changes over REST are kept. Empty: none.
         */
        java.util.Optional<String> file();
    }

    interface Sla {
        /** How often the SLA escalator looks for cases with a ladder step or deadline due (e.g. {@code 1s}). */
        @WithDefault("1s")
        String checkEvery();

        /**
         * How long a page waits for its analyst's acknowledgement before it goes on to the next
         * analyst on the rota.
         */
        @WithDefault("15m")
        java.time.Duration pageAckWait();

        /** How often unacknowledged pages are looked for (e.g. {@code 5s}). */
        @WithDefault("5s")
        String pagePassOnEvery();
    }

    interface Entitlements {
        /**
         * How often the relay publishes queued analysts' entitlements on soc.entitlements.v1 (e.g.
         * {@code 500ms}): the other services must see a change within seconds.
         */
        @WithDefault("500ms")
        String pollEvery();
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
