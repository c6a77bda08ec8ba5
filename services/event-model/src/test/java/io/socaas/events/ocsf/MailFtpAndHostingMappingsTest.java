package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAuthentication;
import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The mapping files of mail servers (Dovecot, Postfix, Exim), FTP servers (vsftpd, ProFTPD,
 * Pure-FTPd) and the cPanel login log: real lines (from the shared corpus, Wazuh's ruleset tests)
 * and lines written from each daemon's documented format become OCSF Authentication (3002) with the
 * outcome, user and client address; lines of the same programs that are no login stay Base Events,
 * and other programs' lines with the same words are not claimed. An IPv4-mapped address
 * ({@code ::ffff:1.2.3.4}) is read as the IPv4 address it carries (stripped).
 */
class MailFtpAndHostingMappingsTest {

    private static void assertLogoff(JsonNode r, String user, String srcIp) {
        assertAuthentication(r, 2, user, srcIp);
        assertThat(r.get("activity_name").asText()).isEqualTo("Logoff");
    }

    private static void assertProduct(JsonNode r, String product, String vendor) {
        MappedRecords.assertProduct(r, product);
        assertThat(r.at("/metadata/product/vendor_name").asText())
                .as("vendor of %s", r)
                .isEqualTo(vendor);
    }

    /** A line the product's file must not claim, and no other file maps: a Base Event of another product. */
    /** Email Activity: mail refused inbound at the SMTP dialogue, with the client and the envelope. */
    private static void assertRefusedMail(JsonNode r, String srcIp, String from, String to, String command) {
        assertThat(r.get("class_uid").asInt()).as("class of %s", r).isEqualTo(4009);
        assertDenied(r);
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo(srcIp);
        assertThat(
                        r.at("/email/smtp_from").isMissingNode()
                                ? null
                                : r.at("/email/smtp_from").asText())
                .isEqualTo(from);
        assertThat(
                        r.at("/email/smtp_to/0").isMissingNode()
                                ? null
                                : r.at("/email/smtp_to/0").asText())
                .isEqualTo(to);
        assertThat(r.get("command").asText()).isEqualTo(command);
        assertProduct(r, "Exim", "Exim");
    }

    private static void assertNotClaimedAs(JsonNode r, String product) {
        assertThat(r.at("/metadata/product/name").asText())
                .as("product of %s", r)
                .isNotEqualTo(product);
        assertThat(r.get("class_uid").asInt()).as("class of %s", r).isEqualTo(0);
    }

    @Test
    void dovecotCorpusLines() throws Exception {
        JsonNode disconnected = line("Dec 19 06:21:06 ny dovecot: imap-login: Disconnected (auth failed, 7 attempts"
                + " in 111 secs): user=<thousands>, method=PLAIN, rip=109.201.200.201, lip=67.205.141.203,"
                + " session=<+hgd5vxDBMZtycjJ>");
        assertProduct(disconnected, "Dovecot", "Dovecot");
        assertLogon(disconnected, 2, "thousands", "109.201.200.201");
        assertThat(disconnected.get("auth_protocol").asText()).isEqualTo("PLAIN");
        assertThat(disconnected.get("status_detail").asText()).isEqualTo("auth failed, 7 attempts in 111 secs");
        assertThat(disconnected.at("/device/hostname").asText()).isEqualTo("ny");
        assertThat(disconnected.at("/dst_endpoint/ip").asText()).isEqualTo("67.205.141.203");
        assertThat(disconnected.at("/service/name").asText()).isEqualTo("imap");

        JsonNode unknown = line(
                "Jan 11 03:45:09 hostname dovecot: auth-worker(default): sql(username,1.2.3.4):" + " unknown user");
        assertLogon(unknown, 2, "username", "1.2.3.4");
        assertThat(unknown.get("status_detail").asText()).isEqualTo("unknown user");
        assertThat(unknown.at("/device/hostname").asText()).isEqualTo("hostname");

        JsonNode pam = line("Jan 11 03:42:09 hostname dovecot: auth(default): pam(user@example.com,1.2.3.4):"
                + " pam_authenticate() failed: User not known to the underlying authentication module");
        assertLogon(pam, 2, "user@example.com", "1.2.3.4");
        assertThat(pam.get("status_detail").asText())
                .isEqualTo("pam_authenticate() failed: User not known to the underlying authentication module");

        assertLogon(
                line("Jan 11 03:42:09 hostname dovecot: auth-worker(default): sql(user@example.com,1.2.3.4):"
                        + " Password mismatch"),
                2,
                "user@example.com",
                "1.2.3.4");
        assertLogon(
                line("Jan 30 09:37:55 hostname dovecot: pop3-login: Aborted login: user=<username>, method=PLAIN,"
                        + " rip=::ffff:1.2.3.4, lip=::ffff:1.2.3.5"),
                2,
                "username",
                "1.2.3.4");

        // Dovecot 1.x's own log file: no program, the level first; the IPv4-mapped address is stripped
        JsonNode login = line("Jun 23 15:04:05 Info: imap-login: Login: user=<username>, method=PLAIN,"
                + " rip=1.2.3.4, lip=1.2.3.5 Authentication Failure:");
        assertProduct(login, "Dovecot", "Dovecot");
        assertLogon(login, 1, "username", "1.2.3.4");
        assertThat(login.at("/device/hostname").isMissingNode()).isTrue();
        assertLogon(
                line("May 31 09:43:57 Info: pop3-login: Aborted login (1 authentication attempts):"
                        + " user=<username>, method=PLAIN, rip=::ffff:1.2.3.4, lip=::ffff:1.2.3.5, secured"),
                2,
                "username",
                "1.2.3.4");
        assertLogon(
                line("Mar 13 15:25:07 Info: auth(default): pam(user@example.com,::ffff:1.2.3.4):"
                        + " pam_authenticate() failed: User not known to the underlying authentication module"),
                2,
                "user@example.com",
                "1.2.3.4");
        assertLogon(
                line("Mar 13 15:25:07 Info: auth(default): passwd-file(user@example.com,::ffff:1.2.3.4):"
                        + " unknown user"),
                2,
                "user@example.com",
                "1.2.3.4");
        JsonNode userdb = line("Jan 07 14:46:28 Warn: auth(default): userdb(username,::ffff:127.0.0.1): user not"
                + " found from userdb");
        assertLogon(userdb, 2, "username", "127.0.0.1");
        assertThat(userdb.get("status_detail").asText()).isEqualTo("user not found from userdb");
        JsonNode logout = line("Jun 23 15:04:06 Info: IMAP(username): Disconnected: Logged out bytes=59/566");
        assertLogoff(logout, "username", null);
        assertThat(logout.get("status_detail").asText()).isEqualTo("Disconnected: Logged out");

        // Dovecot's lines that are no login: start, fatal errors (a connection closed before any login is
        // Network Activity, below)
        assertBaseEventOf(
                line("Jun 17 10:15:24 hostname dovecot: Dovecot v1.2.rc3 starting up (core dumps disabled)"),
                "Dovecot");
        assertBaseEventOf(
                line("Jun 17 10:15:24 hostname dovecot: Fatal: auth(default): Support not compiled in for passdb"
                        + " driver 'ldap'"),
                "Dovecot");
        assertBaseEventOf(
                line("Jun 17 10:15:24 hostname dovecot: Fatal: Auth process died too early - shutting down"),
                "Dovecot");
        // corpus (Wazuh dovecot): Dovecot 1.x's login process, the client gone without logging in
        assertFlow(
                line("Jul  4 17:30:51 hostname dovecot[2992]: pop3-login: Disconnected: rip=1.2.3.4," + " lip=1.2.3.5"),
                2,
                "1.2.3.4",
                null,
                "1.2.3.5",
                null);
    }

    @Test
    void dovecotDocumentedFormats() throws Exception {
        // Dovecot 2.3 through syslog: pid, IPv6, mpid/TLS/session after the addresses
        JsonNode login = line("Mar  1 09:59:01 mail dovecot[1234]: imap-login: Login: user=<john.doe@example.com>,"
                + " method=PLAIN, rip=2001:db8::25, lip=2001:db8::1, mpid=23456, TLS, session=<AbCdEfGh12>");
        assertLogon(login, 1, "john.doe@example.com", "2001:db8::25");
        assertThat(login.get("auth_protocol").asText()).isEqualTo("PLAIN");
        assertThat(login.at("/device/hostname").asText()).isEqualTo("mail");
        assertThat(login.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:59:01Z"));

        // 2.3.18 and later: "Login aborted: <reason> (auth failed, ...) (<code>)"
        JsonNode aborted = line("Mar  1 09:59:02 mail dovecot[1234]: imap-login: Login aborted: Connection closed"
                + " (auth failed, 3 attempts in 15 secs) (auth_failed): user=<jane@example.org>, method=PLAIN,"
                + " rip=198.51.100.7, lip=192.0.2.1, TLS, session=<x>");
        assertLogon(aborted, 2, "jane@example.org", "198.51.100.7");
        assertThat(aborted.get("status_detail").asText()).isEqualTo("auth failed, 3 attempts in 15 secs");
        assertLogon(
                line("Mar  1 09:59:02 mail dovecot: pop3-login: Disconnected: Inactivity (auth failed, 1 attempts"
                        + " in 180 secs): user=<ops.team>, method=LOGIN, rip=203.0.113.4, lip=192.0.2.1, session=<y>"),
                2,
                "ops.team",
                "203.0.113.4");

        // the auth process of 2.3: the session id in the parenthesis
        assertLogon(
                line("Mar  1 09:59:03 mail dovecot[1234]: auth: passwd-file(mallory@example.org,203.0.113.9,"
                        + "<Qw3rTy>): unknown user"),
                2,
                "mallory@example.org",
                "203.0.113.9");
        assertLogon(
                line("Mar  1 09:59:04 mail dovecot[1234]: auth-worker(5678): pam(alice,2001:db8::9,<abc>):"
                        + " pam_authenticate() failed: Authentication failure (password mismatch?)"),
                2,
                "alice",
                "2001:db8::9");
        // later 2.3 releases name the auth worker's connection before the lookup
        JsonNode worker = line("Mar  1 09:59:04 mail dovecot: auth-worker(5678): conn unix:auth-worker"
                + " (pid=4321,uid=97): auth-worker<2>: sql(ops@example.com,198.51.100.9,<Zx9>): Password mismatch");
        assertLogon(worker, 2, "ops@example.com", "198.51.100.9");
        assertThat(worker.get("status_detail").asText()).isEqualTo("Password mismatch");

        // Dovecot 2.x's own log file: the process as the program, the level after it
        JsonNode fileLogin = line("Mar  1 09:59:05 imap-login: Info: Login: user=<bob>, method=PLAIN,"
                + " rip=192.0.2.44, lip=192.0.2.1, mpid=99, secured, session=<s>");
        assertProduct(fileLogin, "Dovecot", "Dovecot");
        assertLogon(fileLogin, 1, "bob", "192.0.2.44");
        assertLogon(
                line("Mar  1 09:59:07 auth: Info: passwd-file(carol,192.0.2.45): Password mismatch"),
                2,
                "carol",
                "192.0.2.45");
        assertLogon(
                line("Mar  1 09:59:07 auth-worker(4321): Info: sql(dave@example.com,192.0.2.46): unknown user"),
                2,
                "dave@example.com",
                "192.0.2.46");
        assertLogoff(
                line("Mar  1 09:59:06 imap(bob)<99><s>: Info: Logged out in=123 out=456 deleted=0 expunged=0"),
                "bob",
                null);

        // session ends through syslog (2.3 with pid and session, POP3)
        assertLogoff(
                line("Mar  1 09:59:08 mail dovecot: imap(john.doe@example.com)<23456><AbCdEfGh12>: Disconnected:"
                        + " Logged out in=79 out=1030"),
                "john.doe@example.com",
                null);
        assertLogoff(
                line("Mar  1 09:59:09 mail dovecot: pop3(jane): Disconnected: Logged out top=0/0, retr=0/0,"
                        + " del=0/1, size=1234"),
                "jane",
                null);

        // no login was attempted: no Authentication, a connection closed with the reason (also after 2.3's
        // "Connection closed")
        JsonNode noAuth = line("Mar  1 09:59:10 mail dovecot: imap-login: Disconnected (no auth attempts in 0 secs):"
                + " user=<>, rip=198.51.100.7, lip=192.0.2.1, session=<x>");
        assertFlow(noAuth, 2, "198.51.100.7", null, "192.0.2.1", null);
        assertThat(noAuth.get("status_detail").asText()).isEqualTo("no auth attempts in 0 secs");
        assertThat(noAuth.get("app_name").asText()).isEqualTo("imap");
        assertFlow(
                line("Mar  1 09:59:10 mail dovecot: pop3-login: Disconnected: Connection closed (disconnected"
                        + " before greeting, waited 0 secs): user=<>, rip=2001:db8::7, lip=2001:db8::1, TLS,"
                        + " session=<y>"),
                2,
                "2001:db8::7",
                null,
                "2001:db8::1",
                null);
        assertBaseEventOf(
                line("Mar  1 09:59:10 mail dovecot: imap-login: Aborted login (no auth attempts in 0 secs):"
                        + " user=<>, rip=198.51.100.7, lip=192.0.2.1, session=<x>"),
                "Dovecot");
        assertBaseEventOf(line("Mar  1 09:59:10 mail dovecot: lmtp(jane)<1><s>: Disconnected: Logged out"), "Dovecot");
        // another program with Dovecot's words, and another program's log file line with a level
        assertNotClaimedAs(
                line("Mar  1 09:59:11 mail someapp: imap-login: Login: user=<eve>, method=PLAIN, rip=1.2.3.4,"
                        + " lip=5.6.7.8"),
                "Dovecot");
        assertNotClaimedAs(line("Mar  1 09:59:12 Info: backup finished: user=<eve>, rip=1.2.3.4"), "Dovecot");
        assertNotClaimedAs(line("Mar  1 09:59:12 mail auth: session opened for user eve"), "Dovecot");
    }

    @Test
    void postfixSaslLogins() throws Exception {
        JsonNode failed = line("Mar  1 10:00:00 mx1 postfix/smtpd[123]: warning: unknown[1.2.3.4]: SASL LOGIN"
                + " authentication failed: UGFzc3dvcmQ6");
        assertProduct(failed, "Postfix", "Postfix");
        assertLogon(failed, 2, null, "1.2.3.4");
        assertThat(failed.get("auth_protocol").asText()).isEqualTo("LOGIN");
        assertThat(failed.get("status_detail").asText()).isEqualTo("UGFzc3dvcmQ6");
        assertThat(failed.at("/device/hostname").asText()).isEqualTo("mx1");

        // Postfix 3.x names the user; another master.cf service; IPv6
        JsonNode named = line("Mar  1 10:00:01 mx1 postfix/submission/smtpd[124]: warning: unknown[2001:db8::7]:"
                + " SASL PLAIN authentication failed: authentication failure, sasl_username=john.doe@example.com");
        assertLogon(named, 2, "john.doe@example.com", "2001:db8::7");
        assertThat(named.get("status_detail").asText()).isEqualTo("authentication failure");

        // accepted from an authenticated client, with smtpd_client_port_logging
        JsonNode accepted = line("Mar  1 10:00:02 mx1 postfix/smtps/smtpd[125]: 4Xy7Zp1abcz9vKm:"
                + " client=mail-host.example.net[198.51.100.23]:54012, sasl_method=PLAIN,"
                + " sasl_username=jane@example.org");
        assertLogon(accepted, 1, "jane@example.org", "198.51.100.23");
        assertThat(accepted.at("/src_endpoint/port").asInt()).isEqualTo(54012);
        assertThat(accepted.get("auth_protocol").asText()).isEqualTo("PLAIN");
        JsonNode instance = line("Mar  1 10:00:03 mx1 postfix-out/smtpd[126]: 3F2A81C0B2: client=unknown[203.0.113.5],"
                + " sasl_method=LOGIN, sasl_username=bob");
        assertLogon(instance, 1, "bob", "203.0.113.5");
        assertThat(instance.at("/src_endpoint/port").isMissingNode()).isTrue();

        // an smtpd line that is no login and no connection stays a Base Event of Postfix
        assertBaseEventOf(
                line("Mar  1 10:00:04 mx1 postfix/smtpd[126]: 3F2A81C0B3: client=unknown[203.0.113.5]"), "Postfix");
        // Postfix programs other than smtpd and postscreen are not claimed
        assertNotClaimedAs(
                line("Mar  1 10:00:04 mx1 postfix/qmgr[127]: 3F2A81C0B3: from=<a@example.com>, size=1000, nrcpt=1"),
                "Postfix");
        assertNotClaimedAs(
                line("Mar  1 10:00:06 mx1 saslauthd[99]: warning: unknown[1.2.3.4]: SASL LOGIN authentication"
                        + " failed: x"),
                "Postfix");
    }

    @Test
    void postfixRefusedMailIsEmailActivityDeniedAndConnectionsAreNetworkActivity() throws Exception {
        // written from Postfix's smtpd reject format: a relay attempt, with the whole envelope
        JsonNode relay =
                line("Mar  1 10:00:00 mx1 postfix/smtpd[1234]: NOQUEUE: reject: RCPT from unknown[203.0.113.7]:"
                        + " 554 5.7.1 <victim@example.net>: Relay access denied; from=<spammer@example.com>"
                        + " to=<victim@example.net> proto=ESMTP helo=<win-abc>");
        assertThat(relay.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(relay.get("activity_name").asText()).isEqualTo("Receive");
        assertThat(relay.get("action").asText()).isEqualTo("Denied");
        assertThat(relay.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.7");
        assertThat(relay.at("/src_endpoint/hostname").asText()).isEqualTo("unknown");
        assertThat(relay.at("/email/smtp_from").asText()).isEqualTo("spammer@example.com");
        assertThat(relay.at("/email/smtp_to/0").asText()).isEqualTo("victim@example.net");
        assertThat(relay.get("smtp_hello").asText()).isEqualTo("win-abc");
        assertThat(relay.get("command").asText()).isEqualTo("RCPT");
        assertThat(relay.get("status_code").asText()).isEqualTo("554");
        assertThat(relay.get("status_detail").asText()).isEqualTo("<victim@example.net>: Relay access denied");
        assertProduct(relay, "Postfix", "Postfix");
        // postscreen (corpus, completed after postscreen's format): a DNS blocklist, the reason holds ';'
        JsonNode listed = line(
                "May  8 08:26:55 mail postfix/postscreen[22055]: NOQUEUE: reject: RCPT from"
                        + " [157.122.148.242]:47407: 550 5.7.1 Service unavailable; client [157.122.148.242] blocked using"
                        + " bl.spamcop.net; from=<x@spam.example>, to=<user@example.org>, proto=ESMTP, helo=<mail.spam.example>");
        assertThat(listed.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(listed.at("/src_endpoint/ip").asText()).isEqualTo("157.122.148.242");
        assertThat(listed.at("/src_endpoint/port").asInt()).isEqualTo(47407);
        assertThat(listed.at("/src_endpoint/hostname").isMissingNode()).isTrue();
        assertThat(listed.get("status_detail").asText())
                .isEqualTo("Service unavailable; client [157.122.148.242] blocked using bl.spamcop.net");
        assertThat(listed.at("/email/smtp_to/0").asText()).isEqualTo("user@example.org");
        assertThat(listed.get("smtp_hello").asText()).isEqualTo("mail.spam.example");
        // the corpus line as Wazuh has it, cut short: still refused mail from the client
        JsonNode cut = line("May  8 08:26:55 mail postfix/postscreen[22055]: NOQUEUE: reject: RCPT from"
                + " [157.122.148.242]:47407: 550 5.7.1 Service unavailable; client [157.122.148.242] blocked using"
                + " bl.spamcop.net; f$");
        assertThat(cut.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(cut.has("email")).isFalse();

        // corpus (logstash) and documented: connections and lost connections
        JsonNode connect =
                line("Mar 16 00:01:25 evita postfix/smtpd[1713]: connect from camomile.cloud9.net[168.100.1.3]");
        assertThat(connect.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(connect.get("activity_id").asInt()).isEqualTo(1);
        assertThat(connect.at("/src_endpoint/hostname").asText()).isEqualTo("camomile.cloud9.net");
        assertThat(connect.at("/src_endpoint/ip").asText()).isEqualTo("168.100.1.3");
        JsonNode lost =
                line("Mar  1 10:00:05 mx1 postfix/smtpd[126]: lost connection after AUTH from unknown[203.0.113.5]");
        assertThat(lost.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(lost.get("activity_id").asInt()).isEqualTo(2);
        assertThat(lost.get("status_detail").asText()).isEqualTo("lost connection after AUTH");
        assertThat(line("Mar  1 10:00:05 mx1 postfix/smtpd[126]: disconnect from unknown[203.0.113.5] ehlo=1 auth=0/1"
                                + " commands=1/2")
                        .get("activity_id")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void eximAuthenticatorsFromTheLogFileAndSyslog() throws Exception {
        // corpus: the main log's own lines (no syslog header; the authenticator where a host would be)
        JsonNode failed = line("2017-01-23 03:44:14 dovecot_login authenticator failed for (hydra)"
                + " [10.101.1.18]:35686: 535 Incorrect authentication data (set_id=user)");
        assertProduct(failed, "Exim", "Exim");
        assertLogon(failed, 2, "user", "10.101.1.18");
        assertThat(failed.at("/src_endpoint/port").asInt()).isEqualTo(35686);
        assertThat(failed.get("auth_protocol").asText()).isEqualTo("dovecot_login");
        assertThat(failed.get("status_detail").asText()).isEqualTo("535 Incorrect authentication data");
        assertThat(failed.at("/device/hostname").isMissingNode()).isTrue();
        assertThat(failed.get("time").asLong()).isEqualTo(epochMillis("2017-01-23T03:44:14Z"));
        JsonNode ipv6 = line("2017-01-24 05:22:29 dovecot_plain authenticator failed for (test) [::1]:39454: 535"
                + " Incorrect authentication data (set_id=test)");
        assertLogon(ipv6, 2, "test", "::1");
        assertThat(ipv6.get("auth_protocol").asText()).isEqualTo("dovecot_plain");

        // documented formats: syslog with the host name and interface; the file with log_selector +pid
        JsonNode syslog = line("Mar  1 10:05:00 mail exim[2345]: login authenticator failed for mail.example.net"
                + " (EHLO-name) [198.51.100.40]:51234 I=[192.0.2.10]:587: 535 Incorrect authentication data"
                + " (set_id=info@example.com)");
        assertLogon(syslog, 2, "info@example.com", "198.51.100.40");
        assertThat(syslog.get("auth_protocol").asText()).isEqualTo("login");
        assertThat(syslog.at("/src_endpoint/hostname").asText()).isEqualTo("mail.example.net");
        assertThat(syslog.at("/device/hostname").asText()).isEqualTo("mail");
        JsonNode withPid = line("2024-03-01 10:05:01 [2345] plain_server authenticator failed for H=(User)"
                + " [2001:db8::40]:51235: 535 Incorrect authentication data (set_id=admin)");
        assertLogon(withPid, 2, "admin", "2001:db8::40");
        assertThat(withPid.get("auth_protocol").asText()).isEqualTo("plain_server");
        assertLogon(
                line("2024-03-01 10:05:01 dovecot_login authenticator failed for (x) [203.0.113.61]:1234: 435"
                        + " Unable to authenticate at present"),
                2,
                null,
                "203.0.113.61");

        // a message received from an authenticated client
        JsonNode accepted = line("2024-03-01 10:05:02 1rg8Tq-0004Xy-Ab <= jane@example.org H=(laptop)"
                + " [198.51.100.41]:51300 P=esmtpsa X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no"
                + " A=dovecot_login:jane@example.org S=2345 id=abc@laptop");
        assertLogon(accepted, 1, "jane@example.org", "198.51.100.41");
        assertThat(accepted.get("auth_protocol").asText()).isEqualTo("dovecot_login");
        assertThat(accepted.at("/src_endpoint/port").asInt()).isEqualTo(51300);
        JsonNode viaSyslog = line("Mar  1 10:05:03 mail exim4[2346]: 1rg8Tq-0004Xy-Ac <= bob@example.com"
                + " H=client.example.net [203.0.113.60]:40000 P=esmtpa A=plain:bob S=1200 id=x@y T=\"hello\"");
        assertLogon(viaSyslog, 1, "bob", "203.0.113.60");
        assertThat(viaSyslog.at("/device/hostname").asText()).isEqualTo("mail");

        // no authentication: an unauthenticated message whose subject holds "A=" is a message received
        JsonNode unauthenticated = line("2024-03-01 10:05:04 1rg8Tq-0004Xy-Ad <= eve@evil.example H=(x)"
                + " [203.0.113.66]:1 P=esmtp S=100 id=z T=\"hi A=dovecot_login:admin\"");
        assertThat(unauthenticated.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(unauthenticated.at("/email/smtp_from").asText()).isEqualTo("eve@evil.example");
        assertThat(unauthenticated.at("/user/name").isMissingNode()).isTrue();
        assertBaseEventOf(line("Mar  1 10:05:05 mail exim[2347]: Start queue run: pid=2400"), "Exim");
    }

    @Test
    void eximMainLogMessagesReceivedDeliveredDeferredAndBouncedAreEmailActivity() throws Exception {
        // Exim's main log (exim_mainlog, /var/log/exim4/mainlog): message arrivals and deliveries by message id
        JsonNode received = line("2026-03-01 10:00:01 1vRf2K-0003aB-7Q <= alice@example.com H=client.example.com"
                + " (laptop) [198.51.100.7]:50000 P=esmtps X=TLS1.3:TLS_AES_128_GCM_SHA256:128 CV=no S=2345"
                + " id=4f2a@laptop.example.com T=\"Quarterly report\"");
        assertProduct(received, "Exim", "Exim");
        assertThat(received.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(received.get("activity_id").asInt()).isEqualTo(2);
        assertThat(received.at("/email/smtp_from").asText()).isEqualTo("alice@example.com");
        assertThat(received.at("/email/subject").asText()).isEqualTo("Quarterly report");
        assertThat(received.at("/email/message_uid").asText()).isEqualTo("4f2a@laptop.example.com");
        assertThat(received.at("/email/size").asInt()).isEqualTo(2345);
        assertThat(received.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.7");
        assertThat(received.get("message_trace_uid").asText()).isEqualTo("1vRf2K-0003aB-7Q");
        assertThat(received.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T10:00:01Z"));

        JsonNode delivered = line("2026-03-01 10:00:02 1vRf2K-0003aB-7Q => bob@example.org R=dnslookup"
                + " T=remote_smtp H=mx.example.org [198.51.100.25] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes"
                + " C=\"250 2.0.0 Ok: queued as 4Xy\" QT=1s DT=0s");
        assertThat(delivered.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(delivered.get("activity_id").asInt()).isEqualTo(1);
        assertThat(delivered.get("status_id").asInt()).isEqualTo(1);
        assertThat(delivered.at("/email/smtp_to/0").asText()).isEqualTo("bob@example.org");
        assertThat(delivered.at("/dst_endpoint/ip").asText()).isEqualTo("198.51.100.25");
        assertThat(delivered.get("status_detail").asText()).isEqualTo("250 2.0.0 Ok: queued as 4Xy");

        // a bounce: the reason after the router (a local alias) or after the remote server's answer
        JsonNode unknownAlias = line("2026-03-01 10:00:03 1vRf2K-0003aB-7Q ** info@example.net"
                + " R=virtual_aliases: No such person at this address.");
        assertThat(unknownAlias.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(unknownAlias.get("status_id").asInt()).isEqualTo(2);
        assertThat(unknownAlias.at("/email/smtp_to/0").asText()).isEqualTo("info@example.net");
        assertThat(unknownAlias.get("status_detail").asText()).isEqualTo("No such person at this address.");
        JsonNode refused = line(
                "2026-03-01 10:00:03 1vRf2K-0003aB-7Q ** carol@example.org <carol@example.org>"
                        + " R=dnslookup T=remote_smtp H=mx.example.org [198.51.100.25] X=TLS1.2:ECDHE-RSA-AES256-GCM-SHA384:256"
                        + " CV=yes: SMTP error from remote mail server after RCPT TO:<carol@example.org>: 550 5.1.1 User unknown");
        assertThat(refused.get("status_id").asInt()).isEqualTo(2);
        assertThat(refused.get("status_detail").asText()).endsWith("550 5.1.1 User unknown");

        JsonNode deferred = line("Mar  1 10:00:04 mail exim[2345]: 1vRf2K-0003aB-7Q == dave@example.net"
                + " R=dnslookup T=remote_smtp defer (-44) H=mx.example.net [203.0.113.25]: SMTP error from remote"
                + " mail server after RCPT TO:<dave@example.net>: 451 4.7.1 Greylisted, try again later");
        assertThat(deferred.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(deferred.get("status_id").asInt()).isEqualTo(2);
        assertThat(deferred.get("status_detail").asText()).endsWith("451 4.7.1 Greylisted, try again later");
        assertThat(deferred.at("/device/hostname").asText()).isEqualTo("mail");

        // the end of a message's deliveries, and another program's line with an arrow, are not claimed as mail
        assertBaseEventOf(line("2026-03-01 10:00:05 1vRf2K-0003aB-7Q Completed"), "Exim");
        assertThat(line("2026-03-01 10:00:05 worker-queue-01 => job 42 done")
                        .at("/metadata/product/name")
                        .asText())
                .isNotEqualTo("Exim");
    }

    @Test
    void eximConnectionsAndRefusedMailWithAndWithoutThePid() throws Exception {
        // corpus (Wazuh's exim tests): file lines without the pid, whose first word is Exim's own
        JsonNode open =
                line("2017-01-24 03:09:46 SMTP connection from [10.101.1.10]:55010 (TCP/IP connection count =" + " 1)");
        assertFlow(open, 1, "10.101.1.10", 55010, "", null);
        assertProduct(open, "Exim", "Exim");
        assertThat(open.get("time").asLong()).isEqualTo(epochMillis("2017-01-24T03:09:46Z"));
        assertThat(open.has("device")).as("no host in a file line: %s", open).isFalse();
        JsonNode lost = line("2017-01-24 02:53:13 SMTP connection from (hydra) [10.101.1.10]:53682 lost");
        assertFlow(lost, 2, "10.101.1.10", 53682, "", null);
        assertThat(lost.get("status_detail").asText()).isEqualTo("lost");
        JsonNode dropped = line("2017-01-24 05:36:23 SMTP call from (000000) [::1]:39480 dropped: too many syntax or"
                + " protocol errors (last command was \"123\")");
        assertFlow(dropped, 5, "::1", 39480, "", null);
        assertDenied(dropped);
        assertThat(dropped.get("status_detail").asText()).isEqualTo("too many syntax or protocol errors");
        JsonNode early = line("2019-10-20 11:14:38 SMTP protocol synchronization error (input sent without waiting"
                + " for greeting): rejected connection from H=[134.234.45.34] input=\"GET / HTTP/1.1\"");
        assertFlow(early, 5, "134.234.45.34", null, "", null);
        assertThat(early.get("status_detail").asText()).isEqualTo("input sent without waiting for greeting");
        JsonNode unrouteable = line("2019-10-20 09:56:39 H=123-123-12-123.example.example.net [123.123.12.123]"
                + " F=<example@example.com> rejected RCPT <example@exampley.com>: Unrouteable address");
        assertRefusedMail(unrouteable, "123.123.12.123", "example@example.com", "example@exampley.com", "RCPT");
        assertThat(unrouteable.at("/src_endpoint/hostname").asText()).isEqualTo("123-123-12-123.example.example.net");
        assertThat(unrouteable.get("status_detail").asText()).isEqualTo("Unrouteable address");

        // written from Exim's documentation: with the pid and the local interface, through syslog, a HELO refused
        JsonNode relay = line("2024-05-01 10:00:00 [4321] H=(win-abc) [203.0.113.7]:51234 I=[192.0.2.1]:25"
                + " F=<spam@bad.example> rejected RCPT <user@victim.example>: relay not permitted");
        assertRefusedMail(relay, "203.0.113.7", "spam@bad.example", "user@victim.example", "RCPT");
        assertThat(relay.get("smtp_hello").asText()).isEqualTo("win-abc");
        assertThat(relay.at("/src_endpoint/port").asInt()).isEqualTo(51234);
        JsonNode viaSyslog = line("<22>May  1 10:00:00 mx1 exim[4321]: H=(win-abc) [203.0.113.7]:51234"
                + " F=<spam@bad.example> rejected RCPT <user@victim.example>: relay not permitted");
        assertRefusedMail(viaSyslog, "203.0.113.7", "spam@bad.example", "user@victim.example", "RCPT");
        assertThat(viaSyslog.at("/device/hostname").asText()).isEqualTo("mx1");
        JsonNode helo = line(
                "2024-05-01 10:00:00 H=mail.example.net [203.0.113.8] rejected EHLO or HELO localhost:" + " bad HELO");
        assertRefusedMail(helo, "203.0.113.8", null, null, "EHLO or HELO");
        JsonNode connect = line("<22>May  1 10:00:00 mx1 exim[4321]: SMTP connection from [198.51.100.9]:40112"
                + " (TCP/IP connection count = 3)");
        assertFlow(connect, 1, "198.51.100.9", 40112, "", null);
        assertThat(connect.at("/device/hostname").asText()).isEqualTo("mx1");

        // other programs' lines that mention SMTP are not Exim's
        assertNotClaimedAs(
                line("<22>May  1 10:00:00 mx1 myapp[1]: SMTP connection from the queue runner failed"), "Exim");
        JsonNode sshd = line("Mar  1 10:05:06 mail sshd[1]: pam_unix(sshd:auth): authentication failure;"
                + " rhost=1.2.3.4 user=bob");
        assertThat(sshd.at("/metadata/product/name").asText()).isEqualTo("OpenSSH");
    }

    @Test
    void vsftpdLogins() throws Exception {
        // corpus: vsftpd.log, its time read from the line
        JsonNode failed = line("Mon Oct 24 11:32:53 2016 [pid 1] [$ALOC$] FAIL LOGIN: Client \"10.55.112.101\"");
        assertProduct(failed, "vsftpd", "vsftpd");
        assertLogon(failed, 2, "$ALOC$", "10.55.112.101");
        assertThat(failed.get("time").asLong()).isEqualTo(epochMillis("2016-10-24T11:32:53Z"));
        assertLogon(
                line("Mon Oct 24 11:32:53 2016 [pid 1] [$ALOC$] FAIL LOGIN: Client \"fe80::baac:6fff:fe7d:d2e0\""),
                2,
                "$ALOC$",
                "fe80::baac:6fff:fe7d:d2e0");
        // a client connecting is Network Activity Open, from vsftpd.log or through syslog
        JsonNode connect = line("Sun Mar  1 09:59:57 2026 [pid 2] CONNECT: Client \"198.51.100.61\"");
        assertFlow(connect, 1, "198.51.100.61", null, "", null);
        assertFlow(
                line("Mar  1 09:59:57 ftp1 vsftpd[2210]: CONNECT: Client \"::ffff:198.51.100.62\""),
                1,
                "198.51.100.62",
                null,
                "",
                null);

        // documented formats: IPv4-mapped client, anonymous login, through syslog with and without [pid]
        JsonNode ok = line(
                "Wed Jul 27 18:32:30 2016 [pid 3] [jane.doe@example.com] OK LOGIN: Client" + " \"::ffff:192.0.2.33\"");
        assertLogon(ok, 1, "jane.doe@example.com", "192.0.2.33");
        assertLogon(
                line("Wed Jul 27 18:32:31 2016 [pid 4] [ftp] OK LOGIN: Client \"192.0.2.34\", anon password"
                        + " \"?\""),
                1,
                "ftp",
                "192.0.2.34");
        JsonNode syslog =
                line("Mar  1 10:10:00 ftp1 vsftpd[4321]: [pid 4322] [bob] OK LOGIN: Client" + " \"198.51.100.8\"");
        assertLogon(syslog, 1, "bob", "198.51.100.8");
        assertThat(syslog.at("/device/hostname").asText()).isEqualTo("ftp1");
        assertLogon(
                line("Mar  1 10:10:01 ftp1 vsftpd[4321]: [alice] FAIL LOGIN: Client \"2001:db8::9\""),
                2,
                "alice",
                "2001:db8::9");

        // not vsftpd's
        assertNotClaimedAs(line("Mar  1 10:10:02 ftp1 other[1]: [bob] OK LOGIN: Client \"1.2.3.4\""), "vsftpd");
        assertNotClaimedAs(line("Wed Jul 27 18:32:27 2016 [bob] OK LOGIN: Client \"1.2.3.4\""), "vsftpd");
    }

    @Test
    void proftpdLogins() throws Exception {
        JsonNode ok = line("Mar  1 10:11:00 ftp2 proftpd[5000]: ftp2.example.com (client.example.net"
                + "[198.51.100.50]) - USER alice: Login successful.");
        assertProduct(ok, "ProFTPD", "ProFTPD Project");
        assertLogon(ok, 1, "alice", "198.51.100.50");
        assertThat(ok.at("/device/hostname").asText()).isEqualTo("ftp2");

        JsonNode wrong = line("Mar  1 10:11:01 ftp2 proftpd[5001]: ftp2.example.com (::ffff:198.51.100.51"
                + "[::ffff:198.51.100.51]) - USER bob (Login failed): Incorrect password.");
        assertLogon(wrong, 2, "bob", "198.51.100.51");
        assertThat(wrong.get("status_detail").asText()).isEqualTo("Incorrect password.");

        JsonNode noSuchUser = line("Mar  1 10:11:02 ftp2 proftpd[5001]: ftp2.example.com (client.example.net"
                + "[198.51.100.52]) - USER nobody: no such user found from client.example.net [198.51.100.52] to"
                + " 192.0.2.20:21");
        assertLogon(noSuchUser, 2, "nobody", "198.51.100.52");
        assertThat(noSuchUser.get("status_detail").asText()).isEqualTo("no such user");

        assertLogon(
                line("Mar  1 10:11:03 ftp2 proftpd[5002]: ProFTPD Default Installation (2001:db8::52"
                        + "[2001:db8::52]) - USER j.smith@example.com: Login successful."),
                1,
                "j.smith@example.com",
                "2001:db8::52");
        assertLogon(
                line("Mar  1 10:11:04 ftp2 proftpd[5003]: ftp2.example.com (client.example.net[198.51.100.54])"
                        + " - ANON anonymous: Login successful."),
                1,
                "anonymous",
                "198.51.100.54");
        assertLogon(
                line("Mar  1 10:11:04 ftp2 proftpd[5003]: ftp2.example.com (client.example.net[198.51.100.55])"
                        + " - SECURITY VIOLATION: Root login attempted."),
                2,
                "root",
                "198.51.100.55");

        // ProFTPD's SystemLog file: its own time and host
        JsonNode file = line("2024-03-01 10:11:05,123 ftp2 proftpd[5004] ftp2.example.com (client.example.net"
                + "[198.51.100.53]): USER carol (Login failed): Incorrect password");
        assertProduct(file, "ProFTPD", "ProFTPD Project");
        assertLogon(file, 2, "carol", "198.51.100.53");
        assertThat(file.get("time").asLong()).isEqualTo(epochMillis("2024-03-01T10:11:05Z"));
        assertThat(file.at("/device/hostname").asText()).isEqualTo("ftp2");

        // connections turned away before a login: by TCP wrappers, by the server's <Limit LOGIN> or Deny rules
        JsonNode wrapped = line("Mar  1 10:11:08 ftp2 proftpd[5005]: refused connect from 203.0.113.90 (203.0.113.90)");
        assertFlow(wrapped, 5, "203.0.113.90", null, "", null);
        assertDenied(wrapped);
        assertThat(wrapped.get("status_detail").asText()).isEqualTo("refused by TCP wrappers");
        JsonNode limited =
                line("Mar  1 10:11:09 ftp2 proftpd[5006]: ftp2.example.com (scanner.example.net[203.0.113.91])"
                        + " - Connection from scanner.example.net [203.0.113.91] denied.");
        assertFlow(limited, 5, "203.0.113.91", null, "", null);
        assertDenied(limited);
        assertThat(limited.at("/src_endpoint/hostname").asText()).isEqualTo("scanner.example.net");
        assertProduct(limited, "ProFTPD", "ProFTPD Project");
        assertBaseEventOf(
                line("Mar  1 10:11:06 ftp2 proftpd[5003]: ftp2.example.com (client.example.net[198.51.100.50])"
                        + " - FTP session opened."),
                "ProFTPD");
        assertNotClaimedAs(
                line("Mar  1 10:11:07 ftp2 other[5]: ftp2.example.com (client.example.net[198.51.100.50]) -"
                        + " USER alice: Login successful."),
                "ProFTPD");
    }

    @Test
    void openSmtpdLoginsRefusedCommandsEnvelopesAndSessions() throws Exception {
        JsonNode failedLogin = line("Mar  1 09:59:51 mx1 smtpd[4410]: 3a4f1c2b9d7e6f01 smtp authentication"
                + " user=alice@example.com result=permfail");
        assertProduct(failedLogin, "OpenSMTPD", "OpenBSD");
        assertLogon(failedLogin, 2, "alice@example.com", null);
        assertThat(failedLogin.at("/session/uid").asText()).isEqualTo("3a4f1c2b9d7e6f01");
        assertLogon(
                line("Mar  1 09:59:52 mx1 smtpd[4410]: 3a4f1c2b9d7e6f01 smtp authentication user=alice@example.com"
                        + " result=ok"),
                1,
                "alice@example.com",
                null);

        JsonNode refused = line("Mar  1 09:59:53 mx1 smtpd[4410]: 3a4f1c2b9d7e6f01 smtp failed-command"
                + " command=\"RCPT TO:<nobody@example.com>\" result=\"550 Invalid recipient: <nobody@example.com>\"");
        assertThat(refused.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(refused.get("activity_name").asText()).isEqualTo("Receive");
        assertDenied(refused);
        assertThat(refused.get("status_code").asText()).isEqualTo("550");
        assertThat(refused.at("/email/smtp_to/0").asText()).isEqualTo("nobody@example.com");
        assertThat(refused.get("message_trace_uid").asText()).isEqualTo("3a4f1c2b9d7e6f01");
        JsonNode noAuth = line("Mar  1 09:59:53 mx1 smtpd[4410]: 3a4f1c2b9d7e6f02 smtp failed-command"
                + " command=\"MAIL FROM:<billing@example.com> \" result=\"530 5.5.1 Invalid command: Must issue an AUTH"
                + " command first\"");
        assertDenied(noAuth);
        assertThat(noAuth.at("/email/smtp_from").asText()).isEqualTo("billing@example.com");
        assertThat(noAuth.at("/email/smtp_to").isMissingNode()).isTrue();
        assertThat(noAuth.get("status_code").asText()).isEqualTo("530");

        JsonNode connected = line("Mar  1 09:59:50 mx1 smtpd[4410]: 3a4f1c2b9d7e6f01 smtp connected"
                + " address=198.51.100.7 host=mail.example.net");
        assertFlow(connected, 1, "198.51.100.7", null, "", null);
        assertThat(connected.at("/src_endpoint/hostname").asText()).isEqualTo("mail.example.net");

        JsonNode delivered = line(
                "Mar  1 09:59:55 mx1 smtpd[4410]: 5b2e7d9a1c3f4e02 mta delivery evpid=1c6c8a71b2d4e9f0"
                        + " from=<alice@example.com> to=<bob@example.org> rcpt=<-> source=\"192.0.2.5\""
                        + " relay=\"203.0.113.25 (mx.example.org)\" delay=2s result=\"Ok\" stat=\"250 2.0.0 Ok: queued as 4F9C2\"");
        assertThat(delivered.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(delivered.get("activity_name").asText()).isEqualTo("Send");
        assertThat(delivered.get("status_id").asInt()).isEqualTo(1);
        assertThat(delivered.at("/dst_endpoint/ip").asText()).isEqualTo("203.0.113.25");
        assertThat(delivered.at("/dst_endpoint/hostname").asText()).isEqualTo("mx.example.org");
        assertThat(delivered.at("/email/smtp_from").asText()).isEqualTo("alice@example.com");

        // the 5.x log
        JsonNode oldRefused = line("Mar  1 09:59:57 mx1 smtpd[4410]: smtp-in: Failed command on session"
                + " 427e7493ebe154ae: \"MAIL FROM:<spam@example.net>  \" => 421 Service temporarily unavailable");
        assertThat(oldRefused.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(oldRefused.get("status_code").asText()).isEqualTo("421");
        JsonNode oldAccepted = line(
                "Mar  1 09:59:58 mx1 smtpd[4410]: smtp-in: Accepted message 4296f490 on session"
                        + " 08d856b172f69c5c: from=<carol@example.com>, to=<dave@example.com>, size=1911, ndest=1, proto=ESMTP");
        assertThat(oldAccepted.get("status_id").asInt()).isEqualTo(1);
        assertThat(oldAccepted.at("/email/smtp_to/0").asText()).isEqualTo("dave@example.com");

        assertBaseEventOf(
                line(
                        "Mar  1 09:59:59 mx1 smtpd[4410]: 3a4f1c2b9d7e6f01 smtp tls ciphers=TLSv1.3:TLS_AES_256_GCM_SHA384:256"),
                "OpenSMTPD");
    }

    @Test
    void pureFtpdLogins() throws Exception {
        JsonNode failed =
                line("Mar  1 10:12:00 ftp3 pure-ftpd: (?@198.51.100.60) [WARNING] Authentication failed for user"
                        + " [admin]");
        assertProduct(failed, "Pure-FTPd", "Pure-FTPd");
        assertLogon(failed, 2, "admin", "198.51.100.60");
        assertThat(failed.at("/device/hostname").asText()).isEqualTo("ftp3");

        assertLogon(
                line("Mar  1 10:12:01 ftp3 pure-ftpd[777]: (?@2001:db8::60) [INFO] web.user is now logged in"),
                1,
                "web.user",
                "2001:db8::60");
        assertLogoff(
                line("Mar  1 10:12:02 ftp3 pure-ftpd[777]: (web.user@2001:db8::60) [INFO] Logout."),
                "web.user",
                "2001:db8::60");
        // a virtual user with @ in its name, and a client logged by its resolved name
        assertLogon(
                line("Mar  1 10:12:03 ftp3 pure-ftpd: (?@198.51.100.61) [INFO] john@example.com is now logged" + " in"),
                1,
                "john@example.com",
                "198.51.100.61");
        assertLogoff(
                line("Mar  1 10:12:04 ftp3 pure-ftpd: (john@example.com@198.51.100.61) [INFO] Logout."),
                "john@example.com",
                "198.51.100.61");
        JsonNode named = line("Mar  1 10:12:05 ftp3 pure-ftpd: (?@client.example.net) [WARNING] Authentication"
                + " failed for user [root]");
        assertLogon(named, 2, "root", null);
        assertThat(named.at("/src_endpoint/hostname").asText()).isEqualTo("client.example.net");

        assertBaseEventOf(
                line("Mar  1 10:12:06 ftp3 pure-ftpd: (?@198.51.100.60) [INFO] New connection from" + " 198.51.100.60"),
                "Pure-FTPd");
        assertBaseEventOf(line("Mar  1 10:12:07 ftp3 pure-ftpd: (?@198.51.100.60) [INFO] Logout."), "Pure-FTPd");
        assertNotClaimedAs(
                line("Mar  1 10:12:08 ftp3 pureftp-web: (?@198.51.100.60) [WARNING] Authentication failed for"
                        + " user [admin]"),
                "Pure-FTPd");
    }

    @Test
    void cpanelLoginLog() throws Exception {
        // corpus (Wazuh cpanel.ini)
        JsonNode root =
                line("[2016-04-18 13:07:02 -0400] info [cpsrvd] 10.1.5.19 - root - SUCCESS LOGIN" + " whostmgrd");
        assertProduct(root, "cPanel & WHM", "cPanel");
        assertLogon(root, 1, "root", "10.1.5.19");
        assertThat(root.at("/service/name").asText()).isEqualTo("whostmgrd");
        assertThat(root.get("time").asLong()).isEqualTo(epochMillis("2016-04-18T17:07:02Z"));
        assertLogon(
                line("[2016-04-18 13:07:15 -0400] info [cpsrvd] 10.1.5.19 - reseller (possessor: root) -"
                        + " SUCCESS LOGIN cpaneld"),
                1,
                "reseller",
                "10.1.5.19");
        assertLogon(
                line("[2016-04-18 13:08:27 -0400] info [cpsrvd] 10.1.5.19 - emailaccount@reseller.com"
                        + " (possessor: reseller) - SUCCESS LOGIN webmaild"),
                1,
                "emailaccount@reseller.com",
                "10.1.5.19");
        JsonNode invalid = line("[2017-01-25 06:01:10 -0500] info [cpsrvd] 10.1.5.19 - test \"POST"
                + " /login/?login_only=1 HTTP/1.1\" FAILED LOGIN cpaneld: invalid cpanel user test (loadcpdata"
                + " failed)");
        assertLogon(invalid, 2, "test", "10.1.5.19");
        assertThat(invalid.get("status_detail").asText()).isEqualTo("invalid cpanel user test (loadcpdata failed)");
        assertThat(invalid.at("/service/name").asText()).isEqualTo("cpaneld");
        assertThat(invalid.get("time").asLong()).isEqualTo(epochMillis("2017-01-25T11:01:10Z"));
        assertLogon(
                line("[2016-11-18 09:32:19 +0000] info [cpsrvd] 10.1.5.19 - admin \"POST /login/?login_only=1"
                        + " HTTP/1.1\" FAILED LOGIN whostmgrd: user password hash is missing from system (user"
                        + " probably does not exist)"),
                2,
                "admin",
                "10.1.5.19");
        assertLogoff(
                line("[2017-01-25 06:15:38 -0500] info [cpsrvd] 10.1.5.19 PURGE root:Nmm4xzhSpA2Sddv3 logout"),
                "root",
                "10.1.5.19");

        // documented format: IPv6 client, Webmail's wrong password
        assertLogon(
                line("[2024-03-01 10:13:00 +0000] info [cpsrvd] 2001:db8::70 - jane.doe - SUCCESS LOGIN" + " cpaneld"),
                1,
                "jane.doe",
                "2001:db8::70");
        assertLogon(
                line("[2019-08-20 10:18:03 -0500] info [cpsrvd] 198.51.100.71 - bob@example.com \"POST"
                        + " /login/?login_only=1 HTTP/1.1\" FAILED LOGIN webmaild: user password incorrect"),
                2,
                "bob@example.com",
                "198.51.100.71");

        // neither success nor failure, and another program's line with the same words
        assertBaseEventOf(
                line("[2024-03-01 10:13:01 +0000] info [cpsrvd] 198.51.100.72 - jane \"POST /login/?login_only=1"
                        + " HTTP/1.1\" DEFERRED LOGIN cpaneld: security token missing"),
                "cPanel & WHM");
        assertBaseEventOf(
                line("[2024-03-01 10:13:02 +0000] info [cpsrvd] 198.51.100.73 PURGE jane:AbC123 password_change"),
                "cPanel & WHM");
        assertNotClaimedAs(
                line("Mar  1 10:13:03 web1 app: 198.51.100.74 - root - SUCCESS LOGIN whostmgrd"), "cPanel & WHM");
    }
}
