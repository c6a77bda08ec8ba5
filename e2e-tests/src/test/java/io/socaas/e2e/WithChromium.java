package io.socaas.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test in Debian's headless Chromium: skipped, saying why, where Chromium is missing; a fresh
 * browser for each test.
 */
abstract class WithChromium {

    protected Browser browser;

    @BeforeAll
    static void chromium() {
        Browser.assumeInstalled();
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
