package io.socaas.cases.casefile.domain;

import static io.socaas.cases.casefile.domain.CaseTestData.T0;
import static io.socaas.cases.casefile.domain.CaseTestData.aCase;
import static io.socaas.cases.casefile.domain.CaseTestData.anAlert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socaas.events.TenantId;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CaseFileServiceTest {

    private final InMemoryCaseFileRepository repository = new InMemoryCaseFileRepository();
    private final CaseFileService service =
            new CaseFileService(repository, new CaseFilePolicy(100, 500, 3), Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void opensACaseForAFirstAlert() {
        IntakeOutcome outcome = intake(anAlert().build());

        assertThat(outcome).isInstanceOf(IntakeOutcome.Opened.class);
        assertThat(repository.cases).containsOnlyKeys(outcome.caseFile().id());
    }

    @Test
    void aRedeliveredAlertNeverOpensASecondCase() {
        IncomingAlert alert = anAlert().withDedupKey(null).build();
        CaseFile opened = intake(alert).caseFile();

        IntakeOutcome redelivery = intake(alert);

        assertThat(redelivery).isInstanceOf(IntakeOutcome.Duplicate.class);
        assertThat(redelivery.caseFile().id()).isEqualTo(opened.id());
        assertThat(repository.cases).hasSize(1);
        assertThat(repository.cases.get(opened.id()).alertCount()).isEqualTo(1);
    }

    @Test
    void aSecondAlertWithTheSameDedupKeyIncrementsTheAlertCount() {
        CaseFile opened = intake(
                        anAlert().withDedupKey("k").withEventIngestIds("e1").build())
                .caseFile();

        IntakeOutcome second =
                intake(anAlert().withDedupKey("k").withEventIngestIds("e2").build());

        assertThat(second).isInstanceOf(IntakeOutcome.Attached.class);
        assertThat(second.caseFile().id()).isEqualTo(opened.id());
        assertThat(repository.cases).hasSize(1);
        assertThat(repository.cases.get(opened.id()).alertCount()).isEqualTo(2);
        assertThat(repository.cases.get(opened.id()).eventIngestIds()).containsExactly("e1", "e2");
    }

    @Test
    void aRedeliveredAttachedAlertIsNotCountedTwice() {
        intake(anAlert().withDedupKey("k").build());
        IncomingAlert second = anAlert().withDedupKey("k").build();
        CaseFile attached = intake(second).caseFile();

        intake(second);

        assertThat(repository.cases.get(attached.id()).alertCount()).isEqualTo(2);
    }

    @Test
    void anAlertAfterClosingOpensANewCase() {
        CaseFile resolved =
                aCase().withDedupKey("k").withStatus(CaseStatus.CLOSED).build();
        repository.cases.put(resolved.id(), resolved);

        IntakeOutcome outcome = intake(anAlert().withDedupKey("k").build());

        assertThat(outcome).isInstanceOf(IntakeOutcome.Opened.class);
        assertThat(repository.cases).hasSize(2);
    }

    @Test
    void theSameDedupKeyInAnotherTenantOpensThatTenantsOwnCase() {
        CaseFile acme =
                intake(anAlert().withTenant("acme").withDedupKey("k").build()).caseFile();

        IntakeOutcome globex =
                intake(anAlert().withTenant("globex").withDedupKey("k").build());

        assertThat(globex).isInstanceOf(IntakeOutcome.Opened.class);
        assertThat(globex.caseFile().id()).isNotEqualTo(acme.id());
        assertThat(repository.cases.get(acme.id()).alertCount()).isEqualTo(1);
    }

    @Test
    void anIntakeThatCollidedWithAConcurrentOneIsRetried() {
        repository.collisionsToSimulate = 2;

        IntakeOutcome outcome = intake(anAlert().build());

        assertThat(outcome).isInstanceOf(IntakeOutcome.Opened.class);
        assertThat(repository.transactions).isEqualTo(3);
        assertThat(repository.cases).hasSize(1);
    }

    @Test
    void givesUpAfterTheConfiguredNumberOfRetries() {
        repository.collisionsToSimulate = 10;

        assertThatThrownBy(() -> intake(anAlert().build())).isInstanceOf(IntakeConflictException.class);
        assertThat(repository.transactions).isEqualTo(4);
        assertThat(repository.cases).isEmpty();
    }

    @Test
    void aCaseOfAnotherTenantIsNotFound() {
        CaseFile acme = intake(anAlert().withTenant("acme").build()).caseFile();

        assertThatThrownBy(() -> service.get(
                                TenantScope.of(TenantId.of("globex")), acme.id().toString())
                        .await()
                        .indefinitely())
                .isInstanceOf(CaseNotFoundException.class);
        assertThat(service.get(TenantScope.of(TenantId.of("acme")), acme.id().toString())
                        .await()
                        .indefinitely())
                .isEqualTo(acme);
        assertThat(service.get(TenantScope.allTenants(), acme.id().toString())
                        .await()
                        .indefinitely())
                .isEqualTo(acme);
    }

    @Test
    void aMalformedCaseIdIsNotFound() {
        assertThatThrownBy(() -> service.get(TenantScope.allTenants(), "not-a-case-id")
                        .await()
                        .indefinitely())
                .isInstanceOf(CaseNotFoundException.class);
    }

    @Test
    void listsOnlyTheScopedTenantsCasesNewestFirstWithinTheLimit() {
        IntStream.range(0, 3).forEach(i -> {
            CaseFile c = aCase().withTenant("acme").createdAt(T0.plusSeconds(i)).build();
            repository.cases.put(c.id(), c);
        });
        CaseFile globex = aCase().withTenant("globex").build();
        repository.cases.put(globex.id(), globex);

        List<CaseFile> page = service.list(TenantScope.of(TenantId.of("acme")), Set.of(), 2)
                .await()
                .indefinitely();

        assertThat(page).hasSize(2).allMatch(c -> c.tenantId().value().equals("acme"));
        assertThat(page.get(0).createdAt()).isAfter(page.get(1).createdAt());
    }

    @Test
    void listsOnlyTheRequestedStates() {
        CaseFile open = aCase().withStatus(CaseStatus.OPEN).build();
        CaseFile resolved = aCase().withStatus(CaseStatus.RESOLVED).build();
        repository.cases.put(open.id(), open);
        repository.cases.put(resolved.id(), resolved);

        assertThat(service.list(TenantScope.allTenants(), Set.of(CaseStatus.RESOLVED), null)
                        .await()
                        .indefinitely())
                .containsExactly(resolved);
    }

    private IntakeOutcome intake(IncomingAlert alert) {
        return service.intake(alert).await().indefinitely();
    }
}
