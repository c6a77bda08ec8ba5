package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Microsoft Exchange Server's message tracking log (MSGTRK*.LOG): its CSV lines as an agent sends them,
 * and the same columns as a JSON event after a shipper's CSV parse. Lines from the Elastic
 * {@code microsoft_exchange_server} integration's pipeline test ({@code test-messagetracking.log}) and
 * lines written from the documented format (Microsoft Learn, "Message tracking in Exchange Server":
 * fields, event types and sources); neighbouring Exchange lines (HttpProxy, the file's own header) and
 * other CSV lines are left to their files.
 */
class ExchangeMessageTrackingMappingsTest {

    // Elastic integration sample: a message received over SMTP through the front end's proxy
    private static final String RECEIVE =
            "2024-01-25T15:16:09.949Z,10.11.12.14,exchange-mail.my.domain.com,10.11.12.14,"
                    + "exchange-mail,08DC1DB12C345BE5;2024-01-25T15:16:09.544Z;0,exchange-mail\\Default exchange-mail,SMTP,"
                    + "RECEIVE,70912345566403,<20240123200014.123F425E28@host01.my.domain.com>,"
                    + "1e6eb197-c6b4-1234-1b69-56dc1db88f50,mailuser@my.domain.com,,7229,1,,,vzdump backup status"
                    + " (host01.my.domain.com): backup successful,root@host01.my.domain.com,root@host01.my.domain.com,0cA: ,"
                    + "Incoming,,10.11.12.13,10.11.12.14,S:ProxyHop1=exchange-mail.my.domain.com(10.11.12.14);"
                    + "S:MessageValue=MediumHigh;S:FromEntity=Internet;S:DeliveryPriority=Normal;S:AccountForest=my.domain.com,"
                    + "Email,05503123-c5b9-46fe-1234-56dc1db88f8f,15.02.0330.005";

    @Test
    void receivedAndSentMessagesAreEmailActivityWithTheirSenderRecipientsAndEndpoints() throws Exception {
        JsonNode received = line(RECEIVE);
        assertProduct(received, "Exchange Server");
        assertThat(received.at("/metadata/log_name").asText()).isEqualTo("MessageTracking");
        assertThat(received.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(received.get("activity_id").asInt()).isEqualTo(2);
        assertThat(received.get("status_id").asInt()).isEqualTo(1);
        assertThat(received.at("/email/from").asText()).isEqualTo("root@host01.my.domain.com");
        assertThat(received.at("/email/smtp_from").asText()).isEqualTo("root@host01.my.domain.com");
        assertThat(received.at("/email/to/0").asText()).isEqualTo("mailuser@my.domain.com");
        assertThat(received.at("/email/subject").asText())
                .isEqualTo("vzdump backup status (host01.my.domain.com): backup successful");
        assertThat(received.at("/email/message_uid").asText())
                .isEqualTo("<20240123200014.123F425E28@host01.my.domain.com>");
        assertThat(received.at("/email/uid").asText()).isEqualTo("1e6eb197-c6b4-1234-1b69-56dc1db88f50");
        assertThat(received.at("/email/size").asLong()).isEqualTo(7229);
        assertThat(received.get("direction_id").asInt()).isEqualTo(1);
        assertThat(received.at("/src_endpoint/ip").asText()).isEqualTo("10.11.12.14");
        assertThat(received.at("/dst_endpoint/hostname").asText()).isEqualTo("exchange-mail");
        assertThat(received.get("time").asLong()).isEqualTo(epochMillis("2024-01-25T15:16:09.949Z"));
        assertThat(received.at("/unmapped/eventId").asText()).isEqualTo("RECEIVE");
        assertThat(received.at("/unmapped/connectorId").asText()).isEqualTo("exchange-mail\\Default exchange-mail");
        assertThat(received.at("/unmapped/originalClientIp").asText()).isEqualTo("10.11.12.13");

        // Elastic integration sample: sent to Exchange Online through a send connector, the source
        // context quoted because it holds commas, the null envelope sender <>
        JsonNode sent = line("<134>Jan 14 09:29:06 HELLOWORLD MSExchangeMsgTrk: 2025-01-14T09:29:05.327Z,216.160.83.56,"
                + "HELLOWORLD,175.16.199.1,global-mail-onmicrosoft-com.mail.protection.outlook.com,\";250 2.6.0"
                + " <1736846922.907742.2942@foo.bar.local> [InternalId=5450313518243, Hostname=AAAAAAAAAAAAA.bbbbbbbb"
                + ".prod.outlook.com] 141301 bytes in 0.101, 1361.827 KB/sec Queued mail for delivery;ClientSubmitTime:\","
                + "Outbound to Office 365 - cb1ce4e7-cbb6-46e8-8a4c-e1f2efbdd202,SMTP,SENDEXTERNAL,8774618205228,"
                + "<1736846922.907742.2942@foo.bar.local>,cb1ce4e7-cbb6-46e8-8a4c-e1f2efbdd202,email@email.com,"
                + "250 2.1.5 Recipient OK,136349,1,,,John Doe,,<>,2025-01-14T09:28:50.814Z;SRV=HELLOWORLD.foo"
                + ".example.com:TOTAL-FE=0.074|SMS=0.002,Incoming,,,,S:E2ELatency=14.513;S:ToEntity=Internet;"
                + "S:DeliveryPriority=Normal;S:OriginalFromAddress=<>,Email,82f8feae-ef9b-41bf-8500-1e10946655ae,"
                + "15.01.2507.039");
        assertThat(sent.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(sent.get("activity_id").asInt()).isEqualTo(1);
        assertThat(sent.at("/email/to/0").asText()).isEqualTo("email@email.com");
        assertThat(sent.at("/email/smtp_from").asText()).isEqualTo("<>");
        assertThat(sent.at("/email/from").isMissingNode()).isTrue();
        assertThat(sent.at("/dst_endpoint/ip").asText()).isEqualTo("175.16.199.1");
        assertThat(sent.at("/dst_endpoint/hostname").asText())
                .isEqualTo("global-mail-onmicrosoft-com.mail.protection.outlook.com");
        assertThat(sent.get("status_detail").asText()).isEqualTo("250 2.1.5 Recipient OK");
        assertThat(sent.at("/unmapped/sourceContextQ").asText()).startsWith(";250 2.6.0");
    }

    @Test
    void aFailedDeliveryIsAFailedSendAndOtherEventsAreTraces() throws Exception {
        // documented format: a delivery that failed (source ROUTING), several recipients, Originating
        JsonNode failed = line("2026-03-01T08:12:44.120Z,,,,EX01,No recipients resolved,,ROUTING,FAIL,"
                + "12884901993,<b1c1a6e1f8a24a5e9d0d5e6c3f1a2b3c@EX01.contoso.com>,"
                + "5f0c2e1a-3b4d-4c5e-8f90-08de57a1b2c3,nobody@contoso.com;ghost@contoso.com,"
                + "\"550 5.1.1 RESOLVER.ADR.ExRecipNotFound; not found\",8812,2,,,\"Invoice, March\","
                + "alice@contoso.com,alice@contoso.com,,Originating,,,,,Email,"
                + "0b3f2a9c-1d2e-4f50-a6b7-08de57a1b2c4,15.02.1544.004");
        assertThat(failed.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(failed.get("activity_id").asInt()).isEqualTo(1);
        assertThat(failed.get("status_id").asInt()).isEqualTo(2);
        assertThat(failed.get("status_detail").asText()).isEqualTo("550 5.1.1 RESOLVER.ADR.ExRecipNotFound; not found");
        assertThat(failed.at("/email/subject").asText()).isEqualTo("Invoice, March");
        assertThat(failed.at("/email/to/0").asText()).isEqualTo("nobody@contoso.com;ghost@contoso.com");
        assertThat(failed.get("direction_id").asInt()).isEqualTo(99);
        assertThat(failed.get("direction").asText()).isEqualTo("Originating");
        assertThat(failed.at("/email/from").asText()).isEqualTo("alice@contoso.com");

        // Elastic integration sample: a mailbox's outbox noticed (NOTIFYMAPI) is a trace, client over IPv6
        JsonNode notify = line("2025-01-14T09:28:39.334Z,2a02:cf40::0000:1234:5678:9abc,HELLOWORLD,,,\"MDB:"
                + "f4adaa08-ff49-4bca-ba70-68e9b80597b0, Mailbox:84dd42d9-8814-4758-a8bb-e8765d62ec90, Event:190620893,"
                + " MessageClass:IPM.Note, CreationTime:2025-01-14T09:28:39.321Z, ClientType:MOMT, SubmissionAssistant:"
                + "MailboxTransportSubmissionEmailAssistant\",,STOREDRIVER,NOTIFYMAPI,,,,,,,,,,,email@email.com,,"
                + "2025-01-14T09:28:39.321Z;LSRV=HELLOWORLD.foo.example.com:TOTAL-SUB=0.013|SA=0.013|MTSS-PEN=0.000,,,,,"
                + "S:ItemEntryId=00-00-00-00-39-E7-E4-05,,74364e3b-32b7-4108-9a2c-6dda84007459,15.01.2507.039");
        assertThat(notify.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(notify.get("activity_id").asInt()).isEqualTo(4);
        assertThat(notify.has("status_id") && notify.get("status_id").asInt() == 2)
                .isFalse();
        assertThat(notify.at("/email/from").asText()).isEqualTo("email@email.com");
        assertThat(notify.at("/src_endpoint/ip").asText()).isEqualTo("2a02:cf40::0000:1234:5678:9abc");
    }

    @Test
    void theColumnsOfACsvParseAreReadByTheirNames() throws Exception {
        // the documented columns as the keys of a shipper's CSV parse (NXLog xm_csv, Logstash csv)
        JsonNode delivered = json("{\"date-time\":\"2026-03-01T08:15:02.511Z\",\"client-ip\":\"\","
                + "\"client-hostname\":\"EX01\",\"server-ip\":\"\",\"server-hostname\":\"EX01.contoso.com\","
                + "\"source-context\":\"MDB:7a1b...\",\"connector-id\":\"\",\"source\":\"STOREDRIVER\","
                + "\"event-id\":\"DELIVER\",\"internal-message-id\":\"12884902011\","
                + "\"message-id\":\"<CAF1x@mail.example.net>\",\"network-message-id\":\"7d1e2f30-aa11-4b22-8c33-08de57a1c0d1\","
                + "\"recipient-address\":\"bob@contoso.com\",\"recipient-status\":\"\",\"total-bytes\":\"24017\","
                + "\"recipient-count\":\"1\",\"message-subject\":\"Quarterly report\","
                + "\"sender-address\":\"carol@example.net\",\"return-path\":\"bounce@example.net\","
                + "\"directionality\":\"Incoming\",\"schema-version\":\"15.02.1544.004\"}");
        assertProduct(delivered, "Exchange Server");
        assertThat(delivered.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(delivered.get("activity_id").asInt()).isEqualTo(2);
        assertThat(delivered.at("/email/to/0").asText()).isEqualTo("bob@contoso.com");
        assertThat(delivered.at("/email/from").asText()).isEqualTo("carol@example.net");
        assertThat(delivered.at("/email/smtp_from").asText()).isEqualTo("bounce@example.net");
        assertThat(delivered.at("/email/size").asLong()).isEqualTo(24017);
        assertThat(delivered.get("direction_id").asInt()).isEqualTo(1);
        assertThat(delivered.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T08:15:02.511Z"));

        // a JSON event with an event-id but not the log's columns is not the message tracking log
        JsonNode other = json("{\"event-id\":\"SEND\",\"source\":\"SMTP\",\"user\":\"x\"}");
        assertThat(other.at("/metadata/log_name").asText()).isNotEqualTo("MessageTracking");
    }

    @Test
    void theHeaderHttpProxyAndOtherCsvLinesAreLeftToTheirFiles() throws Exception {
        JsonNode header = line("#Fields: date-time,client-ip,client-hostname,server-ip,server-hostname,source-context,"
                + "connector-id,source,event-id,internal-message-id,message-id,network-message-id,recipient-address,"
                + "recipient-status,total-bytes,recipient-count,related-recipient-address,reference,message-subject,"
                + "sender-address,return-path,message-info,directionality,tenant-id,original-client-ip,"
                + "original-server-ip,custom-data,transport-traffic-type,log-id,schema-version");
        assertThat(header.get("class_uid").asInt()).isZero();
        assertThat(header.at("/metadata/labels").toString()).contains("file_header");

        // Exchange's SMTP receive protocol log: same server, another log
        JsonNode smtpReceive = line("2026-03-01T08:12:44.120Z,EX01\\Default Frontend EX01,08DE57A1B2C3D4E5,3,"
                + "10.0.0.5:25,203.0.113.7:51234,<,250 2.1.5 Recipient OK,");
        assertThat(smtpReceive.at("/metadata/log_name").asText()).isNotEqualTo("MessageTracking");
        assertThat(smtpReceive.get("class_uid").asInt()).isNotEqualTo(4009);

        // a line cut short (a shipper's line limit) does not pass for a whole event
        String cut = RECEIVE.substring(0, RECEIVE.indexOf(",Incoming,"));
        assertThat(line(cut).at("/metadata/log_name").asText()).isNotEqualTo("MessageTracking");
    }
}
