package io.socaas.ingestion.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.events.TenantId;
import io.socaas.ingestion.intake.domain.IntakeReceipt;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bulk answer gives every document its own item, in request order, also when one was dead-lettered. */
class ElasticsearchBulkItemsTest {

    @Test
    void aDeadLetteredDocumentIsANoopWithoutIdAndTheOthersKeepTheirIdsInOrder() {
        IntakeReceipt receipt = new IntakeReceipt(
                TenantId.of("acme"),
                List.of("01JNQ0A0000000000000000001", "01JNQ0A0000000000000000003"),
                List.of(new IntakeReceipt.DeadLettered(1, "normalization failed: java.lang.IllegalStateException")));

        List<Map<String, ElasticsearchBulkResource.BulkItem>> items =
                ElasticsearchBulkResource.items(receipt, List.of("create", "index", "create"));

        assertThat(items).hasSize(3);
        assertThat(items.get(0).get("create").id()).isEqualTo("01JNQ0A0000000000000000001");
        assertThat(items.get(0).get("create").status()).isEqualTo(201);
        assertThat(items.get(1).get("index").id()).isNull();
        assertThat(items.get(1).get("index").result()).isEqualTo("noop");
        assertThat(items.get(1).get("index").status()).isEqualTo(200);
        assertThat(items.get(2).get("create").id()).isEqualTo("01JNQ0A0000000000000000003");
        assertThat(items.get(2).get("create").result()).isEqualTo("created");
    }
}
