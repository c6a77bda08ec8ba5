package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAllowed;
import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The mapping files of small-business network gear, proxies and DNS forwarders (pfSense/OPNsense
 * filterlog, Cisco IOS, MikroTik RouterOS, Cisco Meraki, Squid, dnsmasq/Pi-hole): real lines (from the shared
 * corpus) and lines written from each product's documented format become Network Activity,
 * Authentication, HTTP Activity or DNS Activity with their endpoints, user and outcome; each file
 * claims only its own product's lines, and the product's other lines stay Base Events.
 */
class NetworkGearProxyAndDnsMappingsTest {

    private static final String PFSENSE = "pfSense/OPNsense";
    private static final String IOS = "IOS";
    private static final String ROUTEROS = "RouterOS";
    private static final String SQUID = "Squid";
    private static final String DNSMASQ = "dnsmasq";
    private static final Set<String> OURS = Set.of(PFSENSE, IOS, ROUTEROS, SQUID, DNSMASQ);

    private static void assertNoAction(JsonNode r) {
        assertThat(r.has("action_id")).as("action of %s", r).isFalse();
        assertThat(r.has("disposition_id")).as("disposition of %s", r).isFalse();
    }

    private static void assertDirection(JsonNode r, int directionId, String direction) {
        assertThat(r.at("/connection_info/direction_id").asInt())
                .as("direction of %s", r)
                .isEqualTo(directionId);
        assertThat(r.at("/connection_info/direction").asText()).isEqualTo(direction);
    }

    @Test
    void pfSenseAndOpnSenseFilterlogIPv4AndIPv6() throws Exception {
        // pfSense, BSD syslog without a host name (its default), IPv4 TCP blocked entering the WAN
        JsonNode block = line("<134>Mar  1 09:00:00 filterlog: 5,,,1000000103,igb1,match,block,in,4,0x0,,64,0,0,DF,"
                + "6,tcp,60,198.51.100.7,203.0.113.10,54321,22,0,S,1234567890,,64240,,mss;sackOK;TS;nop;wscale");
        assertProduct(block, PFSENSE);
        assertFlow(block, 5, "198.51.100.7", 54321, "203.0.113.10", 22);
        assertDenied(block);
        assertDirection(block, 1, "Inbound");
        assertThat(block.at("/src_endpoint/interface_name").asText()).isEqualTo("igb1");
        assertThat(block.at("/dst_endpoint/interface_name").isMissingNode()).isTrue();
        assertThat(block.at("/firewall_rule/uid").asText()).isEqualTo("1000000103");
        assertThat(block.at("/connection_info/protocol_name").asText()).isEqualTo("tcp");
        assertThat(block.at("/connection_info/protocol_num").asInt()).isEqualTo(6);
        assertThat(block.at("/traffic/bytes").asLong()).isEqualTo(60);

        // pfSense 2.5+ with an RFC 5424 header: UDP passed leaving the LAN interface
        JsonNode pass = line(
                "<134>1 2026-03-01T09:00:00.123456+00:00 fw.home.arpa filterlog 12345 - -"
                        + " 7,,,1000000105,igb0,match,pass,out,4,0x0,,64,12345,0,none,17,udp,73,192.168.1.10,8.8.8.8,53244,53,53");
        assertFlow(pass, 6, "192.168.1.10", 53244, "8.8.8.8", 53);
        assertAllowed(pass);
        assertDirection(pass, 2, "Outbound");
        assertThat(pass.at("/dst_endpoint/interface_name").asText()).isEqualTo("igb0");
        assertThat(pass.at("/src_endpoint/interface_name").isMissingNode()).isTrue();
        assertThat(pass.at("/device/hostname").asText()).isEqualTo("fw.home.arpa");
        assertThat(pass.get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T09:00:00.123Z").toEpochMilli());

        // pfSense's own log file in RFC 5424 format (filter.log): the header without its priority
        JsonNode fromFile = line(
                "1 2026-03-01T09:00:01.250000+01:00 fw.home.arpa filterlog 12345 - -"
                        + " 7,,,1000000105,igb0,match,block,in,4,0x0,,64,4242,0,none,17,udp,73,198.51.100.8,203.0.113.10,5353,161,53");
        assertProduct(fromFile, PFSENSE);
        assertFlow(fromFile, 5, "198.51.100.8", 5353, "203.0.113.10", 161);
        assertDenied(fromFile);
        assertThat(fromFile.at("/device/hostname").asText()).isEqualTo("fw.home.arpa");
        assertThat(fromFile.get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T08:00:01.250Z").toEpochMilli());
        assertThat(block.get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T09:00:00Z").toEpochMilli());

        // IPv6: class, flow label, hop limit, protocol text before its number
        JsonNode v6 = line("<134>Mar  1 09:00:01 pfsense filterlog[4321]: 4,,,1000000003,igb0,match,block,in,6,"
                + "0x00,0x00000,57,tcp,6,40,2001:db8:1::5,2001:db8:2::10,44321,443,0,S,987654321,,65535,,");
        assertFlow(v6, 5, "2001:db8:1::5", 44321, "2001:db8:2::10", 443);
        assertDenied(v6);
        assertThat(v6.at("/connection_info/protocol_name").asText()).isEqualTo("tcp");
        JsonNode icmp6 = line("<134>Mar  1 09:00:01 pfsense filterlog[4321]: 3,,,1000000102,em0,match,block,in,6,"
                + "0x00,0x00000,255,ipv6-icmp,58,32,fe80::1,ff02::1,");
        assertFlow(icmp6, 5, "fe80::1", null, "ff02::1", null);
        assertThat(icmp6.at("/connection_info/protocol_name").asText()).isEqualTo("ipv6-icmp");
        assertThat(icmp6.at("/connection_info/protocol_num").asInt()).isEqualTo(58);

        // ICMP: the protocol data after the addresses is not ports
        JsonNode ping = line("<134>Mar  1 09:00:02 pfsense filterlog[4321]: 9,,,1000000104,igb1,match,pass,in,4,0x0,,"
                + "64,54321,0,none,1,icmp,84,192.168.1.20,1.1.1.1,request,4321,1");
        assertFlow(ping, 6, "192.168.1.20", null, "1.1.1.1", null);
        assertAllowed(ping);

        // OPNsense: RFC 5424 with structured data, the rule's label (a hash) in the tracker field, reject
        JsonNode opn = line("<134>1 2026-03-01T09:00:02+00:00 OPNsense.localdomain filterlog 77613 -"
                + " [meta sequenceId=\"12\"] 96,,,02f4bab031b57d1e30553ce08e0ec131,vtnet0,match,reject,in,4,0x0,,242,"
                + "54321,0,none,6,tcp,44,203.0.113.99,198.51.100.2,48513,3389,0,S,3162472829,,1025,,mss");
        assertProduct(opn, PFSENSE);
        assertFlow(opn, 5, "203.0.113.99", 48513, "198.51.100.2", 3389);
        assertDenied(opn);
        assertThat(opn.at("/firewall_rule/uid").asText()).isEqualTo("02f4bab031b57d1e30553ce08e0ec131");

        // the program's other lines are Base Events of the product
        assertBaseEventOf(line("<134>Mar  1 09:00:03 pfsense filterlog[4321]: Listening on pflog0"), PFSENSE);
        // the same CSV from another program is not filterlog's
        JsonNode other =
                line("<134>Mar  1 09:00:03 app01 exporter: 5,,,1000000103,igb1,match,block,in,4,0x0,,64,0,0,DF,"
                        + "6,tcp,60,198.51.100.7,203.0.113.10,54321,22,0,S,1234567890,,64240,,");
        assertThat(other.get("class_uid").asInt()).isZero();
        assertThat(other.at("/metadata/product/name").asText()).isNotIn(OURS.toArray());
    }

    @Test
    void ciscoIosAccessListsFirewallAndLogins() throws Exception {
        // sequence number as the tag, the uptime-style timestamp with '*' before the mnemonic
        JsonNode deny = line("<189>123: *Mar  1 00:00:10.123: %SEC-6-IPACCESSLOGP: list 101 denied tcp"
                + " 10.1.1.1(1234) -> 10.2.2.2(80), 1 packet");
        assertProduct(deny, IOS);
        assertFlow(deny, 5, "10.1.1.1", 1234, "10.2.2.2", 80);
        assertDenied(deny);
        assertThat(deny.at("/firewall_rule/name").asText()).isEqualTo("101");
        assertThat(deny.at("/connection_info/protocol_name").asText()).isEqualTo("tcp");
        assertThat(deny.at("/traffic/packets").asLong()).isEqualTo(1);

        // a relay's header, the device's name and a zoned timestamp; log-input adds interface and MAC
        JsonNode permit = line("<189>Mar  1 09:00:00 10.0.0.1 45: router1: Mar  1 09:00:00.123 UTC:"
                + " %SEC-6-IPACCESSLOGP: list OUTSIDE-IN permitted udp 198.51.100.4(53) (GigabitEthernet0/0"
                + " 0050.56a1.b2c3) -> 203.0.113.5(40000), 5 packets");
        assertFlow(permit, 6, "198.51.100.4", 53, "203.0.113.5", 40000);
        assertAllowed(permit);
        assertThat(permit.at("/src_endpoint/interface_name").asText()).isEqualTo("GigabitEthernet0/0");
        assertThat(permit.at("/src_endpoint/mac").asText()).isEqualTo("0050.56a1.b2c3");
        assertThat(permit.at("/firewall_rule/name").asText()).isEqualTo("OUTSIDE-IN");
        assertThat(permit.at("/traffic/packets").asLong()).isEqualTo(5);

        JsonNode icmp = line("%SEC-6-IPACCESSLOGDP: list 110 denied icmp 192.0.2.1 -> 192.0.2.2 (8/0), 1 packet");
        assertFlow(icmp, 5, "192.0.2.1", null, "192.0.2.2", null);
        assertThat(icmp.at("/connection_info/protocol_name").asText()).isEqualTo("icmp");
        // the mnemonic as the syslog tag (a priority, no timestamp)
        JsonNode gre = line("<190>%SEC-6-IPACCESSLOGNP: list 120 denied 47 192.0.2.1 -> 192.0.2.2, 1 packet");
        assertFlow(gre, 5, "192.0.2.1", null, "192.0.2.2", null);
        assertThat(gre.at("/connection_info/protocol_name").asText()).isEqualTo("47");
        JsonNode standard = line("%SEC-6-IPACCESSLOGS: list 10 denied 192.0.2.77 3 packets");
        assertThat(standard.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(standard.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.77");
        assertDenied(standard);
        JsonNode v6 = line(
                "%IPV6_ACL-6-ACCESSLOGP: list V6-IN denied tcp 2001:DB8::1(51000) -> 2001:DB8::2(22)," + " 1 packet");
        assertFlow(v6, 5, "2001:DB8::1", 51000, "2001:DB8::2", 22);

        // zone-based firewall
        JsonNode zbf = line("%FW-6-DROP_PKT: Dropping tcp session 192.168.1.2:1064 192.168.2.2:23 on zone-pair"
                + " in-out class class-default with ip ident 0");
        assertFlow(zbf, 5, "192.168.1.2", 1064, "192.168.2.2", 23);
        assertDenied(zbf);
        JsonNode stop = line("%FW-6-SESS_AUDIT_TRAIL: (target:class)-(in-out:cm-protocol):Stop tcp session:"
                + " initiator (192.168.1.2:1064) sent 100 bytes -- responder (192.168.2.2:23) sent 200 bytes");
        assertFlow(stop, 2, "192.168.1.2", 1064, "192.168.2.2", 23);
        assertThat(stop.at("/traffic/bytes_out").asLong()).isEqualTo(100);
        assertThat(stop.at("/traffic/bytes_in").asLong()).isEqualTo(200);

        // logins: the device's own time after "at"
        JsonNode ok = line("<189>77: router1: %SEC_LOGIN-5-LOGIN_SUCCESS: Login Success [user: admin]"
                + " [Source: 10.0.0.5] [localport: 22] at 09:58:11 UTC Sun Mar 1 2026");
        assertProduct(ok, IOS);
        assertLogon(ok, 1, "admin", "10.0.0.5");
        assertThat(ok.at("/dst_endpoint/port").asInt()).isEqualTo(22);
        assertThat(ok.get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T09:58:11Z").toEpochMilli());
        JsonNode failed = line("<188>2002: Mar  1 09:58:12 UTC: %SEC_LOGIN-4-LOGIN_FAILED: Login failed"
                + " [user: admin] [Source: 2001:db8::5] [localport: 23] [Reason: Login Authentication Failed]"
                + " at 09:58:12 UTC Sun Mar 1 2026");
        assertLogon(failed, 2, "admin", "2001:db8::5");
        assertThat(failed.get("status_detail").asText()).isEqualTo("Login Authentication Failed");
        assertLogon(
                line("%SEC_LOGIN-5-WEBLOGIN_SUCCESS: Login Success [user: cisco_support] [Source: 198.51.100.9]"
                        + " [localport: 443] at 14:02:41 UTC Fri Oct 13 2023"),
                1,
                "cisco_support",
                "198.51.100.9");
        JsonNode ssh = line("%SSH-5-SSH2_USERAUTH: User 'netops' authentication for SSH2 Session from 192.0.2.44"
                + " (tty = 0) using crypto cipher 'aes256-ctr', hmac 'hmac-sha2-256' Failed");
        assertLogon(ssh, 2, "netops", "192.0.2.44");
        assertLogon(
                line("%SSH-5-SSH2_USERAUTH: User 'netops' authentication for SSH2 Session from 192.0.2.44"
                        + " (tty = 0) using crypto cipher 'aes256-ctr', hmac 'hmac-sha2-256' Succeeded"),
                1,
                "netops",
                "192.0.2.44");
        JsonNode logout = line("%SYS-6-LOGOUT: User admin has exited tty session 2(10.0.0.5)");
        assertThat(logout.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(logout.get("activity_id").asInt()).isEqualTo(2);
        assertThat(logout.at("/user/name").asText()).isEqualTo("admin");

        // IOS IPS: the signature fired on a packet, as an alert on the connection
        JsonNode signature = line("<188>Mar  1 10:00:00 rtr01 812: Mar  1 10:00:00.101: %IPS-4-SIGNATURE: Sig:5081"
                + " Subsig:0 Sev:100 WWW WinNT cmd.exe Access [198.51.100.61:41234 -> 192.0.2.80:80]");
        assertFlow(signature, 6, "198.51.100.61", 41234, "192.0.2.80", 80);
        assertThat(signature.get("is_alert").asBoolean()).isTrue();
        assertThat(signature.get("message").asText()).isEqualTo("WWW WinNT cmd.exe Access");
        assertThat(signature.at("/firewall_rule/uid").asText()).isEqualTo("5081");
        // a switch port's 802.1X authentication that failed, the client by its MAC
        JsonNode dot1x = line("<189>Mar  1 10:00:01 sw01 913: Mar  1 10:00:01.202: %DOT1X-5-FAIL: Authentication"
                + " failed for client (0011.2233.4455) on Interface Gi1/0/7 AuditSessionID 0A0A0A0B0000001A2B3C4D5E");
        assertThat(dot1x.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(dot1x.get("status_id").asInt()).isEqualTo(2);
        assertThat(dot1x.at("/service/name").asText()).isEqualTo("802.1X");
        assertThat(dot1x.at("/src_endpoint/uid").asText()).isEqualTo("0011.2233.4455");
        assertThat(dot1x.at("/dst_endpoint/interface_name").asText()).isEqualTo("Gi1/0/7");
        assertThat(dot1x.at("/session/uid").asText()).isEqualTo("0A0A0A0B0000001A2B3C4D5E");
        // the session manager's failed authorization: the client's MAC, the port and the reason
        JsonNode authz =
                line("<189>Mar  1 10:00:02 wlc9800 4411: Mar  1 10:00:02.118 UTC: %SESSION_MGR-5-FAIL: Chassis 1"
                        + " R0/0: wncd: Authorization failed or unapplied for client (aa:bb:cc:00:11:22) on Interface"
                        + " capwap_90000004 AuditSessionID 0B0A0A0A0000003C9F8E7D6C. Failure reason: Authc fail."
                        + " Authc failure reason: Cred Fail.");
        assertThat(authz.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(authz.get("status_id").asInt()).isEqualTo(2);
        assertThat(authz.at("/src_endpoint/mac").asText()).isEqualTo("aa:bb:cc:00:11:22");
        assertThat(authz.at("/dst_endpoint/interface_name").asText()).isEqualTo("capwap_90000004");
        assertThat(authz.at("/session/uid").asText()).isEqualTo("0B0A0A0A0000003C9F8E7D6C");
        assertThat(authz.get("status_detail").asText()).isEqualTo("Authc fail. Authc failure reason: Cred Fail");
        // a wireless client that reached RUN state on a Catalyst 9800: the user, the SSID and the MAC
        JsonNode joined = line("<190>5120: Mar  1 10:00:03.004 UTC: %CLIENT_ORCH_LOG-6-CLIENT_ADDED_TO_RUN_STATE:"
                + " Chassis 1 R0/0: wncd: Username entry (jdoe) joined with ssid (CORP-WIFI) for device with MAC:"
                + " 0011.2233.4466 on channel (36)");
        assertLogon(joined, 1, "jdoe", null);
        assertThat(joined.at("/service/name").asText()).isEqualTo("CORP-WIFI");
        assertThat(joined.at("/src_endpoint/mac").asText()).isEqualTo("0011.2233.4466");
        // AireOS controller: an administrator's login to the web UI
        assertLogon(
                line("<133>wlc01: *emWeb: Mar 01 10:00:04.221: %AAA-5-AAA_AUTH_ADMIN_USER: aaa.c:3083 Authentication"
                        + " succeeded for admin user 'netadmin' on 198.51.100.20"),
                1,
                "netadmin",
                "198.51.100.20");
        // wireless IDS: a signature alarm on an access point raised, then cleared; an aWIPS alarm on a 9800
        JsonNode sigOn = line("<132>wlc01: *spamApTask0: Mar 01 10:00:04.500: %LWAPP-4-SIG_INFO1: spam_lrad.c:56582"
                + " Signature information; AP 00:11:22:33:44:50, alarm ON, standard sig Broadcast Deauth flood, track"
                + " per-Macprecedence 3, hits 50, slot 1, channel 36, most offending MAC 02:00:5e:10:20:30");
        assertThat(sigOn.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(sigOn.get("activity_id").asInt()).isEqualTo(1);
        assertThat(sigOn.at("/finding_info/title").asText()).isEqualTo("Broadcast Deauth flood");
        assertThat(sigOn.at("/evidences/0/src_endpoint/mac").asText()).isEqualTo("02:00:5e:10:20:30");
        assertThat(sigOn.at("/evidences/0/dst_endpoint/mac").asText()).isEqualTo("00:11:22:33:44:50");
        JsonNode sigOff = line("<132>wlc01: *idsTrackEventTask: Mar 01 10:05:04.500: %WPS-4-SIG_ALARM_OFF:"
                + " sig_event.c:656 AP 00:11:22:33:44:50 : Alarm OFF, standard sig Broadcast Deauth flood,"
                + " track=per-Mac preced=3 hits=50 slot=1 channel=36");
        assertThat(sigOff.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(sigOff.get("activity_id").asInt()).isEqualTo(3);
        JsonNode awips =
                line("<158>812: wlc9800: 9001: Mar  1 10:06:00.100 UTC: %APMGR_AWIPS_SYSLOG-6-APMGR_AWIPS_MESSAGE:"
                        + " Chassis 1 R0/0: wncd: AWIPS alarm:(AP-LOBBY-2) 0011.2233.4450 Radio MAC 0011.2233.4451 detected"
                        + " Deauthentication flood (10005)");
        assertThat(awips.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(awips.at("/finding_info/title").asText()).isEqualTo("Deauthentication flood");
        assertThat(awips.at("/finding_info/uid").asText()).isEqualTo("10005");
        assertThat(awips.at("/evidences/0/dst_endpoint/hostname").asText()).isEqualTo("AP-LOBBY-2");
        // NX-OS: logins refused by PAM or AAA, relayed as system messages
        JsonNode nxFailed = line("<187>Mar  1 10:00:05 nx01 2026 Mar  1 10:00:05.300 UTC: %AUTHPRIV-3-SYSTEM_MSG:"
                + " pam_aaa:Authentication failed for user netops from 192.0.2.45 - sshd[20311]");
        assertLogon(nxFailed, 2, "netops", "192.0.2.45");
        assertThat(nxFailed.at("/service/name").asText()).isEqualTo("sshd");
        assertLogon(
                line("<187>Mar  1 10:00:06 nx01 : 2026 Mar  1 10:00:06.410 UTC: %DAEMON-3-SYSTEM_MSG: error: PAM:"
                        + " Authentication failure for netops from 192.0.2.45 - dcos_sshd[20400]"),
                2,
                "netops",
                "192.0.2.45");
        assertLogon(
                line("<189>nx02: 2026 Mar  1 10:00:07 UTC: %AUTHPRIV-5-SYSTEM_MSG: pam_unix(aaa:auth): authentication"
                        + " failure; logname= uid=0 euid=0 tty= ruser= rhost=  user=backup - aaad"),
                2,
                "backup",
                null);
        // NX-OS: a command run through sudo on the switch's shell
        JsonNode sudo = line(
                "<189>Mar  1 10:00:07 nx01 : 2026 Mar  1 10:00:07.500 UTC: %AUTHPRIV-5-SYSTEM_MSG:"
                        + "    netops : TTY=pts/1 ; PWD=/bootflash/home/netops ; USER=root ; COMMAND=/bin/cat /etc/shadow - sudo");
        assertThat(sudo.get("class_uid").asInt()).isEqualTo(1007);
        assertThat(sudo.at("/actor/user/name").asText()).isEqualTo("netops");
        assertThat(sudo.at("/process/user/name").asText()).isEqualTo("root");
        assertThat(sudo.at("/process/cmd_line").asText()).isEqualTo("/bin/cat /etc/shadow");
        // NX-OS AAA accounting: a command run over SSH, its result as the status
        JsonNode command = line("<190>nx02: 2026 Mar  1 10:00:08 UTC: %AAA-6-AAA_ACCOUNTING_MESSAGE:"
                + " update:192.0.2.45@ssh.31337:netops:show running-config (SUCCESS)");
        assertThat(command.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(command.at("/actor/user/name").asText()).isEqualTo("netops");
        assertThat(command.at("/api/operation").asText()).isEqualTo("show running-config");
        assertThat(command.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.45");
        assertThat(command.get("status_id").asInt()).isEqualTo(1);
        assertBaseEventOf(
                line("<190>nx02: 2026 Mar  1 10:00:09 UTC: %AAA-6-AAA_ACCOUNTING_MESSAGE:"
                        + " stop:192.0.2.45@ssh.31337:netops:"),
                IOS);
        // Catalyst 6500's logout mnemonic
        assertThat(line("<190>Mar  1 10:00:10 c6k01 AEST: %SYS-SW1-6-LOGOUT_C6K: User netops has exited tty session"
                                + " 2(192.0.2.45)")
                        .get("class_uid")
                        .asInt())
                .isEqualTo(3002);

        // corpus (logstash-patterns-core): other messages are Base Events of IOS
        assertBaseEventOf(
                line("<191>Jan 24 11:28:30.407: %LINEPROTO-5-UPDOWN: Line protocol on Interface"
                        + " GigabitEthernet0/0, changed state to down"),
                IOS);
        assertBaseEventOf(
                line("%SYS-6-CLOCKUPDATE: System clock has been updated from 10:00:00 UTC Sun Mar 1 2026 to"
                        + " 10:00:05 UTC Sun Mar 1 2026, configured from console by admin on vty0 (10.0.0.5)."),
                IOS);
        assertBaseEventOf(
                line("%PM-SP-4-ERR_DISABLE: bpduguard error detected on Gi3/1, putting Gi3/1 in err-disable state"),
                IOS);

        // ASA and FTD lines are cisco-asa.json's; a '%' elsewhere does not make a line Cisco's
        assertProduct(
                line("%ASA-6-106100: access-list OUTSIDE_IN denied udp outside/198.51.100.4(137)"
                        + " -> inside/10.0.0.9(137) hit-cnt 1 first hit [0x1f2e3d4c, 0x0]"),
                "ASA");
        assertProduct(line("%FTD-1-101001: (Primary) Failover cable OK."), "Firepower Threat Defense");
        for (String unrelated : List.of(
                "May  5 04:26:19 hostname type process[20175]: 01010250:0: Pool member %A:%u exceeded configured rate limit.",
                "<14>Mar  1 09:00:00 app01 backup: 100% done, list 101 denied tcp 10.1.1.1(1234) -> 10.2.2.2(80), 1 packet")) {
            assertThat(line(unrelated).at("/metadata/product/name").asText())
                    .as(unrelated)
                    .isNotEqualTo(IOS);
        }
    }

    @Test
    void ciscoIosConfigurationChangesAreApiActivityWithWhoAndFromWhere() throws Exception {
        // SYS-5-CONFIG_I with AAA (user on line), without it (line only), from the console and from a file
        JsonNode aaa = line("<189>41207: Mar  1 10:12:44.310 UTC: %SYS-5-CONFIG_I: Configured from console by"
                + " netops on vty1 (192.0.2.45)");
        assertThat(aaa.get("class_uid").asInt()).as("%s", aaa).isEqualTo(6003);
        assertThat(aaa.get("activity_id").asInt()).isEqualTo(3);
        assertThat(aaa.at("/actor/user/name").asText()).isEqualTo("netops");
        assertThat(aaa.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.45");
        assertThat(aaa.at("/api/operation").asText()).isEqualTo("configure");
        assertProduct(aaa, IOS);
        JsonNode noAaa = line("<189>Mar  1 10:12:45 sw-core2 112: *Mar  1 10:12:45: %SYS-5-CONFIG_I: Configured from"
                + " console by vty0 (198.51.100.12)");
        assertThat(noAaa.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(noAaa.at("/actor/user").isMissingNode())
                .as("the line is no user: %s", noAaa)
                .isTrue();
        assertThat(noAaa.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.12");
        assertThat(noAaa.at("/device/hostname").asText()).isEqualTo("sw-core2");
        JsonNode console = line("%SYS-5-CONFIG_I: Configured from console by console");
        assertThat(console.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(console.at("/src_endpoint").isMissingNode()).isTrue();
        assertThat(line("%SYS-5-CONFIG_I: Configured from tftp://192.0.2.9/rtr1-confg by netops on vty1 (192.0.2.45)")
                        .at("/actor/user/name")
                        .asText())
                .isEqualTo("netops");
        // the configuration archive's logged commands
        JsonNode cmd = line("<189>41208: Mar  1 10:12:50.002 UTC: %PARSER-5-CFGLOG_LOGGEDCMD: User:netops  logged"
                + " command:username backdoor privilege 15 secret 0 x");
        assertThat(cmd.get("class_uid").asInt()).as("%s", cmd).isEqualTo(6003);
        assertThat(cmd.get("activity_id").asInt()).isEqualTo(3);
        assertThat(cmd.at("/actor/user/name").asText()).isEqualTo("netops");
        assertThat(cmd.at("/api/operation").asText()).isEqualTo("username backdoor privilege 15 secret 0 x");
        // a configuration saved or the archive's own messages are not changes
        assertBaseEventOf(
                line("%SYS-6-LOGGINGHOST_STARTSTOP: Logging to host 192.0.2.9 port 514 started - CLI" + " initiated"),
                IOS);
        assertBaseEventOf(line("%PARSER-4-BADCFG: Unexpected end of configuration file."), IOS);
    }

    @Test
    void mikrotikFirewallLogsAndLogins() throws Exception {
        JsonNode input = line("<134>Mar  1 09:10:00 MikroTik firewall,info input: in:ether1 out:(unknown 0),"
                + " src-mac 00:0c:29:aa:bb:cc, proto TCP (SYN), 198.51.100.23:51234->203.0.113.1:22, len 60");
        assertProduct(input, ROUTEROS);
        assertFlow(input, 6, "198.51.100.23", 51234, "203.0.113.1", 22);
        // the line does not say what the rule did
        assertNoAction(input);
        assertThat(input.at("/src_endpoint/interface_name").asText()).isEqualTo("ether1");
        assertThat(input.at("/dst_endpoint/interface_name").isMissingNode()).isTrue();
        assertThat(input.at("/src_endpoint/mac").asText()).isEqualTo("00:0c:29:aa:bb:cc");
        assertThat(input.at("/connection_info/protocol_name").asText()).isEqualTo("TCP");
        assertThat(input.at("/traffic/bytes").asLong()).isEqualTo(60);

        // a log prefix that names a drop
        JsonNode drop = line("<134>Mar  1 09:10:01 gw firewall,info DROP-WAN input: in:ether1 out:(unknown 0),"
                + " src-mac 00:0c:29:aa:bb:cc, proto UDP, 198.51.100.23:5353->203.0.113.1:161, len 76");
        assertFlow(drop, 5, "198.51.100.23", 5353, "203.0.113.1", 161);
        assertDenied(drop);
        assertThat(drop.at("/firewall_rule/name").asText()).isEqualTo("DROP-WAN");
        JsonNode accept = line("firewall,info accept-ssh input: in:ether1 out:(unknown 0), src-mac"
                + " 00:0c:29:aa:bb:cc, proto TCP (SYN), 198.51.100.24:40000->203.0.113.1:22, len 60");
        assertFlow(accept, 6, "198.51.100.24", 40000, "203.0.113.1", 22);
        assertAllowed(accept);

        // ICMP without ports, forwarded: both interfaces
        JsonNode icmp = line("<134>Mar  1 09:10:02 MikroTik firewall,info forward: in:bridge out:ether1,"
                + " src-mac 64:d1:54:aa:bb:cc, proto ICMP (type 8, code 0), 192.168.88.10->1.1.1.1, len 84");
        assertFlow(icmp, 6, "192.168.88.10", null, "1.1.1.1", null);
        assertThat(icmp.at("/dst_endpoint/interface_name").asText()).isEqualTo("ether1");
        assertThat(icmp.at("/src_endpoint/interface_name").asText()).isEqualTo("bridge");

        // an RFC 3339 header without topics (the chain is the syslog tag), with a source NAT
        JsonNode nat = line("2023-03-14T01:28:08-04:00 AONE_BWC_RTR prerouting: in:1.ether5 out:(unknown 0),"
                + " src-mac 2c:c8:1b:ca:7b:2d, proto TCP (ACK,FIN), 172.17.103.127:34923->52.88.118.255:80,"
                + " NAT (172.17.103.127:34923->103.175.130.19:34923)->52.88.118.255:80, len 52");
        assertProduct(nat, ROUTEROS);
        assertFlow(nat, 6, "172.17.103.127", 34923, "52.88.118.255", 80);
        assertThat(nat.at("/unmapped/nat").asText())
                .isEqualTo("(172.17.103.127:34923->103.175.130.19:34923)->52.88.118.255:80");

        // IPv6 in brackets; RouterOS 7's connection state
        JsonNode v6 = line("firewall,info input: in:ether1 out:(unknown 0), src-mac 00:0c:29:aa:bb:cc,"
                + " proto TCP (SYN), [2001:db8::5]:40000->[2001:db8::1]:8291, len 80");
        assertFlow(v6, 6, "2001:db8::5", 40000, "2001:db8::1", 8291);
        JsonNode v7 = line("<134>Mar  1 09:10:03 MikroTik firewall,info forward: in:bridge out:pppoe-out1,"
                + " connection-state:new src-mac 64:d1:54:aa:bb:cc, proto TCP (SYN), 192.168.88.20:50000->"
                + "93.184.216.34:443, len 60");
        assertFlow(v7, 6, "192.168.88.20", 50000, "93.184.216.34", 443);
        assertThat(v7.at("/src_endpoint/mac").asText()).isEqualTo("64:d1:54:aa:bb:cc");

        // logins
        JsonNode failure = line("<132>Mar  1 09:11:00 MikroTik system,error,critical login failure for user"
                + " admin from 198.51.100.23 via ssh");
        assertProduct(failure, ROUTEROS);
        assertLogon(failure, 2, "admin", "198.51.100.23");
        assertThat(failure.at("/service/name").asText()).isEqualTo("ssh");
        JsonNode login = line(
                "<30>Mar  1 09:11:01 RB4011-HQ system,info,account user admin logged in from" + " 10.1.0.5 via winbox");
        assertLogon(login, 1, "admin", "10.1.0.5");
        assertThat(login.at("/service/name").asText()).isEqualTo("winbox");
        JsonNode logout = line("<30>Mar  1 09:11:02 RB4011-HQ system,info,account user admin logged out from"
                + " 10.1.0.5 via winbox");
        assertThat(logout.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(logout.get("activity_id").asInt()).isEqualTo(2);
        assertThat(logout.at("/user/name").asText()).isEqualTo("admin");

        // the router's other messages are Base Events of RouterOS
        assertBaseEventOf(
                line("<134>Mar  1 09:12:00 MikroTik dhcp,info dhcp-client on ether1 got IP address 203.0.113.1"),
                ROUTEROS);
        assertBaseEventOf(line("<30>Mar  1 09:12:01 MikroTik system,info log rule changed by admin"), ROUTEROS);

        // lookalikes of other programs are not RouterOS's
        for (String unrelated : List.of(
                "<14>Mar  1 09:00:00 app01 portal: user bob logged in successfully",
                "<14>Mar  1 09:00:00 app01 report: in:ether1 out:ether2 were the ports, nothing else",
                "<14>Mar  1 09:00:00 app01 ledger: alpha,beta gamma delta")) {
            JsonNode r = line(unrelated);
            assertThat(r.get("class_uid").asInt()).as(unrelated).isZero();
            assertThat(r.at("/metadata/product/name").asText()).as(unrelated).isNotIn(OURS.toArray());
        }
        assertProduct(
                line("Jan 29 00:00:28 myth kernel: SFW2-INext-DROP-DEFLT IN=ppp0 OUT= MAC= SRC=24.64.208.134"
                        + " DST=216.58.112.55 LEN=512 PROTO=UDP SPT=24128 DPT=1026 LEN=492"),
                "Netfilter");
    }

    @Test
    void netfilterLinesSayWhatTheRuleDidFromTheirPrefix() throws Exception {
        String packet = "IN=eth0 OUT= MAC=f0:9f:c2:00:00:01 SRC=203.0.113.9 DST=192.168.1.5 LEN=60 TOS=0x00 PREC=0x00"
                + " TTL=52 ID=1 DF PROTO=TCP SPT=40000 DPT=3389 WINDOW=29200 RES=0x00 SYN URGP=0";
        for (String prefix : List.of(
                "[UFW BLOCK] ",
                "[ 8123.456789] [UFW BLOCK] ",
                "[WAN_IN-2000-D]",
                "[WAN_LOCAL-default-R]",
                "FINAL_REJECT: ",
                "Firewall: *TCP_IN Blocked* ",
                "Shorewall:net-fw:DROP:",
                "SFW2-INext-DROP-DEFLT ")) {
            JsonNode r = line("<4>Mar  1 09:15:02 gw kernel: " + prefix + packet);
            assertProduct(r, "Netfilter");
            assertFlow(r, 5, "203.0.113.9", 40000, "192.168.1.5", 3389);
            assertDenied(r);
            assertThat(r.at("/firewall_rule/name").asText())
                    .as(prefix)
                    .isEqualTo(prefix.replaceFirst("^\\[ *[0-9.]+\\] ", "").strip());
        }
        for (String prefix : List.of("[UFW ALLOW] ", "[LAN_IN-2001-A]", "ACCEPT-ssh: ")) {
            JsonNode r = line("<4>Mar  1 09:15:02 gw kernel: " + prefix + packet);
            assertFlow(r, 6, "203.0.113.9", 40000, "192.168.1.5", 3389);
            assertAllowed(r);
        }
        for (String prefix : List.of("", "[UFW AUDIT] ", "[WAN_LOCAL-4000] ")) {
            JsonNode r = line("<4>Mar  1 09:15:02 gw kernel: " + prefix + packet);
            assertFlow(r, 6, "203.0.113.9", 40000, "192.168.1.5", 3389);
            assertThat(r.has("action_id"))
                    .as("a rule whose prefix does not say: %s", prefix)
                    .isFalse();
        }
    }

    @Test
    void netfilterIcmpErrorsKeepNoPortsOfTheQuotedPacketAndATagPrefixSaysWhatTheRuleDid() throws Exception {
        // an ICMP error quotes the packet it answers in brackets: that packet's ports are not the ICMP packet's
        String icmp = "IN=eth1 OUT= MAC=00:16:3e:00:00:02 SRC=198.51.100.20 DST=192.0.2.44 LEN=88 TOS=0x00"
                + " PREC=0x00 TTL=117 ID=4410 PROTO=ICMP TYPE=3 CODE=3 [SRC=192.0.2.44 DST=198.51.100.20 LEN=60"
                + " TOS=0x00 PREC=0x00 TTL=52 ID=0 DF PROTO=UDP SPT=40122 DPT=33437 LEN=40 ]";
        JsonNode error = line("<4>Feb  3 11:20:41 edge2 kernel: [FW DROP] " + icmp);
        assertProduct(error, "Netfilter");
        assertThat(error.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.20");
        assertThat(error.at("/dst_endpoint/ip").asText()).isEqualTo("192.0.2.44");
        assertThat(error.at("/connection_info/protocol_name").asText()).isEqualTo("ICMP");
        assertThat(error.at("/src_endpoint/port").isMissingNode())
                .as("%s", error)
                .isTrue();
        assertThat(error.at("/dst_endpoint/port").isMissingNode()).isTrue();
        assertDenied(error);
        // a prefix without a space before IN=, on a line without host name, is read as the syslog tag
        JsonNode tagged = line("Feb  3 11:20:42 REJECT: " + icmp);
        assertProduct(tagged, "Netfilter");
        assertThat(tagged.get("activity_id").asInt()).as("%s", tagged).isEqualTo(5);
        assertDenied(tagged);
        assertThat(tagged.at("/firewall_rule/name").asText()).isEqualTo("REJECT");
        // a TCP packet keeps its ports, and the kernel's own tag says nothing of the rule
        JsonNode tcp = line("<4>Feb  3 11:20:43 edge2 kernel: IN=eth1 OUT= SRC=198.51.100.20 DST=192.0.2.44 LEN=60"
                + " TTL=52 ID=7 DF PROTO=TCP SPT=51514 DPT=22 WINDOW=64240 RES=0x00 SYN URGP=0");
        assertFlow(tcp, 6, "198.51.100.20", 51514, "192.0.2.44", 22);
        assertThat(tcp.has("action_id")).isFalse();
    }

    @Test
    void squidNativeAccessLog() throws Exception {
        JsonNode get = line("1286536308.779    180 192.168.0.224 TCP_MISS/200 411 GET http://www.example.com/ -"
                + " DIRECT/93.184.216.34 text/html");
        assertProduct(get, SQUID);
        assertThat(get.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(get.get("activity_id").asInt()).isEqualTo(3);
        assertThat(get.get("time").asLong()).isEqualTo(1286536308779L);
        assertThat(get.at("/src_endpoint/ip").asText()).isEqualTo("192.168.0.224");
        assertThat(get.at("/dst_endpoint/ip").asText()).isEqualTo("93.184.216.34");
        assertThat(get.at("/http_request/http_method").asText()).isEqualTo("GET");
        assertThat(get.at("/http_request/url/url_string").asText()).isEqualTo("http://www.example.com/");
        assertThat(get.at("/http_request/url/hostname").asText()).isEqualTo("www.example.com");
        assertThat(get.at("/http_request/url/path").asText()).isEqualTo("/");
        assertThat(get.at("/http_response/code").asInt()).isEqualTo(200);
        assertThat(get.at("/traffic/bytes_in").asLong()).isEqualTo(411);
        assertThat(get.get("duration").asLong()).isEqualTo(180);
        assertThat(get.has("actor")).as("no user: '-'").isFalse();
        assertAllowed(get);

        // corpus (logstash-patterns-core): CONNECT tunnel, host and port
        JsonNode connect = line("1525344856.899  16867 10.170.72.111 TCP_TUNNEL/200 6256 CONNECT"
                + " logs.ap-southeast-2.amazonaws.com:443 - HIER_DIRECT/53.140.206.134 -");
        assertThat(connect.get("activity_id").asInt()).isEqualTo(1);
        assertThat(connect.at("/http_request/url/hostname").asText()).isEqualTo("logs.ap-southeast-2.amazonaws.com");
        assertThat(connect.at("/http_request/url/port").asInt()).isEqualTo(443);
        assertThat(connect.at("/dst_endpoint/port").asInt()).isEqualTo(443);
        assertThat(connect.get("duration").asLong()).isEqualTo(16867);
        // corpus: a user and a peer given by name
        JsonNode user = line("1525334330.556      3 120.65.1.1 TCP_REFRESH_MISS/200 2014 GET"
                + " http://www.sample.com/hellow_world.txt public-user DIRECT/www.sample.com text/plain 902351708.872");
        assertThat(user.at("/actor/user/name").asText()).isEqualTo("public-user");
        assertThat(user.at("/dst_endpoint/hostname").asText()).isEqualTo("www.sample.com");
        assertThat(user.at("/dst_endpoint/ip").isMissingNode()).isTrue();
        assertThat(user.at("/http_response/content_type").asText()).isEqualTo("text/plain");

        // denied by an http_access rule, sent through syslog
        JsonNode denied = line("<30>Mar  1 09:20:00 proxy squid[2101]: 1772356800.123      0 192.168.1.50"
                + " TCP_DENIED/403 3956 CONNECT evil.example:443 jdoe HIER_NONE/- text/html");
        assertProduct(denied, SQUID);
        assertDenied(denied);
        assertThat(denied.get("activity_id").asInt()).isEqualTo(1);
        assertThat(denied.at("/http_response/code").asInt()).isEqualTo(403);
        assertThat(denied.at("/actor/user/name").asText()).isEqualTo("jdoe");
        assertThat(denied.get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T09:20:00.123Z").toEpochMilli());
        assertThat(denied.at("/dst_endpoint/ip").isMissingNode()).isTrue();

        // IPv6 client and origin, a port and a query
        JsonNode v6 = line("1772356801.456     25 2001:db8::50 TCP_MISS/301 512 POST"
                + " http://[2001:db8::80]:8080/a/b?c=1 - HIER_DIRECT/2001:db8::80 text/html");
        assertThat(v6.get("activity_id").asInt()).isEqualTo(6);
        assertThat(v6.at("/src_endpoint/ip").asText()).isEqualTo("2001:db8::50");
        assertThat(v6.at("/dst_endpoint/ip").asText()).isEqualTo("2001:db8::80");
        assertThat(v6.at("/http_request/url/port").asInt()).isEqualTo(8080);
        assertThat(v6.at("/http_request/url/path").asText()).isEqualTo("/a/b");
        assertThat(v6.at("/http_request/url/query_string").asText()).isEqualTo("c=1");
        assertAllowed(v6);

        // Squid's cache.log and other access log formats are not this file's
        for (String unrelated : List.of(
                "2026/03/01 09:00:00 kid1| Starting Squid Cache version 6.6 for x86_64-pc-linux-gnu...",
                "<30>Mar  1 09:00:00 app01 monitor: TCP_MISS/200 count was 42 today")) {
            assertThat(line(unrelated).at("/metadata/product/name").asText())
                    .as(unrelated)
                    .isNotEqualTo(SQUID);
        }
        assertProduct(line("192.168.0.224 - - [01/Mar/2026:09:00:00 +0000] \"GET / HTTP/1.1\" 200 411"), "Web server");
    }

    @Test
    void dnsmasqAndPiHoleQueriesAndAnswers() throws Exception {
        JsonNode query = line("<30>Mar  1 09:30:00 pihole dnsmasq[812]: query[A] example.com from 192.168.1.5");
        assertProduct(query, DNSMASQ);
        assertThat(query.get("class_uid").asInt()).isEqualTo(4003);
        assertThat(query.get("activity_id").asInt()).isEqualTo(1);
        assertThat(query.at("/query/hostname").asText()).isEqualTo("example.com");
        assertThat(query.at("/query/type").asText()).isEqualTo("A");
        assertThat(query.at("/src_endpoint/ip").asText()).isEqualTo("192.168.1.5");
        assertThat(query.at("/dst_endpoint/hostname").asText()).isEqualTo("pihole");

        // log-queries=extra: serial number and the client's address and port
        JsonNode extra = line("<30>Mar  1 09:30:00 gw dnsmasq[812]: 1754 192.168.1.5/53124 query[AAAA]"
                + " example.com from 192.168.1.5");
        assertThat(extra.at("/query/type").asText()).isEqualTo("AAAA");
        assertThat(extra.at("/src_endpoint/port").asInt()).isEqualTo(53124);
        JsonNode typed = line("<30>Mar  1 09:30:00 gw dnsmasq[812]: query[type=65] www.example.org from 2001:db8::5");
        assertThat(typed.at("/query/type").asText()).isEqualTo("type=65");
        assertThat(typed.at("/src_endpoint/ip").asText()).isEqualTo("2001:db8::5");

        // Pi-hole's log file: no host name in the header
        JsonNode forwarded = line("Mar  1 09:30:00 dnsmasq[812]: forwarded example.com to 1.1.1.1");
        assertProduct(forwarded, DNSMASQ);
        assertThat(forwarded.get("activity_id").asInt()).isEqualTo(1);
        assertThat(forwarded.at("/dst_endpoint/ip").asText()).isEqualTo("1.1.1.1");
        assertThat(forwarded.at("/query/hostname").asText()).isEqualTo("example.com");

        JsonNode reply = line("Mar  1 09:30:00 dnsmasq[812]: reply example.com is 93.184.216.34");
        assertThat(reply.get("class_uid").asInt()).isEqualTo(4003);
        assertThat(reply.get("activity_id").asInt()).isEqualTo(2);
        assertThat(reply.at("/query/hostname").asText()).isEqualTo("example.com");
        assertThat(reply.get("rcode_id").asInt()).isZero();
        assertThat(reply.at("/unmapped/answer").asText()).isEqualTo("93.184.216.34");
        assertThat(reply.has("action_id")).isFalse();
        // the address answered is the answer's rdata; a CNAME or NODATA is no address
        assertThat(reply.get("answers")).hasSize(1);
        assertThat(reply.at("/answers/0/rdata").asText()).isEqualTo("93.184.216.34");
        assertThat(line("Mar  1 09:30:00 dnsmasq[812]: reply v6.example.com is 2606:2800:220:1:248:1893:25c8:1946")
                        .at("/answers/0/rdata")
                        .asText())
                .isEqualTo("2606:2800:220:1:248:1893:25c8:1946");
        JsonNode cname = line("Mar  1 09:30:00 dnsmasq[812]: reply www.example.com is <CNAME>");
        assertThat(cname.get("activity_id").asInt()).isEqualTo(2);
        assertThat(cname.has("answers")).isFalse();
        assertThat(line("Mar  1 09:30:00 dnsmasq[812]: reply example.com is NODATA-IPv6")
                        .has("answers"))
                .isFalse();

        JsonNode nx = line("Mar  1 09:30:01 dnsmasq[812]: cached nosuch.example.org is NXDOMAIN");
        assertThat(nx.get("activity_id").asInt()).isEqualTo(2);
        assertThat(nx.get("rcode_id").asInt()).isEqualTo(3);
        assertThat(nx.get("rcode").asText()).isEqualTo("NXDomain");
        JsonNode config = line("Mar  1 09:30:01 dnsmasq[812]: config wpad.lan is NXDOMAIN");
        assertThat(config.get("rcode_id").asInt()).isEqualTo(3);
        JsonNode hosts = line("Mar  1 09:30:01 dnsmasq[812]: /etc/hosts printer.lan is 192.168.1.20");
        assertThat(hosts.get("activity_id").asInt()).isEqualTo(2);
        assertThat(hosts.at("/query/hostname").asText()).isEqualTo("printer.lan");

        JsonNode blocked = line("Mar  1 09:30:02 dnsmasq[812]: gravity blocked ads.example.net is 0.0.0.0");
        assertThat(blocked.get("class_uid").asInt()).isEqualTo(4003);
        assertThat(blocked.get("activity_id").asInt()).isEqualTo(2);
        assertThat(blocked.at("/query/hostname").asText()).isEqualTo("ads.example.net");
        assertDenied(blocked);
        assertThat(blocked.get("status_detail").asText()).isEqualTo("gravity blocked");
        assertDenied(line("Mar  1 09:30:02 dnsmasq[812]: regex blacklisted tracker.example.com is ::"));

        // the program's other lines are Base Events of dnsmasq
        assertBaseEventOf(line("Mar  1 09:29:00 dnsmasq[812]: started, version 2.90 cachesize 10000"), DNSMASQ);
        assertBaseEventOf(line("Mar  1 09:29:00 dnsmasq[812]: read /etc/hosts - 7 names"), DNSMASQ);

        // BIND's query log stays BIND's; the same words from another program are not dnsmasq's
        assertProduct(
                line("<30>Mar  1 09:00:00 ns1 named[100]: client @0x7f1 192.0.2.5#5353 (example.com): query:"
                        + " example.com IN A +E(0)K (192.0.2.1)"),
                "BIND");
        JsonNode lookalike = line("<30>Mar  1 09:00:00 app01 resolver: query[A] example.com from 192.168.1.5");
        assertThat(lookalike.get("class_uid").asInt()).isZero();
        assertThat(lookalike.at("/metadata/product/name").asText()).isNotIn(OURS.toArray());
    }

    @Test
    void otherVendorsLinesAreNotClaimedByTheseFiles() throws Exception {
        for (String line : List.of(
                "%ASA-4-106023: Deny tcp src outside:192.0.2.9/41000 dst inside:10.0.0.5/22 by access-group"
                        + " \"OUTSIDE_IN\" [0x0, 0x0]",
                "1,2026/03/01 09:30:00,012801234567,TRAFFIC,drop,2561,2026/03/01 09:30:00,192.0.2.9,"
                        + "10.0.0.5,,,deny-all,,,not-applicable,vsys1,untrust,trust,ethernet1/1,,Forward-All,"
                        + "2026/03/01 09:30:00,0,1,41000,22,0,0,0x0,tcp,drop,60,60,0,1,2026/03/01 09:30:00,0,any",
                "date=2026-03-01 time=09:51:00 devname=\"FG-100F\" devid=\"FG100FTK19000001\""
                        + " logid=\"0000000013\" type=\"traffic\" subtype=\"forward\" srcip=192.0.2.9 srcport=41000"
                        + " dstip=10.0.0.5 dstport=22 proto=6 action=\"deny\"",
                "id=firewall sn=0017C5ABCDEF time=\"2026-03-01 09:30:00 UTC\" fw=203.0.113.1 pri=5 c=64"
                        + " m=36 msg=\"TCP connection dropped\" n=1 src=192.0.2.9:41000:X1 dst=10.0.0.5:22:X0",
                "<14>Mar  1 09:22:00 srx-01 RT_FLOW: RT_FLOW_SESSION_DENY: session denied"
                        + " 192.0.2.9/41000->10.0.0.5/22 0x0 junos-ssh 6(0) default-deny untrust trust",
                "<30>Mar  1 09:00:00 web01 systemd[1]: Started Daily apt download activities.",
                "<86>Mar  1 09:00:00 host sshd[1234]: Failed password for root from 192.0.2.9 port 41000 ssh2",
                "<30>Mar  1 09:00:00 host openvpn[99]: 192.0.2.9:41000 TLS Error: TLS handshake failed")) {
            JsonNode r = line(line);
            assertThat(r.at("/metadata/product/name").asText()).as(line).isNotIn(OURS.toArray());
        }
    }

    @Test
    void merakiFlowsUrlsAlertsAndVpnLoginsInMerakisOwnSyslog() throws Exception {
        // Meraki's documentation (syslog server overview): a flow allowed and denied in both header forms
        JsonNode allowed = line("<134>1 1563246850.048798929 Head_office_Appliance flows allow src=192.168.10.254"
                + " dst=8.8.8.8 mac=E8:E8:B7:35:4A:C2 protocol=udp sport=33787 dport=53");
        assertFlow(allowed, 6, "192.168.10.254", 33787, "8.8.8.8", 53);
        assertAllowed(allowed);
        assertThat(allowed.at("/src_endpoint/mac").asText()).isEqualTo("E8:E8:B7:35:4A:C2");
        assertThat(allowed.at("/device/hostname").asText()).isEqualTo("Head_office_Appliance");
        assertThat(allowed.at("/metadata/product/name").asText()).isEqualTo("Meraki");
        assertThat(allowed.get("time").asLong()).isEqualTo(1563246850048L);
        JsonNode denied = line("<134>1 1563262452.817053535 Reception flows deny src=10.0.0.5 dst=203.0.113.9"
                + " mac=19:EC:C5:7A:B2:2D protocol=tcp sport=61822 dport=8080");
        assertFlow(denied, 5, "10.0.0.5", 61822, "203.0.113.9", 8080);
        assertDenied(denied);
        JsonNode inbound = line("Apr 20 14:36:35 192.168.10.1 1 948077334.886213117 MX60 flows src=39.41.1.2"
                + " dst=114.18.1.2 protocol=udp sport=13943 dport=16329 pattern: 1 all");
        assertFlow(inbound, 5, "39.41.1.2", 13943, "114.18.1.2", 16329);
        assertThat(inbound.at("/device/hostname").asText()).isEqualTo("MX60");
        assertAllowed(line("Apr 20 14:36:35 192.168.10.1 1 948136486.721741837 MX60 firewall src=192.168.10.254"
                + " dst=8.8.8.8 mac=00:18:0A:11:22:33 protocol=udp sport=9562 dport=53 pattern: allow all"));

        JsonNode url = line("<134>1 1563249910.949155659 AP_firstfloor urls src=10.0.0.8:51000 dst=151.101.1.1:443"
                + " mac=13:0C:AC:B2:0F:11 agent='Spotify/110600113 OSX/0 (MacBookAir7,2)' request: GET"
                + " https://open.spotify.com/");
        assertThat(url.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(url.get("activity_id").asInt()).isEqualTo(3);
        assertThat(url.at("/http_request/url/url_string").asText()).isEqualTo("https://open.spotify.com/");
        assertThat(url.at("/http_request/user_agent").asText()).isEqualTo("Spotify/110600113 OSX/0 (MacBookAir7,2)");
        assertThat(url.at("/src_endpoint/ip").asText()).isEqualTo("10.0.0.8");
        assertThat(url.at("/dst_endpoint/port").asInt()).isEqualTo(443);

        JsonNode ids = line("<134>1 1563249630.774247467 hq_mx security_event ids_alerted signature=1:41944:2"
                + " priority=1 timestamp=1563249630.647461 dhost=74:86:7A:D9:D7:AA direction=ingress"
                + " protocol=tcp/ip src=203.0.113.9:80 dst=10.0.0.5:51234 decision=blocked message: BROWSER-IE"
                + " Microsoft Edge scripting engine security bypass css attempt");
        assertThat(ids.get("class_uid").asInt()).isEqualTo(2004);
        assertDenied(ids);
        assertThat(ids.get("severity_id").asInt()).isEqualTo(4);
        assertThat(ids.at("/finding_info/uid").asText()).isEqualTo("1:41944:2");
        assertThat(ids.at("/finding_info/title").asText())
                .isEqualTo("BROWSER-IE Microsoft Edge scripting engine security bypass css attempt");
        assertThat(ids.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("203.0.113.9");
        assertThat(ids.at("/evidences/0/src_endpoint/port").asInt()).isEqualTo(80);
        JsonNode detected = line("<134>1 1563249630.774247467 hq_mx security_event ids_alerted signature=1:2000:1"
                + " priority=3 src=203.0.113.9:80 dst=10.0.0.5:51234 message: POLICY-OTHER something");
        assertThat(detected.get("severity_id").asInt()).isEqualTo(2);
        assertThat(detected.has("action_id")).isFalse();
        JsonNode amp = line("<134>1 1561036264.565291108 branch security_event security_filtering_file_scanned"
                + " url=http://bad.example/x.exe src=203.0.113.9:80 dst=10.0.0.5:51234 mac=20:1C:BC:B2:0F:20"
                + " name='x.exe' sha256=093e4fc218b27e58e2fede7b8cb044d48d66995ae785bbc186a9df5ae08ca4f7"
                + " disposition=malicious action=block");
        assertThat(amp.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(amp.at("/evidences/0/file/name").asText()).isEqualTo("x.exe");
        assertThat(amp.at("/finding_info/uid").asText()).startsWith("093e4fc2");

        JsonNode vpn = line("<134>1 1700000000.123456789 hq_mx events client_vpn_connect user id 'alice@contoso.com'"
                + " local ip 192.168.100.5 connected from 203.0.113.50");
        assertLogon(vpn, 1, "alice@contoso.com", "203.0.113.50");
        JsonNode lease = line("<134>1 1700000000.123456789 hq_mx events dhcp lease of ip 192.168.10.252 from server"
                + " mac 00:18:0A:11:22:33 for client mac 58:67:1A:11:22:33");
        assertThat(lease.get("class_uid").asInt()).isEqualTo(4004);
        assertThat(lease.at("/src_endpoint/ip").asText()).isEqualTo("192.168.10.252");
        // another program's line that starts with one of Meraki's words is not Meraki's
        JsonNode other = line("<13>Mar  1 10:00:00 host app: events processed 5");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("Meraki");
    }

    @Test
    void windowsFirewallLogLinesAreNetworkActivityWithTheDirection() throws Exception {
        // pfirewall.log as Windows writes it (version 1.5 adds the pid), shipped line by line or in syslog
        JsonNode dropped = line("2026-03-01 10:00:00 DROP TCP 203.0.113.5 10.0.0.5 44321 3389 52 S 123456789 0 64240"
                + " - - - RECEIVE 4");
        assertFlow(dropped, 5, "203.0.113.5", 44321, "10.0.0.5", 3389);
        assertDenied(dropped);
        assertThat(dropped.at("/connection_info/direction").asText()).isEqualTo("Inbound");
        assertThat(dropped.at("/connection_info/protocol_name").asText()).isEqualTo("TCP");
        assertThat(dropped.at("/metadata/product/name").asText()).isEqualTo("Windows Firewall");
        assertThat(dropped.get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T10:00:00Z").toEpochMilli());
        JsonNode allowed = line("2026-03-01 10:00:01 ALLOW UDP 10.0.0.5 8.8.8.8 53321 53 0 - - - - - - - SEND 1234");
        assertFlow(allowed, 6, "10.0.0.5", 53321, "8.8.8.8", 53);
        assertAllowed(allowed);
        assertThat(allowed.at("/connection_info/direction").asText()).isEqualTo("Outbound");
        assertThat(allowed.at("/actor/process/pid").asInt()).isEqualTo(1234);
        JsonNode icmp = line("<13>Mar  1 10:00:01 ws01 nxlog: 2026-03-01 10:00:01 DROP ICMP 203.0.113.5 10.0.0.5 - - 60"
                + " - - - - 8 0 - RECEIVE");
        assertFlow(icmp, 5, "203.0.113.5", null, "10.0.0.5", null);
        // the log's header lines and a netfilter line with the word DROP are not the firewall's packets
        assertThat(line("#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags")
                        .at("/metadata/product/name")
                        .asText())
                .isNotEqualTo("Windows Firewall");
        assertThat(line("<4>Mar  1 10:00:01 gw kernel: DROP IN=eth0 OUT= SRC=203.0.113.5 DST=10.0.0.5 PROTO=TCP"
                                + " SPT=1 DPT=2")
                        .at("/metadata/product/name")
                        .asText())
                .isNotEqualTo("Windows Firewall");
    }
}
