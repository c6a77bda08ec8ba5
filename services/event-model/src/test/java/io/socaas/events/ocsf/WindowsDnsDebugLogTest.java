package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The Windows DNS Server debug log's packet lines, as Microsoft documents them: queries and responses
 * in both directions reach DNS Activity with the question name in dotted form, its type, the rcode
 * and the client or upstream server.
 */
class WindowsDnsDebugLogTest {

    private static final String QUERY_FROM_CLIENT = "2/28/2026 1:32:00 PM 0E54 PACKET  000001D0CCAB8E70 UDP Rcv "
            + "10.0.0.5        8f3a   Q [0001   D   NOERROR] A      (7)example(3)com(0)";
    private static final String RESPONSE_TO_CLIENT = "2/28/2026 1:32:00 PM 0E54 PACKET  000001D0CCAB8E70 UDP Snd "
            + "10.0.0.5        8f3a R Q [8183   DR NXDOMAIN] A      (5)login(9)micr0soft(6)online(0)";
    private static final String FORWARDED = "2026-02-28 13:32:00 0E54 PACKET  000001D0CD0A1150 UDP Snd 8.8.8.8"
            + "         2b1c   Q [0001   D   NOERROR] TXT    (4)abcd(5)evil-(3)c2x(3)net(0)";
    private static final String UPSTREAM_ANSWER = "2/28/2026 12:05:09 AM 0E54 PACKET  000001D0CD0A1150 TCP Rcv "
            + "8.8.8.8         2b1c R Q [8081   DR  NOERROR] AAAA   (3)www(6)google(3)com(0)";

    @Test
    void packetLinesAreDnsActivityWithTheQuestionInDottedForm() throws Exception {
        JsonNode query = line(QUERY_FROM_CLIENT);
        assertProduct(query, "Windows DNS Server");
        assertThat(query.get("class_uid").asInt()).isEqualTo(4003);
        assertThat(query.get("activity_id").asInt()).isEqualTo(1);
        assertThat(query.at("/query/hostname").asText()).isEqualTo("example.com");
        assertThat(query.at("/query/type").asText()).isEqualTo("A");
        assertThat(query.at("/src_endpoint/ip").asText()).isEqualTo("10.0.0.5");
        assertThat(query.at("/connection_info/protocol_name").asText()).isEqualTo("UDP");
        assertThat(query.get("time").asLong())
                .as("local time read as UTC")
                .isEqualTo(epochMillis("2026-02-28T13:32:00Z"));

        JsonNode response = line(RESPONSE_TO_CLIENT);
        assertThat(response.get("activity_id").asInt()).isEqualTo(2);
        assertThat(response.at("/query/hostname").asText()).isEqualTo("login.micr0soft.online");
        assertThat(response.get("rcode").asText()).isEqualTo("NXDOMAIN");
        assertThat(response.get("rcode_id").asInt()).isEqualTo(3);
        assertThat(response.at("/dst_endpoint/ip").asText()).isEqualTo("10.0.0.5");
        assertThat(response.at("/src_endpoint/ip").isMissingNode()).isTrue();

        JsonNode forwarded = line(FORWARDED);
        assertThat(forwarded.get("activity_id").asInt()).isEqualTo(1);
        assertThat(forwarded.at("/dst_endpoint/ip").asText()).isEqualTo("8.8.8.8");
        assertThat(forwarded.at("/query/hostname").asText()).isEqualTo("abcd.evil-.c2x.net");
        assertThat(forwarded.get("time").asLong()).isEqualTo(epochMillis("2026-02-28T13:32:00Z"));

        JsonNode upstream = line(UPSTREAM_ANSWER);
        assertThat(upstream.get("activity_id").asInt()).isEqualTo(2);
        assertThat(upstream.at("/src_endpoint/ip").asText()).isEqualTo("8.8.8.8");
        assertThat(upstream.get("time").asLong())
                .as("12 AM is midnight")
                .isEqualTo(epochMillis("2026-02-28T00:05:09Z"));
    }

    @Test
    void linesSentThroughSyslogOrAShipperReadTheSame() throws Exception {
        JsonNode syslog = line("<134>Feb 28 13:32:01 DC01 dnsdebug: " + QUERY_FROM_CLIENT);
        assertThat(syslog.at("/query/hostname").asText()).isEqualTo("example.com");
        assertThat(syslog.at("/device/hostname").asText()).isEqualTo("DC01");
        JsonNode filebeat = json("{\"@timestamp\":\"2026-02-28T13:32:01Z\",\"host\":{\"name\":\"DC01\"},\"message\":\""
                + RESPONSE_TO_CLIENT + "\"}");
        assertThat(filebeat.get("class_uid").asInt()).isEqualTo(4003);
        assertThat(filebeat.at("/query/hostname").asText()).isEqualTo("login.micr0soft.online");
    }

    @Test
    void datesAreReadInTheOrderOfTheServersRegionalFormat() throws Exception {
        long expected = epochMillis("2026-02-08T13:32:00Z");
        for (String written : new String[] {
            "2/8/2026 1:32:00 PM", // en-US, the default
            "08/02/2026 13:32:00", // en-GB, fr-FR, es-ES, it-IT: day first with a 24-hour clock
            "08.02.2026 13:32:00", // de-DE, ru-RU
            "08-02-2026 13:32:00", // nl-NL
            "2026/02/08 13:32:00", // ja-JP, zh-CN
            "2026-02-08 13:32:00" // ISO
        }) {
            JsonNode query = line(QUERY_FROM_CLIENT.replace("2/28/2026 1:32:00 PM", written));
            assertThat(query.get("class_uid").asInt()).as(written).isEqualTo(4003);
            assertThat(query.get("time").asLong()).as(written).isEqualTo(expected);
        }
        // only one order is a date: a 24-hour month-first date, a 12-hour day-first one (en-AU)
        assertThat(line(QUERY_FROM_CLIENT.replace("2/28/2026 1:32:00 PM", "2/28/2026 13:32:00"))
                        .get("time")
                        .asLong())
                .isEqualTo(epochMillis("2026-02-28T13:32:00Z"));
        assertThat(line(QUERY_FROM_CLIENT.replace("2/28/2026 1:32:00 PM", "28/02/2026 1:32:00 pm"))
                        .get("time")
                        .asLong())
                .isEqualTo(epochMillis("2026-02-28T13:32:00Z"));
    }

    @Test
    void otherLinesOfTheLogAndDatesOfOtherLocalesAreHandled() throws Exception {
        // the file's header and key are not packets
        assertThat(line("DNS Server log file creation at 2/28/2026 1:31:58 PM")
                        .get("class_uid")
                        .asInt())
                .isZero();
        assertThat(line("	  10     Query/Response      R = Response")
                        .get("class_uid")
                        .asInt())
                .isZero();
        // not a date: the packet is read, its time is not guessed (the syslog header's or received time)
        JsonNode noDate = line(QUERY_FROM_CLIENT.replace("2/28/2026 1:32:00 PM", "31/02/2026 13:32:00"));
        assertThat(noDate.at("/query/hostname").asText()).isEqualTo("example.com");
        assertThat(noDate.at("/unmapped/dns_date").asText()).isEqualTo("31/02/2026");
        assertThat(noDate.at("/unmapped/dns_time").isMissingNode()).isTrue();
        assertThat(noDate.at("/metadata/labels").toString()).contains(OcsfNormalizer.LABEL_TIME_FROM_RECEIVED);
        // names: the root alone, and a name not in (n)label form
        // names: the root alone, and a name not in (n)label form
        assertThat(WindowsDnsDebugLog.questionName("(0)")).isEqualTo("(0)");
        assertThat(WindowsDnsDebugLog.questionName("example.com")).isEqualTo("example.com");
        assertThat(WindowsDnsDebugLog.questionName("(3)www(7)example(3)org(0)")).isEqualTo("www.example.org");
    }
}
