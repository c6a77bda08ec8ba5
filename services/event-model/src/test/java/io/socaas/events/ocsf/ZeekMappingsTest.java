package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.assertStatus;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Zeek's logs as JSON (Zeek's json-logs policy, Security Onion, Corelight), one record of each log
 * written from Zeek's documented fields, and its tab-separated conn, dns, http, files, notice and weird lines as
 * Bro 2.x and Zeek 3+ write them without their header: each log reaches its OCSF class with both
 * ends of the connection.
 */
class ZeekMappingsTest {

    private static final String CONN_SF =
            "{\"_path\":\"conn\",\"_system_name\":\"sensor1\",\"ts\":\"2026-03-01T09:58:00.123456Z\",\"uid\":\"CHhAvVGS1DHFjwGM9\",\"id.orig_h\":\"192.168.1.10\",\"id.orig_p\":52514,\"id.resp_h\":\"93.184.216.34\",\"id.resp_p\":443,\"proto\":\"tcp\",\"service\":\"ssl\",\"duration\":12.5,\"orig_bytes\":1200,\"resp_bytes\":54000,\"conn_state\":\"SF\",\"local_orig\":true,\"local_resp\":false,\"missed_bytes\":0,\"history\":\"ShADadFf\",\"orig_pkts\":20,\"orig_ip_bytes\":2240,\"resp_pkts\":45,\"resp_ip_bytes\":56400,\"community_id\":\"1:abc=\"}";
    private static final String CONN_REJ =
            "{\"ts\":1772359080.5,\"uid\":\"C1\",\"id.orig_h\":\"10.0.0.5\",\"id.orig_p\":40000,\"id.resp_h\":\"10.0.0.9\",\"id.resp_p\":23,\"proto\":\"tcp\",\"conn_state\":\"REJ\",\"history\":\"Sr\",\"orig_pkts\":1,\"resp_pkts\":1}";
    private static final String CONN_S0 =
            "{\"ts\":1772359080.5,\"uid\":\"C2\",\"id.orig_h\":\"10.0.0.5\",\"id.orig_p\":40000,\"id.resp_h\":\"10.0.0.9\",\"id.resp_p\":445,\"proto\":\"tcp\",\"conn_state\":\"S0\",\"history\":\"S\"}";
    private static final String DNS_NXDOMAIN =
            "{\"ts\":1772359080.5,\"uid\":\"C3\",\"id\":{\"orig_h\":\"10.0.0.5\",\"orig_p\":53000,\"resp_h\":\"10.0.0.2\",\"resp_p\":53},\"proto\":\"udp\",\"trans_id\":4711,\"rtt\":0.01,\"query\":\"evil.onion\",\"qclass\":1,\"qclass_name\":\"C_INTERNET\",\"qtype\":1,\"qtype_name\":\"A\",\"rcode\":3,\"rcode_name\":\"NXDOMAIN\",\"AA\":false,\"TC\":false,\"RD\":true,\"RA\":true,\"Z\":0,\"rejected\":false}";
    private static final String DNS_QUERY =
            "{\"ts\":1772359080.5,\"uid\":\"C4\",\"id.orig_h\":\"10.0.0.5\",\"id.orig_p\":53000,\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":53,\"proto\":\"udp\",\"trans_id\":4712,\"query\":\"example.org\",\"qtype_name\":\"AAAA\"}";
    private static final String HTTP_PUT =
            "{\"ts\":1772359080.5,\"uid\":\"C5\",\"id.orig_h\":\"10.0.0.5\",\"id.orig_p\":51000,\"id.resp_h\":\"203.0.113.80\",\"id.resp_p\":80,\"trans_depth\":1,\"method\":\"PUT\",\"host\":\"files.example.net\",\"uri\":\"/dav/x.exe\",\"version\":\"1.1\",\"user_agent\":\"Microsoft-WebDAV-MiniRedir/10.0.19045\",\"request_body_len\":73802,\"response_body_len\":0,\"status_code\":201,\"status_msg\":\"Created\",\"tags\":[]}";
    private static final String SSL =
            "{\"ts\":1772359080.5,\"uid\":\"C6\",\"id.orig_h\":\"10.0.0.5\",\"id.orig_p\":51001,\"id.resp_h\":\"203.0.113.81\",\"id.resp_p\":443,\"version\":\"TLSv13\",\"cipher\":\"TLS_AES_128_GCM_SHA256\",\"curve\":\"x25519\",\"server_name\":\"login.example.com\",\"resumed\":false,\"established\":true,\"ssl_history\":\"CsiI\",\"ja3\":\"abc\"}";
    private static final String SSH =
            "{\"ts\":1772359080.5,\"uid\":\"C7\",\"id.orig_h\":\"203.0.113.9\",\"id.orig_p\":50000,\"id.resp_h\":\"10.0.0.22\",\"id.resp_p\":22,\"version\":2,\"auth_success\":false,\"auth_attempts\":3,\"direction\":\"INBOUND\",\"client\":\"SSH-2.0-libssh2_1.9.0\",\"server\":\"SSH-2.0-OpenSSH_8.9\",\"hassh\":\"x\"}";
    private static final String NOTICE =
            "{\"ts\":1772359080.5,\"note\":\"Scan::Port_Scan\",\"msg\":\"198.51.100.7 scanned at least 15 unique ports of host 10.0.0.22 in 0m2s\",\"sub\":\"local\",\"src\":\"198.51.100.7\",\"dst\":\"10.0.0.22\",\"peer_descr\":\"worker-1\",\"actions\":[\"Notice::ACTION_LOG\"],\"suppress_for\":3600.0}";
    private static final String DHCP =
            "{\"ts\":1772359080.5,\"uids\":[\"C8\"],\"client_addr\":\"10.0.0.77\",\"server_addr\":\"10.0.0.1\",\"mac\":\"00:11:22:33:44:55\",\"host_name\":\"laptop-7\",\"domain\":\"corp.local\",\"assigned_addr\":\"10.0.0.77\",\"lease_time\":86400.0,\"msg_types\":[\"REQUEST\",\"ACK\"],\"duration\":0.01}";
    private static final String KERBEROS_TGS =
            "{\"ts\":1772359080.5,\"uid\":\"C9\",\"id.orig_h\":\"10.0.0.5\",\"id.orig_p\":49000,\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":88,\"request_type\":\"TGS\",\"client\":\"alice/CORP.LOCAL\",\"service\":\"MSSQLSvc/db01.corp.local:1433\",\"success\":true,\"cipher\":\"rc4-hmac\",\"forwardable\":true,\"renewable\":true}";
    private static final String NTLM =
            "{\"ts\":1772359080.5,\"uid\":\"C10\",\"id.orig_h\":\"10.0.0.5\",\"id.orig_p\":49001,\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":445,\"username\":\"bob\",\"hostname\":\"WS05\",\"domainname\":\"CORP\",\"server_nb_computer_name\":\"DC01\",\"success\":false}";
    private static final String RDP =
            "{\"ts\":1772359080.5,\"uid\":\"C11\",\"id.orig_h\":\"203.0.113.50\",\"id.orig_p\":49002,\"id.resp_h\":\"10.0.0.30\",\"id.resp_p\":3389,\"cookie\":\"administrator\",\"result\":\"encrypted\",\"security_protocol\":\"HYBRID\",\"client_name\":\"kali\"}";
    private static final String SMB_FILES =
            "{\"ts\":1772359080.5,\"uid\":\"C12\",\"id.orig_h\":\"10.0.0.5\",\"id.orig_p\":49003,\"id.resp_h\":\"10.0.0.30\",\"id.resp_p\":445,\"fuid\":\"F1\",\"action\":\"SMB::FILE_OPEN\",\"path\":\"\\\\\\\\FS01\\\\IPC$\",\"name\":\"PSEXESVC-WS05-1234-stdin\",\"size\":0}";
    private static final String FTP =
            "{\"ts\":1772359080.5,\"uid\":\"C13\",\"id.orig_h\":\"10.0.0.5\",\"id.orig_p\":49004,\"id.resp_h\":\"10.0.0.40\",\"id.resp_p\":21,\"user\":\"anonymous\",\"password\":\"<hidden>\",\"command\":\"RETR\",\"arg\":\"ftp://10.0.0.40/pub/tool.zip\",\"mime_type\":\"application/zip\",\"file_size\":1024,\"reply_code\":226,\"reply_msg\":\"Transfer complete\"}";
    private static final String SMTP =
            "{\"ts\":1772359080.5,\"uid\":\"C14\",\"id.orig_h\":\"10.0.0.60\",\"id.orig_p\":49005,\"id.resp_h\":\"203.0.113.25\",\"id.resp_p\":25,\"trans_depth\":1,\"helo\":\"mail.corp.local\",\"mailfrom\":\"<alice@corp.local>\",\"rcptto\":[\"<bob@example.org>\"],\"from\":\"Alice <alice@corp.local>\",\"subject\":\"Invoice\",\"msg_id\":\"<1@corp.local>\",\"tls\":false}";
    private static final String FILES =
            "{\"ts\":1772359080.5,\"fuid\":\"FakNcS1Jfe01uljb3\",\"tx_hosts\":[\"192.150.187.43\"],\"rx_hosts\":[\"141.142.228.5\"],\"conn_uids\":[\"CXWv6p3arKYeMETxOg\"],\"source\":\"HTTP\",\"depth\":0,\"analyzers\":[\"MD5\",\"SHA1\"],\"mime_type\":\"text/plain\",\"duration\":0.0,\"is_orig\":false,\"seen_bytes\":4705,\"total_bytes\":4705,\"missing_bytes\":0,\"overflow_bytes\":0,\"timedout\":false,\"md5\":\"397168fd09991a0e712254df7bc639ac\",\"sha1\":\"1dd7ac0398df6cbc0696445a91ec681facf4dc47\"}";
    private static final String X509 =
            "{\"ts\":1772359080.5,\"id\":\"FxyZ\",\"certificate.version\":3,\"certificate.serial\":\"8BB00EE\",\"certificate.subject\":\"CN=,OU=,O=,L=,ST=,C=\",\"certificate.issuer\":\"CN=,OU=,O=,L=,ST=,C=\",\"certificate.key_alg\":\"rsaEncryption\"}";
    private static final String DCE_RPC =
            "{\"ts\":1772359080.5,\"uid\":\"C15\",\"id.orig_h\":\"10.0.0.5\",\"id.orig_p\":49006,\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":135,\"rtt\":0.001,\"named_pipe\":\"135\",\"endpoint\":\"svcctl\",\"operation\":\"CreateServiceW\"}";
    private static final String WEIRD =
            "{\"ts\":1772359080.5,\"uid\":\"C16\",\"id.orig_h\":\"10.0.0.5\",\"id.orig_p\":49007,\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":80,\"name\":\"unknown_HTTP_method\",\"addl\":\"\",\"notice\":false,\"peer\":\"worker-1\"}";

    @Test
    void connectionsAreNetworkActivityWithTheActivityTheirStateGives() throws Exception {
        JsonNode sf = json(CONN_SF);
        assertProduct(sf, "Zeek");
        assertFlow(sf, 2, "192.168.1.10", 52514, "93.184.216.34", 443);
        assertThat(sf.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:58:00.123Z"));
        assertThat(sf.at("/traffic/bytes_out").asLong()).isEqualTo(1200);
        assertThat(sf.at("/traffic/bytes_in").asLong()).isEqualTo(54000);
        assertThat(sf.at("/traffic/packets_in").asLong()).isEqualTo(45);
        assertThat(sf.at("/connection_info/uid").asText()).isEqualTo("CHhAvVGS1DHFjwGM9");
        assertThat(sf.at("/connection_info/community_uid").asText()).isEqualTo("1:abc=");
        assertThat(sf.at("/device/hostname").asText()).isEqualTo("sensor1");
        assertThat(sf.at("/metadata/log_name").asText()).isEqualTo("conn");
        assertFlow(json(CONN_REJ), 5, "10.0.0.5", 40000, "10.0.0.9", 23);
        assertFlow(json(CONN_S0), 4, "10.0.0.5", 40000, "10.0.0.9", 445);
        // the connection's id as an object (Logstash, Elastic) reads the same
        JsonNode nested = json(CONN_REJ.replace(
                "\"id.orig_h\":\"10.0.0.5\",\"id.orig_p\":40000,\"id.resp_h\":\"10.0.0.9\",\"id.resp_p\":23",
                "\"id\":{\"orig_h\":\"10.0.0.5\",\"orig_p\":40000,\"resp_h\":\"10.0.0.9\",\"resp_p\":23}"));
        assertFlow(nested, 5, "10.0.0.5", 40000, "10.0.0.9", 23);
    }

    @Test
    void dnsHttpTlsAndSshReachTheirClasses() throws Exception {
        JsonNode nx = json(DNS_NXDOMAIN);
        assertThat(nx.get("class_uid").asInt()).isEqualTo(4003);
        assertThat(nx.get("activity_id").asInt()).isEqualTo(2);
        assertThat(nx.at("/query/hostname").asText()).isEqualTo("evil.onion");
        assertThat(nx.at("/query/type").asText()).isEqualTo("A");
        assertThat(nx.get("rcode_id").asInt()).isEqualTo(3);
        assertThat(nx.get("rcode").asText()).isEqualTo("NXDOMAIN");
        assertThat(nx.at("/src_endpoint/ip").asText()).isEqualTo("10.0.0.5");
        JsonNode query = json(DNS_QUERY);
        assertThat(query.get("activity_id").asInt()).isEqualTo(1);
        assertThat(query.has("rcode_id")).isFalse();

        JsonNode put = json(HTTP_PUT);
        assertThat(put.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(put.get("activity_id").asInt()).isEqualTo(7);
        assertThat(put.at("/http_request/url/hostname").asText()).isEqualTo("files.example.net");
        assertThat(put.at("/http_request/url/path").asText()).isEqualTo("/dav/x.exe");
        assertThat(put.at("/http_request/user_agent").asText()).startsWith("Microsoft-WebDAV-MiniRedir");
        assertThat(put.at("/http_response/code").asInt()).isEqualTo(201);
        assertThat(put.at("/dst_endpoint/port").asInt()).isEqualTo(80);

        JsonNode tls = json(SSL);
        assertFlow(tls, 6, "10.0.0.5", 51001, "203.0.113.81", 443);
        assertThat(tls.at("/tls/sni").asText()).isEqualTo("login.example.com");
        assertThat(tls.at("/tls/version").asText()).isEqualTo("TLSv13");

        JsonNode ssh = json(SSH);
        assertThat(ssh.get("class_uid").asInt()).isEqualTo(4007);
        assertStatus(ssh, 2);
        assertThat(ssh.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.9");
    }

    @Test
    void noticesAreFindingsAndAuthenticationsLogons() throws Exception {
        JsonNode notice = json(NOTICE);
        assertProduct(notice, "Zeek");
        assertThat(notice.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(notice.at("/finding_info/analytic/name").asText()).isEqualTo("Scan::Port_Scan");
        assertThat(notice.at("/finding_info/title").asText()).contains("scanned at least 15 unique ports");
        assertThat(notice.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("198.51.100.7");
        assertThat(notice.at("/evidences/0/dst_endpoint/ip").asText()).isEqualTo("10.0.0.22");
        assertThat(notice.get("severity_id").asInt()).isEqualTo(3);

        JsonNode tgs = json(KERBEROS_TGS);
        assertThat(tgs.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(tgs.get("activity_id").asInt()).isEqualTo(4);
        assertThat(tgs.get("auth_protocol_id").asInt()).isEqualTo(2);
        assertThat(tgs.at("/user/name").asText()).isEqualTo("alice/CORP.LOCAL");
        assertThat(tgs.at("/service/name").asText()).isEqualTo("MSSQLSvc/db01.corp.local:1433");
        assertStatus(tgs, 1);

        JsonNode ntlm = json(NTLM);
        assertLogon(ntlm, 2, "bob", "10.0.0.5");
        assertThat(ntlm.at("/user/domain").asText()).isEqualTo("CORP");
        assertThat(ntlm.get("auth_protocol_id").asInt()).isEqualTo(1);
    }

    @Test
    void dhcpRdpSmbFtpAndSmtpReachTheirClasses() throws Exception {
        JsonNode dhcp = json(DHCP);
        assertThat(dhcp.get("class_uid").asInt()).isEqualTo(4004);
        assertThat(dhcp.at("/src_endpoint/ip").asText()).isEqualTo("10.0.0.77");
        assertThat(dhcp.at("/src_endpoint/mac").asText()).isEqualTo("00:11:22:33:44:55");
        assertThat(dhcp.at("/src_endpoint/hostname").asText()).isEqualTo("laptop-7");

        JsonNode rdp = json(RDP);
        assertThat(rdp.get("class_uid").asInt()).isEqualTo(4005);
        assertThat(rdp.at("/user/name").asText()).isEqualTo("administrator");
        assertThat(rdp.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.50");

        JsonNode smb = json(SMB_FILES);
        assertThat(smb.get("class_uid").asInt()).isEqualTo(4006);
        assertThat(smb.get("activity_id").asInt()).isEqualTo(2);
        assertThat(smb.get("share").asText()).isEqualTo("\\\\FS01\\IPC$");
        assertThat(smb.at("/file/name").asText()).isEqualTo("PSEXESVC-WS05-1234-stdin");

        JsonNode ftp = json(FTP);
        assertThat(ftp.get("class_uid").asInt()).isEqualTo(4008);
        assertThat(ftp.get("activity_id").asInt()).isEqualTo(2);
        assertThat(ftp.at("/codes/0").asInt()).isEqualTo(226);

        JsonNode smtp = json(SMTP);
        assertThat(smtp.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(smtp.at("/email/subject").asText()).isEqualTo("Invoice");
        assertThat(smtp.at("/dst_endpoint/port").asInt()).isEqualTo(25);
    }

    @Test
    void logsWithoutAClassAreZeeksBaseEvents() throws Exception {
        for (String log : new String[] {X509, DCE_RPC, WEIRD}) {
            JsonNode r = json(log);
            assertBaseEventOf(r, "Zeek");
            assertThat(r.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:58:00.500Z"));
        }
    }

    @Test
    void filesAreNetworkFileActivityWithTheirHashFromTheSenderToTheReceiver() throws Exception {
        // before Zeek 5: the sending and receiving hosts; is_orig false, the responder sent it: a download
        JsonNode download = json(FILES);
        assertProduct(download, "Zeek");
        assertThat(download.get("class_uid").asInt()).isEqualTo(4010);
        assertThat(download.get("activity_id").asInt()).isEqualTo(2);
        assertThat(download.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:58:00.500Z"));
        assertThat(download.at("/src_endpoint/ip").asText()).isEqualTo("141.142.228.5");
        assertThat(download.at("/dst_endpoint/ip").asText()).isEqualTo("192.150.187.43");
        assertThat(download.at("/file/uid").asText()).isEqualTo("FakNcS1Jfe01uljb3");
        assertThat(download.at("/file/size").asLong()).isEqualTo(4705);
        assertThat(download.at("/file/hashes/0/value").asText()).isEqualTo("1dd7ac0398df6cbc0696445a91ec681facf4dc47");
        assertThat(download.at("/connection_info/uid").asText()).isEqualTo("CXWv6p3arKYeMETxOg");
        assertThat(download.get("app_protocol_name").asText()).isEqualTo("HTTP");
        // sent by the originator: an upload, from the sending host
        JsonNode upload = json("{\"ts\":1772359081.25,\"fuid\":\"Fup1\",\"tx_hosts\":[\"192.0.2.15\"],"
                + "\"rx_hosts\":[\"198.51.100.30\"],\"conn_uids\":[\"Cup1\"],\"source\":\"SMTP\",\"analyzers\":[\"MD5\"],"
                + "\"mime_type\":\"application/pdf\",\"filename\":\"report.pdf\",\"is_orig\":true,\"seen_bytes\":912,"
                + "\"md5\":\"900150983cd24fb0d6963f7d28e17f72\"}");
        assertThat(upload.get("activity_id").asInt()).isEqualTo(1);
        assertThat(upload.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.15");
        assertThat(upload.at("/dst_endpoint/ip").asText()).isEqualTo("198.51.100.30");
        assertThat(upload.at("/file/name").asText()).isEqualTo("report.pdf");
        assertThat(upload.at("/file/hashes/0/algorithm_id").asInt()).isEqualTo(1);
        // an SMB file action (fuid, no analyzers) stays SMB Activity
        assertThat(json(SMB_FILES).get("class_uid").asInt()).isEqualTo(4006);
    }

    @Test
    void tabSeparatedLinesOfEachLayoutReadAsTheJsonLogs() throws Exception {
        // conn: Bro 2.x (20 columns), Zeek (21), Zeek with MAC addresses (23); after a syslog header too
        assertFlow(
                line("1541350796.901974\tC54zqz17PXuBv3HkLg\t192.168.0.26\t54855\t54.85.115.89\t443\ttcp\tssl"
                        + "\t0.153642\t1147\t589\tSF\tT\t0\tShADadfF\t7\t1439\t8\t921\t(empty)"),
                2,
                "192.168.0.26",
                54855,
                "54.85.115.89",
                443);
        JsonNode zeek = line("1602165198.216970\tCfVl4yNLJ4U3ptL12\t192.168.122.59\t47340\t143.204.201.102\t443"
                + "\ttcp\t-\t115.669583\t0\t6238\tSHR\tT\tF\t0\t^hCadcCfA\t1\t52\t21\t5091\t-");
        assertFlow(zeek, 6, "192.168.122.59", 47340, "143.204.201.102", 443);
        assertThat(zeek.at("/traffic/packets_in").asInt()).isEqualTo(21);
        assertThat(zeek.get("time").asLong()).isEqualTo(1602165198216L);
        JsonNode mac = line("1128727435.633408\tCHhAvVGS1DHFjwGM9\t141.42.64.125\t56730\t125.190.109.199\t80\ttcp"
                + "\thttp\t1.550793\t98\t9417\tSF\t-\t-\t0\t^hADdFaf\t11\t670\t10\t9945\t-"
                + "\t00:d0:03:3b:f4:00\t00:b0:c2:86:ec:00");
        assertThat(mac.at("/src_endpoint/mac").asText()).isEqualTo("00:d0:03:3b:f4:00");
        JsonNode relayed = line("<134>Mar  1 09:58:00 sensor1 zeek_conn: 1772359080.123456\tCHhAvVGS1DHFjwGM9"
                + "\t192.168.1.10\t52514\t93.184.216.34\t443\ttcp\tssl\t12.5\t1200\t54000\tSF\tT\tF\t0\tShADadFf"
                + "\t20\t2240\t45\t56400\t-");
        assertFlow(relayed, 2, "192.168.1.10", 52514, "93.184.216.34", 443);
        assertProduct(relayed, "Zeek");

        // dns with rtt (24 columns)
        JsonNode dns = line("1359565680.761790\tCHhAvVGS1DHFjwGM9\t192.168.6.10\t53209\t192.168.129.36\t53\tudp"
                + "\t41477\t0.075138\tpaypal.com\t1\tC_INTERNET\t48\tDNSKEY\t0\tNOERROR\tF\tF\tT\tT\t1"
                + "\tDNSKEY 5,DNSKEY 5\t455.000000,455.000000\tF");
        assertThat(dns.get("class_uid").asInt()).isEqualTo(4003);
        assertThat(dns.at("/query/hostname").asText()).isEqualTo("paypal.com");
        assertThat(dns.at("/query/type").asText()).isEqualTo("DNSKEY");
        assertThat(dns.get("rcode_id").asInt()).isZero();

        // http: Bro 2.x (27 columns) and Zeek 3+ (30)
        JsonNode bro = line("1432555199.633017\tCOpk6E3vkURP8QQNKl\t192.168.9.35\t55281\t178.236.7.146\t80\t4"
                + "\tPOST\twww.amazon.it\t/xa/dealcontent/v2/GetDeals?nocache=1432555199326\thttp://www.amazon.it/"
                + "\tMozilla/5.0 (Windows NT 6.1; WOW64)\t223\t1859\t200\tOK\t-\t-\t-\t(empty)\tkares\t-\t-"
                + "\tFrLEcY3AUPKdcYGf29\ttext/plain\tFOJpbGzIMh9syPxH8\ttext/plain");
        assertThat(bro.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(bro.get("activity_id").asInt()).isEqualTo(6);
        assertThat(bro.at("/http_request/url/hostname").asText()).isEqualTo("www.amazon.it");
        assertThat(bro.at("/http_request/user_agent").asText()).startsWith("Mozilla/5.0");
        assertThat(bro.at("/http_response/code").asInt()).isEqualTo(200);
        assertThat(bro.at("/unmapped/username").asText()).isEqualTo("kares");
        JsonNode zeekHttp = line("1602165002.455618\tCWGOypTfRypTC5C4g\t192.168.122.59\t44136\t216.58.201.110\t80"
                + "\t1\tGET\texample.com\t/\t-\t1.1\tMozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:81.0)"
                + "\thttps://example.com\t0\t219\t301\tMoved Permanently\t-\t-\tFOO,BAR\t-\t-\t-\t-\t-\t-"
                + "\tFeJ7iiVorMXoLlRK\t-\ttext/html");
        assertThat(zeekHttp.get("activity_id").asInt()).isEqualTo(3);
        assertThat(zeekHttp.at("/http_request/version").asText()).isEqualTo("1.1");
        assertThat(zeekHttp.at("/http_response/code").asInt()).isEqualTo(301);

        // files (23 and 25 columns): a download from the sending host (tx_hosts) to the receiving one
        JsonNode files = line("1362692527.009512\tFakNcS1Jfe01uljb3\t192.150.187.43\t141.142.228.5"
                + "\tCXWv6p3arKYeMETxOg\tHTTP\t0\tMD5,SHA1\ttext/plain\t-\t0.000263\t-\tF\t4705\t4705\t0\t0\tF\t-"
                + "\t397168fd09991a0e712254df7bc639ac\t1dd7ac0398df6cbc0696445a91ec681facf4dc47\t-\t-");
        assertThat(files.get("class_uid").asInt()).isEqualTo(4010);
        assertThat(files.get("activity_id").asInt()).isEqualTo(2);
        assertThat(files.at("/src_endpoint/ip").asText()).isEqualTo("141.142.228.5");
        assertThat(files.at("/dst_endpoint/ip").asText()).isEqualTo("192.150.187.43");
        assertThat(files.at("/unmapped/md5").asText()).isEqualTo("397168fd09991a0e712254df7bc639ac");
    }

    @Test
    void tabSeparatedNoticesAreFindingsWithOrWithoutAConnection() throws Exception {
        // Zeek 4+ (26 columns): an invalid certificate on a connection
        JsonNode cert = line("1772431200.250113\tCq4Tb81nXkRm2VdA7e\t10.20.4.17\t50122\t198.51.100.44\t443\t-\t-\t-"
                + "\ttcp\tSSL::Invalid_Server_Cert\tSSL certificate validation failed with (self signed certificate)"
                + "\tCN=portal.example.net\t10.20.4.17\t198.51.100.44\t443\t-\t-\tNotice::ACTION_LOG\t(empty)"
                + "\t86400.000000\t-\t-\t-\t-\t-");
        assertProduct(cert, "Zeek");
        assertThat(cert.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(cert.at("/finding_info/analytic/name").asText()).isEqualTo("SSL::Invalid_Server_Cert");
        assertThat(cert.at("/finding_info/title").asText()).contains("self signed certificate");
        assertThat(cert.at("/finding_info/desc").asText()).isEqualTo("CN=portal.example.net");
        assertThat(cert.at("/finding_info/uid").asText()).isEqualTo("Cq4Tb81nXkRm2VdA7e");
        assertThat(cert.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("10.20.4.17");
        assertThat(cert.at("/evidences/0/dst_endpoint/ip").asText()).isEqualTo("198.51.100.44");
        assertThat(cert.at("/evidences/0/dst_endpoint/port").asInt()).isEqualTo(443);
        assertThat(cert.at("/metadata/log_name").asText()).isEqualTo("notice");
        assertThat(cert.get("time").asLong()).isEqualTo(1772431200250L);

        // Bro 2.5 to Zeek 3 (25 columns, no email_dest): a scan, raised without a connection
        JsonNode scan = line("1772431260.000000\t-\t-\t-\t-\t-\t-\t-\t-\t-\tScan::Port_Scan"
                + "\t203.0.113.91 scanned at least 15 unique ports of host 10.20.4.30 in 0m3s\tlocal\t203.0.113.91"
                + "\t10.20.4.30\t-\t-\t-\tNotice::ACTION_LOG\t3600.000000\t-\t-\t-\t-\t-");
        assertThat(scan.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(scan.at("/finding_info/analytic/name").asText()).isEqualTo("Scan::Port_Scan");
        assertThat(scan.at("/finding_info/title").asText()).contains("15 unique ports");
        assertThat(scan.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("203.0.113.91");
        assertThat(scan.at("/evidences/0/dst_endpoint/ip").asText()).isEqualTo("10.20.4.30");
        assertThat(scan.at("/unmapped/suppress_for").asText()).isEqualTo("3600.000000");

        // Bro 2.x before n (25 columns, dropped after suppress_for)
        JsonNode bro = line("1411740000.512300\tCx7Lm2NpQr4sTu6Vw8\t172.16.9.14\t445\t172.16.9.200\t51220\t-\t-\t-"
                + "\ttcp\tSMB::Brute_Force\t172.16.9.200 failed to log in 40 times\t-\t172.16.9.200\t172.16.9.14"
                + "\t445\tbro\tNotice::ACTION_LOG\t3600.000000\tF\t-\t-\t-\t-\t-");
        assertThat(bro.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(bro.at("/finding_info/analytic/name").asText()).isEqualTo("SMB::Brute_Force");
        assertThat(bro.at("/unmapped/peer_descr").asText()).isEqualTo("bro");
        assertThat(bro.at("/unmapped/dropped").asText()).isEqualTo("F");
    }

    @Test
    void tabSeparatedWeirdsAreBaseEventsAndZeek5FilesNetworkFileActivityKeepingTheirConnection() throws Exception {
        // weird: Zeek 4+ (11 columns) on a connection, Zeek 3 (10) without one
        JsonNode weird = line("1772431320.402817\tCz8Rk3LpWq5nTy0Ba1\t10.20.4.55\t49210\t192.0.2.80\t8080"
                + "\tunknown_HTTP_method\tPROPFINDX\tF\tworker-2\t-");
        assertBaseEventOf(weird, "Zeek");
        assertThat(weird.at("/metadata/log_name").asText()).isEqualTo("weird");
        assertThat(weird.at("/unmapped/id.orig_h").asText()).isEqualTo("10.20.4.55");
        assertThat(weird.at("/unmapped/id.resp_p").asText()).isEqualTo("8080");
        assertThat(weird.at("/unmapped/name").asText()).isEqualTo("unknown_HTTP_method");
        assertThat(weird.at("/unmapped/addl").asText()).isEqualTo("PROPFINDX");
        JsonNode unattached = line("1772431321.000100\t-\t-\t-\t-\t-\tdns_unmatched_msg\t-\tF\tzeek");
        assertBaseEventOf(unattached, "Zeek");
        assertThat(unattached.at("/unmapped/name").asText()).isEqualTo("dns_unmatched_msg");
        assertThat(unattached.get("time").asLong()).isEqualTo(1772431321000L);
        JsonNode unattachedJson = json("{\"ts\":1772431321.0001,\"name\":\"dns_unmatched_msg\",\"notice\":false,"
                + "\"peer\":\"zeek\",\"source\":\"DNS\"}");
        assertBaseEventOf(unattachedJson, "Zeek");

        // files from Zeek 5 on (27 columns): the connection's uid and both ends instead of host sets
        JsonNode files = line("1772431400.118274\tFp2Wq7sVbN4kLx9Dc3\tCm5Hr0TzQa8YwE2Lp6\t10.20.4.61\t51833"
                + "\t192.0.2.120\t80\tHTTP\t0\tMD5,SHA1,SHA256\tapplication/x-dosexec\tinvoice.exe\t0.004112\tF\tF"
                + "\t73802\t73802\t0\t0\tF\t-\t5d41402abc4b2a76b9719d911017c592"
                + "\taaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d"
                + "\t2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\t-\t-\t-");
        assertThat(files.get("class_uid").asInt()).isEqualTo(4010);
        assertThat(files.get("activity_id").asInt()).isEqualTo(2);
        assertThat(files.at("/metadata/log_name").asText()).isEqualTo("files");
        assertThat(files.at("/connection_info/uid").asText()).isEqualTo("Cm5Hr0TzQa8YwE2Lp6");
        assertThat(files.at("/src_endpoint/ip").asText()).isEqualTo("10.20.4.61");
        assertThat(files.at("/dst_endpoint/ip").asText()).isEqualTo("192.0.2.120");
        assertThat(files.at("/file/name").asText()).isEqualTo("invoice.exe");
        assertThat(files.at("/file/hashes/0/algorithm_id").asInt()).isEqualTo(3);
        assertThat(files.at("/unmapped/sha256").asText())
                .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    }

    @Test
    void linesThatOnlyLookLikeZeeksAreNotReadAsZeeks() throws Exception {
        // a tab-separated line of another program, with an epoch time first
        JsonNode other = line("1772359080.123456\tCRON\tjob finished\t0");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("Zeek");
        // a conn line with a column too many
        JsonNode wrong = line("1541350796.901974\tC54zqz17PXuBv3HkLg\t192.168.0.26\t54855\t54.85.115.89\t443\ttcp"
                + "\tssl\t0.153642\t1147\t589\tSF\tT\t0\tShADadfF\t7\t1439\t8\t921\t(empty)\tx\ty\tz\tw");
        assertThat(wrong.get("class_uid").asInt()).isZero();
        assertThat(wrong.at("/metadata/product/name").asText()).isNotEqualTo("Zeek");
        // an unset id but no notice type where a notice has it
        JsonNode unset = line("1772431260.000000\t-\t-\t-\t-\t-\t-\t-\t-\t-\tPort scan\tsomething\tlocal"
                + "\t203.0.113.91\t10.20.4.30\t-\t-\t-\tx\t3600\t-\t-\t-\t-\t-");
        assertThat(unset.at("/metadata/product/name").asText()).isNotEqualTo("Zeek");
    }

    @Test
    void theHeaderLinesOfATabSeparatedLogAreBaseEventsLabelledFileHeader() throws Exception {
        // the header Zeek writes at the top of conn.log (and #close at its end), each line sent on its own
        String[] header = {
            "#separator \\x09",
            "#set_separator\t,",
            "#empty_field\t(empty)",
            "#unset_field\t-",
            "#path\tconn",
            "#open\t2019-07-16-14-52-53",
            "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\torig_bytes"
                    + "\tresp_bytes\tconn_state\tlocal_orig\tlocal_resp\tmissed_bytes\thistory\torig_pkts"
                    + "\torig_ip_bytes\tresp_pkts\tresp_ip_bytes\ttunnel_parents",
            "#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tinterval\tcount\tcount\tstring\tbool"
                    + "\tbool\tcount\tstring\tcount\tcount\tcount\tcount\tset[string]",
            "#close\t2019-07-16-15-00-00"
        };
        for (String text : header) {
            JsonNode r = line(text);
            assertBaseEventOf(r, "Zeek");
            assertThat(r.at("/metadata/labels").toString()).as(text).contains("file_header");
        }
        JsonNode fields = line(header[6]);
        assertThat(fields.at("/unmapped/zeek_header").asText()).isEqualTo("fields");
        assertThat(fields.at("/unmapped/zeek_header_value").asText()).startsWith("ts\tuid\tid.orig_h\t");
        assertThat(line(header[4]).at("/metadata/log_name").asText()).isEqualTo("conn");
        assertThat(line(header[0]).at("/unmapped/zeek_header_value").asText()).isEqualTo("\\x09");

        // a W3C directive, a hashtag and an unknown directive are not Zeek's header
        JsonNode w3c = line("#Fields: date time s-ip cs-method cs-uri-stem");
        assertThat(w3c.at("/metadata/product/name").asText()).isNotEqualTo("Zeek");
        assertThat(line("#fields are what we plant in spring")
                        .at("/metadata/product/name")
                        .asText())
                .isNotEqualTo("Zeek");
        assertThat(line("#path conn").at("/metadata/product/name").asText()).isNotEqualTo("Zeek");
        assertThat(line("#comment\tsomething").at("/metadata/product/name").asText())
                .isNotEqualTo("Zeek");
    }
}
