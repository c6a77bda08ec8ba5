package io.socaas.e2e;

import org.junit.jupiter.api.BeforeAll;

/** A test of web pages in Debian's headless Chromium against the running platform. */
abstract class InChromium extends WithChromium {

    @BeforeAll
    static void platform() {
        Platform.ensureRunning();
    }
}
