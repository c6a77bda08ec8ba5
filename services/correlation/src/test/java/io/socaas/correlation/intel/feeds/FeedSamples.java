package io.socaas.correlation.intel.feeds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real-shaped feed documents under {@code src/test/resources/intel/feeds}. */
final class FeedSamples {

    static final Path DIR = Path.of("src/test/resources/intel/feeds");

    private FeedSamples() {}

    static String read(String name) {
        try {
            return Files.readString(DIR.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
