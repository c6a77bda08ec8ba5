package io.socaas.tenants.invoice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.scope.ScopedTransactions;
import io.socaas.scope.TenantScope;
import io.socaas.tenants.testing.KeycloakTokens;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Invoices of acme (plan standard: 1490.00 EUR a month, 250 GB included, 1.20 EUR per GB above,
 * 5 % credit per SLA breach up to 30 %; Europe/Berlin) from facts stored in the real PostgreSQL,
 * read with real Keycloak tokens.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class InvoiceApiTest {

    /** Test data is written and checked across tenants, as a background job would. */
    private static final TenantScope TEST_SETUP = TenantScope.system("test data");

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String APRIL = "/api/v1/tenants/acme/invoices/2026-04";

    @Inject
    ScopedTransactions scoped;

    @Inject
    InvoiceService invoices;

    /**
     * acme was activated on 10 April 2026 (10:00 in Berlin), sent 300.5 GB in April (plus 1000 GB
     * at 00:30 on 1 May in Berlin, 22:30 UTC on 30 April, which belongs to May) and had 8 SLA
     * breaches in April. No other test stores usage of those weeks, and nothing of a previous run
     * is left: no stored invoice, no usage, no breach.
     */
    @BeforeEach
    void acmeWasActivatedOnTheTenthOfApril() {
        sql("delete from invoice_lines where tenant_id = 'acme'");
        sql("delete from invoices where tenant_id = 'acme'");
        sql("delete from sla_breaches where tenant_id = 'acme'");
        sql("delete from billing_terms where tenant_id = 'acme'");
        sql("delete from usage_records where tenant_id = 'acme'"
                + " and minute_start >= '2026-03-25T00:00:00Z' and minute_start < '2026-05-05T00:00:00Z'");
        sql("update tenants set activated_at = '2026-04-10T08:00:00Z', offboarded_at = null where id = 'acme'");
        usage("2026-04-20T12:00:00Z", 300_500_000_000L);
        usage("2026-04-30T22:30:00Z", 1_000_000_000_000L);
        for (int i = 0; i < 8; i++) {
            sql(
                    "insert into sla_breaches (breach_id, tenant_id, case_id, breached_at) values ($1, 'acme', $2, $3)",
                    Tuple.of("invoice-test-" + i, "case-" + i, OffsetDateTime.parse("2026-04-1" + i + "T12:00:00Z")));
        }
    }

    @Test
    void anEndedMonthIsIssuedWithItsLines() {
        JsonPath april = april();

        assertThat(april.getString("status")).isEqualTo("issued");
        assertThat(april.getString("currency")).isEqualTo("EUR");
        assertThat(april.getString("time_zone")).isEqualTo("Europe/Berlin");
        // 10..30 April = 21 of 30 days: 149000 × 21 / 30 = 104300
        assertThat(april.getInt("days_active")).isEqualTo(21);
        assertThat(april.getInt("days_in_month")).isEqualTo(30);
        assertThat(april.getLong("prorated_fee_minor")).isEqualTo(104_300);
        // 300.5 GB in April (the 1000 GB of 1 May in Berlin do not count): 50.5 over × 120 = 6060
        assertThat(april.getString("usage_gb")).isEqualTo("300.5");
        assertThat(april.getString("overage_gb")).isEqualTo("50.50");
        assertThat(april.getLong("overage_minor")).isEqualTo(6_060);
        // 8 breaches × 5 % = 40 %, capped at 30 %: 104300 × 30 % = 31290
        assertThat(april.getLong("sla_breaches")).isEqualTo(8);
        assertThat(april.getInt("credit_percent")).isEqualTo(30);
        assertThat(april.getLong("credits_minor")).isEqualTo(31_290);
        // 104300 + 6060 − 31290
        assertThat(april.getLong("total_minor")).isEqualTo(79_070);
        assertThat(april.getList("lines.kind")).containsExactly("fee", "overage", "credit");
        assertThat(april.getList("lines.amount_minor", Long.class)).containsExactly(104_300L, 6_060L, -31_290L);
        assertThat(april.getString("issued_time")).isNotBlank();
    }

    @Test
    void aMonthIsBilledOnTheTermsItBeganWith() {
        // April began on other terms than acme's plan has now: fee 1000.00, 200 GB included,
        // 2.00 per GB over, 10 % credit per breach up to 50 %
        sql("insert into billing_terms (tenant_id, period, plan_name, currency, monthly_fee_minor, included_gb,"
                + " overage_per_gb_minor, credit_percent_per_breach, max_credit_percent, time_zone, captured_at)"
                + " values ('acme', '2026-04', 'Standard (2026)', 'EUR', 100000, 200, 200, 10, 50, 'Europe/Berlin',"
                + " '2026-04-01T00:00:00Z')");

        JsonPath april = april();

        // 21 of 30 days: 100000 × 21 / 30 = 70000
        assertThat(april.getLong("prorated_fee_minor")).isEqualTo(70_000);
        // 300.5 GB − 200 included = 100.50 GB × 200 = 20100
        assertThat(april.getString("overage_gb")).isEqualTo("100.50");
        assertThat(april.getLong("overage_minor")).isEqualTo(20_100);
        // 8 breaches × 10 % = 80 %, capped at 50 %: 70000 × 50 % = 35000
        assertThat(april.getLong("credits_minor")).isEqualTo(35_000);
        // 70000 + 20100 − 35000
        assertThat(april.getLong("total_minor")).isEqualTo(55_100);
        assertThat(april.getList("lines.description").get(0).toString()).contains("Standard (2026)");
    }

    @Test
    void dueInvoicesAreIssuedWithoutAnyoneReadingThem() throws Throwable {
        // as the scheduler runs it: on a Vert.x context
        io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> invoices.issueDue());

        long stored = number(
                "select total_minor from invoices where tenant_id = 'acme' and period = $1", Tuple.of("2026-04"));
        assertThat(stored).isEqualTo(79_070);
        // the running month's terms are kept as it runs: a plan change bills from the next month
        String current = YearMonth.now(ZoneId.of("Europe/Berlin")).toString();
        long kept = number(
                "select count(*) as n from billing_terms where tenant_id = 'acme' and period = $1", Tuple.of(current));
        assertThat(kept).isEqualTo(1);
    }

    @Test
    void anIssuedMonthIsLockedAgainstLateFacts() {
        JsonPath first = april();

        // usage and a breach of April that turn up after the invoice was issued change nothing
        usage("2026-04-25T12:00:00Z", 100_000_000_000L);
        sql("insert into sla_breaches (breach_id, tenant_id, case_id, breached_at)"
                + " values ('invoice-test-late', 'acme', 'case-late', '2026-04-26T12:00:00Z')");
        JsonPath again = april();

        assertThat(again.getLong("total_minor"))
                .isEqualTo(first.getLong("total_minor"))
                .isEqualTo(79_070);
        assertThat(again.getString("usage_gb")).isEqualTo("300.5");
        assertThat(again.getString("issued_time")).isEqualTo(first.getString("issued_time"));
        assertThat(again.getList("lines.description")).isEqualTo(first.getList("lines.description"));
    }

    @Test
    void theRunningMonthIsADraftThatIsNotStored() {
        String current = YearMonth.now(ZoneId.of("Europe/Berlin")).toString();

        given().auth()
                .oauth2(KeycloakTokens.ops())
                .get("/api/v1/tenants/acme/invoices/" + current)
                .then()
                .statusCode(200)
                .body("status", equalTo("draft"))
                .body("period", equalTo(current));

        long stored = number(
                "select count(*) as n from invoices where tenant_id = 'acme' and period = $1", Tuple.of(current));
        assertThat(stored).isZero();
    }

    @Test
    void theListHoldsEveryMonthSinceActivationNewestFirst() {
        YearMonth current = YearMonth.now(ZoneId.of("Europe/Berlin"));
        JsonPath list = given().auth()
                .oauth2(KeycloakTokens.ops())
                .get("/api/v1/tenants/acme/invoices")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        List<String> periods = list.getList("period");
        assertThat(periods.getFirst()).isEqualTo(current.toString());
        assertThat(periods.getLast()).isEqualTo("2026-04");
        assertThat(periods)
                .hasSize((int) java.time.temporal.ChronoUnit.MONTHS.between(YearMonth.of(2026, 4), current) + 1);
        assertThat(list.getString("find { it.period == '2026-04' }.status")).isEqualTo("issued");
        assertThat(list.getLong("find { it.period == '2026-04' }.total_minor")).isEqualTo(79_070);
        assertThat(list.getString("[0].status")).isEqualTo("draft");
    }

    @Test
    void theInvoiceIsAlsoServedAsCsv() {
        String csv = given().auth()
                .oauth2(KeycloakTokens.ops())
                .accept("text/csv")
                .get(APRIL)
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();

        assertThat(csv.split("\r\n"))
                .containsExactly(
                        "tenant_id,period,status,currency,kind,description,quantity,unit_price,amount",
                        "acme,2026-04,issued,EUR,fee,\"Monthly fee, plan Standard, 21 of 30 days\",0.700000,1490.00,1043.00",
                        "acme,2026-04,issued,EUR,overage,\"Data above the 250 GB included (300.5 GB used), per started 0.01 GB\",50.50,1.20,60.60",
                        "acme,2026-04,issued,EUR,credit,\"Service credit, 8 SLA breaches × 5 % (at most 30 %)\",30,1043.00,-312.90",
                        "acme,2026-04,issued,EUR,total,Total,,,790.70");
    }

    @Test
    void openApiDocumentsTheInvoiceAsJsonAndAsCsvAndTheUsageQuery() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/api/v1/tenants/{tenantId}/invoices/{period}'.get.responses.'200'.content.'text/csv'",
                        org.hamcrest.Matchers.notNullValue())
                .body(
                        "paths.'/api/v1/tenants/{tenantId}/invoices/{period}'.get.responses.'200'.content.'application/json'",
                        org.hamcrest.Matchers.notNullValue())
                .body(
                        "paths.'/api/v1/tenants/{tenantId}/invoices/{period}'.get.responses.'400'.content.'application/problem+json'",
                        org.hamcrest.Matchers.notNullValue())
                .body(
                        "paths.'/api/v1/tenants/{tenantId}/invoices'.get.responses.'200'",
                        org.hamcrest.Matchers.notNullValue())
                .body(
                        "paths.'/api/v1/tenants/{tenantId}/usage'.get.parameters.name",
                        org.hamcrest.Matchers.hasItems("tenantId", "from", "to"));
    }

    @Test
    void aCustomerReadsOnlyItsOwnInvoices() {
        given().auth()
                .oauth2(KeycloakTokens.alice())
                .get(APRIL)
                .then()
                .statusCode(200)
                .body("total_minor", equalTo(79_070));
        given().auth()
                .oauth2(KeycloakTokens.alice())
                .get("/api/v1/tenants/globex/invoices")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        given().auth()
                .oauth2(KeycloakTokens.ana())
                .get(APRIL)
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void monthsWithoutAnInvoiceAndMalformedMonthsAreProblems() {
        String ops = KeycloakTokens.ops();
        // before activation, and not begun yet
        for (String month :
                List.of("2026-03", YearMonth.now(ZoneOffset.UTC).plusMonths(2).toString())) {
            given().auth()
                    .oauth2(ops)
                    .get("/api/v1/tenants/acme/invoices/" + month)
                    .then()
                    .statusCode(404)
                    .contentType(PROBLEM_JSON)
                    .body("type", equalTo("https://socaas.io/problems/invoice-not-found"));
        }
        given().auth()
                .oauth2(ops)
                .get("/api/v1/tenants/acme/invoices/2026-13")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://socaas.io/problems/invalid-query"))
                .body("parameter", equalTo("period"));
        given().auth()
                .oauth2(ops)
                .get("/api/v1/tenants/initech/invoices")
                .then()
                .statusCode(404)
                .body("type", equalTo("https://socaas.io/problems/tenant-not-found"));
    }

    private static JsonPath april() {
        return given().auth()
                .oauth2(KeycloakTokens.ops())
                .get(APRIL)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private long number(String query, Tuple parameters) {
        return scoped.sql(
                        TEST_SETUP,
                        connection -> connection.preparedQuery(query).execute(parameters))
                .await()
                .atMost(Duration.ofSeconds(10))
                .iterator()
                .next()
                .getLong(0);
    }

    private void usage(String minute, long bytes) {
        Instant start = Instant.parse(minute);
        sql(
                "insert into usage_records (usage_id, tenant_id, instance, minute_start, events_accepted, raw_bytes,"
                        + " events_refused_quota) values ($1, 'acme', 'invoice-test', $2, 1, $3, 0)"
                        + " on conflict (usage_id) do nothing",
                Tuple.of("invoice-test:acme:" + start.toEpochMilli(), start.atOffset(ZoneOffset.UTC), bytes));
    }

    private void sql(String statement) {
        scoped.sql(TEST_SETUP, connection -> connection.query(statement).execute())
                .await()
                .atMost(Duration.ofSeconds(10));
    }

    private void sql(String statement, Tuple parameters) {
        scoped.sql(TEST_SETUP, connection -> connection.preparedQuery(statement).execute(parameters))
                .await()
                .atMost(Duration.ofSeconds(10));
    }
}
