package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAllowed;
import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The mapping files of cloud e-mail security gateways, with records written from their documented
 * API shapes: Mimecast's SIEM logs (API 2.0 batches, the legacy get-siem-logs JSON and the Targeted
 * Threat Protection logs) and Proofpoint TAP's SIEM API. Mail flow is Email Activity with the mail,
 * detections are Detection Findings with the mail, URL or file as evidence; other services' records
 * are not claimed.
 */
class EmailSecurityMappingsTest {

    private static final String MIMECAST_RECEIPT_REJECTED =
            "{\"accountId\":\"CACME01\",\"aggregateId\":\"agg-1\",\"processingId\":\"proc-1\","
                    + "\"type\":\"receipt\",\"subtype\":\"Rej\",\"action\":\"Rej\",\"direction\":\"Inbound\",\"messageId\":null,"
                    + "\"recipients\":\"anna@example.com\",\"senderEnvelope\":\"billing@invoices.example.net\",\"senderHeader\":null,"
                    + "\"senderIp\":\"203.0.113.45\",\"rejectionCode\":\"550\",\"rejectionInfo\":\"Envelope blocked - User Entry\","
                    + "\"rejectionType\":\"Manual Envelope Rejection\",\"subject\":null,\"timestamp\":1772359200000}";

    @Test
    void mimecastReceiptsAreEmailActivityReceiveWithTheVerdict() throws Exception {
        JsonNode rejected = json(MIMECAST_RECEIPT_REJECTED);
        assertThat(rejected.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(rejected.get("activity_id").asInt()).isEqualTo(2);
        assertDenied(rejected);
        assertThat(rejected.get("direction_id").asInt()).isEqualTo(1);
        assertThat(rejected.at("/email/smtp_from").asText()).isEqualTo("billing@invoices.example.net");
        assertThat(rejected.at("/email/smtp_to/0").asText()).isEqualTo("anna@example.com");
        assertThat(rejected.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.45");
        assertThat(rejected.get("status_detail").asText()).isEqualTo("Manual Envelope Rejection");
        assertThat(rejected.get("status_code").asText()).isEqualTo("550");
        assertThat(rejected.get("message").asText()).isEqualTo("Envelope blocked - User Entry");
        assertThat(rejected.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T10:00:00Z"));
        assertProduct(rejected, "Mimecast Email Security");

        JsonNode accepted = json(MIMECAST_RECEIPT_REJECTED
                .replace("\"action\":\"Rej\"", "\"action\":\"Acc\"")
                .replace("\"direction\":\"Inbound\"", "\"direction\":\"Internal\""));
        assertThat(accepted.get("activity_id").asInt()).isEqualTo(2);
        assertAllowed(accepted);
        assertThat(accepted.get("direction_id").asInt()).isEqualTo(3);

        // the legacy SIEM log's receipt record, its time with an offset without a colon
        JsonNode legacy =
                json("{\"acc\":\"C0A1\",\"datetime\":\"2026-03-01T11:00:00+0100\",\"aCode\":\"a-1\",\"Act\":\"Rej\","
                        + "\"Dir\":\"Inbound\",\"IP\":\"198.51.100.7\",\"Sender\":\"x@spam.example.org\",\"Rcpt\":\"bob@example.com\","
                        + "\"RejType\":\"Invalid Recipient Address\",\"RejCode\":\"550\",\"RejInfo\":\"Invalid Recipient\","
                        + "\"Subject\":\"Hello\",\"MsgId\":\"<m1@spam.example.org>\"}");
        assertThat(legacy.get("class_uid").asInt()).isEqualTo(4009);
        assertDenied(legacy);
        assertThat(legacy.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.7");
        assertThat(legacy.at("/email/subject").asText()).isEqualTo("Hello");
        assertThat(legacy.at("/email/message_uid").asText()).isEqualTo("<m1@spam.example.org>");
        assertThat(legacy.get("message_trace_uid").asText()).isEqualTo("a-1");
        assertThat(legacy.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T10:00:00Z"));
    }

    @Test
    void mimecastDeliveryJournalAndProcessLogs() throws Exception {
        JsonNode failed = json(
                "{\"acc\":\"C0A1\",\"datetime\":\"2026-03-01T10:00:00+0000\",\"aCode\":\"a-2\",\"Delivered\":false,"
                        + "\"IP\":\"192.0.2.25\",\"Dir\":\"Inbound\",\"Rcpt\":\"carl@example.com\",\"Sender\":\"news@example.net\","
                        + "\"RejType\":\"Recipient email address is possibly incorrect\",\"RejCode\":\"550\",\"RejInfo\":\"5.1.1 User unknown\"}");
        assertThat(failed.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(failed.get("activity_id").asInt()).isEqualTo(1);
        assertThat(failed.get("status_id").asInt()).isEqualTo(2);
        assertThat(failed.at("/dst_endpoint/ip").asText()).isEqualTo("192.0.2.25");
        assertThat(failed.has("src_endpoint")).isFalse();

        JsonNode delivered = json(
                "{\"accountId\":\"CACME01\",\"processingId\":\"p-3\",\"aggregateId\":\"g-3\",\"type\":\"delivery\","
                        + "\"delivered\":\"true\",\"destinationIp\":\"192.0.2.26\",\"direction\":\"Outbound\",\"recipients\":\"partner@example.org\","
                        + "\"senderEnvelope\":\"anna@example.com\",\"subject\":\"Offer\",\"timestamp\":1772359200000}");
        assertThat(delivered.get("activity_id").asInt()).isEqualTo(1);
        assertThat(delivered.get("status_id").asInt()).isEqualTo(1);
        assertThat(delivered.get("direction_id").asInt()).isEqualTo(2);

        JsonNode journal = json(
                "{\"accountId\":\"CACME01\",\"processingId\":\"p-4\",\"aggregateId\":\"g-4\",\"type\":\"journal\","
                        + "\"direction\":\"Internal\",\"recipients\":\"bob@example.com\",\"senderEnvelope\":\"anna@example.com\",\"timestamp\":1772359200000}");
        assertThat(journal.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(journal.get("activity_id").asInt()).isEqualTo(4);

        JsonNode held =
                json("{\"accountId\":\"CACME01\",\"processingId\":\"p-5\",\"aggregateId\":\"g-5\",\"type\":\"process\","
                        + "\"action\":\"Hld\",\"holdReason\":\"Spm\",\"senderEnvelope\":\"promo@example.net\",\"subject\":\"Win\","
                        + "\"messageId\":\"<m5@example.net>\",\"timestamp\":1772359200000}");
        assertThat(held.get("activity_id").asInt()).isEqualTo(3);
        assertDenied(held);
        assertThat(held.get("status_detail").asText()).isEqualTo("Spm");
    }

    @Test
    void mimecastThreatsAreDetectionFindings() throws Exception {
        JsonNode virus =
                json("{\"acc\":\"C0A1\",\"datetime\":\"2026-03-01T10:00:00+0000\",\"Virus\":\"Troj/Agent-XYZ\","
                        + "\"Sender\":\"hr@example.net\",\"Recipient\":\"anna@example.com\",\"Route\":\"Inbound\",\"IP\":\"203.0.113.9\","
                        + "\"Subject\":\"Payslip\",\"fileName\":\"payslip.xlsm\",\"sha256\":\"" + "ab".repeat(32)
                        + "\",\"MsgId\":\"<v1@example.net>\"}");
        assertThat(virus.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(virus.at("/finding_info/title").asText()).isEqualTo("Troj/Agent-XYZ");
        assertThat(virus.at("/malware/0/name").asText()).isEqualTo("Troj/Agent-XYZ");
        assertThat(virus.at("/evidences/0/file/name").asText()).isEqualTo("payslip.xlsm");
        assertThat(virus.at("/evidences/0/email/to/0").asText()).isEqualTo("anna@example.com");
        assertThat(virus.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("203.0.113.9");
        assertThat(virus.get("severity_id").asInt()).isEqualTo(5);

        JsonNode blockedClick =
                json("{\"userEmailAddress\":\"anna@example.com\",\"fromUserEmailAddress\":\"it@login.example.org\","
                        + "\"url\":\"https://login.example.org/reset\",\"ttpDefinition\":\"Default Inbound URL Protect Definition\","
                        + "\"subject\":\"Password expiry\",\"action\":\"block\",\"scanResult\":\"malicious\",\"category\":\"Phishing & Fraud\","
                        + "\"sendingIp\":\"198.51.100.50\",\"date\":\"2026-03-01T10:00:00+0000\",\"route\":\"inbound\","
                        + "\"creationMethod\":\"User Click\",\"messageId\":\"<c1@login.example.org>\"}");
        assertThat(blockedClick.get("class_uid").asInt()).isEqualTo(2004);
        assertDenied(blockedClick);
        assertThat(blockedClick.at("/finding_info/title").asText()).isEqualTo("Phishing & Fraud");
        assertThat(blockedClick.at("/evidences/0/url/url_string").asText())
                .isEqualTo("https://login.example.org/reset");
        assertThat(blockedClick.at("/evidences/0/user/email_addr").asText()).isEqualTo("anna@example.com");
        assertThat(blockedClick.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T10:00:00Z"));

        // a click on a clean URL is mail activity, not a finding
        JsonNode cleanClick = json(
                "{\"userEmailAddress\":\"anna@example.com\",\"url\":\"https://www.example.com/news\","
                        + "\"ttpDefinition\":\"Default Inbound URL Protect Definition\",\"action\":\"allow\",\"scanResult\":\"clean\","
                        + "\"category\":\"Business\",\"date\":\"2026-03-01T10:00:00+0000\",\"creationMethod\":\"User Click\"}");
        assertThat(cleanClick.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(cleanClick.get("activity_id").asInt()).isEqualTo(3);
        assertAllowed(cleanClick);
        assertThat(cleanClick.at("/email/urls/0/url_string").asText()).isEqualTo("https://www.example.com/news");
        assertThat(cleanClick.at("/actor/user/email_addr").asText()).isEqualTo("anna@example.com");

        JsonNode impersonation = json(
                "{\"id\":\"MTOKEN:abc\",\"senderAddress\":\"ceo@examp1e.com\",\"recipientAddress\":\"finance@example.com\","
                        + "\"subject\":\"Urgent transfer\",\"definition\":\"IP - 2 hits (Hold for Review)\",\"hits\":2,\"action\":\"hold\","
                        + "\"taggedExternal\":false,\"taggedMalicious\":true,\"senderIpAddress\":\"203.0.113.77\","
                        + "\"eventTime\":\"2026-03-01T10:00:00+0000\",\"impersonationResults\":[],\"messageId\":\"<i1@examp1e.com>\"}");
        assertThat(impersonation.get("class_uid").asInt()).isEqualTo(2004);
        assertDenied(impersonation);
        assertThat(impersonation.at("/finding_info/types/0").asText()).isEqualTo("Impersonation");
        assertThat(impersonation.at("/evidences/0/email/smtp_from").asText()).isEqualTo("ceo@examp1e.com");

        JsonNode attachment = json(
                "{\"accountId\":\"CACME01\",\"processingId\":\"p-6\",\"aggregateId\":\"g-6\",\"type\":\"attachment protect\","
                        + "\"fileName\":\"invoice.pdf\",\"fileExtension\":\"pdf\",\"sha256\":\"" + "cd".repeat(32)
                        + "\",\"timestamp\":1772359200000}");
        assertThat(attachment.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(attachment.at("/evidences/0/file/hashes/0/value").asText()).isEqualTo("cd".repeat(32));
    }

    private static final String TAP_MESSAGE =
            "{\"GUID\":\"guid-msg-1\",\"QID\":\"q1\",\"messageTime\":\"2026-03-01T10:00:00.000Z\","
                    + "\"threatsInfoMap\":[{\"threatID\":\"t1\",\"threatStatus\":\"active\",\"classification\":\"phish\","
                    + "\"threatUrl\":\"https://threatinsight.proofpoint.com/x/threat/email/t1\",\"threatTime\":\"2026-03-01T09:59:00.000Z\","
                    + "\"threat\":\"https://login.example.org/reset\",\"threatType\":\"url\"}],\"sender\":\"it@login.example.org\","
                    + "\"fromAddress\":[\"it@login.example.org\"],\"recipient\":[\"anna@example.com\"],\"toAddresses\":[\"anna@example.com\"],"
                    + "\"senderIP\":\"198.51.100.60\",\"subject\":\"Password expiry\",\"messageID\":\"<p1@login.example.org>\","
                    + "\"quarantineFolder\":null,\"messageSize\":2048}";

    @Test
    void proofpointTapMessagesAndClicksAreDetectionFindings() throws Exception {
        JsonNode message = json(TAP_MESSAGE);
        assertThat(message.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(message.at("/finding_info/title").asText()).isEqualTo("phish");
        assertThat(message.at("/finding_info/uid").asText()).isEqualTo("guid-msg-1");
        assertThat(message.at("/finding_info/desc").asText()).isEqualTo("https://login.example.org/reset");
        assertThat(message.at("/evidences/0/email/smtp_from").asText()).isEqualTo("it@login.example.org");
        assertThat(message.at("/evidences/0/email/smtp_to/0").asText()).isEqualTo("anna@example.com");
        assertThat(message.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("198.51.100.60");
        assertThat(message.get("severity_id").asInt()).isEqualTo(4);
        assertThat(message.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T10:00:00Z"));
        // the record alone does not say whether it was blocked
        assertThat(message.has("action_id")).isFalse();
        assertProduct(message, "Targeted Attack Protection");

        assertDenied(json(TAP_MESSAGE.replace("\"QID\"", "\"eventType\":\"messagesBlocked\",\"QID\"")));
        assertDenied(json(TAP_MESSAGE.replace("\"quarantineFolder\":null", "\"quarantineFolder\":\"Phish\"")));
        assertAllowed(json(TAP_MESSAGE.replace("\"QID\"", "\"eventType\":\"messagesDelivered\",\"QID\"")));

        JsonNode click = json(
                "{\"GUID\":\"guid-click-1\",\"id\":\"click-1\",\"eventType\":\"clicksBlocked\",\"classification\":\"spam\","
                        + "\"clickTime\":\"2026-03-01T10:05:00.000Z\",\"threatTime\":\"2026-03-01T09:00:00.000Z\",\"url\":\"http://promo.example.net/x\","
                        + "\"clickIP\":\"192.0.2.44\",\"recipient\":\"anna@example.com\",\"sender\":\"promo@example.net\",\"senderIP\":\"198.51.100.61\","
                        + "\"threatID\":\"t2\",\"threatURL\":\"https://threatinsight.proofpoint.com/x/threat/email/t2\",\"threatStatus\":\"active\","
                        + "\"userAgent\":\"Mozilla/5.0\",\"messageID\":\"<p2@example.net>\"}");
        assertThat(click.get("class_uid").asInt()).isEqualTo(2004);
        assertDenied(click);
        assertThat(click.get("severity_id").asInt()).isEqualTo(2);
        assertThat(click.at("/evidences/0/url/url_string").asText()).isEqualTo("http://promo.example.net/x");
        assertThat(click.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("192.0.2.44");
        assertThat(click.at("/actor/user/email_addr").asText()).isEqualTo("anna@example.com");
        assertThat(click.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T10:05:00Z"));
    }

    @Test
    void proofpointTapMessagesKeepEveryRecipient() throws Exception {
        JsonNode message = json(
                "{\"GUID\":\"guid-msg-7\",\"QID\":\"q7\",\"eventType\":\"messagesDelivered\","
                        + "\"messageTime\":\"2026-04-14T08:30:00.000Z\",\"threatsInfoMap\":[{\"threatID\":\"t7\",\"classification\":\"malware\","
                        + "\"threatStatus\":\"active\",\"threat\":\"9f\",\"threatType\":\"attachment\"}],"
                        + "\"sender\":\"bounce@mailer.example.net\",\"fromAddress\":[\"accounts@mailer.example.net\"],"
                        + "\"recipient\":[\"lena.k@contoso.example\",\"finance@contoso.example\",\"omar@contoso.example\"],"
                        + "\"toAddresses\":[\"lena.k@contoso.example\",\"finance@contoso.example\"],\"ccAddresses\":[\"omar@contoso.example\"],"
                        + "\"replyToAddress\":[],\"senderIP\":\"203.0.113.201\",\"subject\":\"Remittance advice\",\"messageSize\":91220}");
        assertThat(message.at("/evidences/0/email/to").size()).isEqualTo(2);
        assertThat(message.at("/evidences/0/email/to/0").asText()).isEqualTo("lena.k@contoso.example");
        assertThat(message.at("/evidences/0/email/to/1").asText()).isEqualTo("finance@contoso.example");
        assertThat(message.at("/evidences/0/email/cc/0").asText()).isEqualTo("omar@contoso.example");
        assertThat(message.at("/evidences/0/email/smtp_to").size()).isEqualTo(3);
        assertThat(message.at("/evidences/0/email/smtp_to/2").asText()).isEqualTo("omar@contoso.example");
        assertAllowed(message);

        // a blocked message whose To: header TAP did not record (null, or an empty list): the envelope
        // recipients stand for it
        for (String noHeader : new String[] {"null", "[]"}) {
            JsonNode blocked = json(
                    "{\"GUID\":\"guid-msg-8\",\"type\":\"messagesBlocked\",\"messageTime\":\"2026-04-14T09:02:11.000Z\","
                            + "\"threatsInfoMap\":[{\"threatID\":\"t8\",\"classification\":\"phish\",\"threat\":\"https://sso.example.org/x\"}],"
                            + "\"sender\":\"\",\"recipient\":[\"j.doe@fabrikam.example\",\"helpdesk@fabrikam.example\"],"
                            + "\"toAddresses\":" + noHeader + ",\"ccAddresses\":null,\"senderIP\":\"192.0.2.17\"}");
            assertDenied(blocked);
            assertThat(blocked.at("/evidences/0/email/to").size()).isEqualTo(2);
            assertThat(blocked.at("/evidences/0/email/to/1").asText()).isEqualTo("helpdesk@fabrikam.example");
            assertThat(blocked.at("/evidences/0/email/cc").isMissingNode()).isTrue();
            assertThat(blocked.at("/evidences/0/email/smtp_from").isMissingNode())
                    .isTrue();
        }
    }

    @Test
    void otherShapesAreNotClaimed() throws Exception {
        // a record of another service with a 'type' and an account: not Mimecast's without its processing id
        assertThat(json("{\"type\":\"receipt\",\"accountId\":\"1\",\"action\":\"Rej\"}")
                        .at("/metadata/product/name")
                        .asText())
                .isNotEqualTo("Mimecast Email Security");
        assertThat(json("{\"GUID\":\"g\",\"messageTime\":\"2026-03-01T10:00:00Z\"}")
                        .at("/metadata/product/name")
                        .asText())
                .isNotEqualTo("Targeted Attack Protection");
        // Sophos Central's and Duo's events stay theirs
        assertProduct(
                json("{\"type\":\"Event::Endpoint::Threat::Detected\",\"customer_id\":\"c1\",\"endpoint_id\":\"e1\","
                        + "\"name\":\"Malware detected\",\"when\":\"2026-03-01T10:00:00Z\"}"),
                "Sophos Central");
        // a Mimecast record of a kind the file does not know is a Base Event of Mimecast
        assertBaseEventOf(
                json(
                        "{\"accountId\":\"CACME01\",\"processingId\":\"p-9\",\"type\":\"unknown kind\",\"timestamp\":1772359200000}"),
                "Mimecast Email Security");
    }
}
