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
    void sshdMessagesThatAreNotLoginOutcomesStayOtherEvents() throws Exception {
        for (String line : new String[] {
            // a negotiation failure, a protocol error, a debug line: no user's login was refused
            "Mar  3 10:56:18 junction sshd[32065]: fatal: Unable to negotiate with 202.191.177.33 port 3579: no matching"
                    + " cipher found. Their offer: 3des-cbc,aes128-cbc [preauth]",
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
