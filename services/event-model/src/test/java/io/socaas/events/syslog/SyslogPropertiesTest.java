package io.socaas.events.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Properties of the framings and parsers over generated input (QuickTheories). */
class SyslogPropertiesTest {

    private static final int EXAMPLES = 300;
    private static final Instant RECEIVED = Instant.parse("2026-03-01T10:00:00Z");

    /** Printable text without line breaks (what one LF-framed message may hold). */
    private static Gen<String> lineText() {
        return strings()
                .betweenCodePoints(0x20, 0x7e)
                .ofLengthBetween(1, 40)
                .map(s -> s.replace('\n', ' '))
                .assuming(s -> !s.isBlank());
    }

    @Test
    void octetCountedMessagesComeBackWhateverTheyHoldAndHoweverTheStreamIsCut() {
        qt().withExamples(EXAMPLES)
                .forAll(
                        // any text UTF-8 can carry (no lone surrogates), line breaks included
                        lists().of(strings().betweenCodePoints(0, 0xD7FF).ofLengthBetween(1, 60))
                                .ofSizeBetween(1, 8),
                        integers().between(1, 17))
                .checkAssert((messages, chunk) -> {
                    ByteArrayOutputStream stream = new ByteArrayOutputStream();
                    for (String m : messages) {
                        byte[] bytes = m.getBytes(StandardCharsets.UTF_8);
                        stream.writeBytes((bytes.length + " ").getBytes(StandardCharsets.US_ASCII));
                        stream.writeBytes(bytes);
                    }
                    assertThat(decodeInChunks(stream.toByteArray(), chunk, 4096))
                            .containsExactlyElementsOf(messages);
                });
    }

    @Test
    void lfFramedMessagesComeBackHoweverTheStreamIsCut() {
        qt().withExamples(EXAMPLES)
                // a line that starts with a digit would read as an octet count (RFC 6587), one that
                // starts as a JSON object ('{' then '"' or '}') as an object, and a line of a '{' alone
                // as the start of an object written over lines
                .forAll(
                        lists().of(lineText()
                                        .map(m -> Character.isDigit(m.charAt(0)) || m.matches("\\{[ \t]*([\"}].*)?")
                                                ? "m" + m
                                                : m))
                                .ofSizeBetween(1, 8),
                        integers().between(1, 17))
                .checkAssert((messages, chunk) -> {
                    byte[] stream = (String.join("\n", messages) + "\n").getBytes(StandardCharsets.UTF_8);
                    assertThat(decodeInChunks(stream, chunk, 4096)).containsExactlyElementsOf(messages);
                });
    }

    @Test
    void noFrameIsLongerThanTheBound() {
        qt().withExamples(EXAMPLES)
                .forAll(
                        strings().allPossible().ofLengthBetween(0, 300),
                        integers().between(1, 64))
                .checkAssert((text, bound) -> {
                    SyslogFrameDecoder decoder = new SyslogFrameDecoder(bound);
                    List<SyslogFrameDecoder.Frame> frames =
                            new ArrayList<>(decoder.feed(text.getBytes(StandardCharsets.UTF_8)));
                    frames.addAll(decoder.finish());
                    assertThat(frames)
                            .allSatisfy(f -> assertThat(f.bytes().length).isLessThanOrEqualTo(bound + 10));
                    assertThat(decoder.buffered()).isZero();
                });
    }

    @Test
    void rfc5424StructuredDataRoundTripsWithEscapes() {
        qt().withExamples(EXAMPLES)
                .forAll(strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(0, 30), lineText())
                .checkAssert((value, message) -> {
                    String escaped =
                            value.replace("\\", "\\\\").replace("\"", "\\\"").replace("]", "\\]");
                    SyslogMessage m = new SyslogParser()
                            .parse(
                                    "<165>1 2026-03-01T09:00:00Z host app - - [socaas@32473 key=\"" + escaped + "\"] "
                                            + message,
                                    RECEIVED);
                    assertThat(m.structuredParam("socaas@32473", "key")).isEqualTo(value);
                    assertThat(m.message()).isEqualTo(message);
                    assertThat(m.facility()).isEqualTo(20);
                    assertThat(m.severity()).isEqualTo(5);
                });
    }

    @Test
    void rfc3164HeaderFieldsRoundTrip() {
        qt().withExamples(EXAMPLES)
                .forAll(integers().between(0, 191), integers().between(1, 28), hostnames(), lineText())
                .checkAssert((pri, day, host, message) -> {
                    String tag = host + "d";
                    String line = "<" + pri + ">Feb " + (day < 10 ? " " : "") + day + " 11:12:13 " + host + " " + tag
                            + "[42]: " + message;
                    SyslogMessage m = new SyslogParser().parse(line, RECEIVED);
                    assertThat(m.facility() * 8 + m.severity()).isEqualTo(pri);
                    assertThat(m.hostname()).isEqualTo(host);
                    assertThat(m.appName()).isEqualTo(tag);
                    assertThat(m.procId()).isEqualTo("42");
                    assertThat(m.message()).isEqualTo(message);
                    assertThat(m.timestamp()).isEqualTo(Instant.parse(String.format("2026-02-%02dT11:12:13Z", day)));
                });
    }

    @Test
    void cefExtensionValuesRoundTripThroughEscaping() {
        qt().withExamples(EXAMPLES)
                .forAll(lists().of(strings()
                                .betweenCodePoints(0x21, 0x7e)
                                .ofLengthBetween(1, 20)
                                // spaces inside a value, never at its ends (CEF trims them)
                                .map(s -> "v" + s.replace('_', ' ') + "v"))
                        .ofSizeBetween(1, 5))
                .checkAssert(values -> {
                    Map<String, String> expected = new LinkedHashMap<>();
                    StringBuilder ext = new StringBuilder();
                    for (int i = 0; i < values.size(); i++) {
                        String v = values.get(i);
                        expected.put("cs" + i, v);
                        ext.append(i == 0 ? "" : " ")
                                .append("cs")
                                .append(i)
                                .append('=')
                                .append(v.replace("\\", "\\\\").replace("=", "\\="));
                    }
                    assertThat(CefParser.parse("CEF:0|V|P|1|id|name|5|" + ext).extension())
                            .containsExactlyEntriesOf(expected);
                });
    }

    @Test
    void leefAttributesRoundTripWithAnyDelimiterWhateverCharactersTheyHold() {
        String[] delimiters = {"^", "#", "~", ";", "x09"};
        qt().withExamples(EXAMPLES)
                .forAll(
                        lists().of(strings()
                                        .betweenCodePoints(0x21, 0x7e)
                                        .ofLengthBetween(1, 20)
                                        .map(s -> s.replaceAll("[\\^#~;|]", "x")))
                                .ofSizeBetween(1, 5),
                        integers().between(0, delimiters.length - 1))
                .checkAssert((values, d) -> {
                    String delimiter = delimiters[d];
                    String separator = delimiter.equals("x09") ? "\t" : delimiter;
                    Map<String, String> expected = new LinkedHashMap<>();
                    List<String> pairs = new ArrayList<>();
                    for (int i = 0; i < values.size(); i++) {
                        expected.put("k" + i, values.get(i));
                        // as producers that escape write them: a backslash doubled, an equals sign after one
                        pairs.add("k" + i + "="
                                + values.get(i).replace("\\", "\\\\").replace("=", "\\="));
                    }
                    String line = "LEEF:2.0|V|P|1|e|" + delimiter + "|" + String.join(separator, pairs);
                    assertThat(LeefParser.parse(line).attributes()).containsExactlyEntriesOf(expected);
                });
    }

    @Test
    void jsonObjectsComeBackWhateverTheirStringsHoldWithOrWithoutLineEndsBetweenThem() {
        String[] separators = {"", "\n", "\r\n", " ", "\0", "\n\n"};
        qt().withExamples(EXAMPLES)
                .forAll(
                        // strings rich in braces, brackets, quotes, backslashes and line breaks
                        lists().of(strings()
                                        .betweenCodePoints(0x20, 0x7e)
                                        .ofLengthBetween(0, 20)
                                        .map(v -> v.replace('a', '{')
                                                .replace('b', '}')
                                                .replace('c', '\n')))
                                .ofSizeBetween(1, 6),
                        integers().between(0, separators.length - 1),
                        integers().between(0, 1),
                        integers().between(1, 40))
                .checkAssert((values, separator, pretty, chunk) -> {
                    List<String> objects = new ArrayList<>();
                    for (int i = 0; i < values.size(); i++) {
                        String value = JSON_STRING.apply(values.get(i));
                        objects.add(
                                pretty == 1
                                        ? "{\n  \"n\": " + i + ",\n  \"v\": [" + value + ", {\"w\": " + value + "}]\n}"
                                        : "{\"n\":" + i + ",\"v\":[" + value + ",{\"w\":" + value + "}]}");
                    }
                    String stream = String.join(separators[separator], objects) + separators[separator];
                    assertThat(decodeInChunks(stream.getBytes(StandardCharsets.UTF_8), chunk, 4096))
                            .containsExactlyElementsOf(objects);
                });
    }

    /** A JSON string literal of the text. */
    private static final java.util.function.Function<String, String> JSON_STRING = text -> {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    };

    private static Gen<String> hostnames() {
        return strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 12);
    }

    private static List<String> decodeInChunks(byte[] stream, int chunk, int bound) {
        SyslogFrameDecoder decoder = new SyslogFrameDecoder(bound);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < stream.length; i += chunk) {
            decoder.feed(stream, i, Math.min(chunk, stream.length - i))
                    .forEach(f -> out.add(new String(f.bytes(), StandardCharsets.UTF_8)));
        }
        decoder.finish().forEach(f -> out.add(new String(f.bytes(), StandardCharsets.UTF_8)));
        return out;
    }
}
