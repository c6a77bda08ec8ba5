package io.socaas.correlation.sigma.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socaas.events.ocsf.NormalizationFieldReader;
import io.socaas.events.ocsf.WindowsShapes;
import io.socaas.events.testing.Corpus;
import io.socaas.events.testing.WindowsShapeSamples;
import io.socaas.events.testing.WindowsShapeSamples.Sample;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Normalization (the mapping files' reader of a source event) and detection (a Sigma field name on
 * the decoded event) read a Windows event's names alike, in every shape a shipper or store gives
 * it: the same samples ({@link WindowsShapeSamples}, every shape and near misses), and the Windows
 * events of the shared corpus's recordings, read by both; each name either reads, System names and
 * the samples' expected names included, reads the same text on both sides or is absent on both. A
 * shape read by one side only, or one without a sample, fails here.
 */
class WindowsShapesAgreementTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A Sigma field's text as rules compare it; null when absent, null, an object or a list. */
    private static String sigmaText(SigmaEvent event, String name) {
        SigmaEvent.FieldValue value = event.field(name);
        if (!value.present()
                || value.value() == null
                || value.value() instanceof Map
                || value.value() instanceof List) {
            return null;
        }
        return SigmaEvent.FieldValue.text(value.value());
    }

    /** The names both sides disagree on, with what each reads ({@code name: normalization | sigma}). */
    private static List<String> disagreements(String json, Iterable<String> alsoAsk) throws Exception {
        NormalizationFieldReader normalization = new NormalizationFieldReader((ObjectNode) JSON.readTree(json));
        Map<String, Object> decoded = JSON.readValue(json, new TypeReference<>() {});
        SigmaEvent sigma = SigmaEvent.of(decoded);
        Set<String> names = new LinkedHashSet<>(normalization.windowsNames());
        WindowsShapeSamples.SYSTEM_NAMES.forEach(names::add);
        alsoAsk.forEach(names::add);
        List<String> disagreements = new ArrayList<>();
        for (String name : names) {
            String normalized = normalization.text(name);
            String detected = sigmaText(sigma, name);
            if (!java.util.Objects.equals(normalized, detected)) {
                disagreements.add(name + ": " + normalized + " | " + detected);
            }
        }
        return disagreements;
    }

    @Test
    void bothSidesReadEverySampleAlike() throws Exception {
        for (Sample sample : WindowsShapeSamples.SAMPLES) {
            assertThat(disagreements(sample.json(), sample.expected().keySet()))
                    .as(sample.name())
                    .isEmpty();
            Map<String, Object> decoded = JSON.readValue(sample.json(), new TypeReference<>() {});
            SigmaEvent sigma = SigmaEvent.of(decoded);
            sample.expected()
                    .forEach((name, expected) -> assertThat(sigmaText(sigma, name))
                            .as("%s: %s", sample, name)
                            .isEqualTo(expected));
        }
    }

    @Test
    void everyShapeHasASampleBothSidesRead() throws Exception {
        Set<WindowsShapes.Shape> covered = EnumSet.noneOf(WindowsShapes.Shape.class);
        for (Sample sample : WindowsShapeSamples.SAMPLES) {
            if (!sample.expected().isEmpty()) {
                covered.addAll(
                        WindowsShapes.of(JSON.<Map<String, Object>>readValue(sample.json(), new TypeReference<>() {}))
                                .shapes());
            }
        }
        assertThat(covered).containsExactlyInAnyOrder(WindowsShapes.Shape.values());
    }

    @Test
    void bothSidesReadTheCorpusWindowsRecordingsAlike() throws Exception {
        List<String> events = new ArrayList<>(Corpus.attackSampleEvents(Corpus.location(), 2000));
        events.addAll(Corpus.otrfEvents(Corpus.location(), "atomic/windows", 20));
        assumeTrue(!events.isEmpty(), "no Windows recordings under " + Corpus.location() + " (SOCAAS_CORPUS): skipped");
        for (String event : events) {
            assertThat(disagreements(event, List.of())).as(event).isEmpty();
        }
    }
}
