package io.socaas.ratelimit;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Finds the route that limits a request path: the one with the longest matching pattern (a pattern
 * is an exact path or a prefix ending in {@code *}). The management paths ({@code /q/...}: health,
 * metrics, OpenAPI) are never limited, whatever the configuration says.
 */
public final class RouteTable {

    private final List<Route> routes;

    public RouteTable(Collection<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public Optional<Route> routeOf(String path) {
        if (path == null || path.equals("/q") || path.startsWith("/q/")) {
            return Optional.empty();
        }
        Route best = null;
        int bestLength = -1;
        for (Route route : routes) {
            int length = route.match(path);
            if (length > bestLength) {
                best = route;
                bestLength = length;
            }
        }
        return Optional.ofNullable(best);
    }

    public boolean isEmpty() {
        return routes.isEmpty();
    }
}
