package io.socaas.correlation.rules.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.rules.domain.DetectionRule;
import io.socaas.correlation.rules.domain.RulePack;
import io.socaas.correlation.sigma.yaml.SigmaYamlReader;
import io.socaas.proto.alerts.v1.RuleRef;
import org.junit.jupiter.api.Test;

/** What an alert says of its rule: case-management assigns by the tags and the logsource. */
class RuleRefsTest {

    private static final RulePack PACK = RulePack.unnamed("core");

    @Test
    void anAlertCarriesItsRulesTagsAndLogsource() {
        RuleRef ref = RuleRefs.of(new DetectionRule(SigmaYamlReader.read("""
                        title: Sudo to root
                        id: 11111111-0000-0000-0000-000000000011
                        author: tests
                        tags: [attack.privilege_escalation, attack.t1548.003]
                        logsource: {product: Linux, service: sudo}
                        detection:
                          selection:
                            COMMAND|contains: '/bin/bash'
                          condition: selection
                        level: high
                        """), PACK, "sudo.yml"));

        assertThat(ref.getTagsList()).containsExactly("attack.privilege_escalation", "attack.t1548.003");
        assertThat(ref.getLogsource().getProduct()).isEqualTo("linux");
        assertThat(ref.getLogsource().getService()).isEqualTo("sudo");
        assertThat(ref.getLogsource().getCategory()).isEmpty();
    }
}
