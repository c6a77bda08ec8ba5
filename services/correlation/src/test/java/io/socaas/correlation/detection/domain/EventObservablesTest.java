package io.socaas.correlation.detection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.detection.domain.EventObservables.Found;
import io.socaas.correlation.sigma.domain.SigmaEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventObservablesTest {

    @Test
    void aSysmonProcessCreationNamesItsHostUserAndEachHash() {
        Map<String, Object> event = Map.of(
                "EventID", 1,
                "Computer", "ws-01.acme.local",
                "User", "ACME\\jdoe",
                "Image", "C:\\Windows\\System32\\whoami.exe",
                "Hashes",
                        "SHA256=9F3A0E3B5C1D2E4F60718293A4B5C6D7E8F9011223344556677889900AABBCCD,MD5=0123456789ABCDEF0123456789ABCDEF");

        assertThat(EventObservables.of(SigmaEvent.of(event)))
                .containsExactlyInAnyOrder(
                        new Found("host", "ws-01.acme.local", "Computer"),
                        new Found("user", "ACME\\jdoe", "User"),
                        new Found("hash", "9f3a0e3b5c1d2e4f60718293a4b5c6d7e8f9011223344556677889900aabbccd", "Hashes"),
                        new Found("hash", "0123456789abcdef0123456789abcdef", "Hashes"));
    }

    @Test
    void aNormalizedEventIsReadFromItsOcsfFieldsAndPlaceholdersAreDropped() {
        Map<String, Object> event = Map.of(
                "class_uid", 4001,
                "src_endpoint", Map.of("ip", "203.0.113.7", "hostname", "-"),
                "dst_endpoint", Map.of("ip", "127.0.0.1"),
                "user", Map.of("name", "jdoe"),
                "IpAddress", "203.0.113.7");

        List<Found> found = EventObservables.of(SigmaEvent.of(event));

        assertThat(found)
                .containsExactly(
                        new Found("ip", "203.0.113.7", "src_endpoint.ip"), new Found("user", "jdoe", "user.name"));
    }

    @Test
    void aBareHashIsKeptOnlyWhenItIsAHexDigest() {
        assertThat(EventObservables.of(SigmaEvent.of(Map.of("Hash", "not a hash"))))
                .isEmpty();
        assertThat(EventObservables.of(SigmaEvent.of(Map.of("md5", "0123456789ABCDEF0123456789ABCDEF"))))
                .containsExactly(new Found("hash", "0123456789abcdef0123456789abcdef", "md5"));
    }
}
