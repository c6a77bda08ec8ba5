package io.socaas.reporting.portal.rest;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * An API client whose bearer token is expired, forged or from another realm is refused before any
 * resource runs (proactive authentication). It gets the same 401 {@code application/problem+json}
 * as a client without a token, instead of an empty body. Browser sessions are left to the OIDC
 * code flow.
 */
@ApplicationScoped
public class InvalidBearerTokenHandler {

    private static final Logger LOG = Logger.getLogger(InvalidBearerTokenHandler.class);

    void register(@Observes Router router) {
        router.route().failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        boolean bearer =
                authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("bearer ");
        if (!(context.failure() instanceof AuthenticationFailedException)
                || !bearer
                || context.response().ended()) {
            context.next();
            return;
        }
        LOG.debugf("invalid bearer token on %s", context.request().path());
        JsonObject problem = new JsonObject()
                .put("type", "https://socaas.io/problems/unauthenticated")
                .put("title", "Authentication required")
                .put("status", 401)
                .put("detail", "the bearer token is invalid or expired: send a current access token from realm socaas")
                .put("instance", context.request().path());
        context.response()
                .setStatusCode(401)
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON)
                .putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .end(problem.encode());
    }
}
