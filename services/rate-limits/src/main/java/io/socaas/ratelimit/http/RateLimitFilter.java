package io.socaas.ratelimit.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.smallrye.mutiny.Uni;
import io.socaas.ratelimit.ClientAddress;
import io.socaas.ratelimit.Decision;
import io.socaas.ratelimit.Limit;
import io.socaas.ratelimit.RateLimiter;
import io.socaas.ratelimit.Route;
import io.socaas.ratelimit.RouteTable;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Applies {@link RateLimitConfig} to every HTTP request, as two Vert.x filters so that a refusal
 * costs no resource call:
 *
 * <ol>
 *   <li>before authentication: an address whose budget of failed credentials ({@code
 *       per-ip-failures}) is spent is refused before its token is checked, and every 401/403 answer
 *       is counted against its address;
 *   <li>after authentication: an authenticated caller takes from its user's bucket ({@code per-user}),
 *       any other from its address's ({@code per-ip}).
 * </ol>
 *
 * The client address is the connection's, or the one Quarkus takes from {@code Forwarded} /
 * {@code X-Forwarded-For} when {@code quarkus.http.proxy.*} is set to trust a proxy: the headers are
 * never read here. A refusal is {@code 429} {@code application/problem+json} with {@code
 * Retry-After}; refusals are counted in {@code socaas.rate.limit.refused} by route and limit.
 */
@ApplicationScoped
public class RateLimitFilter {

    /** The stable problem type of a refusal. */
    public static final String PROBLEM_TYPE = "https://socaas.io/problems/rate-limited";

    static final String PER_USER = "per-user";
    static final String PER_IP = "per-ip";
    static final String PER_IP_FAILURES = "per-ip-failures";

    /** After CORS (300), before authentication (200). */
    static final int BEFORE_AUTHENTICATION = SecurityHandlerPriorities.AUTHENTICATION + 50;
    /** After authentication (200), before the HTTP permission checks (100). */
    static final int AFTER_AUTHENTICATION = SecurityHandlerPriorities.AUTHENTICATION - 10;

    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class);
    private static final String ROUTE_KEY = RateLimitFilter.class.getName() + ".route";

    private final RateLimitConfig config;
    private final MeterRegistry registry;
    private final RouteTable routes;
    private final RateLimiter limiter;
    private final Map<String, Counter> refusals = new ConcurrentHashMap<>();

    @Inject
    public RateLimitFilter(RateLimitConfig config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
        this.routes = new RouteTable(config.routes().entrySet().stream()
                .map(e -> new Route(
                        e.getKey(),
                        e.getValue().paths(),
                        e.getValue().perUser().map(RateLimitFilter::limit),
                        e.getValue().perIp().map(RateLimitFilter::limit),
                        e.getValue().perIpFailures().map(RateLimitFilter::limit)))
                .toList());
        this.limiter = new RateLimiter(config.maxKeys());
    }

    void register(@Observes Filters filters) {
        if (!config.enabled() || routes.isEmpty()) {
            LOG.debug("rate limits off");
            return;
        }
        filters.register(this::beforeAuthentication, BEFORE_AUTHENTICATION);
        filters.register(this::afterAuthentication, AFTER_AUTHENTICATION);
    }

    private void beforeAuthentication(RoutingContext context) {
        Optional<Route> matched = routes.routeOf(context.normalizedPath());
        if (matched.isEmpty()) {
            context.next();
            return;
        }
        Route route = matched.get();
        context.put(ROUTE_KEY, route);
        if (route.perIpFailures().isPresent()) {
            Limit limit = route.perIpFailures().get();
            String address = address(context);
            Decision decision = limiter.peek(route.name(), PER_IP_FAILURES, limit, address);
            if (!decision.allowed()) {
                refuse(context, route, PER_IP_FAILURES, limit, decision, "failed calls from this address");
                return;
            }
            context.addHeadersEndHandler(ignored -> {
                int status = context.response().getStatusCode();
                if (status == 401 || status == 403) {
                    limiter.take(route.name(), PER_IP_FAILURES, limit, address);
                }
            });
        }
        context.next();
    }

    private void afterAuthentication(RoutingContext context) {
        Route route = context.get(ROUTE_KEY);
        if (route == null || (route.perUser().isEmpty() && route.perIp().isEmpty())) {
            context.next();
            return;
        }
        if (route.perUser().isEmpty()) {
            limitByAddress(context, route);
            return;
        }
        identity(context)
                .subscribe()
                .with(
                        identity -> {
                            if (identity != null && !identity.isAnonymous()) {
                                Limit limit = route.perUser().get();
                                String user = identity.getPrincipal().getName();
                                apply(context, route, PER_USER, limit, "user:" + user, "requests by this user");
                            } else {
                                limitByAddress(context, route);
                            }
                        },
                        failure -> {
                            // the credentials were refused: Quarkus has already routed the request to its
                            // authentication failure handling (401), which the failure budget counts
                            if (!context.failed() && !context.response().ended()) {
                                context.fail(failure);
                            }
                        });
    }

    private void limitByAddress(RoutingContext context, Route route) {
        if (route.perIp().isEmpty()) {
            context.next();
            return;
        }
        apply(context, route, PER_IP, route.perIp().get(), "ip:" + address(context), "requests from this address");
    }

    private void apply(RoutingContext context, Route route, String kind, Limit limit, String key, String what) {
        Decision decision = limiter.tryAcquire(route.name(), kind, limit, key);
        if (!decision.allowed()) {
            refuse(context, route, kind, limit, decision, what);
            return;
        }
        context.response().putHeader("X-RateLimit-Limit", Long.toString(limit.burst()));
        context.response().putHeader("X-RateLimit-Remaining", Long.toString(decision.remaining()));
        context.next();
    }

    private void refuse(RoutingContext context, Route route, String kind, Limit limit, Decision decision, String what) {
        refusals.computeIfAbsent(
                        route.name() + "\n" + kind,
                        k -> Counter.builder("socaas.rate.limit.refused")
                                .description("Requests refused with 429 by a rate limit")
                                .tag("route", route.name())
                                .tag("limit", kind)
                                .register(registry))
                .increment();
        long retryAfter = decision.retryAfterSeconds();
        LOG.debugf("429 on %s: %s %s spent", context.normalizedPath(), route.name(), kind);
        JsonObject problem = new JsonObject()
                .put("type", PROBLEM_TYPE)
                .put("title", "Too many requests")
                .put("status", 429)
                .put(
                        "detail",
                        "rate limit " + route.name() + " " + kind + " reached: at most " + limit.describe() + " " + what
                                + "; retry in " + retryAfter + " s")
                .put("instance", context.normalizedPath())
                .put("rate_limit", route.name())
                .put("limit", kind);
        context.response()
                .setStatusCode(429)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))
                .putHeader("X-RateLimit-Limit", Long.toString(limit.burst()))
                .putHeader("X-RateLimit-Remaining", "0")
                .end(problem.encode());
    }

    private static Uni<SecurityIdentity> identity(RoutingContext context) {
        if (context.user() instanceof QuarkusHttpUser user) {
            return Uni.createFrom().item(user.getSecurityIdentity());
        }
        Uni<SecurityIdentity> deferred = context.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        return deferred != null ? deferred : Uni.createFrom().nullItem();
    }

    private static String address(RoutingContext context) {
        SocketAddress remote = context.request().remoteAddress();
        return ClientAddress.key(remote == null ? null : remote.hostAddress());
    }

    private static Limit limit(RateLimitConfig.LimitConfig config) {
        return new Limit(config.requests(), config.period(), config.burst().orElse(config.requests()));
    }
}
