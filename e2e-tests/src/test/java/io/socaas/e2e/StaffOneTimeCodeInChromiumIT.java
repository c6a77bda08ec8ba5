package io.socaas.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socaas.localstack.StackSettings;
import io.socaas.localstack.Totp;
import io.socaas.localstack.component.RealmSync;
import io.socaas.localstack.process.Net;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The realm's browser login in Debian's headless Chromium, on a realm of its own made from the realm
 * file on the local stack's Keycloak (the platform's realm is left alone), through Keycloak's account
 * console: an MSSP analyst types the code of its authenticator after its password, a staff member
 * without one must set one up before getting in, a customer gets in with its password alone.
 */
class StaffOneTimeCodeInChromiumIT extends WithChromium {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StackSettings SETTINGS = StackSettings.fromEnvironment();
    private static final String REALM =
            "socaas-otp-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String ACCOUNT = SETTINGS.keycloakUrl() + "/realms/" + REALM + "/account";

    @BeforeAll
    static void scratchRealm() {
        ObjectNode realm = RealmSync.realmFile().deepCopy();
        realm.put("realm", REALM);
        Net.Response created = Net.postJson(SETTINGS.keycloakUrl() + "/admin/realms", adminToken(), realm.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @AfterAll
    static void deleteRealm() {
        Net.delete(SETTINGS.keycloakUrl() + "/admin/realms/" + REALM, adminToken());
    }

    @Test
    void anAnalystTypesTheCodeOfItsAuthenticatorAfterItsPassword() {
        browser.enterPassword(ACCOUNT, "ana", "ana-dev-password");

        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("otp")));
        browser.typeOneTimeCode(Totp.ofDemoUser("ana").orElseThrow());

        assertSignedIn();
    }

    @Test
    void staffWithoutAnAuthenticatorSetOneUpBeforeGettingIn() throws IOException {
        String userUrl = userUrl("tom");
        for (JsonNode credential : JSON.readTree(
                Net.getWithBearer(userUrl + "/credentials", adminToken()).body())) {
            if (credential.path("type").asText().equals("otp")) {
                Net.delete(userUrl + "/credentials/" + credential.path("id").asText(), adminToken());
            }
        }

        browser.enterPassword(ACCOUNT, "tom", "tom-dev-password");

        // Keycloak's "set up an authenticator" page shows a QR code; its manual mode shows the
        // secret as text; a code of it proves the set-up
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mode-manual")));
        browser.driver.findElement(By.id("mode-manual")).click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-totp-secret-key")));
        String secret = browser.driver.findElement(By.id("kc-totp-secret-key")).getText();
        Totp authenticator = new Totp(secret, "HmacSHA1", 6, Duration.ofSeconds(30));
        browser.driver.findElement(By.id("totp")).sendKeys(authenticator.codeAt(Instant.now()));
        browser.driver.findElement(By.id("totp")).submit();

        assertSignedIn();
        JsonNode credentials = JSON.readTree(
                Net.getWithBearer(userUrl + "/credentials", adminToken()).body());
        assertThat(credentials.findValuesAsText("type")).contains("otp");
    }

    @Test
    void aCustomerGetsInWithItsPasswordAlone() {
        browser.enterPassword(ACCOUNT, "alice@acme.example", "alice-dev-password");

        assertSignedIn();
        assertThat(browser.driver.findElements(By.id("otp"))).isEmpty();
    }

    /** Back on the account console, with the realm's login session. */
    private void assertSignedIn() {
        browser.wait.until(ExpectedConditions.urlContains("/realms/" + REALM + "/account"));
        browser.wait.until(d -> d.manage().getCookieNamed("KEYCLOAK_IDENTITY") != null);
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("login-actions");
    }

    private static String userUrl(String username) throws IOException {
        JsonNode found = JSON.readTree(Net.getWithBearer(
                        SETTINGS.keycloakUrl() + "/admin/realms/" + REALM + "/users?exact=true&username=" + username,
                        adminToken())
                .body());
        return SETTINGS.keycloakUrl() + "/admin/realms/" + REALM + "/users/"
                + found.get(0).path("id").asText();
    }

    private static String adminToken() {
        return RealmSync.adminToken(SETTINGS);
    }
}
