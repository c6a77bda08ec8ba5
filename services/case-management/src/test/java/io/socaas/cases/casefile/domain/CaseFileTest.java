package io.socaas.cases.casefile.domain;

import static io.socaas.cases.casefile.domain.CaseTestData.T0;
import static io.socaas.cases.casefile.domain.CaseTestData.aCase;
import static io.socaas.cases.casefile.domain.CaseTestData.anAlert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CaseFileTest {

    @Test
    void opensAnOpenCaseTitledAfterTheRuleWithItsFirstAlert() {
        IncomingAlert alert = anAlert().withSeverity(Severity.HIGH).build();

        CaseFile opened = CaseFile.openFrom(alert, CaseId.newId(), T0);

        assertThat(opened.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(opened.title()).isEqualTo(alert.rule().title());
        assertThat(opened.severity()).isEqualTo(Severity.HIGH);
        assertThat(opened.alertCount()).isEqualTo(1);
        assertThat(opened.tenantId()).isEqualTo(alert.tenantId());
        assertThat(opened.rule().author()).isEqualTo("Florian Roth (Nextron Systems)");
        assertThat(opened.eventIngestIds()).isEqualTo(alert.eventIngestIds());
        assertThat(opened.dedupKey()).isEqualTo(alert.dedupKey());
    }

    @Test
    void groupsARepeatedDetectionOfTheSameTenantWhileUnresolved() {
        CaseFile open = aCase().withDedupKey("k").build();
        CaseFile acknowledged =
                aCase().withDedupKey("k").withStatus(CaseStatus.ACKNOWLEDGED).build();

        assertThat(open.groups(anAlert().withDedupKey("k").build())).isTrue();
        assertThat(acknowledged.groups(anAlert().withDedupKey("k").build())).isTrue();
    }

    @Test
    void neverGroupsAnAlertOfAnotherTenant() {
        CaseFile acmeCase = aCase().withTenant("acme").withDedupKey("k").build();

        assertThat(acmeCase.groups(
                        anAlert().withTenant("globex").withDedupKey("k").build()))
                .isFalse();
    }

    @Test
    void doesNotGroupIntoAClosedOrMergedCaseButIntoAResolvedOne() {
        for (CaseStatus done : new CaseStatus[] {CaseStatus.CLOSED, CaseStatus.MERGED}) {
            CaseFile finished = aCase().withDedupKey("k").withStatus(done).build();
            assertThat(finished.groups(anAlert().withDedupKey("k").build()))
                    .as("%s", done)
                    .isFalse();
        }
        CaseFile resolved =
                aCase().withDedupKey("k").withStatus(CaseStatus.RESOLVED).build();
        assertThat(resolved.groups(anAlert().withDedupKey("k").build())).isTrue();
    }

    @Test
    void doesNotGroupAlertsWithoutADedupKeyOrWithAnotherKey() {
        CaseFile withoutKey = aCase().withDedupKey(null).build();
        CaseFile withKey = aCase().withDedupKey("k").build();

        assertThat(withoutKey.groups(anAlert().withDedupKey(null).build())).isFalse();
        assertThat(withKey.groups(anAlert().withDedupKey(" ").build())).isFalse();
        assertThat(withKey.groups(anAlert().withDedupKey("other").build())).isFalse();
    }

    @Test
    void attachingCountsTheAlertAndRaisesButNeverLowersTheSeverity() {
        CaseFile medium =
                aCase().withDedupKey("k").withSeverity(Severity.MEDIUM).build();
        Instant later = T0.plusSeconds(60);

        CaseFile raised = medium.attach(
                anAlert().withDedupKey("k").withSeverity(Severity.CRITICAL).build(), later);
        CaseFile kept = raised.attach(
                anAlert().withDedupKey("k").withSeverity(Severity.LOW).build(), later);

        assertThat(raised.alertCount()).isEqualTo(2);
        assertThat(raised.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(raised.updatedAt()).isEqualTo(later);
        assertThat(raised.createdAt()).isEqualTo(medium.createdAt());
        assertThat(kept.alertCount()).isEqualTo(3);
        assertThat(kept.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void attachingAddsTheAlertsEventsOnce() {
        CaseFile existing = aCase().withDedupKey("k").withEventIngestIds("e1").build();

        CaseFile updated = existing.attach(
                anAlert().withDedupKey("k").withEventIngestIds("e1", "e2").build(), T0);

        assertThat(updated.eventIngestIds()).containsExactly("e1", "e2");
    }

    @Test
    void refusesToAttachAnAlertItDoesNotGroup() {
        CaseFile existing = aCase().withDedupKey("k").build();

        assertThatThrownBy(() -> existing.attach(anAlert().withDedupKey("other").build(), T0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
