package io.socaas.events.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The shared corpus of real, externally written data ({@code SOCAAS_CORPUS}, default {@code
 * ../shared/corpus} next to the repository), for the tests and benchmarks of every module. Tests
 * that need it are skipped, saying so, when it is absent.
 */
public final class Corpus {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Corpus() {}

    /** Where the corpus is looked for, whether it is there or not. */
    public static Path location() {
        String configured = System.getenv("SOCAAS_CORPUS");
        // surefire runs in services/<module>; the repository root is two levels up
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of("").toAbsolutePath().resolve("../../../shared/corpus").normalize();
    }

    /** The corpus folder, or null when absent. */
    public static Path root() {
        Path candidate = location();
        return Files.isDirectory(candidate) ? candidate : null;
    }

    /** A folder of the corpus; skips the calling test when it is absent. */
    public static Path folder(String name) {
        Path root = root();
        assumeTrue(root != null, "shared corpus not found (set SOCAAS_CORPUS); skipped");
        Path folder = root.resolve(name);
        assumeTrue(Files.isDirectory(folder), "corpus folder " + name + " not found; skipped");
        return folder;
    }

    /**
     * The Windows events of the evtx-attack-samples recordings ({@code
     * evtx-attack-samples-json/events}, gzip NDJSON), one JSON text per event, in file order; at most
     * {@code limit}. Empty when absent.
     */
    public static List<String> attackSampleEvents(Path corpus, int limit) {
        List<String> events = new ArrayList<>();
        for (Path file : files(corpus.resolve("evtx-attack-samples-json/events"), ".ndjson.gz")) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                events.addAll(jsonObjects(in, limit - events.size()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (events.size() >= limit) {
                break;
            }
        }
        return events;
    }

    /**
     * The events of the OTRF Security-Datasets recordings under {@code folder} of {@code
     * otrf-security-datasets/datasets} (e.g. {@code atomic/windows}; empty for all), zipped NDJSON,
     * one JSON text per event: the first {@code perRecording} of each recording. Empty when absent.
     */
    public static List<String> otrfEvents(Path corpus, String folder, int perRecording) {
        Path datasets = corpus.resolve("otrf-security-datasets/datasets");
        List<String> events = new ArrayList<>();
        for (Path zip : files(folder.isEmpty() ? datasets : datasets.resolve(folder), ".zip")) {
            List<String> recording = new ArrayList<>();
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry entry = in.getNextEntry();
                        entry != null && recording.size() < perRecording;
                        entry = in.getNextEntry()) {
                    if (!entry.isDirectory()) {
                        recording.addAll(jsonObjects(in, perRecording - recording.size()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            events.addAll(recording);
        }
        return events;
    }

    private static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Up to {@code max} lines that each hold one JSON object (the stream stays open). */
    private static List<String> jsonObjects(InputStream in, int max) throws IOException {
        List<String> result = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; result.size() < max && (line = reader.readLine()) != null; ) {
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                continue; // not one JSON object per line: no event
            }
            if (node != null && node.isObject()) {
                result.add(line);
            }
        }
        return result;
    }
}
