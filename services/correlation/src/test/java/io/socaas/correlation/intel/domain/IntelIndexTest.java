package io.socaas.correlation.intel.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socaas.events.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Lookups of the matching index: networks of both families, parent domains, URLs, hashes, expiry. */
class IntelIndexTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    static Indicator indicator(IndicatorType type, String value) {
        return Indicator.of(type, value, "feed", 50, Optional.empty(), Optional.empty(), Optional.empty(), "", "");
    }

    private static List<String> values(List<Indicator> found) {
        return found.stream().map(Indicator::value).toList();
    }

    @Test
    void anAddressMatchesEveryNetworkThatContainsItAndItself() {
        IntelIndex index = IntelIndex.of(List.of(
                indicator(IndicatorType.IP, "10.0.0.0/8"),
                indicator(IndicatorType.IP, "10.1.0.0/16"),
                indicator(IndicatorType.IP, "10.1.2.3"),
                indicator(IndicatorType.IP, "10.2.0.0/16")));

        assertThat(values(index.ip(IpNetwork.parse("10.1.2.3"))))
                .containsExactly("10.0.0.0/8", "10.1.0.0/16", "10.1.2.3");
        assertThat(values(index.ip(IpNetwork.parse("10.1.9.9")))).containsExactly("10.0.0.0/8", "10.1.0.0/16");
        assertThat(index.ip(IpNetwork.parse("11.1.2.3"))).isEmpty();
    }

    @Test
    void ipv6NetworksMatchIpv6AddressesOnly() {
        IntelIndex index = IntelIndex.of(
                List.of(indicator(IndicatorType.IP, "2001:db8:bad::/48"), indicator(IndicatorType.IP, "0.0.0.0/0")));

        assertThat(values(index.ip(IpNetwork.parse("2001:db8:bad:1::42"))))
                .containsExactly("2001:db8:bad:0:0:0:0:0/48");
        assertThat(index.ip(IpNetwork.parse("2001:db8:bae::1"))).isEmpty();
        assertThat(values(index.ip(IpNetwork.parse("192.0.2.1")))).containsExactly("0.0.0.0/0");
    }

    @Test
    void aDomainMatchesItselfAndItsSubdomainsButNoOtherNameEndingAlike() {
        IntelIndex index = IntelIndex.of(List.of(indicator(IndicatorType.DOMAIN, "Evil.Example.")));

        assertThat(index.domain("evil.example")).hasSize(1);
        assertThat(index.domain("a.b.evil.example")).hasSize(1);
        assertThat(index.domain("notevil.example")).isEmpty();
        assertThat(index.domain("evil.example.org")).isEmpty();
    }

    @Test
    void urlsAndHashesMatchOnTheirNormalizedForm() {
        IntelIndex index = IntelIndex.of(List.of(
                indicator(IndicatorType.URL, "HTTP://Files.Example:80/Payload.exe#frag"),
                indicator(IndicatorType.FILE_HASH, "D41D8CD98F00B204E9800998ECF8427E")));

        assertThat(index.url(IndicatorValues.normalize(IndicatorType.URL, "http://files.example/Payload.exe")))
                .hasSize(1);
        assertThat(index.url(IndicatorValues.normalize(IndicatorType.URL, "http://files.example/payload.exe")))
                .as("the path keeps its case")
                .isEmpty();
        assertThat(index.hash("d41d8cd98f00b204e9800998ecf8427e")).hasSize(1);
    }

    @Test
    void refusesValuesThatAreNotOfTheirType() {
        assertThatThrownBy(() -> indicator(IndicatorType.IP, "300.1.1.1"))
                .isInstanceOf(InvalidIndicatorException.class);
        assertThatThrownBy(() -> indicator(IndicatorType.IP, "10.0.0.0/33"))
                .isInstanceOf(InvalidIndicatorException.class);
        assertThatThrownBy(() -> indicator(IndicatorType.IP, "evil.example"))
                .isInstanceOf(InvalidIndicatorException.class);
        assertThatThrownBy(() -> indicator(IndicatorType.DOMAIN, "localhost"))
                .isInstanceOf(InvalidIndicatorException.class);
        assertThatThrownBy(() -> indicator(IndicatorType.DOMAIN, "1.2.3.4"))
                .isInstanceOf(InvalidIndicatorException.class);
        assertThatThrownBy(() -> indicator(IndicatorType.FILE_HASH, "abc"))
                .isInstanceOf(InvalidIndicatorException.class);
    }

    @Test
    void anIndicatorPastItsValidUntilOrItsFeedsMaxAgeNoLongerMatches() {
        Indicator expired = Indicator.of(
                IndicatorType.IP,
                "192.0.2.1",
                "feed",
                50,
                Optional.empty(),
                Optional.empty(),
                Optional.of(NOW.minusSeconds(1)),
                "",
                "");
        Indicator stale = Indicator.of(
                        IndicatorType.IP,
                        "192.0.2.2",
                        "feed",
                        50,
                        Optional.empty(),
                        Optional.of(NOW.minus(Duration.ofDays(31))),
                        Optional.empty(),
                        "",
                        "")
                .withMaxAge(Duration.ofDays(30), NOW);
        Indicator fresh = Indicator.of(
                        IndicatorType.IP,
                        "192.0.2.3",
                        "feed",
                        50,
                        Optional.empty(),
                        Optional.of(NOW.minus(Duration.ofDays(29))),
                        Optional.empty(),
                        "",
                        "")
                .withMaxAge(Duration.ofDays(30), NOW);
        IntelSnapshot snapshot = new IntelSnapshot(IntelIndex.of(List.of(expired, stale, fresh)), Map.of());

        List<IntelObservables.Observed> observed = IntelObservables.of(Map.of(
                "src_endpoint", Map.of("ip", "192.0.2.1"),
                "dst_endpoint", Map.of("ip", "192.0.2.2"),
                "device", Map.of("ip", "192.0.2.3")));

        assertThat(snapshot.match(TenantId.of("acme"), observed, NOW))
                .extracting(hit -> hit.indicator().value())
                .containsExactly("192.0.2.3");
    }

    @Test
    void aTenantsOwnIndicatorsMatchOnlyThatTenantsEvents() {
        Indicator acmeOnly = indicator(IndicatorType.DOMAIN, "acme-watch.example");
        IntelSnapshot snapshot =
                new IntelSnapshot(IntelIndex.EMPTY, Map.of(TenantId.of("acme"), IntelIndex.of(List.of(acmeOnly))));
        List<IntelObservables.Observed> observed =
                IntelObservables.of(Map.of("query", Map.of("hostname", "www.acme-watch.example")));

        assertThat(snapshot.match(TenantId.of("acme"), observed, NOW)).hasSize(1);
        assertThat(snapshot.match(TenantId.of("globex"), observed, NOW)).isEmpty();
    }
}
