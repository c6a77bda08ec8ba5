package io.socaas.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.socaas.events.ocsf.OcsfNormalizer;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of Elasticsearch bulk bodies through to the records. The seeds under
 * {@code ElasticsearchBulkFuzzTestInputs/} run in every build; {@code JAZZER_FUZZ=1} fuzzes.
 */
class ElasticsearchBulkFuzzTest {

    // small limits so that the fuzzer reaches them too
    private static final EventBatchParser PARSER = new EventBatchParser(20, 64 * 1024);
    private static final OcsfNormalizer NORMALIZER = OcsfNormalizer.withShippedMappings();

    /** Any body: the documents of its create and index actions, each an OCSF record, or a rejection naming what is wrong. */
    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anyBulkBodyBecomesRecordsOrIsRejected(byte[] body) {
        List<ElasticsearchBulk.Document> documents;
        try {
            documents = ElasticsearchBulk.documents(PARSER.objects(body, EventBatchParser.Format.NDJSON));
        } catch (InvalidEventBatchException rejected) {
            assertThat(rejected.getMessage()).isNotBlank();
            rejected.event().ifPresent(event -> assertThat(event).isNotNegative());
            return;
        }
        assertThat(documents).isNotEmpty().hasSizeLessThanOrEqualTo(PARSER.maxEvents() / 2);
        for (ElasticsearchBulk.Document document : documents) {
            assertThat(document.action()).isIn("create", "index");
            var record = NORMALIZER.normalize(
                    document.event(),
                    new OcsfNormalizer.Context(TenantId.of("acme"), IngestIds.next(), Instant.EPOCH, "es"));
            assertThat(record.event().text("tenant")).contains("acme");
        }
    }
}
