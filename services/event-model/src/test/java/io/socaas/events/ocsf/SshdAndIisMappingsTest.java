package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * OpenSSH's refusals beyond "Failed password" (attempts exceeded, users refused by the
 * configuration or by PAM, Solaris message ids) become failed Authentication records; Microsoft IIS
 * W3C access lines become HTTP Activity. Lines of the corpus (Wazuh's sshd and web rules tests) and
 * lines written from the formats; lines that only look alike are not claimed.
 */
class SshdAndIisMappingsTest {

    private static void assertFailedLogon(JsonNode r, String user, String srcIp) {
        assertLogon(r, 2, user, srcIp);
        assertProduct(r, "OpenSSH");
    }

    @Test
    void sshdRefusalsAreFailedLogonsWithUserAndSource() throws Exception {
        // corpus (Wazuh sshd)
        JsonNode exceeded = line("Dec 27 03:23:51 r1 sshd[21183]: error: maximum authentication attempts exceeded"
                + " for root from 183.106.179.9 port 34100 ssh2 [preauth]");
        assertFailedLogon(exceeded, "root", "183.106.179.9");
        assertThat(exceeded.at("/src_endpoint/port").asInt()).isEqualTo(34100);
        assertThat(exceeded.get("status_detail").asText()).isEqualTo("maximum authentication attempts exceeded");
        assertFailedLogon(
                line("2020-03-23 08:14:32.766049-0700  localhost sshd[8981]: error: maximum authentication attempts"
                        + " exceeded for invalid user badguy from 192.168.33.1 port 55146 ssh2 [preauth]"),
                "badguy",
                "192.168.33.1");

        JsonNode denied = line("2020-03-31 13:15:57.368975-0700  localhost sshd[2440]: User root from 172.18.1.100"
                + " not allowed because listed in DenyUsers");
        assertFailedLogon(denied, "root", "172.18.1.100");
        assertThat(denied.get("status_detail").asText()).isEqualTo("listed in DenyUsers");
        assertThat(line("2020-03-25 07:46:15.205351-0700  localhost sshd[6738]: User root from 192.168.33.1 not"
                                + " allowed because not listed in AllowUsers")
                        .get("status_detail")
                        .asText())
                .isEqualTo("not listed in AllowUsers");

        JsonNode pam = line("2020-03-23 08:14:02.777660-0700  localhost sshd[8981]: error: PAM: authentication"
                + " error for illegal user badguy from 192.168.33.1");
        assertFailedLogon(pam, "badguy", "192.168.33.1");
        assertThat(pam.get("status_detail").asText()).isEqualTo("authentication error");
        JsonNode pamUnknown = line("2013-10-30T14:51:24.139258+01:00 srv sshd[12664]: error: PAM: User not known to"
                + " the underlying authentication module for illegal user warez from 192.241.237.101");
        assertFailedLogon(pamUnknown, "warez", "192.241.237.101");
        assertThat(pamUnknown.get("status_detail").asText())
                .isEqualTo("User not known to the underlying authentication module");

        assertFailedLogon(
                line("2013-10-30T14:51:30.267906+01:00 srv sshd[12671]: input_userauth_request: invalid user"
                        + " opcione [preauth]"),
                "opcione",
                null);

        // Solaris and illumos put a message id before the text
        JsonNode solaris = line("Aug 18 07:30:25 192.168.1.5 sshd[20247]: [ID 800047 auth.notice] Failed none for"
                + " root from 192.168.1.1 port 36942 ssh2");
        assertFailedLogon(solaris, "root", "192.168.1.1");
        assertThat(solaris.get("auth_protocol").asText()).isEqualTo("none");
        JsonNode solarisAccepted = line("<38>Mar  1 09:15:02 sol11 sshd[4411]: [ID 800047 auth.info] Accepted"
                + " publickey for deploy from 2001:db8::7 port 50122 ssh2");
        assertThat(solarisAccepted.get("status_id").asInt()).isEqualTo(1);
        assertThat(solarisAccepted.at("/user/name").asText()).isEqualTo("deploy");
        assertThat(solarisAccepted.at("/src_endpoint/ip").asText()).isEqualTo("2001:db8::7");

        // written from OpenSSH's format: the disconnect after an unknown user's attempts
        JsonNode disconnecting = line("<38>Mar  1 09:15:02 bastion sshd[811]: Disconnecting invalid user oracle"
                + " 203.0.113.77 port 43042: Too many authentication failures [preauth]");
        assertThat(disconnecting.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(disconnecting.get("activity_id").asInt()).isEqualTo(2);
        assertThat(disconnecting.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.77");
        assertThat(disconnecting.at("/actor/user/name").asText()).isEqualTo("oracle");
    }

    @Test
    void sshdConnectionsThatFailBeforeAnyLoginAreFailedNetworkActivityFromTheClient() throws Exception {
        record Case(String line, String ip, Integer port, String detail) {}
        for (Case c : new Case[] {
            // corpus (Wazuh sshd)
            new Case(
                    "2020-03-24 10:32:31.672920-0700  localhost sshd[5374]: Did not receive identification string from"
                            + " 172.18.1.1 port 45824",
                    "172.18.1.1",
                    45824,
                    "no SSH identification string"),
            new Case(
                    "2020-03-25 06:37:50.176931-0700  localhost sshd[852]: Bad protocol version identification 'ls'"
                            + " from 172.18.1.1 port 59920",
                    "172.18.1.1",
                    59920,
                    "bad protocol version identification"),
            new Case(
                    "Mar  3 10:56:18 junction sshd[32065]: fatal: Unable to negotiate with 202.191.177.33 port 3579: no"
                            + " matching cipher found. Their offer: 3des-cbc,aes128-cbc [preauth]",
                    "202.191.177.33",
                    3579,
                    "no matching cipher found"),
            new Case(
                    "Sep 16 05:46:56 junction sshd[1961]: fatal: Unable to negotiate with 108.229.36.174: no matching key"
                            + " exchange method found. Their offer: diffie-hellman-group1-sha1 [preauth]",
                    "108.229.36.174",
                    null,
                    "no matching key exchange method found"),
            new Case(
                    "Feb 10 23:21:05 someserver sshd[1234]: Read error from remote host 192.168.1.1: Connection reset by"
                            + " peer",
                    "192.168.1.1",
                    null,
                    "Connection reset by peer"),
            // OpenSSH 8 and later, IPv6, a timeout
            new Case(
                    "<38>1 2026-02-28T07:01:02.123Z bastion sshd 811 - - banner exchange: Connection from"
                            + " 2001:db8::5 port 40112: invalid format",
                    "2001:db8::5",
                    40112,
                    "no SSH identification string"),
            new Case(
                    "Feb 28 07:01:02 bastion sshd[811]: fatal: Timeout before authentication for 198.51.100.9 port"
                            + " 6012",
                    "198.51.100.9",
                    6012,
                    "timeout before authentication"),
            new Case(
                    "Feb 28 07:01:02 bastion sshd[811]: Unable to negotiate with 2001:db8::77 port 50022: no matching"
                            + " host key type found. Their offer: ssh-rsa,ssh-dss [preauth]",
                    "2001:db8::77",
                    50022,
                    "no matching host key type found")
        }) {
            JsonNode r = line(c.line());
            assertThat(r.get("class_uid").asInt()).as(c.line()).isEqualTo(4001);
            assertThat(r.get("activity_id").asInt()).as(c.line()).isEqualTo(4);
            assertThat(r.get("status_id").asInt()).isEqualTo(2);
            assertThat(r.at("/src_endpoint/ip").asText()).as(c.line()).isEqualTo(c.ip());
            if (c.port() == null) {
                assertThat(r.at("/src_endpoint/port").isMissingNode())
                        .as(c.line())
                        .isTrue();
            } else {
                assertThat(r.at("/src_endpoint/port").asInt()).as(c.line()).isEqualTo(c.port());
            }
            assertThat(r.get("status_detail").asText()).as(c.line()).isEqualTo(c.detail());
            assertThat(r.at("/metadata/product/name").asText()).isEqualTo("OpenSSH");
        }

        // a refused reverse DNS check names the client and the name it claimed
        JsonNode reverse = line(
                "Oct 20 12:33:07 ar-agent sshd[3433]: Address 192.168.18.54 maps to"
                        + " nmap.18.168.192.in-addr.arpa, but this does not map back to the address - POSSIBLE BREAK-IN ATTEMPT!");
        assertThat(reverse.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(reverse.at("/src_endpoint/ip").asText()).isEqualTo("192.168.18.54");
        assertThat(reverse.at("/src_endpoint/hostname").asText()).isEqualTo("nmap.18.168.192.in-addr.arpa");
        // Wazuh ranks it level 0 (rule 5757, Bad DNS mapping): Informational, no outcome
        assertThat(reverse.get("severity_id").asInt()).isEqualTo(1);
        assertThat(reverse.has("status_id")).isFalse();
        // a name that does not resolve back (Wazuh's sshd rule tests; LogHub's OpenSSH log): Wazuh's
        // rule 5702 ranks it level 5, Low in Wazuh's own OCSF export; the check failed
        for (String failed : new String[] {
            "2020-03-25 09:18:41.510217-0700  localhost sshd[2549]: reverse mapping checking getaddrinfo for hostname"
                    + " [172.18.1.1] failed - POSSIBLE BREAK.",
            "Dec 10 06:55:46 LabSZ sshd[24200]: reverse mapping checking getaddrinfo for ns.marryaldkfaczcz.com"
                    + " [173.234.31.186] failed - POSSIBLE BREAK-IN ATTEMPT!"
        }) {
            JsonNode getaddrinfo = line(failed);
            assertThat(getaddrinfo.get("class_uid").asInt()).as(failed).isEqualTo(4001);
            assertThat(getaddrinfo.get("activity_id").asInt()).isEqualTo(99);
            assertThat(getaddrinfo.get("severity_id").asInt()).as(failed).isEqualTo(2);
            assertThat(getaddrinfo.get("severity").asText()).isEqualTo("Low");
            assertThat(getaddrinfo.get("status_id").asInt()).isEqualTo(2);
            assertThat(getaddrinfo.get("status_detail").asText())
                    .isEqualTo("reverse mapping checking getaddrinfo failed");
        }
        JsonNode getaddrinfo = line("Dec 10 06:55:46 LabSZ sshd[24200]: reverse mapping checking getaddrinfo for"
                + " ns.marryaldkfaczcz.com [173.234.31.186] failed - POSSIBLE BREAK-IN ATTEMPT!");
        assertThat(getaddrinfo.at("/src_endpoint/ip").asText()).isEqualTo("173.234.31.186");
        assertThat(getaddrinfo.at("/src_endpoint/hostname").asText()).isEqualTo("ns.marryaldkfaczcz.com");
        // another program's text about a reverse mapping is not sshd's: no severity from this rule
        JsonNode other = line("Dec 10 06:55:46 LabSZ nscd[811]: reverse mapping checking getaddrinfo for"
                + " ns.marryaldkfaczcz.com [173.234.31.186] failed");
        assertThat(other.get("severity_id").asInt()).isEqualTo(1);
        assertThat(other.get("class_uid").asInt()).isNotEqualTo(4001);
        // a key refused for its file's modes is a failed logon
        JsonNode refused = line("May  4 18:30:04 collectd sshd[15191]: Authentication refused: bad ownership or modes"
                + " for file /home/ansible/.ssh/authorized_keys");
        assertThat(refused.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(refused.get("status_id").asInt()).isEqualTo(2);
        assertThat(refused.get("status_detail").asText()).startsWith("bad ownership or modes");
        // a disconnect logged as an error still closes the client's connection
        JsonNode error =
                line("Feb 28 07:01:02 bastion sshd[811]: error: Received disconnect from 203.0.113.4 port 51234:14:"
                        + " No supported authentication methods available [preauth]");
        assertThat(error.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(error.get("activity_id").asInt()).isEqualTo(2);
        assertThat(error.at("/src_endpoint/port").asInt()).isEqualTo(51234);
        // OpenSSH before 7.x wrote the reason code after a colon, without a port
        JsonNode old = line("Feb 28 07:02:10 bastion sshd[902]: Received disconnect from 198.51.100.14: 11:"
                + " disconnected by user");
        assertThat(old.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(old.get("activity_id").asInt()).isEqualTo(2);
        assertThat(old.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.14");
        assertThat(old.at("/src_endpoint/port").isMissingNode()).isTrue();
        JsonNode v6 = line("Feb 28 07:02:11 bastion sshd[903]: Connection closed by 2001:db8::5 port 50522 [preauth]");
        assertThat(v6.at("/src_endpoint/ip").asText()).isEqualTo("2001:db8::5");
        assertThat(v6.at("/src_endpoint/port").asInt()).isEqualTo(50522);
    }

    @Test
    void sshdMessagesThatAreNotLoginOutcomesStayOtherEvents() throws Exception {
        for (String line : new String[] {
            // a protocol error, a postponed method, a debug line: no login refused, no client named
            "Feb  4 23:05:57 someserver sshd[1234]: Disconnecting: bad client public DH value [preauth]",
            "2013-10-30T14:51:21.901728+01:00 srv sshd[12664]: Postponed keyboard-interactive for invalid user warez"
                    + " from 192.241.237.101 port 54197 ssh2 [preauth]",
            "Feb 11 06:41:50 someserver sshd[1234]: debug1: channel 5: connection failed: Connection refused"
        }) {
            JsonNode r = line(line);
            assertThat(r.get("class_uid").asInt()).as(line).isZero();
            assertThat(r.at("/metadata/product/name").asText()).as(line).isEqualTo("OpenSSH");
        }
        // the same words from another program are not OpenSSH's
        JsonNode other = line("<38>Mar  1 09:15:02 app01 myapp[77]: User root from 192.0.2.1 not allowed because"
                + " listed in DenyUsers");
        assertThat(other.get("class_uid").asInt()).isZero();
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("OpenSSH");
    }

    @Test
    void iisW3cLinesAreHttpActivityInEachDefaultLayout() throws Exception {
        // corpus (Wazuh web rules): IIS's default fields without the referrer
        JsonNode withoutReferrer = line("2015-07-28 15:07:26 1.2.3.4 GET /QOsa/Browser/Default.aspx"
                + " UISessionId=SN1234123&DeviceId=SN12312232SHARP+MX-4111N 80 - 31.3.3.7"
                + " OpenSystems/1.0;+product-family=\"85\";+product-version=\"123ER123\" 302 0 0 624");
        assertThat(withoutReferrer.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(withoutReferrer.get("activity_id").asInt()).isEqualTo(3);
        assertThat(withoutReferrer.at("/metadata/product/name").asText()).isEqualTo("Internet Information Services");
        assertThat(withoutReferrer.at("/src_endpoint/ip").asText()).isEqualTo("31.3.3.7");
        assertThat(withoutReferrer.at("/dst_endpoint/ip").asText()).isEqualTo("1.2.3.4");
        assertThat(withoutReferrer.at("/dst_endpoint/port").asInt()).isEqualTo(80);
        assertThat(withoutReferrer.at("/http_request/url/path").asText()).isEqualTo("/QOsa/Browser/Default.aspx");
        assertThat(withoutReferrer.at("/http_request/url/query_string").asText())
                .isEqualTo("UISessionId=SN1234123&DeviceId=SN12312232SHARP+MX-4111N");
        assertThat(withoutReferrer.at("/http_response/code").asInt()).isEqualTo(302);
        assertThat(withoutReferrer.get("duration").asLong()).isEqualTo(624);
        assertThat(withoutReferrer.get("time").asLong())
                .isEqualTo(Instant.parse("2015-07-28T15:07:26Z").toEpochMilli());

        // corpus: with the referrer ("-": absent) and no query
        JsonNode scan = line("2015-03-11 21:59:09 1.2.3.4 GET /console/faces/com_sun_web_ui/jsp/version/version_30.jsp"
                + " - 80 - 31.3.3.7 Sun+Web+Console+Fingerprinter/7.15 - 404 0 2 0");
        assertThat(scan.at("/http_response/code").asInt()).isEqualTo(404);
        assertThat(scan.at("/http_request/user_agent").asText()).isEqualTo("Sun+Web+Console+Fingerprinter/7.15");
        assertThat(scan.at("/http_request/url").has("query_string")).isFalse();
        assertThat(scan.at("/http_request").has("referrer")).isFalse();
        assertThat(scan.has("actor")).isFalse();

        // corpus: site and server name first, on its own
        JsonNode sql = line("2014-12-20 21:34:37 W3SVC58 XXX-XXWEB-01 1.2.3.4 GET /search/programdetails.aspx"
                + " id=3542&print=');declare%20@c%20cursor; 80 - 5.6.7.8 Mozilla/4.0 - 200 0 0 15");
        assertThat(sql.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(sql.at("/dst_endpoint/ip").asText()).isEqualTo("1.2.3.4");
        assertThat(sql.at("/device/hostname").asText()).isEqualTo("XXX-XXWEB-01");
        assertThat(sql.at("/http_request/url/query_string").asText())
                .isEqualTo("id=3542&print=');declare%20@c%20cursor;");
        assertThat(sql.get("time").asLong())
                .isEqualTo(Instant.parse("2014-12-20T21:34:37Z").toEpochMilli());

        // written from the format: site and server name first, an authenticated user, IPv6, inside syslog
        JsonNode site = line("<134>Mar  1 09:15:02 web-gw nxlog: 2026-03-01 09:15:01 W3SVC2 WEB01 fe80::1"
                + " POST /owa/auth.owa - 443 CONTOSO\\jdoe 2001:db8::42 Mozilla/5.0+(Windows+NT+10.0)"
                + " https://mail.contoso.com/owa/ 302 0 0 187");
        assertThat(site.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(site.get("activity_id").asInt()).isEqualTo(6);
        assertThat(site.at("/actor/user/name").asText()).isEqualTo("CONTOSO\\jdoe");
        assertThat(site.at("/src_endpoint/ip").asText()).isEqualTo("2001:db8::42");
        assertThat(site.at("/device/hostname").asText()).isEqualTo("WEB01");
        assertThat(site.at("/http_request/referrer").asText()).isEqualTo("https://mail.contoso.com/owa/");
        assertThat(site.get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T09:15:01Z").toEpochMilli());
    }

    @Test
    void iisCustomFieldsAfterTheTimeTakenGiveTheForwardedClient() throws Exception {
        // X-Forwarded-For logged as a custom field behind a load balancer: the client it names first
        JsonNode forwarded = line("2026-02-27 08:41:09 W3SVC3 WEB02 192.0.2.20 GET /portal/login.aspx - 443 -"
                + " 192.0.2.5 HTTP/1.1 Mozilla/5.0+(X11;+Linux+x86_64) - - portal.example.com 401 1 2148074254"
                + " 1520 410 31 203.0.113.77,198.51.100.4");
        assertThat(forwarded.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(forwarded.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.5");
        assertThat(forwarded.at("/http_request/x_forwarded_for/0").asText()).isEqualTo("203.0.113.77");
        assertThat(forwarded.at("/http_request/x_forwarded_for").size()).isEqualTo(1);
        assertThat(forwarded.at("/http_response/code").asInt()).isEqualTo(401);
        // an IPv6 client, then the client's port (Exchange's layout)
        JsonNode v6 = line("2026-02-27 08:41:10 mail01 192.0.2.21 POST /EWS/Exchange.asmx - 443 EXAMPLE\\carol"
                + " 192.0.2.6 Microsoft+Office/16.0 - 200 0 0 52 2001:db8::77 51822");
        assertThat(v6.at("/http_request/x_forwarded_for/0").asText()).isEqualTo("2001:db8::77");
        assertThat(v6.at("/actor/user/name").asText()).isEqualTo("EXAMPLE\\carol");
        // a custom field that is no address (a cookie-less layout's extra value, "-") names no forwarded client
        JsonNode notAnAddress = line("2026-02-27 08:41:11 192.0.2.20 GET /health - 80 - 192.0.2.7 - 200 0 0 15 51822");
        assertThat(notAnAddress.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(notAnAddress.at("/http_request").has("x_forwarded_for")).isFalse();
        JsonNode dash = line("2026-02-27 08:41:12 web-01 192.0.2.20 GET /a.aspx - 80 - 192.0.2.8 - - 200 0 0 15 -");
        assertThat(dash.at("/http_request").has("x_forwarded_for")).isFalse();
        assertThat(dash.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.8");
    }

    @Test
    void linesThatOnlyLookLikeIisAreNotClaimed() throws Exception {
        for (String line : new String[] {
            // a status word where the status code would be, and a line cut before time-taken
            "2026-03-01 09:15:01 10.0.0.5 GET /index.html - 80 - 10.0.0.9 curl/8.0 - OK 0 0 12",
            "2026-03-01 09:15:01 10.0.0.5 GET /index.html - 80 - 10.0.0.9 curl/8.0 - 200 0 0",
            // an application's own line starting with a date and a method
            "2026-03-01 09:15:01 INFO GET /api/orders took 12 ms"
        }) {
            assertThat(line(line).at("/metadata/product/name").asText())
                    .as(line)
                    .isNotEqualTo("Internet Information Services");
        }
    }
}
