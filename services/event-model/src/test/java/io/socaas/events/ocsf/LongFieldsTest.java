package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fields far longer than usual (a scanner's 20 KB query string, a long SQL statement in a database
 * log, a long quoted value in a CSV export) are read as the short ones are: a mapping's pattern
 * holds whatever a field's length, and a pattern that cannot be evaluated on a text never stops the
 * line from being normalized.
 */
class LongFieldsTest {

    private static final String LONG_QUERY = "id=1%27%20UNION%20SELECT%20" + "0x41,".repeat(4000) + "NULL--";

    @Test
    void anAccessLogRequestWithAVeryLongQueryIsStillHttpActivity() throws Exception {
        for (String prefix : new String[] {"", "<134>Mar  1 10:00:00 web01 nginx: "}) {
            JsonNode r = line(prefix + "203.0.113.9 - - [01/Mar/2026:10:00:00 +0000] \"GET /products.php?" + LONG_QUERY
                    + " HTTP/1.1\" 403 162 \"-\" \"sqlmap/1.8.2#stable (https://sqlmap.org)\"");
            assertThat(r.get("class_uid").asInt()).isEqualTo(4002);
            assertThat(r.at("/http_request/url/path").asText()).isEqualTo("/products.php");
            assertThat(r.at("/http_request/url/query_string").asText()).isEqualTo(LONG_QUERY);
            assertThat(r.at("/http_response/code").asInt()).isEqualTo(403);
            assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.9");
        }
        // a path of escaped characters, as nginx writes bytes it does not print
        JsonNode escaped = line("198.51.100.4 - - [01/Mar/2026:10:00:00 +0000] \"GET /" + "\\x16\\x03\\x01".repeat(3000)
                + " HTTP/1.1\" 400 150 \"-\" \"-\"");
        assertThat(escaped.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(escaped.at("/http_response/code").asInt()).isEqualTo(400);
    }

    @Test
    void aPostgresqlCsvLogLineWithALongStatementIsRead() throws Exception {
        String near = "x".repeat(20_000);
        JsonNode r = line("2026-03-01 10:00:00.123 UTC,\"app\",\"shop\",4242,\"203.0.113.7:50000\",65e1a2b3.1092,1,"
                + "\"SELECT\",2026-03-01 09:59:58 UTC,3/17,0,ERROR,42601,\"syntax error at or near \"\"" + near
                + "\"\"\",,,,,,\"SELECT 1\",,,\"psql\",\"client backend\",,0");
        assertThat(r.at("/metadata/product/name").asText()).isEqualTo("PostgreSQL");
        assertThat(r.at("/unmapped/pgUser").asText()).isEqualTo("app");
        assertThat(r.at("/unmapped/pgDatabase").asText()).isEqualTo("shop");
        assertThat(r.at("/unmapped/pgMessage").asText()).endsWith(near + "\"\"");
    }

    @Test
    void aPatternThatCannotBeEvaluatedOnALongTextHoldsForNoneOfItAndTheLineIsKept() throws Exception {
        // an alternation repeated per character: java.util.regex recurses once per repetition
        String file = """
                {"name": "t", "product": {"name": "T"},
                 "match": {"pattern": "^T: (?<word>(?:a|b)*)$"},
                 "events": [{"when": {"word": "*"}, "class_uid": 4001, "activity_id": 5}],
                 "default": {"class_uid": 0, "activity_id": 99}}""";
        OcsfNormalizer own = new OcsfNormalizer(
                OcsfMappings.parse(Map.of("t.json", file)), Duration.ofDays(365), Duration.ofDays(1));
        assertThat(line(own, "T: abab").get("class_uid").asInt()).isEqualTo(4001);

        String longLine = "T: " + "ab".repeat(200_000);
        JsonNode r = line(own, longLine);
        assertThat(r.get("class_uid").asInt()).isZero();
        assertThat(r.at("/metadata/product/name").asText()).isNotEqualTo("T");
        assertThat(r.get("raw_data").asText()).isEqualTo(longLine);
    }
}
