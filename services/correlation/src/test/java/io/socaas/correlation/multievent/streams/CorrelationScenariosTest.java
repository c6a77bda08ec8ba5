package io.socaas.correlation.multievent.streams;

import static io.socaas.correlation.multievent.streams.CorrelationRig.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.detection.domain.EventDetection;
import io.socaas.correlation.sigma.yaml.LogsourceMappingReader;
import io.socaas.events.TenantId;
import io.socaas.proto.alerts.v1.Alert;
import io.socaas.proto.alerts.v1.Level;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attack scenarios end to end through both stages: events evaluated by the single-event stage
 * (logsource routing, field mapping), its rule matches through the correlation topology, the alerts
 * an analyst sees.
 */
class CorrelationScenariosTest {

    private static final TenantId ACME = TenantId.of("acme");

    @TempDir
    Path dir;

    private CorrelationRig rig;
    private EventDetection detection;
    private final List<String> singleEventAlerts = new ArrayList<>();
    private int seq;

    private void deploy(Map<String, String> files) {
        rig = CorrelationRig.of(dir, files, "acme");
        assertThat(rig.packs().failures()).isEmpty();
        detection = new EventDetection(rig::catalog, LogsourceMappingReader.shipped(), Clock.fixed(T0, ZoneOffset.UTC));
    }

    /** The repository's pack of correlation rules, as tenants enable it. */
    private void deployShippedSequences() {
        Path pack = Path.of("../../tenant-config/rules/windows-attack-sequences");
        Map<String, String> files = new LinkedHashMap<>();
        try (var listing = Files.list(pack)) {
            for (Path file : listing.filter(f -> f.toString().endsWith(".yml")).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        deploy(files);
    }

    @BeforeEach
    void clear() {
        singleEventAlerts.clear();
    }

    /** The event as the single-event stage sees it; its matches go to the correlation topology. */
    private String event(Instant time, Map<String, Object> fields) {
        String ingestId = String.format("01JNXEVENT%016d", ++seq);
        Map<String, Object> event = new LinkedHashMap<>(fields);
        event.put("tenant", "acme");
        event.put("ingest_id", ingestId);
        event.put("time", time.toEpochMilli());
        EventDetection.Detection result = detection.evaluate(ACME, ingestId, event);
        assertThat(result.failures()).isEmpty();
        result.alerts().forEach(a -> singleEventAlerts.add(a.rule().sigma().id()));
        result.matches().forEach(rig::match);
        return ingestId;
    }

    private static Map<String, Object> failedLogon(String user, String ip) {
        return Map.of(
                "Channel",
                "Security",
                "EventID",
                4625,
                "Computer",
                "dc-01",
                "TargetUserName",
                user,
                "IpAddress",
                ip,
                "LogonType",
                3);
    }

    /** Sysmon process creation of cmd.exe started by the PsExec service on {@code computer}. */
    private static Map<String, Object> psexecChild(String computer) {
        return Map.of(
                "Channel", "Microsoft-Windows-Sysmon/Operational",
                "EventID", 1,
                "Computer", computer,
                "Image", "C:\\Windows\\System32\\cmd.exe",
                "ParentImage", "C:\\Windows\\PSEXESVC.exe");
    }

    private static Map<String, Object> successfulLogon(String user, String ip, String computer) {
        return Map.of(
                "Channel",
                "Security",
                "EventID",
                4624,
                "Computer",
                computer,
                "TargetUserName",
                user,
                "IpAddress",
                ip,
                "LogonType",
                3);
    }

    static final String PASSWORD_SPRAYING = """
            title: Password spraying from one source
            id: 7b4c1a52-2f3e-4a53-9a0b-5c1e0d6f0a01
            author: SOCaaS detection team
            level: high
            tags:
                - attack.credential-access
                - attack.t1110.003
            correlation:
                type: value_count
                rules:
                    - failed_network_logon
                group-by:
                    - IpAddress
                timespan: 30m
                condition:
                    field: TargetUserName
                    gte: 5
            ---
            title: Failed network logon
            id: 7b4c1a52-2f3e-4a53-9a0b-5c1e0d6f0a02
            name: failed_network_logon
            logsource:
                product: windows
                service: security
            detection:
                selection:
                    EventID: 4625
                    LogonType: 3
                condition: selection
            """;

    @Test
    void passwordSprayingIsManyUsersFailingFromOneSource() {
        deploy(Map.of("mr_password_spraying.yml", PASSWORD_SPRAYING));
        List<String> spray = new ArrayList<>();
        for (String user : List.of("alice", "bob", "carol", "dave")) {
            spray.add(event(T0.plusSeconds(spray.size() * 20L), failedLogon(user, "203.0.113.7")));
        }
        // one user failing many times from another source is not spraying
        for (int i = 0; i < 8; i++) {
            event(T0.plusSeconds(i), failedLogon("erin", "198.51.100.2"));
        }
        // the same user again from the sprayer adds no distinct user
        spray.add(event(T0.plusSeconds(100), failedLogon("alice", "203.0.113.7")));
        assertThat(rig.alerts()).isEmpty();

        spray.add(event(T0.plusSeconds(600), failedLogon("frank", "203.0.113.7")));

        List<Alert> alerts = rig.alerts();
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.getRule().getTitle()).isEqualTo("Password spraying from one source");
            assertThat(alert.getLevel()).isEqualTo(Level.LEVEL_HIGH);
            assertThat(alert.getRule().getAttackTechniquesList()).contains("T1110.003");
            assertThat(alert.getSummary()).contains("value_count 5", "IpAddress=203.0.113.7");
            assertThat(alert.getEventIngestIdsList()).containsExactlyElementsOf(spray);
        });
        // the base rule only feeds the correlation (no generate: true): no alert per failed logon
        assertThat(singleEventAlerts).isEmpty();
    }

    static final String BRUTE_FORCE_THEN_SUCCESS = """
            title: Correlation - Multiple Failed Logins Followed by Successful Login
            id: b180ead8-d58f-40b2-ae54-c8940995b9b6
            status: experimental
            description: Detects multiple failed logins by a single user followed by a successful login of that user
            author: Florian Roth (Nextron Systems)
            date: 2023-06-16
            correlation:
                type: temporal_ordered
                rules:
                    - multiple_failed_login
                    - successful_login
                group-by:
                    - TargetUserName
                timespan: 10m
            falsepositives:
                - Unlikely
            level: high
            ---
            title: Multiple failed logons
            id: a8418a5a-5fc4-46b5-b23b-6c73beb19d41
            description: Detects multiple failed logins within a certain amount of time
            name: multiple_failed_login
            correlation:
                type: event_count
                rules:
                    - failed_login
                group-by:
                    - TargetUserName
                timespan: 10m
                condition:
                    gte: 5
            ---
            title: Single failed login
            id: 53ba33fd-3a50-4468-a5ef-c583635cfa92
            name: failed_login
            logsource:
                product: windows
                service: security
            detection:
                selection:
                    EventID:
                        - 529
                        - 4625
                condition: selection
            ---
            title: Successful login
            id: 4d0a2c83-c62c-4ed4-b475-c7e23a9269b8
            description: Detects a successful login
            name: successful_login
            logsource:
                product: windows
                service: security
            detection:
                selection:
                    EventID:
                        - 528
                        - 4624
                condition: selection
            """;

    @Test
    void bruteForceThenSuccessIsManyFailuresThenASuccessOfTheSameUser() {
        deploy(Map.of("mr_brute_force_then_success.yml", BRUTE_FORCE_THEN_SUCCESS));
        // a success before the failures is not the sequence
        event(T0, successfulLogon("svc-backup", "10.1.1.1", "srv-01"));
        List<String> contributing = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            contributing.add(event(T0.plusSeconds(10 + i), failedLogon("svc-backup", "10.1.1.1")));
        }
        // another user's success does not complete it
        event(T0.plusSeconds(30), successfulLogon("alice", "10.1.1.1", "srv-01"));
        assertThat(rig.alerts()).isEmpty();

        contributing.add(event(T0.plusSeconds(60), successfulLogon("svc-backup", "10.1.1.1", "srv-01")));

        List<Alert> alerts = rig.alerts();
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.getRule().getId()).isEqualTo("b180ead8-d58f-40b2-ae54-c8940995b9b6");
            assertThat(alert.getRule().getAuthor()).isEqualTo("Florian Roth (Nextron Systems)");
            assertThat(alert.getLevel()).isEqualTo(Level.LEVEL_HIGH);
            assertThat(alert.getSummary()).contains("TargetUserName=svc-backup");
            assertThat(alert.getEventIngestIdsList()).containsExactlyInAnyOrderElementsOf(contributing);
        });
        // neither the intermediate correlation nor the base rules raise alerts of their own
        assertThat(singleEventAlerts).isEmpty();
    }

    static final String LATERAL_MOVEMENT = """
            title: Lateral movement with PsExec
            id: 5e2d7c11-9b1a-4d8e-8f3a-2a7b6c5d4e01
            author: SOCaaS detection team
            level: critical
            tags:
                - attack.lateral-movement
                - attack.t1021.002
                - attack.t1569.002
            correlation:
                type: temporal_ordered
                rules:
                    - remote_network_logon
                    - service_installed
                    - process_from_psexec_service
                group-by:
                    - Computer
                timespan: 5m
            ---
            title: Network logon
            id: 5e2d7c11-9b1a-4d8e-8f3a-2a7b6c5d4e02
            name: remote_network_logon
            logsource:
                product: windows
                service: security
            detection:
                selection:
                    EventID: 4624
                    LogonType: 3
                condition: selection
            ---
            title: Service installed
            id: 5e2d7c11-9b1a-4d8e-8f3a-2a7b6c5d4e03
            name: service_installed
            logsource:
                product: windows
                service: system
            detection:
                selection:
                    EventID: 7045
                condition: selection
            ---
            title: Process started by the PsExec service
            id: 5e2d7c11-9b1a-4d8e-8f3a-2a7b6c5d4e04
            name: process_from_psexec_service
            logsource:
                category: process_creation
                product: windows
            detection:
                selection:
                    ParentImage|endswith: '\\PSEXESVC.exe'
                condition: selection
            """;

    @Test
    void lateralMovementIsLogonServiceAndServiceProcessInOrderOnOneHost() {
        deploy(Map.of("mr_lateral_movement_psexec.yml", LATERAL_MOVEMENT));
        event(T0, successfulLogon("admin", "10.0.0.5", "ws-17"));
        event(
                T0.plusSeconds(2),
                Map.of("Channel", "System", "EventID", 7045, "Computer", "ws-17", "ServiceName", "PSEXESVC"));
        // the same steps on another host, out of order
        event(
                T0.plusSeconds(1),
                Map.of("Channel", "System", "EventID", 7045, "Computer", "ws-20", "ServiceName", "PSEXESVC"));
        event(T0.plusSeconds(3), successfulLogon("admin", "10.0.0.5", "ws-20"));
        event(T0.plusSeconds(4), psexecChild("ws-20"));
        assertThat(rig.alerts()).isEmpty();

        event(T0.plusSeconds(5), psexecChild("ws-17"));

        assertThat(rig.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.getRule().getTitle()).isEqualTo("Lateral movement with PsExec");
            assertThat(alert.getLevel()).isEqualTo(Level.LEVEL_CRITICAL);
            assertThat(alert.getRule().getAttackTacticsList()).contains("lateral-movement");
            assertThat(alert.getSummary()).contains("Computer=ws-17");
            assertThat(alert.getEventIngestIdsCount()).isEqualTo(3);
        });
    }

    @Test
    void generateTrueKeepsTheReferredRulesAlerting() {
        String rules = LATERAL_MOVEMENT.replace("    timespan: 5m\n", "    timespan: 5m\n    generate: true\n");
        deploy(Map.of("mr_lateral_movement_psexec.yml", rules));
        event(T0, Map.of("Channel", "System", "EventID", 7045, "Computer", "ws-17", "ServiceName", "PSEXESVC"));
        assertThat(singleEventAlerts).containsExactly("5e2d7c11-9b1a-4d8e-8f3a-2a7b6c5d4e03");
    }

    @Test
    void theShippedPackSeesPasswordSprayingOfTenAccountsAndNotOfNine() {
        deployShippedSequences();
        List<String> spray = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            spray.add(event(T0.plusSeconds(i * 60L), failedLogon("user" + i, "203.0.113.7")));
        }
        // one account failing again and again from another address is no spraying
        for (int i = 0; i < 20; i++) {
            event(T0.plusSeconds(i), failedLogon("erin", "198.51.100.2"));
        }
        assertThat(rig.alerts())
                .extracting(a -> a.getRule().getTitle())
                .doesNotContain("Password spraying from one source");

        spray.add(event(T0.plusSeconds(20 * 60L), failedLogon("user10", "203.0.113.7")));

        assertThat(rig.alerts())
                .filteredOn(a -> a.getRule().getTitle().equals("Password spraying from one source"))
                .singleElement()
                .satisfies(alert -> {
                    assertThat(alert.getLevel()).isEqualTo(Level.LEVEL_HIGH);
                    assertThat(alert.getRule().getAuthor()).isEqualTo("SOCaaS detection engineering");
                    assertThat(alert.getRule().getAttackTechniquesList()).contains("T1110.003");
                    assertThat(alert.getEventIngestIdsList()).containsExactlyElementsOf(spray);
                });
        assertThat(singleEventAlerts).isEmpty();
    }

    @Test
    void theShippedPackSeesABruteForceThatEndsInALogon() {
        deployShippedSequences();
        List<String> attempts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            attempts.add(event(T0.plusSeconds(i * 5L), failedLogon("svc-backup", "10.1.1.1")));
        }
        // the account logs on from another address: not the attacker's success
        event(T0.plusSeconds(60), successfulLogon("svc-backup", "10.9.9.9", "srv-01"));
        assertThat(rig.alerts()).isEmpty();

        attempts.add(event(T0.plusSeconds(90), successfulLogon("svc-backup", "10.1.1.1", "srv-01")));

        assertThat(rig.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.getRule().getTitle()).isEqualTo("Brute force followed by a successful logon");
            assertThat(alert.getLevel()).isEqualTo(Level.LEVEL_HIGH);
            assertThat(alert.getSummary()).contains("TargetUserName=svc-backup", "IpAddress=10.1.1.1");
            assertThat(alert.getEventIngestIdsList()).containsExactlyInAnyOrderElementsOf(attempts);
        });
        assertThat(singleEventAlerts).isEmpty();
    }

    @Test
    void theShippedPackSeesPsExecLateralMovementOnOneHost() {
        deployShippedSequences();
        event(T0, successfulLogon("admin", "10.0.0.5", "ws-17"));
        event(
                T0.plusSeconds(2),
                Map.of("Channel", "System", "EventID", 7045, "Computer", "ws-17", "ServiceName", "PSEXESVC"));
        assertThat(rig.alerts()).isEmpty();
        event(T0.plusSeconds(4), psexecChild("ws-17"));

        assertThat(rig.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.getRule().getTitle()).isEqualTo("Lateral movement with PsExec");
            assertThat(alert.getLevel()).isEqualTo(Level.LEVEL_CRITICAL);
            assertThat(alert.getEventIngestIdsCount()).isEqualTo(3);
        });
    }
}
