package io.socaas.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The customer portal in a real Chromium: a customer logs in through Keycloak and sees its own
 * tenant's new case, with the detection rule's author, and not another tenant's.
 */
class PortalInChromiumIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("socaas.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("socaas.chromedriver", "/usr/bin/chromedriver"));

    private WebDriver browser;

    @BeforeAll
    static void platform() {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "SKIPPED: browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver); .ci/run installs them");
        Platform.ensureRunning();
    }

    @BeforeEach
    void openBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("socaas-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void customerLogsInAndSeesItsNewCaseWithTheRuleAuthor() {
        String ingestId = sendWhoamiPriv(Platform.issueIngestKey("acme"));
        String caseId = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> caseIdHolding(ingestId), id -> id != null);

        browser.get(Platform.PORTAL + "/portal");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith("http://127.0.0.1:8180/realms/socaas/");
        browser.findElement(By.id("username")).sendKeys("alice@acme.example");
        // With organizations enabled Keycloak asks for the username first, then the password.
        if (browser.findElements(By.id("password")).isEmpty()) {
            browser.findElement(By.id("kc-login")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password")));
        }
        browser.findElement(By.id("password")).sendKeys("alice-dev-password");
        browser.findElement(By.id("kc-login")).click();

        wait.until(ExpectedConditions.urlContains("127.0.0.1:8085"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-case-id='" + caseId + "']")));
        String row = browser.findElement(By.cssSelector("[data-case-id='" + caseId + "']"))
                .getText();
        assertThat(row).contains("Whoami");
        assertThat(browser.getPageSource()).contains("Florian Roth").doesNotContain("globex");
    }

    private static String sendWhoamiPriv(String key) {
        Map<String, Object> event = Map.of(
                "EventID",
                1,
                "Computer",
                "browser-" + UUID.randomUUID().toString().substring(0, 8) + ".acme.local",
                "Image",
                "C:\\Windows\\System32\\whoami.exe",
                "CommandLine",
                "whoami /priv");
        return given().header("Authorization", "Bearer " + key)
                .contentType(ContentType.JSON)
                .body(List.of(event))
                .post(Platform.INGESTION + "/api/v1/events")
                .then()
                .statusCode(202)
                .extract()
                .path("ingest_ids[0]");
    }

    private static String caseIdHolding(String ingestId) {
        List<Map<String, Object>> cases = given().auth()
                .oauth2(Platform.ana())
                .queryParam("tenant", "acme")
                .queryParam("limit", 500)
                .get(Platform.CASES + "/api/v1/cases")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        return cases.stream()
                .filter(c -> ((List<?>) c.getOrDefault("event_ingest_ids", List.of())).contains(ingestId))
                .map(c -> (String) c.get("id"))
                .findFirst()
                .orElse(null);
    }
}
