package io.socaas.localstack.component;

import io.socaas.localstack.StackException;
import io.socaas.localstack.StackSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The infrastructure artifacts resolved by Maven: {@code local-stack/dists/<name>} writes the
 * resolved files (in the local Maven repository) to {@code target/classpath.txt}.
 */
final class Dists {

    private Dists() {}

    static List<Path> files(StackSettings settings, String dist) {
        Path list = settings.root().resolve("local-stack/dists/" + dist + "/target/classpath.txt");
        if (!Files.isRegularFile(list)) {
            throw new StackException(
                    dist,
                    "its artifacts are not resolved yet (" + list + " is missing)",
                    "run ./mvnw -B -q -DskipTests install -pl local-stack -am (./soc up does this)");
        }
        try {
            List<Path> files = Arrays.stream(Files.readString(list).trim().split(java.io.File.pathSeparator))
                    .filter(s -> !s.isBlank())
                    .map(Path::of)
                    .toList();
            for (Path f : files) {
                if (!Files.exists(f)) {
                    throw new StackException(
                            dist,
                            f + " is listed but missing from the local Maven repository",
                            "run ./mvnw -B -q -DskipTests install -pl local-stack -am to resolve it again");
                }
            }
            return files;
        } catch (IOException e) {
            throw new StackException(dist, "cannot read " + list + ": " + e.getMessage(), null);
        }
    }

    static String classpath(StackSettings settings, String dist) {
        return String.join(
                java.io.File.pathSeparator,
                files(settings, dist).stream().map(Path::toString).toList());
    }
}
