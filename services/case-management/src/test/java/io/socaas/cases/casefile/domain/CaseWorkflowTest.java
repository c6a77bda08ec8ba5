package io.socaas.cases.casefile.domain;

import static io.socaas.cases.casefile.domain.CaseTestData.T0;
import static io.socaas.cases.casefile.domain.CaseTestData.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socaas.cases.casefile.domain.CaseCommand.Visibility;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CaseWorkflowTest {

    private static final Instant NOW = T0.plusSeconds(600);

    @Test
    void aClaimTakesAnOpenCaseAndAcknowledgesIt() {
        CaseFile open = aCase().withStatus(CaseStatus.OPEN).build();

        CaseChange change = CaseWorkflow.apply(open, new CaseCommand.Claim(), "ana", NOW);

        assertThat(change.after().assignee()).isEqualTo("ana");
        assertThat(change.after().status()).isEqualTo(CaseStatus.ACKNOWLEDGED);
        assertThat(change.after().version()).isEqualTo(open.version() + 1);
        assertThat(change.after().updatedAt()).isEqualTo(NOW);
        assertThat(change.published()).contains(CaseChange.Kind.ASSIGNED);
        assertThat(change.entry())
                .extracting(TimelineEntry::actor, TimelineEntry::action, TimelineEntry::before, TimelineEntry::after)
                .containsExactly("ana", "claim", "", "ana");
    }

    @Test
    void aCaseAnotherAnalystHoldsIsNotClaimedStartedOrAcknowledged() {
        CaseFile held =
                aCase().withStatus(CaseStatus.ACKNOWLEDGED).assignedTo("ana").build();

        for (CaseCommand command : List.of(new CaseCommand.Claim(), new CaseCommand.Start())) {
            assertThatThrownBy(() -> CaseWorkflow.apply(held, command, "lee", NOW))
                    .isInstanceOf(CaseConflictException.class)
                    .hasMessageContaining("assigned to ana");
        }
        assertThatThrownBy(() -> CaseWorkflow.apply(held, new CaseCommand.Claim(), "ana", NOW))
                .isInstanceOf(CaseConflictException.class)
                .hasMessageContaining("claimed by ana already");
    }

    @Test
    void theHappyPathRunsFromOpenToClosedWithAVerdict() {
        CaseFile c = aCase().withStatus(CaseStatus.OPEN).build();
        c = CaseWorkflow.apply(c, new CaseCommand.Acknowledge(), "ana", NOW).after();
        c = CaseWorkflow.apply(c, new CaseCommand.Start(), "ana", NOW).after();
        c = CaseWorkflow.apply(c, new CaseCommand.WaitOnCustomer("is svc_backup yours?"), "ana", NOW)
                .after();
        assertThat(c.status()).isEqualTo(CaseStatus.WAITING_ON_CUSTOMER);
        c = CaseWorkflow.apply(c, new CaseCommand.CustomerAnswered("yes, our backup job"), "alice", NOW)
                .after();
        assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        CaseChange resolved = CaseWorkflow.apply(c, new CaseCommand.Resolve(Verdict.BENIGN, "backup job"), "ana", NOW);
        c = resolved.after();
        assertThat(resolved.entry().detail()).isEqualTo("benign: backup job");
        c = CaseWorkflow.apply(c, new CaseCommand.Close(), "ana", NOW).after();

        assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.verdict()).isEqualTo(Verdict.BENIGN);
        assertThat(c.assignee()).isEqualTo("ana");
        // one version per change: acknowledge, start, wait, answer, resolve, close
        assertThat(c.version()).isEqualTo(7);
    }

    @Test
    void aReopenClearsTheVerdictAndGoesBackToWhoeverHeldTheCase() {
        CaseFile closed = aCase().withStatus(CaseStatus.CLOSED)
                .assignedTo("ana")
                .withVerdict(Verdict.FALSE_POSITIVE)
                .build();
        CaseFile unassigned = aCase().withStatus(CaseStatus.RESOLVED)
                .withVerdict(Verdict.BENIGN)
                .build();

        CaseFile reopened = CaseWorkflow.apply(closed, new CaseCommand.Reopen("it came back"), "lee", NOW)
                .after();
        assertThat(reopened.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(reopened.verdict()).isNull();
        assertThat(reopened.assignee()).isEqualTo("ana");
        assertThat(CaseWorkflow.apply(unassigned, new CaseCommand.Reopen("again"), "lee", NOW)
                        .after()
                        .status())
                .isEqualTo(CaseStatus.OPEN);
    }

    /** Every command in every state: allowed exactly where the state machine says. */
    @ParameterizedTest(name = "{0} is allowed in {1}")
    @MethodSource("allowedStates")
    void eachCommandIsAllowedInExactlyItsStates(String name, Set<CaseStatus> allowed, CaseCommand command) {
        for (CaseStatus status : CaseStatus.values()) {
            CaseFile c = aCase().withStatus(status).build();
            if (allowed.contains(status)) {
                assertThat(CaseWorkflow.apply(c, command, "ana", NOW).after().version())
                        .as("%s in %s", name, status)
                        .isEqualTo(c.version() + 1);
            } else {
                assertThatThrownBy(() -> CaseWorkflow.apply(c, command, "ana", NOW))
                        .as("%s in %s", name, status)
                        .isInstanceOf(CaseConflictException.class)
                        .hasMessageContaining(status.wireName());
            }
        }
    }

    static Stream<Arguments> allowedStates() {
        Set<CaseStatus> worked = EnumSet.of(
                CaseStatus.OPEN, CaseStatus.ACKNOWLEDGED, CaseStatus.IN_PROGRESS, CaseStatus.WAITING_ON_CUSTOMER);
        Set<CaseStatus> live = EnumSet.complementOf(EnumSet.of(CaseStatus.CLOSED, CaseStatus.MERGED));
        return Stream.of(
                Arguments.of("claim", worked, new CaseCommand.Claim()),
                Arguments.of("acknowledge", EnumSet.of(CaseStatus.OPEN), new CaseCommand.Acknowledge()),
                Arguments.of(
                        "start",
                        EnumSet.of(CaseStatus.OPEN, CaseStatus.ACKNOWLEDGED, CaseStatus.WAITING_ON_CUSTOMER),
                        new CaseCommand.Start()),
                Arguments.of(
                        "wait-on-customer",
                        EnumSet.of(CaseStatus.ACKNOWLEDGED, CaseStatus.IN_PROGRESS),
                        new CaseCommand.WaitOnCustomer("question")),
                Arguments.of(
                        "customer-answer",
                        EnumSet.of(CaseStatus.WAITING_ON_CUSTOMER),
                        new CaseCommand.CustomerAnswered("answer")),
                Arguments.of("resolve", worked, new CaseCommand.Resolve(Verdict.TRUE_POSITIVE, "")),
                Arguments.of("close", EnumSet.of(CaseStatus.RESOLVED), new CaseCommand.Close()),
                Arguments.of(
                        "reopen", EnumSet.of(CaseStatus.RESOLVED, CaseStatus.CLOSED), new CaseCommand.Reopen("why")),
                Arguments.of(
                        "change-severity", live, new CaseCommand.ChangeSeverity(Severity.CRITICAL, "domain admin")),
                Arguments.of(
                        "comment",
                        EnumSet.complementOf(EnumSet.of(CaseStatus.MERGED)),
                        new CaseCommand.Comment("note", Visibility.INTERNAL)));
    }

    @Test
    void aSeverityChangeKeepsBothValuesAndItsReason() {
        CaseFile c = aCase().withStatus(CaseStatus.IN_PROGRESS).build();

        CaseChange change = CaseWorkflow.apply(
                c, new CaseCommand.ChangeSeverity(Severity.CRITICAL, "domain admin account"), "ana", NOW);

        assertThat(change.after().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(change.entry().before()).isEqualTo(c.severity().wireName());
        assertThat(change.entry().after()).isEqualTo("critical");
        assertThat(change.reason()).isEqualTo("domain admin account");
        assertThat(change.published()).contains(CaseChange.Kind.SEVERITY_CHANGED);
        assertThatThrownBy(() -> CaseWorkflow.apply(
                        change.after(), new CaseCommand.ChangeSeverity(Severity.CRITICAL, "again"), "ana", NOW))
                .isInstanceOf(CaseConflictException.class);
    }

    @Test
    void commentsAreNotPublishedAndKeepTheirVisibility() {
        CaseFile c = aCase().withStatus(CaseStatus.IN_PROGRESS).build();

        CaseChange internal =
                CaseWorkflow.apply(c, new CaseCommand.Comment("checked the EDR", Visibility.INTERNAL), "ana", NOW);
        CaseChange forCustomer =
                CaseWorkflow.apply(c, new CaseCommand.Comment("we isolated the host", Visibility.CUSTOMER), "ana", NOW);

        assertThat(internal.published()).isEmpty();
        assertThat(internal.entry().visibility()).isEqualTo(Visibility.INTERNAL);
        assertThat(forCustomer.entry().visibility()).isEqualTo(Visibility.CUSTOMER);
        assertThat(internal.after().status()).isEqualTo(CaseStatus.IN_PROGRESS);
    }

    @Test
    void commandsWithoutTheirTextOrVerdictAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new CaseCommand.Resolve(null, "x"))
                .isInstanceOfSatisfying(
                        InvalidCaseCommandException.class,
                        e -> assertThat(e.field()).isEqualTo("verdict"));
        assertThatThrownBy(() -> new CaseCommand.Reopen("  "))
                .isInstanceOfSatisfying(
                        InvalidCaseCommandException.class,
                        e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> new CaseCommand.Comment("x".repeat(10_001), Visibility.INTERNAL))
                .isInstanceOfSatisfying(
                        InvalidCaseCommandException.class,
                        e -> assertThat(e.field()).isEqualTo("text"));
    }
}
