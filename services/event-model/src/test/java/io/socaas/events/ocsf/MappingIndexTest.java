package io.socaas.events.ocsf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socaas.events.JsonEvent;
import io.socaas.events.syslog.MalformedLogException;
import io.socaas.events.syslog.SyslogParser;
import io.socaas.events.testing.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The index that spares the conditions of mapping files that cannot claim an event must never
 * spare one that can: over the real events of the corpus, every file whose {@code match} holds is a
 * candidate, so the file that claims an event is the one a plain scan of all files finds.
 */
class MappingIndexTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant RECEIVED = Instant.parse("2026-03-01T10:00:00Z");

    private final OcsfMappings shipped = OcsfMappings.load();

    @Test
    void everyFileWhoseMatchHoldsOnACorpusLineIsACandidate() throws IOException {
        SyslogParser parser = new SyslogParser();
        List<ObjectNode> events = new ArrayList<>();
        for (String line : corpusLines()) {
            try {
                events.add(LogLine.decode(line, RECEIVED, parser).fields().deepCopy());
            } catch (MalformedLogException e) {
                // dead-lettered before any mapping file is asked
            }
        }
        assertThat(events).hasSizeGreaterThan(1000);
        int claimed = assertIndexIsSound(shipped, events);
        // the index is not vacuous: most lines are claimed by a file that the index offered
        assertThat(claimed).isGreaterThan(events.size() / 2);
    }

    @Test
    void everyFileWhoseMatchHoldsOnACorpusWindowsEventIsACandidate() {
        Path corpus = Corpus.folder("evtx-attack-samples-json").getParent();
        List<ObjectNode> events = new ArrayList<>();
        for (String event : Corpus.attackSampleEvents(corpus, 3000)) {
            events.add(JsonEvent.parse(event).toObjectNode());
        }
        for (String event : Corpus.otrfEvents(corpus, "", 30)) {
            events.add(JsonEvent.parse(event).toObjectNode());
        }
        assertThat(events).hasSizeGreaterThan(1000);
        // the recordings hold a few events of other logs than Windows' own (no channel)
        assertThat(assertIndexIsSound(shipped, events)).isGreaterThan(events.size() * 9 / 10);
    }

    @Test
    void aListedValueIsComparedAsConditionsCompareIt() {
        OcsfMappings mappings = OcsfMappings.parse(files("listed.json", """
                {"name": "listed", "product": {"name": "L"}, "match": {"app_name": ["Sshd", "sudo"]},
                 "default": {"class_uid": 3002, "activity_id": 1}}
                """, "present.json", """
                {"name": "present", "product": {"name": "P"}, "match": {"EventID": "*", "Channel": ["Security", "*"]},
                 "default": {"class_uid": 3002, "activity_id": 1}}
                """, "pattern.json", """
                {"name": "pattern", "product": {"name": "T"}, "match": {"pattern": "x(?<n>\\\\d+)"},
                 "default": {"class_uid": 3002, "activity_id": 1}}
                """));
        assertThat(candidateNames(mappings, event("{\"app_name\": \"  SSHD \"}")))
                .containsExactly("listed", "pattern");
        assertThat(candidateNames(mappings, event("{\"app_name\": \"cron\"}"))).containsExactly("pattern");
        // a listed set that also holds * asks for presence only
        assertThat(candidateNames(mappings, event("{\"EventID\": 4624}"))).containsExactly("present", "pattern");
        assertThat(candidateNames(mappings, event("{\"Channel\": \"Security\"}")))
                .containsExactly("pattern");
    }

    @Test
    void aPatternWithRequiredTextsIsACandidateOnlyWhereOneOfThemOccursInItsFields() {
        OcsfMappings mappings = OcsfMappings.parse(files("asa.json", """
                {"name": "asa", "product": {"name": "A"},
                 "match": {"pattern": "%(?:ASA|FTD)-\\\\d-(?<id>\\\\d+)", "pattern_requires": ["ASA-", "FTD-"]},
                 "default": {"class_uid": 4001, "activity_id": 1}}
                """, "kv.json", """
                {"name": "kv", "product": {"name": "K"},
                 "match": [{"app_name": "fw"},
                           {"pattern": "devid=(?<d>\\\\S+)", "pattern_field": ["msg", "message"], "pattern_requires": "devid="}],
                 "default": {"class_uid": 4001, "activity_id": 1}}
                """, "plain.json", """
                {"name": "plain", "product": {"name": "P"}, "match": {"pattern": "^x"},
                 "default": {"class_uid": 4001, "activity_id": 1}}
                """));
        assertThat(candidateNames(mappings, event("{\"message\": \"%FTD-6-430003: x\"}")))
                .containsExactly("asa", "plain");
        // case-sensitive, as the condition's own search
        assertThat(candidateNames(mappings, event("{\"message\": \"%asa-6-302013: x\"}")))
                .containsExactly("plain");
        // in any of the pattern's fields; a file's other alternative is still guarded by its own field
        assertThat(candidateNames(mappings, event("{\"msg\": \"devid=FG100\", \"message\": \"-\"}")))
                .containsExactly("kv", "plain");
        assertThat(candidateNames(mappings, event("{\"message\": \"x devid=FG1 %ASA-4-1\"}")))
                .containsExactly("asa", "kv", "plain");
        assertThat(candidateNames(mappings, event("{\"app_name\": \"fw\", \"message\": \"-\"}")))
                .containsExactly("kv", "plain");
        assertThat(candidateNames(mappings, event("{\"other\": \"ASA-\"}"))).containsExactly("plain");
    }

    @Test
    void filesBeyondSixtyFourAreIndexedToo() {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < 130; i++) {
            files.put(
                    "f" + i + ".json",
                    "{\"name\": \"f" + i + "\", \"product\": {\"name\": \"P\"}, \"match\": {\"app_name\": \"app" + i
                            + "\"}, \"default\": {\"class_uid\": 3002, \"activity_id\": 1}}");
        }
        OcsfMappings mappings = OcsfMappings.parse(files);
        for (int i : new int[] {0, 63, 64, 65, 127, 128, 129}) {
            assertThat(candidateNames(mappings, event("{\"app_name\": \"app" + i + "\"}")))
                    .containsExactly("f" + i);
        }
        assertThat(candidateNames(mappings, event("{\"app_name\": \"none\"}"))).isEmpty();
    }

    @Test
    void theFirstRuleThatHoldsIsTheOneTheRuleIndexGivesOnCorpusEvents() throws IOException {
        // every file's rules against every event (not only the claiming file's, whose conditions
        // also ran): the rule index may spare a rule only where it cannot hold
        SyslogParser parser = new SyslogParser();
        List<ObjectNode> events = new ArrayList<>();
        List<String> lines = corpusLines();
        for (int i = 0; i < lines.size(); i += 3) {
            try {
                events.add(
                        LogLine.decode(lines.get(i), RECEIVED, parser).fields().deepCopy());
            } catch (MalformedLogException e) {
                // dead-lettered before any mapping file is asked
            }
        }
        Path corpus = Corpus.folder("evtx-attack-samples-json").getParent();
        for (String event : Corpus.attackSampleEvents(corpus, 600)) {
            events.add(JsonEvent.parse(event).toObjectNode());
        }
        int ruled = 0;
        for (ObjectNode event : events) {
            for (SourceMapping mapping : shipped.mappings()) {
                SourceMapping.Rule scanned = null;
                SourceFields plain = new SourceFields(event);
                for (SourceMapping.Rule rule : mapping.events()) {
                    if (rule.when().holds(plain) != null) {
                        scanned = rule;
                        break;
                    }
                }
                Map.Entry<SourceMapping.Rule, ?> indexed = mapping.firstRule(new SourceFields(event));
                assertThat(indexed == null ? null : indexed.getKey())
                        .as("%s's rule for %s", mapping.name(), event)
                        .isSameAs(scanned);
                if (scanned != null) {
                    ruled++;
                }
            }
        }
        assertThat(ruled).isGreaterThan(events.size() / 2);
    }

    @Test
    void theRuleIndexKeepsTheFilesOrderWhateverFieldItGuardsOn() {
        // the event id tells the rules apart (it is their guard), but the channel's catch-all comes
        // before the 4625 rule and wins for the Security channel's 4625
        OcsfMappings mappings = OcsfMappings.parse(files("rules.json", """
                {"name": "rules", "product": {"name": "R"}, "match": {"EventID": "*"},
                 "events": [
                   {"description": "logon", "when": {"Channel": "Security", "EventID": ["4624", "4634"]}, "class_uid": 3002, "activity_id": 1},
                   {"description": "security", "when": {"Channel": "Security"}, "class_uid": 3002, "activity_id": 99},
                   {"description": "failed", "when": {"EventID": "4625"}, "class_uid": 3002, "activity_id": 1},
                   {"description": "service", "when": {"pattern": "service (?<svc>\\\\S+) installed", "pattern_requires": ["service"]}, "class_uid": 1007, "activity_id": 1}
                 ],
                 "default": {"class_uid": 3002, "activity_id": 1}}
                """));
        SourceMapping rules = mappings.mappings().getFirst();
        assertThat(firstRule(rules, "{\"EventID\": 4624, \"Channel\": \"Security\"}"))
                .isEqualTo("rules.json events[0]");
        assertThat(firstRule(rules, "{\"EventID\": 4625, \"Channel\": \" security \"}"))
                .isEqualTo("rules.json events[1]");
        assertThat(firstRule(rules, "{\"EventID\": 4625, \"Channel\": \"System\"}"))
                .isEqualTo("rules.json events[2]");
        assertThat(firstRule(rules, "{\"EventID\": 7045, \"message\": \"service evil installed\"}"))
                .isEqualTo("rules.json events[3]");
        assertThat(firstRule(rules, "{\"EventID\": 7045, \"message\": \"driver evil installed\"}"))
                .isNull();
    }

    private static String firstRule(SourceMapping mapping, String event) {
        Map.Entry<SourceMapping.Rule, ?> first = mapping.firstRule(new SourceFields(event(event)));
        return first == null ? null : first.getKey().where();
    }

    /** Asserts soundness for every event and file; returns how many events some file claimed. */
    private static int assertIndexIsSound(OcsfMappings mappings, List<ObjectNode> events) {
        int claimed = 0;
        for (ObjectNode event : events) {
            long[] candidates = mappings.index().candidates(new SourceFields(event));
            List<String> offered = candidateNames(mappings, candidates);
            boolean any = false;
            for (SourceMapping mapping : mappings.mappings()) {
                // fresh fields per file: a condition's own lookups must not decide another's
                SourceFields fields = new SourceFields(event);
                boolean holds = mapping.match().stream().anyMatch(c -> c.holds(fields) != null);
                if (holds) {
                    any = true;
                    assertThat(offered)
                            .as("file %s holds on %s", mapping.name(), event)
                            .contains(mapping.name());
                }
            }
            if (any) {
                claimed++;
            }
        }
        return claimed;
    }

    private static List<String> candidateNames(OcsfMappings mappings, ObjectNode event) {
        return candidateNames(mappings, mappings.index().candidates(new SourceFields(event)));
    }

    private static List<String> candidateNames(OcsfMappings mappings, long[] candidates) {
        List<String> names = new ArrayList<>();
        MappingIndex index = mappings.index();
        for (int i = index.next(candidates, 0); i >= 0; i = index.next(candidates, i + 1)) {
            names.add(mappings.mappings().get(i).name());
        }
        return names;
    }

    private static ObjectNode event(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, String> files(String... nameAndText) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < nameAndText.length; i += 2) {
            files.put(nameAndText[i], nameAndText[i + 1]);
        }
        return files;
    }

    private static List<String> corpusLines() throws IOException {
        List<String> lines = new ArrayList<>();
        Path wazuh = Corpus.folder("wazuh-ruleset-tests").resolve("cases.jsonl");
        for (String l : Files.readAllLines(wazuh, StandardCharsets.UTF_8)) {
            lines.add(JSON.readTree(l).get("log").asText());
        }
        Path logstash = Corpus.folder("logstash-patterns-core").resolve("spec-samples.jsonl");
        for (String l : Files.readAllLines(logstash, StandardCharsets.UTF_8)) {
            lines.add(JSON.readTree(l).get("message").asText());
        }
        return lines.stream().filter(l -> !l.isBlank()).toList();
    }
}
