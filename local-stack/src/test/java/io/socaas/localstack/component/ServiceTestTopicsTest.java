package io.socaas.localstack.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The services' own tests run against this machine's broker, which a running platform uses too: in
 * their {@code %test} profile they must name only test topics ({@code soc.<name>.test.v1}), which
 * the launcher creates, so that a test alert never becomes a case of the live platform. Checked on
 * every service's {@code application.properties}; a topic given as a {@code @WithDefault} of a
 * config mapping would escape this check, so topics are named in the properties only.
 */
class ServiceTestTopicsTest {

    private static final Path SERVICES =
            Path.of(System.getProperty("socaas.root", "..")).resolve("services");

    /** A platform topic: {@code soc.events.v1}, {@code soc.alerts.dlq.v1}, {@code soc.tenants.test.v1}. */
    private static final Pattern TOPIC = Pattern.compile("soc\\.[a-z0-9.-]+\\.v1");

    private static final Pattern TOPIC_DEFAULT = Pattern.compile("@WithDefault\\(\"(" + TOPIC.pattern() + ")\"\\)");

    static boolean isTestTopic(String topic) {
        return topic.endsWith(".test.v1");
    }

    @Test
    void everyServiceReadsAndWritesOnlyTestTopicsInItsTestProfile() throws IOException {
        List<Path> files = serviceProperties();
        assertThat(files)
                .as("services' application.properties under %s", SERVICES)
                .isNotEmpty();
        List<String> findings = new ArrayList<>();
        for (Path file : files) {
            findings.addAll(findings(SERVICES.relativize(file).toString(), load(file)));
        }
        assertThat(findings).isEmpty();
    }

    @Test
    void noConfigMappingDefaultsToATopic() throws IOException {
        List<String> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SERVICES)) {
            for (Path file : files.filter(f -> f.toString().contains("/src/main/java/"))
                    .filter(f -> f.toString().endsWith(".java"))
                    .toList()) {
                Matcher m = TOPIC_DEFAULT.matcher(Files.readString(file));
                while (m.find()) {
                    findings.add(
                            "%s: @WithDefault(\"%s\"): name the topic in application.properties, with its %%test twin"
                                    .formatted(SERVICES.relativize(file), m.group(1)));
                }
            }
        }
        assertThat(findings).isEmpty();
    }

    @Test
    void aLiveTopicInheritedOrNamedByTheTestProfileIsFound() {
        Properties p = new Properties();
        p.setProperty("mp.messaging.outgoing.alerts.topic", "soc.alerts.v1");
        p.setProperty("mp.messaging.incoming.events.topic", "soc.events.v1");
        p.setProperty("%test.mp.messaging.incoming.events.topic", "soc.events.v1");
        p.setProperty("mp.messaging.outgoing.cases.topic", "soc.cases.v1");
        p.setProperty("%test.mp.messaging.outgoing.cases.topic", "soc.cases.nowhere.test.v1");
        p.setProperty("socaas.intel.topic", "soc.intel.v1");
        p.setProperty("%test.socaas.intel.topic", "soc.intel.test.v1");

        assertThat(findings("x/application.properties", p))
                .containsExactlyInAnyOrder(
                        "x/application.properties: mp.messaging.outgoing.alerts.topic=soc.alerts.v1 has no %test"
                                + " override naming a test topic",
                        "x/application.properties: %test.mp.messaging.incoming.events.topic=soc.events.v1 names a"
                                + " live topic",
                        "x/application.properties: %test.mp.messaging.outgoing.cases.topic=soc.cases.nowhere.test.v1"
                                + " is not created by the local stack (Kafka.TOPICS)");
    }

    /** What is wrong with one service's configuration. */
    static List<String> findings(String file, Properties properties) {
        List<String> findings = new ArrayList<>();
        for (String key : properties.stringPropertyNames().stream().sorted().toList()) {
            String value = properties.getProperty(key).trim();
            if (key.startsWith("%test.")) {
                Matcher m = TOPIC.matcher(value);
                while (m.find()) {
                    String topic = m.group();
                    if (!isTestTopic(topic)) {
                        findings.add("%s: %s=%s names a live topic".formatted(file, key, value));
                    } else if (!Kafka.TOPICS.containsKey(topic)) {
                        findings.add("%s: %s=%s is not created by the local stack (Kafka.TOPICS)"
                                .formatted(file, key, value));
                    }
                }
            } else if (!key.startsWith("%") && TOPIC.matcher(value).find()) {
                String override = properties.getProperty("%test." + key);
                if (override == null) {
                    findings.add("%s: %s=%s has no %%test override naming a test topic".formatted(file, key, value));
                }
            }
        }
        return findings;
    }

    private static List<Path> serviceProperties() throws IOException {
        try (Stream<Path> dirs = Files.list(SERVICES)) {
            return dirs.map(d -> d.resolve("src/main/resources/application.properties"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        return p;
    }
}
