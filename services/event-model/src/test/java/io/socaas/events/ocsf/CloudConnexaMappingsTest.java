package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * OpenVPN CloudConnexa's streamed logs, written from OpenVPN's documented record format: client
 * connections as Authentication, Cyber Shield's blocks as Network and DNS Activity, administrators'
 * actions as API Activity.
 */
class CloudConnexaMappingsTest {

    @Test
    void clientConnectionsAreLogonsAndLogoffs() throws Exception {
        JsonNode connected = json("{\"CloudConnexaLogVersion\":1,\"traceId\":\"7d1c2a3b-0000-4c5d-9e8f-102030405060\","
                + "\"timestamp\":\"2026-03-01T10:05:00.000000Z\",\"log\":{\"clientUUID\":\"c0ffee00c0ffee00\","
                + "\"protocol\":\"UDP\",\"osVersion\":\"Windows 11\",\"tunnelIpV4\":\"100.96.1.20\",\"osType\":\"Windows\","
                + "\"sessionStartTime\":\"2026-03-01T10:05:00.000000Z\",\"publicIp\":\"198.51.100.120\",\"region\":"
                + "\"Frankfurt\"},\"parentEntity\":\"jdoe\",\"initiator\":\"1f2e3d4c-0000-4b5a-8c7d-6e5f4a3b2c1d\","
                + "\"publicIp\":\"198.51.100.120\",\"source\":\"CloudConnexa\",\"service\":\"CloudConnexa\",\"cloudId\":"
                + "\"example-cloud\",\"eventName\":\"client-connected\",\"category\":\"Security.Logins\"}");
        assertProduct(connected, "CloudConnexa");
        assertLogon(connected, 1, "jdoe", "198.51.100.120");
        assertThat(connected.at("/src_endpoint/os/name").asText()).isEqualTo("Windows 11");
        assertThat(connected.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T10:05:00Z"));

        JsonNode disconnected = json("{\"CloudConnexaLogVersion\":1,\"timestamp\":\"2026-03-01T11:05:00.000000Z\","
                + "\"log\":{\"sessionDurationSeconds\":\"3600\",\"disconnectReason\":\"User Disconnected\","
                + "\"publicIp\":\"198.51.100.120\",\"bytesIn\":\"24062\",\"bytesOut\":\"18397\"},\"parentEntity\":\"jdoe\","
                + "\"initiator\":\"1f2e3d4c-0000-4b5a-8c7d-6e5f4a3b2c1d\",\"publicIp\":\"198.51.100.120\","
                + "\"eventName\":\"client-disconnected\",\"category\":\"Security.Logins\"}");
        assertThat(disconnected.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(disconnected.get("activity_id").asInt()).isEqualTo(2);
        assertThat(disconnected.get("status_detail").asText()).isEqualTo("User Disconnected");
    }

    @Test
    void cyberShieldBlocksAndAdministratorsActions() throws Exception {
        JsonNode traffic = json("{\"CloudConnexaLogVersion\":1,\"timestamp\":\"2026-03-01T10:06:00.000000Z\","
                + "\"parentEntity\":\"jdoe\",\"eventName\":\"traffic-blocked\",\"category\":"
                + "\"Security.CyberShieldBlockedTraffic\",\"log\":{\"destinationIp\":\"203.0.113.66\",\"destinationPort\":"
                + "\"443\",\"protocol\":\"TCP\",\"sourcePort\":\"53584\",\"sourceIp\":\"100.96.1.20\",\"signatureId\":"
                + "\"1:2024792:4\",\"eventName\":\"ET POLICY Cryptocurrency Miner Checkin\",\"classification\":"
                + "\"Potential Corporate Privacy Violation\",\"priority\":\"1\",\"category\":\"Cryptojacking\"}}");
        assertFlow(traffic, 5, "100.96.1.20", 53584, "203.0.113.66", 443);
        assertDenied(traffic);
        assertThat(traffic.get("is_alert").asBoolean()).isTrue();
        assertThat(traffic.get("message").asText()).isEqualTo("ET POLICY Cryptocurrency Miner Checkin");

        JsonNode domain = json("{\"CloudConnexaLogVersion\":1,\"timestamp\":\"2026-03-01T10:07:00.000000Z\","
                + "\"parentEntity\":\"jdoe\",\"publicIp\":\"null\",\"eventName\":\"domain-blocked\",\"category\":"
                + "\"Security.CyberShieldBlockedDomains\",\"log\":{\"protocol\":\"UDP\",\"domain\":\"miner.example.net\","
                + "\"category\":\"cryptomining\",\"queryType\":\"A\"}}");
        assertThat(domain.get("class_uid").asInt()).isEqualTo(4003);
        assertDenied(domain);
        assertThat(domain.at("/query/hostname").asText()).isEqualTo("miner.example.net");
        assertThat(domain.at("/src_endpoint").isMissingNode()).isTrue();

        JsonNode audit = json(
                "{\"CloudConnexaLogVersion\":1,\"timestamp\":\"2026-03-01T10:08:00.000000Z\","
                        + "\"initiatorType\":\"Admin\",\"parentEntity\":\"5d6e7f80-0000-4a1b-9c2d-3e4f5a6b7c8d\","
                        + "\"initiator\":\"1f2e3d4c-0000-4b5a-8c7d-6e5f4a3b2c1d\",\"publicIp\":\"198.51.100.121\","
                        + "\"parentEntityType\":\"UserGroup\",\"eventName\":\"log-stream-paused\",\"category\":\"Audit.Admin\"}");
        assertThat(audit.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(audit.at("/api/operation").asText()).isEqualTo("log-stream-paused");
        assertThat(audit.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.121");
    }
}
