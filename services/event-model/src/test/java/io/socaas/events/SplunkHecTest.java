package io.socaas.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.events.ocsf.OcsfNormalizer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplunkHecTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final EventBatchParser parser = new EventBatchParser();

    private List<JsonEvent> envelopes(String body) {
        return SplunkHec.events(parser.parse(body.getBytes(StandardCharsets.UTF_8), EventBatchParser.Format.JSON));
    }

    private static JsonNode normalized(JsonEvent event) throws Exception {
        return JSON.readTree(OcsfNormalizer.withShippedMappings()
                .normalize(
                        event, new OcsfNormalizer.Context(TenantId.of("acme"), IngestIds.next(), Instant.now(), "hec"))
                .event()
                .toJsonBytes());
    }

    @Test
    void concatenatedEnvelopesGiveTheirEventsWithHecMetadataBeside() throws Exception {
        // as Fluent Bit, Vector and the OpenTelemetry Collector send them: objects one after another
        List<JsonEvent> events = envelopes("""
                {"time": 1772356799.5, "host": "web01", "source": "/var/log/auth.log", "sourcetype": "linux_secure",
                 "event": "Mar  1 09:59:59 web01 sshd[123]: Failed password for root from 203.0.113.9 port 4444 ssh2"}{"event": {"Channel": "Security", "EventID": 4625, "TargetUserName": "administrator", "IpAddress": "203.0.113.7"},
                 "host": "dc01", "fields": {"site": "hq"}}
                {"event": {"log": "192.0.2.4 - - [01/Mar/2026:09:59:59 +0000] \\"GET /.env HTTP/1.1\\" 404 153 \\"-\\" \\"curl/8.5\\"\\n", "stream": "stdout"}}""");
        assertThat(events).hasSize(3);

        JsonNode line = normalized(events.get(0));
        assertThat(line.get("class_uid").asInt())
                .as("the line read as the sshd line it is")
                .isEqualTo(3002);
        assertThat(line.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.9");
        assertThat(line.at("/unmapped/splunk_hec/sourcetype").asText()).isEqualTo("linux_secure");
        assertThat(line.at("/unmapped/splunk_hec/host").asText()).isEqualTo("web01");

        JsonNode windows = normalized(events.get(1));
        assertThat(windows.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(windows.at("/user/name").asText()).isEqualTo("administrator");
        assertThat(windows.at("/unmapped/splunk_hec/fields/site").asText()).isEqualTo("hq");

        JsonNode container = normalized(events.get(2));
        assertThat(container.get("class_uid").asInt())
                .as("a container's access log line")
                .isEqualTo(4002);
        assertThat(container.has(SplunkHec.METADATA)).isFalse();
    }

    @Test
    void anEnvelopeWithoutAnEventOrWithABlankOneIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> envelopes("{\"event\": \"ok\"}\n{\"host\": \"web01\", \"time\": 1}"))
                .isInstanceOfSatisfying(InvalidEventBatchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(InvalidEventBatchException.Kind.MISSING_EVENT);
                    assertThat(e.line()).hasValue(2);
                    assertThat(e.event())
                            .as("HEC's invalid-event-number is 0-based")
                            .hasValue(1);
                });
        assertThatThrownBy(() -> envelopes("{\"event\": \"  \"}"))
                .isInstanceOfSatisfying(InvalidEventBatchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(InvalidEventBatchException.Kind.BLANK_EVENT);
                    assertThat(e.getMessage()).contains("blank");
                    assertThat(e.event()).hasValue(0);
                });
        assertThatThrownBy(() -> envelopes("{\"event\": {}}"))
                .isInstanceOfSatisfying(
                        InvalidEventBatchException.class,
                        e -> assertThat(e.kind()).isEqualTo(InvalidEventBatchException.Kind.BLANK_EVENT));
        assertThatThrownBy(() -> envelopes("{\"event\": \"ok\"}{\"event\": \"ok\"} not json"))
                .isInstanceOfSatisfying(InvalidEventBatchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(InvalidEventBatchException.Kind.MALFORMED_JSON);
                    assertThat(e.event())
                            .as("the third envelope could not be read")
                            .hasValue(2);
                });
    }

    @Test
    void aRawRequestsLinesAreEachALogLineWithTheQuerysMetadata() throws Exception {
        byte[] body = ("<34>1 2026-03-01T09:59:59Z fw01 sshd 123 - - Failed password for invalid user admin from"
                        + " 198.51.100.4 port 2222 ssh2\r\n\n   \nplain text from an application\n")
                .getBytes(StandardCharsets.UTF_8);
        List<JsonEvent> events =
                SplunkHec.rawLines(body, Map.of("host", "fw01", "sourcetype", "syslog", "source", ""), parser);
        assertThat(events).hasSize(2);
        JsonNode first = normalized(events.get(0));
        assertThat(first.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(first.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.4");
        assertThat(first.at("/unmapped/splunk_hec/host").asText()).isEqualTo("fw01");
        assertThat(first.at("/unmapped/splunk_hec").has("source"))
                .as("blank values left out")
                .isFalse();
        assertThat(normalized(events.get(1)).get("message").asText()).isEqualTo("plain text from an application");

        assertThatThrownBy(() -> SplunkHec.rawLines(" \n\r\n".getBytes(StandardCharsets.UTF_8), Map.of(), parser))
                .isInstanceOfSatisfying(
                        InvalidEventBatchException.class,
                        e -> assertThat(e.kind()).isEqualTo(InvalidEventBatchException.Kind.EMPTY));
        EventBatchParser small = new EventBatchParser(2, 1000);
        assertThatThrownBy(() -> SplunkHec.rawLines("a\nb\nc\n".getBytes(StandardCharsets.UTF_8), Map.of(), small))
                .isInstanceOfSatisfying(
                        InvalidEventBatchException.class,
                        e -> assertThat(e.kind()).isEqualTo(InvalidEventBatchException.Kind.TOO_MANY_EVENTS));
    }

    @Test
    void aRawRequestOfWindowsEventsInSplunksClassicFormatGivesOneEventPerWindowsEvent() throws Exception {
        // as a Splunk forwarder or a pipeline in front of Splunk sends sourcetype WinEventLog
        // (an event's message runs to the next event's date line: what follows the last one is its message)
        String body = "\n" + io.socaas.events.ocsf.WindowsEventTextTest.SPLUNK_FAILED_LOGON + "\r\n"
                + io.socaas.events.ocsf.WindowsEventTextTest.SPLUNK_SYSMON_REGISTRY + "\n\n";
        List<JsonEvent> events =
                SplunkHec.rawLines(body.getBytes(StandardCharsets.UTF_8), Map.of("sourcetype", "WinEventLog"), parser);
        assertThat(events).hasSize(2);
        JsonNode logon = normalized(events.get(0));
        assertThat(logon.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(logon.at("/user/name").asText()).isEqualTo("svc_backup");
        assertThat(logon.at("/src_endpoint/ip").asText())
                .as("the message's last line belongs to its event")
                .isEqualTo("198.51.100.23");
        JsonNode registry = normalized(events.get(1));
        assertThat(registry.get("class_uid").asInt()).isEqualTo(201002);
        assertThat(registry.at("/unmapped/User").asText()).isEqualTo("CORP\\alice");
        assertThat(registry.get("raw_data").asText())
                .as("the event as sent, without the blank lines after it")
                .isEqualTo(io.socaas.events.ocsf.WindowsEventTextTest.SPLUNK_SYSMON_REGISTRY);
    }

    @Test
    void theEnvelopesTimeIsTheEventsTimeWhereTheEventHasNoneOfItsOwn() throws Exception {
        List<JsonEvent> events = envelopes("""
                {"time": 1772356799.123, "event": "GET /health 200 3ms"}
                {"time": "1772356799", "event": {"log": "worker started"}}
                {"time": 1772356799, "event": "<34>1 2026-03-01T08:00:00Z web01 sshd 123 - - Failed password for root from 203.0.113.9 port 4444 ssh2"}
                {"time": 1772356799, "event": {"Channel": "Security", "EventID": 4625, "SystemTime": "2026-03-01T07:00:00Z"}}
                {"time": "soon", "event": "no time at all"}""");
        long envelope = Instant.parse("2026-03-01T09:19:59Z").toEpochMilli();
        assertThat(normalized(events.get(0)).get("time").asLong()).isEqualTo(envelope + 123);
        assertThat(normalized(events.get(1)).get("time").asLong()).isEqualTo(envelope);
        // the source's own time wins: the syslog header's, the Windows event's
        assertThat(normalized(events.get(2)).get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T08:00:00Z").toEpochMilli());
        assertThat(normalized(events.get(3)).get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T07:00:00Z").toEpochMilli());
        JsonNode unreadable = normalized(events.get(4));
        assertThat(unreadable.at("/metadata/labels").toString()).contains(OcsfNormalizer.LABEL_TIME_FROM_RECEIVED);
    }

    @Test
    void dockersSplunkLogDriverSendsTheContainersLineInLine() throws Exception {
        // the driver's inline format: the line, its stream and the tag, the time as a text
        JsonNode access = normalized(envelopes("""
                {"event": {"line": "192.0.2.4 - - [01/Mar/2026:09:59:59 +0000] \\"GET /wp-login.php HTTP/1.1\\" 404 153 \\"-\\" \\"curl/8.5\\"",
                   "source": "stdout", "tag": "shop-web/3f2a"}, "time": "1772358000.250000", "host": "docker-1"}""").getFirst());
        assertThat(access.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(access.at("/http_request/url/path").asText()).isEqualTo("/wp-login.php");
        assertThat(access.at("/unmapped/tag").asText()).isEqualTo("shop-web/3f2a");
        assertThat(access.at("/unmapped/splunk_hec/host").asText()).isEqualTo("docker-1");
    }
}
