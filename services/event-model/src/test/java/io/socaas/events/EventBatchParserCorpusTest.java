package io.socaas.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.events.testing.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Real, externally written event files from the shared corpus ({@code SOCAAS_CORPUS}, default
 * {@code ../shared/corpus} next to the repository). Skipped, saying so, when it is absent.
 */
class EventBatchParserCorpusTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final EventBatchParser parser = new EventBatchParser(1_000_000, 256 * 1024 * 1024);

    @Test
    void parsesEveryEvtxAttackSampleFileWithTheRecordCountOfItsManifest() throws IOException {
        Path root = Corpus.folder("evtx-attack-samples-json");
        List<String> manifest = Files.readAllLines(root.resolve("manifest.jsonl"));
        assertThat(manifest).isNotEmpty();

        for (String line : manifest) {
            JsonNode entry = MAPPER.readTree(line);
            byte[] body;
            try (InputStream in = new GZIPInputStream(
                    Files.newInputStream(root.resolve(entry.get("file").textValue())))) {
                body = in.readAllBytes();
            }

            assertThat(parser.parse(body))
                    .as(entry.get("file").textValue())
                    .hasSize(entry.get("records").intValue());
        }
    }

    @Test
    void parsesTheWazuhCasesAsOneNdjsonBatch() throws IOException {
        Path cases = Corpus.folder("wazuh-ruleset-tests").resolve("cases.jsonl");
        byte[] body = Files.readAllBytes(cases);
        long lines = Files.readAllLines(cases, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .count();

        assertThat(parser.parse(body)).hasSize((int) lines);
    }

    @Test
    void parsesSigmaRegressionEventFilesAsStreamsOfJsonObjects() throws IOException {
        Path root = Corpus.folder("sigma-regression");
        List<String> manifest = Files.readAllLines(root.resolve("manifest.jsonl"));
        int files = 0;
        for (String line : manifest) {
            Path json = root.resolve(MAPPER.readTree(line).get("json").textValue());
            if (Files.exists(json)) {
                // some files hold several pretty-printed objects back to back
                assertThat(parser.parse(Files.readAllBytes(json), EventBatchParser.Format.JSON))
                        .as(json.toString())
                        .isNotEmpty();
                files++;
            }
        }
        assertThat(files).isPositive();
    }
}
