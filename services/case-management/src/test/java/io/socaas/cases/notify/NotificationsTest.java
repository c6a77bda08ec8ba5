package io.socaas.cases.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.socaas.cases.analysts.assignment.AutoAssigner;
import io.socaas.cases.casefile.domain.Severity;
import io.socaas.cases.casefile.persistence.PanacheCaseFileRepository;
import io.socaas.cases.testing.DemoTenantFacts;
import io.socaas.cases.testing.SmtpServer;
import io.socaas.cases.testing.TestCases;
import io.socaas.cases.testing.Tokens;
import io.socaas.events.TenantId;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.proto.tenant.v1.Contact;
import io.socaas.proto.tenant.v1.Coverage;
import io.socaas.proto.tenant.v1.EscalationStep;
import io.socaas.proto.tenant.v1.NotificationEndpoint;
import io.socaas.proto.tenant.v1.Plan;
import io.socaas.proto.tenant.v1.SlaBudget;
import io.socaas.proto.tenant.v1.SlaClock;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantStatus;
import io.socaas.tenantfacts.TenantFactsReader;
import io.socaas.tenantfacts.testing.TenantFactsTestTopic;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A case of a tenant on a plan counted in seconds climbs its ladder; the tenant's webhook receiver
 * (a real HTTP server in the test) gets each change signed, its contacts and the paged analysts get
 * e-mails through a real SMTP server, and deliveries to a broken receiver end in the dead-letter
 * list, from which they are replayed once the receiver works.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DemoTenantFacts.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SmtpServer.class, restrictToAnnotatedClass = false)
class NotificationsTest {

    private static final String TENANT = "ntf-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String SECRET = "test-hook-signing-secret";
    private static final String CONTACT = "security@" + TENANT + ".example";
    private static final String L2 = TENANT + "-l2";
    private static final String L3 = TENANT + "-l3";

    private static HttpServer receiver;
    private static final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private static final AtomicBoolean brokenIsFixed = new AtomicBoolean(false);

    record Delivery(String path, Map<String, String> headers, String body) {}

    @Inject
    PanacheCaseFileRepository repository;

    @Inject
    AutoAssigner assigner;

    @Inject
    TenantFactsReader<TenantConfig> facts;

    @BeforeAll
    static void startTheReceiverAndPublishTheTenant() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.getFirst()));
            deliveries.add(new Delivery(path, headers, body));
            int status = path.equals("/broken") && !brokenIsFixed.get() ? 500 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort();

        Plan.Builder plan = Plan.newBuilder()
                .setId("test-seconds")
                .setName("Test plan in seconds")
                .setCoverage(Coverage.newBuilder().setKind(Coverage.Kind.KIND_24X7))
                .addEscalation(step(100, SlaClock.SLA_CLOCK_ACKNOWLEDGE, "reassign-next-tier"))
                .addEscalation(step(100, SlaClock.SLA_CLOCK_ACKNOWLEDGE, "page-on-call-lead"))
                .addEscalation(step(100, SlaClock.SLA_CLOCK_RESOLVE, "notify-customer-and-record-breach"));
        for (var severity : io.socaas.proto.tenant.v1.Severity.values()) {
            if (severity != io.socaas.proto.tenant.v1.Severity.SEVERITY_UNSPECIFIED
                    && severity != io.socaas.proto.tenant.v1.Severity.UNRECOGNIZED) {
                plan.addSla(SlaBudget.newBuilder()
                        .setSeverity(severity)
                        .setAcknowledgeSeconds(2)
                        .setResolveSeconds(4));
            }
        }
        try (TenantFactsTestTopic topic = new TenantFactsTestTopic()) {
            topic.publish(
                    TENANT,
                    TenantConfig.newBuilder()
                            .setTenantId(TENANT)
                            .setDisplayName("Notification test tenant")
                            .setStatus(TenantStatus.TENANT_STATUS_ACTIVE)
                            .setTimeZone("Europe/Berlin")
                            .setPlan(plan)
                            .addContacts(
                                    Contact.newBuilder().setRole("security").setEmail(CONTACT))
                            .addContacts(
                                    Contact.newBuilder().setRole("billing").setEmail("billing@" + TENANT + ".example"))
                            .addNotificationEndpoints(NotificationEndpoint.newBuilder()
                                    .setName("siem")
                                    .setUrl(base + "/hook")
                                    .setSecretRef("test-hook"))
                            .addNotificationEndpoints(NotificationEndpoint.newBuilder()
                                    .setName("broken")
                                    .setUrl(base + "/broken")
                                    .setSecretRef("test-hook"))
                            .setRevision(TenantFactsTestTopic.newRevision())
                            .build()
                            .toByteArray());
        }
    }

    @AfterAll
    static void stopTheReceiver() {
        receiver.stop(0);
    }

    @Test
    void aCaseThatMissesItsBudgetsIsEscalatedPagedAndToldSignedToTheTenant() throws Throwable {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> facts.get(TenantId.of(TENANT)).isPresent());
        String mia = Tokens.of("mia");
        // the tenant's own L2, and an L3 on call, besides the demo pool
        putProfile(mia, L2, "l2", List.of(), 201);
        putProfile(
                mia,
                L3,
                "l3",
                List.of(Map.of(
                        "from",
                        Instant.now().minusSeconds(3600).toString(),
                        "to",
                        Instant.now().plusSeconds(3600).toString())),
                201);

        String id = TestCases.open(repository, TENANT, "ntf-" + UUID.randomUUID(), Severity.CRITICAL);
        VertxContextSupport.subscribeAndAwait(() -> assigner.assignWaiting());
        // critical: L2 and above; the tenant's own L2 holds nothing, so it is the least loaded
        given().auth().oauth2(mia).get("/api/v1/cases/" + id).then().body("assignee", equalTo(L2));

        // unacknowledged after 2 s: escalated to an L3, which is paged; the resolve budget is spent at 4 s
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(events("/hook", id))
                        .contains("case.opened", "case.assigned", "case.escalated", "case.breached"));
        JsonPath escalatedTo = given().auth()
                .oauth2(mia)
                .get("/api/v1/cases/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(escalatedTo.getString("assignee")).isIn(L3, "tom");

        // every delivery is signed over its timestamp and body with the endpoint's secret
        List<Delivery> mine =
                deliveries.stream().filter(d -> d.body().contains(id)).toList();
        assertThat(mine).isNotEmpty().allSatisfy(d -> {
            long timestamp = Long.parseLong(d.headers().get("x-socaas-timestamp"));
            assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(300);
            assertThat(MessageDigest.isEqual(
                            d.headers().get("x-socaas-signature").getBytes(StandardCharsets.US_ASCII),
                            expectedSignature(timestamp, d.body()).getBytes(StandardCharsets.US_ASCII)))
                    .as("signature of %s", d.body())
                    .isTrue();
            assertThat(d.headers().get("x-socaas-delivery")).isNotBlank();
        });
        // the escalation to the next tier is on the tenant's hook with who got it
        assertThat(mine.stream()
                        .filter(d -> d.path().equals("/hook"))
                        .map(d -> JsonPath.from(d.body()))
                        .filter(j -> j.getString("type").equals("case.assigned")
                                && j.getString("actor").equals("sla")))
                .singleElement()
                .satisfies(j -> assertThat(j.getString("assignee")).isEqualTo(escalatedTo.getString("assignee")));

        // the page goes to the first on call at the highest tier; the customer's security contact is told of the breach
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(recipientsOf(id))
                        .contains(L3 + "@mssp.example", CONTACT)
                        .doesNotContain("billing@" + TENANT + ".example"));
        // one page, to the first on the tenant's rota (its own L3 before the demo lead tom); the SOC
        // manager acknowledges it for the analyst, who has no login here
        String mia2 = Tokens.of("mia");
        JsonPath pages = given().auth()
                .oauth2(mia2)
                .get("/api/v1/pages?limit=500")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(pages.getList("findAll { it.case_id == '" + id + "' }.analyst", String.class))
                .containsExactly(L3);
        String page = pages.getString("find { it.case_id == '" + id + "' }.id");
        assertThat(pages.getInt("find { it.case_id == '" + id + "' }.page_round"))
                .isEqualTo(1);
        assertThat(pages.getString("find { it.case_id == '" + id + "' }.pass_on_at"))
                .isNotNull();
        given().auth()
                .oauth2(Tokens.of("tom"))
                .get("/api/v1/pages")
                .then()
                .statusCode(200)
                .body("case_id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
        given().auth()
                .oauth2(Tokens.of("ana"))
                .urlEncodingEnabled(false)
                .post("/api/v1/pages/" + page + ":acknowledge")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(mia2)
                .urlEncodingEnabled(false)
                .post("/api/v1/pages/" + page + ":acknowledge")
                .then()
                .statusCode(200)
                .body("acknowledged_by", equalTo("mia"))
                .body("pass_on_at", org.hamcrest.Matchers.nullValue());
        given().auth()
                .oauth2(mia2)
                .urlEncodingEnabled(false)
                .post("/api/v1/pages/" + page + ":acknowledge")
                .then()
                .statusCode(409);
    }

    @Test
    void deliveriesThatKeepFailingAreDeadAndReplayedOnceTheReceiverWorks() throws Throwable {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> facts.get(TenantId.of(TENANT)).isPresent());
        String mia = Tokens.of("mia");
        String id = TestCases.open(repository, TENANT, "ntf-" + UUID.randomUUID(), Severity.LOW);

        List<Map<String, Object>> dead = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> given().auth()
                                .oauth2(mia)
                                .queryParam("tenant", TENANT)
                                .queryParam("status", "dead")
                                .get("/api/v1/notifications")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .<Map<String, Object>>getList("findAll { it.case_id == '" + id + "' }"),
                        l -> !l.isEmpty());
        Map<String, Object> first = dead.getFirst();
        assertThat(first.get("endpoint_name")).isEqualTo("broken");
        assertThat(first.get("attempts")).isEqualTo(3);
        assertThat((String) first.get("last_error")).contains("HTTP 500");
        // the receiver's retries are the same delivery
        long attempts = deliveries.stream()
                .filter(d -> d.path().equals("/broken")
                        && d.body().contains(id)
                        && d.body().contains("case.opened"))
                .map(d -> d.headers().get("x-socaas-delivery"))
                .distinct()
                .count();
        assertThat(attempts).isEqualTo(1);

        // an analyst not entitled to the tenant sees none of it
        given().auth()
                .oauth2(Tokens.of("lee"))
                .queryParam("tenant", TENANT)
                .get("/api/v1/notifications")
                .then()
                .statusCode(403);

        brokenIsFixed.set(true);
        given().auth()
                .oauth2(mia)
                .urlEncodingEnabled(false)
                .post("/api/v1/notifications/" + first.get("id") + ":replay")
                .then()
                .statusCode(200)
                .body("status", equalTo("pending"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(mia)
                        .queryParam("tenant", TENANT)
                        .queryParam("status", "delivered")
                        .get("/api/v1/notifications")
                        .then()
                        .body("id", org.hamcrest.Matchers.hasItem(first.get("id"))));
        given().auth()
                .oauth2(mia)
                .urlEncodingEnabled(false)
                .post("/api/v1/notifications/" + first.get("id") + ":replay")
                .then()
                .statusCode(409);
    }

    @Test
    void aHandOffSendsTheOcsfFindingSignedToTheHooksAndMailsTheSecurityContact() throws Throwable {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> facts.get(TenantId.of(TENANT)).isPresent());
        String mia = Tokens.of("mia");
        String id = TestCases.open(repository, TENANT, "ntf-" + UUID.randomUUID(), Severity.MEDIUM);

        given().auth()
                .oauth2(mia)
                .urlEncodingEnabled(false)
                .post("/api/v1/cases/" + id + ":hand-off")
                .then()
                .statusCode(202)
                .body("webhooks", equalTo(2))
                .body("emails", equalTo(1));

        Delivery handOff = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> deliveries.stream()
                                .filter(d -> d.path().equals("/hook")
                                        && "case.handoff".equals(d.headers().get("x-socaas-event"))
                                        && d.body().contains(id))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        JsonPath finding = JsonPath.from(handOff.body());
        assertThat(finding.getInt("class_uid")).isEqualTo(2005);
        assertThat(finding.getString("metadata.uid")).isEqualTo(id);
        long timestamp = Long.parseLong(handOff.headers().get("x-socaas-timestamp"));
        assertThat(handOff.headers().get("x-socaas-signature")).isEqualTo(expectedSignature(timestamp, handOff.body()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(recipientsOf(id)).contains(CONTACT));
        // the security contact's e-mail carries the PDF summary and the finding
        MimeMessage mail = SmtpServer.received().stream()
                .filter(m -> subjectOf(m).startsWith("Incident hand-off, case " + id))
                .findFirst()
                .orElseThrow();
        Map<String, byte[]> files = attachmentsOf(mail);
        assertThat(files).containsOnlyKeys("case-" + id + ".pdf", "case-" + id + "-ocsf.json");
        byte[] pdf = files.get("case-" + id + ".pdf");
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains(id);
        }
        JsonPath attached = JsonPath.from(new String(files.get("case-" + id + "-ocsf.json"), StandardCharsets.UTF_8));
        assertThat(attached.getInt("class_uid")).isEqualTo(2005);
        assertThat(attached.getString("metadata.uid")).isEqualTo(id);
    }

    private static String subjectOf(MimeMessage m) {
        try {
            return m.getSubject() == null ? "" : m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The files attached to an e-mail, by name. */
    private static Map<String, byte[]> attachmentsOf(MimeMessage mail) throws MessagingException, IOException {
        Map<String, byte[]> files = new java.util.HashMap<>();
        if (mail.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (part.getFileName() != null) {
                    try (var in = part.getInputStream()) {
                        files.put(part.getFileName(), in.readAllBytes());
                    }
                }
            }
        }
        return files;
    }

    private static List<String> events(String path, String caseId) {
        return deliveries.stream()
                .filter(d -> d.path().equals(path) && d.body().contains(caseId))
                .map(d -> JsonPath.from(d.body()).getString("type"))
                .toList();
    }

    private static List<String> recipientsOf(String caseId) throws MessagingException {
        List<String> recipients = new java.util.ArrayList<>();
        for (MimeMessage m : SmtpServer.received()) {
            if (m.getSubject() != null && m.getSubject().contains(caseId)) {
                for (Address a : m.getAllRecipients()) {
                    recipients.add(a.toString());
                }
            }
        }
        return recipients;
    }

    private static String expectedSignature(long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(digest);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putProfile(
            String token, String name, String tier, List<Map<String, String>> onCall, int status) {
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
                        5,
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
                .statusCode(status);
    }

    private static EscalationStep.Builder step(int percent, SlaClock clock, String action) {
        return EscalationStep.newBuilder().setAtPercent(percent).setOf(clock).setAction(action);
    }
}
