package io.socaas.correlation.intel.feeds;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.socaas.correlation.intel.domain.FeedFormat;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Threat intelligence: the global feeds and where the tenants' own lists are kept. */
@ConfigMapping(prefix = "socaas.intel")
public interface IntelSettings {

    /**
     * The compacted topic of the tenants' own lists (key = tenant; application.properties: the live
     * one, and the tests' own).
     */
    String topic();

    /** Largest upload accepted, in bytes (a Kafka record holds the parsed list). */
    @WithDefault("4194304")
    int maxUploadBytes();

    /** Most indicators in one tenant list. */
    @WithDefault("20000")
    int maxListIndicators();

    /**
     * How long an upload waits, after a start, for the tenants' lists to be read back from the
     * topic before it is refused as UNAVAILABLE (it would otherwise replace lists not known yet).
     */
    @WithDefault("PT20S")
    Duration listsLoadWait();

    /** The global feeds by name; their indicators match every tenant's events. */
    Map<String, Feed> feeds();

    /** One global feed. */
    interface Feed {

        /** stix, csv, misp or taxii (location: a TAXII 2.1 collection's URL or its objects endpoint). */
        FeedFormat format();

        /**
         * Where: an {@code http(s)://} URL or a file path (for {@code misp}, the folder or base URL
         * holding {@code manifest.json} and the event files).
         */
        String location();

        /** How often it is read again. */
        @WithDefault("PT1H")
        Duration refresh();

        /** Confidence 0-100 of its indicators that state none. */
        @WithDefault("50")
        int confidence();

        /**
         * An indicator stops matching this long after it was last seen (else first seen, else
         * loaded), even without a {@code valid_until}.
         */
        Optional<Duration> maxAge();

        /** User name for HTTP basic authentication (with {@code password}). */
        Optional<String> username();

        /** Password for HTTP basic authentication. */
        Optional<String> password();

        /** Bearer token (instead of a user name and password). */
        Optional<String> token();

        /** Whether it is read at all. */
        @WithDefault("true")
        boolean enabled();
    }
}
