package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAuthentication;
import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * ClamAV's detections, the Asterisk PBX's and Roundcube Webmail's logins, Sendmail, and the Courier
 * and UW IMAP/POP3 servers, in the formats each prints to syslog and to its own log files: an
 * infected file or message is a Detection Finding with the signature and the file or envelope as
 * evidence; a login is Authentication with its outcome, the user and the client's address; mail
 * refused at the SMTP dialogue is Email Activity Receive, Denied. Lines of these programs that are
 * none of those stay Base Events of the product.
 */
class ClamavAsteriskRoundcubeAndMailServerMappingsTest {

    private static void assertMalwareFinding(JsonNode r, String signature) {
        assertThat(r.get("class_uid").asInt()).as("class of %s", r).isEqualTo(2004);
        assertThat(r.at("/finding_info/title").asText()).isEqualTo(signature);
        assertThat(r.at("/malware/0/name").asText()).isEqualTo(signature);
        assertThat(r.at("/finding_info/types/0").asText()).isEqualTo("Malware");
        assertThat(r.get("is_alert").asBoolean()).isTrue();
        assertThat(r.get("severity_id").asInt()).isEqualTo(4);
        assertProduct(r, "ClamAV");
    }

    @Test
    void clamdDetectionsAreMalwareFindingsWithTheFile() throws Exception {
        JsonNode found = line("Feb 23 09:14:02 files01 clamd[2211]: /srv/share/inbox/invoice-0312.doc:"
                + " Doc.Downloader.Emotet-9781234-0 FOUND");
        assertMalwareFinding(found, "Doc.Downloader.Emotet-9781234-0");
        assertThat(found.at("/evidences/0/file/path").asText()).isEqualTo("/srv/share/inbox/invoice-0312.doc");
        assertThat(found.at("/device/hostname").asText()).isEqualTo("files01");

        JsonNode extended = line("Feb 23 09:14:02 files01 clamd[2211]: /srv/share/inbox/invoice-0312.doc:"
                + " Doc.Downloader.Emotet-9781234-0(5d41402abc4b2a76b9719d911017c592:48213) FOUND");
        assertMalwareFinding(extended, "Doc.Downloader.Emotet-9781234-0");
        assertThat(extended.at("/evidences/0/file/hashes/0/value").asText())
                .isEqualTo("5d41402abc4b2a76b9719d911017c592");
        assertThat(extended.at("/evidences/0/file/size").asLong()).isEqualTo(48213);

        JsonNode onAccess = line("Feb 23 09:15:40 files01 clamd[2211]: ScanOnAccess: /home/kim/Downloads/setup v2.exe:"
                + " Win.Trojan.Agent-1234567 FOUND");
        assertMalwareFinding(onAccess, "Win.Trojan.Agent-1234567");
        assertThat(onAccess.at("/evidences/0/file/path").asText()).isEqualTo("/home/kim/Downloads/setup v2.exe");

        JsonNode clamonacc = line(
                "Feb 23 09:15:41 files01 clamonacc[2301]: /home/kim/Downloads/tool: Unix.Malware.Kaiji-9876543-0 FOUND");
        assertMalwareFinding(clamonacc, "Unix.Malware.Kaiji-9876543-0");

        // clamd's own log file, with LogTime: the time in the host's clock (UTC here)
        JsonNode logFile =
                line("Mon Feb 23 09:16:00 2026 -> /var/www/uploads/shell.php: Php.Webshell.Generic-6969 FOUND");
        assertMalwareFinding(logFile, "Php.Webshell.Generic-6969");
        assertThat(logFile.at("/evidences/0/file/path").asText()).isEqualTo("/var/www/uploads/shell.php");
        assertThat(logFile.get("time").asLong()).isEqualTo(epochMillis("2026-02-23T09:16:00Z"));
    }

    @Test
    void clamavMilterInfectedMessagesAreFindingsWithTheEnvelope() throws Exception {
        JsonNode full = line("Feb 23 09:17:12 mx2 clamav-milter[901]: Message 5B1C2A0F3 from <billing@invoices.example>"
                + " to <ap@corp.example> with subject 'Overdue' message-id '<abc.123@invoices.example>'"
                + " date 'Mon, 23 Feb 2026 09:17:01 +0000' infected by Xls.Dropper.Agent-77");
        assertMalwareFinding(full, "Xls.Dropper.Agent-77");
        assertThat(full.at("/evidences/0/email/smtp_from").asText()).isEqualTo("billing@invoices.example");
        assertThat(full.at("/evidences/0/email/smtp_to/0").asText()).isEqualTo("ap@corp.example");
        assertThat(full.at("/evidences/0/email/subject").asText()).isEqualTo("Overdue");

        JsonNode basic = line("Feb 23 09:17:12 mx2 clamav-milter[901]: Message from <billing@invoices.example>"
                + " to <ap@corp.example> infected by Xls.Dropper.Agent-77");
        assertMalwareFinding(basic, "Xls.Dropper.Agent-77");
        assertThat(basic.at("/evidences/0/email/smtp_to/0").asText()).isEqualTo("ap@corp.example");
    }

    @Test
    void clamavMessagesThatAreNoDetectionStayBaseEvents() throws Exception {
        assertBaseEventOf(
                line("Feb 23 03:00:01 files01 freshclam[777]: daily.cld updated (version: 27201, sigs: 2066001,"
                        + " f-level: 90, builder: raynman)"),
                "ClamAV");
        assertBaseEventOf(line("Mon Feb 23 09:16:00 2026 -> SelfCheck: Database status OK."), "ClamAV");
        // a scanned file whose name ends with FOUND is no detection
        assertBaseEventOf(line("Feb 23 09:18:00 files01 clamd[2211]: /tmp/LOST AND FOUND: OK"), "ClamAV");
    }

    @Test
    void asteriskRefusedRegistrationsAreFailedLogonsWithTheClient() throws Exception {
        JsonNode syslog = line("Feb 23 10:20:40 pbx1 asterisk[32229]: NOTICE[32257]: chan_sip.c:23417 in"
                + " handle_request_register: Registration from '<sip:3105@pbx.corp.example>' failed for"
                + " '198.51.100.23:36998' - Wrong password");
        assertProduct(syslog, "Asterisk");
        assertLogon(syslog, 2, "3105", "198.51.100.23");
        assertThat(syslog.at("/src_endpoint/port").asInt()).isEqualTo(36998);
        assertThat(syslog.get("status_detail").asText()).isEqualTo("Wrong password");
        assertThat(syslog.at("/service/name").asText()).isEqualTo("SIP");
        assertThat(syslog.at("/dst_endpoint/hostname").asText()).isEqualTo("pbx1");

        // the messages log file, with a call id and a display name before the URI
        JsonNode file = line("[2026-02-23 10:21:02] NOTICE[1638][C-00000fa9] chan_sip.c: Registration from"
                + " '\"100\"sip:100@10.1.1.5' failed for '198.51.100.23' - No matching peer found");
        assertLogon(file, 2, "100", "198.51.100.23");
        assertThat(file.get("status_detail").asText()).isEqualTo("No matching peer found");
        assertThat(file.get("time").asLong()).isEqualTo(epochMillis("2026-02-23T10:21:02Z"));

        JsonNode pjsip = line("[2026-02-23 10:18:16] NOTICE[19388] res_pjsip/pjsip_distributor.c: Request 'REGISTER'"
                + " from '\"2001\" <sip:2001@pbx.corp.example>' failed for '203.0.113.45:5071'"
                + " (callid: a84b4c76e66710) - Failed to authenticate");
        assertLogon(pjsip, 2, "2001", "203.0.113.45");
        assertThat(pjsip.get("status_detail").asText()).isEqualTo("Failed to authenticate");
        assertThat(pjsip.at("/service/name").asText()).isEqualTo("PJSIP");

        JsonNode olderPjsip = line("[2026-02-23 10:18:17] NOTICE[19388] res_pjsip/pjsip_distributor.c: Request from"
                + " '\"2001\" <sip:2001@10.1.1.5>' failed for '203.0.113.45:5071' (callid: 77e1) - No matching"
                + " endpoint found");
        assertLogon(olderPjsip, 2, "2001", "203.0.113.45");

        JsonNode iax = line("[2026-02-23 10:22:10] NOTICE[1638] chan_iax2.c: Host 198.51.100.77 failed MD5"
                + " authentication for 'branch2' (0f1e != 9a8b)");
        assertLogon(iax, 2, "branch2", "198.51.100.77");
        assertThat(iax.at("/service/name").asText()).isEqualTo("IAX2");
    }

    @Test
    void asteriskManagerLoginsAndSecurityEvents() throws Exception {
        JsonNode refused =
                line("[2026-02-23 10:22:11] NOTICE[6772] manager.c: 192.0.2.15 failed to authenticate as 'admin'");
        assertLogon(refused, 2, "admin", "192.0.2.15");
        assertThat(refused.at("/service/name").asText()).isEqualTo("AMI");
        assertLogon(
                line("[2026-02-23 10:22:12] NOTICE[6772] manager.c: 192.0.2.15 tried to authenticate with"
                        + " nonexistent user 'opsmon'"),
                2,
                "opsmon",
                "192.0.2.15");
        assertLogon(
                line("[2026-02-23 10:23:00] VERBOSE[6772] manager.c: Manager 'fop2' logged on from 127.0.0.1"),
                1,
                "fop2",
                "127.0.0.1");
        assertAuthentication(
                line("[2026-02-23 10:43:00] VERBOSE[6772] manager.c: Manager 'fop2' logged off from 127.0.0.1"),
                2,
                "fop2",
                "127.0.0.1");

        JsonNode invalidPassword = line("[2026-02-23 10:23:30] SECURITY[4583] res_security_log.c:"
                + " SecurityEvent=\"InvalidPassword\",EventTV=\"2026-02-23T10:23:30.296+0100\",Severity=\"Error\","
                + "Service=\"PJSIP\",EventVersion=\"1\",AccountID=\"2001\",SessionID=\"17a483d-eb8cc0\","
                + "LocalAddress=\"IPV4/UDP/10.1.1.5/5060\",RemoteAddress=\"IPV4/UDP/203.0.113.45/5071\","
                + "Challenge=\"1/6d\",ReceivedChallenge=\"1/6d\",ReceivedHash=\"7a6a\"");
        assertLogon(invalidPassword, 2, "2001", "203.0.113.45");
        assertThat(invalidPassword.at("/src_endpoint/port").asInt()).isEqualTo(5071);
        assertThat(invalidPassword.at("/dst_endpoint/ip").asText()).isEqualTo("10.1.1.5");
        assertThat(invalidPassword.at("/service/name").asText()).isEqualTo("PJSIP");
        assertThat(invalidPassword.get("status_detail").asText()).isEqualTo("InvalidPassword");

        JsonNode unknownAccount = line("[2026-02-23 10:23:32] SECURITY[4583] res_security_log.c:"
                + " SecurityEvent=\"ChallengeResponseFailed\",EventTV=\"2026-02-23T10:23:32.296+0100\","
                + "Severity=\"Error\",Service=\"PJSIP\",EventVersion=\"1\",AccountID=\"<unknown>\",SessionID=\"c1@d\","
                + "LocalAddress=\"IPV4/UDP/10.1.1.5/5060\",RemoteAddress=\"IPV4/UDP/203.0.113.46/5060\"");
        assertLogon(unknownAccount, 2, null, "203.0.113.46");

        JsonNode success = line(
                "[2026-02-23 10:23:31] SECURITY[4583] res_security_log.c:"
                        + " SecurityEvent=\"SuccessfulAuth\",EventTV=\"2026-02-23T10:23:31.000+0100\",Severity=\"Informational\","
                        + "Service=\"AMI\",EventVersion=\"1\",AccountID=\"admin\",SessionID=\"0x7fb580001518\","
                        + "LocalAddress=\"IPV4/TCP/0.0.0.0/5038\",RemoteAddress=\"IPV4/TCP/192.0.2.15/62389\",UsingPassword=\"0\"");
        assertLogon(success, 1, "admin", "192.0.2.15");
        assertThat(success.at("/service/name").asText()).isEqualTo("AMI");

        assertBaseEventOf(
                line("[2026-02-23 14:58:54] ERROR[21763] config_options.c: Unable to load config file 'cel.conf'"),
                "Asterisk");
    }

    @Test
    void roundcubeLoginsFromItsLogFilesAndSyslog() throws Exception {
        JsonNode failed = line("[23-Feb-2026 11:08:01 +0100]: <lrpo6s0r> Failed login for jdoe@corp.example from"
                + " 198.51.100.9 in session 9cf1a2b3c4 (error: 0)");
        assertProduct(failed, "Roundcube Webmail");
        assertLogon(failed, 2, "jdoe@corp.example", "198.51.100.9");
        assertThat(failed.at("/session/uid").asText()).isEqualTo("9cf1a2b3c4");
        assertThat(failed.get("time").asLong()).isEqualTo(epochMillis("2026-02-23T10:08:01Z"));

        JsonNode success = line("[23-Feb-2026 11:09:17 +0100]: <4bd4jqqc> Successful login for jdoe@corp.example"
                + " (ID: 6) from 192.0.2.44 in session 9cf1a2b3c5");
        assertLogon(success, 1, "jdoe@corp.example", "192.0.2.44");
        assertThat(success.at("/user/uid").asText()).isEqualTo("6");

        JsonNode imapRefused = line("[23-Feb-2026 11:10:30 +0100]: <jkgnfe79> IMAP Error: Login failed for"
                + " admin@corp.example against imap.corp.example from 198.51.100.9. AUTHENTICATE PLAIN: Authentication"
                + " failed. in /usr/share/roundcube/program/lib/Roundcube/rcube_imap.php on line 200"
                + " (POST /mail/?_task=login&_action=login)");
        assertLogon(imapRefused, 2, "admin@corp.example", "198.51.100.9");
        assertThat(imapRefused.get("status_detail").asText()).isEqualTo("AUTHENTICATE PLAIN: Authentication failed.");

        JsonNode syslog = line(
                "Feb 23 11:11:08 web3 roundcube: <isj89gtf> IMAP Error: Login failed for sales from"
                        + " 198.51.100.10. AUTHENTICATE PLAIN: Authentication failed. in"
                        + " /var/www/roundcube/program/lib/Roundcube/rcube_imap.php on line 193 (POST /?_task=login&_action=login)");
        assertLogon(syslog, 2, "sales", "198.51.100.10");
        assertThat(syslog.at("/dst_endpoint/hostname").asText()).isEqualTo("web3");

        assertLogon(
                line("Feb 23 11:12:23 web3 roundcube: [23-Feb-2026 11:12:23 -0500]: Successful login for sales (id 1)"
                        + " from 192.0.2.45"),
                1,
                "sales",
                "192.0.2.45");
        assertLogon(
                line("Feb 23 11:13:20 web3 roundcube: [23-Feb-2026 11:13:20 -0500] IMAP Error: Authentication for"
                        + " sales failed (LOGIN): \"a001 NO Authentication failed.\""),
                2,
                "sales",
                null);

        // PHP's own error log writes the same kind of time: not Roundcube's
        JsonNode php =
                line("[23-Feb-2026 11:14:00 UTC] PHP Warning:  Undefined variable $user in /var/www/a.php on line 3");
        assertThat(php.at("/metadata/product/name").asText()).isNotEqualTo("Roundcube Webmail");
    }

    @Test
    void courierImapAndPop3Logins() throws Exception {
        JsonNode failed = line(
                "Feb 23 12:00:01 mail1 imapd-ssl: LOGIN FAILED, user=ceo@corp.example," + " ip=[::ffff:203.0.113.80]");
        assertProduct(failed, "Courier IMAP");
        assertLogon(failed, 2, "ceo@corp.example", "203.0.113.80");

        JsonNode failedMechanism =
                line("Feb 23 12:00:02 mail1 pop3d: LOGIN FAILED, method=PLAIN, ip=[::ffff:203.0.113.81]");
        assertLogon(failedMechanism, 2, null, "203.0.113.81");
        assertThat(failedMechanism.get("auth_protocol").asText()).isEqualTo("PLAIN");

        JsonNode login = line("Feb 23 12:00:03 mail1 imapd: LOGIN, user=ana@corp.example, ip=[::ffff:192.0.2.60],"
                + " port=[51234], protocol=IMAP");
        assertLogon(login, 1, "ana@corp.example", "192.0.2.60");
        assertThat(login.at("/src_endpoint/port").asInt()).isEqualTo(51234);
        assertThat(login.at("/service/name").asText()).isEqualTo("IMAP");

        JsonNode logout = line("Feb 23 12:05:03 mail1 courierpop3login: LOGOUT, user=ana@corp.example,"
                + " ip=[::ffff:192.0.2.60], top=0, retr=5120, rcvd=40, sent=5200, time=300");
        assertAuthentication(logout, 2, "ana@corp.example", "192.0.2.60");

        assertFlow(
                line("Feb 23 12:05:04 mail1 imapd: Connection, ip=[::ffff:192.0.2.61]"),
                1,
                "192.0.2.61",
                null,
                "",
                null);
    }

    @Test
    void uwImapdAndIpop3dLogins() throws Exception {
        JsonNode failed = line("Feb 23 12:10:00 mail2 imapd[4711]: Login failed user=ana auth=ana"
                + " host=dsl-77.isp.example [203.0.113.90]");
        assertProduct(failed, "UW IMAP");
        assertLogon(failed, 2, "ana", "203.0.113.90");
        assertThat(failed.at("/src_endpoint/hostname").asText()).isEqualTo("dsl-77.isp.example");
        assertThat(failed.get("status_detail").asText()).isEqualTo("Login failed");

        assertLogon(
                line("Feb 23 12:10:01 mail2 ipop3d[4712]: Login excessive login failures user=root auth=root"
                        + " host=[203.0.113.91]"),
                2,
                "root",
                "203.0.113.91");
        assertLogon(
                line("Feb 23 12:10:02 mail2 imapd[4713]: Login user=ana host=laptop.corp.example [192.0.2.70]"),
                1,
                "ana",
                "192.0.2.70");
        assertLogon(
                line("Feb 23 12:10:03 mail2 imapd[4713]: Authenticated user=ana host=laptop.corp.example [192.0.2.70]"),
                1,
                "ana",
                "192.0.2.70");
        assertAuthentication(
                line("Feb 23 12:40:04 mail2 ipop3d[4714]: Logout user=bob host=[192.0.2.71] nmsgs=3 ndele=0"),
                2,
                "bob",
                "192.0.2.71");
        assertLogon(
                line("Feb 23 12:40:05 mail2 imapd[4715]: Failed admin override of user=ana  host=laptop.corp.example"
                        + " [192.0.2.70]"),
                2,
                "ana",
                "192.0.2.70");
        assertBaseEventOf(
                line("Feb 23 12:40:06 mail2 ipop3d[4716]: pop3s SSL service init from 192.0.2.70"), "UW IMAP");
        // imapd is Courier's name too: its lines that name no user are not taken for UW's
        JsonNode otherImapd = line("Feb 23 12:40:07 mail2 imapd[4717]: imaps SSL service init from 192.0.2.70");
        assertThat(otherImapd.get("class_uid").asInt()).isZero();
        assertThat(otherImapd.at("/metadata/product/name").asText()).isNotEqualTo("UW IMAP");
    }

    @Test
    void sendmailAuthAndRefusedMail() throws Exception {
        JsonNode authFailure = line("Feb 23 13:00:05 mx1 sm-mta[23869]: 61NCx0aB015810: AUTH failure (LOGIN):"
                + " authentication failure (-13) SASL(-13): authentication failure: checkpass failed, user=info,"
                + " relay=scan.bad.example [203.0.113.124]");
        assertProduct(authFailure, "Sendmail");
        assertLogon(authFailure, 2, "info", "203.0.113.124");
        assertThat(authFailure.get("auth_protocol").asText()).isEqualTo("LOGIN");
        assertLogon(
                line("Feb 23 13:00:06 mx1 sm-mta[23870]: AUTH failure (PLAIN): user not found (-20) SASL(-13): user"
                        + " not found: Password verification failed, relay=[IPv6:2001:db8::45]"),
                2,
                null,
                "2001:db8::45");
        assertLogon(
                line("Feb 23 13:00:07 mx1 sm-mta[23871]: AUTH=server, relay=laptop.corp.example [192.0.2.80],"
                        + " authid=ana@corp.example, mech=PLAIN, bits=0"),
                1,
                "ana@corp.example",
                "192.0.2.80");

        JsonNode relaying = line("Feb 23 13:00:01 mx1 sm-mta[15806]: 61NCx0aB015806: ruleset=check_rcpt,"
                + " arg1=<nobody@elsewhere.example>, relay=mail.spam.example [203.0.113.120], reject=550 5.7.1"
                + " <nobody@elsewhere.example>... Relaying denied");
        assertThat(relaying.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(relaying.get("activity_id").asInt()).isEqualTo(2);
        assertDenied(relaying);
        assertThat(relaying.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.120");
        assertThat(relaying.at("/email/smtp_to/0").asText()).isEqualTo("nobody@elsewhere.example");
        assertThat(relaying.get("status_code").asText()).isEqualTo("550");

        JsonNode sender = line("Feb 23 13:00:02 mx1 sendmail[15807]: 61NCx0aB015807: ruleset=check_mail,"
                + " arg1=<x@nodomain.invalid>, relay=[203.0.113.121] (may be forged), reject=553 5.1.8"
                + " <x@nodomain.invalid>... Domain of sender address x@nodomain.invalid does not exist");
        assertDenied(sender);
        assertThat(sender.at("/email/smtp_from").asText()).isEqualTo("x@nodomain.invalid");
        assertThat(sender.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.121");

        // Solaris writes a message id before the message
        JsonNode solaris = line("Feb 23 13:00:03 mx1 sendmail[7735]: [ID 801593 mail.notice] 61NCx0aB015808:"
                + " ruleset=check_relay, arg1=bad.example, arg2=203.0.113.122, relay=bad.example [203.0.113.122],"
                + " reject=554 5.7.1 Rejected 203.0.113.122 found in dnsbl.example");
        assertDenied(solaris);
        assertThat(solaris.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.122");

        JsonNode preGreeting = line("Feb 23 13:00:04 mx1 sm-mta[23868]: 61NCx0aB015809: rejecting commands from"
                + " [203.0.113.123] due to pre-greeting traffic after 0 seconds");
        assertDenied(preGreeting);
        assertThat(preGreeting.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.123");
    }

    @Test
    void sendmailAcceptedAndDeliveredMessages() throws Exception {
        JsonNode accepted = line("Feb 23 13:00:08 mx1 sm-mta[21549]: 61NCx0aB015811: from=<orders@shop.example>,"
                + " size=4909, class=0, nrcpts=1, msgid=<20260223130008.abc@shop.example>, proto=ESMTP, daemon=MTA,"
                + " relay=out.shop.example [198.51.100.130]");
        assertThat(accepted.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(accepted.get("activity_id").asInt()).isEqualTo(2);
        assertThat(accepted.at("/email/smtp_from").asText()).isEqualTo("orders@shop.example");
        assertThat(accepted.at("/email/size").asLong()).isEqualTo(4909);
        assertThat(accepted.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.130");
        assertThat(accepted.get("message_trace_uid").asText()).isEqualTo("61NCx0aB015811");

        JsonNode sent = line("Feb 23 13:00:09 mx1 sm-mta[21550]: 61NCx0aB015811: to=<ana@corp.example>,"
                + " delay=00:00:01, xdelay=00:00:01, mailer=local, pri=34909, dsn=2.0.0, stat=Sent");
        assertThat(sent.get("activity_id").asInt()).isEqualTo(1);
        assertThat(sent.get("status_id").asInt()).isEqualTo(1);
        assertThat(sent.at("/email/smtp_to/0").asText()).isEqualTo("ana@corp.example");

        JsonNode deferred = line("Feb 23 13:00:10 mx1 sm-mta[21551]: 61NCx0aB015812: to=<partner@far.example>,"
                + " ctladdr=<ana@corp.example> (1001/1001), delay=00:00:05, xdelay=00:00:05, mailer=esmtp,"
                + " pri=120112, relay=mx.far.example. [198.51.100.140], dsn=4.0.0, stat=Deferred: Connection"
                + " refused by mx.far.example.");
        assertThat(deferred.get("status_id").asInt()).isEqualTo(2);
        assertThat(deferred.at("/dst_endpoint/ip").asText()).isEqualTo("198.51.100.140");
        assertThat(deferred.get("status_code").asText()).isEqualTo("4.0.0");

        assertBaseEventOf(
                line("Feb 23 13:00:12 mx1 sm-mta[21552]: starting daemon (8.17.1): SMTP+queueing@00:25:00"),
                "Sendmail");
    }
}
