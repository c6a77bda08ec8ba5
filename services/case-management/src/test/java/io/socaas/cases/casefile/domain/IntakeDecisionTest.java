package io.socaas.cases.casefile.domain;

import static io.socaas.cases.casefile.domain.CaseTestData.aCase;
import static io.socaas.cases.casefile.domain.CaseTestData.anAlert;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IntakeDecisionTest {

    @Test
    void aRedeliveredAlertChangesNothingEvenWhenAnUnresolvedCaseHasItsDedupKey() {
        IncomingAlert alert = anAlert().withDedupKey("k").build();
        CaseFile recorded = aCase().withDedupKey("k").build();

        IntakeDecision decision = IntakeDecision.decide(alert, Optional.of(recorded), Optional.of(recorded));

        assertThat(decision).isEqualTo(new IntakeDecision.AlreadyRecorded(recorded));
    }

    @Test
    void aRepeatedDetectionIsAttachedToTheUnresolvedCase() {
        IncomingAlert alert = anAlert().withDedupKey("k").build();
        CaseFile candidate = aCase().withDedupKey("k").build();

        IntakeDecision decision = IntakeDecision.decide(alert, Optional.empty(), Optional.of(candidate));

        assertThat(decision).isEqualTo(new IntakeDecision.AttachTo(candidate));
    }

    @Test
    void anAlertOpensANewCaseWhenTheCandidateDoesNotGroupIt() {
        IncomingAlert alert = anAlert().withTenant("acme").withDedupKey("k").build();

        assertThat(IntakeDecision.decide(
                        alert,
                        Optional.empty(),
                        Optional.of(aCase().withDedupKey("k")
                                .withStatus(CaseStatus.CLOSED)
                                .build())))
                .isInstanceOf(IntakeDecision.OpenNew.class);
        assertThat(IntakeDecision.decide(
                        alert,
                        Optional.empty(),
                        Optional.of(
                                aCase().withTenant("globex").withDedupKey("k").build())))
                .isInstanceOf(IntakeDecision.OpenNew.class);
        assertThat(IntakeDecision.decide(alert, Optional.empty(), Optional.empty()))
                .isInstanceOf(IntakeDecision.OpenNew.class);
    }
}
