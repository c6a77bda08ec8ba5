package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Cisco Secure Email Gateway (ESA, IronPort) text mail, anti-virus and AMP logs, from the sample lines of
 * Cisco's AsyncOS user guides and TAC notes and of the syslog push lines public integrations test with
 * (addresses and names as published or replaced by documentation ones).
 */
class CiscoSecureEmailMappingsTest {

    private static final String PRODUCT = "Secure Email Gateway";

    @Test
    void connectionsAndHostAccessVerdictsAreNetworkActivity() throws Exception {
        JsonNode open = line("<22>Jun 16 21:42:34 esa01.example.com mail_logs: Info: New SMTP ICID 282204970 interface"
                + " mail.example.com (192.0.2.4) address 198.51.100.5 reverse dns host mx.sender.example verified yes");
        assertProduct(open, PRODUCT);
        assertClass(open, 4001, 1);
        assertThat(open.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.5");
        assertThat(open.at("/src_endpoint/hostname").asText()).isEqualTo("mx.sender.example");
        assertThat(open.at("/dst_endpoint/ip").asText()).isEqualTo("192.0.2.4");
        assertThat(open.at("/dst_endpoint/interface_name").asText()).isEqualTo("mail.example.com");
        assertThat(open.at("/connection_info/uid").asText()).isEqualTo("282204970");
        assertThat(open.at("/device/hostname").asText()).isEqualTo("esa01.example.com");

        JsonNode unknownHost =
                line("<166>Mar 17 18:24:37 mail_logs: Info: New SMTP ICID 451 interface mail (172.16.155.16)"
                        + " address 172.16.155.102 reverse dns host unknown verified no");
        assertThat(unknownHost.at("/src_endpoint/hostname").isMissingNode())
                .as(unknownHost.toString())
                .isTrue();

        JsonNode refused = line("<166>Mar 17 18:24:37 mail_logs: Info: ICID 282194765 REJECT SG BLACKLIST match"
                + " sbrs[-10.0:-2.0] SBRS -9.9");
        assertClass(refused, 4001, 5);
        assertDenied(refused);
        assertThat(refused.at("/policy/name").asText()).isEqualTo("BLACKLIST");

        JsonNode accepted = line("<166>Mar 17 18:24:37 mail_logs: Info: ICID 450 ACCEPT SG None match ALL SBRS None");
        assertClass(accepted, 4001, 1);
        assertThat(accepted.get("action").asText()).isEqualTo("Allowed");

        JsonNode delivery =
                line("<166>Mar 17 18:24:37 mail_logs: Info: New SMTP DCID 8 interface 192.0.2.42 address 203.0.113.25");
        assertClass(delivery, 4001, 1);
        assertThat(delivery.at("/dst_endpoint/ip").asText()).isEqualTo("203.0.113.25");
        assertClass(line("<166>Mar 17 18:24:37 mail_logs: Info: ICID 5 close"), 4001, 2);
    }

    @Test
    void smtpAuthIsAuthentication() throws Exception {
        assertLogon(
                line("<166>Apr 22 11:44:48 mail_logs: Info: SMTP Auth: (ICID 450) succeeded for user: ironport"
                        + " using AUTH mechanism: PLAIN with profile: IncomingAuthentication"),
                1,
                "ironport",
                null);
        JsonNode failed = line("<166>Apr 22 11:47:47 mail_logs: Info: SMTP Auth: (ICID 451) failed for user: ironport"
                + " using AUTH mechanism: PLAIN with profile: IncomingAuthentication");
        assertLogon(failed, 2, "ironport", null);
        assertThat(failed.at("/auth_protocol").asText()).isEqualTo("PLAIN");
    }

    @Test
    void envelopeSubjectAndDeliveryAreEmailActivity() throws Exception {
        JsonNode from =
                line("<166>Mar 17 18:24:37 mail_logs: Info: MID 200257070 ICID 282204970 From: <someone@foo.example>");
        assertClass(from, 4009, 2);
        assertThat(from.at("/email/smtp_from").asText()).isEqualTo("someone@foo.example");
        assertThat(from.get("message_trace_uid").asText()).isEqualTo("200257070");

        JsonNode to =
                line("<166>Mar 17 18:24:37 mail_logs: Info: MID 200257070 ICID 282204970 RID 0 To: <user@example.com>");
        assertClass(to, 4009, 2);
        assertThat(to.at("/email/smtp_to/0").asText()).isEqualTo("user@example.com");

        JsonNode rejected =
                line("<166>Jan 29 08:12:00 mail_logs: Info: MID 1 ICID 2 To: <postmaster@example.com> Rejected by RAT");
        assertClass(rejected, 4009, 2);
        assertDenied(rejected);
        assertThat(rejected.get("status_detail").asText()).isEqualTo("Rejected by RAT");

        JsonNode ready =
                line("<166>Mar 17 18:24:37 mail_logs: Info: MID 6 ready 100 bytes from <sender@remotehost.example>");
        assertThat(ready.at("/email/size").asLong()).isEqualTo(100);

        JsonNode subject = line("<166>Sep 12 11:00:00 mail_logs: Info: MID 68119155 Subject \"redacted subject\"");
        assertThat(subject.at("/email/subject").asText()).isEqualTo("redacted subject");
        JsonNode quoted = line("<166>Sep 12 11:00:00 mail_logs: Info: MID 200257070 Subject 'Hello'");
        assertThat(quoted.at("/email/subject").asText()).isEqualTo("Hello");
        JsonNode messageId = line(
                "<166>Sep 12 11:00:00 mail_logs: Info: MID 200257070 Message-ID '<37gva9$5uvbhe@mail.example.com>'");
        assertThat(messageId.at("/email/message_uid").asText()).isEqualTo("<37gva9$5uvbhe@mail.example.com>");

        JsonNode done = line("<166>Mar 17 18:24:37 mail_logs: Info: Message done DCID 8 MID 6 to RID [0]");
        assertClass(done, 4009, 1);
        assertThat(done.get("message_trace_uid").asText()).isEqualTo("6");

        JsonNode bounced = line(
                "Mon Mar 19 20:16:27 2018 Info: Bounced: DCID 8413617 MID 19338947 From: <MariaDubois@example.com>"
                        + " To: <zecora@buttercupgames.com> RID 0 - 5.4.7 - Delivery expired (message too old) ('000', ['timeout'])");
        assertClass(bounced, 4009, 1);
        assertThat(bounced.get("status").asText()).isEqualTo("Failure");
        assertThat(bounced.get("status_code").asText()).isEqualTo("5.4.7");
        assertThat(bounced.get("status_detail").asText()).isEqualTo("Delivery expired (message too old)");
        assertThat(bounced.at("/email/smtp_to/0").asText()).isEqualTo("zecora@buttercupgames.com");
        assertThat(bounced.get("time").asLong()).isEqualTo(MappedRecords.epochMillis("2018-03-19T20:16:27Z"));

        JsonNode delayed = line(
                "<166>Mar 19 20:16:03 mail_logs: Info: Delayed: DCID 8414309 MID 19410908 From: <WeiZhang@example.com>"
                        + " To: <mcintosh@buttercupgames.com> RID 0 - 4.3.2 - Not accepting messages at this time ('421', ['4.3.2 try"
                        + " again later'])");
        assertClass(delayed, 4009, 1);
        assertThat(delayed.get("disposition").asText()).isEqualTo("Delayed");
        assertThat(delayed.get("status_code").asText()).isEqualTo("4.3.2");

        JsonNode unknownAddress =
                line("<166>Mar 19 20:16:03 mail_logs: Info: Bounced: DCID 947091 MID 12217124 to RID 0 - 5.1.0"
                        + " - Unknown address error ('501', ['5.5.4 Invalid Address'])");
        assertThat(unknownAddress.get("status_detail").asText()).isEqualTo("Unknown address error");
    }

    @Test
    void spamVerdictsQuarantinesAndPolicyDropsAreEmailScans() throws Exception {
        JsonNode spam = line(
                "<166>Sep 12 11:00:00 mail_logs: Info: MID 11802766 interim verdict using engine: CASE spam positive");
        assertClass(spam, 4009, 3);
        assertThat(spam.get("disposition").asText()).isEqualTo("Detected");
        assertThat(spam.get("message_trace_uid").asText()).isEqualTo("11802766");
        assertThat(line("<166>Sep 12 11:00:00 mail_logs: Info: MID 7 using engine: CASE spam suspect")
                        .get("disposition_id")
                        .asInt())
                .isEqualTo(15);
        JsonNode bulk =
                line("<166>Sep 12 11:00:00 mail_logs: Info: MID 68119155 interim verdict using engine: CASE bulk");
        assertThat(bulk.get("class_uid").asInt()).isZero();

        JsonNode quarantined = line("<166>May  2 12:50:34 mail_logs: Info: MID 423370831 quarantined to \"Outbreak\""
                + " (VOF rule:.pif file in zip)");
        assertClass(quarantined, 4009, 3);
        assertThat(quarantined.get("disposition").asText()).isEqualTo("Quarantined");
        assertThat(quarantined.get("status_detail").asText()).isEqualTo("VOF rule:.pif file in zip");

        JsonNode dropped = line(
                "<166>Aug 25 23:23:13 mail_logs: Info: MID 43 was dropped by policy drop_exe in the inbound table");
        assertClass(dropped, 4009, 3);
        assertDenied(dropped);
        assertThat(dropped.at("/policy/name").asText()).isEqualTo("drop_exe");
    }

    @Test
    void virusesAndMaliciousFilesAreDetectionFindings() throws Exception {
        JsonNode virus = line("<166>Oct  7 08:27:07 mail_logs: Info: MID 18313686 antivirus positive 'W32/Sober-P'"
                + " (released from Outbreak)");
        assertProduct(virus, PRODUCT);
        assertClass(virus, 2004, 1);
        assertThat(virus.at("/finding_info/title").asText()).isEqualTo("W32/Sober-P");
        assertThat(virus.at("/finding_info/uid").asText()).isEqualTo("18313686");
        assertThat(virus.get("status_detail").asText()).isEqualTo("positive");

        JsonNode part = line("<166>Sep 12 11:00:00 antivirus: Info: sophos  antivirus - MID 66784457 0 - Virus"
                + " 'CXmail/MalPE-HB' 'body.scan/242426.cab/rockro9046.exe' 1 0");
        assertClass(part, 2004, 1);
        assertThat(part.at("/finding_info/title").asText()).isEqualTo("CXmail/MalPE-HB");
        assertThat(part.at("/evidences/0/file/name").asText()).isEqualTo("rockro9046.exe");

        JsonNode amp = line("<166>Mar 17 18:24:37 amp: Info: Response received for file reputation query from Cloud."
                + " FileName = 'mod-6.exe', MID = 5, Disposition = MALICIOUS, Malware = W32.061DEF69B5-100.SBX.TG,"
                + "Reputation Score = 73, sha256 =061def69b5c100e9979610fa5675bd19258b19a7ff538b5c2d230b467c312f19,"
                + " upload_action = 2");
        assertClass(amp, 2004, 1);
        assertThat(amp.at("/finding_info/title").asText()).isEqualTo("W32.061DEF69B5-100.SBX.TG");
        assertThat(amp.at("/evidences/0/file/name").asText()).isEqualTo("mod-6.exe");
        assertThat(amp.at("/evidences/0/file/hashes/0/value").asText())
                .isEqualTo("061def69b5c100e9979610fa5675bd19258b19a7ff538b5c2d230b467c312f19");
        assertThat(amp.at("/evidences/0/file/hashes/0/algorithm_id").asInt()).isEqualTo(3);

        JsonNode lowRisk =
                line("<166>Mar 17 18:24:37 amp: Info: Response received for file reputation query from Cloud."
                        + " File Name = 'Test,File,With,Commas.pdf', MID = 17, Disposition = LOWRISK, Malware = None,"
                        + " Analysis Score = 0, sha256 = 16454aff5082c2e9df43f3e3b9cdba3c6ae1766416e548c30a971786db570bfc,"
                        + " upload_action = Recommended to send the file for analysis, verdict_source = CLAMAV");
        assertClass(lowRisk, 4009, 3);

        JsonNode retro = line("<166>Mar 17 18:24:37 amp: Info: Retrospective verdict received. SHA256:"
                + " 16454aff5082c2e9df43f3e3b9cdba3c6ae1766416e548c30a971786db570bfc, Timestamp: 1475832815.7,"
                + " Verdict: MALICIOUS, Reputation Score: 0, Spyname: W32.16454AFF50-100.SBX.");
        assertClass(retro, 2004, 2);
        assertThat(retro.at("/finding_info/title").asText()).isEqualTo("W32.16454AFF50-100.SBX");

        JsonNode dlp =
                line("<166>Mar 17 18:24:37 mail_logs: Info: MID 111 DLP violation. Severity: LOW (Risk Factor: 15)."
                        + " DLP policy match: 'PCI-DSS (Payment Card Industry Data Security Standard)'.");
        assertClass(dlp, 2006, 1);
        assertThat(dlp.at("/policy/name").asText()).isEqualTo("PCI-DSS (Payment Card Industry Data Security Standard)");
        assertThat(dlp.get("severity_id").asInt()).isEqualTo(2);
    }

    @Test
    void theTextLogsOwnLinesWithoutSyslogHeader() throws Exception {
        JsonNode from = line("Thu Apr 17 19:57:20 2025 Info: MID 6 ICID 5 From: <sender@remotehost.example>");
        assertProduct(from, PRODUCT);
        assertClass(from, 4009, 2);
        assertThat(from.at("/email/smtp_from").asText()).isEqualTo("sender@remotehost.example");
        assertThat(from.get("time").asLong()).isEqualTo(MappedRecords.epochMillis("2025-04-17T19:57:20Z"));
        assertBaseEventOf(
                line("<166>Mar 17 18:24:37 mail_logs: Warning: URL category definitions have changed."
                        + " Please check and update your filters to use the new definitions"),
                PRODUCT);
    }

    @Test
    void otherMailServersLinesAreNotClaimed() throws Exception {
        JsonNode postfix =
                line("<22>Mar 17 18:24:37 mx1 postfix/smtpd[4242]: Info: MID 6 ICID 5 From: <a@example.com>");
        assertThat(postfix.at("/metadata/product/name").asText()).isNotEqualTo(PRODUCT);
        JsonNode app = line("<14>Mar 17 18:24:37 web01 myapp: Info: New SMTP ICID 5 interface lo address 127.0.0.1");
        assertThat(app.at("/metadata/product/name").asText()).isNotEqualTo(PRODUCT);
        JsonNode fortimail = line(
                "date=2024-04-24 time=17:07:42 device_id=FE100C3909600504 log_id=100000924 type=virus"
                        + " subtype=infected pri=information from=\"syntax@www.ca\" to=\"user2@1.ca\" src=172.20.140.94"
                        + " session_id=\"q6OL7fsQ018870-q6OL7fsR018870\" msg=\"The file inline-16-69.dat is infected with EICAR_TEST_FILE.\"");
        assertThat(fortimail.at("/metadata/product/name").asText()).isNotEqualTo(PRODUCT);
    }
}
