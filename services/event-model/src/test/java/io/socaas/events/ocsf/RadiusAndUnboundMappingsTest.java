package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Two services every SME network with Wi-Fi or a firewall appliance runs, with lines written from
 * their documented logs: FreeRADIUS (802.1X, VPN logins) as Authentication, Unbound (the resolver of
 * OPNsense and pfSense) as DNS Activity.
 */
class RadiusAndUnboundMappingsTest {

    private static void assertRadiusLogin(JsonNode r, int statusId, String user, String nas) {
        assertProduct(r, "FreeRADIUS");
        assertThat(r.get("class_uid").asInt()).as("class of %s", r).isEqualTo(3002);
        assertThat(r.get("status_id").asInt()).isEqualTo(statusId);
        assertThat(r.at("/user/name").asText()).isEqualTo(user);
        assertThat(r.at("/dst_endpoint/hostname").asText()).isEqualTo(nas);
        assertThat(r.get("auth_protocol_id").asInt()).isEqualTo(10); // RADIUS
    }

    @Test
    void freeRadiusLoginsAreAuthenticationWithTheUserTheNasAndTheStation() throws Exception {
        // syslog, a Wi-Fi client by its MAC address
        JsonNode ok = line("<38>Mar  1 09:00:00 radius01 radiusd[1234]: (123) Login OK: [alice] (from client ap01"
                + " port 0 cli aa-bb-cc-dd-ee-ff)");
        assertRadiusLogin(ok, 1, "alice", "ap01");
        assertThat(ok.at("/src_endpoint/mac").asText()).isEqualTo("aa-bb-cc-dd-ee-ff");
        assertThat(ok.at("/device/hostname").asText()).isEqualTo("radius01");

        // radius.log, a VPN client by its address, with the module's reason
        JsonNode refused = line("Sun Mar  1 09:00:01 2026 : Auth: (124) Login incorrect (mschap: MS-CHAP2-Response"
                + " is incorrect): [bob] (from client vpn01 port 1 cli 203.0.113.7)");
        assertRadiusLogin(refused, 2, "bob", "vpn01");
        assertThat(refused.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.7");
        assertThat(refused.get("status_detail").asText()).isEqualTo("mschap: MS-CHAP2-Response is incorrect");
        assertThat(refused.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:00:01Z"));

        // auth_badpass logs the password after the user name: it never becomes the user
        JsonNode badpass = line("Sun Mar  1 09:00:02 2026 : Auth: (125) Login incorrect: [bob/hunter2] (from client"
                + " vpn01 port 1 cli 203.0.113.7)");
        assertRadiusLogin(badpass, 2, "bob", "vpn01");
        assertThat(badpass.get("status_detail").asText()).isEqualTo("Login incorrect");

        JsonNode unknown = line("Sun Mar  1 09:00:03 2026 : Auth: (126) Invalid user (rlm_ldap: User not found):"
                + " [eve] (from client sw01 port 5 cli 2001:db8::7)");
        assertRadiusLogin(unknown, 2, "eve", "sw01");
        assertThat(unknown.at("/src_endpoint/ip").asText()).isEqualTo("2001:db8::7");
        assertThat(unknown.at("/dst_endpoint/port").asInt()).isEqualTo(5);

        // FreeRADIUS 2's form without request number, an EAP inner tunnel
        JsonNode eap = line("<38>Mar  1 09:00:05 radius01 radiusd[1234]: Auth: Login OK: [carol/<via Auth-Type ="
                + " eap>] (from client ap02 port 12 cli 00:11:22:33:44:55 via TLS tunnel)");
        assertRadiusLogin(eap, 1, "carol", "ap02");

        assertBaseEventOf(line("Sun Mar  1 09:00:04 2026 : Info: Ready to process requests"), "FreeRADIUS");
    }

    @Test
    void unboundQueriesRepliesAndBlockedNamesAreDnsActivity() throws Exception {
        JsonNode query = line("<30>Mar  1 09:00:06 opnsense unbound: [12345:0] info: 10.0.0.5 example.com. A IN");
        assertProduct(query, "Unbound");
        assertThat(query.get("class_uid").asInt()).isEqualTo(4003);
        assertThat(query.get("activity_id").asInt()).isEqualTo(1);
        assertThat(query.at("/query/hostname").asText()).isEqualTo("example.com");
        assertThat(query.at("/query/type").asText()).isEqualTo("A");
        assertThat(query.at("/src_endpoint/ip").asText()).isEqualTo("10.0.0.5");

        JsonNode reply = line("<30>Mar  1 09:00:07 opnsense unbound: [12345:1] info: 10.0.0.5 example.com. AAAA IN"
                + " NXDOMAIN 0.012345 0 45");
        assertThat(reply.get("activity_id").asInt()).isEqualTo(2);
        assertThat(reply.get("rcode").asText()).isEqualTo("NXDOMAIN");
        assertThat(reply.at("/query/type").asText()).isEqualTo("AAAA");
        assertThat(reply.get("rcode_id").asInt()).isEqualTo(3);
        // with log-tag-queryreply, queries and replies are tagged query: and reply:
        JsonNode tagged = line("<30>Mar  1 09:00:07 opnsense unbound: [12345:1] reply: 10.0.0.5 example.com. A IN"
                + " NOERROR 0.001000 1 61");
        assertThat(tagged.get("activity_id").asInt()).isEqualTo(2);
        assertThat(tagged.get("rcode_id").asInt()).isEqualTo(0);
        assertThat(line("<30>Mar  1 09:00:06 opnsense unbound: [12345:0] query: 10.0.0.5 example.com. A IN")
                        .get("activity_id")
                        .asInt())
                .isEqualTo(1);

        // a blocklist entry answered by a local zone (log-local-actions: zone, type, client, query)
        JsonNode blocked = line("<30>Mar  1 09:00:08 opnsense unbound: [12345:0] info: ads.example. always_nxdomain"
                + " 10.0.0.5@53000 tracker.ads.example. A IN");
        assertThat(blocked.get("class_uid").asInt()).isEqualTo(4003);
        assertDenied(blocked);
        assertThat(blocked.at("/query/hostname").asText()).isEqualTo("tracker.ads.example");
        assertThat(blocked.at("/src_endpoint/port").asInt()).isEqualTo(53000);
        assertThat(blocked.at("/policy/name").asText()).isEqualTo("ads.example.");
        assertThat(blocked.get("status_detail").asText()).isEqualTo("always_nxdomain");
        // a local zone that lets the query through is no block
        JsonNode transparent = line("<30>Mar  1 09:00:08 opnsense unbound: [12345:0] info: lan. transparent"
                + " 10.0.0.5@53000 host.lan. A IN");
        assertThat(transparent.has("action_id")).isFalse();

        assertBaseEventOf(
                line("<30>Mar  1 09:00:09 opnsense unbound: [12345:0] info: start of service (unbound 1.19.0)."),
                "Unbound");
    }

    @Test
    void otherSourcesAreNotTakenForThem() throws Exception {
        // BIND's query log is BIND's; a program merely named like a RADIUS message is not FreeRADIUS
        JsonNode bind = line("<30>Mar  1 09:00:06 ns1 named[99]: client @0x7f 10.0.0.5#53000 (example.com): query:"
                + " example.com IN A + (10.0.0.1)");
        assertProduct(bind, "BIND");
        JsonNode other = line("<13>Mar  1 09:00:00 host app[1]: Login OK: [alice] (from client ap01 port 0)");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("FreeRADIUS");
    }
}
