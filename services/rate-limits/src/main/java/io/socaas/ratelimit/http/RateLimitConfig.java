package io.socaas.ratelimit.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Request limits of a service, per route:
 *
 * <pre>
 * socaas.rate-limit.routes.cases-api.paths=/api/*
 * socaas.rate-limit.routes.cases-api.per-user.requests=600
 * socaas.rate-limit.routes.cases-api.per-user.period=1m
 * socaas.rate-limit.routes.cases-api.per-user.burst=100
 * socaas.rate-limit.routes.cases-api.per-ip.requests=120
 * socaas.rate-limit.routes.cases-api.per-ip.period=1m
 * </pre>
 */
@ConfigMapping(prefix = "socaas.rate-limit")
public interface RateLimitConfig {

    /** Off: no request is counted or refused. */
    @WithDefault("true")
    boolean enabled();

    /** Most buckets one instance keeps; beyond, the least recently used are dropped. */
    @WithDefault("100000")
    long maxKeys();

    /** Limited routes by name (the name is the metric tag and appears in refusals). */
    Map<String, RouteConfig> routes();

    interface RouteConfig {
        /** Exact paths or prefixes ending in {@code *}; the longest match among all routes wins. */
        List<String> paths();

        /** Per authenticated user (token's user name). */
        Optional<LimitConfig> perUser();

        /** Per client address, for callers without an identity. */
        Optional<LimitConfig> perIp();

        /** Per client address, counting only answers 401 and 403 (failed credentials). */
        @WithName("per-ip-failures")
        Optional<LimitConfig> perIpFailures();
    }

    interface LimitConfig {
        /** Requests per period, refilled gradually. */
        long requests();

        /** The period of {@link #requests()}. */
        @WithDefault("1m")
        Duration period();

        /** Requests that may come at once; defaults to {@link #requests()}. */
        OptionalLong burst();
    }
}
