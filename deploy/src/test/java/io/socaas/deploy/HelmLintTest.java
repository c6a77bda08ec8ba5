package io.socaas.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code helm lint --strict} on the chart, and its values schema. */
class HelmLintTest {

    @Test
    void theChartLintsCleanly() {
        LintResult result = new Helm(Chart.dir()).lint().strict().call();

        assertThat(result.isFailed())
                .as(String.join("\n", result.getMessages()))
                .isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @Test
    void aMisspeltServiceSettingIsRefusedByTheValuesSchema() {
        assertThatThrownBy(() -> Chart.template(List.of(), Map.of("services.ingestion.replica", 3)))
                .hasMessageContaining("additional properties 'replica' not allowed");
    }

    @Test
    void anUnknownUseOfInfrastructureIsRefusedByTheValuesSchema() {
        assertThatThrownBy(() -> Chart.template(List.of(), Map.of("services.ingestion.uses[0]", "redis")))
                .hasMessageContaining("/services/ingestion/uses/0");
    }
}
