package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.assertStatus;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * BIND's own messages beside its query log: queries logged in a view, queries that failed with their
 * response code (query-errors), zone transfers served and refused, dynamic updates applied and
 * refused. Lines written from the messages named writes (query.c, xfrout.c, update.c).
 */
class BindServerEventsMappingsTest {

    private static final String BIND = "BIND";

    @Test
    void aQueryInAViewHasTheQueryAndTheServersAddress() throws Exception {
        JsonNode query =
                line("<30>Mar  1 09:00:00 ns1 named[812]: client @0x7f3a2c0 192.0.2.44#53811 (www.example.com):"
                        + " view internal: query: www.example.com IN AAAA +E(0)K (192.0.2.53)");
        assertThat(query.get("class_uid").asInt()).as("class of %s", query).isEqualTo(4003);
        assertThat(query.get("activity_id").asInt()).isEqualTo(1);
        assertThat(query.at("/query/hostname").asText()).isEqualTo("www.example.com");
        assertThat(query.at("/query/type").asText()).isEqualTo("AAAA");
        assertThat(query.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.44");
        assertThat(query.at("/dst_endpoint/ip").asText()).isEqualTo("192.0.2.53");
        assertProduct(query, BIND);
    }

    @Test
    void linesOfBindsOwnLogFilesAreReadWithTheirTime() throws Exception {
        // a logging channel to a file: with print-time, print-category and print-severity, and without
        JsonNode printed = line("01-Mar-2026 09:00:00.123 queries: info: client @0x7f3a2c0 192.0.2.44#53811"
                + " (files.example.com): query: files.example.com IN A +E(0)K (192.0.2.53)");
        assertProduct(printed, BIND);
        assertThat(printed.get("class_uid").asInt()).isEqualTo(4003);
        assertThat(printed.at("/query/hostname").asText()).isEqualTo("files.example.com");
        assertThat(printed.at("/src_endpoint/port").asInt()).isEqualTo(53811);
        assertThat(printed.get("time").asLong())
                .isEqualTo(java.time.Instant.parse("2026-03-01T09:00:00.123Z").toEpochMilli());
        JsonNode bare = line("client @0x7f3a2c0 198.51.100.8#40000 (mail.example.org): query: mail.example.org IN MX"
                + " -E(0)DC (192.0.2.53)");
        assertProduct(bare, BIND);
        assertThat(bare.at("/query/type").asText()).isEqualTo("MX");
        JsonNode failed = line("01-Mar-2026 09:00:02.001 query-errors: info: client @0x7f3a2c0 203.0.113.9#40112"
                + " (example.org): query failed (REFUSED) for example.org/IN/ANY at query.c:7133");
        assertThat(failed.get("activity_id").asInt()).isEqualTo(2);
        assertThat(failed.get("rcode").asText()).isEqualTo("Refused");
        // another program's line about a client is not BIND's
        assertThat(line("client 192.0.2.1 connected (session 42)")
                        .at("/metadata/product/name")
                        .asText())
                .isNotEqualTo(BIND);
    }

    @Test
    void aFailedQueryIsAResponseWithItsCode() throws Exception {
        JsonNode refused = line("<27>Mar  1 09:00:01 ns1 named[812]: query-errors: client @0x7f3a2c0 203.0.113.9#40112"
                + " (example.org): query failed (REFUSED) for example.org/IN/ANY at query.c:7133");
        assertThat(refused.get("activity_id").asInt())
                .as("activity of %s", refused)
                .isEqualTo(2);
        assertThat(refused.get("rcode_id").asInt()).isEqualTo(5);
        assertThat(refused.get("rcode").asText()).isEqualTo("Refused");
        assertThat(refused.at("/query/type").asText()).isEqualTo("ANY");
        assertThat(refused.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.9");
        assertStatus(refused, 2);
        JsonNode servfail =
                line("<27>Mar  1 09:00:02 ns1 named[812]: client @0x7f3a2c0 192.0.2.44#53812 (lab.example.net):"
                        + " query failed (SERVFAIL) for lab.example.net/IN/A at query.c:8480");
        assertThat(servfail.get("rcode_id").asInt()).isEqualTo(2);
        assertThat(servfail.at("/query/hostname").asText()).isEqualTo("lab.example.net");
    }

    @Test
    void zoneTransfersServedAndRefusedNameTheZoneAndTheClient() throws Exception {
        JsonNode served = line("<30>Mar  1 09:01:00 ns1 named[812]: client @0x7f3a2c0 198.51.100.7#41022 (example.com):"
                + " transfer of 'example.com/IN': AXFR started (serial 2026030101)");
        assertThat(served.get("class_uid").asInt()).as("class of %s", served).isEqualTo(4003);
        assertThat(served.get("activity_id").asInt()).isEqualTo(1);
        assertThat(served.at("/query/hostname").asText()).isEqualTo("example.com");
        assertThat(served.at("/query/type").asText()).isEqualTo("AXFR");
        assertThat(served.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.7");
        assertStatus(served, 1);

        JsonNode denied = line("<28>Mar  1 09:01:05 ns1 named[812]: client @0x7f3a2c0 203.0.113.66#50391 (example.com):"
                + " zone transfer 'example.com/AXFR/IN' denied");
        assertThat(denied.get("class_uid").asInt()).as("class of %s", denied).isEqualTo(4003);
        assertThat(denied.at("/query/type").asText()).isEqualTo("AXFR");
        assertThat(denied.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.66");
        assertStatus(denied, 2);
        assertDenied(denied);
    }

    @Test
    void dynamicUpdatesAppliedAndRefusedAreDnsUpdates() throws Exception {
        JsonNode applied = line("<30>Mar  1 09:02:00 ns1 named[812]: client @0x7f3a2c0 192.0.2.20#61020/key dhcp-key:"
                + " updating zone 'example.com/IN': adding an RR at 'laptop-17.example.com' A 192.0.2.41");
        assertThat(applied.get("class_uid").asInt()).as("class of %s", applied).isEqualTo(4003);
        assertThat(applied.at("/query/opcode_id").asInt()).isEqualTo(5);
        assertThat(applied.at("/query/hostname").asText()).isEqualTo("laptop-17.example.com");
        assertThat(applied.at("/query/type").asText()).isEqualTo("A");
        assertStatus(applied, 1);

        JsonNode refused = line("<28>Mar  1 09:02:05 ns1 named[812]: client @0x7f3a2c0 203.0.113.80#3371 (example.com):"
                + " update 'example.com/IN' denied");
        assertThat(refused.at("/query/opcode").asText())
                .as("opcode of %s", refused)
                .isEqualTo("Update");
        assertThat(refused.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.80");
        assertDenied(refused);
    }

    @Test
    void queryNamesAreReadWithTheEscapesNamedPrintsReadBack() throws Exception {
        JsonNode query = line("<30>Mar  1 09:03:10 ns2 named[977]: client @0x7f91c8 192.0.2.71#49152"
                + " (Office\\032Printer._ipp._tcp.lan.example.com): query: Office\\032Printer._ipp._tcp.lan.example.com"
                + " IN SRV + (192.0.2.53)");
        assertThat(query.at("/query/hostname").asText()).isEqualTo("Office Printer._ipp._tcp.lan.example.com");
        assertThat(query.at("/query/type").asText()).isEqualTo("SRV");
        assertProduct(query, BIND);

        JsonNode failed = line(
                "<29>Mar  1 09:03:11 ns2 named[977]: client @0x7f91c8 198.51.100.14#33010"
                        + " (m\\195\\188nchen.example.de): query failed (SERVFAIL) for m\\195\\188nchen.example.de/IN/A at query.c:7102");
        assertThat(failed.at("/query/hostname").asText()).isEqualTo("m\u00fcnchen.example.de");
        assertThat(failed.get("rcode_id").asInt()).isEqualTo(2);

        // bytes that are no UTF-8 keep their escapes, and a control character is never written raw
        JsonNode latin1 = line("<30>Mar  1 09:03:12 ns2 named[977]: client @0x7f91c8 192.0.2.72#49153"
                + " (x): query: stra\\223e.example.de IN A + (192.0.2.53)");
        assertThat(latin1.at("/query/hostname").asText()).isEqualTo("stra\\223e.example.de");
        JsonNode control = line("<30>Mar  1 09:03:13 ns2 named[977]: client @0x7f91c8 192.0.2.73#49154"
                + " (x): query: a\\009b\\032c.example.net IN A + (192.0.2.53)");
        assertThat(control.at("/query/hostname").asText()).isEqualTo("a\\009b c.example.net");
    }
}
