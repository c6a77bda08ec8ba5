package io.socaas.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.events.ocsf.OcsfNormalizer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bulk requests of Elasticsearch's API, as Winlogbeat, Filebeat, Logstash, Fluent Bit and Vector
 * send them, read as their documents; the documents are events like any other.
 */
class ElasticsearchBulkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final EventBatchParser parser = new EventBatchParser(10, 100_000);

    private List<ElasticsearchBulk.Document> documents(String body) {
        return ElasticsearchBulk.documents(
                parser.objects(body.getBytes(StandardCharsets.UTF_8), EventBatchParser.Format.NDJSON));
    }

    private static JsonNode normalized(JsonEvent event) throws Exception {
        return JSON.readTree(OcsfNormalizer.withShippedMappings()
                .normalize(
                        event, new OcsfNormalizer.Context(TenantId.of("acme"), IngestIds.next(), Instant.now(), "es"))
                .event()
                .toJsonBytes());
    }

    @Test
    void theDocumentsOfCreateAndIndexActionsAreEventsInOrder() throws Exception {
        // Winlogbeat 8's create actions into its data stream, then Logstash's index action
        List<ElasticsearchBulk.Document> documents = documents("""
                {"create":{"_index":"winlogbeat-8.19.0"}}
                {"@timestamp":"2026-03-01T09:59:59.000Z","event":{"code":"4625","provider":"Microsoft-Windows-Security-Auditing"},"winlog":{"channel":"Security","event_id":"4625","computer_name":"dc01.example.com","event_data":{"TargetUserName":"administrator","TargetDomainName":"EXAMPLE","IpAddress":"203.0.113.7","LogonType":"3","Status":"0xc000006d"}}}
                {"index":{"_index":"logs","_id":"a1"}}
                {"@timestamp":"2026-03-01T10:00:00.000Z","message":"Mar  1 10:00:00 web01 sshd[123]: Failed password for root from 203.0.113.9 port 4444 ssh2"}
                """);
        assertThat(documents).extracting(ElasticsearchBulk.Document::action).containsExactly("create", "index");
        assertThat(documents)
                .extracting(ElasticsearchBulk.Document::index)
                .containsExactly("winlogbeat-8.19.0", "logs");
        assertThat(documents)
                .extracting(ElasticsearchBulk.Document::id)
                .as("Logstash's document_id names the second")
                .containsExactly(null, "a1");

        JsonNode logon = normalized(documents.get(0).event());
        assertThat(logon.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(logon.get("status_id").asInt()).isEqualTo(2);
        assertThat(logon.at("/user/name").asText()).isEqualTo("administrator");
        assertThat(logon.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.7");
        JsonNode line = normalized(documents.get(1).event());
        assertThat(line.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(line.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.9");
    }

    @Test
    void aDocumentShapedLikeAFileOfRecordsStaysOneDocument() {
        // the pairs of a bulk body are read in order; nothing inside a document is opened
        List<ElasticsearchBulk.Document> documents = documents("""
                {"create":{}}
                {"records":[{"a":1},{"a":2}]}
                {"create":{}}
                {"b":2}
                """);
        assertThat(documents).hasSize(2);
        assertThat(documents.get(0).event().has("records")).isTrue();
        assertThat(documents.get(1).event().has("b")).isTrue();
    }

    @Test
    void actionsThatChangeStoredDocumentsOrBrokenPairsAreRefusedWithThePosition() {
        assertThatThrownBy(() ->
                        documents("{\"create\":{}}\n{\"a\":1}\n{\"update\":{\"_id\":\"x\"}}\n{\"doc\":{\"a\":2}}"))
                .isInstanceOfSatisfying(InvalidEventBatchException.class, e -> {
                    assertThat(e.getMessage()).contains("'update' is not accepted");
                    assertThat(e.event()).hasValue(1);
                });
        assertThatThrownBy(() -> documents("{\"delete\":{\"_id\":\"x\"}}"))
                .isInstanceOf(InvalidEventBatchException.class)
                .hasMessageContaining("'delete'");
        assertThatThrownBy(() -> documents("{\"create\":{}}\n{\"a\":1}\n{\"create\":{}}"))
                .isInstanceOfSatisfying(InvalidEventBatchException.class, e -> {
                    assertThat(e.getMessage()).contains("no document after it");
                    assertThat(e.event()).hasValue(1);
                });
        assertThatThrownBy(() -> documents("{\"message\":\"a line without its action\"}\n{\"create\":{}}"))
                .isInstanceOf(InvalidEventBatchException.class)
                .hasMessageContaining("not accepted");
        assertThatThrownBy(() -> documents("{\"create\":{},\"index\":{}}\n{\"a\":1}"))
                .isInstanceOf(InvalidEventBatchException.class)
                .hasMessageContaining("one member");
    }
}
