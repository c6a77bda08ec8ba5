package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * FortiProxy's (and FortiOS's explicit web proxy's) HTTP transaction logs, type traffic subtype
 * http-transaction, read by the FortiGate file as HTTP Activity. The lines are Elastic's fortinet_fortiproxy
 * pipeline tests (packages/fortinet_fortiproxy/data_stream/log/_dev/test/pipeline/test-example.log).
 */
class FortinetWebProxyTransactionMappingsTest {

    @Test
    void anHttpTransactionIsHttpActivityWithTheUrlStatusAndUser() throws Exception {
        JsonNode connect = line("<189>date=2024-06-07 time=09:33:38 devname=\"TEST-PXY01\" devid=\"FPXTESTPXY01\""
                + " eventtime=1717770818783036000 tz=\"-0600\" logid=\"0010000099\" type=\"traffic\" subtype=\"http-transaction\""
                + " level=\"notice\" vd=\"root\" srcip=10.10.0.2 dstip=67.43.156.183 tranip=172.16.0.173 clientip=10.10.0.2"
                + " scheme=\"https\" srcport=57783 dstport=443 tranport=5360 hostname=\"google.com\" url=\"https://google.com/\""
                + " prefetch=0 policyid=1 sessionid=370197373 transid=139874926 reqlength=250 resplength=0 rcvdbyte=40"
                + " sentbyte=250 resptype=\"normal\" user=\"TEST-USER\" group=\"TEST-GROUP\" httpmethod=\"CONNECT\""
                + " agent=\"Mozilla/5.0 (Linux; Android 10) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/99.0.4844.88 Mobile"
                + " Safari/537.36\" statuscode=\"200\" rawdata=\"Time=50ms|Header-Host=google.com:443\" reqtime=1717770818"
                + " resptime=1717770818 respfinishtime=1717770818 duration=50 appcat=\"APP-CAT\"");
        assertProduct(connect, "FortiGate");
        assertClass(connect, 4002, 1);
        assertThat(connect.at("/http_request/url/url_string").asText()).isEqualTo("https://google.com/");
        assertThat(connect.at("/http_request/url/hostname").asText()).isEqualTo("google.com");
        assertThat(connect.at("/http_request/http_method").asText()).isEqualTo("CONNECT");
        assertThat(connect.at("/http_response/code").asInt()).isEqualTo(200);
        assertThat(connect.at("/actor/user/name").asText()).isEqualTo("TEST-USER");
        assertThat(connect.at("/src_endpoint/ip").asText()).isEqualTo("10.10.0.2");
        assertThat(connect.at("/dst_endpoint/ip").asText()).isEqualTo("67.43.156.183");
        assertThat(connect.at("/http_request/length").asLong()).isEqualTo(250);

        JsonNode get = line("<189>date=2024-05-07 time=08:53:21 devname=\"TEST-PXY01\" devid=\"FPXTESTPXY01\""
                + " eventtime=1715097201627718958 tz=\"-0700\" logid=\"0010000099\" type=\"traffic\" subtype=\"http-transaction\""
                + " level=\"notice\" vd=\"root\" srcip=10.0.0.3 dstip=67.43.156.142 clientip=10.0.0.3 scheme=\"https\""
                + " srcport=40946 dstport=443 hostname=\"google.com\" url=\"https://google.com/\" prefetch=0 policyid=2"
                + " sessionid=1781818007 transid=1 reqlength=155 resplength=0 rcvdbyte=0 sentbyte=743 resptype=\"generated\""
                + " httpmethod=\"GET\" agent=\"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:109.0) Gecko/20100101"
                + " Firefox/115.0\" statuscode=\"403\" rawdata=\"Time=0ms|Header-Host=google.com\" reqtime=1715097201"
                + " resptime=0 respfinishtime=1715097201 duration=0 appcat=\"unscanned\"");
        assertClass(get, 4002, 3);
        assertThat(get.at("/http_response/code").asInt()).isEqualTo(403);
        assertThat(get.at("/http_request/user_agent").asText()).startsWith("Mozilla/5.0 (Windows NT 10.0");
    }

    @Test
    void theProxysForwardTrafficLogsStayNetworkActivity() throws Exception {
        JsonNode forward = line("<189>date=2024-05-07 time=08:53:21 devname=\"TEST-PXY01\" devid=\"FPXTESTPXY01\""
                + " eventtime=1715097201578825283 tz=\"-0700\" logid=\"0000000013\" type=\"traffic\" subtype=\"forward\""
                + " level=\"notice\" vd=\"root\" srcip=10.0.0.3 srcport=40946 srcintf=\"port2\" srcintfrole=\"lan\""
                + " dstip=67.43.156.142 dstport=443 dstintf=\"port1\" dstintfrole=\"undefined\" srccountry=\"Reserved\""
                + " dstcountry=\"United States\" sessionid=1781818007 proto=6 action=\"deny\" policyid=2 policytype=\"policy\""
                + " poluuid=\"595c071a-0bc3-51ef-1966-4c130f19e4e5\" policyname=\"no-google\" service=\"HTTPS\" trandisp=\"noop\""
                + " url=\"https://google.com/\" agent=\"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:109.0) Gecko/20100101"
                + " Firefox/115.0\" duration=0 sentbyte=0 rcvdbyte=0 sentpkt=0 rcvdpkt=0 appcat=\"unscanned\" crscore=30"
                + " craction=131072 crlevel=\"high\" msg=\"Traffic denied because of explicit proxy policy\"");
        assertClass(forward, 4001, 5);
        assertThat(forward.at("/firewall_rule/name").asText()).isEqualTo("no-google");
    }
}
