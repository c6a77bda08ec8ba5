package io.socaas.correlation.sigma.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
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
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The shared test corpus: found through {@code SOCAAS_CORPUS} (default {@code
 * ../../../shared/corpus} from this module); tests skip, saying so, when it is absent.
 */
public final class SigmaCorpus {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SigmaCorpus() {}

    public static Path corpus() {
        String configured = System.getenv("SOCAAS_CORPUS");
        return Path.of(configured == null || configured.isBlank() ? "../../../shared/corpus" : configured);
    }

    /** The rule folders {@code sigma/rules*}, sorted. */
    public static List<Path> ruleFolders(Path sigma) {
        try (Stream<Path> dirs = Files.list(sigma)) {
            return dirs.filter(Files::isDirectory)
                    .filter(d -> d.getFileName().toString().startsWith("rules"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code .yml} file under the folders, sorted. */
    public static List<Path> ruleFiles(List<Path> folders) {
        List<Path> files = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.filter(p -> p.toString().endsWith(".yml")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** The regression tests of {@code sigma-regression/manifest.jsonl}. */
    static List<JsonNode> regressionTests(Path manifest) {
        try {
            List<JsonNode> tests = new ArrayList<>();
            for (String line : Files.readAllLines(manifest)) {
                if (!line.isBlank()) {
                    tests.add(JSON.readTree(line));
                }
            }
            return tests;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of JSON objects, possibly several pretty-printed ones back to back. */
    static List<Map<String, Object>> readEventStream(Path file) {
        List<Map<String, Object>> events = new ArrayList<>();
        try (MappingIterator<Map<String, Object>> it =
                JSON.readerForMapOf(Object.class).readValues(file.toFile())) {
            while (it.hasNextValue()) {
                events.add(it.nextValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    /**
     * The events of the evtx-attack-samples recordings ({@code evtx-attack-samples-json/events},
     * gzip NDJSON), one JSON text per event, in file order; at most {@code limit}. Empty when absent.
     */
    public static List<String> attackSampleEvents(Path corpus, int limit) {
        List<String> events = new ArrayList<>();
        for (Path file : files(corpus.resolve("evtx-attack-samples-json/events"), ".ndjson.gz")) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                lines(in, events, limit - events.size());
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
     * The Windows events of the OTRF Security-Datasets recordings ({@code
     * otrf-security-datasets/datasets/atomic/windows}, zipped NDJSON), one JSON text per event: the
     * first {@code perRecording} of each recording. Empty when absent.
     */
    public static List<String> otrfWindowsEvents(Path corpus, int perRecording) {
        List<String> events = new ArrayList<>();
        for (Path zip : files(corpus.resolve("otrf-security-datasets/datasets/atomic/windows"), ".zip")) {
            List<String> recording = new ArrayList<>();
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    if (!entry.isDirectory() && recording.size() < perRecording) {
                        lines(in, recording, perRecording - recording.size());
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

    /** Reads up to {@code max} non-blank lines that hold a JSON object (the stream stays open). */
    private static void lines(InputStream in, List<String> out, int max) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int read = 0;
        for (String line = reader.readLine(); line != null && read < max; line = reader.readLine()) {
            if (line.startsWith("{")) {
                out.add(line);
                read++;
            }
        }
    }
}
