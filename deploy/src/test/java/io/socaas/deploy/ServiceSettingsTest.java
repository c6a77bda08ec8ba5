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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every setting the chart hands a service as an environment variable is one the service reads:
 * a property of its application.properties, an environment variable those properties (or the
 * defaults of a shared module it depends on, e.g. the tls profile of services/transport-tls)
 * name, a key under one of its {@code @ConfigMapping} prefixes or those of the project's shared modules it
 * depends on (e.g. {@code socaas.syslog.tenant-ports} of services/syslog-ports), or a key of a
 * Quarkus TLS registry configuration ({@code quarkus.tls.<name>.*}) it names by a
 * {@code tls-configuration-name} setting. A misspelt variable would otherwise be ignored without a
 * word.
 */
class ServiceSettingsTest {

    /** Read by something other than the service's configuration, each for a stated reason. */
    private static final Map<String, String> NOT_SERVICE_SETTINGS = Map.of(
            "JAVA_OPTS_APPEND", "read by the JVM base image's start script (ubi9/openjdk-21-runtime)",
            "QUARKUS_PROFILE", "read by Quarkus itself: the configuration profiles (tls: services/transport-tls)");

    private static final Pattern MAPPING_PREFIX = Pattern.compile("@ConfigMapping\\(prefix = \"([^\"]+)\"\\)");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z0-9_]+)");
    /** A dependency of a module's pom: group, artifact and what follows up to its end (scope, type). */
    private static final Pattern DEPENDENCY = Pattern.compile(
            "<dependency>\\s*<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)</artifactId>(.*?)</dependency>",
            Pattern.DOTALL);
    /** The default name of a TLS registry configuration a mapping lets be chosen. */
    private static final Pattern TLS_CONFIGURATION_DEFAULT =
            Pattern.compile("@WithDefault\\(\"([^\"]+)\"\\)\\s*String tlsConfigurationName\\(\\)");

    static Stream<Arguments> renders() {
        return Stream.of(
                Arguments.of("values-production.yaml", Map.of()),
                Arguments.of("values-production.yaml with TLS", ChartTlsTest.TLS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void everyVariableOfEveryServiceIsOneItReads(String name, Map<String, Object> sets) throws IOException {
        List<HasMetadata> objects = Chart.render(List.of(Chart.productionValues()), sets);

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
    void settingsOfTheSharedModulesAServiceUsesAreItsToo() throws IOException {
        Known ingestion = known("ingestion");

        // services/syslog-ports, a dependency of ingestion (and of tenant-billing)
        assertThat(ingestion.reads("SOCAAS_SYSLOG_TENANT_PORTS_RANGE")).isTrue();
        assertThat(known("tenant-billing").reads("SOCAAS_SYSLOG_TENANT_PORTS_RESERVED"))
                .isTrue();
        // the TLS configuration its syslog listener takes by default
        assertThat(ingestion.reads("QUARKUS_TLS_SYSLOG_KEY_STORE_P12_PATH")).isTrue();
        assertThat(ingestion.reads("QUARKUS_TLS_SYSLOGS_KEY_STORE_P12_PATH")).isFalse();
        // services/transport-tls: the files of its tls profile, named in its own configuration
        assertThat(ingestion.reads("SOCAAS_TLS_KEY_STORE_PASSWORD")).isTrue();
        assertThat(known("case-management").reads("SOCAAS_DB_SSL_MODE")).isTrue();
        assertThat(ingestion.reads("SOCAAS_TLS_KEYSTORE")).isFalse();
        // case-management does not depend on syslog-ports
        assertThat(known("case-management").reads("SOCAAS_SYSLOG_TENANT_PORTS_RANGE"))
                .isFalse();
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
        Set<String> names = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        readConfiguration(module.resolve("src/main/resources/application.properties"), names, prefixes);
        Set<Path> modules = new HashSet<>();
        Set<Path> codes = codeOf(module, modules);
        for (Path m : modules) {
            // a shared module's own defaults (services/transport-tls: its tls profile)
            Path defaults = m.resolve("src/main/resources/META-INF/microprofile-config.properties");
            if (Files.isRegularFile(defaults)) {
                readConfiguration(defaults, names, prefixes);
            }
        }
        for (Path code : codes) {
            try (Stream<Path> sources = Files.walk(code)) {
                for (Path source :
                        sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String java = Files.readString(source);
                    Matcher mapping = MAPPING_PREFIX.matcher(java);
                    while (mapping.find()) {
                        prefixes.add(env(mapping.group(1)) + "_");
                    }
                    Matcher tls = TLS_CONFIGURATION_DEFAULT.matcher(java);
                    while (tls.find()) {
                        prefixes.add(tlsConfiguration(tls.group(1)));
                    }
                }
            }
        }
        return new Known(names, prefixes);
    }

    /**
     * The properties a configuration file sets (outside profiles) and the environment variables it
     * names, in environment-variable form, and the TLS registry configurations it names.
     */
    private static void readConfiguration(Path file, Set<String> names, Set<String> prefixes) throws IOException {
        String text = Files.readString(file);
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        for (String name : properties.stringPropertyNames()) {
            if (!name.startsWith("%")) {
                names.add(env(name));
                if (name.endsWith("tls-configuration-name")) {
                    prefixes.add(tlsConfiguration(properties.getProperty(name)));
                }
            }
        }
        Matcher references = ENV_REFERENCE.matcher(text);
        while (references.find()) {
            names.add(references.group(1));
        }
    }

    /**
     * The main sources of the module and of the project's shared modules (services/*) it depends
     * on at run time, directly or through one another.
     */
    private static Set<Path> codeOf(Path module, Set<Path> seen) throws IOException {
        if (!seen.add(module.normalize())) {
            return seen;
        }
        Matcher dependency = DEPENDENCY.matcher(Files.readString(module.resolve("pom.xml")));
        while (dependency.find()) {
            Path shared = Chart.repo().resolve("services").resolve(dependency.group(2));
            boolean runtime = !dependency.group(3).contains("<scope>test</scope>");
            if ("io.socaas".equals(dependency.group(1).strip()) && runtime && Files.isDirectory(shared)) {
                codeOf(shared, seen);
            }
        }
        Set<Path> code = new HashSet<>();
        for (Path m : seen) {
            if (Files.isDirectory(m.resolve("src/main/java"))) {
                code.add(m.resolve("src/main/java"));
            }
        }
        return code;
    }

    /** The variables of a named TLS registry configuration, {@code quarkus.tls.<name>.*}. */
    private static String tlsConfiguration(String name) {
        return env("quarkus.tls." + name) + "_";
    }

    /** A property name in the form SmallRye Config matches environment variables against. */
    static String env(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
