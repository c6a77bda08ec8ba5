package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAllowed;
import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Forcepoint (Websense) Web Security by syslog, key=value and CEF, from the sample lines of syslog-ng's
 * Websense parser documentation, a public parser's tests and a public integration's samples (addresses
 * as published).
 */
class ForcepointWebSecurityMappingsTest {

    private static final String PRODUCT = "Web Security";

    @Test
    void keyValueTransactionsAreHttpActivity() throws Exception {
        JsonNode connect = line(
                "<159>Dec 19 10:48:57 EST 192.168.1.1 vendor=Websense product=Security product_version=7.7.0"
                        + " action=permitted severity=1 category=153 user=- src_host=192.168.2.1 src_port=62189 dst_host=example.com"
                        + " dst_ip=192.168.3.1 dst_port=443 bytes_out=197 bytes_in=76 http_response=200 http_method=CONNECT"
                        + " http_content_type=- http_user_agent=Mozilla/5.0_(Windows;_U;_Windows_NT_6.1;_enUS;_rv:1.9.2.23)_Gecko/20110920_Firefox/3.6.23"
                        + " http_proxy_status_code=200 reason=- disposition=1034 policy=- role=8 duration=0 url=https://example.com");
        assertProduct(connect, PRODUCT);
        assertClass(connect, 4002, 1);
        assertAllowed(connect);
        assertThat(connect.at("/src_endpoint/ip").asText()).isEqualTo("192.168.2.1");
        assertThat(connect.at("/dst_endpoint/ip").asText()).isEqualTo("192.168.3.1");
        assertThat(connect.at("/http_request/url/hostname").asText()).isEqualTo("example.com");
        assertThat(connect.at("/http_request/url/categories/0").asText()).isEqualTo("153");
        assertThat(connect.at("/device/ip").asText()).isEqualTo("192.168.1.1");
        assertThat(connect.at("/device/hostname").isMissingNode())
                .as(connect.toString())
                .isTrue();
        assertThat(connect.get("status_code").asText()).isEqualTo("1034");

        JsonNode get = line(
                "May 22 11:22:10 172.19.1.11 vendor=Websense product=Security product_version=7.7.0 action=permitted"
                        + " severity=1 category=76 user=WinNT://TRITON77/username src_host=172.19.1.133 src_port=55863"
                        + " dst_host=www.google.com dst_ip=74.125.71.103 dst_port=80 bytes_out=635 bytes_in=25128 http_response=200"
                        + " http_method=GET http_content_type=text/html;_charset=UTF-8 http_user_agent=Mozilla/5.0_(X11;_U;_Linux_x86_64)"
                        + " http_proxy_status_code=200 reason=- disposition=1026 policy=role-8**Default role=8 duration=0"
                        + " url=http://www.google.com/");
        assertClass(get, 4002, 3);
        assertThat(get.at("/actor/user/name").asText()).isEqualTo("WinNT://TRITON77/username");
        assertThat(get.at("/http_request/url/path").asText()).isEqualTo("/");
        assertThat(get.at("/traffic/bytes_in").asLong()).isEqualTo(25128);
        assertThat(get.at("/policy/name").asText()).isEqualTo("role-8**Default");

        JsonNode blocked =
                line("May 22 11:22:10 172.19.1.11 vendor=Websense product=Security product_version=7.7.0 action=blocked"
                        + " severity=7 category=194 user=- src_host=10.80.18.50 src_port=61603 dst_host=sentry-proxy.cargox.cc"
                        + " dst_ip=104.26.11.18 dst_port=443 bytes_out=0 bytes_in=0 http_response=0 http_method=POST"
                        + " http_content_type=- http_user_agent=- http_proxy_status_code=403 reason=- disposition=1025 policy=-"
                        + " role=8 duration=0 url=https://sentry-proxy.cargox.cc/api/3/envelope/");
        assertClass(blocked, 4002, 6);
        assertDenied(blocked);
    }

    @Test
    void cefTransactionsAreHttpActivity() throws Exception {
        JsonNode blocked = line(
                "Jun 17 10:47:00 10.10.18.11 CEF:0|Forcepoint|Security|8.5.4|194|Transaction blocked|7|"
                        + " act=blocked app=https dvc=10.10.18.11 dst=104.26.11.18 dhost=sentry-proxy.cargox.cc dpt=443 src=10.80.18.50"
                        + " spt=61603 suser=Test_User requestMethod=POST requestClientApplication=Mozilla/5.0 (Windows NT 10.0; Win64; x64)"
                        + " cs1Label=Policy cs1=Block_Risk_Category_Policy(Servers)"
                        + " request=https://sentry-proxy.cargox.cc/api/3/envelope/?sentry_key\\=e2506000e29247eba06eee9df3f011e0&sentry_version\\=7");
        assertProduct(blocked, PRODUCT);
        assertClass(blocked, 4002, 6);
        assertDenied(blocked);
        assertThat(blocked.at("/actor/user/name").asText()).isEqualTo("Test_User");
        assertThat(blocked.at("/policy/name").asText()).isEqualTo("Block_Risk_Category_Policy(Servers)");
        assertThat(blocked.at("/http_request/url/path").asText()).isEqualTo("/api/3/envelope/");
        assertThat(blocked.at("/http_request/url/categories/0").asText()).isEqualTo("194");

        JsonNode permitted =
                line("<134>May 26 08:58:41 swg01 CEF:0|Forcepoint|Security|8.5.4|222|Transaction permitted|1|"
                        + " act=permitted app=https dvc=9.8.7.6 dst=5.6.7.8 dhost=outlook.office365.com dpt=443 src=1.2.3.4 spt=50345"
                        + " suser=LDAP://4.3.2.1 OU\\=MyOrg,OU\\=Users,DC\\=Domain,DC\\=LOCAL/User 1 loginID=n_nini"
                        + " destinationTranslatedPort=47486 rt=1653555521000 in=1038458 out=3967 requestMethod=POST"
                        + " requestClientApplication=Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.10386; Pro) reason=-"
                        + " cs1Label=Policy cs1=SupAd**1,SupAd**2 cs2Label=DynCat cs2=0 cs3Label=ContentType cs3=application/mapi-http"
                        + " cn1Label=DispositionCode cn1=1026 cn2Label=ScanDuration cn2=31 request=https://outlook.office365.com/"
                        + " logRecordSource=OnPrem");
        assertClass(permitted, 4002, 6);
        assertAllowed(permitted);
        assertThat(permitted.at("/actor/user/name").asText()).isEqualTo("n_nini");
        assertThat(permitted.get("status_code").asText()).isEqualTo("1026");
        assertThat(permitted.get("time").asLong()).isEqualTo(1653555521000L);
    }

    @Test
    void otherVendorsKeyValueAndCefLinesAreNotClaimed() throws Exception {
        JsonNode zscaler = line(
                "<13>May 22 11:22:10 nss CEF:0|Zscaler|NSSWeblog|5.7|Allowed|None|3| act=Allowed reason=Allowed"
                        + " app=HTTPS dhost=www.example.com src=10.0.0.5 suser=jdoe@example.com requestMethod=CONNECT request=www.example.com:443");
        assertThat(zscaler.at("/metadata/product/name").asText()).isNotEqualTo(PRODUCT);
        JsonNode ngfw =
                line("<13>May 22 11:22:10 fw CEF:0|Forcepoint|NGFW|6.8|100001|Traffic Denied|5|act=Deny src=10.1.1.5"
                        + " dst=8.8.8.8 dpt=53 proto=UDP app=DNS");
        assertThat(ngfw.at("/metadata/product/name").asText()).isNotEqualTo(PRODUCT);
    }
}
