package io.socaas.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** The chart helm/socaas, rendered by Helm itself (no cluster), and its parsed objects. */
final class Chart {

    static final String RELEASE = "socaas";
    static final String NAMESPACE = "socaas";
    /** The Kubernetes version renders assume (the chart needs 1.27 or newer). */
    static final String KUBE_VERSION = "1.31.0";

    static final List<String> SERVICES =
            List.of("ingestion", "correlation", "case-management", "tenant-billing", "reporting");

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Chart() {}

    /** The repository's root folder (set by the build; the module's parent when run elsewhere). */
    static Path repo() {
        String configured = System.getProperty("socaas.repo");
        Path root = configured == null || configured.isBlank() ? Path.of("..") : Path.of(configured);
        return root.toAbsolutePath().normalize();
    }

    static Path dir() {
        return repo().resolve("helm/socaas");
    }

    static Path productionValues() {
        return dir().resolve("values-production.yaml");
    }

    /** Renders the chart with the given values files (in order) and {@code --set} pairs. */
    static String template(List<Path> valuesFiles, Map<String, Object> sets) {
        TemplateCommand command = new Helm(dir())
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        for (Path values : valuesFiles) {
            command = command.withValuesFile(values);
        }
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            command = command.set(set.getKey(), set.getValue());
        }
        return command.call();
    }

    static List<HasMetadata> render(List<Path> valuesFiles, Map<String, Object> sets) {
        return parse(template(valuesFiles, sets));
    }

    static List<HasMetadata> render(Path... valuesFiles) {
        return render(List.of(valuesFiles), Map.of());
    }

    /** Every YAML document of a rendered manifest as a Kubernetes object. */
    static List<HasMetadata> parse(String manifest) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(manifest)) {
            if (document.lines().allMatch(l -> l.isBlank() || l.trim().startsWith("#"))) {
                continue;
            }
            Object parsed = SERIALIZATION.unmarshal(document);
            if (!(parsed instanceof HasMetadata object)) {
                throw new IllegalStateException("not a Kubernetes object: " + document);
            }
            objects.add(object);
        }
        return objects;
    }

    /** The chart's values merged the way Helm does for plain maps (later files win). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> values(Path... overrides) {
        Map<String, Object> merged = load(dir().resolve("values.yaml"));
        for (Path override : overrides) {
            merge(merged, load(override));
        }
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Path file) {
        try {
            Map<String, Object> map = YAML.readValue(Files.readString(file), Map.class);
            return map == null ? new java.util.LinkedHashMap<>() : map;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Map<String, Object> from) {
        for (Map.Entry<String, Object> e : from.entrySet()) {
            Object existing = into.get(e.getKey());
            if (existing instanceof Map<?, ?> a && e.getValue() instanceof Map<?, ?> b) {
                merge((Map<String, Object>) a, (Map<String, Object>) b);
            } else {
                into.put(e.getKey(), e.getValue());
            }
        }
    }

    static <T extends HasMetadata> List<T> ofKind(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static HasMetadata named(List<HasMetadata> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> o.getKind().equals(kind)
                        && Objects.equals(o.getMetadata().getName(), name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the render"));
    }
}
