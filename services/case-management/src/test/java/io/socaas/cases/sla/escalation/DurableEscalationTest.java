package io.socaas.cases.sla.escalation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.socaas.cases.analysts.assignment.AnalystPool;
import io.socaas.cases.casefile.CaseFileConfig;
import io.socaas.cases.casefile.domain.CaseFile;
import io.socaas.cases.casefile.domain.CaseId;
import io.socaas.cases.casefile.domain.CaseTestData;
import io.socaas.cases.casefile.domain.IncomingAlert;
import io.socaas.cases.casefile.domain.Severity;
import io.socaas.cases.casefile.persistence.PanacheCaseFileRepository;
import io.socaas.cases.notify.Notifications;
import io.socaas.cases.testing.DemoTenantFacts;
import io.socaas.cases.testing.Tokens;
import io.socaas.events.TenantId;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.proto.tenant.v1.Contact;
import io.socaas.proto.tenant.v1.Coverage;
import io.socaas.proto.tenant.v1.EscalationStep;
import io.socaas.proto.tenant.v1.Plan;
import io.socaas.proto.tenant.v1.SlaBudget;
import io.socaas.proto.tenant.v1.SlaClock;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantStatus;
import io.socaas.scope.ScopedTransactions;
import io.socaas.tenantfacts.TenantFactsReader;
import io.socaas.tenantfacts.testing.TenantFactsTestTopic;
import io.socaas.testclock.MovableClock;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The escalation ladder and the page rota are durable and run each step once: across a restart in
 * the middle of a ladder, with two replicas racing over the same clocks in PostgreSQL, and for pages
 * passed on along the rota. Each replica here is an escalator of its own (no state but its clock,
 * its own database connections per transaction) on an injected clock, as a second case-management
 * instance would run it; the cases open an hour ahead of the wall clock, so that the application's
 * own scheduled escalator, which runs on the wall clock, finds nothing of them due while the tests
 * move their clocks.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DemoTenantFacts.class, restrictToAnnotatedClass = false)
class DurableEscalationTest {

    private static final String TENANT = "dur-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Duration ACK = Duration.ofMinutes(1);
    private static final Duration RESOLVE = Duration.ofMinutes(10);
    private static final String CONTACT = "security@" + TENANT + ".example";
    private static final String L1 = TENANT + "-l1";
    private static final String L2 = TENANT + "-l2";
    /** On call, first on the page rota (digits sort before letters: before the demo pool's lead). */
    private static final String FIRST_ON_CALL = "0" + TENANT + "-a";

    private static final String SECOND_ON_CALL = "0" + TENANT + "-b";

    @Inject
    PanacheCaseFileRepository repository;

    @Inject
    TenantFactsReader<TenantConfig> facts;

    @Inject
    AnalystPool pool;

    @Inject
    Notifications notifications;

    @Inject
    CaseFileConfig config;

    @Inject
    ScopedTransactions scoped;

    @BeforeAll
    static void publishTheTenant() {
        Plan.Builder plan = Plan.newBuilder()
                .setId("test-minutes")
                .setName("Test plan in minutes")
                .setCoverage(Coverage.newBuilder().setKind(Coverage.Kind.KIND_24X7))
                .addEscalation(step(50, SlaClock.SLA_CLOCK_ACKNOWLEDGE, "notify-assignee"))
                .addEscalation(step(100, SlaClock.SLA_CLOCK_ACKNOWLEDGE, "reassign-next-tier"))
                .addEscalation(step(100, SlaClock.SLA_CLOCK_ACKNOWLEDGE, "page-on-call-lead"))
                .addEscalation(step(100, SlaClock.SLA_CLOCK_RESOLVE, "notify-customer-and-record-breach"));
        for (var severity : io.socaas.proto.tenant.v1.Severity.values()) {
            if (severity != io.socaas.proto.tenant.v1.Severity.SEVERITY_UNSPECIFIED
                    && severity != io.socaas.proto.tenant.v1.Severity.UNRECOGNIZED) {
                plan.addSla(SlaBudget.newBuilder()
                        .setSeverity(severity)
                        .setAcknowledgeSeconds(ACK.toSeconds())
                        .setResolveSeconds(RESOLVE.toSeconds()));
            }
        }
        try (TenantFactsTestTopic topic = new TenantFactsTestTopic()) {
            topic.publish(
                    TENANT,
                    TenantConfig.newBuilder()
                            .setTenantId(TENANT)
                            .setDisplayName("Durable escalation test tenant")
                            .setStatus(TenantStatus.TENANT_STATUS_ACTIVE)
                            .setTimeZone("Europe/Berlin")
                            .setPlan(plan)
                            .addContacts(
                                    Contact.newBuilder().setRole("security").setEmail(CONTACT))
                            .setRevision(TenantFactsTestTopic.newRevision())
                            .build()
                            .toByteArray());
        }
    }

    @BeforeEach
    void theTenantAndItsAnalysts() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> facts.get(TenantId.of(TENANT)).isPresent());
        String mia = Tokens.of("mia");
        putProfile(mia, L1, "l1", List.of());
        putProfile(mia, L2, "l2", List.of());
        List<Map<String, String>> thisWeek = List.of(Map.of(
                "from",
                Instant.now().minus(Duration.ofDays(1)).toString(),
                "to",
                Instant.now().plus(Duration.ofDays(7)).toString()));
        putProfile(mia, FIRST_ON_CALL, "l3", thisWeek);
        putProfile(mia, SECOND_ON_CALL, "l3", thisWeek);
    }

    @Test
    void aRestartInTheMiddleOfTheLadderRepeatsNoStepAndStillRunsThePendingOnesOnce() throws Throwable {
        Instant opened = hoursAhead(1);
        String id = openAssigned(opened);
        MovableClock clock = new MovableClock(opened.plus(ACK.dividedBy(2)).plusSeconds(1));

        // the first instance runs the ladder's first step, then stops
        drain(escalator(clock));
        assertThat(timeline(id, "escalated")).containsExactly("notify-assignee");
        assertThat(notificationsOf(id)).containsExactly("sla.warning:" + L1);

        // restarted at the same instant: what ran does not run again
        drain(escalator(clock));
        assertThat(timeline(id, "escalated")).containsExactly("notify-assignee");
        assertThat(outbox(id)).containsExactlyInAnyOrder("OPENED", "ASSIGNED", "ESCALATED");

        // the acknowledge budget runs out while it is down; a new instance catches up once
        clock.set(opened.plus(ACK).plusSeconds(30));
        SlaEscalator restarted = escalator(clock);
        drain(restarted);
        drain(restarted);
        assertThat(timeline(id, "escalated"))
                .containsExactly("notify-assignee", "reassign-next-tier", "page-on-call-lead");
        assertThat(timeline(id, "breached")).containsExactly("acknowledge");
        assertThat(timeline(id, "assign")).containsExactly(L1, L2);

        // and once more, after the resolve budget: the last step, and nothing before it again
        clock.set(opened.plus(RESOLVE).plusSeconds(1));
        drain(escalator(clock));
        drain(escalator(clock));
        assertThat(timeline(id, "escalated"))
                .containsExactly(
                        "notify-assignee",
                        "reassign-next-tier",
                        "page-on-call-lead",
                        "notify-customer-and-record-breach");
        assertThat(timeline(id, "breached")).containsExactly("acknowledge", "resolve");
        assertThat(outbox(id))
                .containsExactlyInAnyOrder(
                        "OPENED",
                        "ASSIGNED",
                        "ESCALATED",
                        "ESCALATED",
                        "ASSIGNED",
                        "ESCALATED",
                        "BREACHED",
                        "ESCALATED",
                        "BREACHED");
        assertThat(notificationsOf(id))
                .containsExactlyInAnyOrder("sla.warning:" + L1, "sla.page:" + FIRST_ON_CALL, "sla.breach:" + CONTACT);
    }

    @Test
    void twoInstancesRacingOverTheSameClocksRunEachStepOnce() throws Throwable {
        Instant opened = hoursAhead(3);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(openAssigned(opened.plusMillis(i)));
        }
        // both instances find every step and both breaches of every case due at once
        MovableClock clock = new MovableClock(opened.plus(RESOLVE).plusSeconds(5));
        SlaEscalator first = escalator(clock);
        SlaEscalator second = escalator(clock);
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> raceFrom(start, first));
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> raceFrom(start, second));
        start.countDown();
        int checked = one.get(60, TimeUnit.SECONDS) + two.get(60, TimeUnit.SECONDS);
        assertThat(checked).as("cases checked by the two instances together").isGreaterThanOrEqualTo(ids.size());

        for (String id : ids) {
            assertThat(timeline(id, "escalated"))
                    .as("ladder of %s", id)
                    .containsExactly(
                            "notify-assignee",
                            "reassign-next-tier",
                            "page-on-call-lead",
                            "notify-customer-and-record-breach");
            assertThat(timeline(id, "breached")).as("breaches of %s", id).containsExactly("acknowledge", "resolve");
            // the next tier up or above, entitled to the tenant: the least loaded of them
            assertThat(timeline(id, "assign"))
                    .as("assignments of %s", id)
                    .hasSize(2)
                    .first()
                    .isEqualTo(L1);
            assertThat(timeline(id, "assign").get(1)).isIn(L2, FIRST_ON_CALL, SECOND_ON_CALL, "tom");
            assertThat(outbox(id))
                    .as("soc.cases.v1 records of %s", id)
                    .containsExactlyInAnyOrder(
                            "OPENED",
                            "ASSIGNED",
                            "ESCALATED",
                            "ESCALATED",
                            "ASSIGNED",
                            "ESCALATED",
                            "BREACHED",
                            "ESCALATED",
                            "BREACHED");
            assertThat(notificationsOf(id))
                    .as("notifications of %s", id)
                    .containsExactlyInAnyOrder(
                            "sla.warning:" + L1, "sla.page:" + FIRST_ON_CALL, "sla.breach:" + CONTACT);
        }
    }

    @Test
    void anUnacknowledgedPageGoesOnToTheNextOnTheRotaOnceAndAnAcknowledgedOneStops() throws Throwable {
        Duration wait = config.sla().pageAckWait();
        Instant opened = hoursAhead(5);
        String acknowledged = openAssigned(opened);
        String ignored = openAssigned(opened.plusMillis(1));
        MovableClock clock = new MovableClock(opened.plus(ACK).plusSeconds(1));
        drain(escalator(clock));
        Instant paged = clock.instant();
        assertThat(pages(acknowledged)).containsExactly(FIRST_ON_CALL);
        assertThat(pages(ignored)).containsExactly(FIRST_ON_CALL);

        // not before the wait is over
        clock.set(paged.plus(wait).minusSeconds(1));
        passOn(clock);
        assertThat(pages(acknowledged)).containsExactly(FIRST_ON_CALL);
        assertThat(pages(ignored)).containsExactly(FIRST_ON_CALL);

        // then once, to the next analyst on the rota, with two instances racing and after a restart
        clock.set(paged.plus(wait));
        PagePassOn first = pagePassOn(clock);
        PagePassOn second = pagePassOn(clock);
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> raceFrom(start, first));
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> raceFrom(start, second));
        start.countDown();
        one.get(60, TimeUnit.SECONDS);
        two.get(60, TimeUnit.SECONDS);
        passOn(clock);
        assertThat(pages(acknowledged)).containsExactly(FIRST_ON_CALL, SECOND_ON_CALL);
        assertThat(pages(ignored)).containsExactly(FIRST_ON_CALL, SECOND_ON_CALL);
        assertThat(notes(ignored))
                .contains("page to " + FIRST_ON_CALL + " unacknowledged for " + wait + ": passed on to "
                        + SECOND_ON_CALL);

        // the SOC manager acknowledges the second page of one case for its analyst: that chain ends
        String secondPage = given().auth()
                .oauth2(Tokens.of("mia"))
                .get("/api/v1/pages?limit=500")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("find { it.case_id == '" + acknowledged + "' && it.page_round == 2 }.id");
        given().auth()
                .oauth2(Tokens.of("mia"))
                .urlEncodingEnabled(false)
                .post("/api/v1/pages/" + secondPage + ":acknowledge")
                .then()
                .statusCode(200)
                .body("acknowledged_by", org.hamcrest.Matchers.equalTo("mia"));

        clock.set(paged.plus(wait.multipliedBy(2)));
        passOn(clock);
        passOn(clock);
        assertThat(pages(acknowledged)).containsExactly(FIRST_ON_CALL, SECOND_ON_CALL);
        // the other goes round on: to a third analyst on the rota, never back to the first two
        List<String> round = pages(ignored);
        assertThat(round).hasSize(3);
        assertThat(round.get(2)).isNotIn(FIRST_ON_CALL, SECOND_ON_CALL);
    }

    // ---- replicas ----

    private SlaEscalator escalator(MovableClock clock) {
        return new SlaEscalator(
                facts, repository, pool, notifications, config.sla().pageAckWait(), clock, scoped);
    }

    private PagePassOn pagePassOn(MovableClock clock) {
        return new PagePassOn(pool, notifications, repository, config.sla().pageAckWait(), clock, scoped);
    }

    /** Runs the escalator until it finds nothing due; answers how many cases it checked. */
    private static int drain(SlaEscalator escalator) throws Throwable {
        int total = 0;
        int checked;
        do {
            checked = VertxContextSupport.subscribeAndAwait(escalator::runDue);
            total += checked;
        } while (checked > 0);
        return total;
    }

    private static int passOn(MovableClock clock, PagePassOn passOn) throws Throwable {
        int total = 0;
        int done;
        do {
            done = VertxContextSupport.subscribeAndAwait(passOn::passOnDue);
            total += done;
        } while (done > 0);
        return total;
    }

    private int passOn(MovableClock clock) throws Throwable {
        return passOn(clock, pagePassOn(clock));
    }

    private static int raceFrom(CountDownLatch start, Object replica) {
        try {
            start.await();
            return replica instanceof SlaEscalator e ? drain(e) : passOn(null, (PagePassOn) replica);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- cases ----

    /**
     * When a test's cases open: hours ahead of the wall clock, a different number for each test, so
     * that one test's clocks, far enough ahead for every step of its own cases, never reach the
     * steps of the cases of a test further ahead.
     */
    private static Instant hoursAhead(int hours) {
        return Instant.now().plus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.MICROS);
    }

    /** A high case opened at {@code at}, assigned to the tenant's L1. */
    private String openAssigned(Instant at) throws Throwable {
        IncomingAlert alert = CaseTestData.anAlert()
                .withId("alert-" + UUID.randomUUID())
                .withTenant(TENANT)
                .withDedupKey("dur-" + UUID.randomUUID())
                .withSeverity(Severity.HIGH)
                .build();
        CaseFile opened = CaseFile.openFrom(alert, CaseId.newId(), at);
        VertxContextSupport.subscribeAndAwait(() -> repository.inTransaction(
                io.socaas.cases.casefile.domain.TenantScope.of(alert.tenantId()),
                () -> repository.insert(opened, alert)));
        String id = opened.id().toString();
        given().auth()
                .oauth2(Tokens.of("mia"))
                .urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body(Map.of("assignee", L1, "reason", "the tenant's triage analyst"))
                .post("/api/v1/cases/" + id + ":assign")
                .then()
                .statusCode(200);
        return id;
    }

    // ---- what happened, read from PostgreSQL ----

    /** The {@code after} values of the case's timeline entries with this action, oldest first. */
    private static List<String> timeline(String id, String action) throws SQLException {
        return strings(
                "select after_value from case_timeline where case_id = ?::uuid and action = ? order by id", id, action);
    }

    private static List<String> notes(String id) throws SQLException {
        return strings(
                "select detail from case_timeline where case_id = ?::uuid and action = ? order by id",
                id,
                "escalation-note");
    }

    /** The types of the case's records in the soc.cases.v1 outbox. */
    private static List<String> outbox(String id) throws SQLException {
        return strings("select type from case_outbox where case_id = ?::uuid order by created_at", id);
    }

    /** The case's notifications as {@code event_type:analyst or target}. */
    private static List<String> notificationsOf(String id) throws SQLException {
        return strings(
                "select event_type || ':' || coalesce(analyst, target) from notifications where case_id = ?::uuid"
                        + " order by created_at",
                id);
    }

    /** The analysts paged for the case, in the order of the rota's rounds. */
    private static List<String> pages(String id) throws SQLException {
        return strings(
                "select analyst from notifications where case_id = ?::uuid and kind = 'PAGE' order by page_round", id);
    }

    private static List<String> strings(String sql, String... parameters) throws SQLException {
        var cfg = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(
                        cfg.getValue("quarkus.datasource.jdbc.url", String.class),
                        cfg.getValue("quarkus.datasource.username", String.class),
                        cfg.getValue("quarkus.datasource.password", String.class));
                PreparedStatement scope = db.prepareStatement("select set_config(?, ?, true)");
                PreparedStatement statement = db.prepareStatement(sql)) {
            // row-level security: the test reads as a background job would, in the system scope
            db.setAutoCommit(false);
            scope.setString(1, io.socaas.scope.TenantScope.SETTING);
            scope.setString(2, io.socaas.scope.TenantScope.SYSTEM_SETTING);
            scope.execute();
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            db.rollback();
            return values;
        }
    }

    private static void putProfile(String token, String name, String tier, List<Map<String, String>> onCall) {
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "tier",
                        tier,
                        "email",
                        name + "@mssp.example",
                        "tenants",
                        List.of(TENANT),
                        "max_concurrent_cases",
                        100,
                        "rota",
                        Map.of(
                                "zone",
                                "UTC",
                                "shifts",
                                List.of(Map.of(
                                        "days",
                                        List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
                                        "from",
                                        "00:00",
                                        "to",
                                        "00:00")),
                                "on_call",
                                onCall)))
                .put("/api/v1/analysts/" + name)
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    private static EscalationStep.Builder step(int percent, SlaClock clock, String action) {
        return EscalationStep.newBuilder().setAtPercent(percent).setOf(clock).setAction(action);
    }
}
