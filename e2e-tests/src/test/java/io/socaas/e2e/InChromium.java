package io.socaas.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test of web pages in Debian's headless Chromium against the running platform: skipped, saying
 * why, where Chromium is missing; a fresh browser for each test.
 */
abstract class InChromium {

    protected Browser browser;

    @BeforeAll
    static void chromiumAndPlatform() {
        Browser.assumeInstalled();
        Platform.ensureRunning();
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.open();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
