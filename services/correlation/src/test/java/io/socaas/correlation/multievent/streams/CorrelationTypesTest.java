package io.socaas.correlation.multievent.streams;

import static io.socaas.correlation.multievent.streams.CorrelationRig.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.multievent.domain.RuleMatch;
import io.socaas.correlation.rules.domain.TenantProfile;
import io.socaas.events.TenantId;
import io.socaas.proto.alerts.v1.Alert;
import io.socaas.proto.alerts.v1.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each correlation type of the Sigma correlation specification (2.1), as the specification states
 * it, run by the Kafka Streams topology with deterministic event time.
 */
class CorrelationTypesTest {

    @TempDir
    Path dir;

    static String base(String id, String name) {
        return """
                title: %s
                id: %s
                name: %s
                logsource:
                    product: windows
                    service: security
                detection:
                    selection:
                        EventID: 4625
                    condition: selection
                """.formatted(name, id, name);
    }

    static final String FAILED = "11111111-0000-4000-8000-000000000001";
    static final String SUCCESS = "11111111-0000-4000-8000-000000000002";
    static final String RECON_A = "11111111-0000-4000-8000-00000000000a";
    static final String RECON_B = "11111111-0000-4000-8000-00000000000b";
    static final String RECON_C = "11111111-0000-4000-8000-00000000000c";
    static final String WEB = "11111111-0000-4000-8000-000000000003";

    static Map<String, String> bases() {
        return Map.of(
                "failed_login.yml", base(FAILED, "failed_login"),
                "successful_login.yml", base(SUCCESS, "successful_login"),
                "recon_a.yml", base(RECON_A, "recon_a"),
                "recon_b.yml", base(RECON_B, "recon_b"),
                "recon_c.yml", base(RECON_C, "recon_c"),
                "web_access.yml", base(WEB, "web_access"));
    }

    CorrelationRig rig(String correlation, String... tenants) {
        Map<String, String> files = new java.util.HashMap<>(bases());
        files.put("mr_correlation.yml", correlation);
        return CorrelationRig.of(dir, files, tenants.length == 0 ? new String[] {"acme"} : tenants);
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void eventCountFiresOnceTheCountIsReachedWithinTheTimespanPerGroup() {
        try (CorrelationRig rig = rig("""
                title: Many failed logins
                id: c0000000-0000-4000-8000-000000000001
                author: SOC team
                level: high
                tags:
                    - attack.credential-access
                    - attack.t1110
                correlation:
                    type: event_count
                    rules:
                        - failed_login
                    group-by:
                        - ComputerName
                    timespan: 1h
                    condition:
                        gte: 3
                """)) {
            List<String> ids = new ArrayList<>();
            ids.add(rig.match("acme", FAILED, at(0), Map.of("ComputerName", "dc1")));
            ids.add(rig.match("acme", FAILED, at(600), Map.of("ComputerName", "dc1")));
            rig.match("acme", FAILED, at(700), Map.of("ComputerName", "dc2"));
            assertThat(rig.alerts()).isEmpty();
            ids.add(rig.match("acme", FAILED, at(1200), Map.of("ComputerName", "dc1")));

            List<Alert> alerts = rig.alerts();
            assertThat(alerts).hasSize(1);
            Alert alert = alerts.getFirst();
            assertThat(alert.getRule().getId()).isEqualTo("c0000000-0000-4000-8000-000000000001");
            assertThat(alert.getRule().getTitle()).isEqualTo("Many failed logins");
            assertThat(alert.getRule().getAuthor()).isEqualTo("SOC team");
            assertThat(alert.getRule().getTagsList()).contains("attack.t1110");
            assertThat(alert.getRule().getAttackTechniquesList()).contains("T1110");
            assertThat(alert.getLevel()).isEqualTo(Level.LEVEL_HIGH);
            assertThat(alert.getTenantId()).isEqualTo("acme");
            assertThat(alert.getEventIngestIdsList()).containsExactlyElementsOf(ids);
            assertThat(alert.getEventTime()).isEqualTo("2026-03-02T10:00:00.000Z");
            assertThat(alert.getSummary()).contains("event_count 3", "ComputerName=dc1", "1h");
            assertThat(alert.getDedupKey()).isEqualTo("c0000000-0000-4000-8000-000000000001:ComputerName=dc1");

            // the matches that fired are used up: the next alert needs three new ones
            rig.match("acme", FAILED, at(1300), Map.of("ComputerName", "dc1"));
            assertThat(rig.alerts()).isEmpty();
        }
    }

    @Test
    void eventCountDoesNotFireWhenTheMatchesAreFartherApartThanTheTimespan() {
        try (CorrelationRig rig = rig("""
                title: Many failed logins
                id: c0000000-0000-4000-8000-000000000001
                correlation:
                    type: event_count
                    rules:
                        - failed_login
                    group-by:
                        - ComputerName
                    timespan: 10m
                    condition:
                        gte: 3
                """)) {
            rig.match("acme", FAILED, at(0), Map.of("ComputerName", "dc1"));
            rig.match("acme", FAILED, at(400), Map.of("ComputerName", "dc1"));
            rig.match("acme", FAILED, at(900), Map.of("ComputerName", "dc1"));
            assertThat(rig.alerts()).isEmpty();
            // the window slides: 400, 900 and 950 are within 10 minutes
            rig.match("acme", FAILED, at(950), Map.of("ComputerName", "dc1"));
            assertThat(rig.alerts()).hasSize(1);
        }
    }

    @Test
    void valueCountCountsDistinctValuesOfTheConditionField() {
        try (CorrelationRig rig = rig("""
                title: Failed logins with many users
                id: c0000000-0000-4000-8000-000000000002
                correlation:
                    type: value_count
                    rules:
                        - failed_login
                    group-by:
                        - ComputerName
                        - WorkstationName
                    timespan: 1d
                    condition:
                        field: User
                        gte: 3
                """)) {
            rig.match("acme", FAILED, at(0), Map.of("ComputerName", "dc1", "WorkstationName", "ws1", "User", "a"));
            rig.match("acme", FAILED, at(1), Map.of("ComputerName", "dc1", "WorkstationName", "ws1", "User", "a"));
            rig.match("acme", FAILED, at(2), Map.of("ComputerName", "dc1", "WorkstationName", "ws1", "User", "b"));
            // another workstation is another group
            rig.match("acme", FAILED, at(3), Map.of("ComputerName", "dc1", "WorkstationName", "ws2", "User", "c"));
            // an event without a group-by field is not correlated
            rig.match("acme", FAILED, at(4), Map.of("ComputerName", "dc1", "User", "d"));
            assertThat(rig.alerts()).isEmpty();
            rig.match("acme", FAILED, at(5), Map.of("ComputerName", "dc1", "WorkstationName", "ws1", "User", "c"));
            List<Alert> alerts = rig.alerts();
            assertThat(alerts).hasSize(1);
            assertThat(alerts.getFirst().getEventIngestIdsCount()).isEqualTo(4);
            assertThat(alerts.getFirst().getSummary()).contains("value_count 3");
        }
    }

    @Test
    void temporalNeedsEveryReferredRuleInAnyOrderWithinTheTimespan() {
        try (CorrelationRig rig = rig("""
                title: Recon commands
                id: c0000000-0000-4000-8000-000000000003
                correlation:
                    type: temporal
                    rules:
                        - recon_a
                        - recon_b
                        - recon_c
                    group-by:
                        - ComputerName
                        - User
                    timespan: 5m
                """)) {
            Map<String, String> where = Map.of("ComputerName", "ws1", "User", "bob");
            rig.match("acme", RECON_C, at(0), where);
            rig.match("acme", RECON_A, at(60), where);
            rig.match("acme", RECON_A, at(70), where);
            rig.match("acme", RECON_B, at(250), Map.of("ComputerName", "ws1", "User", "alice"));
            assertThat(rig.alerts()).isEmpty();
            rig.match("acme", RECON_B, at(200), where);
            assertThat(rig.alerts()).hasSize(1);
        }
    }

    @Test
    void temporalOrderedNeedsTheReferredRulesInTheirOrder() {
        try (CorrelationRig rig = rig("""
                title: Recon in order
                id: c0000000-0000-4000-8000-000000000004
                correlation:
                    type: temporal_ordered
                    rules:
                        - recon_a
                        - recon_b
                    group-by:
                        - User
                    timespan: 10m
                """)) {
            rig.match("acme", RECON_B, at(0), Map.of("User", "bob"));
            rig.match("acme", RECON_A, at(10), Map.of("User", "bob"));
            assertThat(rig.alerts()).as("b before a").isEmpty();
            rig.match("acme", RECON_B, at(20), Map.of("User", "bob"));
            assertThat(rig.alerts()).hasSize(1);
        }
    }

    @Test
    void valueSumComparesTheSumOfANumericField() {
        try (CorrelationRig rig = rig("""
                title: Possible Exfiltration to Website
                id: c0000000-0000-4000-8000-000000000005
                correlation:
                    type: value_sum
                    rules:
                        - web_access
                    group-by:
                        - SourceIP
                        - User
                    timespan: 1h
                    condition:
                        field: bytes_sent
                        gt: 1000000
                """)) {
            Map<String, String> who = Map.of("SourceIP", "10.0.0.5", "User", "eve");
            rig.match("acme", WEB, at(0), with(who, "bytes_sent", "600000"));
            rig.match("acme", WEB, at(10), with(who, "bytes_sent", "400000"));
            assertThat(rig.alerts()).as("exactly 1000000 is not greater").isEmpty();
            rig.match("acme", WEB, at(20), with(who, "bytes_sent", "1"));
            assertThat(rig.alerts())
                    .singleElement()
                    .satisfies(a -> assertThat(a.getSummary()).contains("value_sum 1000001"));
        }
    }

    @Test
    void valueAverageIsDecidedWhenTheWindowHasClosed() {
        try (CorrelationRig rig = rig("""
                title: Suspicious average network traffic
                id: c0000000-0000-4000-8000-000000000006
                correlation:
                    type: value_avg
                    rules:
                        - web_access
                    group-by:
                        - SourceIP
                    timespan: 10m
                    condition:
                        field: BytesOut
                        gt: 500
                """)) {
            rig.match("acme", WEB, at(0), Map.of("SourceIP", "10.0.0.5", "BytesOut", "2000"));
            rig.match("acme", WEB, at(60), Map.of("SourceIP", "10.0.0.5", "BytesOut", "100"));
            rig.match("acme", WEB, at(120), Map.of("SourceIP", "10.0.0.5", "BytesOut", "0"));
            assertThat(rig.alerts()).as("undecided while the window is open").isEmpty();
            // event time passes the window's end plus the grace (1 minute)
            rig.match("acme", WEB, at(600 + 61), Map.of("SourceIP", "10.0.0.9", "BytesOut", "1"));
            assertThat(rig.alerts())
                    .singleElement()
                    .satisfies(a -> assertThat(a.getSummary()).contains("value_avg 700", "SourceIP=10.0.0.5"));
        }
    }

    @Test
    void valuePercentileFindsAValueRarerThanTheShareGiven() {
        try (CorrelationRig rig = rig("""
                title: Rare process name on a computer
                id: c0000000-0000-4000-8000-000000000007
                correlation:
                    type: value_percentile
                    rules:
                        - web_access
                    group-by:
                        - ComputerName
                    timespan: 1h
                    condition:
                        field: Image
                        lte: 10
                """)) {
            for (int i = 0; i < 19; i++) {
                rig.match("acme", WEB, at(i), Map.of("ComputerName", "ws1", "Image", "explorer.exe"));
            }
            rig.match("acme", WEB, at(30), Map.of("ComputerName", "ws1", "Image", "mimikatz.exe"));
            for (int i = 0; i < 5; i++) {
                rig.match("acme", WEB, at(i), Map.of("ComputerName", "ws2", "Image", i == 0 ? "a.exe" : "b.exe"));
            }
            rig.match("acme", WEB, at(3600 + 61), Map.of("ComputerName", "ws9", "Image", "x.exe"));
            List<Alert> alerts = rig.alerts();
            assertThat(alerts)
                    .singleElement()
                    .satisfies(a -> assertThat(a.getSummary()).contains("ComputerName=ws1", "value_percentile 5"));
        }
    }

    @Test
    void aCountBelowABoundIsDecidedAtTheCloseAndARangeNeedsBothBounds() {
        try (CorrelationRig rig = rig("""
                title: Few but some failed logins
                id: c0000000-0000-4000-8000-000000000008
                correlation:
                    type: event_count
                    rules:
                        - failed_login
                    group-by:
                        - User
                    timespan: 10m
                    condition:
                        gt: 1
                        lte: 3
                """)) {
            for (int i = 0; i < 3; i++) {
                rig.match("acme", FAILED, at(i), Map.of("User", "in-range"));
            }
            for (int i = 0; i < 5; i++) {
                rig.match("acme", FAILED, at(i), Map.of("User", "too-many"));
            }
            rig.match("acme", FAILED, at(0), Map.of("User", "too-few"));
            assertThat(rig.alerts()).isEmpty();
            rig.match("acme", FAILED, at(600 + 61), Map.of("User", "later"));
            assertThat(rig.alerts())
                    .singleElement()
                    .satisfies(a -> assertThat(a.getDedupKey()).endsWith("User=in-range"));
        }
    }

    @Test
    void neqFiresForAnyOtherCount() {
        try (CorrelationRig rig = rig("""
                title: Not exactly one logon
                id: c0000000-0000-4000-8000-000000000009
                correlation:
                    type: event_count
                    rules:
                        - successful_login
                    group-by:
                        - User
                    timespan: 1m
                    condition:
                        neq: 1
                """)) {
            rig.match("acme", SUCCESS, at(0), Map.of("User", "once"));
            rig.match("acme", SUCCESS, at(0), Map.of("User", "twice"));
            rig.match("acme", SUCCESS, at(1), Map.of("User", "twice"));
            rig.match("acme", SUCCESS, at(200), Map.of("User", "later"));
            assertThat(rig.alerts())
                    .singleElement()
                    .satisfies(a -> assertThat(a.getDedupKey()).endsWith("User=twice"));
        }
    }

    @Test
    void aliasesGroupEventsOfDifferentRulesByDifferentFields() {
        try (CorrelationRig rig = rig("""
                title: Error then connection back
                id: c0000000-0000-4000-8000-00000000000a
                correlation:
                    type: temporal
                    rules:
                        - recon_a
                        - recon_b
                    group-by:
                        - internal_ip
                        - remote_ip
                    timespan: 10s
                    aliases:
                        internal_ip:
                            recon_a: destination.ip
                            recon_b: source.ip
                        remote_ip:
                            recon_a: source.ip
                            recon_b: destination.ip
                """)) {
            rig.match("acme", RECON_A, at(0), Map.of("destination.ip", "10.0.0.1", "source.ip", "8.8.8.8"));
            // the same addresses in the same fields is another pair
            rig.match("acme", RECON_B, at(1), Map.of("destination.ip", "10.0.0.1", "source.ip", "8.8.8.8"));
            assertThat(rig.alerts()).isEmpty();
            rig.match("acme", RECON_B, at(2), Map.of("source.ip", "10.0.0.1", "destination.ip", "8.8.8.8"));
            assertThat(rig.alerts())
                    .singleElement()
                    .satisfies(a -> assertThat(a.getDedupKey()).endsWith("internal_ip=10.0.0.1,remote_ip=8.8.8.8"));
        }
    }

    @Test
    void aMatchDeliveredAgainCountsOnceAndAlertIdsAreDerived() {
        String rule = """
                title: Many failed logins
                id: c0000000-0000-4000-8000-000000000001
                correlation:
                    type: event_count
                    rules:
                        - failed_login
                    group-by:
                        - User
                    timespan: 1h
                    condition:
                        gte: 2
                """;
        String first;
        try (CorrelationRig rig = rig(rule)) {
            RuleMatch once = new RuleMatch(
                    TenantId.of("acme"),
                    FAILED,
                    at(0).toEpochMilli(),
                    List.of("01JNXAAAAAAAAAAAAAAAAAAAA1"),
                    Map.of("User", "bob"));
            rig.match(once);
            rig.match(once);
            assertThat(rig.alerts())
                    .as("a redelivered match is not a second event")
                    .isEmpty();
            rig.match(new RuleMatch(
                    TenantId.of("acme"),
                    FAILED,
                    at(5).toEpochMilli(),
                    List.of("01JNXAAAAAAAAAAAAAAAAAAAA2"),
                    Map.of("User", "bob")));
            first = rig.alerts().getFirst().getAlertId();
        }
        // the same matches processed again from scratch (another instance, after a failure) give the same id
        dir = dir.resolve("again");
        try (CorrelationRig rig = rig(rule)) {
            rig.match(new RuleMatch(
                    TenantId.of("acme"),
                    FAILED,
                    at(0).toEpochMilli(),
                    List.of("01JNXAAAAAAAAAAAAAAAAAAAA1"),
                    Map.of("User", "bob")));
            rig.match(new RuleMatch(
                    TenantId.of("acme"),
                    FAILED,
                    at(5).toEpochMilli(),
                    List.of("01JNXAAAAAAAAAAAAAAAAAAAA2"),
                    Map.of("User", "bob")));
            assertThat(rig.alerts().getFirst().getAlertId()).isEqualTo(first);
        }
    }

    @Test
    void aMatchLaterThanTheGraceIsDropped() {
        try (CorrelationRig rig = rig("""
                title: Many failed logins
                id: c0000000-0000-4000-8000-000000000001
                correlation:
                    type: event_count
                    rules:
                        - failed_login
                    group-by:
                        - User
                    timespan: 5m
                    condition:
                        gte: 2
                """)) {
            rig.match("acme", FAILED, at(3600), Map.of("User", "carol"));
            // an hour late: beyond timespan + grace (1 minute)
            rig.match("acme", FAILED, at(0), Map.of("User", "bob"));
            rig.match("acme", FAILED, at(1), Map.of("User", "bob"));
            assertThat(rig.alerts()).isEmpty();
            // late within the grace still counts
            rig.match("acme", FAILED, at(3600 - 30), Map.of("User", "carol"));
            assertThat(rig.alerts()).hasSize(1);
        }
    }

    @Test
    void eachTenantRunsItsOwnPacksAndItsGroupsAreItsOwn() {
        String rule = """
                title: Many failed logins
                id: c0000000-0000-4000-8000-000000000001
                correlation:
                    type: event_count
                    rules:
                        - failed_login
                    group-by:
                        - User
                    timespan: 1h
                    condition:
                        gte: 2
                """;
        try (CorrelationRig rig = rig(rule, "acme", "globex")) {
            rig.match("acme", FAILED, at(0), Map.of("User", "admin"));
            rig.match("globex", FAILED, at(1), Map.of("User", "admin"));
            assertThat(rig.alerts())
                    .as("one match per tenant: no group spans tenants")
                    .isEmpty();
            rig.match("globex", FAILED, at(2), Map.of("User", "admin"));
            assertThat(rig.alerts())
                    .singleElement()
                    .satisfies(a -> assertThat(a.getTenantId()).isEqualTo("globex"));

            // acme turns the correlation rule off: its matches no longer count
            rig.tenants(
                    new TenantProfile(
                            TenantId.of("acme"), true, List.of("corr"), Set.of("c0000000-0000-4000-8000-000000000001")),
                    new TenantProfile(TenantId.of("globex"), true, List.of("corr")));
            rig.match("acme", FAILED, at(3), Map.of("User", "admin"));
            assertThat(rig.alerts()).isEmpty();
        }
    }

    @Test
    void aMatchWhoseKeyNamesAnotherTenantCountsForNoTenant() {
        String rule = """
                title: Many failed logins
                id: c0000000-0000-4000-8000-000000000001
                correlation:
                    type: event_count
                    rules:
                        - failed_login
                    group-by:
                        - User
                    timespan: 1h
                    condition:
                        gte: 2
                """;
        try (CorrelationRig rig = rig(rule, "acme", "globex")) {
            rig.match("globex", FAILED, at(0), Map.of("User", "admin"));
            // keyed as globex's, carrying acme's tenant: dropped, not counted for either
            rig.match(
                    "globex",
                    new RuleMatch(
                            TenantId.of("acme"),
                            FAILED,
                            at(1).toEpochMilli(),
                            List.of("01JNXSMUGGLED"),
                            Map.of("User", "admin")));
            rig.match(
                    "acme",
                    new RuleMatch(
                            TenantId.of("globex"),
                            FAILED,
                            at(2).toEpochMilli(),
                            List.of("01JNXSMUGGLED2"),
                            Map.of("User", "admin")));
            assertThat(rig.alerts())
                    .as("no group counted a match whose key and tenant disagree")
                    .isEmpty();
            rig.match("globex", FAILED, at(3), Map.of("User", "admin"));
            assertThat(rig.alerts()).singleElement().satisfies(a -> {
                assertThat(a.getTenantId()).isEqualTo("globex");
                assertThat(a.getEventIngestIdsList()).noneMatch(id -> id.startsWith("01JNXSMUGGLED"));
            });
        }
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> copy = new java.util.HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    @SuppressWarnings("unused")
    private static Duration minutes(long m) {
        return Duration.ofMinutes(m);
    }
}
