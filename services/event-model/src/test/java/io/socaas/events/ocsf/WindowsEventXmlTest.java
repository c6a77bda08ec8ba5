package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.JSON;
import static io.socaas.events.ocsf.MappedRecords.json;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socaas.events.syslog.MalformedLogException;
import io.socaas.events.testing.Corpus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Windows events in their XML form (Windows Event Forwarding, {@code wevtutil}, {@code Get-WinEvent
 * ... ToXml()}, NXLog's {@code to_xml()}), on a line of their own or inside a syslog message, are read
 * into the evtx-dump shape and normalized like the same event sent as JSON; XML that is not
 * well-formed, declares a document type or nests without end is refused with a reason.
 */
class WindowsEventXmlTest {

    private static final String FAILED_LOGON = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>"
            + "<System><Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-A5BA-3E3B0328C30D}'/>"
            + "<EventID>4625</EventID><Version>0</Version><Level>0</Level><Task>12544</Task><Opcode>0</Opcode>"
            + "<Keywords>0x8010000000000000</Keywords><TimeCreated SystemTime='2026-03-01T09:15:02.1234567Z'/>"
            + "<EventRecordID>81234</EventRecordID><Correlation/><Execution ProcessID='684' ThreadID='716'/>"
            + "<Channel>Security</Channel><Computer>DC01.contoso.local</Computer><Security/></System>"
            + "<EventData><Data Name='SubjectUserSid'>S-1-0-0</Data><Data Name='SubjectUserName'>-</Data>"
            + "<Data Name='TargetUserName'>administrator</Data><Data Name='TargetDomainName'>CONTOSO</Data>"
            + "<Data Name='Status'>0xc000006d</Data><Data Name='SubStatus'>0xc000006a</Data>"
            + "<Data Name='LogonType'>3</Data><Data Name='WorkstationName'>KALI</Data>"
            + "<Data Name='IpAddress'>203.0.113.66</Data><Data Name='IpPort'>51234</Data></EventData>"
            + "<RenderingInfo Culture='en-US'><Message>An account failed to log on.</Message>"
            + "<Level>Information</Level></RenderingInfo></Event>";

    @Test
    void readsTheEventIntoTheShapeOfAnEvtxDump() {
        ObjectNode fields = WindowsEventXml.parse(FAILED_LOGON);
        JsonNode system = fields.at("/Event/System");
        assertThat(system.get("EventID").asText()).isEqualTo("4625");
        assertThat(system.at("/Provider/#attributes/Name").asText()).isEqualTo("Microsoft-Windows-Security-Auditing");
        assertThat(system.at("/TimeCreated/#attributes/SystemTime").asText()).isEqualTo("2026-03-01T09:15:02.1234567Z");
        assertThat(system.get("Correlation").isNull()).isTrue();
        assertThat(fields.at("/Event/EventData/TargetUserName").asText()).isEqualTo("administrator");
        assertThat(fields.at("/Event/#attributes/xmlns").asText())
                .isEqualTo("http://schemas.microsoft.com/win/2004/08/events/event");

        // an attribute beside text, repeated and unnamed Data, nested UserData, entities and CDATA
        ObjectNode other =
                WindowsEventXml.parse("<?xml version='1.0'?>\n<Event><System><EventID Qualifiers='16384'>7045"
                        + "</EventID></System><EventData><Data>one</Data><Data>two &amp; three</Data></EventData>"
                        + "<UserData><LogFileCleared><SubjectUserName>bob</SubjectUserName></LogFileCleared></UserData>"
                        + "<Extra><![CDATA[a<b]]></Extra></Event>");
        assertThat(other.at("/Event/System/EventID/#text").asText()).isEqualTo("7045");
        assertThat(other.at("/Event/System/EventID/#attributes/Qualifiers").asText())
                .isEqualTo("16384");
        assertThat(other.at("/Event/EventData/Data").toString()).isEqualTo("[\"one\",\"two & three\"]");
        assertThat(other.at("/Event/UserData/LogFileCleared/SubjectUserName").asText())
                .isEqualTo("bob");
        assertThat(other.at("/Event/Extra").asText()).isEqualTo("a<b");
    }

    @Test
    void refusesWhatIsNotOneWellFormedEvent() {
        for (String bad : List.of(
                "<Event><System><EventID>1</EventID></System><EventData><Data Name='a'>x</EventData></Event>",
                "<Event><System>",
                "<Event/><Event/>",
                "<Event xmlns='x'><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><System>&xxe;</System></Event>",
                "<?xml version='1.0'?><!DOCTYPE Event [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><Event>&xxe;</Event>",
                "<Event>" + "<a>".repeat(40) + "</a>".repeat(40) + "</Event>")) {
            assertThatThrownBy(() -> WindowsEventXml.parse(bad))
                    .as(bad)
                    .isInstanceOf(MalformedLogException.class)
                    .hasMessageStartingWith("Windows event XML: ");
        }
        // through the line decoder, the same refusal is the dead letter's reason
        assertThatThrownBy(() -> line("<Event><System>"))
                .isInstanceOf(MalformedLogException.class)
                .hasMessageStartingWith("Windows event XML: ");
        // a line merely starting with "<Event" that is something else is not taken for XML
        assertThat(WindowsEventXml.isEvent("<EventLog>x</EventLog>")).isFalse();
    }

    @Test
    void anyEventDataReadsBackAsWritten() {
        // names of letters, values of any text XML can hold: escaped as XML writers do, read back unchanged
        // (but for XML's own line-end normalization)
        qt().withExamples(300)
                .forAll(
                        lists().of(strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 8))
                                .ofSizeBetween(1, 8),
                        lists().of(strings().allPossible().ofLengthBetween(0, 20))
                                .ofSizeBetween(8, 8))
                .checkAssert((names, values) -> {
                    StringBuilder xml = new StringBuilder("<Event><System><EventID>1</EventID></System><EventData>");
                    java.util.Map<String, String> expected = new java.util.LinkedHashMap<>();
                    for (int i = 0; i < names.size(); i++) {
                        String value = values.get(i)
                                .codePoints()
                                .filter(c -> c == 0x9
                                        || c == 0xA
                                        || c == 0xD
                                        || (c >= 0x20 && c <= 0xD7FF)
                                        || (c >= 0xE000 && c <= 0xFFFD)
                                        || c > 0xFFFF)
                                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                                .toString();
                        expected.putIfAbsent(
                                names.get(i),
                                value.isBlank()
                                        ? ""
                                        : value.replace("\r\n", "\n").replace('\r', '\n'));
                        xml.append("<Data Name='")
                                .append(names.get(i))
                                .append("'>")
                                .append(escape(value))
                                .append("</Data>");
                    }
                    ObjectNode fields = WindowsEventXml.parse(
                            xml.append("</EventData></Event>").toString());
                    JsonNode data = fields.at("/Event/EventData");
                    expected.forEach((name, value) -> {
                        JsonNode read = data.get(name);
                        JsonNode first = read.isArray() ? read.get(0) : read;
                        assertThat(first.isNull() ? "" : first.asText())
                                .as(name)
                                .isEqualTo(value);
                    });
                });
    }

    @Test
    void anyTextAfterTheEventsStartParsesOrIsRefusedWithAReason() {
        qt().withExamples(2000)
                .forAll(strings().allPossible().ofLengthBetween(0, 60))
                .checkAssert(tail -> {
                    try {
                        WindowsEventXml.parse("<Event>" + tail);
                    } catch (MalformedLogException e) {
                        assertThat(e.getMessage())
                                .startsWith("Windows event XML: ")
                                .hasSizeGreaterThan(20);
                    }
                });
    }

    @Test
    void anXmlEventOnItsOwnOrInSyslogIsNormalizedLikeItsJson() throws Exception {
        JsonNode r = line(FAILED_LOGON);
        assertThat(r.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(r.get("status_id").asInt()).isEqualTo(2);
        assertThat(r.at("/user/name").asText()).isEqualTo("administrator");
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.66");
        assertThat(r.at("/device/hostname").asText()).isEqualTo("DC01.contoso.local");
        assertThat(r.get("time").asLong()).isEqualTo(MappedRecords.epochMillis("2026-03-01T09:15:02.123Z"));
        assertThat(r.at("/metadata/log_format").asText()).isEqualTo("xml");
        assertThat(r.get("message").asText()).isEqualTo("An account failed to log on.");
        assertThat(r.get("raw_data").asText()).isEqualTo(FAILED_LOGON);

        JsonNode viaSyslog = line("<13>Mar  1 09:15:03 wec01 nxlog: " + FAILED_LOGON);
        assertThat(viaSyslog.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(viaSyslog.at("/user/name").asText()).isEqualTo("administrator");
        assertThat(viaSyslog.at("/unmapped/hostname").asText()).isEqualTo("wec01");
    }

    @Test
    void corpusEventsRenderedAsXmlGiveTheRecordsOfTheirJson() throws Exception {
        Path corpus = Corpus.folder("evtx-attack-samples-json").getParent();
        List<String> events = Corpus.attackSampleEvents(corpus, 400);
        assertThat(events).hasSizeGreaterThan(100);
        for (String event : events) {
            JsonNode source = JSON.readTree(event);
            JsonNode fromJson = comparable(json(event));
            JsonNode fromXml = comparable(line(xml(source.get("Event"))));
            assertThat(fromXml).as(event).isEqualTo(fromJson);
        }
    }

    /** The record without what differs by the form it came in: the original, the format, its fields as sent. */
    private static JsonNode comparable(JsonNode record) {
        ObjectNode r = (ObjectNode) record.deepCopy();
        r.remove(List.of("raw_data", "unmapped", "message", "ingest_id", "received_time"));
        ((ObjectNode) r.get("metadata")).remove(List.of("log_format", "uid"));
        return r;
    }

    /** An evtx-dump event written back as Windows writes it in XML. */
    private static String xml(JsonNode event) {
        StringBuilder out = new StringBuilder("<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>");
        for (Map.Entry<String, JsonNode> section : event.properties()) {
            if (section.getKey().equals("#attributes")) {
                continue;
            }
            if (section.getKey().equals("EventData") && section.getValue().isObject()) {
                out.append("<EventData>");
                section.getValue()
                        .properties()
                        .forEach(d -> out.append("<Data Name='")
                                .append(escape(d.getKey()))
                                .append("'>")
                                .append(
                                        d.getValue().isNull()
                                                ? ""
                                                : escape(d.getValue().asText()))
                                .append("</Data>"));
                out.append("</EventData>");
            } else {
                element(out, section.getKey(), section.getValue());
            }
        }
        return out.append("</Event>").toString();
    }

    private static void element(StringBuilder out, String name, JsonNode value) {
        if (value.isArray()) {
            value.forEach(v -> element(out, name, v));
            return;
        }
        out.append('<').append(name);
        if (value.has("#attributes")) {
            value.get("#attributes")
                    .properties()
                    .forEach(a -> out.append(' ')
                            .append(a.getKey())
                            .append("='")
                            .append(escape(a.getValue().asText()))
                            .append('\''));
        }
        if (value.isNull()) {
            out.append("/>");
            return;
        }
        out.append('>');
        if (value.isObject()) {
            value.properties().forEach(c -> {
                if (c.getKey().equals("#text")) {
                    out.append(escape(c.getValue().asText()));
                } else if (!c.getKey().equals("#attributes")) {
                    element(out, c.getKey(), c.getValue());
                }
            });
        } else {
            out.append(escape(value.asText()));
        }
        out.append("</").append(name).append('>');
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("'", "&apos;");
    }
}
