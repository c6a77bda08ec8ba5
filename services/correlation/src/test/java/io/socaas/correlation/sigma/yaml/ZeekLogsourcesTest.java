package io.socaas.correlation.sigma.yaml;

import static io.socaas.correlation.sigma.yaml.IngestedEvents.DNS;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.assumeCorpus;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.fired;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.firedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.id;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingested;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingestedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.logsources;
import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.sigma.domain.Logsource;
import org.junit.jupiter.api.Test;

/**
 * Zeek's logs, as JSON and as its tab-separated lines, reach SigmaHQ's Zeek rules (product zeek,
 * service dns, http, smb_files, kerberos, rdp, x509) under Zeek's own field names, and fire on the
 * traffic they describe and not on the same log's ordinary traffic. Without the corpus ({@code
 * SOCAAS_CORPUS}) the tests are skipped.
 */
class ZeekLogsourcesTest {

    private static final String TOR_PROXY = "rules/network/zeek/zeek_dns_torproxy.yml";
    private static final String WEBDAV_PUT = "rules/network/zeek/zeek_http_webdav_put_request.yml";
    private static final String PSEXEC = "rules/network/zeek/zeek_smb_converted_win_susp_psexec.yml";
    private static final String KERBEROS_RC4 = "rules/network/zeek/zeek_susp_kerberos_rc4.yml";
    private static final String RDP_PUBLIC = "rules/network/zeek/zeek_rdp_public_listener.yml";
    private static final String COBALT_CERT = "rules/network/zeek/zeek_default_cobalt_strike_certificate.yml";

    private static String dnsJson(String query) {
        return "{\"_path\":\"dns\",\"ts\":\"2026-03-01T09:58:00.123456Z\",\"uid\":\"CHhAvVGS1DHFjwGM9\","
                + "\"id.orig_h\":\"10.0.0.5\",\"id.orig_p\":53000,\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":53,"
                + "\"proto\":\"udp\",\"trans_id\":4711,\"rtt\":0.01,\"query\":\"" + query + "\",\"qclass\":1,"
                + "\"qclass_name\":\"C_INTERNET\",\"qtype\":1,\"qtype_name\":\"A\",\"rcode\":0,\"rcode_name\":\"NOERROR\","
                + "\"AA\":false,\"TC\":false,\"RD\":true,\"RA\":true,\"Z\":0,\"answers\":[\"198.51.100.1\"],"
                + "\"TTLs\":[60.0],\"rejected\":false}";
    }

    private static String dnsTsv(String query) {
        return "1772359080.123456\tCHhAvVGS1DHFjwGM9\t10.0.0.5\t53000\t10.0.0.2\t53\tudp\t4711\t0.010000\t" + query
                + "\t1\tC_INTERNET\t1\tA\t0\tNOERROR\tF\tF\tT\tT\t0\t198.51.100.1\t60.000000\tF";
    }

    @Test
    void dnsQueriesReachZeeksAndTheGenericDnsRulesInBothForms() {
        assumeCorpus();
        Logsource zeekDns = new Logsource("zeek", null, "dns");
        for (var event : java.util.List.of(ingestedJson(dnsJson("x.onion")), ingested(dnsTsv("x.onion")))) {
            assertThat(logsources(event)).contains(zeekDns, new Logsource("zeek", "dns", "dns"));
            assertThat(logsources(event)).extracting(Logsource::category).contains(DNS.category());
        }
        assertThat(firedJson(dnsJson("mirror.x.onion"))).contains(id(TOR_PROXY));
        assertThat(fired(dnsTsv("mirror.x.onion")))
                .containsExactlyInAnyOrderElementsOf(firedJson(dnsJson("mirror.x.onion")));
        assertThat(firedJson(dnsJson("www.example.org"))).doesNotContain(id(TOR_PROXY));
        assertThat(fired(dnsTsv("www.example.org"))).doesNotContain(id(TOR_PROXY));
    }

    private static String http(String method, String userAgent, String server) {
        return "{\"ts\":1772359080.5,\"uid\":\"C5\",\"id.orig_h\":\"10.0.0.5\",\"id.orig_p\":51000,\"id.resp_h\":\""
                + server + "\",\"id.resp_p\":80,\"trans_depth\":1,\"method\":\"" + method
                + "\",\"host\":\"files.example.net\",\"uri\":\"/dav/report.docx\",\"version\":\"1.1\","
                + "\"user_agent\":\"" + userAgent + "\",\"request_body_len\":73802,\"response_body_len\":0,"
                + "\"status_code\":201,\"status_msg\":\"Created\",\"tags\":[]}";
    }

    @Test
    void aWebdavUploadToAnOutsideServerFiresAndOrdinaryRequestsDoNot() {
        assumeCorpus();
        String webdav = "Microsoft-WebDAV-MiniRedir/10.0.19045";
        assertThat(logsources(ingestedJson(http("PUT", webdav, "203.0.113.80"))))
                .contains(new Logsource("zeek", null, "http"));
        assertThat(firedJson(http("PUT", webdav, "203.0.113.80"))).contains(id(WEBDAV_PUT));
        assertThat(firedJson(http("GET", webdav, "203.0.113.80"))).doesNotContain(id(WEBDAV_PUT));
        assertThat(firedJson(http("PUT", "curl/8.5.0", "203.0.113.80"))).doesNotContain(id(WEBDAV_PUT));
        // the rule's filter: a server inside the network
        assertThat(firedJson(http("PUT", webdav, "10.0.0.80"))).doesNotContain(id(WEBDAV_PUT));
    }

    @Test
    void psexecPipesKerberosRc4PublicRdpAndCobaltStrikeCertificatesFire() {
        assumeCorpus();
        String smb = "{\"ts\":1772359080.5,\"uid\":\"C12\",\"id.orig_h\":\"10.0.0.5\",\"id.orig_p\":49003,"
                + "\"id.resp_h\":\"10.0.0.30\",\"id.resp_p\":445,\"fuid\":\"F1\",\"action\":\"SMB::FILE_OPEN\","
                + "\"path\":\"\\\\\\\\FS01\\\\IPC$\",\"name\":\"%s\",\"size\":0}";
        assertThat(logsources(ingestedJson(smb.formatted("x")))).contains(new Logsource("zeek", null, "smb_files"));
        assertThat(firedJson(smb.formatted("RemCom-WS05-1234-stdin"))).contains(id(PSEXEC));
        assertThat(firedJson(smb.formatted("PSEXESVC-WS05-1234-stdin"))).doesNotContain(id(PSEXEC));
        assertThat(firedJson(smb.formatted("srvsvc"))).doesNotContain(id(PSEXEC));

        String kerberos = "{\"ts\":1772359080.5,\"uid\":\"C9\",\"id.orig_h\":\"10.0.0.5\",\"id.orig_p\":49000,"
                + "\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":88,\"request_type\":\"TGS\",\"client\":\"alice/CORP.LOCAL\","
                + "\"service\":\"MSSQLSvc/db01.corp.local:1433\",\"success\":true,\"cipher\":\"%s\"}";
        assertThat(firedJson(kerberos.formatted("rc4-hmac"))).contains(id(KERBEROS_RC4));
        assertThat(firedJson(kerberos.formatted("aes256-cts-hmac-sha1-96"))).doesNotContain(id(KERBEROS_RC4));

        String rdp = "{\"ts\":1772359080.5,\"uid\":\"C11\",\"id.orig_h\":\"%s\",\"id.orig_p\":49002,"
                + "\"id.resp_h\":\"10.0.0.30\",\"id.resp_p\":3389,\"cookie\":\"administrator\",\"result\":\"encrypted\","
                + "\"security_protocol\":\"HYBRID\"}";
        assertThat(firedJson(rdp.formatted("203.0.113.50"))).contains(id(RDP_PUBLIC));
        assertThat(firedJson(rdp.formatted("192.168.1.20"))).doesNotContain(id(RDP_PUBLIC));

        String x509 = "{\"ts\":1772359080.5,\"id\":\"FxyZ\",\"certificate.version\":3,\"certificate.serial\":\"%s\","
                + "\"certificate.subject\":\"CN=\",\"certificate.issuer\":\"CN=\"}";
        assertThat(firedJson(x509.formatted("8BB00EE"))).contains(id(COBALT_CERT));
        assertThat(firedJson(x509.formatted("0A1B2C3D4E5F"))).doesNotContain(id(COBALT_CERT));
    }

    @Test
    void otherSourcesAreNotZeeks() {
        assumeCorpus();
        // Suricata's EVE DNS record: its own product, not Zeek's logs
        String eve = "{\"timestamp\":\"2026-03-01T09:58:00.123456+0000\",\"flow_id\":1,\"event_type\":\"dns\","
                + "\"src_ip\":\"10.0.0.5\",\"src_port\":53000,\"dest_ip\":\"10.0.0.2\",\"dest_port\":53,\"proto\":\"UDP\","
                + "\"dns\":{\"type\":\"query\",\"id\":4711,\"rrname\":\"x.onion\",\"rrtype\":\"A\"}}";
        assertThat(logsources(ingestedJson(eve))).extracting(Logsource::product).doesNotContain("zeek");
        assertThat(firedJson(eve)).doesNotContain(id(TOR_PROXY));
    }
}
