package io.socaas.ingestion.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socaas.events.EventBatchParser;
import io.socaas.events.IngestIds;
import io.socaas.events.JsonEvent;
import io.socaas.events.StampedEvent;
import io.socaas.events.TenantId;
import io.socaas.events.ocsf.OcsfNormalizer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An event of an HTTP batch that normalization fails on is kept on the dead-letter topic with the
 * reason, its tenant and its JSON as sent; the batch's other events are accepted.
 */
class EventIntakeDeadLetterTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final IngestCredential ACME_KEY = new IngestCredential(ACME, "key-acme-fw", "firewall");

    private final OcsfNormalizer shipped = OcsfNormalizer.withShippedMappings();
    private final List<StampedEvent> published = new ArrayList<>();
    private final List<DeadLetter> deadLettered = new ArrayList<>();
    private final Map<TenantId, Integer> quotaTaken = new HashMap<>();

    private final IngestQuotas countingQuotas = new IngestQuotas() {
        @Override
        public void take(TenantId tenant, int events) {
            quotaTaken.merge(tenant, events, Integer::sum);
        }

        @Override
        public void giveBack(TenantId tenant, int events) {
            quotaTaken.merge(tenant, -events, Integer::sum);
        }
    };

    /**
     * The shipped normalization, except on an event with a member {@code poison}: there it changes
     * the event's tree (as a mapping half-way through would) and then fails as {@code failure} does.
     */
    private EventIntake intakeFailingOnPoison(Runnable failure, DeadLetterPublisher deadLetters) {
        return new EventIntake(
                key -> ACME_KEY,
                TenantStanding.directoryDecides(),
                countingQuotas,
                new EventBatchParser(10, 8192),
                (event, context) -> {
                    if (event.has("poison")) {
                        var tree = event.handOver();
                        tree.put("half", "way");
                        tree.remove("host");
                        failure.run();
                    }
                    return shipped.normalizeHandedOver(event, context);
                },
                Clock.systemUTC(),
                published::addAll,
                deadLetters);
    }

    private EventIntake intakeFailingOnPoison(Runnable failure) {
        return intakeFailingOnPoison(failure, deadLettered::addAll);
    }

    private static final Runnable MAPPING_FAULT = () -> {
        throw new IllegalStateException("a mapping could not read this event");
    };

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonEvent json(byte[] raw) {
        return JsonEvent.parse(raw);
    }

    @Test
    void anEventNormalizationFailsOnIsDeadLetteredAndTheOthersOfItsBatchAreAccepted() {
        String poison = "{\"n\":2,\"host\":\"db-03.corp.example\",\"poison\":true,\"msg\":\"täglich\"}";
        IntakeReceipt receipt = intakeFailingOnPoison(MAPPING_FAULT)
                .ingest(
                        ACME_KEY,
                        bytes("[{\"n\":1,\"host\":\"web-07.corp.example\"}, " + poison
                                + ", {\"n\":3,\"host\":\"web-09.corp.example\"}]"),
                        EventBatchParser.Format.JSON,
                        Optional.empty());

        assertThat(published)
                .extracting(e -> e.event().toObjectNode().at("/unmapped/n").intValue())
                .containsExactly(1, 3);
        assertThat(receipt.accepted()).isEqualTo(2);
        assertThat(receipt.ingestIds())
                .containsExactlyElementsOf(
                        published.stream().map(StampedEvent::ingestId).toList());
        assertThat(receipt.deadLetteredPositions()).containsExactly(1);
        assertThat(receipt.deadLettered().getFirst().reason())
                .isEqualTo(
                        "normalization failed: java.lang.IllegalStateException: a mapping could not read this event");

        assertThat(deadLettered).singleElement().satisfies(dead -> {
            assertThat(dead.tenant()).isEqualTo(ACME);
            assertThat(dead.reason())
                    .isEqualTo(
                            "normalization failed: java.lang.IllegalStateException: a mapping could not read this event");
            // the event as it was sent, not the tree the failed normalization left
            assertThat(json(dead.raw())).isEqualTo(JsonEvent.parse(poison));
        });
    }

    @Test
    void theOtherEventsKeepTheIdsOfTheirPositionsUnderAnIdempotencyKey() {
        String batch = "fw-export-2026-03-01T10:00Z-0042";
        String body = "{\"n\":1}\n{\"n\":2,\"poison\":true}\n{\"n\":3}\n";

        IntakeReceipt first = intakeFailingOnPoison(MAPPING_FAULT)
                .ingest(ACME_KEY, bytes(body), EventBatchParser.Format.NDJSON, Optional.of(batch));
        IntakeReceipt again = intakeFailingOnPoison(MAPPING_FAULT)
                .ingest(ACME_KEY, bytes(body), EventBatchParser.Format.NDJSON, Optional.of(batch));

        assertThat(first.ingestIds())
                .containsExactly(
                        IngestIds.derived("key-acme-fw", batch, 0), IngestIds.derived("key-acme-fw", batch, 2));
        assertThat(again.ingestIds()).isEqualTo(first.ingestIds());
        assertThat(first.deadLetteredPositions()).containsExactly(1);
    }

    @Test
    void aStackOverflowInNormalizationIsDeadLetteredToo() {
        IntakeReceipt receipt = intakeFailingOnPoison(() -> {
                    throw new StackOverflowError();
                })
                .ingest(
                        ACME_KEY,
                        bytes("{\"n\":1,\"poison\":1}\n{\"n\":2}\n"),
                        EventBatchParser.Format.NDJSON,
                        Optional.empty());

        assertThat(receipt.accepted()).isEqualTo(1);
        assertThat(receipt.deadLetteredPositions()).containsExactly(0);
        assertThat(deadLettered).singleElement().satisfies(dead -> {
            assertThat(dead.reason()).isEqualTo("normalization failed: java.lang.StackOverflowError");
            assertThat(json(dead.raw())).isEqualTo(JsonEvent.parse("{\"n\":1,\"poison\":1}"));
        });
    }

    @Test
    void aBatchWhoseEveryEventFailsIsAcceptedWithNothingPublished() {
        IntakeReceipt receipt = intakeFailingOnPoison(MAPPING_FAULT)
                .ingest(
                        ACME_KEY,
                        bytes("[{\"poison\":\"a\"},{\"poison\":\"b\"}]"),
                        EventBatchParser.Format.JSON,
                        Optional.empty());

        assertThat(receipt.accepted()).isZero();
        assertThat(receipt.deadLetteredPositions()).containsExactly(0, 1);
        assertThat(published).isEmpty();
        assertThat(deadLettered).hasSize(2);
    }

    @Test
    void onlyTheAcceptedEventsCountAgainstTheQuota() {
        intakeFailingOnPoison(MAPPING_FAULT)
                .ingest(
                        ACME_KEY,
                        bytes("[{\"n\":1},{\"n\":2,\"poison\":true},{\"n\":3}]"),
                        EventBatchParser.Format.JSON,
                        Optional.empty());

        assertThat(quotaTaken).containsEntry(ACME, 2);
    }

    @Test
    void nothingOfTheBatchIsAcceptedWhenTheDeadLetterTopicDoesNotTakeIt() {
        EventIntake intake = intakeFailingOnPoison(MAPPING_FAULT, rejected -> {
            throw new EventPublicationException("no ack from the dead-letter topic", null);
        });

        assertThatThrownBy(() -> intake.ingest(
                        ACME_KEY,
                        bytes("[{\"n\":1},{\"n\":2,\"poison\":true}]"),
                        EventBatchParser.Format.JSON,
                        Optional.empty()))
                .isInstanceOf(EventPublicationException.class);
        assertThat(published).isEmpty();
        assertThat(quotaTaken).containsEntry(ACME, 0);
    }

    @Test
    void aBulkDocumentNormalizationFailsOnIsDeadLetteredAsSentAndTheOthersKeepTheirActions() {
        String poison = "{\"@timestamp\":\"2026-03-01T10:00:01.000Z\",\"message\":\"x\",\"poison\":true}";
        String body = "{\"create\":{\"_index\":\"filebeat-8.19.0\"}}\n"
                + "{\"@timestamp\":\"2026-03-01T10:00:00.000Z\",\"message\":\"first\",\"host\":{\"name\":\"app-11\"}}\n"
                + "{\"index\":{\"_id\":\"doc-2\"}}\n"
                + poison + "\n"
                + "{\"create\":{}}\n"
                + "{\"@timestamp\":\"2026-03-01T10:00:02.000Z\",\"message\":\"third\",\"host\":{\"name\":\"app-12\"}}\n";

        EventIntake.BulkReceipt bulk =
                intakeFailingOnPoison(MAPPING_FAULT).ingestElasticsearchBulk(ACME_KEY, bytes(body));

        assertThat(bulk.actions()).containsExactly("create", "index", "create");
        assertThat(bulk.receipt().accepted()).isEqualTo(2);
        assertThat(bulk.receipt().deadLetteredPositions()).containsExactly(1);
        assertThat(published)
                .extracting(
                        e -> e.event().toObjectNode().at("/unmapped/message").textValue())
                .containsExactly("first", "third");
        assertThat(deadLettered).singleElement().satisfies(dead -> {
            assertThat(dead.tenant()).isEqualTo(ACME);
            assertThat(json(dead.raw())).isEqualTo(JsonEvent.parse(poison));
        });
    }

    @Test
    void aSplunkHecEventNormalizationFailsOnIsDeadLettered() {
        IntakeReceipt receipt = intakeFailingOnPoison(MAPPING_FAULT)
                .ingestSplunkHec(
                        ACME_KEY,
                        bytes("{\"event\":{\"action\":\"allowed\"},\"host\":\"fw-01\"}"
                                + "{\"event\":{\"action\":\"blocked\",\"poison\":true},\"host\":\"fw-02\"}"));

        assertThat(receipt.accepted()).isEqualTo(1);
        assertThat(receipt.deadLetteredPositions()).containsExactly(1);
        assertThat(deadLettered)
                .singleElement()
                .satisfies(dead -> assertThat(
                                json(dead.raw()).toObjectNode().get("action").textValue())
                        .isEqualTo("blocked"));
    }

    @Test
    void withoutADeadLetterTopicAnEventNormalizationFailsOnRefusesItsBatch() {
        EventIntake intake = new EventIntake(
                key -> ACME_KEY,
                TenantStanding.directoryDecides(),
                countingQuotas,
                new EventBatchParser(),
                (event, context) -> {
                    throw new IllegalStateException("a mapping could not read this event");
                },
                Clock.systemUTC(),
                published::addAll,
                rejected -> {
                    throw new EventPublicationException("no dead-letter topic", null);
                });

        assertThatThrownBy(() ->
                        intake.ingest(ACME_KEY, bytes("{\"n\":1}"), EventBatchParser.Format.JSON, Optional.empty()))
                .isInstanceOf(EventPublicationException.class);
        assertThat(quotaTaken).containsEntry(ACME, 0);
    }
}
