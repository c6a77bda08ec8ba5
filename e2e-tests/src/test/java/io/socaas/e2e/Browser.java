package io.socaas.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socaas.localstack.Totp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium, driven by chromedriver, and the Keycloak login of the portal. */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("socaas.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("socaas.chromedriver", "/usr/bin/chromedriver"));

    final WebDriver driver;
    final WebDriverWait wait;

    private Browser(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Skips the calling test class, saying why, when the machine has no Chromium. */
    static void assumeInstalled() {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "SKIPPED: browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver); .ci/run installs them");
    }

    static Browser open() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        try {
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options));
    }

    /**
     * Opens the portal and signs in on Keycloak's page. With organizations enabled Keycloak asks for
     * the username first, then the password.
     */
    void signInToPortal(String username, String password) {
        signIn(Platform.PORTAL + "/portal", username, password);
    }

    /**
     * Opens a page behind the Keycloak login and signs in (username first, then the password; a demo
     * MSSP staff user then types the current code of its authenticator, which the realm requires of
     * staff).
     */
    void signIn(String url, String username, String password) {
        enterPassword(url, username, password);
        Totp.ofDemoUser(username).ifPresent(this::typeOneTimeCode);
    }

    /** Opens a page behind the Keycloak login and gives the username, then the password. */
    void enterPassword(String url, String username, String password) {
        driver.get(url);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(username);
        if (driver.findElements(By.id("password")).isEmpty()) {
            driver.findElement(By.id("kc-login")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password")));
        }
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
    }

    /** Answers Keycloak's one-time code page with the authenticator's current code. */
    void typeOneTimeCode(Totp authenticator) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("otp")));
        driver.findElement(By.id("otp")).sendKeys(authenticator.codeAt(Instant.now()));
        driver.findElement(By.id("kc-login")).click();
    }

    /** Answers Keycloak's "update password" page, shown to a user with a one-time password. */
    void chooseNewPassword(String password) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password-new")));
        driver.findElement(By.id("password-new")).sendKeys(password);
        driver.findElement(By.id("password-confirm")).sendKeys(password);
        driver.findElement(By.id("password-confirm")).submit();
    }

    /**
     * Answers Keycloak's "update your account" page, shown to a user whose profile lacks the names
     * the realm's user profile asks for (a customer admin made by onboarding has only an e-mail).
     */
    void completeProfile(String firstName, String lastName) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("firstName")));
        driver.findElement(By.id("firstName")).clear();
        driver.findElement(By.id("firstName")).sendKeys(firstName);
        driver.findElement(By.id("lastName")).clear();
        driver.findElement(By.id("lastName")).sendKeys(lastName);
        driver.findElement(By.id("lastName")).submit();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
