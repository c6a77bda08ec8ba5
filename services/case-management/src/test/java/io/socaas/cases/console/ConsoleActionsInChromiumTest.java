package io.socaas.cases.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.socaas.cases.casefile.persistence.PanacheCaseFileRepository;
import io.socaas.cases.testing.DemoTenantFacts;
import io.socaas.cases.testing.SmtpServer;
import io.socaas.cases.testing.TestCases;
import io.socaas.cases.testing.Tokens;
import io.socaas.events.TenantId;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.proto.tenant.v1.Contact;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantStatus;
import io.socaas.tenantfacts.TenantFactsReader;
import io.socaas.tenantfacts.testing.TenantFactsTestTopic;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The case page's actions in Debian's headless Chromium, with htmx, the CSRF token and the Origin
 * check as a browser meets them: a SOC manager reassigns a case, merges it into another case of the
 * same tenant, and hands a case off to the customer's CSIRT (an e-mail with the PDF summary arrives);
 * an analyst gets no assignment form. (Keycloak sends browsers back only to the platform's own
 * ports, so the browser sends a test bearer token with every request instead of signing in, which
 * the console accepts in tests.)
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DemoTenantFacts.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SmtpServer.class, restrictToAnnotatedClass = false)
class ConsoleActionsInChromiumTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("socaas.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("socaas.chromedriver", "/usr/bin/chromedriver"));
    private static final String TENANT = "con-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String CONTACT = "csirt@" + TENANT + ".example";

    @Inject
    PanacheCaseFileRepository repository;

    @Inject
    TenantFactsReader<TenantConfig> facts;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void publishTheTenant() {
        try (TenantFactsTestTopic topic = new TenantFactsTestTopic()) {
            topic.publish(
                    TENANT,
                    TenantConfig.newBuilder()
                            .setTenantId(TENANT)
                            .setDisplayName("Console test tenant")
                            .setStatus(TenantStatus.TENANT_STATUS_ACTIVE)
                            .addContacts(
                                    Contact.newBuilder().setRole("security").setEmail(CONTACT))
                            .setRevision(TenantFactsTestTopic.newRevision())
                            .build()
                            .toByteArray());
        }
    }

    @BeforeEach
    void openChromium() throws IOException {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> facts.get(TenantId.of(TENANT)).isPresent());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("socaas-chromium"));
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile())
                        .usingAnyFreePort()
                        .build(),
                options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.executeCdpCommand("Network.enable", Map.of());
    }

    @AfterEach
    void closeChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void signedInAs(String username) {
        browser.executeCdpCommand(
                "Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", "Bearer " + Tokens.of(username))));
    }

    private void openCase(String id) {
        browser.get(RestAssured.baseURI + ":" + RestAssured.port + "/console/cases/" + id);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-panel")));
    }

    @Test
    void aSocManagerReassignsMergesAndHandsOffFromTheCasePage() throws Throwable {
        String first = TestCases.open(repository, TENANT, "console-" + UUID.randomUUID());
        String second = TestCases.open(repository, TENANT, "console-" + UUID.randomUUID());
        signedInAs("mia");
        openCase(first);

        // reassign: to tom, then from tom to ana
        new Select(browser.findElement(By.id("assignee"))).selectByValue("tom");
        browser.findElement(By.id("action-assign")).click();
        wait.until(ExpectedConditions.textToBe(By.id("case-assignee"), "tom"));
        assertThat(browser.findElement(By.id("action-assign")).getText()).isEqualTo("Reassign");
        new Select(browser.findElement(By.id("assignee"))).selectByValue("ana");
        browser.findElement(By.id("action-assign")).click();
        wait.until(ExpectedConditions.textToBe(By.id("case-assignee"), "ana"));
        given().auth()
                .oauth2(Tokens.of("mia"))
                .get("/api/v1/cases/" + first + "/timeline")
                .then()
                .statusCode(200)
                .body("findAll { it.action == 'assign' }.after", org.hamcrest.Matchers.contains("tom", "ana"))
                .body(
                        "findAll { it.action == 'assign' }.actor",
                        org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo("mia")));

        // merge into the other case of the tenant: this one ends merged, the other holds both alerts
        new Select(browser.findElement(By.id("merge-into"))).selectByValue(second);
        browser.findElement(By.id("merge-reason")).sendKeys("same host, same attacker");
        browser.findElement(By.id("action-merge")).click();
        wait.until(ExpectedConditions.textToBe(By.id("case-status"), "merged"));
        given().auth()
                .oauth2(Tokens.of("mia"))
                .get("/api/v1/cases/" + second)
                .then()
                .statusCode(200)
                .body("alert_count", org.hamcrest.Matchers.equalTo(2));

        // hand-off of the surviving case: the CSIRT's contact gets the PDF summary by e-mail
        openCase(second);
        browser.findElement(By.id("action-hand-off")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("action-notice")));
        assertThat(browser.findElement(By.id("action-notice")).getText())
                .contains("Handed off")
                .contains("1 security contact");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(attachmentsTo(CONTACT, second))
                        .contains("case-" + second + ".pdf", "case-" + second + "-ocsf.json"));
    }

    @Test
    void anAnalystCannotAssignFromTheCasePage() throws Throwable {
        String id = TestCases.open(repository, TENANT, "console-" + UUID.randomUUID());
        signedInAs("ana");
        openCase(id);
        assertThat(browser.findElements(By.id("action-assign"))).isEmpty();
        assertThat(browser.findElements(By.id("action-hand-off"))).hasSize(1);
    }

    /** Names of the files attached to the e-mails to {@code recipient} about case {@code caseId}. */
    private static List<String> attachmentsTo(String recipient, String caseId) throws Exception {
        List<String> names = new ArrayList<>();
        for (MimeMessage m : SmtpServer.received()) {
            boolean toRecipient = java.util.Arrays.stream(m.getAllRecipients())
                    .anyMatch(a -> a.toString().equals(recipient));
            if (toRecipient
                    && m.getSubject() != null
                    && m.getSubject().contains(caseId)
                    && m.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    if (multipart.getBodyPart(i).getFileName() != null) {
                        names.add(multipart.getBodyPart(i).getFileName());
                    }
                }
            }
        }
        return names;
    }
}
