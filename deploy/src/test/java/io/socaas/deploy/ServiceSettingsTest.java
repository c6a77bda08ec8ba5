package io.socaas.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every setting the chart hands a service as an environment variable is one the service reads:
 * a property of its application.properties, an environment variable those properties name, or a
 * key under one of its {@code @ConfigMapping} prefixes. A misspelt variable would otherwise be
 * ignored without a word.
 */
class ServiceSettingsTest {

    /** Read by something other than the service's configuration, each for a stated reason. */
    private static final Map<String, String> NOT_SERVICE_SETTINGS =
            Map.of("JAVA_OPTS_APPEND", "read by the JVM base image's start script (ubi9/openjdk-21-runtime)");

    private static final Pattern MAPPING_PREFIX = Pattern.compile("@ConfigMapping\\(prefix = \"([^\"]+)\"\\)");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z0-9_]+)");

    @Test
    void everyVariableOfEveryServiceIsOneItReads() throws IOException {
        List<HasMetadata> objects = Chart.render(Chart.productionValues());

        for (String service : Chart.SERVICES) {
            Known known = known(service);
            ConfigMap config = (ConfigMap) Chart.named(objects, "ConfigMap", service + "-config");
            Set<String> variables = new HashSet<>(config.getData().keySet());
            ManifestChecks.workloads(objects).entrySet().stream()
                    .filter(e -> e.getKey().endsWith("/" + service))
                    .map(e -> e.getValue().getSpec().getContainers().getFirst().getEnv())
                    .filter(java.util.Objects::nonNull)
                    .flatMap(List::stream)
                    .map(EnvVar::getName)
                    .forEach(variables::add);

            assertThat(variables)
                    .as("settings of %s", service)
                    .allSatisfy(
                            variable -> assertThat(NOT_SERVICE_SETTINGS.containsKey(variable) || known.reads(variable))
                                    .as("%s reads %s", service, variable)
                                    .isTrue());
        }
    }

    @Test
    void aMisspeltVariableIsNoticed() throws IOException {
        Known known = known("tenant-billing");

        assertThat(known.reads("SOCAAS_INGEST_KEYS_ROTATION_GRACE")).isTrue();
        assertThat(known.reads("QUARKUS_GRPC_CLIENTS_CASE_SERVICE_HOST")).isTrue();
        assertThat(known.reads("SOCAAS_INGEST_KEY_ROTATION_GRACE")).isFalse();
        assertThat(known.reads("QUARKUS_GRPC_CLIENTS_CASES_HOST")).isFalse();
    }

    /** What a service reads, in environment-variable form. */
    record Known(Set<String> properties, Set<String> prefixes) {
        boolean reads(String variable) {
            return properties.contains(variable) || prefixes.stream().anyMatch(variable::startsWith);
        }
    }

    private static Known known(String service) throws IOException {
        Path module = Chart.repo().resolve("services").resolve(service);
        String text = Files.readString(module.resolve("src/main/resources/application.properties"));
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        Set<String> names = new HashSet<>();
        for (String name : properties.stringPropertyNames()) {
            if (!name.startsWith("%")) {
                names.add(env(name));
            }
        }
        Matcher references = ENV_REFERENCE.matcher(text);
        while (references.find()) {
            names.add(references.group(1));
        }
        Set<String> prefixes = new HashSet<>();
        try (Stream<Path> sources = Files.walk(module.resolve("src/main/java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher mapping = MAPPING_PREFIX.matcher(Files.readString(source));
                while (mapping.find()) {
                    prefixes.add(env(mapping.group(1)) + "_");
                }
            }
        }
        return new Known(names, prefixes);
    }

    /** A property name in the form SmallRye Config matches environment variables against. */
    static String env(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
