package io.socaas.correlation.sigma.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttackTagsTest {

    private static final List<String> TAGS = List.of(
            "attack.execution",
            "attack.t1059.001",
            "attack.defense_evasion",
            "attack.T1027",
            "attack.g0016",
            "attack.s0002",
            "cve.2021-44228",
            "detection.threat-hunting",
            "attack.t1059.001");

    @Test
    void techniquesAreTheTTagsInUpperCase() {
        assertThat(AttackTags.techniques(TAGS)).containsExactly("T1059.001", "T1027");
    }

    @Test
    void tacticsAreTheAttackTacticNamesWithHyphens() {
        assertThat(AttackTags.tactics(TAGS)).containsExactly("execution", "defense-evasion");
    }
}
