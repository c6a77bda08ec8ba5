package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * OpenStack's API requests as nova-api's WSGI server logs them (logpai/loghub {@code
 * OpenStack/OpenStack_2k.log}, where each line starts with the file it was read from): HTTP
 * Activity with the client, the path, the status and the user and project ids; the services' other
 * lines are not claimed.
 */
class OpenStackWsgiMappingsTest {

    private static final String REQUEST = "2017-05-16 00:00:00.008 25746 INFO nova.osapi_compute.wsgi.server"
            + " [req-38101a0b-2096-447d-96ea-a692162415ae 113d3a99c3da401fbd62cc2caa5b96d2"
            + " 54fadb412c4e40cdbaed9335e4c35a9e - - -] 10.11.10.1 \"GET"
            + " /v2/54fadb412c4e40cdbaed9335e4c35a9e/servers/detail HTTP/1.1\" status: 200 len: 1893 time: 0.2477829";

    @Test
    void anApiRequestIsHttpActivityWithTheClientAndTheStatus() throws Exception {
        for (String shape : new String[] {"nova-api.log.1.2017-05-16_13:53:08 " + REQUEST, REQUEST}) {
            JsonNode r = line(shape);
            assertClass(r, 4002, 3);
            assertProduct(r, "OpenStack");
            assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("10.11.10.1");
            assertThat(r.at("/http_request/url/path").asText())
                    .isEqualTo("/v2/54fadb412c4e40cdbaed9335e4c35a9e/servers/detail");
            assertThat(r.at("/http_response/code").asInt()).isEqualTo(200);
            assertThat(r.at("/actor/user/uid").asText()).isEqualTo("113d3a99c3da401fbd62cc2caa5b96d2");
            assertThat(r.at("/http_request/uid").asText()).isEqualTo("req-38101a0b-2096-447d-96ea-a692162415ae");
            assertThat(r.get("time").asLong()).isEqualTo(epochMillis("2017-05-16T00:00:00.008Z"));
        }
    }

    @Test
    void anotherLineOfTheServicesIsNotARequest() throws Exception {
        JsonNode r = line("nova-compute.log.1.2017-05-16_13:55:31 2017-05-16 03:19:50.385 2931 INFO"
                + " nova.virt.libvirt.imagecache [req-addc1839-2ed5-4778-b57e-5854eb7b8b09 - - - - -] Removable base"
                + " files: /var/lib/nova/instances/_base/a489c868f0c37da93b76227c91bb03908ac0e742");
        assertThat(r.get("class_uid").asInt()).isZero();
        assertThat(r.at("/metadata/product/name").asText()).isNotEqualTo("OpenStack");
    }
}
