package io.socaas.correlation.sigma.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.events.testing.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the Sigma tests read of the shared test corpus ({@link Corpus}: {@code SOCAAS_CORPUS},
 * default {@code ../shared/corpus}); tests skip, saying so, when it is absent.
 */
public final class SigmaCorpus {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SigmaCorpus() {}

    public static Path corpus() {
        return Corpus.location();
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
}
