package io.socaas.ratelimit;

import java.util.List;
import java.util.Optional;

/**
 * A named group of paths and its limits. {@code perUser} holds an authenticated caller (by user
 * name); {@code perIp} holds a caller without an identity (by client address); {@code perIpFailures}
 * counts the requests of one address that were refused as unauthenticated or forbidden (401, 403),
 * and once that budget is spent refuses the address before its credentials are even checked.
 */
public record Route(
        String name,
        List<String> paths,
        Optional<Limit> perUser,
        Optional<Limit> perIp,
        Optional<Limit> perIpFailures) {

    public Route {
        paths = List.copyOf(paths);
        for (String path : paths) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("route " + name + ": path must start with '/': " + path);
            }
            if (path.indexOf('*') >= 0 && path.indexOf('*') != path.length() - 1) {
                throw new IllegalArgumentException("route " + name + ": '*' may only end a path: " + path);
            }
        }
    }

    /** The length of the longest of this route's patterns that matches, or -1. */
    int match(String path) {
        int best = -1;
        for (String pattern : paths) {
            boolean matches = pattern.endsWith("*")
                    ? path.startsWith(pattern.substring(0, pattern.length() - 1))
                    : path.equals(pattern);
            if (matches) {
                best = Math.max(best, pattern.length());
            }
        }
        return best;
    }
}
