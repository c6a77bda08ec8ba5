package io.socaas.events;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared corpus of real, externally written data ({@code SOCAAS_CORPUS}, default {@code
 * ../shared/corpus} next to the repository). Tests that need it are skipped, saying so, when it is
 * absent.
 */
public final class Corpus {

    private Corpus() {}

    /** The corpus folder, or null when absent. */
    public static Path root() {
        String configured = System.getenv("SOCAAS_CORPUS");
        // surefire runs in services/<module>; the repository root is two levels up
        Path candidate = configured != null
                ? Path.of(configured)
                : Path.of("").toAbsolutePath().resolve("../../../shared/corpus").normalize();
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
}
