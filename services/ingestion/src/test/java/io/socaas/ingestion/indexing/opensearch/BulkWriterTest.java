package io.socaas.ingestion.indexing.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.ingestion.indexing.opensearch.BulkWriter.Document;
import io.socaas.ingestion.indexing.opensearch.BulkWriter.Refused;
import io.socaas.ingestion.indexing.opensearch.BulkWriter.Retry;
import io.socaas.ingestion.indexing.opensearch.BulkWriter.Written;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkWriterTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theBodyCarriesEachDocumentsBytesOnOneLineBehindItsCreateAction() {
        byte[] body = BulkWriter.body(List.of(
                new Document("events-acme-2026.12.03", "01J1", utf8("{\"a\":\"x\\ny é\"}")),
                new Document("events-acme-2026.12.03", "id \"quoted\"", utf8("{\n  \"b\": 1,\r\n  \"c\": [2]\n}"))));

        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo("{\"create\":{\"_index\":\"events-acme-2026.12.03\",\"_id\":\"01J1\"}}\n"
                        + "{\"a\":\"x\\ny é\"}\n"
                        + "{\"create\":{\"_index\":\"events-acme-2026.12.03\",\"_id\":\"id \\\"quoted\\\"\"}}\n"
                        + "{   \"b\": 1,    \"c\": [2] }\n");
    }

    @Test
    void eachItemOfTheAnswerSaysWhatBecameOfItsDocument() throws IOException {
        String answer = "{\"errors\":true,\"items\":["
                + "{\"create\":{\"status\":201}},"
                + "{\"create\":{\"status\":409,\"error\":{\"type\":\"version_conflict_engine_exception\","
                + "\"reason\":\"document already exists\"}}},"
                + "{\"create\":{\"status\":429,\"error\":{\"type\":\"es_rejected_execution_exception\",\"reason\":\"busy\"}}},"
                + "{\"create\":{\"status\":400,\"error\":{\"type\":\"mapper_parsing_exception\",\"reason\":\"bad time\","
                + "\"caused_by\":{\"type\":\"x\",\"reason\":\"y\"}}}},"
                + "{\"create\":{\"status\":404,\"error\":{\"type\":\"index_not_found_exception\",\"reason\":\"gone\"}}}]}";

        var outcomes = BulkWriter.outcomes(new ByteArrayInputStream(utf8(answer)));

        assertThat(outcomes)
                .containsExactly(
                        new Written(),
                        new Written(),
                        new Retry("es_rejected_execution_exception: busy"),
                        new Refused("mapper_parsing_exception: bad time"),
                        new Retry("index_not_found_exception: gone"));
    }

    @Test
    void anAnswerWithoutErrorsListsEveryItemAsWritten() throws IOException {
        var outcomes = BulkWriter.outcomes(new ByteArrayInputStream(
                utf8("{\"errors\":false,\"items\":[{\"create\":{\"status\":201}},{\"create\":{\"status\":201}}]}")));

        assertThat(outcomes).containsExactly(new Written(), new Written());
    }
}
