package io.socaas.websecurity;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Adds {@link SecurityHeaders} to every answer of the HTTP server: pages, JSON, static files, error
 * answers and the login redirects of the OIDC extension alike. The route runs first of all, and the
 * headers are written when the answer's headers are, so whatever handler answers, they are there.
 * A header an endpoint set itself is kept.
 */
@ApplicationScoped
public class SecurityHeadersRoute {

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_HEADERS).handler(ctx -> {
            if (SecurityHeaders.appliesTo(ctx.normalizedPath(), ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
                HttpServerResponse response = ctx.response();
                ctx.addHeadersEndHandler(ignored -> SecurityHeaders.HEADERS.forEach((name, value) -> {
                    if (!response.headers().contains(name)) {
                        response.putHeader(name, value);
                    }
                }));
            }
            ctx.next();
        });
    }
}
