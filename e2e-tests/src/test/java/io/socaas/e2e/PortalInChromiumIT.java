package io.socaas.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The customer portal in a real Chromium: a customer logs in through Keycloak and sees its own
 * tenant's new case, with the detection rule's author, and not another tenant's; the case list and
 * the SLA panel refresh themselves.
 */
class PortalInChromiumIT extends InChromium {

    @Test
    void customerLogsInAndSeesItsNewCaseWithTheRuleAuthor() {
        String ingestId = Platform.sendWhoamiPriv("acme");
        String caseId = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Platform.caseHolding("acme", ingestId), id -> id != null);

        browser.driver.get(Platform.PORTAL + "/portal");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(browser.driver.getCurrentUrl()).startsWith("http://127.0.0.1:8180/realms/socaas/");
        browser.signInToPortal("alice@acme.example", "alice-dev-password");

        browser.wait.until(ExpectedConditions.urlContains("127.0.0.1:8085"));
        browser.wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-case-id='" + caseId + "']")));
        String row = browser.driver
                .findElement(By.cssSelector("[data-case-id='" + caseId + "']"))
                .getText();
        assertThat(row).contains("Whoami");
        assertThat(browser.driver.getPageSource()).contains("Florian Roth").doesNotContain("globex");

        // the page keeps itself current: a case opened now shows in the list and in "SLA this month"
        // without a reload
        int openedBefore = Integer.parseInt(
                browser.driver.findElement(By.id("sla-opened")).getText().trim());
        String next = Platform.newWhoamiCase("acme");
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                // the panel is rebuilt on every refresh: an element read during one is gone
                .ignoreExceptionsInstanceOf(org.openqa.selenium.StaleElementReferenceException.class)
                .untilAsserted(() -> {
                    assertThat(browser.driver.findElements(By.cssSelector("[data-case-id='" + next + "']")))
                            .isNotEmpty();
                    assertThat(Integer.parseInt(browser.driver
                                    .findElement(By.id("sla-opened"))
                                    .getText()
                                    .trim()))
                            .isGreaterThan(openedBefore);
                });
    }
}
