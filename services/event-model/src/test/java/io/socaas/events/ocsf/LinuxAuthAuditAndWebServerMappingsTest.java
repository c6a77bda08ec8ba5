package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAuthentication;
import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.assertStatus;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Linux hosts and web servers beyond the common lines: OpenSSH 9.8+'s sshd-session and sshd-auth,
 * rsyslog's "message repeated" lines, PAM's summaries and pam_faillock's locks; su's own records,
 * console logins, systemd-logind's sessions and unix_chkpwd; sudo without a terminal; audit records of
 * sudo commands, PAM sessions, account changes in the enriched format, services, packages, kernel
 * modules and watched files; access lines with forwarded-for lists, unreadable requests and mod_ssl's
 * request log; IIS's optional W3C fields; HAProxy's bad requests, connections and handshake failures.
 * All lines are written from the programs' documented formats.
 */
class LinuxAuthAuditAndWebServerMappingsTest {

    @Test
    void sshdLoginsOfNewerOpenSshAndCompressedRepeatsAreAuthentication() throws Exception {
        JsonNode accepted = line("<38>Mar  1 09:15:02 bastion2 sshd-session[4410]: Accepted publickey for deploy"
                + " from 198.51.100.23 port 61022 ssh2: ED25519 SHA256:q1w2e3r4t5y6");
        assertLogon(accepted, 1, "deploy", "198.51.100.23");
        assertProduct(accepted, "OpenSSH");
        assertThat(accepted.get("auth_protocol").asText()).isEqualTo("publickey");
        assertThat(accepted.at("/src_endpoint/port").asInt()).isEqualTo(61022);
        assertThat(accepted.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:15:02Z"));

        JsonNode failed = line("<38>Mar  1 09:15:03 bastion2 sshd-auth[4411]: Failed password for invalid user"
                + " oracle from 203.0.113.77 port 40112 ssh2");
        assertLogon(failed, 2, "oracle", "203.0.113.77");
        assertThat(failed.get("auth_protocol").asText()).isEqualTo("password");

        JsonNode repeated = line("<38>Mar  1 09:15:04 bastion2 sshd[4412]: message repeated 4 times: [ Failed"
                + " password for root from 203.0.113.77 port 40113 ssh2]");
        assertLogon(repeated, 2, "root", "203.0.113.77");
        assertThat(repeated.get("count").asInt()).isEqualTo(4);

        JsonNode more = line("<38>Mar  1 09:15:05 bastion2 sshd[4412]: PAM 3 more authentication failures;"
                + " logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.77  user=root");
        assertLogon(more, 2, "root", "203.0.113.77");

        JsonNode unknown =
                line("<38>Mar  1 09:15:05 bastion2 sshd[4413]: pam_unix(sshd:auth): check pass; user unknown");
        assertLogon(unknown, 2, null, null);
        assertThat(unknown.get("status_detail").asText()).isEqualTo("user unknown");

        JsonNode root = line("<38>Mar  1 09:15:06 bastion2 sshd[4414]: ROOT LOGIN REFUSED FROM 192.0.2.66 port 2201");
        assertLogon(root, 2, "root", "192.0.2.66");

        JsonNode locked = line("<38>Mar  1 09:15:07 bastion2 sshd[4415]: pam_faillock(sshd:auth): Consecutive login"
                + " failures for user deploy account temporarily locked");
        assertThat(locked.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(locked.get("activity_name").asText()).isEqualTo("Lock");
        assertThat(locked.at("/user/name").asText()).isEqualTo("deploy");

        JsonNode kex = line("<38>Mar  1 09:15:08 bastion2 sshd[4416]: error: kex_exchange_identification: Connection"
                + " closed by remote host");
        assertThat(kex.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(kex.get("activity_id").asInt()).isEqualTo(4);
        assertThat(kex.get("status_detail").asText()).isEqualTo("Connection closed by remote host");
    }

    @Test
    void suConsoleLoginsLogindSessionsAndPasswordChecksAreAuthentication() throws Exception {
        JsonNode switched = line("<86>Mar  1 09:20:00 app3 su[7001]: + /dev/pts/4 alice:root");
        assertAuthentication(switched, 7, "root", null);
        assertStatus(switched, 1);
        assertThat(switched.at("/actor/user/name").asText()).isEqualTo("alice");
        JsonNode refused = line("<86>Mar  1 09:20:01 app3 su[7002]: - /dev/pts/4 mallory:root");
        assertAuthentication(refused, 7, "root", null);
        assertStatus(refused, 2);
        JsonNode pam = line("<86>Mar  1 09:20:02 app3 su: pam_authenticate: Authentication failure");
        assertAuthentication(pam, 7, null, null);
        assertStatus(pam, 2);
        JsonNode pamUnix = line("<86>Mar  1 09:20:03 app3 su[7003]: pam_unix(su-l:auth): authentication failure;"
                + " logname=mallory uid=1004 euid=0 tty=/dev/pts/4 ruser=mallory rhost=  user=root");
        assertLogon(pamUnix, 2, "root", null);
        assertThat(pamUnix.at("/actor/user/name").asText()).isEqualTo("mallory");
        // RFC 3164's own example line (section 5.4), and shadow's su refusing a switch
        JsonNode bsd = line("<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8");
        assertAuthentication(bsd, 7, "root", null);
        assertStatus(bsd, 2);
        assertThat(bsd.at("/actor/user/name").asText()).isEqualTo("lonvick");
        JsonNode shadow = line("<85>Mar  1 09:20:04 app3 su[7004]: FAILED su for root by mallory");
        assertAuthentication(shadow, 7, "root", null);
        assertStatus(shadow, 2);
        assertThat(shadow.at("/actor/user/name").asText()).isEqualTo("mallory");
        JsonNode granted = line("<85>Mar  1 09:20:05 app3 su[7005]: Successful su for root by alice");
        assertStatus(granted, 1);
        // the same words from another program are not su's
        assertThat(line("<34>Oct 11 22:14:15 mymachine backup: 'su root' failed for lonvick on /dev/pts/8")
                        .get("class_uid")
                        .asInt())
                .isNotEqualTo(3002);

        JsonNode console = line(
                "<86>Mar  1 09:21:00 app3 login[800]: FAILED LOGIN 2 FROM tty3 FOR carol," + " Authentication failure");
        assertLogon(console, 2, "carol", null);
        assertThat(console.get("status_detail").asText()).isEqualTo("Authentication failure");
        assertLogon(line("<86>Mar  1 09:21:01 app3 login[801]: ROOT LOGIN  ON tty1"), 1, "root", null);
        assertLogon(line("<86>Mar  1 09:21:02 app3 login[802]: LOGIN ON tty2 BY carol"), 1, "carol", null);

        JsonNode opened = line("<38>Mar  1 09:22:00 app3 systemd-logind[610]: New session 318 of user carol.");
        assertLogon(opened, 1, "carol", null);
        assertThat(opened.at("/session/uid").asText()).isEqualTo("318");
        JsonNode removed = line("<38>Mar  1 09:22:30 app3 systemd-logind[610]: Removed session 318.");
        assertAuthentication(removed, 2, null, null);
        assertThat(removed.at("/session/uid").asText()).isEqualTo("318");

        JsonNode check = line("<86>Mar  1 09:23:00 app3 unix_chkpwd[9100]: password check failed for user (dave)");
        assertLogon(check, 2, "dave", null);
        assertProduct(check, "Linux");
    }

    @Test
    void sudoWithoutATerminalIsAProcessLaunchAndItsPamFailureNamesTheRequester() throws Exception {
        JsonNode run = line("<85>Mar  1 09:30:00 ci4 sudo[5120]: builder : PWD=/srv/build ; USER=root ;"
                + " COMMAND=/usr/bin/systemctl restart web");
        assertThat(run.get("class_uid").asInt()).isEqualTo(1007);
        assertThat(run.get("activity_id").asInt()).isEqualTo(1);
        assertThat(run.at("/actor/user/name").asText()).isEqualTo("builder");
        assertThat(run.at("/process/user/name").asText()).isEqualTo("root");
        assertThat(run.at("/process/cmd_line").asText()).isEqualTo("/usr/bin/systemctl restart web");
        assertThat(run.at("/process/working_directory").asText()).isEqualTo("/srv/build");

        JsonNode failure = line("<85>Mar  1 09:30:01 ci4 sudo[5121]: pam_unix(sudo:auth): authentication failure;"
                + " logname=erin uid=1010 euid=0 tty=/dev/pts/2 ruser=erin rhost=  user=erin");
        assertLogon(failure, 2, "erin", null);
        assertThat(failure.at("/actor/user/name").asText()).isEqualTo("erin");
    }

    @Test
    void auditRecordsOfSudoSessionsAccountsServicesModulesAndWatchedFilesReachTheirClasses() throws Exception {
        JsonNode cmd = line("type=USER_CMD msg=audit(1772356502.094:7001): pid=3310 uid=1000 auid=1000 ses=7"
                + " msg='cwd=\"/home/erin\" cmd=\"whoami\" exe=\"/usr/bin/sudo\" terminal=pts/1 res=success'");
        assertThat(cmd.get("class_uid").asInt()).isEqualTo(1007);
        assertThat(cmd.at("/process/cmd_line").asText()).isEqualTo("whoami");
        assertThat(cmd.at("/process/working_directory").asText()).isEqualTo("/home/erin");
        assertThat(cmd.at("/actor/user/uid").asText()).isEqualTo("1000");
        assertStatus(cmd, 1);
        assertThat(cmd.get("time").asLong()).isEqualTo(1772356502094L);
        // a command holding a space is hex-encoded by auditd: read back as the text it was
        JsonNode hex = line(
                "type=USER_CMD msg=audit(1772356502.094:7002): pid=3311 uid=1000 auid=1000 ses=7"
                        + " msg='cwd=\"/\" cmd=636174202F6574632F736861646F77 exe=\"/usr/bin/sudo\" terminal=pts/1 res=failed'");
        assertThat(hex.get("class_uid").asInt()).isEqualTo(1007);
        assertThat(hex.at("/process/cmd_line").asText()).isEqualTo("cat /etc/shadow");
        assertThat(hex.at("/unmapped/cmd").asText()).isEqualTo("cat /etc/shadow");
        assertStatus(hex, 2);
        // an account name auditd hex-encoded (it holds a space), and a quoted one that only looks like hex
        JsonNode account = line("type=USER_AUTH msg=audit(1772356502.094:7004): pid=3313 uid=0 auid=4294967295"
                + " ses=4294967295 msg='op=PAM:authentication grantors=? acct=4A6F686E20446F65 exe=\"/usr/sbin/sshd\""
                + " hostname=? addr=198.51.100.41 terminal=ssh res=failed'");
        assertThat(account.at("/user/name").asText()).isEqualTo("John Doe");
        JsonNode quotedHex = line("type=USER_AUTH msg=audit(1772356502.094:7005): pid=3314 uid=0 auid=4294967295"
                + " ses=4294967295 msg='op=PAM:authentication grantors=? acct=\"cafe\" exe=\"/usr/sbin/sshd\""
                + " hostname=? addr=198.51.100.42 terminal=ssh res=failed'");
        assertThat(quotedHex.at("/user/name").asText()).isEqualTo("cafe");

        JsonNode start = line("type=USER_START msg=audit(1772356502.094:7003): pid=3312 uid=0 auid=1000 ses=8"
                + " msg='op=PAM:session_open acct=\"erin\" exe=\"/usr/sbin/sshd\" hostname=? addr=198.51.100.40"
                + " terminal=ssh res=success'");
        assertLogon(start, 1, "erin", "198.51.100.40");
        assertThat(start.at("/session/uid").asText()).isEqualTo("8");
        JsonNode end = line("type=USER_END msg=audit(1772356502.094:7004): pid=3312 uid=0 auid=1000 ses=8"
                + " msg='op=PAM:session_close acct=\"erin\" exe=\"/usr/sbin/sshd\" hostname=? addr=198.51.100.40"
                + " terminal=ssh res=success'");
        assertAuthentication(end, 2, "erin", "198.51.100.40");

        // auditd's enriched format appends the names of the ids
        JsonNode added = line("type=ADD_USER msg=audit(1772356502.094:7005): pid=3400 uid=0 auid=1000 ses=9"
                + " msg='op=add-user id=1201 exe=\"/usr/sbin/useradd\" hostname=app3 addr=? terminal=pts/0"
                + " res=success' UID=\"root\" AUID=\"opsadmin\" ID=\"svc_backup\"");
        assertThat(added.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(added.get("activity_id").asInt()).isEqualTo(1);
        assertThat(added.at("/user/name").asText()).isEqualTo("svc_backup");
        assertThat(added.at("/user/uid").asText()).isEqualTo("1201");
        assertThat(added.at("/actor/user/name").asText()).isEqualTo("opsadmin");
        assertStatus(added, 1);
        JsonNode home = line(
                "type=USER_MGMT msg=audit(1772356502.094:7006): pid=3400 uid=0 auid=1000 ses=9"
                        + " msg='op=add-home-dir id=1201 exe=\"/usr/sbin/useradd\" hostname=? addr=? terminal=pts/0 res=success'");
        assertThat(home.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(home.get("status_detail").asText()).isEqualTo("add-home-dir");

        JsonNode service = line("type=SERVICE_STOP msg=audit(1772356502.094:7007): pid=1 uid=0 auid=4294967295"
                + " ses=4294967295 msg='unit=sshd comm=\"systemd\" exe=\"/usr/lib/systemd/systemd\" hostname=?"
                + " addr=? terminal=? res=success'");
        assertThat(service.get("class_uid").asInt()).isEqualTo(6002);
        assertThat(service.get("activity_name").asText()).isEqualTo("Stop");
        assertThat(service.at("/app/name").asText()).isEqualTo("sshd");
        JsonNode pkg = line("type=SOFTWARE_UPDATE msg=audit(1772356502.094:7008): pid=5000 uid=0 auid=1000 ses=9"
                + " msg='sw=\"nmap-7.92-1.el9.x86_64\" sw_type=rpm key_enforce=0 gpg_res=1 root_dir=\"/\" comm=\"dnf\""
                + " exe=\"/usr/bin/python3.9\" hostname=? addr=? terminal=pts/0 res=success'");
        assertThat(pkg.get("class_uid").asInt()).isEqualTo(6002);
        assertThat(pkg.at("/app/name").asText()).isEqualTo("nmap-7.92-1.el9.x86_64");
        JsonNode module = line("type=KERN_MODULE msg=audit(1772356502.094:7009): name=\"rootkit_mod\"");
        assertThat(module.get("class_uid").asInt()).isEqualTo(1002);
        assertThat(module.get("activity_name").asText()).isEqualTo("Load");
        assertThat(module.at("/driver/file/name").asText()).isEqualTo("rootkit_mod");

        // a watched file created: the records of the event on one line, as Wazuh's agent ships them
        JsonNode created = line("type=SYSCALL msg=audit(1772356502.094:7010): arch=c000003e syscall=257"
                + " success=yes exit=3 a0=ffffff9c a1=7ffd1 a2=241 a3=1b6 items=2 ppid=2001 pid=2002 auid=1000"
                + " uid=0 gid=0 euid=0 tty=pts1 ses=9 comm=\"tee\" exe=\"/usr/bin/tee\" key=\"cron_watch\""
                + " type=CWD msg=audit(1772356502.094:7010): cwd=\"/root\" type=PATH msg=audit(1772356502.094:7010):"
                + " item=0 name=\"/etc/cron.d/\" inode=1 dev=fd:00 mode=040755 ouid=0 ogid=0 rdev=00:00 nametype=PARENT"
                + " type=PATH msg=audit(1772356502.094:7010): item=1 name=\"/etc/cron.d/persist\" inode=2 dev=fd:00"
                + " mode=0100644 ouid=0 ogid=0 rdev=00:00 nametype=CREATE");
        assertThat(created.get("class_uid").asInt()).isEqualTo(1001);
        assertThat(created.get("activity_name").asText()).isEqualTo("Create");
        assertThat(created.at("/file/path").asText()).isEqualTo("/etc/cron.d/persist");
        assertThat(created.at("/actor/process/file/path").asText()).isEqualTo("/usr/bin/tee");
        assertThat(created.get("status_detail").asText()).isEqualTo("cron_watch");
        assertStatus(created, 1);
        // the SYSCALL record on its own line: the program and the rule, without the file
        JsonNode unlink = line("type=SYSCALL msg=audit(1772356502.094:7011): arch=c000003e syscall=87 success=no"
                + " exit=-13 a0=7ffd2 items=1 ppid=2001 pid=2003 auid=1001 uid=1001 gid=1001 tty=pts2 ses=10"
                + " comm=\"rm\" exe=\"/usr/bin/rm\" key=\"shadow_watch\"");
        assertThat(unlink.get("class_uid").asInt()).isEqualTo(1001);
        assertThat(unlink.at("/actor/process/name").asText()).isEqualTo("rm");
        assertStatus(unlink, 2);
        // a system call on another architecture's numbers is not taken for a file access
        assertBaseEventOf(
                line("type=SYSCALL msg=audit(1772356502.094:7012): arch=c00000b7 syscall=87 success=yes exit=0"
                        + " a0=1 items=1 ppid=1 pid=2 auid=0 uid=0 comm=\"x\" exe=\"/usr/bin/x\" key=(null)"),
                "auditd");
    }

    @Test
    void accessLinesWithForwardedForListsUnreadableRequestsAndTheSslRequestLogAreHttpActivity() throws Exception {
        JsonNode forwarded = line("shop.example.net 192.0.2.10, 10.1.0.4 172.16.5.9 - - [01/Mar/2026:09:40:00 +0100]"
                + " \"GET /cart?id=7 HTTP/1.1\" 200 5120 \"-\" \"Mozilla/5.0 (X11; Linux x86_64)\"");
        assertThat(forwarded.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(forwarded.get("activity_id").asInt()).isEqualTo(3);
        assertThat(forwarded.at("/src_endpoint/ip").asText()).isEqualTo("172.16.5.9");
        assertThat(forwarded.at("/http_request/url/path").asText()).isEqualTo("/cart");
        assertThat(forwarded.at("/http_request/url/query_string").asText()).isEqualTo("id=7");
        assertThat(forwarded.at("/http_request/user_agent").asText()).isEqualTo("Mozilla/5.0 (X11; Linux x86_64)");
        assertThat(forwarded.at("/http_response/code").asInt()).isEqualTo(200);
        assertThat(forwarded.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T08:40:00Z"));

        // an injection attempt: Apache escapes the quotes of the request line, which stays a request
        JsonNode injection = line("203.0.113.91 - - [01/Mar/2026:09:40:30 +0000] \"GET /item?id=1'\\\"OR\\\"1\\\"=\\\"1"
                + " HTTP/1.1\" 200 310 \"-\" \"sqlmap/1.8\"");
        assertThat(injection.get("activity_id").asInt()).isEqualTo(3);
        assertThat(injection.at("/http_request/url/path").asText()).isEqualTo("/item");
        assertThat(injection.at("/http_request/url/query_string").asText()).isEqualTo("id=1'\\\"OR\\\"1\\\"=\\\"1");
        assertThat(injection.at("/http_request/user_agent").asText()).isEqualTo("sqlmap/1.8");

        JsonNode closed = line("203.0.113.90 - - [01/Mar/2026:09:41:00 +0000] \"-\" 408 -");
        assertThat(closed.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(closed.get("activity_id").asInt()).isEqualTo(99);
        assertThat(closed.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.90");
        assertThat(closed.at("/http_response/code").asInt()).isEqualTo(408);
        assertProduct(closed, "Web server");
        JsonNode handshake = line("<134>Mar  1 09:41:01 web7 nginx: 203.0.113.91 - - [01/Mar/2026:09:41:01 +0000]"
                + " \"\\x16\\x03\\x01\\x02\\x00\\x01\" 400 157 \"-\" \"-\"");
        assertThat(handshake.get("activity_id").asInt()).isEqualTo(99);
        assertThat(handshake.at("/http_response/code").asInt()).isEqualTo(400);

        JsonNode quoted = line("198.51.100.8 - - [01/Mar/2026:09:41:02 +0000] \"GET / HTTP/1.1\" 200 10 \"-\""
                + " \"probe \\\"v2\\\"\"");
        assertThat(quoted.at("/http_request/user_agent").asText()).isEqualTo("probe \\\"v2\\\"");

        JsonNode ssl = line("[01/Mar/2026:09:42:00 +0100] 198.51.100.61 TLSv1.3 TLS_AES_128_GCM_SHA256"
                + " \"POST /api/login HTTP/1.1\" 331");
        assertThat(ssl.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(ssl.get("activity_id").asInt()).isEqualTo(6);
        assertThat(ssl.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.61");
        assertThat(ssl.at("/tls/version").asText()).isEqualTo("TLSv1.3");
        assertThat(ssl.at("/tls/cipher").asText()).isEqualTo("TLS_AES_128_GCM_SHA256");
        assertThat(ssl.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T08:42:00Z"));
    }

    @Test
    void aClientWrittenAsANameOrWithAPortIsNotTakenForAnAddress() throws Exception {
        // HostnameLookups On: the client is a name, which is the source's hostname and no address
        JsonNode named = line("probe.example.com - - [02/Mar/2026:10:00:00 +0000] \"GET /health HTTP/1.1\" 200 17"
                + " \"-\" \"curl/8.5.0\"");
        assertThat(named.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(named.get("activity_id").asInt()).isEqualTo(3);
        assertThat(named.at("/src_endpoint/hostname").asText()).isEqualTo("probe.example.com");
        assertThat(named.at("/src_endpoint/ip").isMissingNode()).isTrue();
        assertThat(named.at("/http_request/url/path").asText()).isEqualTo("/health");
        assertThat(named.at("/http_response/code").asInt()).isEqualTo(200);
        // vhost_combined (%v:%p %h ...) with a named client that carries a port
        JsonNode vhost = line("www.example.com:443 gw.example.net:40022 - - [02/Mar/2026:10:00:01 +0000]"
                + " \"POST /login HTTP/1.1\" 302 0 \"-\" \"Mozilla/5.0\"");
        assertThat(vhost.get("activity_id").asInt()).isEqualTo(6);
        assertThat(vhost.at("/src_endpoint/hostname").asText()).isEqualTo("gw.example.net");
        assertThat(vhost.at("/src_endpoint/ip").isMissingNode()).isTrue();
        assertThat(vhost.at("/http_response/code").asInt()).isEqualTo(302);
        // an address with a port: the address alone is the source's address
        JsonNode withPort = line("198.51.100.23:8080 - - [02/Mar/2026:10:00:02 +0000] \"<script>x</script> /"
                + " HTTP/1.1\" 400 226 \"-\" \"-\"");
        assertThat(withPort.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(withPort.get("activity_id").asInt()).isEqualTo(99);
        assertThat(withPort.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.23");
        assertThat(withPort.at("/http_response/code").asInt()).isEqualTo(400);
        // neighbours: an IPv6 client and a virtual host before an address keep the address
        JsonNode v6 = line("2001:db8:40::17 - - [02/Mar/2026:10:00:03 +0000] \"GET / HTTP/1.1\" 200 5");
        assertThat(v6.at("/src_endpoint/ip").asText()).isEqualTo("2001:db8:40::17");
        assertThat(v6.at("/src_endpoint/hostname").isMissingNode()).isTrue();
        JsonNode vhostIp = line("www.example.com:80 203.0.113.44 - - [02/Mar/2026:10:00:04 +0000] \"GET /a HTTP/1.1\""
                + " 404 9 \"-\" \"-\"");
        assertThat(vhostIp.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.44");
        assertThat(vhostIp.at("/src_endpoint/hostname").isMissingNode()).isTrue();
    }

    @Test
    void iisLinesWithTheOptionalW3cFieldsAreHttpActivity() throws Exception {
        // host, bytes and a custom X-Forwarded-For field after time-taken
        JsonNode full = line("2026-03-01 09:50:00 W3SVC3 WEBFARM2 10.20.0.5 GET /portal/home.aspx tab=2 443"
                + " CORP\\frank 10.20.1.9 HTTP/2 Mozilla/5.0+(Windows+NT+10.0) ASP.NET_SessionId=abc123"
                + " https://portal.example.org/ portal.example.org 200 0 0 48213 912 31 198.51.100.200");
        assertThat(full.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(full.get("activity_id").asInt()).isEqualTo(3);
        assertProduct(full, "Internet Information Services");
        assertThat(full.at("/src_endpoint/ip").asText()).isEqualTo("10.20.1.9");
        assertThat(full.at("/dst_endpoint/ip").asText()).isEqualTo("10.20.0.5");
        assertThat(full.at("/device/hostname").asText()).isEqualTo("WEBFARM2");
        assertThat(full.at("/actor/user/name").asText()).isEqualTo("CORP\\frank");
        assertThat(full.at("/http_request/referrer").asText()).isEqualTo("https://portal.example.org/");
        assertThat(full.at("/http_request/url/hostname").asText()).isEqualTo("portal.example.org");
        assertThat(full.at("/traffic/bytes_in").asLong()).isEqualTo(48213);
        assertThat(full.at("/traffic/bytes_out").asLong()).isEqualTo(912);
        assertThat(full.get("duration").asLong()).isEqualTo(31);
        assertThat(full.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:50:00Z"));

        // the site name alone, no server address, the host after the user agent
        JsonNode site = line("2026-03-01 09:50:01 W3SVC1 GET /status - 80 - 10.20.1.10 curl/8.5.0 - status.local"
                + " 200 0 0 210 88 2");
        assertThat(site.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(site.at("/http_request/url/hostname").asText()).isEqualTo("status.local");
        assertThat(site.get("duration").asLong()).isEqualTo(2);

        // Exchange: the server's name and an IPv6 address with its zone, RPC over HTTP
        JsonNode exchange = line("2026-03-01 09:50:02 MBX01 fe80::1c2d:3e4f:5a6b:7c8d%12 RPC_IN_DATA"
                + " /rpc/rpcproxy.dll mbx01.corp.example:6001 443 CORP\\grace fe80::1c2d:3e4f:5a6b:7c8d%12 MSRPC"
                + " - 200 0 0 61011 10.30.0.7");
        assertThat(exchange.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(exchange.get("activity_id").asInt()).isEqualTo(99);
        assertThat(exchange.at("/http_request/http_method").asText()).isEqualTo("RPC_IN_DATA");
        assertThat(exchange.at("/src_endpoint/ip").asText()).isEqualTo("fe80::1c2d:3e4f:5a6b:7c8d");
        assertThat(exchange.get("duration").asLong()).isEqualTo(61011);
    }

    @Test
    void haproxyBadRequestsBareTcpLinesConnectionsAndHandshakeFailures() throws Exception {
        JsonNode bad = line("<134>Mar  1 10:00:00 lb2 haproxy[2100]: 192.0.2.150:40001 [01/Mar/2026:10:00:00.120]"
                + " fe_web~ fe_web/<NOSRV> -1/-1/-1/-1/0 400 0 - - PR-- 3/3/0/0/0 0/0 \"<BADREQ>\"");
        assertThat(bad.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(bad.get("activity_id").asInt()).isEqualTo(99);
        assertThat(bad.at("/http_response/code").asInt()).isEqualTo(400);
        assertThat(bad.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.150");

        JsonNode bare =
                line("10.9.0.4:51500 [01/Mar/2026:10:00:01.500] fe_pg be_pg/pg1 1/0/30011 8812 -- 4/4/1/1/0 0/0");
        assertThat(bare.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(bare.get("activity_id").asInt()).isEqualTo(2);
        // HAProxy's accept date is the event's time, with or without a syslog header
        assertThat(bare.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T10:00:01.500Z"));
        assertThat(bad.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T10:00:00.120Z"));
        assertProduct(bare, "HAProxy");
        assertThat(bare.at("/src_endpoint/ip").asText()).isEqualTo("10.9.0.4");
        assertThat(bare.at("/dst_endpoint/svc_name").asText()).isEqualTo("be_pg");

        JsonNode connect = line("<134>Mar  1 10:00:02 lb2 haproxy[2100]: Connect from 192.0.2.151:40002 to"
                + " 10.9.0.1:8443 (fe_admin/TCP)");
        assertThat(connect.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(connect.get("activity_id").asInt()).isEqualTo(1);
        assertThat(connect.at("/dst_endpoint/port").asInt()).isEqualTo(8443);

        JsonNode ssl = line("<134>Mar  1 10:00:03 lb2 haproxy[2100]: 192.0.2.152:40003 [01/Mar/2026:10:00:03.001]"
                + " fe_https/443: SSL handshake failure");
        assertThat(ssl.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(ssl.get("activity_id").asInt()).isEqualTo(4);
        assertStatus(ssl, 2);
        assertThat(ssl.get("status_detail").asText()).isEqualTo("SSL handshake failure");

        // a client on a UNIX socket (unix:listener id) or of unknown address (-:port) is still a request
        JsonNode unix = line("<134>Mar  1 10:00:04 lb2 haproxy[2100]: unix:1 [01/Mar/2026:10:00:04.010] fe_local"
                + " be_app/app1 0/0/1/12/13 200 512 - - ---- 1/1/0/0/0 0/0 \"GET /status HTTP/1.1\"");
        assertThat(unix.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(unix.get("activity_id").asInt()).isEqualTo(3);
        assertThat(unix.at("/http_response/code").asInt()).isEqualTo(200);
        assertThat(unix.at("/http_request/url/path").asText()).isEqualTo("/status");
        assertThat(unix.at("/src_endpoint/ip").isMissingNode()).isTrue();
        assertThat(unix.at("/src_endpoint/port").isMissingNode()).isTrue();
        JsonNode unknown = line("<134>Mar  1 10:00:05 lb2 haproxy[2100]: -:40200 [01/Mar/2026:10:00:05.010]"
                + " fe_web~ be_app/app2 0/0/0/20/20 401 210 - - ---- 2/2/0/0/0 0/0 \"POST /login HTTP/1.1\"");
        assertThat(unknown.get("activity_id").asInt()).isEqualTo(6);
        assertThat(unknown.at("/http_response/code").asInt()).isEqualTo(401);
        assertThat(unknown.at("/dst_endpoint/svc_name").asText()).isEqualTo("be_app");
        assertThat(unknown.at("/src_endpoint/ip").isMissingNode()).isTrue();
        // a word that is neither is not taken for a client
        assertBaseEventOf(
                line("<134>Mar  1 10:00:06 lb2 haproxy[2100]: proxy:1 [01/Mar/2026:10:00:06.010] fe_web be_app/app2"
                        + " 0/0/0/20/20 200 210 - - ---- 2/2/0/0/0 0/0 \"GET / HTTP/1.1\""),
                "HAProxy");
    }

    @Test
    void anApacheErrorLineWithAnIsoTimeIsReadAtItsTime() throws Exception {
        JsonNode iso = line("[2026-03-01 10:10:10.250000 +0100] [core:error] [pid 42:tid 140001] [client"
                + " 203.0.113.33:50110] AH00126: Invalid URI in request GET /..%2f..%2fetc/passwd HTTP/1.1");
        assertProduct(iso, "Apache HTTP Server");
        assertThat(iso.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:10:10.250Z"));
    }

    @Test
    void linesOfOtherProgramsThatLookAlikeAreNotClaimed() throws Exception {
        // another program's repeated message, another program's '+ tty a:b' and 'LOGIN ON'
        JsonNode repeat = line("<38>Mar  1 09:15:04 app9 myapp[12]: message repeated 2 times: [ Failed password"
                + " for root from 203.0.113.77 port 40113 ssh2]");
        assertThat(repeat.at("/metadata/product/name").asText()).isNotEqualTo("OpenSSH");
        JsonNode plus = line("<38>Mar  1 09:15:04 app9 backup[13]: + /dev/pts/1 job:done");
        assertThat(plus.get("class_uid").asInt()).isZero();
        // an application's line with a bracketed time and a TLS word is not mod_ssl's request log
        JsonNode app = line("[01/Mar/2026:09:42:00 +0100] worker TLSv1.3 handshake ok");
        assertThat(app.at("/metadata/product/name").asText()).isNotEqualTo("Web server");
        // a TCP-log-like line of another program without HAProxy's timers is not HAProxy's
        JsonNode other = line("10.9.0.4:51500 [01/Mar/2026:10:00:01.500] connected to upstream ok");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("HAProxy");
        // the Linux file does not take sudo's own lines, nor the sudo file sshd's
        assertProduct(line("<85>Mar  1 09:30:00 ci4 sudo[5120]: pam_unix(sudo:auth): conversation failed"), "sudo");
    }

    @Test
    void postfixDeliveryAttemptsAreEmailActivitySendWithTheirOutcome() throws Exception {
        JsonNode sent = line("<22>Mar  1 10:20:00 mx3 postfix/smtp[3301]: 7C1D2E3F4A: to=<ops@partner.example>,"
                + " relay=mail.partner.example[192.0.2.25]:25, delay=0.84, delays=0.05/0.01/0.3/0.48, dsn=2.0.0,"
                + " status=sent (250 2.0.0 Ok: queued as 9A8B7C)");
        assertThat(sent.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(sent.get("activity_name").asText()).isEqualTo("Send");
        assertProduct(sent, "Postfix");
        assertStatus(sent, 1);
        assertThat(sent.at("/email/smtp_to/0").asText()).isEqualTo("ops@partner.example");
        assertThat(sent.at("/dst_endpoint/ip").asText()).isEqualTo("192.0.2.25");
        assertThat(sent.at("/dst_endpoint/port").asInt()).isEqualTo(25);
        assertThat(sent.at("/dst_endpoint/hostname").asText()).isEqualTo("mail.partner.example");
        assertThat(sent.get("message_trace_uid").asText()).isEqualTo("7C1D2E3F4A");
        assertThat(sent.get("status_code").asText()).isEqualTo("2.0.0");
        assertThat(sent.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T10:20:00Z"));

        JsonNode deferred = line("<22>Mar  1 10:20:01 mx3 postfix/smtp[3302]: 7C1D2E3F4B: to=<x@slow.example>,"
                + " relay=none, delay=30, delays=30/0/0/0, dsn=4.4.1, status=deferred (connect to"
                + " mx.slow.example[198.51.100.99]:25: Connection timed out)");
        assertThat(deferred.get("class_uid").asInt()).isEqualTo(4009);
        assertStatus(deferred, 2);
        assertThat(deferred.at("/dst_endpoint/ip").isMissingNode()).isTrue();
        assertThat(deferred.get("status_detail").asText()).startsWith("connect to mx.slow.example");

        JsonNode local = line("<22>Mar  1 10:20:02 mx3 postfix/local[3303]: 7C1D2E3F4C: to=<root@mx3.example>,"
                + " orig_to=<root>, relay=local, delay=0.01, delays=0/0/0/0, dsn=5.1.1, status=bounced (unknown user:"
                + " \"root\")");
        assertThat(local.get("class_uid").asInt()).isEqualTo(4009);
        assertStatus(local, 2);
        // the queue manager's lines stay unclaimed
        assertThat(line("<22>Mar  1 10:20:03 mx3 postfix/qmgr[3304]: 7C1D2E3F4C: removed")
                        .at("/metadata/product/name")
                        .asText())
                .isNotEqualTo("Postfix");
    }

    @Test
    void postgresqlCsvLogLoginsAreAuthenticationWithTheClientAndSqlState() throws Exception {
        JsonNode failed = line("2026-03-01 10:30:00.250 UTC,\"app_ro\",\"billing\",7101,\"198.51.100.70:55012\","
                + "65e1a2b3.1bbd,1,\"authentication\",2026-03-01 10:30:00 UTC,4/12,0,FATAL,28P01,"
                + "\"password authentication failed for user \"\"app_ro\"\"\",\"Connection matched pg_hba.conf line"
                + " 12: \"\"host all all 0.0.0.0/0 scram-sha-256\"\"\",,,,,,,,\"\",\"client backend\",,0");
        assertLogon(failed, 2, "app_ro", "198.51.100.70");
        assertProduct(failed, "PostgreSQL");
        assertThat(failed.at("/src_endpoint/port").asInt()).isEqualTo(55012);
        assertThat(failed.get("status_code").asText()).isEqualTo("28P01");
        assertThat(failed.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T10:30:00.250Z"));

        JsonNode role = line("2026-03-01 10:30:01.000 UTC,\"ghost\",\"postgres\",7102,\"198.51.100.71:55013\","
                + "65e1a2b3.1bbe,1,\"authentication\",2026-03-01 10:30:01 UTC,4/13,0,FATAL,28000,"
                + "\"role \"\"ghost\"\" does not exist\",,,,,,,,,\"\",\"client backend\",,0");
        assertLogon(role, 2, "ghost", "198.51.100.71");

        JsonNode authorized = line("2026-03-01 10:30:02.000 UTC,\"etl\",\"dw\",7103,\"[local]\",65e1a2b3.1bbf,2,"
                + "\"authentication\",2026-03-01 10:30:02 UTC,3/1,0,LOG,00000,\"connection authorized: user=etl"
                + " database=dw application_name=psql\",,,,,,,,,\"\",\"client backend\",,0");
        assertLogon(authorized, 1, "etl", null);
        JsonNode ended = line("2026-03-01 10:40:02.000 UTC,\"etl\",\"dw\",7103,\"[local]\",65e1a2b3.1bbf,3,"
                + "\"idle\",2026-03-01 10:30:02 UTC,,0,LOG,00000,\"disconnection: session time: 0:10:00.001 user=etl"
                + " database=dw host=[local]\",,,,,,,,,\"psql\",\"client backend\",,0");
        assertAuthentication(ended, 2, "etl", null);
        // another server message of the CSV log stays a Base Event of PostgreSQL
        assertBaseEventOf(
                line("2026-03-01 10:30:03.000 UTC,,,7000,,65e1a2b3.1b58,1,,2026-03-01 10:00:00 UTC,,0,LOG,00000,"
                        + "\"checkpoint starting: time\",,,,,,,,,\"\",\"checkpointer\",,0"),
                "PostgreSQL");
    }
}
