package io.socaas.cases.analysts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socaas.cases.analysts.domain.AssignmentPolicy.Candidate;
import io.socaas.cases.analysts.domain.AssignmentPolicy.Placement;
import io.socaas.cases.casefile.domain.Severity;
import io.socaas.events.TenantId;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssignmentPolicyTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    /** A Wednesday, 10:00 in Paris. */
    private static final Instant WEDNESDAY_10 = Instant.parse("2026-12-02T09:00:00Z");
    /** The Saturday after, 10:00 in Paris. */
    private static final Instant SATURDAY_10 = Instant.parse("2026-12-05T09:00:00Z");

    private static final Rota OFFICE = new Rota(
            PARIS,
            List.of(new Rota.Shift(
                    Set.of(
                            DayOfWeek.MONDAY,
                            DayOfWeek.TUESDAY,
                            DayOfWeek.WEDNESDAY,
                            DayOfWeek.THURSDAY,
                            DayOfWeek.FRIDAY),
                    LocalTime.of(8, 0),
                    LocalTime.of(18, 0))),
            List.of());

    private static AnalystProfile analyst(String name, Tier tier, Set<TenantId> tenants, Rota rota, String... skills) {
        return new AnalystProfile(
                name, name, name + "@mssp.example", tier, tenants.isEmpty(), tenants, Set.of(skills), 3, rota);
    }

    private static Placement placement(TenantId tenant, Severity severity, String... tags) {
        return new Placement(tenant, Tier.requiredFor(severity), List.of(tags), Set.of());
    }

    @Test
    void theLeastLoadedEligibleAnalystOnShiftGetsTheCase() {
        AnalystProfile ana = analyst("ana", Tier.L1, Set.of(), OFFICE);
        AnalystProfile bea = analyst("bea", Tier.L1, Set.of(), OFFICE);

        assertThat(AssignmentPolicy.pick(
                        placement(ACME, Severity.MEDIUM),
                        List.of(new Candidate(ana, 2), new Candidate(bea, 1)),
                        WEDNESDAY_10))
                .contains(bea);
        assertThat(AssignmentPolicy.pick(
                        placement(ACME, Severity.MEDIUM),
                        List.of(new Candidate(ana, 0), new Candidate(bea, 1)),
                        WEDNESDAY_10))
                .contains(ana);
    }

    @Test
    void nobodyOffShiftFullOrNotEntitledGetsIt() {
        AnalystProfile weekday = analyst("ana", Tier.L1, Set.of(), OFFICE);
        AnalystProfile full = analyst("bea", Tier.L1, Set.of(), Rota.always(PARIS));
        AnalystProfile acmeOnly = analyst("lee", Tier.L2, Set.of(ACME), Rota.always(PARIS));
        List<Candidate> pool = List.of(new Candidate(weekday, 0), new Candidate(full, 3), new Candidate(acmeOnly, 0));

        assertThat(AssignmentPolicy.pick(placement(GLOBEX, Severity.LOW), pool, SATURDAY_10))
                .isEmpty();
        assertThat(AssignmentPolicy.pick(placement(GLOBEX, Severity.LOW), pool, WEDNESDAY_10))
                .contains(weekday);
        assertThat(AssignmentPolicy.pick(placement(ACME, Severity.LOW), pool, SATURDAY_10))
                .contains(acmeOnly);
    }

    @Test
    void criticalCasesGoToL2OrAboveAndSeniorAnalystsAreKeptFreeOtherwise() {
        AnalystProfile l1 = analyst("ana", Tier.L1, Set.of(), Rota.always(PARIS));
        AnalystProfile l2 = analyst("lee", Tier.L2, Set.of(), Rota.always(PARIS));
        AnalystProfile l3 = analyst("tom", Tier.L3, Set.of(), Rota.always(PARIS));
        List<Candidate> idle = List.of(new Candidate(l3, 0), new Candidate(l2, 0), new Candidate(l1, 0));

        assertThat(AssignmentPolicy.pick(placement(ACME, Severity.CRITICAL), idle, WEDNESDAY_10))
                .contains(l2);
        assertThat(AssignmentPolicy.pick(placement(ACME, Severity.HIGH), idle, WEDNESDAY_10))
                .contains(l1);
        assertThat(AssignmentPolicy.pick(
                        placement(ACME, Severity.CRITICAL),
                        List.of(new Candidate(l1, 0), new Candidate(l2, 3), new Candidate(l3, 1)),
                        WEDNESDAY_10))
                .contains(l3);
    }

    @Test
    void aSkillMatchingTheRuleTagsComesBeforeALowerLoad() {
        AnalystProfile windows = analyst("ana", Tier.L1, Set.of(), Rota.always(PARIS), "attack.credential_access");
        AnalystProfile linux = analyst("bea", Tier.L1, Set.of(), Rota.always(PARIS), "linux");
        List<Candidate> pool = List.of(new Candidate(windows, 2), new Candidate(linux, 0));

        assertThat(AssignmentPolicy.pick(
                        placement(ACME, Severity.MEDIUM, "attack.credential_access.t1003"), pool, WEDNESDAY_10))
                .contains(windows);
        assertThat(AssignmentPolicy.pick(placement(ACME, Severity.MEDIUM, "attack.execution"), pool, WEDNESDAY_10))
                .contains(linux);
    }

    @Test
    void anOvernightShiftCoversTheEveningAndTheNextMorning() {
        Rota nights = new Rota(
                PARIS,
                List.of(new Rota.Shift(Set.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(6, 0))),
                List.of());

        assertThat(nights.onShift(Instant.parse("2026-12-04T22:30:00Z"))).isTrue(); // Fri 23:30
        assertThat(nights.onShift(Instant.parse("2026-12-05T04:00:00Z"))).isTrue(); // Sat 05:00
        assertThat(nights.onShift(Instant.parse("2026-12-05T05:30:00Z"))).isFalse(); // Sat 06:30
        assertThat(nights.onShift(Instant.parse("2026-12-04T03:00:00Z"))).isFalse(); // Fri 04:00
    }

    @Test
    void pagesGoToTheHighestTierOnCallAndToThoseOnShiftWhenNobodyIsOnCall() {
        Rota onCallThisWeekend = new Rota(
                PARIS,
                List.of(),
                List.of(new Rota.OnCall(Instant.parse("2026-12-04T17:00:00Z"), Instant.parse("2026-12-07T07:00:00Z"))));
        AnalystProfile lead = analyst("tom", Tier.L3, Set.of(), onCallThisWeekend);
        AnalystProfile l2 = analyst("lee", Tier.L2, Set.of(), OFFICE);
        AnalystProfile l1 = analyst("ana", Tier.L1, Set.of(), OFFICE);
        List<AnalystProfile> pool = List.of(l1, l2, lead);

        assertThat(AssignmentPolicy.pageTargets(ACME, pool, SATURDAY_10)).containsExactly(lead);
        assertThat(AssignmentPolicy.pageTargets(ACME, pool, WEDNESDAY_10)).containsExactly(l2);
    }

    @Test
    void thePageRotaIsEveryoneOnCallHighestTierFirstThenByName() {
        Rota onCallThisWeekend = new Rota(
                PARIS,
                List.of(),
                List.of(new Rota.OnCall(Instant.parse("2026-12-04T17:00:00Z"), Instant.parse("2026-12-07T07:00:00Z"))));
        AnalystProfile zoe = analyst("zoe", Tier.L3, Set.of(), onCallThisWeekend);
        AnalystProfile tom = analyst("tom", Tier.L3, Set.of(), onCallThisWeekend);
        AnalystProfile lee = analyst("lee", Tier.L2, Set.of(), onCallThisWeekend);
        AnalystProfile other = analyst("max", Tier.L3, Set.of(TenantId.of("globex")), onCallThisWeekend);
        AnalystProfile l1 = analyst("ana", Tier.L1, Set.of(), OFFICE);

        // a page goes to tom first, then zoe, then lee; never to max, who does not work for acme
        assertThat(AssignmentPolicy.pageTargets(ACME, List.of(l1, lee, zoe, other, tom), SATURDAY_10))
                .containsExactly(tom, zoe, lee);
    }

    @Test
    void aProfileNamesItsBadField() {
        assertThatThrownBy(() -> new AnalystProfile(
                        "ana", "Ana", "not-an-address", Tier.L1, true, Set.of(), Set.of(), 3, Rota.always(PARIS)))
                .isInstanceOf(InvalidAnalystProfileException.class)
                .extracting(e -> ((InvalidAnalystProfileException) e).field())
                .isEqualTo("email");
        assertThatThrownBy(() ->
                        new AnalystProfile("ana", "Ana", "", Tier.L1, false, Set.of(), Set.of(), 0, Rota.always(PARIS)))
                .extracting(e -> ((InvalidAnalystProfileException) e).field())
                .isEqualTo("max_concurrent_cases");
    }
}
