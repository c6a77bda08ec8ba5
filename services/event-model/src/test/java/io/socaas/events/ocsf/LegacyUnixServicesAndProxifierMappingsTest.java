package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Lines of older Unix hosts and of a desktop proxy client as real systems wrote them (the LogHub
 * collection's OpenSSH, Red Hat, Apache and Proxifier logs, read as a shipper reads a file: without
 * a syslog priority): PAM's rhost as the client's address or name, sshd's attempts exceeded, the
 * Kerberized rlogin's failures, ftpd's connections, Apache 2.0's refused directory listings and
 * Proxifier's connections. Lines that only look alike are not claimed.
 */
class LegacyUnixServicesAndProxifierMappingsTest {

    @Test
    void pamRhostIsTheAddressOrTheResolvedName() throws Exception {
        JsonNode byAddress = line("Dec 10 07:27:50 LabSZ sshd[24235]: pam_unix(sshd:auth): authentication failure;"
                + " logname= uid=0 euid=0 tty=ssh ruser= rhost=112.95.230.3  user=root");
        assertLogon(byAddress, 2, "root", "112.95.230.3");
        assertThat(byAddress.at("/src_endpoint/hostname").isMissingNode()).isTrue();

        JsonNode byName = line("Dec 10 07:13:31 LabSZ sshd[24227]: pam_unix(sshd:auth): authentication failure;"
                + " logname= uid=0 euid=0 tty=ssh ruser= rhost=5.36.59.76.dynamic-dsl-ip.omantel.net.om  user=root");
        assertLogon(byName, 2, "root", null);
        assertThat(byName.at("/src_endpoint/hostname").asText()).isEqualTo("5.36.59.76.dynamic-dsl-ip.omantel.net.om");

        // Red Hat 9's pam_unix named itself after the service
        JsonNode redHat = line("Jul  2 04:15:33 combo sshd(pam_unix)[24588]: authentication failure; logname= uid=0"
                + " euid=0 tty=NODEVssh ruser= rhost=zummit.com ");
        assertLogon(redHat, 2, null, null);
        assertThat(redHat.at("/src_endpoint/hostname").asText()).isEqualTo("zummit.com");
        assertThat(redHat.at("/device/hostname").asText()).isEqualTo("combo");
        assertLogon(
                line("Jun 17 19:43:13 combo sshd(pam_unix)[30565]: authentication failure; logname= uid=0 euid=0"
                        + " tty=NODEVssh ruser= rhost=211.46.224.253  user=guest"),
                2,
                "guest",
                "211.46.224.253");
        assertLogon(line("Jun 14 15:16:02 combo sshd(pam_unix)[19937]: check pass; user unknown"), 2, null, null);

        // su's PAM failure with an IPv6 client, and login's with a name
        JsonNode v6 =
                line("<86>Mar  1 09:15:02 host su: pam_unix(su:auth): authentication failure; logname=bob uid=1000"
                        + " euid=0 tty=pts/0 ruser=bob rhost=2001:db8::5  user=root");
        assertThat(v6.at("/src_endpoint/ip").asText()).isEqualTo("2001:db8::5");
        JsonNode named = line("<86>Mar  1 09:15:02 host login: pam_unix(login:auth): authentication failure;"
                + " logname=LOGIN uid=0 euid=0 tty=/dev/tty1 ruser= rhost=cafe.example.org  user=alice");
        assertThat(named.at("/src_endpoint/ip").isMissingNode()).isTrue();
        assertThat(named.at("/src_endpoint/hostname").asText()).isEqualTo("cafe.example.org");
    }

    @Test
    void tooManyAuthenticationFailuresIsAFailedLogonOfTheUser() throws Exception {
        JsonNode r = line("Dec 10 07:13:56 LabSZ sshd[24227]: Disconnecting: Too many authentication failures for"
                + " root [preauth]");
        assertLogon(r, 2, "root", null);
        assertProduct(r, "OpenSSH");
        assertThat(r.get("status_detail").asText()).isEqualTo("too many authentication failures");

        // look-alike: a user named in another message is no failed logon
        assertBaseEventOf(
                line("Dec 10 07:13:56 LabSZ sshd[24227]: PAM service(sshd) ignoring max retries; 6 > 3"), "OpenSSH");
    }

    @Test
    void kerberizedRloginFailuresAreFailedNetworkLogons() throws Exception {
        JsonNode r = line("Jun 30 20:53:04 combo klogind[19287]: Authentication failed from 163.27.187.39"
                + " (163.27.187.39): Permission denied in replay cache code ");
        assertLogon(r, 2, null, "163.27.187.39");
        assertThat(r.get("auth_protocol").asText()).isEqualTo("Kerberos");
        assertThat(r.get("status_detail").asText()).isEqualTo("Permission denied in replay cache code");
        assertThat(r.at("/service/name").asText()).isEqualTo("klogind");
        assertThat(r.at("/src_endpoint/hostname").isMissingNode()).isTrue();
        assertLogon(line("Jun 30 20:53:04 combo klogind[19287]: Kerberos authentication failed "), 2, null, null);

        // look-alike: another program's words
        assertThat(line("Jun 30 20:53:04 combo myapp[19287]: Authentication failed from 163.27.187.39"
                                + " (163.27.187.39): Permission denied")
                        .get("class_uid")
                        .asInt())
                .isZero();
    }

    @Test
    void suSessionsAreAccountSwitchesAndCrondSessionsBatchLogons() throws Exception {
        JsonNode old = line("Jun 15 04:06:18 combo su(pam_unix)[21416]: session opened for user cyrus by (uid=0)");
        assertClass(old, 3002, 7);
        assertThat(old.get("status_id").asInt()).isEqualTo(1);
        assertThat(old.at("/user/name").asText()).isEqualTo("cyrus");
        assertThat(old.at("/actor/user/uid").asText()).isEqualTo("0");
        assertThat(old.at("/actor/user/name").isMissingNode()).isTrue();
        JsonNode current = line("<86>Mar  1 09:15:02 host su: pam_unix(su:session): session opened for user"
                + " root(uid=0) by alice(uid=1000)");
        assertClass(current, 3002, 7);
        assertThat(current.at("/user/name").asText()).isEqualTo("root");
        assertThat(current.at("/actor/user/name").asText()).isEqualTo("alice");
        assertThat(current.at("/actor/user/uid").asText()).isEqualTo("1000");
        assertClass(line("Jun 15 04:06:19 combo su(pam_unix)[21416]: session closed for user cyrus"), 3002, 2);

        // look-alike: sshd's PAM session of the same words is a logon
        JsonNode ssh = line("Jun 17 20:29:26 combo sshd(pam_unix)[30631]: session opened for user test by (uid=509)");
        assertClass(ssh, 3002, 1);
        assertThat(ssh.at("/user/name").asText()).isEqualTo("test");

        // cronie's crond of RHEL 4 (a Thunderbird cluster node's line, without the collection's prefix)
        JsonNode cron = line("Nov  9 12:01:01 dn228 crond(pam_unix)[2915]: session opened for user root by (uid=0)");
        assertClass(cron, 3002, 1);
        assertThat(cron.get("logon_type_id").asInt()).isEqualTo(4);
        assertThat(cron.at("/user/name").asText()).isEqualTo("root");
        assertClass(line("Nov  9 12:01:01 dn228 crond(pam_unix)[2915]: session closed for user root"), 3002, 2);
    }

    @Test
    void ftpdConnectionsAreNetworkActivityWithTheClient() throws Exception {
        JsonNode r = line("Jun 17 07:07:00 combo ftpd[29504]: connection from 24.54.76.216"
                + " (24-54-76-216.bflony.adelphia.net) at Fri Jun 17 07:07:00 2005 ");
        assertClass(r, 4001, 1);
        assertProduct(r, "ftpd");
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("24.54.76.216");
        assertThat(r.at("/src_endpoint/hostname").asText()).isEqualTo("24-54-76-216.bflony.adelphia.net");
        assertThat(r.at("/dst_endpoint/hostname").asText()).isEqualTo("combo");

        JsonNode unresolved = line(
                "Jul  1 07:57:30 combo ftpd[21952]: connection from 202.82.200.188 () at Fri Jul  1 07:57:30 2005 ");
        assertClass(unresolved, 4001, 1);
        assertThat(unresolved.at("/src_endpoint/ip").asText()).isEqualTo("202.82.200.188");
        assertThat(unresolved.at("/src_endpoint/hostname").isMissingNode()).isTrue();

        // look-alikes: ftpd's other words, and another program's connection
        assertBaseEventOf(
                line("Jun 18 02:23:10 combo ftpd[31277]: User unknown timed out after 900 seconds at Sat Jun 18"
                        + " 02:23:10 2005 "),
                "ftpd");
        assertThat(line("Jun 17 07:07:00 combo myapp[29504]: connection from 24.54.76.216 (x.example) at Fri Jun 17"
                                + " 07:07:00 2005")
                        .get("class_uid")
                        .asInt())
                .isZero();
    }

    @Test
    void apacheTwoZeroDirectoryIndexRefusalsAreDeniedRequestsOfTheClient() throws Exception {
        JsonNode r = line("[Sun Dec 04 05:15:09 2005] [error] [client 222.166.160.184] Directory index forbidden by"
                + " rule: /var/www/html/");
        assertClass(r, 4002, 99);
        assertProduct(r, "Apache HTTP Server");
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("222.166.160.184");
        assertThat(r.at("/http_response/code").asInt()).isEqualTo(403);
        assertThat(r.at("/file/path").asText()).isEqualTo("/var/www/html/");
        assertThat(r.get("action").asText()).isEqualTo("Denied");

        // look-alikes: mod_jk's errors name no client
        assertBaseEventOf(
                line("[Mon Dec 05 11:06:52 2005] [error] jk2_init() Can't find child 5619 in scoreboard"),
                "Apache HTTP Server");
        assertBaseEventOf(
                line("[Sun Dec 04 04:47:44 2005] [error] mod_jk child workerEnv in error state 6"),
                "Apache HTTP Server");
    }

    @Test
    void proxifierConnectionsAreNetworkActivityWithTheProcessTargetAndProxy() throws Exception {
        JsonNode open = line("[07.26 13:50:06] Dropbox.exe - client-lb.dropbox.com:443 open through proxy"
                + " proxy.cse.cuhk.edu.hk:5070 HTTPS");
        assertClass(open, 4001, 1);
        assertProduct(open, "Proxifier");
        assertThat(open.at("/actor/process/name").asText()).isEqualTo("Dropbox.exe");
        assertThat(open.at("/dst_endpoint/hostname").asText()).isEqualTo("client-lb.dropbox.com");
        assertThat(open.at("/dst_endpoint/port").asInt()).isEqualTo(443);
        assertThat(open.at("/proxy_endpoint/hostname").asText()).isEqualTo("proxy.cse.cuhk.edu.hk");
        assertThat(open.at("/proxy_endpoint/port").asInt()).isEqualTo(5070);

        JsonNode close = line("[07.26 13:47:17] chrome.exe *64 - cm.g.doubleclick.net:443 close, 2197 bytes (2.14 KB)"
                + " sent, 1527 bytes (1.49 KB) received, lifetime 06:13");
        assertClass(close, 4001, 2);
        assertThat(close.at("/actor/process/name").asText()).isEqualTo("chrome.exe");
        assertThat(close.at("/dst_endpoint/hostname").asText()).isEqualTo("cm.g.doubleclick.net");
        assertThat(close.at("/traffic/bytes_out").asLong()).isEqualTo(2197);
        assertThat(close.at("/traffic/bytes_in").asLong()).isEqualTo(1527);

        JsonNode failed = line("[07.26 14:11:50] WeChat.exe - 203.205.129.102:8080 error : Could not connect through"
                + " proxy proxy.cse.cuhk.edu.hk:5070 - Proxy server cannot establish a connection with the target,"
                + " status code 403");
        assertClass(failed, 4001, 4);
        assertThat(failed.get("status_id").asInt()).isEqualTo(2);
        assertThat(failed.at("/dst_endpoint/ip").asText()).isEqualTo("203.205.129.102");
        assertThat(failed.at("/dst_endpoint/port").asInt()).isEqualTo(8080);
        assertThat(failed.at("/proxy_endpoint/hostname").asText()).isEqualTo("proxy.cse.cuhk.edu.hk");
        assertThat(failed.get("status_detail").asText())
                .isEqualTo("Proxy server cannot establish a connection with the target, status code 403");
        assertThat(line("[07.26 13:48:21] chrome.exe *64 - hm.baidu.com:80 error : A connection request was canceled"
                                + " before the completion. ")
                        .get("status_detail")
                        .asText())
                .isEqualTo("A connection request was canceled before the completion.");

        // look-alikes: a bracketed time before other text
        assertThat(line("[10.30 16:49:06] backup.sh - nas.example:22 started copying")
                        .get("class_uid")
                        .asInt())
                .isZero();
        assertThat(line("[10.30 16:49:06] chrome.exe - proxy.cse.cuhk.edu.hk:5070 open")
                        .at("/metadata/product/name")
                        .asText())
                .isEqualTo("Proxifier");
    }

    @Test
    void proxifiersYearlessTimeIsReadAsASyslogHeadersIs() throws Exception {
        // LogHub's Proxifier log (received here on 2026-03-01 10:00 UTC): the latest year that does not
        // put the time more than two days after the line arrived, as for an RFC 3164 header's time
        JsonNode july = line("[07.26 13:50:06] Dropbox.exe - client-lb.dropbox.com:443 open through proxy"
                + " proxy.cse.cuhk.edu.hk:5070 HTTPS");
        assertThat(july.get("time").asLong()).isEqualTo(MappedRecords.epochMillis("2025-07-26T13:50:06Z"));
        assertThat(july.at("/metadata/labels").toString()).doesNotContain("time_from_received");
        String close = " chrome.exe *64 - cm.g.doubleclick.net:443 close, 2197 bytes (2.14 KB) sent, 1527 bytes"
                + " (1.49 KB) received, lifetime 06:13";
        // the syslog header's rule at the year's turn and for a clock a little ahead
        assertThat(line("[12.31 23:59:59]" + close).get("time").asLong())
                .isEqualTo(MappedRecords.epochMillis("2025-12-31T23:59:59Z"));
        assertThat(line("[03.02 08:00:00]" + close).get("time").asLong())
                .isEqualTo(MappedRecords.epochMillis("2026-03-02T08:00:00Z"));
        assertThat(line("[03.05 08:00:00]" + close).get("time").asLong())
                .isEqualTo(MappedRecords.epochMillis("2025-03-05T08:00:00Z"));
        // the time is the client's clock, in the source's zone
        assertThat(line("[07.26 13:50:06]" + close, java.time.ZoneId.of("Asia/Hong_Kong"))
                        .get("time")
                        .asLong())
                .isEqualTo(MappedRecords.epochMillis("2025-07-26T05:50:06Z"));
        // a date no year has is no time: the record keeps the time it arrived, and says so
        JsonNode noDate = line("[02.30 13:50:06]" + close);
        assertThat(noDate.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(noDate.get("time").asLong()).isEqualTo(MappedRecords.epochMillis("2026-03-01T10:00:00Z"));
        assertThat(noDate.at("/metadata/labels").toString()).contains("time_from_received");
    }
}
