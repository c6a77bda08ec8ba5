package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAllowed;
import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Sophos UTM's web filter: a user warned about a category who went on to the page (id 0072). The lines are
 * Elastic's sophos integration tests (packages/sophos/data_stream/utm/_dev/test/pipeline/test-sophos-utm-http.log).
 */
class SophosUtmWarnedAndProceededMappingsTest {

    @Test
    void aUserWhoWentOnAfterTheWarningIsAnAllowedRequestWithTheUrlAndCategory() throws Exception {
        JsonNode r = line(
                "2023:03:08-15:19:36 sophos-test-vm1 httpproxy[6267]: id=\"0072\" severity=\"info\" sys=\"SecureWeb\""
                        + " sub=\"http\" name=\"Contentfilter warned and proceeded\" url=\"https://myurl.test.com/extension\""
                        + " srcip=\"67.43.156.2\" category=\"9998\" categoryname=\"Uncategorized\"");
        assertProduct(r, "UTM");
        assertClass(r, 4002, 99);
        assertAllowed(r);
        assertThat(r.at("/http_request/url/hostname").asText()).isEqualTo("myurl.test.com");
        assertThat(r.at("/http_request/url/path").asText()).isEqualTo("/extension");
        assertThat(r.at("/http_request/url/categories/0").asText()).isEqualTo("Uncategorized");
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("67.43.156.2");
    }

    @Test
    void theProxysOwnErrorsStayBaseEvents() throws Exception {
        JsonNode error = line("2023:03:08-15:00:50 sophos-test-vm1 httpproxy[6267]: id=\"0003\" severity=\"info\""
                + " sys=\"SecureWeb\" sub=\"http\" request=\"0x7fadb4088d00\" function=\"ssl_raw_read\" file=\"ssl.c\""
                + " line=\"1012\" message=\"SSL_ERROR_SYSCALL: ret=-1 error=Broken pipe\"");
        assertProduct(error, "UTM");
        assertThat(error.get("class_uid").asInt()).isZero();
    }
}
