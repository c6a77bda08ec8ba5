package io.socaas.tenants.invoice;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Issues due invoices on a schedule ({@code socaas.billing.invoices.issue-every}), so that a month's
 * invoice is issued once it is due whether or not anyone reads it, and keeps each running month's
 * terms as the month begins.
 */
@ApplicationScoped
public class InvoiceIssuer {

    private static final Logger LOG = Logger.getLogger(InvoiceIssuer.class);

    private final InvoiceService invoices;

    InvoiceIssuer(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @Scheduled(
            identity = "invoice-issuer",
            every = "${socaas.billing.invoices.issue-every}",
            delayed = "${socaas.billing.invoices.issue-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> issueDue() {
        return invoices.issueDue()
                .invoke(count -> LOG.debugf("invoices issued where due for %d tenants", count))
                .onFailure()
                .invoke(e -> LOG.errorf(e, "issuing due invoices failed; the next run retries"))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }
}
