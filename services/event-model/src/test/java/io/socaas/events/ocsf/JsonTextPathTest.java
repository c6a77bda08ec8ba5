package io.socaas.events.ocsf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * A path reads into a field that holds the text of a JSON object or list as it reads into an object:
 * Microsoft Defender's streaming API writes {@code AdditionalFields} (and {@code
 * AuthenticationDetails}, ...) as JSON text where a Log Analytics row keeps the object, so one name,
 * {@code AdditionalFields.TaskName}, reads both, with the text's escapes undone. A text that is not
 * such JSON is read as text and nothing below it.
 */
class JsonTextPathTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static SourceFields fields(String json) throws Exception {
        return new SourceFields((ObjectNode) JSON.readTree(json));
    }

    @Test
    void aPathReadsIntoJsonTextAsIntoTheObjectWithItsEscapesUndone() throws Exception {
        SourceFields text = fields("""
                {"ActionType": "ScheduledTaskCreated",
                 "AdditionalFields": "{\\"TaskName\\": \\"\\\\\\\\Ops\\\\\\\\Nightly\\", \\"Ports\\": [443, 8443], \
                \\"TO.GROUP\\": \\"Backup Operators\\", \\"Nested\\": {\\"Depth\\": 2}}"}""");
        SourceFields object = fields("""
                {"ActionType": "ScheduledTaskCreated",
                 "AdditionalFields": {"TaskName": "\\\\Ops\\\\Nightly", "Ports": [443, 8443],
                   "TO.GROUP": "Backup Operators", "Nested": {"Depth": 2}}}""");
        for (SourceFields event : new SourceFields[] {text, object}) {
            assertThat(event.text("AdditionalFields.TaskName")).isEqualTo("\\Ops\\Nightly");
            assertThat(event.text("AdditionalFields.Ports.1")).isEqualTo("8443");
            // a key with dots of its own, and a path further down
            assertThat(event.text("AdditionalFields.TO.GROUP")).isEqualTo("Backup Operators");
            assertThat(event.text("AdditionalFields.Nested.Depth")).isEqualTo("2");
            assertThat(event.has("AdditionalFields.TaskName")).isTrue();
            assertThat(event.has("AdditionalFields.FROM.GROUP")).isFalse();
            assertThat(event.comparableText("AdditionalFields.TO.GROUP")).isEqualTo("backup operators");
        }
        // the field itself is still the text it was sent as
        assertThat(text.text("AdditionalFields")).startsWith("{\"TaskName\"");
    }

    @Test
    void jsonTextInsideJsonTextAndInsideAzureMonitorPropertiesIsReadToo() throws Exception {
        SourceFields event = fields("""
                {"category": "AdvancedHunting-DeviceNetworkEvents", "operationName": "Publish",
                 "properties": {"ActionType": "DnsConnectionInspected",
                   "AdditionalFields": {"query": "updates.example.org", "answers": "[\\"192.0.2.7\\",\\"192.0.2.8\\"]"}}}""");
        assertThat(event.text("AdditionalFields.query")).isEqualTo("updates.example.org");
        assertThat(event.text("AdditionalFields.answers.0")).isEqualTo("192.0.2.7");
        assertThat(event.text("AdditionalFields.answers.1")).isEqualTo("192.0.2.8");
    }

    @Test
    void bracketsChooseAnElementOfAListHeldAsTextAsOfTheList() throws Exception {
        // Log Analytics' OfficeActivity keeps Parameters, and a query's or an export's AuditLogs row keeps
        // TargetResources, as the text of the list the Management Activity API and Graph send as a list
        SourceFields text = fields("""
                {"Operation": "Set-Mailbox",
                 "Parameters": "[{\\"Name\\":\\"Identity\\",\\"Value\\":\\"bob\\"},\
                {\\"Name\\":\\"ForwardingSmtpAddress\\",\\"Value\\":\\"smtp:bob@mailbox.example\\"}]",
                 "TargetResources": "[{\\"type\\":\\"User\\",\\"id\\":\\"u-1\\",\\"modifiedProperties\\":[]},\
                {\\"type\\":\\"Group\\",\\"id\\":\\"g-1\\",\\"modifiedProperties\\":\
                [{\\"displayName\\":\\"Group.DisplayName\\",\\"newValue\\":\\"\\\\\\"Finance\\\\\\"\\"}]}]"}""");
        SourceFields list = fields("""
                {"Operation": "Set-Mailbox",
                 "Parameters": [{"Name": "Identity", "Value": "bob"},
                                {"Name": "ForwardingSmtpAddress", "Value": "smtp:bob@mailbox.example"}],
                 "TargetResources": [{"type": "User", "id": "u-1", "modifiedProperties": []},
                                     {"type": "Group", "id": "g-1", "modifiedProperties":
                                        [{"displayName": "Group.DisplayName", "newValue": "\\"Finance\\""}]}]}""");
        for (SourceFields event : new SourceFields[] {text, list}) {
            assertThat(event.text("Parameters[Name=Identity].Value")).isEqualTo("bob");
            assertThat(event.text("Parameters[Name=ForwardingSmtpAddress].Value"))
                    .isEqualTo("smtp:bob@mailbox.example");
            assertThat(event.comparableText("Parameters[Name=Identity].Value")).isEqualTo("bob");
            assertThat(event.text("TargetResources[type=Group].id")).isEqualTo("g-1");
            // a choice whose value holds a dot, and [] for whichever element reads a value
            assertThat(event.text("TargetResources[].modifiedProperties[displayName=Group.DisplayName].newValue"))
                    .isEqualTo("\"Finance\"");
            assertThat(event.text("TargetResources.1.id")).isEqualTo("g-1");
            // nothing is read where no element has the value
            assertThat(event.get("Parameters[Name=ForwardTo].Value")).isNull();
            assertThat(event.has("Parameters[Name=ForwardTo].Value")).isFalse();
            assertThat(event.get("Parameters[Name=identity].Value")).isNull();
            assertThat(event.get("TargetResources[type=Role].id")).isNull();
        }
        // a text in brackets that is no JSON list chooses nothing
        SourceFields plain = fields("""
                {"Parameters": "[Name=Identity] bob", "Other": "[{\\"Name\\": \\"Identity\\""}""");
        assertThat(plain.get("Parameters[Name=Identity].Value")).isNull();
        assertThat(plain.get("Other[Name=Identity].Value")).isNull();
        assertThat(plain.text("Parameters")).isEqualTo("[Name=Identity] bob");
    }

    @Test
    void textThatIsNoJsonObjectOrListReadsNothingBelowIt() throws Exception {
        SourceFields event = fields("""
                {"a": "{not json", "b": "plain text", "c": "[1, 2", "d": "\\"quoted\\"", "e": "42",
                 "f": "  {\\"k\\": \\"v\\"}  ", "g": "{\\"k\\": \\"v\\"} trailing"}""");
        assertThat(event.get("a.k")).isNull();
        assertThat(event.get("b.k")).isNull();
        assertThat(event.get("c.0")).isNull();
        assertThat(event.get("d.k")).isNull();
        assertThat(event.get("e.k")).isNull();
        // blanks around the JSON are no matter
        assertThat(event.text("f.k")).isEqualTo("v");
        assertThat(event.text("a")).isEqualTo("{not json");
    }

    @Test
    void aTextTooLongIsReadAsTextOnly() throws Exception {
        String big = "x".repeat(SourceFields.MAX_JSON_TEXT);
        ObjectNode source = JSON.createObjectNode();
        source.put("AdditionalFields", "{\"TaskName\": \"" + big + "\"}");
        SourceFields event = new SourceFields(source);
        assertThat(event.get("AdditionalFields.TaskName")).isNull();
        assertThat(event.text("AdditionalFields")).hasSizeGreaterThan(SourceFields.MAX_JSON_TEXT);
    }

    @Test
    void anyTextUnderAnyPathNeitherThrowsNorReadsWhatItDoesNotHold() {
        qt().withExamples(300)
                .forAll(strings().allPossible().ofLengthBetween(0, 40))
                .checkAssert(junk -> {
                    ObjectNode source = JSON.createObjectNode();
                    source.put("AdditionalFields", junk);
                    SourceFields event = new SourceFields(source);
                    assertThat(event.get("AdditionalFields.TaskName.x.0")).isNull();
                    assertThat(event.text("AdditionalFields")).isEqualTo(junk);
                });
    }
}
