package io.socaas.ingestion.intake.rest;

import io.socaas.events.TenantId;
import io.socaas.ingestion.intake.domain.EventIntake;
import io.socaas.ingestion.intake.domain.IngestCredential;
import io.socaas.ingestion.intake.domain.IngestKey;
import io.socaas.ingestion.intake.domain.IntakeReceipt;
import io.socaas.ingestion.intake.domain.QuotaExceededException;
import io.socaas.ingestion.usage.domain.UsageMeter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * What every HTTP intake endpoint does around its parsing: the tenant from the key, the tenant in
 * the log context, the quota's refusals counted and billed, accepted events counted and billed, and
 * one access log line per accepted request (and a warning naming the events that were dead-lettered).
 */
@ApplicationScoped
class AcceptedBatches {

    static final String MDC_TENANT = "tenant";

    private static final Logger LOG = Logger.getLogger(AcceptedBatches.class);

    private final EventIntake intake;
    private final IntakeMetrics metrics;
    private final UsageMeter usage;

    AcceptedBatches(EventIntake intake, IntakeMetrics metrics, UsageMeter usage) {
        this.intake = intake;
        this.metrics = metrics;
        this.usage = usage;
    }

    /**
     * Authenticates {@code key}, runs {@code ingest} for its credential and accounts for the outcome.
     *
     * @param bodyBytes the decoded request body's size (billed as raw bytes)
     */
    IntakeReceipt accept(IngestKey key, int bodyBytes, Function<IngestCredential, IntakeReceipt> ingest) {
        IngestCredential credential = intake.authenticate(key);
        TenantId tenant = credential.tenant();
        // removed by TenantMdcCleanup once the response (or its problem document) is written
        MDC.put(MDC_TENANT, tenant.value());
        IntakeReceipt receipt;
        try {
            receipt = ingest.apply(credential);
        } catch (QuotaExceededException e) {
            // billed usage shows what the plan held back; ProblemMapper answers 429 or 413
            metrics.refusedByQuota(tenant, e.events());
            usage.recordRefusedByQuota(tenant, e.events());
            throw e;
        }
        metrics.accepted(tenant, receipt.accepted());
        // billed usage: the events are on Kafka now; raw bytes = the decoded request body
        usage.recordAccepted(tenant, receipt.accepted(), bodyBytes);
        // one line per accepted batch: with tenant= and trace= it is the intake's access log
        if (receipt.accepted() > 0) {
            LOG.infof(
                    "accepted %d events (%d bytes), ingest_ids %s..%s",
                    receipt.accepted(),
                    bodyBytes,
                    receipt.ingestIds().getFirst(),
                    receipt.ingestIds().getLast());
        } else {
            LOG.infof("accepted no events (%d bytes)", bodyBytes);
        }
        for (IntakeReceipt.DeadLettered dead : receipt.deadLettered()) {
            // a mapping's fault, not the sender's: the event is on the dead-letter topic with this reason
            LOG.warnf("event %d of the request dead-lettered: %s", dead.position(), dead.reason());
        }
        return receipt;
    }
}
