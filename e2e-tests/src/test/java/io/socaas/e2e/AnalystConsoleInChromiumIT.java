package io.socaas.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The analyst console in a real Chromium: an analyst signs in through Keycloak, sees the queue of
 * exactly its tenants with live SLA countdowns, and works a case with htmx actions; user text is
 * shown as text, never as markup.
 */
class AnalystConsoleInChromiumIT extends InChromium {

    private static final String CONSOLE = Platform.CASES + "/console";

    @Test
    void anAnalystEntitledToOneTenantSeesOnlyItsCasesWithLiveCountdowns() {
        String acmeCase = Platform.newWhoamiCase("acme");
        String globexCase = Platform.newWhoamiCase("globex");

        // lee is entitled to acme only (tenant-config/analysts.yaml)
        browser.signIn(CONSOLE + "/queue", "lee", "lee-dev-password");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue")));
        assertThat(browser.driver.getCurrentUrl()).startsWith(CONSOLE);
        browser.wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-case-id='" + acmeCase + "']")));
        List<String> tenants = browser.driver.findElements(By.cssSelector("tr.case-row")).stream()
                .map(row -> row.getAttribute("data-tenant"))
                .distinct()
                .toList();
        assertThat(tenants).containsExactly("acme");
        assertThat(browser.driver.findElements(By.cssSelector("[data-case-id='" + globexCase + "']")))
                .isEmpty();

        // the SLA deadline is there once the escalator computed it; the queue refreshes itself
        WebElement countdown = browser.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-case-id='" + acmeCase + "'] .countdown")));
        String before = countdown.getText();
        browser.wait.until(d -> !d.findElement(By.cssSelector("[data-case-id='" + acmeCase + "'] .countdown"))
                .getText()
                .equals(before));

        browser.driver.get(CONSOLE + "/cases/" + globexCase);
        assertThat(browser.driver.getPageSource()).doesNotContain("case-panel");
    }

    @Test
    void theAssigneeWorksItsCaseAndMarkupIsShownAsText() {
        String id = Platform.newWhoamiCase("acme");
        String assignee = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> given().auth()
                                .oauth2(Platform.ana())
                                .get(Platform.CASES + "/api/v1/cases/" + id)
                                .then()
                                .statusCode(200)
                                .extract()
                                .<String>path("assignee"),
                        a -> a != null);

        browser.signIn(CONSOLE + "/cases/" + id, assignee, assignee + "-dev-password");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-panel")));
        assertThat(browser.driver.findElement(By.id("case-assignee")).getText()).isEqualTo(assignee);

        browser.driver.findElement(By.id("action-start")).click();
        browser.wait.until(ExpectedConditions.textToBe(By.id("case-status"), "in_progress"));

        String markup = "<img src=x onerror=alert(1)> seen on ws-"
                + UUID.randomUUID().toString().substring(0, 4);
        browser.driver.findElement(By.id("comment-text")).sendKeys(markup);
        browser.driver.findElement(By.id("action-comment")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), markup));
        assertThat(browser.driver.findElements(By.cssSelector("#timeline img"))).isEmpty();

        given().auth()
                .oauth2(Platform.ana())
                .get(Platform.CASES + "/api/v1/cases/" + id)
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("in_progress"));
    }
}
