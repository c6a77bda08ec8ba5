package io.socaas.events.ocsf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socaas.events.JsonEvent;
import io.socaas.events.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A mapping file reads an element of a list by the value of one of its keys ({@code
 * parameters[name=doc_title].value}), not by its position: the name/value pairs of Google Workspace
 * activities, the modified properties of Entra ID audit records and the binding deltas of Google
 * Cloud IAM policy changes are read wherever the source puts them in the list. Names whose brackets
 * choose nothing fail the load.
 */
class ListElementByKeyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static SourceFields fields(String json) throws Exception {
        return new SourceFields((ObjectNode) JSON.readTree(json));
    }

    private static final String ACTIVITY = """
            {"events": [{"name": "change_user_access", "parameters": [
               {"name": "primary_event", "boolValue": true},
               {"name": "doc_title", "value": "Payroll 2026.xlsx"},
               {"name": "new_value", "multiValue": ["can_edit"]},
               {"name": "doc_title", "value": "a later duplicate"},
               {"name": 7, "value": "seven"}]}],
             "targets": [{"type": "User", "id": "u-1"},
                         {"type": "Group", "id": "g-1", "modified": [{"displayName": "Group.DisplayName", "newValue": "Finance"}]}]}""";

    @Test
    void anElementIsChosenByItsKeysValueAndTheFirstOfSeveralWins() throws Exception {
        SourceFields event = fields(ACTIVITY);
        assertThat(event.text("events.0.parameters[name=doc_title].value")).isEqualTo("Payroll 2026.xlsx");
        assertThat(event.text("events.0.parameters[name=new_value].multiValue.0"))
                .isEqualTo("can_edit");
        assertThat(event.get("events.0.parameters[name=primary_event].boolValue")
                        .asBoolean())
                .isTrue();
        // a number is compared as its text
        assertThat(event.text("events.0.parameters[name=7].value")).isEqualTo("seven");
        // paths go on below the chosen element, through further lists, and the value may hold dots
        assertThat(event.text("targets[type=Group].modified[displayName=Group.DisplayName].newValue"))
                .isEqualTo("Finance");
        assertThat(event.text("targets[type=User].id")).isEqualTo("u-1");
    }

    @Test
    void nothingIsReadWhereNoElementHasTheValue() throws Exception {
        SourceFields event = fields(ACTIVITY);
        assertThat(event.get("events.0.parameters[name=owner].value")).isNull();
        assertThat(event.has("events.0.parameters[name=owner].value")).isFalse();
        // compared exactly: a key's value in another case is another value
        assertThat(event.get("events.0.parameters[name=DOC_TITLE].value")).isNull();
        assertThat(event.get("events.0.parameters[value=Payroll].name")).isNull();
        // not a list, and not an object either
        assertThat(event.get("events.0.name[name=x]")).isNull();
        assertThat(event.get("missing[name=x].value")).isNull();
    }

    @Test
    void emptyBracketsReadTheFirstElementWhereTheRestOfThePathReadsAValue() throws Exception {
        SourceFields event = fields("""
                {"targetResources": [
                   {"type": "User", "userPrincipalName": "ines@corp.example", "modifiedProperties": [
                      {"displayName": "Group.ObjectID", "newValue": "\\"0b1c\\""},
                      {"displayName": "Group.DisplayName", "oldValue": null, "newValue": "\\"Finance\\""}]},
                   {"type": "Group", "id": "0b1c", "displayName": null}]}""");
        assertThat(event.text("targetResources[].modifiedProperties[displayName=Group.DisplayName].newValue"))
                .isEqualTo("\"Finance\"");
        // a JSON null is no value: the search goes on, and ends with none
        assertThat(event.text("targetResources[].displayName")).isNull();
        assertThat(event.text("targetResources[].id")).isEqualTo("0b1c");
        assertThat(event.get("targetResources[].modifiedProperties[displayName=Group.DisplayName].oldValue"))
                .isNull();
        // an object in place of the list is searched as a list of one
        assertThat(fields("{\"t\": {\"a\": {\"b\": 1}}}").text("t[].a.b")).isEqualTo("1");
    }

    @Test
    void anObjectInPlaceOfTheListStandsForAListOfOne() throws Exception {
        SourceFields event = fields("""
                {"events": {"name": "download", "parameters": {"name": "doc_id", "value": "1xYz"}}}""");
        assertThat(event.text("events.parameters[name=doc_id].value")).isEqualTo("1xYz");
        assertThat(event.get("events.parameters[name=doc_title].value")).isNull();
    }

    @Test
    void aParameterIsReadWhereverItStandsInTheList() {
        // name/value pairs in any order, with any other pairs around them
        qt().withExamples(300)
                .forAll(
                        lists().of(strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 8))
                                .ofSizeBetween(0, 12),
                        strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(1, 30),
                        integers().all())
                .checkAssert((others, title, seed) -> {
                    ObjectNode event = JSON.createObjectNode();
                    List<ObjectNode> parameters = new ArrayList<>();
                    for (String other : others) {
                        if (!other.equals("doc_title")) {
                            parameters.add(
                                    JSON.createObjectNode().put("name", other).put("value", "x" + other));
                        }
                    }
                    parameters.add(
                            JSON.createObjectNode().put("name", "doc_title").put("value", title));
                    Collections.shuffle(parameters, new Random(seed));
                    ArrayNode list = event.putArray("events").addObject().putArray("parameters");
                    parameters.forEach(list::add);
                    assertThat(new SourceFields(event).text("events.0.parameters[name=doc_title].value"))
                            .as(event.toString())
                            .isEqualTo(title);
                });
    }

    @Test
    void aMappingFileChoosesElementsInItsMatchConditionsPatternsAndFields() throws Exception {
        OcsfNormalizer normalizer = new OcsfNormalizer(
                OcsfMappings.parse(Map.of("drive.json", """
                        {"name": "drive", "product": {"name": "Drive"},
                         "match": {"kind": "activity", "events.0.parameters[name=doc_id].value": "*"},
                         "events": [
                           {"when": {"events.0.parameters[name=visibility].value": ["people_with_link", "public_on_the_web"]},
                            "class_uid": 6006, "activity_id": 12, "constants": {"file.is_public": true}},
                           {"when": {"pattern_field": "events.0.parameters[name=visibility].value", "pattern": "^private$"},
                            "class_uid": 6006, "activity_id": 13}],
                         "default": {"class_uid": 6006, "activity_id": 99},
                         "fields": {"file.name": "events.0.parameters[name=doc_title].value",
                                    "file.owner.name": "events.0.parameters[name=owner].value"}}""")), Duration.ofDays(365), Duration.ofDays(1));
        String shared = """
                {"kind": "activity", "events": [{"parameters": [
                  {"name": "visibility", "value": "people_with_link"}, {"name": "owner", "value": "ana@corp.example"},
                  {"name": "doc_title", "value": "Roadmap"}, {"name": "doc_id", "value": "1aB"}]}]}""";
        JsonNode r = normalize(normalizer, shared);
        assertThat(r.get("activity_id").asInt()).isEqualTo(12);
        assertThat(r.at("/file/is_public").asBoolean()).isTrue();
        assertThat(r.at("/file/name").asText()).isEqualTo("Roadmap");
        assertThat(r.at("/file/owner/name").asText()).isEqualTo("ana@corp.example");

        JsonNode unshared = normalize(normalizer, shared.replace("people_with_link", "private"));
        assertThat(unshared.get("activity_id").asInt()).isEqualTo(13);
        JsonNode other = normalize(normalizer, shared.replace("people_with_link", "shared_internally"));
        assertThat(other.get("activity_id").asInt()).isEqualTo(99);
        // the match names the element too: without a doc_id parameter the file does not claim the event
        JsonNode unclaimed = normalize(normalizer, shared.replace("\"doc_id\"", "\"doc_key\""));
        assertThat(unclaimed.get("class_uid").asInt()).isZero();
    }

    private static JsonNode normalize(OcsfNormalizer normalizer, String json) throws Exception {
        return JSON.readTree(normalizer
                .normalize(
                        JsonEvent.parse(json),
                        new OcsfNormalizer.Context(TenantId.of("acme"), "id1", Instant.now(), null))
                .event()
                .toJsonBytes());
    }

    @Test
    void namesWhoseBracketsChooseNoElementFailTheLoad() {
        Map<String, String> malformed = new LinkedHashMap<>();
        malformed.put("parameters[name].value", "is not [key=value]");
        malformed.put("parameters[=x].value", "is not [key=value]");
        malformed.put("parameters[name=].value", "is not [key=value]");
        malformed.put("parameters[name=x.value", "is not closed");
        malformed.put("parameters.[name=x].value", "follows no list's name");
        malformed.put("[name=x].value", "follows no list's name");
        malformed.put("parameters[name=x]value", "neither a '.' nor the end");
        malformed.put("parameters[name=x][k=v]", "neither a '.' nor the end");
        malformed.put("parameters]name=x[", "closes no '['");
        malformed.put("parameters[name=x].", "ends with a '.'");
        malformed.put("targetResources[]", "'[]' is followed by no path");
        malformed.put("targetResources[].", "'[]' is followed by no path");
        malformed.put("targetResources[]id", "'[]' is followed by no path");
        malformed.forEach((name, why) -> {
            for (String file : List.of("""
                    {"name":"bad","product":{"name":"X"},"match":{"a":"1"},
                     "default":{"class_uid":6006,"activity_id":99,"fields":{"file.name":"%s"}}}""", """
                    {"name":"bad","product":{"name":"X"},"match":{"%s":"1"},"default":{"class_uid":0}}""", """
                    {"name":"bad","product":{"name":"X"},"match":{"a":"1"},
                     "events":[{"when":{"pattern_field":"%s","pattern":"x"},"class_uid":0}]}""")) {
                assertThatThrownBy(() -> OcsfMappings.parse(Map.of("bad.json", file.formatted(name))))
                        .as(name)
                        .isInstanceOf(InvalidMappingException.class)
                        .hasMessageContaining("bad.json")
                        .hasMessageContaining("'" + name + "' is not a source field name")
                        .hasMessageContaining(why);
            }
        });
        // well-formed names load, in every place a source field is named
        assertThat(OcsfMappings.parse(Map.of("good.json", """
                        {"name":"good","product":{"name":"X"},"match":{"l[k=v.w].x":"1"},"time":["l[k=t].time"],
                         "default":{"class_uid":6006,"activity_id":99,"fields":{"file.name":["a.l[k=v].x", "l[k=v]", "l[].m[k=v].x"]},
                          "status_from":{"field":"r[k=s].v","values":{"ok":1}}}}""")).names()).containsExactly("good");
    }
}
