package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.events.BudgetedText;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The patterns of the network device, IDS, VPN and server files that read a value up to the end of the line
 * without its trailing blanks read it in one pass: a lazy {@code (?<x>.+?)\s*$} tries the end of the line
 * again after every character of the value, which on a value holding a long run of blanks reads the run
 * once per character (quadratic in the line's length) and, past the budget of character reads a pattern has
 * on a long text, loses the line's mapping. Each pattern below is given a text it reads with a run of
 * 50,000 blanks (and one of 25,000 words, for the stack) inside the value it captures: it must match within
 * the normalizer's budget, without spending it.
 */
class LongBlankRunsMappingPatternsTest {

    private static final String BLANKS = " ".repeat(50_000);

    private static final String WORDS = " a".repeat(25_000) + " ";

    static Stream<Arguments> patternsReadingToTheEndOfTheLine() {
        return Stream.of(
                Arguments.of("pulse-connect-secure.json", "/events/14/when", "User jdoe denied access because a{}b"),
                Arguments.of("pulse-connect-secure.json", "/events/5/when", "Login failed. Reason: a{}b"),
                Arguments.of(
                        "watchguard-firebox.json",
                        "/events/11/when",
                        "DHCPREQUEST on 10.0.0.5 from 00:11:22:33:44:55 via eth1: a{}b"),
                Arguments.of(
                        "watchguard-firebox.json",
                        "/events/2/when",
                        "Authentication of user [bob] from 10.0.0.5 was rejected, a{}b"),
                Arguments.of(
                        "citrix-adc.json", "/events/3/when", "Sessionid 12 - User bob - Client_ip 10.0.0.1 - a{}b"),
                Arguments.of(
                        "citrix-adc.json",
                        "/events/3/when",
                        "Sessionid 12 - User bob - Client_ip 10.0.0.1 - a{}b - Vserver_ip 10.0.0.2 - Errmsg \"x\""),
                Arguments.of(
                        "citrix-adc.json",
                        "/events/2/when",
                        "User bob - Client_ip 10.0.0.1 - Nat_ip 10.0.0.2 - Vserver 10.0.0.3:443 a{}b"),
                Arguments.of("citrix-adc.json", "/events/14/when", "10.0.0.1 1 s p http://x/ a{}b <blocked>"),
                Arguments.of("citrix-adc.json", "/events/15/when", "10.0.0.1 1 s p http://x/ a{}b <a{}b> <log>"),
                Arguments.of(
                        "cisco-asa.json",
                        "/events/2/when",
                        "Teardown TCP connection 1 for outside:10.0.0.1/1 to inside:10.0.0.2/2 duration 0:00:01 bytes 1 a{}b"),
                Arguments.of(
                        "cisco-asa.json",
                        "/events/99/when",
                        "Teardown TCP connection 1 for outside:10.0.0.1/1 to inside:10.0.0.2/2 duration 0:00:01 bytes 1 a{}b"),
                Arguments.of(
                        "cisco-asa.json",
                        "/events/18/when",
                        "TCP flow from outside:10.0.0.1/1 to inside:10.0.0.2/2 is dropped because a.{}.b."),
                Arguments.of(
                        "cisco-asa.json",
                        "/events/19/when",
                        "TCP flow from outside:10.0.0.1/1 to inside:10.0.0.2/2 is skipped because a{}b"),
                Arguments.of(
                        "cisco-asa.json",
                        "/events/27/when",
                        "Dropped UDP DNS request from outside:10.0.0.1/1 to inside:10.0.0.2/53; a{}b"),
                Arguments.of(
                        "cisco-asa.json",
                        "/events/29/when",
                        "ESMTP Classification: Dropped connection for ESMTP Request from outside:10.0.0.1/1 to"
                                + " inside:10.0.0.2/25; a{}b"),
                Arguments.of(
                        "cisco-asa.json",
                        "/events/51/when",
                        "Group <g> User <bob> IP <10.0.0.1> Session disconnected. Reason: a{}b"),
                Arguments.of(
                        "cisco-asa.json",
                        "/events/51/when",
                        "Group <g> User <bob> IP <10.0.0.1> WebVPN session terminated: a{}b"),
                Arguments.of(
                        "cisco-asa.json",
                        "/events/63/when",
                        "TunnelGroup <tg> GroupPolicy <gp> User <bob> IP <10.0.0.1> a{}b"),
                Arguments.of(
                        "cisco-asa.json",
                        "/events/72/when",
                        "DAP: User bob, Addr 10.0.0.1: The following DAP records were selected for this connection: a{}b"),
                Arguments.of(
                        "cisco-ios.json",
                        "/events/18/when",
                        "Authorization failed for client (aa) on Interface Gi1/0/1 AuditSessionID ABC. Failure reason: a{}b"),
                Arguments.of(
                        "cisco-ios.json", "/events/24/when", "AWIPS alarm:(AP1) a1b2.c3d4.e5f6 detected a{}b (12)"),
                Arguments.of("cisco-ios.json", "/events/26/when", "User:admin  logged command:a{}b"),
                Arguments.of("barracuda-waf.json", "/match/2", "NF INFO TCP 10.0.0.1 1 10.0.0.2 2 ALLOW acl a{}b"),
                Arguments.of(
                        "f5-bigip.json",
                        "/events/15/when",
                        "01234567: RADIUS module: authentication with 'bob' failed: a{}b"),
                Arguments.of(
                        "proxifier.json", "/events/1/when", "close, 1 bytes sent, 2 bytes received, lifetime a{}b"),
                Arguments.of("proxifier.json", "/events/2/when", "error : a{}b"),
                Arguments.of("pfsense-webgui.json", "/events/5/when", "Configuration Change: admin@10.0.0.1: a{}b"),
                Arguments.of(
                        "strongswan.json",
                        "/events/2/when",
                        "CHILD_SA x{1} established with SPIs a b and TS 10.0.0.0/24 === a{}b"),
                Arguments.of(
                        "vmware-vcenter.json",
                        "/match/0",
                        "Event [1] [1-1] [2020] [vim.event.X] [info] [bob] [dc] [1] [a]{}]b]"),
                Arguments.of("eset-protect.json", "/events/0/when", "Malware: a{}b"),
                Arguments.of("linux-auth.json", "/events/4/when", "Authentication failed from h (10.0.0.1): a{}b"),
                Arguments.of("doas.json", "/events/0/when", "bob ran command ls as root from a{}b"),
                Arguments.of("doas.json", "/events/1/when", "bob ran command as root: a{}b"),
                Arguments.of("doas.json", "/events/3/when", "failed command for bob: a{}b"),
                Arguments.of(
                        "voip-asterisk.json",
                        "/events/0/when",
                        "Registration from '<sip:1@1.2.3.4>' failed for '10.0.0.1:5060' - a{}b"),
                Arguments.of(
                        "voip-asterisk.json",
                        "/events/1/when",
                        "Request 'INVITE' from '<sip:1@1.2.3.4>' failed for '10.0.0.1:5060' (callid: x) - a{}b"),
                Arguments.of(
                        "cisco-asa.json",
                        "/events/61/when",
                        "Group <g> User <u> IP <10.0.0.1> SVC closing connection: a{}b."),
                Arguments.of(
                        "cisco-secure-email.json", "/events/27/when", "Bounced: DCID 1 MID 2 RID 0 - 5.1.0 - a{}b"),
                Arguments.of(
                        "cisco-secure-email.json",
                        "/events/28/when",
                        "Delayed: DCID 1 MID 2 RID 0 - 4.3.2 - a{}b ('421', ['x'])"),
                Arguments.of("snort-alert-text.json", "/match/0", "[1:2:3] a{}b"),
                Arguments.of(
                        "snort-alert-text.json",
                        "/match/0",
                        "[1:2:3] a{}b [**] [Classification: x] [Priority: 1] {TCP} 10.0.0.1:1 -> 10.0.0.2:2"),
                Arguments.of(
                        "suricata-alert-text.json",
                        "/match/0",
                        "03/01/2026-09:00:00.123456  [**] [1:2:3] a{}b [**] [Classification: x] [Priority: 1] {TCP}"
                                + " 10.0.0.1:1 -> 10.0.0.2:2{}"),
                Arguments.of("suricata-alert-text.json", "/match/1", "[**] [1:2:3] a{}b"),
                Arguments.of(
                        "webmail-roundcube.json",
                        "/events/2/when",
                        "IMAP Error: Login failed for bob from 10.0.0.1. a{}b in /x.php on line 2 (POST /?_task=login){}"),
                Arguments.of("vmware-esxi.json", "/events/0/when", "User root@10.0.0.1 logged in as a{}b"),
                Arguments.of("vmware-esxi.json", "/events/8/when", "Permission rule removed for bob on a{}b."));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("patternsReadingToTheEndOfTheLine")
    void aLongRunOfBlanksInTheValueIsReadWithinTheBudget(String file, String pointer, String text) throws Exception {
        Pattern pattern;
        try (InputStream in = OcsfNormalizer.class.getResourceAsStream("mappings/" + file)) {
            pattern = Pattern.compile(
                    new ObjectMapper().readTree(in).at(pointer + "/pattern").asText());
        }
        for (String run : new String[] {BLANKS, WORDS}) {
            String hostile = text.replace("{}", run);
            Matcher matcher = pattern.matcher(BudgetedText.of(
                    hostile,
                    SourceMapping.Condition.READS_BASE
                            + SourceMapping.Condition.READS_PER_CHARACTER * hostile.length()));
            assertThat(matcher.find()).as("%s %s", file, pointer).isTrue();
        }
    }

    @Test
    void linesWithALongRunOfBlanksKeepTheirMappingAndTheValuesTheirText() throws Exception {
        // IvantiConnectSecureSessionMappingsTest's refused user, the reason holding a run of blanks
        JsonNode refused = line("Oct 19 09:11:19 pcs-node1 1 2021-10-19T09:11:19+02:00 10.5.2.3 PulseSecure: - - -"
                + " 2021-10-19 09:11:19 - pcs-node1 - [89.160.20.156] user.name(REALM)[REALM_ROLES] - User user.name denied"
                + " access as the client version '9.1.11.6725' is lower than the minimum" + BLANKS
                + "client version configured" + BLANKS);
        assertLogon(refused, 2, "user.name", "89.160.20.156");
        assertThat(refused.get("status_detail").asText())
                .startsWith("the client version '9.1.11.6725'")
                .endsWith(BLANKS + "client version configured");

        // WatchGuardDhcpServerMappingsTest's discover, its note holding a run of blanks
        JsonNode discover =
                line("<142>May 10 15:19:05 WatchGuard-Firebox FVE6035FD3AE3 (2024-05-10T09:49:05) firewall[10]:"
                        + " msg_id=\"1600-0001\" DHCPDISCOVER from 00:50:04:ce:c6:3d via eth1: network 192.168.111.0/24:"
                        + BLANKS + "no free leases");
        assertProduct(discover, "Fireware");
        assertClass(discover, 4004, 1);
        assertThat(discover.get("status_detail").asText())
                .isEqualTo("network 192.168.111.0/24:" + BLANKS + "no free leases");

        // CitrixGatewaySessionEndMappingsTest's session removed, a run of blanks between its fields
        JsonNode removed = line("<135> 01/16/2026:14:27:00 GMT test-ns-internal-b 0-PPE-0 : default SSLVPN"
                + " REMOVE_SESSION_DEBUG 2345696 0 :  Sessionid 2345696 - User username.example.com - Client_ip 81.2.69.144"
                + " - X-Forwarded-For_ip 175.16.199.1 - Nat_ip \"Mapped" + BLANKS
                + "Ip\" - Vserver_ip 67.43.156.1 - Errmsg"
                + " \"Session removed\"");
        assertClass(removed, 3002, 2);
        assertThat(removed.at("/dst_endpoint/ip").asText()).isEqualTo("67.43.156.1");
        assertThat(removed.get("status_detail").asText()).isEqualTo("Session removed");

        // IntrusionDetectionMappingsTest's fast.log alert, its signature holding a run of blanks
        JsonNode fast = line("03/01/2026-09:00:00.123456  [**] [1:2010935:3] ET SCAN Suspicious inbound to MSSQL"
                + BLANKS + "port 1433 [**] [Classification: Potentially Bad Traffic] [Priority: 2] {TCP}"
                + " 203.0.113.9:51234 -> 10.0.0.5:1433");
        assertClass(fast, 2004, 1);
        assertThat(fast.at("/finding_info/title").asText())
                .isEqualTo("ET SCAN Suspicious inbound to MSSQL" + BLANKS + "port 1433");
        assertThat(fast.at("/unmapped/classification").asText()).isEqualTo("Potentially Bad Traffic");

        // ClamavAsteriskRoundcubeAndMailServerMappingsTest's refused IMAP login, its reason holding a run of blanks
        JsonNode imap = line(
                "[23-Feb-2026 11:10:30 +0100]: <jkgnfe79> IMAP Error: Login failed for admin@corp.example"
                        + " against imap.corp.example from 198.51.100.9. AUTHENTICATE PLAIN:" + BLANKS
                        + "Authentication failed. in"
                        + " /usr/share/roundcube/program/lib/Roundcube/rcube_imap.php on line 200 (POST /mail/?_task=login&_action=login)");
        assertLogon(imap, 2, "admin@corp.example", "198.51.100.9");
        assertThat(imap.get("status_detail").asText())
                .isEqualTo("AUTHENTICATE PLAIN:" + BLANKS + "Authentication failed.");
    }

    @Test
    void trailingBlanksAndAFinalDotAreNoPartOfTheValue() throws Exception {
        // Cisco ASA 421001: the reason without its final dot and the blanks after it
        JsonNode dropped = line("<166>Jan 05 2026 10:00:00 fw01 : %ASA-6-421001: TCP flow from outside:10.0.0.1/1234 to"
                + " inside:10.0.0.2/80 is dropped because of the application inspection rules." + BLANKS);
        assertThat(dropped.get("status_detail").asText()).isEqualTo("of the application inspection rules");
        // a teardown's reason without the blanks after it; blanks alone after the bytes are no reason
        JsonNode fins = line("<166>Jan 05 2026 10:00:00 fw01 : %ASA-6-302014: Teardown TCP connection 1 for"
                + " outside:10.0.0.1/1234 to inside:10.0.0.2/80 duration 0:00:01 bytes 1 TCP FINs" + BLANKS);
        assertThat(fins.get("status_detail").asText()).isEqualTo("TCP FINs");
        JsonNode none = line("<166>Jan 05 2026 10:00:00 fw01 : %ASA-6-302014: Teardown TCP connection 1 for"
                + " outside:10.0.0.1/1234 to inside:10.0.0.2/80 duration 0:00:01 bytes 1" + BLANKS);
        assertClass(none, 4001, 2);
        assertThat(none.has("status_detail")).isFalse();
    }
}
