package io.socaas.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static final Optional<Limit> SOME = Optional.of(Limit.of(10, Duration.ofMinutes(1)));

    private final RouteTable table = new RouteTable(List.of(
            route("api", "/api/*"),
            route("cases-export", "/api/v1/cases/*"),
            route("portal", "/portal", "/portal/*"),
            route("everything", "/*")));

    @Test
    void theLongestMatchingPatternWins() {
        assertThat(name("/api/v1/queue")).isEqualTo("api");
        assertThat(name("/api/v1/cases/abc/export/pdf")).isEqualTo("cases-export");
        assertThat(name("/portal")).isEqualTo("portal");
        assertThat(name("/portal/cases.json")).isEqualTo("portal");
        assertThat(name("/signed-out")).isEqualTo("everything");
    }

    @Test
    void managementPathsAreNeverLimited() {
        assertThat(table.routeOf("/q/health/ready")).isEmpty();
        assertThat(table.routeOf("/q/metrics")).isEmpty();
        assertThat(table.routeOf("/q")).isEmpty();
    }

    @Test
    void aPathNoRouteNamesIsNotLimited() {
        RouteTable apiOnly = new RouteTable(List.of(route("api", "/api/*")));

        assertThat(apiOnly.routeOf("/socaas.cases.v1.CaseService/GetCase")).isEmpty();
        assertThat(apiOnly.routeOf("/apis")).isEmpty();
    }

    @Test
    void refusesAStarInsideAPattern() {
        assertThatThrownBy(() -> route("bad", "/api/*/cases"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad");
    }

    private String name(String path) {
        return table.routeOf(path).orElseThrow().name();
    }

    private static Route route(String name, String... paths) {
        return new Route(name, List.of(paths), SOME, SOME, Optional.empty());
    }
}
