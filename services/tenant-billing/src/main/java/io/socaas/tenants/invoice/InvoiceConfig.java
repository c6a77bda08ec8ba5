package io.socaas.tenants.invoice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Invoice settings ({@code socaas.billing.invoices.*}). */
@ConfigMapping(prefix = "socaas.billing.invoices")
public interface InvoiceConfig {

    /**
     * How long after a month ended (in the tenant's time zone) its invoice is issued and locked.
     * Until then it stays a draft, so that usage of the month's last minutes, published by
     * ingestion after the minute ended, is still counted.
     */
    @WithDefault("1H")
    Duration issueAfter();

    /** How often due invoices are issued ({@link InvoiceIssuer}), e.g. {@code 15m}. */
    @WithDefault("15m")
    String issueEvery();

    /** How long after start the first issuing runs, e.g. {@code 30s}. */
    @WithDefault("30s")
    String issueDelay();
}
