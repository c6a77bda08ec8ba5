package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAllowed;
import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.assertStatus;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The mapping files of firewalls and other network devices: real lines (from the shared corpus) and
 * lines written from each vendor's documented format become OCSF Network Activity, Authentication or
 * HTTP Activity with their endpoints and outcome; each file claims only its own vendor's lines.
 */
class NetworkDeviceMappingsTest {

    /**
     * A logon (Authentication, activity 1) with its outcome; unlike {@link MappedRecords#assertLogon},
     * a user or address given as null is not checked rather than required to be absent: some of these
     * devices name a user the test leaves aside, so the
     * shared, stricter form does not hold for every line here.
     */
    private static void assertLogonCheckingOnlyGiven(JsonNode r, int statusId, String user, String srcIp) {
        assertThat(r.get("class_uid").asInt()).as("class of %s", r).isEqualTo(3002);
        assertThat(r.get("activity_id").asInt()).isEqualTo(1);
        assertStatus(r, statusId);
        if (user != null) {
            assertThat(r.at("/user/name").asText()).isEqualTo(user);
        }
        if (srcIp != null) {
            assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo(srcIp);
        }
    }

    @Test
    void ciscoAsaAdministratorCommandsAndLocalUserChanges() throws Exception {
        // written from Cisco's ASA syslog message reference (111008, 111010, 502101-502103)
        JsonNode command = line("<189>Feb 28 2026 10:00:01 fw01 : %ASA-5-111008: User 'admin' executed the 'no logging"
                + " enable' command.");
        assertThat(command.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(command.at("/actor/user/name").asText()).isEqualTo("admin");
        assertThat(command.at("/api/operation").asText()).isEqualTo("no logging enable");
        JsonNode written = line("<189>Feb 28 2026 10:00:02 fw01 : %ASA-5-111010: User 'admin', running 'CLI' from IP"
                + " 10.1.1.5, executed 'write memory'");
        assertThat(written.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(written.get("activity_name").asText()).isEqualTo("Update");
        assertThat(written.at("/src_endpoint/ip").asText()).isEqualTo("10.1.1.5");
        assertThat(written.at("/api/operation").asText()).isEqualTo("write memory");
        // corpus (Wazuh cisco-ftd): the local user database
        JsonNode added = line("%FTD-5-502101: New user added to local dbase: Uname: backdoor Priv: 15 Encpass: string");
        assertThat(added.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(added.get("activity_name").asText()).isEqualTo("Create");
        assertThat(added.at("/user/name").asText()).isEqualTo("backdoor");
        JsonNode deleted = line("%FTD-5-502102: User deleted from local dbase: Uname: olduser Priv: 1 Encpass: string");
        assertThat(deleted.get("activity_name").asText()).isEqualTo("Delete");
        JsonNode raised = line("%ASA-5-502103: User priv level changed: Uname: backdoor From: 1 To: 15");
        assertThat(raised.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(raised.get("activity_id").asInt()).isEqualTo(99);
        assertThat(raised.at("/unmapped/toPriv").asText()).isEqualTo("15");
    }

    @Test
    void ciscoAsaAndFtdConnectionsDeniesAndLogins() throws Exception {
        // corpus (logstash-patterns-core): outbound, so the second address is the initiator
        JsonNode built = line("<191>Aug  1 14:01:20 abc-asa1: %ASA-6-302013: Built outbound TCP connection 906569140"
                + " for out-v1101:10.125.126.86/2010 (10.125.126.86/2010) to ent-v1124:100.100.100.111/51444"
                + " (10.125.1.11/37785)");
        assertProduct(built, "ASA");
        assertFlow(built, 1, "100.100.100.111", 51444, "10.125.126.86", 2010);
        assertAllowed(built);
        assertThat(built.at("/src_endpoint/interface_name").asText()).isEqualTo("ent-v1124");
        assertThat(built.at("/connection_info/direction_id").asInt()).isEqualTo(2);
        assertThat(built.at("/connection_info/uid").asText()).isEqualTo("906569140");

        // corpus (Wazuh cisco-ftd)
        JsonNode deny = line(
                "%FTD-4-106023: Deny tcp src inside:111.11.11.1/2143 dst YYY:172.11.1.11/139 by access-group \"inside_inbound\"");
        assertFlow(deny, 5, "111.11.11.1", 2143, "172.11.1.11", 139);
        assertDenied(deny);
        assertThat(deny.at("/firewall_rule/name").asText()).isEqualTo("inside_inbound");
        assertThat(deny.at("/connection_info/protocol_name").asText()).isEqualTo("tcp");

        // corpus (logstash-patterns-core), without the '%'
        JsonNode inbound = line("ASA-2-106001: Inbound TCP connection denied from 192.168.2.2/43803 to"
                + " 10.10.10.10/14322 flags SYN on interface out111");
        assertFlow(inbound, 5, "192.168.2.2", 43803, "10.10.10.10", 14322);
        assertDenied(inbound);
        assertThat(inbound.at("/src_endpoint/interface_name").asText()).isEqualTo("out111");

        // documented formats: denied without an address translation (106011), by an outbound list (106002)
        JsonNode noXlate = line("<163>%ASA-3-106011: Deny inbound (No xlate) udp src outside:198.51.100.40/5353"
                + " dst outside:224.0.0.251/5353");
        assertFlow(noXlate, 5, "198.51.100.40", 5353, "224.0.0.251", 5353);
        assertDenied(noXlate);
        assertThat(noXlate.at("/src_endpoint/interface_name").asText()).isEqualTo("outside");
        JsonNode outboundList = line("<162>%PIX-2-106002: tcp connection denied by outbound list acl_out"
                + " src 192.168.10.25 49822 dest 203.0.113.80 25");
        assertFlow(outboundList, 5, "192.168.10.25", 49822, "203.0.113.80", 25);
        assertDenied(outboundList);
        assertThat(outboundList.at("/firewall_rule/name").asText()).isEqualTo("acl_out");
        assertThat(outboundList.at("/connection_info/direction_id").asInt()).isEqualTo(2);

        // documented format: the ASA's default, the message id as the syslog tag and no timestamp
        JsonNode teardown = line("<166>%ASA-6-302014: Teardown TCP connection 4521 for outside:203.0.113.7/443"
                + " to inside:192.168.10.20/51514 duration 0:00:31 bytes 10723 TCP FINs");
        assertProduct(teardown, "ASA");
        assertFlow(teardown, 2, "203.0.113.7", 443, "192.168.10.20", 51514);
        assertThat(teardown.at("/traffic/bytes").asLong()).isEqualTo(10723);
        assertThat(teardown.get("status_detail").asText()).isEqualTo("TCP FINs");
        assertThat(teardown.get("is_src_dst_assignment_known").asBoolean(true)).isFalse();

        // documented format: device id and year in the header; inbound, the first address is the initiator
        JsonNode udp = line("<166>Mar 01 2026 09:58:11 fw01 : %ASA-6-302015: Built inbound UDP connection 88213"
                + " for outside:198.51.100.23/53211 (198.51.100.23/53211) to dmz:10.1.2.3/53 (203.0.113.10/53)");
        assertFlow(udp, 1, "198.51.100.23", 53211, "10.1.2.3", 53);
        assertThat(udp.get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T09:58:11Z").toEpochMilli());
        assertThat(udp.at("/connection_info/direction_id").asInt()).isEqualTo(1);

        JsonNode syn = line("%ASA-4-419002: Duplicate TCP SYN from OUTSIDE:10.10.66.2/65087 to INSIDE:10.10.1.6/443"
                + " with different initial sequence number.");
        assertFlow(syn, 5, "10.10.66.2", 65087, "10.10.1.6", 443);
        assertDenied(syn);

        JsonNode toBox =
                line("%ASA-4-710003: TCP access denied by ACL from 192.0.2.77/50123 to outside:203.0.113.1/22");
        assertFlow(toBox, 5, "192.0.2.77", 50123, "203.0.113.1", 22);
        assertDenied(toBox);

        JsonNode aclHit = line("%ASA-6-106100: access-list OUTSIDE_IN denied udp outside/198.51.100.4(137)"
                + " -> inside/10.0.0.9(137) hit-cnt 1 first hit [0x1f2e3d4c, 0x0]");
        assertFlow(aclHit, 5, "198.51.100.4", 137, "10.0.0.9", 137);
        assertDenied(aclHit);

        assertLogonCheckingOnlyGiven(
                line("%ASA-6-113004: AAA user authentication Successful : server = 10.1.1.10 : user = admin"),
                1,
                "admin",
                null);
        JsonNode rejected = line("%ASA-6-113005: AAA user authentication Rejected : reason = AAA failure"
                + " : server = 10.1.1.10 : user = ***** : user IP = 192.0.2.44");
        assertLogonCheckingOnlyGiven(rejected, 2, null, "192.0.2.44");
        assertThat(rejected.get("status_detail").asText()).isEqualTo("AAA failure");
        assertLogonCheckingOnlyGiven(
                line("%ASA-6-611102: User authentication failed: IP address: 192.0.2.50, Uname: admin"),
                2,
                "admin",
                "192.0.2.50");
        JsonNode login = line("<166>Mar 01 2026 09:58:11 fw01 : %ASA-6-605005: Login permitted from"
                + " 192.0.2.15/50432 to inside:10.0.0.1/ssh for user \"admin\"");
        assertLogonCheckingOnlyGiven(login, 1, "admin", "192.0.2.15");
        assertThat(login.at("/src_endpoint/port").asInt()).isEqualTo(50432);
        assertLogonCheckingOnlyGiven(
                line("%FTD-6-605004: Login denied from 192.0.2.16/50433 to inside:10.0.0.1/https for user \"root\""),
                2,
                "root",
                "192.0.2.16");

        JsonNode anyConnect = line("%ASA-6-113039: Group <GroupPolicy_X> User <jdoe> IP <198.51.100.5>"
                + " AnyConnect parent session started.");
        assertLogonCheckingOnlyGiven(anyConnect, 1, "jdoe", "198.51.100.5");
        JsonNode url = line("%ASA-5-304001: 10.0.0.5 Accessed URL 93.184.216.34:http://example.com/index.html");
        assertThat(url.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(url.at("/dst_endpoint/ip").asText()).isEqualTo("93.184.216.34");
        assertThat(url.at("/http_request/url/url_string").asText()).isEqualTo("http://example.com/index.html");

        // Firepower connection event (key: value list)
        JsonNode ftd = line("%FTD-1-430003: DeviceUUID: 6d6c7e0a-0000-11e9-9a2d-9f0b5f0e0d1c, InstanceID: 1,"
                + " FirstPacketSecond: 2026-03-01T09:00:00Z, ConnectionID: 1234, AccessControlRuleAction: Block,"
                + " SrcIP: 10.1.1.10, DstIP: 198.51.100.80, SrcPort: 51000, DstPort: 443, Protocol: tcp,"
                + " IngressInterface: inside, EgressInterface: outside, ACPolicy: Default,"
                + " AccessControlRuleName: Block-Bad, InitiatorPackets: 1, ResponderPackets: 0, InitiatorBytes: 74,"
                + " ResponderBytes: 0");
        assertFlow(ftd, 5, "10.1.1.10", 51000, "198.51.100.80", 443);
        assertDenied(ftd);
        assertThat(ftd.at("/traffic/bytes_out").asLong()).isEqualTo(74);

        // a message id without a mapping of its own stays Base Event, still claimed by the file
        JsonNode failover = line("%FTD-1-101001: (Primary) Failover cable OK.");
        assertThat(failover.get("class_uid").asInt()).isZero();
        assertProduct(failover, "Firepower Threat Defense");
    }

    @Test
    void ciscoAsaAddressTranslationsBuiltAndTornDown() throws Exception {
        // 305011/305012 (and 305009/305010 without ports) as the ASA syslog reference writes them: the real
        // interface, address and port, then the mapped ones
        JsonNode built = line("<166>Mar 01 2026 09:20:00 edge-fw : %ASA-6-305011: Built dynamic TCP translation from"
                + " inside:10.40.3.17/52144 to outside:203.0.113.40/21877");
        assertProduct(built, "ASA");
        assertThat(built.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(built.get("activity_id").asInt()).isEqualTo(1);
        assertThat(built.at("/src_endpoint/ip").asText()).isEqualTo("10.40.3.17");
        assertThat(built.at("/src_endpoint/port").asInt()).isEqualTo(52144);
        assertThat(built.at("/src_endpoint/interface_name").asText()).isEqualTo("inside");
        assertThat(built.at("/connection_info/protocol_name").asText()).isEqualTo("TCP");
        // the translation: the address and port the host was seen with outside
        assertThat(built.at("/unmapped/xlateMappedIp").asText()).isEqualTo("203.0.113.40");
        assertThat(built.at("/unmapped/xlateMappedPort").asText()).isEqualTo("21877");
        assertThat(built.at("/unmapped/xlateMappedIf").asText()).isEqualTo("outside");
        assertThat(built.at("/unmapped/xlateType").asText()).isEqualTo("dynamic");
        assertThat(built.has("action_id")).isFalse();

        // torn down, with the identity firewall's user and the duration
        JsonNode torn = line("<166>Mar 01 2026 09:21:05 edge-fw : %FTD-6-305012: Teardown dynamic UDP translation from"
                + " inside:10.40.3.22/5353(LOCAL\\r.silva) to outside:203.0.113.40/40112 duration 0:01:05");
        assertThat(torn.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(torn.get("activity_id").asInt()).isEqualTo(2);
        assertThat(torn.at("/src_endpoint/ip").asText()).isEqualTo("10.40.3.22");
        assertThat(torn.at("/actor/user/name").asText()).isEqualTo("LOCAL\\r.silva");
        assertThat(torn.at("/unmapped/xlateMappedPort").asText()).isEqualTo("40112");
        assertThat(torn.at("/unmapped/duration").asText()).isEqualTo("0:01:05");

        JsonNode icmp = line(
                "%ASA-6-305011: Built dynamic ICMP translation from dmz:172.16.8.9/731 to" + " outside:203.0.113.41/2");
        assertThat(icmp.at("/connection_info/protocol_name").asText()).isEqualTo("ICMP");
        assertThat(icmp.at("/unmapped/xlateMappedIp").asText()).isEqualTo("203.0.113.41");

        // a static translation of an address alone
        JsonNode host = line("%ASA-6-305009: Built static translation from dmz:172.16.8.25 to outside:203.0.113.25");
        assertThat(host.get("activity_id").asInt()).isEqualTo(1);
        assertThat(host.at("/src_endpoint/ip").asText()).isEqualTo("172.16.8.25");
        assertThat(host.at("/src_endpoint/port").isMissingNode()).isTrue();
        assertThat(host.at("/unmapped/xlateMappedIp").asText()).isEqualTo("203.0.113.25");
        assertThat(host.at("/unmapped/xlateType").asText()).isEqualTo("static");
    }

    @Test
    void ciscoAsaPacketsDroppedByInspectionLimitsAndPoliciesEnableFailuresAndConfigurationChanges() throws Exception {
        JsonNode dnsInspection = line("<164>Mar 01 2026 10:02:00 fw01 : %ASA-4-410001: Dropped UDP DNS request from"
                + " outside:198.51.100.23/53211 to dmz:203.0.113.53/53; label length 70 bytes exceeds protocol"
                + " limit of 63 bytes");
        assertFlow(dnsInspection, 5, "198.51.100.23", 53211, "203.0.113.53", 53);
        assertDenied(dnsInspection);
        assertThat(dnsInspection.at("/src_endpoint/interface_name").asText()).isEqualTo("outside");
        assertThat(dnsInspection.get("status_detail").asText())
                .isEqualTo("label length 70 bytes exceeds protocol limit of 63 bytes");
        assertThat(dnsInspection.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T10:02:00Z"));

        JsonNode appFailed = line("%ASA-3-421001: UDP flow from inside:10.1.1.20/61000 to outside:198.51.100.53/53"
                + " is dropped because application has failed.");
        assertFlow(appFailed, 5, "10.1.1.20", 61000, "198.51.100.53", 53);
        assertDenied(appFailed);
        assertThat(appFailed.get("status_detail").asText()).isEqualTo("application has failed");
        JsonNode bypassed = line("%ASA-6-421002: TCP flow from inside:10.1.1.20/61001 to outside:198.51.100.80/8443"
                + " bypassed application checking because the protocol is not supported");
        assertFlow(bypassed, 6, "10.1.1.20", 61001, "198.51.100.80", 8443);
        assertAllowed(bypassed);

        JsonNode pat = line("%ASA-3-202010: PAT pool exhausted. Unable to create TCP connection from"
                + " inside:10.1.1.21/40012 to outside:198.51.100.90/443");
        assertFlow(pat, 4, "10.1.1.21", 40012, "198.51.100.90", 443);
        assertDenied(pat);
        JsonNode ips = line("%ASA-4-420002: IPS requested to drop TCP packet from outside:198.51.100.24/4444 to"
                + " inside:10.1.1.22/445");
        assertFlow(ips, 5, "198.51.100.24", 4444, "10.1.1.22", 445);
        assertDenied(ips);
        JsonNode management = line("%ASA-4-418001: Through-the-device packet to/from management-only network is"
                + " denied: udp src dmz:10.9.9.5/49152 dst management:192.0.2.25/161");
        assertFlow(management, 5, "10.9.9.5", 49152, "192.0.2.25", 161);
        JsonNode esmtp = line("%ASA-4-108004: ESMTP Classification: Dropped connection for ESMTP Request from"
                + " outside:198.51.100.25/49536 to dmz:203.0.113.25/25; matched Class 4: header line length gt 998");
        assertFlow(esmtp, 5, "198.51.100.25", 49536, "203.0.113.25", 25);
        assertThat(esmtp.get("status_detail").asText()).isEqualTo("matched Class 4: header line length gt 998");
        JsonNode limit = line("%ASA-7-710004: TCP connection limit exceeded from 198.51.100.26/51515 to"
                + " outside:203.0.113.1/443 (current connections/connection limit = 101/100)");
        assertFlow(limit, 5, "198.51.100.26", 51515, "203.0.113.1", 443);
        JsonNode fragments = line("%ASA-4-209005: Discard IP fragment set with more than 24 elements:"
                + "  src = 198.51.100.27, dest = 203.0.113.27, proto = UDP, id = 4242");
        assertFlow(fragments, 5, "198.51.100.27", null, "203.0.113.27", null);
        assertThat(fragments.at("/connection_info/protocol_name").asText()).isEqualTo("UDP");
        JsonNode badHeader = line("%ASA-5-500003: Bad TCP hdr length (hdrlen=4, pktlen=74) from 198.51.100.28/34160"
                + " to 203.0.113.28/443, flags: INVALID, on interface outside");
        assertFlow(badHeader, 5, "198.51.100.28", 34160, "203.0.113.28", 443);
        JsonNode icmpError = line("%ASA-4-313005: No matching connection for ICMP error message: icmp src"
                + " inside:10.1.1.23 dst outside:198.51.100.29 (type 3, code 3) on inside interface.  Original IP"
                + " payload: udp src 198.51.100.29/53 dst 10.1.1.23/62403");
        assertFlow(icmpError, 5, "10.1.1.23", null, "198.51.100.29", null);

        // a GRE or ICMP connection torn down in the "from ... to" form of newer releases
        JsonNode gre = line("%ASA-6-302018: Teardown GRE connection 4211 from outside:198.51.100.30/0 to"
                + " inside:10.1.1.24/0 duration 0:01:10 bytes 5260");
        assertFlow(gre, 2, "198.51.100.30", 0, "10.1.1.24", 0);
        assertThat(gre.at("/traffic/bytes").asLong()).isEqualTo(5260);

        JsonNode enable = line("%ASA-6-308001: console enable password incorrect for 3 tries (from 192.0.2.31)");
        assertLogonCheckingOnlyGiven(enable, 2, null, "192.0.2.31");
        assertThat(enable.at("/service/name").asText()).isEqualTo("console");
        JsonNode logout = line("%ASA-5-611103: User logged out: Uname: netadmin");
        assertThat(logout.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(logout.get("activity_id").asInt()).isEqualTo(2);
        assertThat(logout.at("/user/name").asText()).isEqualTo("netadmin");

        JsonNode erased = line("%ASA-5-111003: 192.0.2.32 Erase configuration");
        assertThat(erased.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(erased.get("activity_id").asInt()).isEqualTo(4);
        assertThat(erased.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.32");
        JsonNode failed = line("%ASA-5-111004: 192.0.2.32 end configuration: FAILED");
        assertThat(failed.get("class_uid").asInt()).isEqualTo(6003);
        assertStatus(failed, 2);
        assertStatus(line("%ASA-5-111005: 192.0.2.32 end configuration: OK"), 1);
    }

    @Test
    void ciscoAsaAndFtdIdentityUsersMaskedNamesAndRefusedVpnAttempts() throws Exception {
        // written from Cisco's ASA/FTD syslog message reference: an identity firewall user (with or
        // without a security group tag) after the source address of 313005 and 305013
        JsonNode icmpError = line("<164>Mar 02 2026 08:10:00 ftd01 : %FTD-4-313005: No matching connection for ICMP"
                + " error message: icmp src inside:192.0.2.61(EXAMPLE\\dana, 17:Employees) dst outside:198.51.100.61"
                + " (type 3, code 3) on inside interface.  Original IP payload: udp src 198.51.100.61/53 dst"
                + " 192.0.2.61/50123.");
        assertFlow(icmpError, 5, "192.0.2.61", null, "198.51.100.61", null);
        assertDenied(icmpError);
        assertThat(icmpError.at("/actor/user/name").asText()).isEqualTo("EXAMPLE\\dana");
        JsonNode tagOnly = line("%ASA-4-313005: No matching connection for ICMP error message: icmp src"
                + " outside:198.51.100.62(17:Employees) dst inside:192.0.2.62 (type 3, code 1) on outside interface."
                + "  Original IP payload: tcp src 192.0.2.62/443 dst 198.51.100.62/50124.");
        assertFlow(tagOnly, 5, "198.51.100.62", null, "192.0.2.62", null);
        assertThat(tagOnly.at("/actor/user").isMissingNode()).isTrue();
        JsonNode natRpf = line("%FTD-5-305013: Asymmetric NAT rules matched for forward and reverse flows; Connection"
                + " for tcp src outside:198.51.100.63/51515(LOCAL\\erin) dst inside:192.0.2.63/8443 denied due to NAT"
                + " reverse path failure");
        assertFlow(natRpf, 5, "198.51.100.63", 51515, "192.0.2.63", 8443);
        assertDenied(natRpf);
        assertThat(natRpf.at("/actor/user/name").asText()).isEqualTo("LOCAL\\erin");
        // the message class some releases write between facility and level
        JsonNode classed = line("Mar 02 2026 08:10:01 UTC: %FTD-session-6-302013: Built inbound TCP connection 4711"
                + " for outside:198.51.100.64/50001 (198.51.100.64/50001) to dmz:192.0.2.64/443 (192.0.2.64/443)");
        assertFlow(classed, 1, "198.51.100.64", 50001, "192.0.2.64", 443);
        assertProduct(classed, "Firepower Threat Defense");

        // a user written before the destination of a URL access
        JsonNode url = line("%ASA-5-304001: 192.0.2.65 Accessed URL frank@198.51.100.65:http://www.example.com/a");
        assertThat(url.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(url.at("/dst_endpoint/ip").asText()).isEqualTo("198.51.100.65");
        assertThat(url.at("/actor/user/name").asText()).isEqualTo("frank");

        // a rejected user masked as ***** is no user name; a named one still is
        assertLogon(
                line("%FTD-6-113005: AAA user authentication Rejected : reason = AAA failure : server = 192.0.2.10"
                        + " : user = ***** : user IP = 198.51.100.66"),
                2,
                null,
                "198.51.100.66");
        assertLogon(
                line("%FTD-6-113005: AAA user authentication Rejected : reason = Invalid password : server ="
                        + " 192.0.2.10 : user = grace : user IP = 198.51.100.67"),
                2,
                "grace",
                "198.51.100.67");
        assertLogon(
                line("%ASA-6-605004: Login denied from 198.51.100.68/50432 to inside:192.0.2.1/https for user"
                        + " \"*****\""),
                2,
                null,
                "198.51.100.68");
        assertLogon(
                line("%ASA-6-716039: Group <DfltGrpPolicy> User <*****> IP <198.51.100.69> Authentication: rejected,"
                        + " Session Type: WebVPN."),
                2,
                null,
                "198.51.100.69");

        // VPN logins refused before a session: the device reloading (113037), a group lock (113040)
        JsonNode reboot = line("<166>Mar 02 2026 08:10:02 asa01 : %ASA-6-113037: Reboot pending, new sessions"
                + " disabled. Denied user login.");
        assertLogon(reboot, 2, null, null);
        assertThat(reboot.at("/service/name").asText()).isEqualTo("VPN");
        assertThat(reboot.get("status_detail").asText()).isEqualTo("Reboot pending, new sessions disabled");
        JsonNode locked = line("%ASA-4-113040: Terminating the VPN connection attempt from Contractors. Reason: This"
                + " connection is group locked to Employees.");
        assertLogon(locked, 2, null, null);
        assertThat(locked.get("status_detail").asText()).isEqualTo("This connection is group locked to Employees");
        // an IKEv2 negotiation aborted: the remote peer, the device's own address, the user
        JsonNode ike = line("%ASA-4-750003: Local:192.0.2.1:500 Remote:198.51.100.70:500 Username:heidi Negotiation"
                + " aborted due to ERROR: Failed to locate an item in the database");
        assertThat(ike.get("class_uid").asInt()).isEqualTo(4014);
        assertStatus(ike, 2);
        assertThat(ike.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.70");
        assertThat(ike.at("/dst_endpoint/ip").asText()).isEqualTo("192.0.2.1");
        assertThat(ike.at("/user/name").asText()).isEqualTo("heidi");
        // neighbours: the IKE_INIT_SA request of the same exchange and a mistyped facility stay Base Events
        assertBaseEventOf(
                line("%ASA-5-750002: Local:192.0.2.1:500 Remote:198.51.100.70:500 Username:heidi Received a"
                        + " IKE_INIT_SA request"),
                "ASA");
        assertThat(line("%FDT-6-113012: AAA user authentication Successful : local database : user = ivan")
                        .get("class_uid")
                        .asInt())
                .isZero();
    }

    @Test
    void paloAltoTrafficAndThreatLogs() throws Exception {
        // corpus (Wazuh paloalto): TRAFFIC denied by a rule
        JsonNode deny = line("0,2021/07/15 11:58:58,1321564321,TRAFFIC,N/A,0,2021/07/15 11:59:02,10.210.0.84,"
                + "51.11.168.232,,,DENY-ALL,,,not-applicable,vsys1,INSPECTION,INSPECTION,ethernet1/1,,AWS-PANORAMA,"
                + "2021/07/15 11:59:02,0,1,500,500,0,0,0x0,udp,deny,0,0,0,1,2021/07/15 11:59:02,0,any,0,91501273,"
                + "0x8000000000000000,10.0.0.0-10.255.255.255,YYYYYYYYYYYY,0,1,0,policy-deny,150,42,25,260,,"
                + "P1A-GWLB-CORE-FW01,from-policy,,,0,,0,,N/A,0,0,0,0,49543e97-7c8c-44a3-bbd9-031caeb1a65e,0,0,,,,,,,,"
                + "0.0.0.0,,,,,,,,,,,,,,,,,,,,,,,,,,,2021-07-15T11:59:03.547+01:00,,");
        assertProduct(deny, "PAN-OS");
        assertFlow(deny, 5, "10.210.0.84", 500, "51.11.168.232", 500);
        assertDenied(deny);
        assertThat(deny.at("/firewall_rule/name").asText()).isEqualTo("DENY-ALL");
        assertThat(deny.at("/connection_info/protocol_name").asText()).isEqualTo("udp");
        assertThat(deny.at("/metadata/log_name").asText()).isEqualTo("TRAFFIC");
        assertThat(deny.get("time").asLong())
                .isEqualTo(Instant.parse("2021-07-15T10:59:03.547Z").toEpochMilli());

        // corpus: THREAT (vulnerability) reset by the firewall, the threat's name as message
        JsonNode threat = line("0,2021/07/12 09:46:23,321321321,THREAT,vulnerability,0,2021/07/12 09:46:00,"
                + "199.195.252.165,172.30.250.61,199.195.252.165,10.20.0.19,GPS-UAT-MODULR-Web-443-OUT,,,web-browsing,"
                + "vsys1,YYYYYYYYYYY,ZZZZZZZZZZZ,ethernet1/1,tunnel.2,UATH-LogForwarding,2021/07/12 09:46:00,51557,1,"
                + "55094,443,55094,443,0x502000,tcp,reset-both,\"getuser\",DCS-2530L Unauthenticated Information"
                + " Disclosure Vulnerability(90255),any,high,client-to-server,561,0xa000000000000000,United States,"
                + "172.16.0.0-172.31.255.255,0,,0,,,1,,,,,,,,0,41,225,0,0,,UAT-INTERNET-FW-01,,,,,0,,0,,N/A,info-leak,"
                + "AppThreat-8428-6809,0x2,0,4294967295,,\"  \",dd3035a9-452f-4073-a1bc-169f4b453e6a,0,,0.0.0.0,,,,,,,,,,"
                + ",,,,,,,,,,,,,,,,,0,2021-07-12T09:46:01.359+01:00,,  ,");
        assertFlow(threat, 6, "199.195.252.165", 55094, "172.30.250.61", 443);
        assertDenied(threat);
        assertThat(threat.get("is_alert").asBoolean()).isTrue();
        assertThat(threat.get("message").asText()).startsWith("DCS-2530L Unauthenticated");

        // documented format (PAN-OS 10): a session that ended, allowed, after a syslog header
        JsonNode end = line("<14>Mar  1 09:59:59 PA-3220 1,2026/03/01 09:59:59,012801234567,TRAFFIC,end,2561,"
                + "2026/03/01 09:59:58,10.20.30.40,93.184.216.34,203.0.113.5,93.184.216.34,Allow-Web,corp\\jdoe,,ssl,"
                + "vsys1,trust,untrust,ethernet1/2,ethernet1/1,Forward-All,2026/03/01 09:59:58,183440,1,54012,443,31544,"
                + "443,0x40001c,tcp,allow,7541,1837,5704,26,2026/03/01 09:59:40,16,computer-and-internet-info,,7316002,"
                + "0x0,10.0.0.0-10.255.255.255,United States,,14,12,tcp-fin,0,0,0,0,,PA-3220,from-policy,,,0,,0,,N/A,0,0,"
                + "0,0,b5e2c1a0-6b2f-4f0e-9d4e-1a2b3c4d5e6f,0,0,,,,,,,,0.0.0.0,,,,,,,,,,,,,,,,,,,,,,,,,,,"
                + "2026-03-01T09:59:59.123+00:00,,");
        assertFlow(end, 2, "10.20.30.40", 54012, "93.184.216.34", 443);
        assertAllowed(end);
        assertThat(end.at("/traffic/bytes_out").asLong()).isEqualTo(1837);
        assertThat(end.at("/traffic/bytes_in").asLong()).isEqualTo(5704);
        assertThat(end.at("/actor/user/name").asText()).isEqualTo("corp\\jdoe");
        assertThat(end.get("app_name").asText()).isEqualTo("ssl");
        assertThat(end.at("/device/hostname").asText()).isEqualTo("PA-3220");
        assertThat(end.get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T09:59:59.123Z").toEpochMilli());

        // documented format: URL filtering blocked a request
        JsonNode url = line("1,2026/03/01 09:30:00,012801234567,THREAT,url,2561,2026/03/01 09:30:00,10.20.30.41,"
                + "104.16.1.1,203.0.113.5,104.16.1.1,Allow-Web,,,web-browsing,vsys1,trust,untrust,ethernet1/2,"
                + "ethernet1/1,Forward-All,2026/03/01 09:30:00,183441,1,54013,80,31545,80,0x40b000,tcp,block-url,"
                + "\"malware.example.com/dropper.exe\",(9999),malware,informational,client-to-server,7316010,0x0,"
                + "10.0.0.0-10.255.255.255,United States,0,text/html");
        assertThat(url.get("class_uid").asInt()).isEqualTo(4002);
        assertDenied(url);
        assertThat(url.at("/http_request/url/url_string").asText()).isEqualTo("malware.example.com/dropper.exe");
        assertThat(url.at("/src_endpoint/ip").asText()).isEqualTo("10.20.30.41");

        // documented format (PAN-OS 10): GlobalProtect gateway authentication that failed
        JsonNode gp = line("<14>Mar  1 08:00:05 PA-3220 1,2026/03/01 08:00:05,012801234567,GLOBALPROTECT,0,2561,"
                + "2026/03/01 08:00:05,vsys1,gateway-auth,login,LDAP,SSL,corp\\jdoe,US,LAPTOP-42,198.51.100.60,0.0.0.0,"
                + "0.0.0.0,0.0.0.0,6f1d2c3b-0000-4000-8000-000000000042,SN123,5.2.6,Windows,"
                + "\"Microsoft Windows 10 Pro , 64-bit\",1,Authentication failed: Invalid username or password,,\"\","
                + "failure,GW-East,0,on-demand,0,Portal-1,712345,0x0,2026-03-01T08:00:05.000+00:00,,,");
        assertLogonCheckingOnlyGiven(gp, 2, "corp\\jdoe", "198.51.100.60");
        assertThat(gp.at("/src_endpoint/hostname").asText()).isEqualTo("LAPTOP-42");
        assertThat(gp.at("/service/name").asText()).isEqualTo("GlobalProtect");
        JsonNode gpOk = line(gp.get("raw_data").asText().replace(",failure,", ",success,"));
        assertLogonCheckingOnlyGiven(gpOk, 1, "corp\\jdoe", "198.51.100.60");

        // corpus: a SYSTEM log is the vendor's, but no network record
        JsonNode system = line("Apr 30 06:00:00 xx-xx-xx.xx 1,2020/02/09 00:00:00,00000000,SYSTEM,general,0,"
                + "2020/00/00 00:00:00,,general,,0,0,general,high,\"xxxxxxxxxxxxxxx\",0000000,0x0,0,0,0,0,,XXX-XX-XX");
        assertThat(system.get("class_uid").asInt()).isZero();
        assertProduct(system, "PAN-OS");
    }

    @Test
    void fortigateTrafficAndLogins() throws Exception {
        // documented format (FortiOS 6.2+), eventtime in nanoseconds
        JsonNode closed = line("<189>date=2026-03-01 time=09:50:48 devname=\"FG-100F\" devid=\"FG100FTK19000001\""
                + " eventtime=1772358648123456789 tz=\"+0000\" logid=\"0000000013\" type=\"traffic\" subtype=\"forward\""
                + " level=\"notice\" vd=\"root\" srcip=10.0.0.1 srcport=58504 srcintf=\"port1\" srcintfrole=\"lan\""
                + " dstip=93.184.216.34 dstport=443 dstintf=\"wan1\" dstintfrole=\"wan\" sessionid=1234567 proto=6"
                + " action=\"close\" policyid=1 policytype=\"policy\" service=\"HTTPS\" trandisp=\"snat\""
                + " transip=203.0.113.5 transport=58504 duration=12 sentbyte=1850 rcvdbyte=5230 sentpkt=12 rcvdpkt=10");
        assertProduct(closed, "FortiGate");
        assertFlow(closed, 2, "10.0.0.1", 58504, "93.184.216.34", 443);
        assertAllowed(closed);
        assertThat(closed.at("/connection_info/protocol_num").asInt()).isEqualTo(6);
        assertThat(closed.at("/traffic/bytes_out").asLong()).isEqualTo(1850);
        assertThat(closed.at("/traffic/bytes_in").asLong()).isEqualTo(5230);
        assertThat(closed.at("/src_endpoint/interface_name").asText()).isEqualTo("port1");
        assertThat(closed.at("/firewall_rule/uid").asText()).isEqualTo("1");
        assertThat(closed.at("/device/hostname").asText()).isEqualTo("FG-100F");
        assertThat(closed.get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T09:50:48.123Z").toEpochMilli());

        JsonNode deny = line("date=2026-03-01 time=09:51:00 devname=\"FG-100F\" devid=\"FG100FTK19000001\""
                + " logid=\"0000000013\" type=\"traffic\" subtype=\"forward\" level=\"notice\" vd=\"root\""
                + " srcip=198.51.100.9 srcport=40000 srcintf=\"wan1\" dstip=203.0.113.5 dstport=3389 dstintf=\"port1\""
                + " proto=6 action=\"deny\" policyid=0 service=\"RDP\" sentbyte=0 rcvdbyte=0 crscore=30");
        assertFlow(deny, 5, "198.51.100.9", 40000, "203.0.113.5", 3389);
        assertDenied(deny);

        JsonNode vpn = line("date=2026-03-01 time=09:52:00 devname=\"FG-100F\" devid=\"FG100FTK19000001\""
                + " logid=\"0101039426\" type=\"event\" subtype=\"vpn\" level=\"alert\" vd=\"root\""
                + " logdesc=\"SSL VPN login fail\" action=\"ssl-login-fail\" tunneltype=\"ssl-web\" remip=198.51.100.77"
                + " user=\"jdoe\" group=\"N/A\" dst_host=\"N/A\" reason=\"sslvpn_login_permission_denied\""
                + " msg=\"SSL user failed to logged in\"");
        assertLogonCheckingOnlyGiven(vpn, 2, "jdoe", "198.51.100.77");

        JsonNode admin = line("date=2026-03-01 time=09:53:00 devname=\"FG-100F\" devid=\"FG100FTK19000001\""
                + " logid=\"0100032001\" type=\"event\" subtype=\"system\" level=\"information\" vd=\"root\""
                + " logdesc=\"Admin login successful\" sn=\"1772358780\" user=\"admin\" ui=\"https(192.0.2.10)\""
                + " method=\"https\" srcip=192.0.2.10 dstip=192.0.2.1 action=\"login\" status=\"success\" reason=\"none\""
                + " profile=\"super_admin\" msg=\"Administrator admin logged in successfully from https(192.0.2.10)\"");
        assertLogonCheckingOnlyGiven(admin, 1, "admin", "192.0.2.10");

        // web filter, behind a syslog header whose host name is not the web server's
        JsonNode web = line("<188>Mar  1 09:54:00 fw-edge date=2026-03-01 time=09:54:00 devname=\"FG-100F\""
                + " devid=\"FG100FTK19000001\" eventtime=1772358840 logid=\"0316013056\" type=\"utm\""
                + " subtype=\"webfilter\" eventtype=\"ftgd_blk\" level=\"warning\" vd=\"root\" policyid=1"
                + " sessionid=88 srcip=10.0.0.5 srcport=50000 srcintf=\"lan\" dstip=93.184.216.34 dstport=443"
                + " dstintf=\"wan1\" proto=6 service=\"HTTPS\" hostname=\"bad.example\" action=\"blocked\""
                + " reqtype=\"direct\" url=\"/path\" msg=\"URL belongs to a denied category in policy\""
                + " method=\"domain\" cat=26 catdesc=\"Malicious Websites\"");
        assertThat(web.get("class_uid").asInt()).isEqualTo(4002);
        assertDenied(web);
        assertThat(web.at("/http_request/url/hostname").asText()).isEqualTo("bad.example");
        assertThat(web.at("/http_request/url/path").asText()).isEqualTo("/path");
        assertThat(web.at("/device/hostname").asText()).isEqualTo("FG-100F");
        assertThat(web.get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T09:54:00Z").toEpochMilli());

        // corpus lines of other Fortinet products are not FortiGate's
        JsonNode ddos = line("2021-05-27T23:59:59.998837-03:00 12.34.56.78 devid=FGXXXXXXX date=2021-05-28"
                + " time=00:00:00 tz=ART type=attack subtype=\"ips\" spp=4 evecode=2 evesubcode=27"
                + " description=\"TCP invalid flag combination \" dir=1 protocol=6 sip=0.0.0.0 dip=12.34.56.79");
        assertThat(ddos.at("/metadata/product/name").asText()).isNotEqualTo("FortiGate");
        JsonNode mail = line("date=2012-08-17 time=12:26:41 device_id=FE100C3909600504 log_id=0001001623"
                + " type=kevent subtype=admin pri=information user=admin ui=GUI(172.20.120.26) action=login"
                + " status=success reason=none msg=\"User admin login successfully from GUI (172.20.120.26)\"");
        assertProduct(mail, "FortiMail");
        assertLogonCheckingOnlyGiven(mail, 1, "admin", "172.20.120.26");
        JsonNode stats = line(
                "2021-07-08T13:45:20.966330-03:00 10.132.128.10 date=2021-07-08 time=13:45:21.846"
                        + " device_id=XXXXXXXX log_id=0200027993 type=statistics pri=information  session_id=\"168GjLEk027992\"");
        // its serial masked, FortiMail's by its log_id and type (fortiMailLinesWhoseSerialIsMaskedAreStillFortiMail)
        assertThat(stats.get("class_uid").asInt()).isEqualTo(4009);
        assertProduct(stats, "FortiMail");

        // corpus (Wazuh fortiauth): FortiAuthenticator
        JsonNode radius = line("2021-07-08T11:00:56-03:00 XXX.XXX.XXX.XXX db[31013]:  category=\"Event\""
                + " subcategory=\"Authentication\" typeid=20001 level=\"information\" user=\"user1\""
                + " nas=\"XXX.XXX.XXX.XXX\" action=\"Authentication\" status=\"Failed\" Remote RADIUS user"
                + " authentication with invalid token");
        assertProduct(radius, "FortiAuthenticator");
        assertLogonCheckingOnlyGiven(radius, 2, "user1", null);
        assertThat(radius.get("status_detail").asText())
                .isEqualTo("Remote RADIUS user authentication with invalid token");
        // documented format
        JsonNode ok = line("<190>2026-03-01T09:00:00Z fac01 db[4242]:  category=\"Event\""
                + " subcategory=\"Authentication\" typeid=20001 level=\"information\" user=\"jdoe\""
                + " nas=\"10.0.0.1\" action=\"Authentication\" status=\"Success\" Local user authentication"
                + " with FortiToken successful");
        assertLogonCheckingOnlyGiven(ok, 1, "jdoe", null);
        assertThat(ok.at("/dst_endpoint/ip").asText()).isEqualTo("10.0.0.1");
    }

    @Test
    void fortiMailHistorySpamAndVirusLogs() throws Exception {
        // FortiMail Log Reference: the history log of every mail, with its direction and disposition
        JsonNode rejected = line("<190>date=2026-03-01 time=09:00:00 device_id=FE100C3909600504 log_id=0200000924"
                + " type=statistics pri=information session_id=\"q6KIXPZe008097-q6KIXPZf008097\""
                + " client_name=\"mx.sender.example\" client_ip=\"198.51.100.7\" client_cc=\"CA\""
                + " dst_ip=\"10.0.0.25\" endpoint=\"\" from=\"bounce@sender.example\""
                + " hfrom=\"Sender <news@sender.example>\" to=\"alice@corp.example\" polid=\"0:1:0\""
                + " domain=\"corp.example\" subject=\"Invoice 42\" mailer=\"mta\" resolved=\"OK\""
                + " direction=\"in\" virus=\"\" disposition=\"Reject\" classifier=\"Banned Word\""
                + " message_length=\"199624\"");
        assertProduct(rejected, "FortiMail");
        assertThat(rejected.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(rejected.get("activity_id").asInt()).isEqualTo(2); // Receive
        assertThat(rejected.get("direction_id").asInt()).isEqualTo(1);
        assertDenied(rejected);
        assertThat(rejected.at("/email/smtp_from").asText()).isEqualTo("bounce@sender.example");
        assertThat(rejected.at("/email/to/0").asText()).isEqualTo("alice@corp.example");
        assertThat(rejected.at("/email/subject").asText()).isEqualTo("Invoice 42");
        assertThat(rejected.at("/email/size").asLong()).isEqualTo(199624);
        assertThat(rejected.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.7");
        assertThat(rejected.at("/dst_endpoint/ip").asText()).isEqualTo("10.0.0.25");
        assertThat(rejected.get("status_detail").asText()).isEqualTo("Banned Word");
        assertThat(rejected.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:00:00Z"));
        assertThat(rejected.at("/unmapped/hfrom").asText()).isEqualTo("Sender <news@sender.example>");

        JsonNode sent = line("date=2026-03-01 time=09:01:00 device_id=FE100C3909600504 log_id=0200000925"
                + " type=statistics pri=information session_id=\"abc\" client_ip=\"10.0.0.5\""
                + " dst_ip=\"203.0.113.5\" from=\"bob@corp.example\" to=\"carol@partner.example\""
                + " subject=\"Q3\" direction=\"out\" disposition=\"Accept\" classifier=\"Not Spam\"");
        assertThat(sent.get("activity_id").asInt()).isEqualTo(1); // Send
        assertThat(sent.get("direction_id").asInt()).isEqualTo(2);
        assertAllowed(sent);
        JsonNode quarantined = line(sent.at("/raw_data")
                .asText()
                .replace("Accept", "System Quarantine")
                .replace("direction=\"out\" ", ""));
        assertThat(quarantined.get("activity_id").asInt()).isEqualTo(5); // MTA relay: no direction given
        assertDenied(quarantined);

        JsonNode spam = line("date=2026-03-01 time=09:02:00 device_id=FE100C3909600504 log_id=0300000924"
                + " type=spam pri=information session_id=\"q6KIXPZe\" dst_ip=\"10.0.0.25\" from=\"x@spam.example\""
                + " to=\"alice@corp.example\" subject=\"You won\" msg=\"Detected by BannedWord test\"");
        assertThat(spam.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(spam.get("activity_id").asInt()).isEqualTo(3); // Scan
        assertThat(spam.get("disposition_id").asInt()).isEqualTo(15); // Detected
        assertThat(spam.get("message").asText()).isEqualTo("Detected by BannedWord test");

        // corpus (Wazuh fortimail-like): a virus found in a mail
        JsonNode virus = line("date=2012-07-24 time=17:07:42 device_id=FE100C3909600504 log_id=0100000924"
                + " type=virus subtype=infected pri=information from=\"syntax@www.ca\" to=\"user2@1.ca\""
                + " src=172.20.140.94 session_id=\"q6OL7fsQ018870-q6OL7fsR018870\""
                + " msg=\"The file inline-16-69.dat is infected with EICAR_TEST_FILE.\"");
        assertThat(virus.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(virus.at("/finding_info/title").asText()).contains("EICAR_TEST_FILE");
        assertThat(virus.at("/finding_info/types/0").asText()).isEqualTo("Malware");
        assertThat(virus.at("/evidences/0/file/name").asText()).isEqualTo("inline-16-69.dat");
        assertThat(virus.at("/evidences/0/email/from").asText()).isEqualTo("syntax@www.ca");
        assertThat(virus.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("172.20.140.94");
        assertThat(virus.at("/unmapped/virusName").asText()).isEqualTo("EICAR_TEST_FILE");

        // other FortiMail events stay Base Events of the product
        assertBaseEventOf(
                line("date=2012-08-09 time=10:30:31 device_id=FE100C3909600504 log_id=0004001036"
                        + " type=kevent subtype=ha pri=notice user=ha ui=ha action=none status=success"
                        + " msg=\"hahbd: heart beat status changed to primary-hearbeat-port1=FAILED\""),
                "FortiMail");
    }

    @Test
    void fortiMailCommaSeparatedAndVersion8Lines() throws Exception {
        // the remote log setting comma-separated-value: the same pairs, separated by commas
        JsonNode login = line("<190>date=2026-03-01,time=09:10:00.123,device_id=FE100C3909600504,log_id=0701002231,"
                + "type=kevent,subtype=admin,pri=information, user=admin,ui=GUI(192.0.2.10),action=login,"
                + "status=success,reason=none,msg=\"User admin login successfully from GUI(192.0.2.10)\"");
        assertProduct(login, "FortiMail");
        assertLogon(login, 1, "admin", "192.0.2.10");
        assertThat(login.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:10:00.123Z"));
        JsonNode failed = line("<189>date=2026-03-01,time=09:11:00,device_id=FE100C3909600504,log_id=0701002232,"
                + "type=kevent,subtype=admin,pri=warning, user=root,ui=ssh(203.0.113.40),action=login,"
                + "status=failure,reason=bad password,msg=\"User root login failed from ssh(203.0.113.40)\"");
        assertLogon(failed, 2, "root", "203.0.113.40");

        JsonNode quarantined = line("<190>date=2026-03-01,time=09:12:00.500,device_id=FE100C3909600504,"
                + "log_id=0200007961,type=statistics,pri=information,session_id=\"abc-def\","
                + "client_name=\"mx.example.net\",client_ip=\"198.51.100.30\",dst_ip=\"192.0.2.25\","
                + "from=\"a@example.net\",to=\"b@example.com\",polid=\"0:1:1:SYSTEM\",mailer=\"mta\","
                + "direction=\"in\",virus=\"\",disposition=\"System Quarantine;Notification\","
                + "classifier=\"Attachment Filter\",message_length=\"4096\",subject=\"Report, final\"");
        assertThat(quarantined.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(quarantined.get("activity_id").asInt()).isEqualTo(2);
        assertDenied(quarantined);
        assertThat(quarantined.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.30");
        assertThat(quarantined.at("/email/subject").asText()).isEqualTo("Report, final");
        assertThat(quarantined.get("status_detail").asText()).isEqualTo("Attachment Filter");

        JsonNode virus = line("<190>date=2026-03-01,time=09:13:00,device_id=FE100C3909600504,log_id=0400003064,"
                + "type=virus,subtype=infected,pri=information,from=\"c@example.net\",to=\"d@example.com\","
                + "src=198.51.100.31,session_id=\"ghi\",msg=\"The file invoice.zip is infected with Test.Sample.\"");
        assertThat(virus.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(virus.at("/evidences/0/file/name").asText()).isEqualTo("invoice.zip");
        assertThat(virus.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("198.51.100.31");

        // FortiMail 8: a time, eventtime and tz before log_id, no date=, time= or device_id=
        JsonNode v8 = line("<190>2026-03-01 09:20:00.278 eventtime=1772356800278 tz=\"+0000\" log_id=0701000001"
                + " type=kevent subtype=admin pri=information user=admin ui=GUI(192.0.2.11) action=login"
                + " status=success reason=none msg=\"User admin logged in successfully from GUI(192.0.2.11)\"");
        assertProduct(v8, "FortiMail");
        assertLogon(v8, 1, "admin", "192.0.2.11");
        assertThat(v8.get("time").asLong()).isEqualTo(1772356800278L);

        // an administrator's configuration change, in either separator
        JsonNode changed = line("<190>date=2026-03-01,time=09:16:00.010,device_id=FE100C3909600504,log_id=0700001767,"
                + "type=kevent,subtype=config,pri=information, user=admin,ui=http(192.0.2.13),module=unknown,"
                + "submodule=unknown,msg=\"Modified 'relay1' on 'log setting remote' : port[514->5514]"
                + " (user: admin, from: http(192.0.2.13))\"");
        assertThat(changed.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(changed.get("activity_id").asInt()).isEqualTo(3);
        assertThat(changed.at("/actor/user/name").asText()).isEqualTo("admin");
        assertThat(changed.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.13");
        assertThat(changed.at("/resources/0/name").asText()).isEqualTo("relay1");
        assertThat(changed.at("/resources/0/type").asText()).isEqualTo("log setting remote");
        JsonNode deleted = line("date=2026-03-01 time=09:17:00 device_id=FE100C3909600504 log_id=0700001767"
                + " type=kevent subtype=config pri=information user=admin ui=GUI(192.0.2.14) module=unknown"
                + " submodule=unknown msg=\"Deleted 'allow-partner' from 'policy recipient' : status[enable]"
                + " (user: admin, from: GUI(192.0.2.14))\"");
        assertThat(deleted.get("activity_id").asInt()).isEqualTo(4);
        assertThat(deleted.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.14");
        // a configuration message of another shape is still the administrator's change, of no named operation
        JsonNode other = line("date=2026-03-01 time=09:18:00 device_id=FE100C3909600504 log_id=0700000012"
                + " type=kevent subtype=config pri=information user=admin ui=GUI(192.0.2.14) module=unknown"
                + " submodule=unknown msg=\"for 'system dns'\"");
        assertThat(other.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(other.get("activity_id").asInt()).isEqualTo(99);

        // other comma-separated events stay Base Events of the product; FortiManager's own events are not FortiMail's
        assertBaseEventOf(
                line("<191>date=2026-03-01,time=09:14:00,device_id=FE100C3909600504,log_id=0702001905,type=kevent,"
                        + "subtype=system,pri=debug, user=ntpd,ui=ntpd,action=none,status=none,"
                        + "msg=\"ntpd: system clock updated\""),
                "FortiMail");
        JsonNode fmg = line("<189>date=2026-03-01 time=09:15:00 devname=\"FMG-VM64\" device_id=\"FMG-VM0000000001\""
                + " log_id=0031040026 type=event subtype=system pri=information desc=\"Login\" user=\"admin\""
                + " userfrom=\"GUI(192.0.2.12)\" msg=\"User admin login successful from GUI(192.0.2.12)\"");
        assertThat(fmg.at("/metadata/product/name").asText()).isNotEqualTo("FortiMail");
    }

    @Test
    void sophosFirewallRulesAndLogins() throws Exception {
        // corpus (Wazuh sophos-fw)
        JsonNode denied = line("device=\"SFW\" date=2019-10-09 time=17:19:06 timezone=\"+08\" device_name=\"XG210\""
                + " device_id=AAAAAAAA1234567 log_id=010101010101 log_type=\"Firewall\" log_component=\"Firewall Rule\""
                + " log_subtype=\"Denied\" status=\"Deny\" priority=Information duration=0 fw_rule_id=14 policy_type=1"
                + " user_name=\"\" user_gp=\"\" iap=2 ips_policy_id=0 appfilter_policy_id=0 application=\"\""
                + " application_risk=0 application_technology=\"\" application_category=\"\" in_interface=\"Port3\""
                + " out_interface=\"Port2\" src_mac=11:22:aa:bb:22:11 src_ip=11.22.33.44 src_country_code="
                + " dst_ip=44.33.22.11 dst_country_code= protocol=\"TCP\" src_port=52667 dst_port=10051 sent_pkts=0 "
                + " recv_pkts=0 sent_bytes=0 recv_bytes=0 tran_src_ip= tran_src_port=0 tran_dst_ip= tran_dst_port=0");
        assertProduct(denied, "Sophos Firewall");
        assertFlow(denied, 5, "11.22.33.44", 52667, "44.33.22.11", 10051);
        assertDenied(denied);
        assertThat(denied.at("/src_endpoint/interface_name").asText()).isEqualTo("Port3");
        assertThat(denied.at("/firewall_rule/uid").asText()).isEqualTo("14");
        assertThat(denied.at("/device/hostname").asText()).isEqualTo("XG210");

        // documented format (SFOS 18)
        JsonNode allowed = line("<30>device=\"SFW\" date=2026-03-01 time=09:40:00 timezone=\"UTC\""
                + " device_name=\"XG230\" device_id=C01001234567890 log_id=010101600001 log_type=\"Firewall\""
                + " log_component=\"Firewall Rule\" log_subtype=\"Allowed\" status=\"Allow\" priority=Information"
                + " duration=30 fw_rule_id=5 policy_type=1 user_name=\"jdoe\" in_interface=\"Port1\""
                + " out_interface=\"Port2\" src_ip=10.1.1.20 src_country_code= dst_ip=93.184.216.34"
                + " dst_country_code=USA protocol=\"TCP\" src_port=50110 dst_port=443 sent_pkts=10 recv_pkts=12"
                + " sent_bytes=1200 recv_bytes=9800");
        assertFlow(allowed, 6, "10.1.1.20", 50110, "93.184.216.34", 443);
        assertAllowed(allowed);
        assertThat(allowed.at("/traffic/bytes_in").asLong()).isEqualTo(9800);
        assertThat(allowed.at("/actor/user/name").asText()).isEqualTo("jdoe");

        JsonNode login = line("device=\"SFW\" date=2026-03-01 time=09:41:00 timezone=\"UTC\" device_name=\"XG230\""
                + " device_id=C01001234567890 log_id=062910617703 log_type=\"Event\""
                + " log_component=\"Firewall Authentication\" log_subtype=\"Authentication\" status=\"Failed\""
                + " priority=Information user_name=\"jdoe\" usergroupname=\"\" auth_client=\"CTA\" auth_mechanism=\"AD\""
                + " reason=\"Wrong credentials\" src_ip=10.1.1.20 message=\"User jdoe failed to login to Client"
                + " Authentication Agent through AD authentication mechanism because of wrong credentials\"");
        assertLogonCheckingOnlyGiven(login, 2, "jdoe", "10.1.1.20");
        assertThat(login.get("status_detail").asText()).isEqualTo("Wrong credentials");
    }

    @Test
    void sonicwallConnectionsWebAndLogins() throws Exception {
        // corpus (Wazuh sonicwall): ip:port:interface
        JsonNode dropped = line(
                "id=firewall sn=00301E0526B1 time=\"2004-04-01 10:39:35\" fw=67.32.44.2 pri=5 c=64"
                        + " m=36 msg=\"TCP connection dropped\" n=2686 src=67.101.200.27:4507:WAN dst=67.32.44.2:445:LAN rule=0");
        assertProduct(dropped, "SonicOS");
        assertFlow(dropped, 5, "67.101.200.27", 4507, "67.32.44.2", 445);
        assertDenied(dropped);
        assertThat(dropped.at("/src_endpoint/interface_name").asText()).isEqualTo("WAN");
        assertThat(dropped.get("time").asLong())
                .isEqualTo(Instant.parse("2004-04-01T10:39:35Z").toEpochMilli());

        JsonNode admin = line("Jan  3 13:45:36 192.168.5.1 id=firewall sn=000SERIAL time=\"2007-01-03 14:48:07\""
                + " fw=1.1.1.1 pri=1 c=32 m=30 msg=\"Administrator login denied due to bad credentials\" n=7"
                + " src=2.2.2.2:36701:WAN dst=1.1.1.1:50000:WAN");
        assertLogonCheckingOnlyGiven(admin, 2, null, "2.2.2.2");

        JsonNode web = line("id=NSA2650GG sn=18B169D79980 time=\"2019-03-18 08:33:45 UTC\" fw=83.211.91.146 pri=3"
                + " c=4 m=14 msg=\"Web site access denied\" app=49177 appName=\"General HTTPS\" n=838005"
                + " src=192.168.0.62:54993:X0:pc048.example.com dst=151.101.242.49:443:X1 srcMac=c8:9c:dc:fd:9d:02"
                + " dstMac=1a:b1:69:d7:99:80 proto=tcp/https dstname=example.com arg=/ code=49"
                + " Category=\"Freeware/Software Downloads\"");
        assertThat(web.get("class_uid").asInt()).isEqualTo(4002);
        assertDenied(web);
        assertThat(web.at("/src_endpoint/hostname").asText()).isEqualTo("pc048.example.com");
        assertThat(web.at("/http_request/url/hostname").asText()).isEqualTo("example.com");

        // documented format (SonicOS 6.5)
        JsonNode closed = line("<134>id=firewall sn=0017C5ABCDEF time=\"2026-03-01 09:30:00 UTC\""
                + " fw=203.0.113.1 pri=6 c=1024 m=537 msg=\"Connection Closed\" app=49175 appName=\"General HTTPS\""
                + " n=123456 src=192.168.1.20:50543:X0 dst=93.184.216.34:443:X1 srcMac=00:11:22:33:44:55"
                + " dstMac=66:77:88:99:aa:bb proto=tcp/https sent=2354 rcvd=10456 spkt=15 rpkt=14 cdur=2100"
                + " rule=\"5 (LAN->WAN)\" fw_action=\"NA\"");
        assertFlow(closed, 2, "192.168.1.20", 50543, "93.184.216.34", 443);
        assertAllowed(closed);
        assertThat(closed.at("/traffic/bytes_out").asLong()).isEqualTo(2354);
        assertThat(closed.at("/connection_info/protocol_name").asText()).isEqualTo("tcp");
        assertThat(closed.get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T09:30:00Z").toEpochMilli());

        JsonNode login = line("id=firewall sn=0017C5ABCDEF time=\"2026-03-01 09:31:00 UTC\" fw=203.0.113.1 pri=5"
                + " c=32 m=29 msg=\"Administrator login allowed\" n=77 usr=\"admin\" src=192.168.1.50:0:X0"
                + " dst=192.168.1.1:443:X0 proto=tcp/https");
        assertLogonCheckingOnlyGiven(login, 1, "admin", "192.168.1.50");

        // a user the firewall could not identify by single sign-on is no user's name
        String withUser = "id=firewall sn=0017C5ABCDEF time=\"2026-03-01 09:32:00 UTC\" fw=203.0.113.1 pri=6"
                + " c=1024 m=537 msg=\"Connection Closed\" n=124 usr=\"%s\" src=192.168.1.21:50544:X0"
                + " dst=198.51.100.80:443:X1 proto=tcp/https sent=100 rcvd=200 rule=\"5 (LAN->WAN)\"";
        for (String unknown : java.util.List.of("Unknown (SSO failed)", "Unknown (external IP)")) {
            JsonNode anonymous = line(withUser.formatted(unknown));
            assertFlow(anonymous, 2, "192.168.1.21", 50544, "198.51.100.80", 443);
            assertThat(anonymous.at("/actor/user").isMissingNode()).as(unknown).isTrue();
        }
        JsonNode known = line(withUser.formatted("CORP\\kim"));
        assertThat(known.at("/actor/user/name").asText()).isEqualTo("CORP\\kim");
    }

    @Test
    void juniperSrxSessionsInStructuredAndTextForm() throws Exception {
        // corpus (Wazuh junos-rt-flow): structured data relayed inside another syslog line
        JsonNode deny = line("Sep 23 13:54:55 192.168.1.1 junos-flow: 2017-09-23T13:54:54.803Z sis-srx-mic-01 RT_FLOW"
                + " - RT_FLOW_SESSION_DENY [junos@2636.1.1.1.2.39 source-address=\"192.168.1.1\" source-port=\"1080\""
                + " destination-address=\"192.168.1.2\" destination-port=\"8010\" service-name=\"junos-dns-udp\""
                + " protocol-id=\"17\" icmp-type=\"0\" policy-name=\"Local-Default-Deny\" source-zone-name=\"trust\""
                + " destination-zone-name=\"untrust\" application=\"UNKNOWN\" nested-application=\"UNKNOWN\""
                + " username=\"N/A\" roles=\"N/A\" packet-incoming-interface=\"intf2.302\" encrypted=\"UNKNOWN\""
                + " reason=\"policy deny\"]");
        assertProduct(deny, "SRX");
        assertFlow(deny, 5, "192.168.1.1", 1080, "192.168.1.2", 8010);
        assertDenied(deny);
        assertThat(deny.at("/connection_info/protocol_num").asInt()).isEqualTo(17);
        assertThat(deny.at("/firewall_rule/name").asText()).isEqualTo("Local-Default-Deny");
        assertThat(deny.at("/src_endpoint/interface_name").asText()).isEqualTo("intf2.302");
        assertThat(deny.get("time").asLong())
                .isEqualTo(Instant.parse("2017-09-23T13:54:54.803Z").toEpochMilli());

        // documented format: RFC 5424 as the SRX sends it (structured-data mode), the text after the element
        JsonNode created = line("<14>1 2026-03-01T09:20:00.123Z srx-01 RT_FLOW - RT_FLOW_SESSION_CREATE"
                + " [junos@2636.1.1.1.2.129 source-address=\"10.0.0.5\" source-port=\"51515\""
                + " destination-address=\"93.184.216.34\" destination-port=\"443\" service-name=\"junos-https\""
                + " protocol-id=\"6\" policy-name=\"allow-web\" source-zone-name=\"trust\""
                + " destination-zone-name=\"untrust\" session-id-32=\"400001\"] session created"
                + " 10.0.0.5/51515->93.184.216.34/443 0x0 junos-https 203.0.113.9/20001->93.184.216.34/443 0x0"
                + " source rule r1 N/A N/A 6 allow-web trust untrust 400001 N/A(N/A) ge-0/0/1.0 UNKNOWN UNKNOWN"
                + " UNKNOWN N/A N/A -1 N/A N/A N/A");
        assertFlow(created, 1, "10.0.0.5", 51515, "93.184.216.34", 443);
        assertAllowed(created);
        assertThat(created.get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T09:20:00.123Z").toEpochMilli());

        // documented format: the brief text form behind an RFC 3164 header
        JsonNode closed = line("<14>Mar  1 09:21:00 srx-01 RT_FLOW: RT_FLOW_SESSION_CLOSE: session closed TCP FIN:"
                + " 10.0.0.5/51515->93.184.216.34/443 0x0 junos-https 203.0.113.9/20001->93.184.216.34/443 0x0 source"
                + " rule r1 N/A N/A 6 allow-web trust untrust 400001 14(1870) 12(9230) 60 UNKNOWN UNKNOWN N/A(N/A)"
                + " ge-0/0/1.0 UNKNOWN N/A N/A -1");
        assertFlow(closed, 2, "10.0.0.5", 51515, "93.184.216.34", 443);
        assertThat(closed.get("status_detail").asText()).isEqualTo("TCP FIN");

        JsonNode textDeny = line("<14>Mar  1 09:22:00 srx-01 RT_FLOW: RT_FLOW_SESSION_DENY: session denied"
                + " 198.51.100.7/41000->10.0.0.80/22 0x0 junos-ssh 6(0) default-deny untrust trust UNKNOWN UNKNOWN"
                + " N/A(N/A) ge-0/0/0.0 No policy deny N/A N/A");
        assertFlow(textDeny, 5, "198.51.100.7", 41000, "10.0.0.80", 22);
        assertDenied(textDeny);
        assertThat(textDeny.at("/firewall_rule/name").asText()).isEqualTo("default-deny");

        // documented format, native RFC 5424 with structured data (set system syslog ... structured-data): the
        // element's id carries the model's enterprise number; its parameters are read by their names
        JsonNode nativeClose = line("<14>1 2026-03-01T09:23:00.123Z srx-02 RT_FLOW - RT_FLOW_SESSION_CLOSE"
                + " [junos@2636.1.1.1.2.129 reason=\"TCP FIN\" source-address=\"10.0.0.5\" source-port=\"51515\""
                + " destination-address=\"93.184.216.34\" destination-port=\"443\" service-name=\"junos-https\""
                + " protocol-id=\"6\" policy-name=\"trust-to-untrust\" source-zone-name=\"trust\""
                + " destination-zone-name=\"untrust\" session-id-32=\"12345\" packets-from-client=\"10\""
                + " bytes-from-client=\"1500\" packets-from-server=\"12\" bytes-from-server=\"9000\""
                + " elapsed-time=\"3\" application=\"HTTPS\" packet-incoming-interface=\"ge-0/0/1.0\"]");
        assertFlow(nativeClose, 2, "10.0.0.5", 51515, "93.184.216.34", 443);
        assertThat(nativeClose.at("/firewall_rule/name").asText()).isEqualTo("trust-to-untrust");
        assertThat(nativeClose.at("/src_endpoint/zone").asText()).isEqualTo("trust");
        assertThat(nativeClose.at("/dst_endpoint/zone").asText()).isEqualTo("untrust");
        assertThat(nativeClose.at("/traffic/bytes_out").asLong()).isEqualTo(1500);
        assertThat(nativeClose.at("/traffic/bytes_in").asLong()).isEqualTo(9000);
        assertThat(nativeClose.at("/connection_info/protocol_num").asInt()).isEqualTo(6);
        assertThat(nativeClose
                        .at("/unmapped/structured_data/junos@2636.1.1.1.2.129/reason")
                        .asText())
                .isEqualTo("TCP FIN");
        assertThat(nativeClose.get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T09:23:00.123Z").toEpochMilli());
        JsonNode nativeDeny = line("<14>1 2026-03-01T09:23:01Z srx-02 RT_FLOW - RT_FLOW_SESSION_DENY"
                + " [junos@2636.1.1.1.2.26 source-address=\"198.51.100.7\" source-port=\"41001\""
                + " destination-address=\"10.0.0.80\" destination-port=\"22\" protocol-id=\"6\""
                + " policy-name=\"default-deny\" source-zone-name=\"untrust\" destination-zone-name=\"dmz\"]"
                + " session denied 198.51.100.7/41001->10.0.0.80/22 junos-ssh 6(0) default-deny untrust dmz");
        assertFlow(nativeDeny, 5, "198.51.100.7", 41001, "10.0.0.80", 22);
        assertDenied(nativeDeny);
        assertThat(nativeDeny.at("/dst_endpoint/zone").asText()).isEqualTo("dmz");
        // another program's structured data with the same parameter names is not Junos's
        JsonNode other = line("<14>1 2026-03-01T09:23:01Z app-01 myapp - AUDIT [app@32473"
                + " source-address=\"198.51.100.7\" destination-address=\"10.0.0.80\"] copied");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("SRX");
    }

    @Test
    void aDeviceTimeLoggedAsDateTimeAndZoneApartIsTheEventTime() throws Exception {
        // FortiOS before 6.0 writes no eventtime: date, time and (6.2+) tz
        JsonNode fortigate = line("<189>Mar  1 10:00:00 fw-edge date=2026-03-01 time=11:50:48 devname=\"FG-60E\""
                + " devid=\"FGT60E0000000001\" tz=\"+0200\" logid=\"0000000013\" type=\"traffic\" subtype=\"forward\""
                + " srcip=10.0.0.7 srcport=51000 dstip=93.184.216.34 dstport=443 proto=6 action=\"accept\" policyid=4");
        assertThat(fortigate.get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T09:50:48Z").toEpochMilli());
        // eventtime, when present, wins over the date and time
        JsonNode both = line(
                "date=2026-03-01 time=11:50:48 tz=\"+0200\" eventtime=1772358648 devname=\"FG-60E\" devid=\"FGT60E0000000001\""
                        + " logid=\"0000000013\" type=\"traffic\" subtype=\"forward\" srcip=10.0.0.7 dstip=10.0.0.8 action=\"deny\"");
        assertThat(both.get("time").asLong()).isEqualTo(1772358648000L);
        // corpus (Wazuh sophos_fw): an offset of hours only
        JsonNode sophos = line("device=\"SFW\" date=2019-10-09 time=17:19:06 timezone=\"+08\" device_name=\"XG210\""
                + " device_id=AAAAAAAA1234567 log_id=010101010101 log_type=\"Firewall\" log_component=\"Firewall Rule\""
                + " log_subtype=\"Denied\" status=\"Deny\" priority=Information duration=0 fw_rule_id=14"
                + " src_ip=10.1.1.1 dst_ip=10.2.2.2 protocol=\"TCP\" src_port=1234 dst_port=443");
        assertProduct(sophos, "Sophos Firewall");
        assertThat(sophos.get("time").asLong())
                .isEqualTo(Instant.parse("2019-10-09T09:19:06Z").toEpochMilli());
        // corpus (Wazuh fortimail): date and time without a zone are read as UTC
        JsonNode mail = line("date=2012-08-17 time=12:26:41 device_id=FE100C3909600504 log_id=0001001623"
                + " type=kevent subtype=admin pri=information user=admin ui=GUI(172.20.120.26) action=login"
                + " status=success reason=none msg=\"User admin login successfully from GUI (172.20.120.26)\"");
        assertThat(mail.get("time").asLong())
                .isEqualTo(Instant.parse("2012-08-17T12:26:41Z").toEpochMilli());
        assertThat(mail.at("/metadata/labels").isMissingNode()).isTrue();
    }

    @Test
    void checkPointAndOpenVpn() throws Exception {
        // corpus (Wazuh checkpoint-smart1)
        JsonNode drop = line("1 2019-05-15T16:25:50Z HOSTNAME CheckPoint 19710 - [action:\"Drop\"; flags:\"400644\";"
                + " ifdir:\"inbound\"; ifname:\"eth2\"; logid:\"0\"; loguid:\"{0x0,0x0,0x0,0x0}\"; origin:\"11.22.33.44\";"
                + " sequencenum:\"11\"; time:\"1557937550\"; version:\"5\"; dst:\"11.22.33.55\"; inzone:\"Internal\";"
                + " layer_name:\"FW-INT-TR Security\"; rule_action:\"Drop\"; rule_name:\"CleanUp Rule\";"
                + " outzone:\"Internal\"; product:\"VPN-1 & FireWall-1\"; proto:\"17\"; s_port:\"55036\";"
                + " service:\"1514\"; service_id:\"ptos_avaya\"; src:\"11.22.33.77\"; ]");
        assertProduct(drop, "Check Point Security Gateway");
        assertFlow(drop, 5, "11.22.33.77", 55036, "11.22.33.55", 1514);
        assertDenied(drop);
        assertThat(drop.at("/firewall_rule/name").asText()).isEqualTo("CleanUp Rule");
        assertThat(drop.get("time").asLong()).isEqualTo(1557937550000L);

        // documented format (Log Exporter, syslog) behind an RFC 3164 header
        JsonNode accept = line("Mar  1 09:15:02 gw-01 CheckPoint 25563 - [action:\"Accept\"; flags:\"411908\";"
                + " ifdir:\"outbound\"; ifname:\"eth1\"; origin:\"192.0.2.1\"; time:\"1772356502\"; version:\"5\";"
                + " dst:\"93.184.216.34\"; proto:\"6\"; rule_name:\"Allow Web\"; s_port:\"51234\"; service:\"443\";"
                + " service_id:\"https\"; src:\"10.0.0.7\"; product:\"VPN-1 & FireWall-1\"]");
        assertFlow(accept, 6, "10.0.0.7", 51234, "93.184.216.34", 443);
        assertAllowed(accept);
        assertThat(accept.at("/connection_info/protocol_num").asInt()).isEqualTo(6);

        // documented format (Log Exporter, syslog) as it arrives over the network: an RFC 5424 header
        // whose APP-NAME and PROCID are "CheckPoint <pid>", the bracketed fields where
        // STRUCTURED-DATA would be
        JsonNode rfc5424 = line("<134>1 2026-03-01T09:15:02Z gw-01 CheckPoint 25563 - [action:\"Drop\";"
                + " flags:\"400644\"; ifdir:\"inbound\"; ifname:\"eth0\"; origin:\"192.0.2.1\";"
                + " time:\"1772356502\"; version:\"5\"; dst:\"10.0.0.25\"; proto:\"6\";"
                + " rule_name:\"Cleanup rule\"; s_port:\"40111\"; service:\"3389\"; src:\"203.0.113.50\";"
                + " product:\"VPN-1 & FireWall-1\"]");
        assertProduct(rfc5424, "Check Point Security Gateway");
        assertFlow(rfc5424, 5, "203.0.113.50", 40111, "10.0.0.25", 3389);
        assertDenied(rfc5424);
        assertThat(rfc5424.at("/firewall_rule/name").asText()).isEqualTo("Cleanup rule");
        assertThat(rfc5424.at("/device/hostname").asText()).isEqualTo("gw-01");
        // every pair of the record is a field under unmapped, by Check Point's own name, a quoted value
        // whole even where it holds the separators
        JsonNode threat = line(
                "<134>1 2026-03-01T09:15:02Z gw-01 CheckPoint 25563 - [action:\"Prevent\";"
                        + " src:\"203.0.113.50\"; dst:\"10.0.0.25\"; s_port:\"40111\"; service:\"445\"; proto:\"6\";"
                        + " protection_name:\"Microsoft SMB [MS17-010]; EternalBlue\"; severity:\"Critical\";"
                        + " inzone:\"External\"; outzone:\"Internal\"; __policy_id_tag:\"product=VPN-1 & FireWall-1[db_tag={1};mgmt=m1]\"]");
        assertFlow(threat, 5, "203.0.113.50", 40111, "10.0.0.25", 445);
        assertDenied(threat);
        assertThat(threat.at("/unmapped/protection_name").asText()).isEqualTo("Microsoft SMB [MS17-010]; EternalBlue");
        assertThat(threat.at("/unmapped/severity").asText()).isEqualTo("Critical");
        assertThat(threat.at("/unmapped/outzone").asText()).isEqualTo("Internal");
        assertThat(threat.at("/unmapped/__policy_id_tag").asText())
                .isEqualTo("product=VPN-1 & FireWall-1[db_tag={1};mgmt=m1]");
        assertThat(threat.at("/unmapped/hostname").asText()).isEqualTo("gw-01");
        // another program's bracketed message is not Check Point's
        JsonNode other = line("<134>1 2026-03-01T09:15:02Z host-01 someapp 1 - [action:\"Drop\";"
                + " src:\"203.0.113.50\"; dst:\"10.0.0.25\"]");
        assertThat(other.get("class_uid").asInt()).isZero();

        // corpus (Wazuh openvpn)
        JsonNode ldap = line("Jan 28 14:25:49 VPN-SERVER-05892 openvpn: Incorrect password supplied for LDAP DN"
                + " \"CN=Harry T. Hacker,OU=business unit,OU=department,DC=domain,DC=com\"");
        assertProduct(ldap, "OpenVPN");
        assertLogonCheckingOnlyGiven(ldap, 2, null, null);

        // documented format
        JsonNode peer = line("Mar  1 09:10:00 vpn01 openvpn[2211]: 198.51.100.23:50123 Peer Connection Initiated"
                + " with [AF_INET]198.51.100.23:50123");
        assertLogonCheckingOnlyGiven(peer, 1, null, "198.51.100.23");
        JsonNode authFail = line("Mar  1 09:10:02 vpn01 openvpn[2211]: 198.51.100.24:50200 TLS Auth Error:"
                + " Auth Username/Password verification failed for peer");
        assertLogonCheckingOnlyGiven(authFail, 2, null, "198.51.100.24");
        JsonNode exit = line("Mar  1 09:10:05 vpn01 openvpn[2211]: jdoe/198.51.100.23:50123"
                + " SIGTERM[soft,remote-exit] received, client-instance exiting");
        assertThat(exit.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(exit.get("activity_id").asInt()).isEqualTo(2);
        assertThat(exit.at("/user/name").asText()).isEqualTo("jdoe");
    }

    @Test
    void eachFileClaimsOnlyItsOwnVendorsLinesAndOtherLinesStayBaseEvents() throws Exception {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put(
                "ASA",
                "%ASA-4-106023: Deny tcp src outside:192.0.2.9/41000 dst inside:10.0.0.5/22 by access-group"
                        + " \"OUTSIDE_IN\" [0x0, 0x0]");
        lines.put(
                "PAN-OS",
                "1,2026/03/01 09:30:00,012801234567,TRAFFIC,drop,2561,2026/03/01 09:30:00,192.0.2.9,"
                        + "10.0.0.5,,,deny-all,,,not-applicable,vsys1,untrust,trust,ethernet1/1,,Forward-All,"
                        + "2026/03/01 09:30:00,0,1,41000,22,0,0,0x0,tcp,drop,60,60,0,1,2026/03/01 09:30:00,0,any");
        lines.put(
                "FortiGate",
                "date=2026-03-01 time=09:51:00 devname=\"FG-100F\" devid=\"FG100FTK19000001\""
                        + " logid=\"0000000013\" type=\"traffic\" subtype=\"forward\" srcip=192.0.2.9 srcport=41000"
                        + " dstip=10.0.0.5 dstport=22 proto=6 action=\"deny\"");
        lines.put(
                "Sophos Firewall",
                "device=\"SFW\" date=2026-03-01 time=09:40:00 device_name=\"XG230\""
                        + " log_id=010101600001 log_type=\"Firewall\" log_component=\"Firewall Rule\" log_subtype=\"Denied\""
                        + " src_ip=192.0.2.9 dst_ip=10.0.0.5 protocol=\"TCP\" src_port=41000 dst_port=22");
        lines.put(
                "SonicOS",
                "id=firewall sn=0017C5ABCDEF time=\"2026-03-01 09:30:00 UTC\" fw=203.0.113.1 pri=5 c=64"
                        + " m=36 msg=\"TCP connection dropped\" n=1 src=192.0.2.9:41000:X1 dst=10.0.0.5:22:X0");
        lines.put(
                "SRX",
                "<14>Mar  1 09:22:00 srx-01 RT_FLOW: RT_FLOW_SESSION_DENY: session denied"
                        + " 192.0.2.9/41000->10.0.0.5/22 0x0 junos-ssh 6(0) default-deny untrust trust");
        lines.put(
                "Check Point Security Gateway",
                "CheckPoint 25563 - [action:\"Drop\"; src:\"192.0.2.9\";"
                        + " dst:\"10.0.0.5\"; s_port:\"41000\"; service:\"22\"; proto:\"6\"]");
        for (Map.Entry<String, String> e : lines.entrySet()) {
            JsonNode r = line(e.getValue());
            assertProduct(r, e.getKey());
            // the same deny, whichever vendor wrote it
            assertFlow(r, 5, "192.0.2.9", 41000, "10.0.0.5", 22);
            assertDenied(r);
        }

        for (String unrelated : List.of(
                "<30>Mar  1 09:00:00 web01 systemd[1]: Started Daily apt download activities.",
                "<14>Mar  1 09:00:00 app01 billing: user=bob action=login status=success type=event devid=X42",
                "Mar  1 09:00:00 app01 report: 1,2026/03/01 09:30:00 was the time; TRAFFIC was light",
                "<14>Mar  1 09:00:00 app01 audit: id=42 sn=7 time=\"soon\" the session created new/items->x/1 ok")) {
            JsonNode r = line(unrelated);
            assertThat(r.get("class_uid").asInt()).as(unrelated).isZero();
            assertThat(r.at("/metadata/product/name").asText())
                    .as(unrelated)
                    .isNotIn(lines.keySet().toArray())
                    .isNotEqualTo("OpenVPN");
        }
        // a packet filter line keeps its own mapping
        assertProduct(
                line("Jan 29 00:00:28 myth kernel: SFW2-INext-DROP-DEFLT IN=ppp0 OUT= MAC= SRC=24.64.208.134"
                        + " DST=216.58.112.55 LEN=512 PROTO=UDP SPT=24128 DPT=1026 LEN=492"),
                "Netfilter");
    }

    @Test
    void aPatternIsSearchedInTheFirstOfSeveralFieldsThatHoldsIt() throws Exception {
        String file = """
                {"name": "t", "product": {"name": "T"},
                 "match": {"pattern_field": ["message", "app_name"], "pattern": "^%T-(?<code>\\\\d+)"},
                 "events": [{"when": {"code": "7"}, "class_uid": 4001, "activity_id": 5}],
                 "default": {"class_uid": 0, "activity_id": 99}}""";
        OcsfNormalizer own = new OcsfNormalizer(
                OcsfMappings.parse(Map.of("t.json", file)), Duration.ofDays(365), Duration.ofDays(1));
        // in the message
        JsonNode inMessage = line(own, "%T-7: something");
        assertThat(inMessage.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(inMessage.at("/unmapped/code").asText()).isEqualTo("7");
        // not in the message, in the syslog tag
        JsonNode inTag = line(own, "<14>%T-7: something");
        assertThat(inTag.at("/unmapped/app_name").asText()).isEqualTo("%T-7");
        assertThat(inTag.get("class_uid").asInt()).isEqualTo(4001);
        // in neither
        JsonNode neither = line(own, "<14>host1 T-7: something");
        assertThat(neither.at("/metadata/product/name").asText()).isNotEqualTo("T");

        assertThatThrownBy(
                        () -> OcsfMappings.parse(Map.of("t.json", file.replace("[\"message\", \"app_name\"]", "[]"))))
                .isInstanceOf(InvalidMappingException.class)
                .hasMessageContaining("t.json: match.pattern_field names no field");
    }

    @Test
    void drayTekFilterLinesAreFlowsWithDirectionRuleAndProtocol() throws Exception {
        // as a Vigor router sends them: its name as the tag and the MAC before the filter record
        JsonNode outbound = line(
                "<134>Feb 11 15:03:45 RTR-EXAMPLE_data: 1449bc220888:[FILTER][Pass][LAN/RT/VPN->WAN, 121:50:32    ]"
                        + "[@S:R=13:1, 192.168.1.10:49261->203.0.113.98:443][TCP][HLen=20, TLen=52, Flag=S, Seq=3523763994, Ack=0, Win=65535]");
        assertProduct(outbound, "Vigor");
        assertFlow(outbound, 6, "192.168.1.10", 49261, "203.0.113.98", 443);
        assertAllowed(outbound);
        assertThat(outbound.at("/connection_info/direction_id").asInt()).isEqualTo(2);
        assertThat(outbound.at("/connection_info/protocol_name").asText()).isEqualTo("TCP");
        assertThat(outbound.at("/firewall_rule/uid").asText()).isEqualTo("13:1");
        assertThat(outbound.at("/traffic/bytes").asLong()).isEqualTo(52);
        assertThat(outbound.at("/unmapped/tcpFlags").asText()).isEqualTo("S");

        JsonNode blocked = line(
                "<134>Feb 11 15:03:45 RTR-EXAMPLE_data: 1449bc220888:[FILTER][Block][WAN->LAN/RT/VPN, 121:50:32    ]"
                        + "[@S:R=14:1, 203.0.113.121:43417->198.51.100.75:7547][TCP][HLen=20, TLen=44, Flag=S, Seq=1236052928, Ack=0, Win=14600]");
        assertFlow(blocked, 5, "203.0.113.121", 43417, "198.51.100.75", 7547);
        assertDenied(blocked);
        assertThat(blocked.at("/connection_info/direction_id").asInt()).isEqualTo(1);

        // older firmware: 'Vigor:' as the tag; ICMP has no ports; another protocol by its number
        JsonNode icmp = line(
                "<134>Feb 11 15:03:46 Vigor: [FILTER][Drop][WAN->LAN/RT/VPN, 0:53:53 ][@S:R=6:1, 203.0.113.4->198.51.100.75][ICMP][HLen=20, TLen=92, Type=8, Code=0]");
        assertFlow(icmp, 5, "203.0.113.4", null, "198.51.100.75", null);
        assertThat(icmp.get("time").asLong()).isEqualTo(epochMillis("2026-02-11T15:03:46Z"));
        JsonNode gre =
                line("<134>Feb  6 00:51:55 RTR-EXAMPLE_data: 1449bc220888:[FILTER][Pass][WAN->LAN/RT/VPN, 13:22:55    ]"
                        + "[@S:R=13:1, 203.0.113.34->198.51.100.75][PR 47][HLen=20, TLen=572]");
        assertFlow(gre, 6, "203.0.113.34", null, "198.51.100.75", null);
        assertThat(gre.at("/connection_info/protocol_num").asInt()).isEqualTo(47);
        // a Vigor line that is no filter record is not made a flow
        assertThat(line("<134>Feb 11 15:03:46 Vigor: PPPoE ==> Protocol:LCP(c021) ConfReq Identifier:0x01")
                        .get("class_uid")
                        .asInt())
                .isZero();
    }

    @Test
    void drayTekFilterLinesWithIpv6AddressesAreFlows() throws Exception {
        // an IPv6 address in brackets, its port after them
        JsonNode outbound = line(
                "<134>Mar  2 08:14:09 VIGOR-BRANCH2: 001dab7c41e2:[FILTER][Pass][LAN/RT/VPN->WAN, 4:07:31    ]"
                        + "[@S:R=2:3, [2001:db8:4a1::1c]:51734->[2a00:1450:4001:82b::200e]:443][TCP][HLen=40, TLen=80, Flag=S, Seq=88123, Ack=0, Win=64800]");
        assertProduct(outbound, "Vigor");
        assertFlow(outbound, 6, "2001:db8:4a1::1c", 51734, "2a00:1450:4001:82b::200e", 443);
        assertAllowed(outbound);
        assertThat(outbound.at("/connection_info/direction_id").asInt()).isEqualTo(2);
        assertThat(outbound.at("/firewall_rule/uid").asText()).isEqualTo("2:3");

        JsonNode blocked = line(
                "<134>Mar  2 08:15:40 VIGOR-BRANCH2: 001dab7c41e2:[FILTER][Block][WAN->LAN/RT/VPN, 4:09:02    ]"
                        + "[@S:R=5:1, [2001:db8:ffee::9]:40022->[2001:db8:4a1::20]:22][TCP][HLen=40, TLen=60, Flag=S, Seq=5521, Ack=0, Win=29200]");
        assertFlow(blocked, 5, "2001:db8:ffee::9", 40022, "2001:db8:4a1::20", 22);
        assertDenied(blocked);
        assertThat(blocked.at("/connection_info/direction_id").asInt()).isEqualTo(1);

        // ICMPv6 has no ports: bare addresses, also an IPv4-mapped one
        JsonNode icmp = line(
                "<134>Mar  2 08:16:02 Vigor: [FILTER][Drop][WAN->LAN/RT/VPN, 4:09:24 ][@S:R=6:2, fe80::2e0:4cff:fe68:11->ff02::1][PR 58][HLen=40, TLen=72]");
        assertFlow(icmp, 5, "fe80::2e0:4cff:fe68:11", null, "ff02::1", null);
        assertThat(icmp.at("/connection_info/protocol_num").asInt()).isEqualTo(58);
        JsonNode mapped = line(
                "<134>Mar  2 08:16:05 Vigor: [FILTER][Block][WAN->LAN/RT/VPN, 4:09:27 ][@S:R=6:2, ::ffff:198.51.100.61->2001:db8:4a1::20][ICMPv6][HLen=40, TLen=64]");
        assertFlow(mapped, 5, "::ffff:198.51.100.61", null, "2001:db8:4a1::20", null);
    }

    @Test
    void aListOfMatchConditionsClaimsAnEventByTheFirstThatHolds() throws Exception {
        String file = """
                {"name": "t", "product": {"name": "T"},
                 "match": [{"pattern": "^T (?<code>\\\\d+) "}, {"app_name": ["tee"], "pattern": "^code=(?<code>\\\\d+)"}],
                 "events": [{"when": {"code": "7"}, "class_uid": 4001, "activity_id": 5}],
                 "default": {"class_uid": 0, "activity_id": 99}}""";
        OcsfNormalizer own = new OcsfNormalizer(
                OcsfMappings.parse(Map.of("t.json", file)), Duration.ofDays(365), Duration.ofDays(1));
        // the first alternative, its group read
        JsonNode first = line(own, "T 7 something");
        assertThat(first.get("class_uid").asInt()).isEqualTo(4001);
        // the second: the program's name and its own pattern
        JsonNode second = line(own, "<14>1 2026-03-01T09:15:02Z h1 tee 1 - - code=7");
        assertThat(second.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(second.at("/unmapped/code").asText()).isEqualTo("7");
        // the second's pattern from another program: no alternative holds
        JsonNode neither = line(own, "<14>1 2026-03-01T09:15:02Z h1 other 1 - - code=7");
        assertThat(neither.at("/metadata/product/name").asText()).isNotEqualTo("T");

        assertThatThrownBy(() -> OcsfMappings.parse(Map.of("t.json", file.replaceFirst("\\[\\{.*?\\}, ", "[{}, "))))
                .isInstanceOf(InvalidMappingException.class)
                .hasMessageContaining("t.json: 'match' must name at least one field or a pattern");
        assertThatThrownBy(() -> OcsfMappings.parse(Map.of("t.json", file.replaceFirst("\\[\\{.*?\\}\\],", "[],"))))
                .isInstanceOf(InvalidMappingException.class)
                .hasMessageContaining("t.json: 'match' is an empty list");
    }

    @Test
    void ciscoCutThroughProxySessionsAreLogonsAndLogoffsAndShunnedPacketsRefusedFlows() throws Exception {
        // documented format (ASA and FTD syslog message guide: 109011, 109012)
        JsonNode start =
                line("<163>Mar 01 2026 09:00:00 fw1 : %ASA-2-109011: Authen Session Start: user 'jdoe', sid 12");
        assertProduct(start, "ASA");
        assertLogon(start, 1, "jdoe", null);
        assertThat(start.at("/session/uid").asText()).isEqualTo("12");
        JsonNode end = line("<165>Mar 01 2026 09:05:00 fw1 : %FTD-5-109012: Authen Session End: user 'jdoe', sid 12,"
                + " elapsed 300 seconds");
        assertThat(end.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(end.get("activity_id").asInt()).isEqualTo(2);
        assertThat(end.at("/user/name").asText()).isEqualTo("jdoe");
        assertThat(end.at("/session/uid").asText()).isEqualTo("12");
        assertThat(end.at("/unmapped/elapsed").asText()).isEqualTo("300");
        // corpus (Wazuh cisco-ftd): the message guide's own wording, its numbers left as words
        JsonNode catalogue = line("%FTD-5-109012: Authen Session End: user 'user', sid number, elapsed number seconds");
        assertThat(catalogue.get("activity_id").asInt()).isEqualTo(2);
        assertThat(catalogue.at("/user/name").asText()).isEqualTo("user");
        // a neighbouring authentication message stays a Base Event of the device
        assertBaseEventOf(
                line("<166>Mar 01 2026 09:00:00 fw1 : %ASA-6-109007: Authorization permitted for user 'jdoe' from"
                        + " 10.1.1.1/1234 to 10.2.2.2/80 on interface inside"),
                "ASA");

        // documented format (401004), the arrow written as ==> and, in the message guide, as =
        JsonNode shunned =
                line("<164>Mar 01 2026 09:00:00 fw1 : %ASA-4-401004: Shunned packet: 198.51.100.7 ==> 10.2.2.2"
                        + " on interface outside");
        assertFlow(shunned, 5, "198.51.100.7", null, "10.2.2.2", null);
        assertDenied(shunned);
        assertThat(shunned.get("is_alert").asBoolean()).isTrue();
        assertThat(shunned.at("/src_endpoint/interface_name").asText()).isEqualTo("outside");
        JsonNode corpusShunned =
                line("%FTD-4-401004: Shunned packet: 192.168.1.59 = 192.168.1.60 on interface interface_name");
        assertFlow(corpusShunned, 5, "192.168.1.59", null, "192.168.1.60", null);
        // the shun itself added to the database names no flow: a Base Event
        assertBaseEventOf(
                line("<164>Mar 01 2026 09:00:00 fw1 : %ASA-4-401002: Shun added: 198.51.100.7 0.0.0.0 0 0"), "ASA");
    }

    @Test
    void checkPointQuarantinedSourcesAreRefusedFlowsWithAnAlert() throws Exception {
        // documented action (Check Point log actions: Quarantine, the connection's source address quarantined)
        JsonNode quarantine = line("<134>1 2026-03-01T09:15:02Z gw-01 CheckPoint 25563 - [action:\"Quarantine\";"
                + " src:\"203.0.113.50\"; dst:\"10.0.0.25\"; s_port:\"40111\"; service:\"80\"; proto:\"6\";"
                + " product:\"SmartDefense\"]");
        assertProduct(quarantine, "Check Point Security Gateway");
        assertFlow(quarantine, 5, "203.0.113.50", 40111, "10.0.0.25", 80);
        assertDenied(quarantine);
        assertThat(quarantine.get("is_alert").asBoolean()).isTrue();
        // a plain drop by the rule base is no alert
        JsonNode drop = line("<134>1 2026-03-01T09:15:02Z gw-01 CheckPoint 25563 - [action:\"Drop\";"
                + " src:\"203.0.113.50\"; dst:\"10.0.0.25\"; s_port:\"40111\"; service:\"80\"; proto:\"6\"]");
        assertDenied(drop);
        assertThat(drop.has("is_alert")).isFalse();
    }

    @Test
    void fortiMailLinesWhoseSerialIsMaskedAreStillFortiMail() throws Exception {
        // corpus (Wazuh fortimail-like): a history log relayed with an ISO time and the sender's address,
        // its serial masked
        JsonNode history = line("2021-07-08T13:45:20.966330-03:00 10.132.128.10 date=2021-07-08 time=13:45:21.846"
                + " device_id=XXXXXXXX log_id=0200027993 type=statistics pri=information "
                + " session_id=\"168GjLEk027992-16027992\" client_name=\"\" client_ip=\"11.22.33.44\" client_cc=\"ZZ\""
                + " dst_ip=\"12.34.56.78\" from=\"noreply@domain.com\" hfrom=\"noreply@domain.com\" to=\"user@gmail.com\""
                + " polid=\"2:2:5:SYSTEM\" domain=\"HHHHHHHH\" mailer=\"mta\" resolved=\"FAIL\" src_type=\"int\""
                + " direction=\"out\" virus=\"\" disposition=\"Accept\" classifier=\"Not Spam\" message_length=\"23951\""
                + " subject=\"Subject of the message\" message_id=\"896710244.116204.16257.Mail@lnk2489\"");
        assertProduct(history, "FortiMail");
        assertThat(history.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(history.get("activity_id").asInt()).isEqualTo(1);
        assertThat(history.at("/device/uid").asText()).isEqualTo("XXXXXXXX");
        // FortiWeb writes device_id and log_id too, but an eight-digit log_id and its own types
        JsonNode fortiWeb = line("date=2026-03-01 time=09:10:00 log_id=20000008 msg_id=000012345678"
                + " device_id=FV-1KD3A14800012 vd=\"root\" timezone=\"(GMT)UTC\" type=attack pri=alert"
                + " src=203.0.113.9 dst=10.0.0.80 msg=\"SQL Injection\"");
        assertThat(fortiWeb.at("/metadata/product/name").asText()).isNotEqualTo("FortiMail");
    }
}
