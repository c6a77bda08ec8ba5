package io.socaas.correlation.intel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which values of a normalized event are looked up, read once and normalized. */
class IntelObservablesTest {

    @Test
    void readsAddressesHostsUrlsAndHashesFromTheOcsfFields() {
        Map<String, Object> event = Map.of(
                "src_endpoint", Map.of("ip", "10.0.0.5", "hostname", "ws-01.corp.example"),
                "dst_endpoint", Map.of("ip", "2001:DB8::1", "hostname", "CDN.Example."),
                "query", Map.of("hostname", "c2.evil.example"),
                "http_request", Map.of("url", Map.of("url_string", "https://Files.Example:443/a.exe")),
                "file", Map.of("hashes", List.of(Map.of("algorithm_id", 3, "value", "AB".repeat(32)))),
                "process", Map.of("file", Map.of("hashes", List.of(Map.of("value", "not-a-hash")))));

        assertThat(IntelObservables.of(event))
                .extracting(o -> o.type() + " " + o.field() + " " + o.value())
                .containsExactlyInAnyOrder(
                        "IP src_endpoint.ip 10.0.0.5",
                        "IP dst_endpoint.ip 2001:db8:0:0:0:0:0:1",
                        "URL http_request.url.url_string https://files.example/a.exe",
                        "DOMAIN http_request.url.url_string files.example",
                        "DOMAIN query.hostname c2.evil.example",
                        "DOMAIN dst_endpoint.hostname cdn.example",
                        "FILE_HASH file.hashes " + "ab".repeat(32));
    }

    @Test
    void aRequestPathWithoutHostIsNoUrlToLookUp() {
        assertThat(IntelObservables.of(Map.of("http_request", Map.of("url", Map.of("url_string", "/index.html")))))
                .isEmpty();
    }
}
