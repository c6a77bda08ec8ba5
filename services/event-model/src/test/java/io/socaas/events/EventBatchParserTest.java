package io.socaas.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.events.EventBatchParser.Format;
import io.socaas.events.InvalidEventBatchException.Kind;
import io.socaas.events.ocsf.OcsfNormalizer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBatchParserTest {

    private final EventBatchParser parser = new EventBatchParser(3, 1024);

    @Test
    void parsesAJsonArrayOfObjects() {
        List<JsonEvent> events = parser.parse("  [ {\"EventID\": 4625}, {\"user\": \"bob\"} ]");

        assertThat(events)
                .containsExactly(JsonEvent.parse("{\"EventID\":4625}"), JsonEvent.parse("{\"user\":\"bob\"}"));
    }

    @Test
    void parsesNdjsonSkippingBlankLinesAndAcceptingCrlf() {
        List<JsonEvent> events = parser.parse("{\"a\":1}\r\n\r\n   \n{\"b\":2}\r\n");

        assertThat(events).containsExactly(JsonEvent.parse("{\"a\":1}"), JsonEvent.parse("{\"b\":2}"));
    }

    @Test
    void aFileOfRecordsPostedAsItIsIsReadAsItsRecords() {
        // an AWS CloudTrail log file, pretty-printed as delivered to S3
        String cloudTrail = """
                {"Records": [
                  {"eventVersion": "1.08", "eventSource": "s3.amazonaws.com", "eventName": "ListBuckets"},
                  {"eventVersion": "1.08", "eventSource": "iam.amazonaws.com", "eventName": "CreateUser"}
                ]}""";
        assertThat(parser.parse(cloudTrail.getBytes(StandardCharsets.UTF_8), EventBatchParser.Format.JSON))
                .containsExactly(
                        JsonEvent.parse(
                                "{\"eventVersion\":\"1.08\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"ListBuckets\"}"),
                        JsonEvent.parse(
                                "{\"eventVersion\":\"1.08\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateUser\"}"));
        // an Azure Monitor export on one line
        assertThat(parser.parse("{\"records\": [{\"category\": \"SignInLogs\"}, {\"category\": \"AuditLogs\"}]}"))
                .hasSize(2);
        // the limit applies to the records
        assertThatThrownBy(() -> parser.parse("{\"Records\": [{\"a\":1},{\"a\":2},{\"a\":3},{\"a\":4}]}"))
                .isInstanceOf(InvalidEventBatchException.class)
                .hasMessageContaining("at most 3");
        // an event that only has such a member among others, or records that are not objects, is one event
        assertThat(parser.parse("{\"Records\": [{\"a\":1}], \"host\": \"x\"}")).hasSize(1);
        assertThat(parser.parse("{\"records\": [1, 2]}")).containsExactly(JsonEvent.parse("{\"records\":[1,2]}"));
        assertThat(parser.parse("{\"Records\": []}")).containsExactly(JsonEvent.parse("{\"Records\":[]}"));
        // files one after the other in one body (an Event Hub's messages, one per line) are each read so
        assertThat(parser.parse("{\"b\":0}\n{\"Records\": [{\"a\":1}]}\n{\"records\": [{\"a\":2}]}"))
                .containsExactly(
                        JsonEvent.parse("{\"b\":0}"), JsonEvent.parse("{\"a\":1}"), JsonEvent.parse("{\"a\":2}"));
        assertThatThrownBy(() ->
                        parser.parse("{\"Records\": [{\"a\":1},{\"a\":2}]}\n{\"Records\": [{\"a\":3},{\"a\":4}]}"))
                .as("the limit applies to all the records of the body")
                .isInstanceOf(InvalidEventBatchException.class)
                .hasMessageContaining("at most 3");
        assertThatThrownBy(() -> parser.parse("{\"Records\": [{\"a\":1},{\"a\":2},{\"a\":3}]}\n{\"b\":4}"))
                .as("and to the events after them")
                .isInstanceOf(InvalidEventBatchException.class)
                .hasMessageContaining("at most 3");
    }

    @Test
    void aBitdefenderGravityZonePushRequestIsReadAsItsEvents() throws Exception {
        // the Event Push Service's jsonRPC service type
        String jsonRpc = """
                {"jsonrpc": "2.0", "method": "addEvents", "id": "7b8d", "params": {"events": [
                  {"module": "av", "computer_name": "PC-FRANK", "malware_name": "Trojan.Generic.123"},
                  {"module": "fw", "computer_name": "PC-HANK", "status": "portscan_blocked"}
                ]}}""";
        assertThat(parser.parse(jsonRpc.getBytes(StandardCharsets.UTF_8), EventBatchParser.Format.JSON))
                .containsExactly(
                        JsonEvent.parse(
                                "{\"module\":\"av\",\"computer_name\":\"PC-FRANK\",\"malware_name\":\"Trojan.Generic.123\"}"),
                        JsonEvent.parse(
                                "{\"module\":\"fw\",\"computer_name\":\"PC-HANK\",\"status\":\"portscan_blocked\"}"));
        // its CEF service type: each text a CEF line
        String cef = "{\"cef\": \"0\", \"events\": [\"CEF:0|Bitdefender|GravityZone|6.40|10|AntiMalware|9|a=1\","
                + " \"CEF:0|Bitdefender|GravityZone|6.40|50|Firewall|9|b=2\"]}";
        assertThat(parser.parse(cef))
                .containsExactly(
                        JsonEvent.parse("{\"message\":\"CEF:0|Bitdefender|GravityZone|6.40|10|AntiMalware|9|a=1\"}"),
                        JsonEvent.parse("{\"message\":\"CEF:0|Bitdefender|GravityZone|6.40|50|Firewall|9|b=2\"}"));
        // a pushed CEF line is normalized as the same line sent over syslog
        JsonNode firewall = new ObjectMapper()
                .readTree(OcsfNormalizer.withShippedMappings()
                        .normalize(
                                parser.parse(
                                                "{\"cef\": \"0\", \"events\": [\"CEF:0|Bitdefender|GravityZone|6.40.0-1|50|"
                                                        + "Firewall|9|BitdefenderGZModule=fw dvchost=PC-HANK act=portscan_blocked"
                                                        + " BitdefenderGZEventSourceIP=198.51.100.40\"]}")
                                        .getFirst(),
                                new OcsfNormalizer.Context(
                                        TenantId.of("acme"), IngestIds.next(), Instant.now(), "push"))
                        .event()
                        .toJsonBytes());
        assertThat(firewall.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(firewall.at("/metadata/product/name").asText()).isEqualTo("GravityZone");
        // the limit applies to the pushed events
        assertThatThrownBy(() -> parser.parse(
                        "{\"jsonrpc\":\"2.0\",\"method\":\"addEvents\",\"params\":{\"events\":[{},{},{},{}]}}"))
                .isInstanceOf(InvalidEventBatchException.class)
                .hasMessageContaining("at most 3");
        // look-alikes are events of their own
        assertThat(parser.parse("{\"method\": \"addEvents\", \"params\": {\"events\": [{\"a\": 1}]}}"))
                .as("no JSON-RPC version")
                .hasSize(1);
        assertThat(parser.parse("{\"cef\": \"0\", \"events\": [{\"a\": 1}]}"))
                .as("CEF events that are no text")
                .hasSize(1);
        assertThat(parser.parse("{\"cef\": \"0\", \"events\": [\"CEF:0|a|b|1|2|n|3|\"], \"host\": \"x\"}"))
                .as("another member beside them")
                .hasSize(1);
    }

    @Test
    void acceptsALeadingByteOrderMark() {
        byte[] body = ("\uFEFF{\"a\":1}\n").getBytes(StandardCharsets.UTF_8);

        assertThat(parser.parse(body)).containsExactly(JsonEvent.parse("{\"a\":1}"));
    }

    @Test
    void reportsAnArrayElementThatIsNotAnObjectWithTheLineItStartsOn() {
        String body = "[\n{\"a\":1},\n[1, 2],\n{\"b\":2}\n]";

        assertThatThrownBy(() -> parser.parse(body))
                .isInstanceOf(InvalidEventBatchException.class)
                .hasMessage("line 3: expected a JSON object, found an array");
    }

    @Test
    void reportsAMalformedNdjsonLineWithJacksonsReason() {
        String body = "{\"a\":1}\n{\"b\": #}\n{\"c\":3}";

        assertThatThrownBy(() -> parser.parse(body)).isInstanceOfSatisfying(InvalidEventBatchException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.MALFORMED_JSON);
            assertThat(e.line()).hasValue(2);
            assertThat(e.event()).as("the second event of the batch").hasValue(1);
            assertThat(e.getMessage()).startsWith("line 2: malformed JSON: Unexpected character ('#'");
        });
    }

    @Test
    void readsObjectsWrittenOneAfterTheOtherOnALineAsEventsInTheirOrder() {
        // Kinesis Data Firehose delivers records concatenated, without a line between them
        String body = "{\"a\":1}{\"b\":2}\n {\"c\":3}\n";

        assertThat(parser.parse(body))
                .containsExactly(
                        JsonEvent.parse("{\"a\":1}"), JsonEvent.parse("{\"b\":2}"), JsonEvent.parse("{\"c\":3}"));
        assertThat(parser.parse("{\"a\":1} {\"b\":2}\t{\"c\":3}")).hasSize(3);
    }

    @Test
    void rejectsALineWhoseObjectIsFollowedByAnythingButAnotherObject() {
        assertThatThrownBy(() -> parser.parse("{\"a\":1}\n{\"b\":2} [1]"))
                .isInstanceOf(InvalidEventBatchException.class)
                .hasMessage("line 2: malformed JSON: unexpected an array after the JSON object");
        assertThatThrownBy(() -> parser.parse("{\"a\":1}{\"b\": #}"))
                .isInstanceOfSatisfying(InvalidEventBatchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.MALFORMED_JSON);
                    assertThat(e.line()).hasValue(1);
                    assertThat(e.event()).as("the second object of the line").hasValue(1);
                });
        assertThatThrownBy(() -> parser.parse("[{\"a\":1}, 7]"))
                .isInstanceOfSatisfying(InvalidEventBatchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NOT_AN_OBJECT);
                    assertThat(e.event()).hasValue(1);
                });
        assertThatThrownBy(() -> parser.parse("")).isInstanceOfSatisfying(InvalidEventBatchException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.EMPTY);
            assertThat(e.event()).as("no event is at fault in an empty body").isEmpty();
        });
    }

    @Test
    void countsEveryObjectOfALineAgainstTheBatchLimit() {
        // this parser takes at most 3 events
        assertThatThrownBy(() -> parser.parse("{\"n\":1}\n{\"n\":2}{\"n\":3}{\"n\":4}"))
                .isInstanceOfSatisfying(InvalidEventBatchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.TOO_MANY_EVENTS);
                    assertThat(e.line()).hasValue(2);
                });
    }

    @Test
    void reportsAnArrayThatIsNeverClosed() {
        assertThatThrownBy(() -> parser.parse("[\n{\"a\":1},\n{\"b\":2}\n"))
                .isInstanceOfSatisfying(InvalidEventBatchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.MALFORMED_JSON);
                    assertThat(e.line()).hasValue(4);
                });
    }

    @Test
    void reportsContentAfterTheArray() {
        assertThatThrownBy(() -> parser.parse("[{\"a\":1}]\n{\"b\":2}"))
                .isInstanceOfSatisfying(
                        InvalidEventBatchException.class,
                        e -> assertThat(e.line()).hasValue(2));
    }

    @Test
    void rejectsAnEmptyBody() {
        for (String body : List.of("", "  \r\n\n", "[]", " [ \n ] ")) {
            assertThatThrownBy(() -> parser.parse(body))
                    .as("body %s", body)
                    .isInstanceOfSatisfying(InvalidEventBatchException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.EMPTY);
                        assertThat(e.line()).isEmpty();
                        assertThat(e.getMessage()).isEqualTo("request body contains no events");
                    });
        }
    }

    @Test
    void rejectsMoreEventsThanTheBatchLimitNamingTheFirstExtraLine() {
        String body = "{\"n\":1}\n{\"n\":2}\n\n{\"n\":3}\n{\"n\":4}\n";

        assertThatThrownBy(() -> parser.parse(body)).isInstanceOfSatisfying(InvalidEventBatchException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.TOO_MANY_EVENTS);
            assertThat(e.line()).hasValue(5);
            assertThat(e.reason()).contains("at most 3");
        });
    }

    @Test
    void acceptsExactlyTheBatchLimit() {
        assertThat(parser.parse("[{},{},{}]")).hasSize(3);
    }

    @Test
    void rejectsABodyLargerThanTheByteLimit() {
        byte[] body = ("{\"pad\":\"" + "x".repeat(1100) + "\"}").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(body))
                .isInstanceOfSatisfying(
                        InvalidEventBatchException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.BODY_TOO_LARGE));
    }

    @Test
    void rejectsABodyThatLooksLikeUtf32ButDoesNotDecodeAsMalformedJson() {
        // found by EventBatchParserFuzzTest: leading zero bytes make Jackson read UTF-32
        byte[] body = {0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0x4a, -1, -1, -1, -1, -1, -1, -1, -1, 0x0a};

        for (EventBatchParser.Format format : EventBatchParser.Format.values()) {
            assertThatThrownBy(() -> parser.parse(body, format))
                    .isInstanceOfSatisfying(InvalidEventBatchException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.MALFORMED_JSON);
                        assertThat(e.line()).hasValue(1);
                    });
        }
    }

    @Test
    void jsonFormatAcceptsASinglePrettyPrintedObject() {
        byte[] body = "{\n  \"a\": 1,\n  \"b\": {\"c\": true}\n}\n".getBytes(StandardCharsets.UTF_8);

        assertThat(parser.parse(body, Format.JSON)).containsExactly(JsonEvent.parse("{\"a\":1,\"b\":{\"c\":true}}"));
    }

    @Test
    void jsonFormatReportsANonObjectWithItsLine() {
        byte[] body = "{\"a\": 1}\n\n\"just a string\"".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(body, Format.JSON))
                .isInstanceOf(InvalidEventBatchException.class)
                .hasMessage("line 3: expected a JSON object, found a string");
    }

    @Test
    void ndjsonFormatRejectsAPrettyPrintedObjectAtItsFirstLine() {
        assertThatThrownBy(() -> parser.parse("{\n\"a\": 1\n}"))
                .isInstanceOfSatisfying(
                        InvalidEventBatchException.class,
                        e -> assertThat(e.line()).hasValue(1));
    }

    @Test
    void singleEventParsingRejectsNonObjectsAndTrailingContent() {
        assertThatThrownBy(() -> JsonEvent.parse("[1]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a JSON object, found an array");
        assertThatThrownBy(() -> JsonEvent.parse("{} {}")).isInstanceOf(IllegalArgumentException.class);
        assertThat(JsonEvent.parse("{\"a\": \"b\"}").text("a")).hasValue("b");
    }
}
