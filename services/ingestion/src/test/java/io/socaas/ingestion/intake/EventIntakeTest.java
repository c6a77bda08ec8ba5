package io.socaas.ingestion.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socaas.events.EventBatchParser;
import io.socaas.events.InvalidEventBatchException;
import io.socaas.events.StampedEvent;
import io.socaas.events.TenantId;
import io.socaas.events.ocsf.OcsfNormalizer;
import io.socaas.ingestion.intake.domain.EventIntake;
import io.socaas.ingestion.intake.domain.EventPublicationException;
import io.socaas.ingestion.intake.domain.IngestCredential;
import io.socaas.ingestion.intake.domain.IngestKey;
import io.socaas.ingestion.intake.domain.IngestQuotas;
import io.socaas.ingestion.intake.domain.IntakeReceipt;
import io.socaas.ingestion.intake.domain.QuotaExceededException;
import io.socaas.ingestion.intake.domain.TenantStanding;
import io.socaas.ingestion.intake.domain.UnknownIngestKeyException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The intake service with in-memory stand-ins for its two ports. */
class EventIntakeTest {

    private static final TenantId ACME = TenantId.of("acme");

    private static final IngestCredential ACME_KEY = new IngestCredential(ACME, "sk_acme", "firewall");

    private final List<StampedEvent> published = new ArrayList<>();
    private final EventIntake intake = new EventIntake(
            key -> {
                IngestCredential credential = Map.of("sk_acme", ACME_KEY).get(key.secret());
                if (credential == null) {
                    throw new UnknownIngestKeyException("unknown");
                }
                return credential;
            },
            TenantStanding.directoryDecides(),
            new EventBatchParser(10, 4096),
            OcsfNormalizer.withShippedMappings(),
            Clock.systemUTC(),
            published::addAll);

    @Test
    void authenticatesAKeyToItsTenant() {
        assertThat(intake.authenticate(IngestKey.fromAuthorization("Bearer sk_acme")))
                .isEqualTo(ACME_KEY);
    }

    @Test
    void refusesAnUnknownKey() {
        assertThatThrownBy(() -> intake.authenticate(IngestKey.fromAuthorization("Bearer sk_other")))
                .isInstanceOf(UnknownIngestKeyException.class);
    }

    @Test
    void refusesAnAuthorizationHeaderWithoutBearerKey() {
        for (String header : new String[] {null, "", "Basic dXNlcjpwdw==", "Bearer ", "Bearer two words"}) {
            assertThatThrownBy(() -> IngestKey.fromAuthorization(header))
                    .as("header %s", header)
                    .isInstanceOf(UnknownIngestKeyException.class);
        }
    }

    @Test
    void neverPrintsTheSecret() {
        assertThat(new IngestKey("sk_live_0123456789abcdef").toString())
                .doesNotContain("0123456789abcdef")
                .contains("sk_live_");
    }

    @Test
    void publishesEveryStampedEventAndReportsTheirIdsInOrder() {
        IntakeReceipt receipt = intake.ingest(
                ACME_KEY, bytes("{\"n\":1}\n{\"n\":2}\n"), EventBatchParser.Format.NDJSON, Optional.empty());

        assertThat(receipt.accepted()).isEqualTo(2);
        assertThat(published).extracting(StampedEvent::ingestId).containsExactlyElementsOf(receipt.ingestIds());
        assertThat(published)
                .extracting(e -> e.event().toObjectNode().at("/unmapped/n").intValue())
                .containsExactly(1, 2);
        assertThat(published).allSatisfy(e -> assertThat(e.tenant()).isEqualTo(ACME));
    }

    @Test
    void readsTheLocalTimesOfASourceInItsClockZone() {
        // an agent that forwards Windows events with NXLog's EventTime: the machine's local time, no zone
        IngestCredential tokyo = new IngestCredential(ACME, "sk_tokyo", "dc-tokyo", ZoneId.of("Asia/Tokyo"));
        Instant happened = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        String local =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(happened.atZone(ZoneId.of("Asia/Tokyo")));
        String event = "{\"Channel\":\"Security\",\"EventID\":4625,\"Hostname\":\"dc1\",\"EventTime\":\"" + local
                + "\",\"TargetUserName\":\"bob\",\"IpAddress\":\"203.0.113.9\",\"LogonType\":\"3\"}\n";

        intake.ingest(tokyo, bytes(event), EventBatchParser.Format.NDJSON, Optional.empty());
        intake.ingest(ACME_KEY, bytes(event), EventBatchParser.Format.NDJSON, Optional.empty());

        assertThat(published.get(0).event().toObjectNode().get("time").asLong()).isEqualTo(happened.toEpochMilli());
        // the same text from a source whose clock is UTC is read nine hours later
        assertThat(published.get(1).event().toObjectNode().get("time").asLong())
                .isEqualTo(happened.plus(9, ChronoUnit.HOURS).toEpochMilli());
    }

    @Test
    void publishesNothingWhenAnyLineIsMalformed() {
        assertThatThrownBy(() -> intake.ingest(
                        ACME_KEY,
                        bytes("{\"n\":1}\n{\"n\":2}\n{\"n\":"),
                        EventBatchParser.Format.NDJSON,
                        Optional.empty()))
                .isInstanceOfSatisfying(
                        InvalidEventBatchException.class,
                        e -> assertThat(e.line()).hasValue(3));
        assertThat(published).isEmpty();
    }

    @Test
    void reportsNothingAcceptedWhenThePublisherFails() {
        EventIntake failing = new EventIntake(
                key -> ACME_KEY,
                TenantStanding.directoryDecides(),
                new EventBatchParser(),
                OcsfNormalizer.withShippedMappings(),
                Clock.systemUTC(),
                events -> {
                    throw new EventPublicationException("no ack", null);
                });

        assertThatThrownBy(() ->
                        failing.ingest(ACME_KEY, bytes("{\"n\":1}"), EventBatchParser.Format.JSON, Optional.empty()))
                .isInstanceOf(EventPublicationException.class);
    }

    @Test
    void aBatchOverTheQuotaIsRefusedWholeBeforeAnythingIsPublished() {
        EventIntake limited = new EventIntake(
                key -> ACME_KEY,
                TenantStanding.directoryDecides(),
                new IngestQuotas() {
                    @Override
                    public void take(TenantId tenant, int events) {
                        throw new QuotaExceededException(
                                tenant,
                                events,
                                QuotaExceededException.Reason.EVENTS_PER_SECOND,
                                5,
                                1,
                                java.time.Duration.ofSeconds(4));
                    }

                    @Override
                    public void giveBack(TenantId tenant, int events) {}
                },
                new EventBatchParser(),
                OcsfNormalizer.withShippedMappings(),
                Clock.systemUTC(),
                published::addAll);

        assertThatThrownBy(() -> limited.ingest(
                        ACME_KEY, bytes("{\"n\":1}\n{\"n\":2}"), EventBatchParser.Format.JSON, Optional.empty()))
                .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
                    assertThat(e.tenant()).isEqualTo(ACME);
                    assertThat(e.events()).isEqualTo(2);
                    assertThat(e.retryable()).isTrue();
                });
        assertThat(published).isEmpty();
    }

    @Test
    void givesTheQuotaBackWhenThePublisherFails() {
        Map<TenantId, Integer> taken = new java.util.HashMap<>();
        EventIntake failing = new EventIntake(
                key -> ACME_KEY,
                TenantStanding.directoryDecides(),
                new IngestQuotas() {
                    @Override
                    public void take(TenantId tenant, int events) {
                        taken.merge(tenant, events, Integer::sum);
                    }

                    @Override
                    public void giveBack(TenantId tenant, int events) {
                        taken.merge(tenant, -events, Integer::sum);
                    }
                },
                new EventBatchParser(),
                OcsfNormalizer.withShippedMappings(),
                Clock.systemUTC(),
                events -> {
                    throw new EventPublicationException("no ack", null);
                });

        assertThatThrownBy(() -> failing.ingest(
                        ACME_KEY, bytes("{\"n\":1}\n{\"n\":2}"), EventBatchParser.Format.JSON, Optional.empty()))
                .isInstanceOf(EventPublicationException.class);
        assertThat(taken).containsEntry(ACME, 0);
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
