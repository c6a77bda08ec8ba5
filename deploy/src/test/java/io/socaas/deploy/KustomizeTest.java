package io.socaas.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * k8s/ agrees with the chart: k8s/base/socaas.yaml is the chart rendered with its default values
 * (regenerate it with {@code -Dk8s.base.regenerate=true}), and the overlays change only objects
 * and images that the base has.
 */
class KustomizeTest {

    static final String REGENERATE = "k8s.base.regenerate";
    static final String HEADER = """
            # GENERATED from helm/socaas with its default values (release socaas, namespace socaas).
            # Do not edit: change the chart, then regenerate this file with
            #   ./mvnw -B -pl local-stack,deploy test -Dtest=KustomizeTest -Dsurefire.failIfNoSpecifiedTests=false -Dk8s.base.regenerate=true
            # KustomizeTest (deploy/) fails while this file and the chart differ.
            """;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static Path k8s() {
        return Chart.repo().resolve("k8s");
    }

    private static Path base() {
        return k8s().resolve("base/socaas.yaml");
    }

    private static List<HasMetadata> baseObjects() throws IOException {
        return Chart.parse(Files.readString(base()));
    }

    @Test
    void theBaseIsTheChartsDefaultRender() throws IOException {
        String expected = HEADER + Chart.template(List.of(), Map.of());
        if (Boolean.getBoolean(REGENERATE)) {
            Files.writeString(base(), expected);
        }

        assertThat(Files.exists(base())).as(base() + " exists").isTrue();
        assertThat(Files.readString(base()))
                .as("k8s/base/socaas.yaml differs from the chart's render; regenerate it (see its header)")
                .isEqualTo(expected);
    }

    @Test
    void theBaseKustomizationHasTheRenderAndTheNamespace() throws IOException {
        JsonNode kustomization =
                YAML.readTree(k8s().resolve("base/kustomization.yaml").toFile());

        assertThat(kustomization.get("namespace").asText()).isEqualTo(Chart.NAMESPACE);
        assertThat(texts(kustomization.get("resources"))).containsExactly("namespace.yaml", "socaas.yaml");
    }

    @Test
    void theBasePassesEveryRuleTheChartDoes() throws IOException {
        var external = Values.external(Chart.values());

        assertThat(ManifestChecks.violations(baseObjects(), external, Chart.SERVICES))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void anOverlayChangesOnlyWhatTheBaseHas(String overlay) throws IOException {
        JsonNode kustomization = YAML.readTree(k8s().resolve("overlays")
                .resolve(overlay)
                .resolve("kustomization.yaml")
                .toFile());
        List<HasMetadata> base = baseObjects();
        Set<String> images = ManifestChecks.workloads(base).values().stream()
                .flatMap(t -> t.getSpec().getContainers().stream())
                .map(c -> c.getImage().replaceFirst(":[^:/]+$", ""))
                .collect(Collectors.toSet());
        Set<String> workloads = ManifestChecks.workloads(base).keySet().stream()
                .map(k -> k.substring(k.indexOf('/') + 1))
                .collect(Collectors.toSet());

        assertThat(texts(kustomization.get("resources"))).containsExactly("../../base");
        assertThat(kustomization.path("images"))
                .allSatisfy(i -> assertThat(images).contains(i.get("name").asText()));
        assertThat(kustomization.path("replicas"))
                .allSatisfy(r -> assertThat(workloads).contains(r.get("name").asText()));
        assertThat(kustomization.path("patches")).isNotEmpty().allSatisfy(p -> {
            JsonNode target = p.get("target");
            String kind = target.get("kind").asText();
            String name = target.path("name").asText(".*");
            assertThat(base)
                    .as("%s overlay patch target %s %s", overlay, kind, name)
                    .anyMatch(o -> o.getKind().equals(kind)
                            && o.getMetadata().getName().matches(name));
        });
    }

    @Test
    void theOverlaysRenameEveryImage() throws IOException {
        for (String overlay : List.of("dev", "prod")) {
            JsonNode kustomization = YAML.readTree(k8s().resolve("overlays")
                    .resolve(overlay)
                    .resolve("kustomization.yaml")
                    .toFile());
            assertThat(texts(kustomization.get("images"), "name"))
                    .containsExactlyInAnyOrderElementsOf(Chart.SERVICES.stream()
                            .map(s -> "registry.example.com/socaas/" + s)
                            .toList());
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.get(field).asText()));
        return texts;
    }
}
