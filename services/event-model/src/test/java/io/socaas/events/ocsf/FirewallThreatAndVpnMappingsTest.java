package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAllowed;
import static io.socaas.events.ocsf.MappedRecords.assertAuthentication;
import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.assertStatus;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Firewalls' security profile, VPN, administrator and DNS filter logs, written from each vendor's
 * documented log format: IPsec and SSL VPN logins, single sign-on logons, administrators' logins and
 * configuration changes as Authentication and API Activity; intrusion prevention, antivirus and
 * botnet filter hits as alerts on the connection (Network Activity with {@code is_alert}), blocked
 * or passed (Firepower's intrusion events as Detection Findings with the connection as evidence); mail scanning verdicts as Email Activity; DNS filter logs as DNS Activity.
 */
class FirewallThreatAndVpnMappingsTest {

    @Test
    void fortiGateVpnAndSingleSignOnLoginsDnsFilterAndFullUrls() throws Exception {
        // IPsec dial-up tunnel up: no user of its own ("N/A"), the XAuth user is the one who logged in
        JsonNode ipsec = line("<189>date=2026-03-01 time=09:10:00 devname=\"FGT-HQ\" devid=\"FGT60FTK2209C042\""
                + " eventtime=1772356200000000000 tz=\"+0000\" logid=\"0101037138\" type=\"event\" subtype=\"vpn\""
                + " level=\"notice\" vd=\"root\" logdesc=\"IPsec connection status changed\" action=\"tunnel-up\""
                + " remip=198.51.100.20 locip=203.0.113.1 remport=4500 locport=4500 outintf=\"wan1\" user=\"N/A\""
                + " group=\"N/A\" xauthuser=\"jdoe\" xauthgroup=\"vpn-users\" assignip=10.212.134.200"
                + " vpntunnel=\"Dialup_0\" tunneltype=\"ipsec\"");
        assertProduct(ipsec, "FortiGate");
        assertAuthentication(ipsec, 1, "jdoe", "198.51.100.20");
        assertStatus(ipsec, 1);
        assertThat(ipsec.at("/src_endpoint/port").asInt()).isEqualTo(4500);
        assertThat(ipsec.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:10:00Z"));
        // an SSL VPN tunnel names its user
        JsonNode ssl = line(ipsec.get("raw_data").asText().replace("user=\"N/A\"", "user=\"asmith\""));
        assertThat(ssl.at("/user/name").asText()).isEqualTo("asmith");

        // FSSO: the collector agent saw a domain logon, and the logoff
        JsonNode fsso = line("<189>date=2026-03-01 time=09:11:00 devname=\"FGT-HQ\" devid=\"FGT60FTK2209C042\""
                + " logid=\"0102043014\" type=\"event\" subtype=\"user\" level=\"notice\" vd=\"root\""
                + " logdesc=\"FSSO logon authentication status\" srcip=10.10.20.31 user=\"asmith\""
                + " server=\"FSSO_DC01\" action=\"FSSO-logon\""
                + " msg=\"FSSO-logon event from FSSO_DC01: user asmith logged on 10.10.20.31\"");
        assertAuthentication(fsso, 1, "asmith", "10.10.20.31");
        assertStatus(fsso, 1);
        assertThat(fsso.at("/service/name").asText()).isEqualTo("FSSO");
        JsonNode fssoOff = line(fsso.get("raw_data")
                .asText()
                .replace("FSSO-logon", "FSSO-logoff")
                .replace("0102043014", "0102043015"));
        assertAuthentication(fssoOff, 2, "asmith", "10.10.20.31");
        // a firewall user added to the authenticated list
        JsonNode authLogon = line("date=2026-03-01 time=09:11:30 devname=\"FGT-HQ\" devid=\"FGT60FTK2209C042\""
                + " logid=\"0102043039\" type=\"event\" subtype=\"user\" level=\"notice\" vd=\"root\""
                + " logdesc=\"Authentication logon\" srcip=10.10.20.33 user=\"bwayne\" authserver=\"LDAP-DC01\""
                + " action=\"auth-logon\" status=\"logon\" msg=\"User bwayne added to auth logon\"");
        assertAuthentication(authLogon, 1, "bwayne", "10.10.20.33");
        assertStatus(authLogon, 1);

        // DNS filter: a response passed, with the answer; a query's response blocked by category
        JsonNode dns = line("<189>date=2026-03-01 time=09:12:00 devname=\"FGT-HQ\" devid=\"FGT60FTK2209C042\""
                + " logid=\"1501054802\" type=\"utm\" subtype=\"dns\" eventtype=\"dns-response\" level=\"notice\""
                + " vd=\"root\" policyid=4 sessionid=99881 srcip=10.10.20.31 srcport=53001 srcintf=\"lan\""
                + " dstip=10.10.0.53 dstport=53 dstintf=\"wan1\" proto=17 profile=\"default\" xid=4242"
                + " qname=\"portal.example.org\" qtype=\"A\" qtypeval=1 qclass=\"IN\" ipaddr=\"93.184.216.34\""
                + " msg=\"Domain is monitored\" action=\"pass\" cat=52 catdesc=\"Information Technology\"");
        assertThat(dns.get("class_uid").asInt()).isEqualTo(4003);
        assertThat(dns.get("activity_id").asInt()).isEqualTo(2);
        assertAllowed(dns);
        assertThat(dns.at("/query/hostname").asText()).isEqualTo("portal.example.org");
        assertThat(dns.at("/query/type").asText()).isEqualTo("A");
        assertThat(dns.at("/answers/0/rdata").asText()).isEqualTo("93.184.216.34");
        assertThat(dns.at("/src_endpoint/ip").asText()).isEqualTo("10.10.20.31");
        JsonNode blocked = line("<188>date=2026-03-01 time=09:12:30 devname=\"FGT-HQ\" devid=\"FGT60FTK2209C042\""
                + " logid=\"1501054601\" type=\"utm\" subtype=\"dns\" eventtype=\"dns-response\" level=\"warning\""
                + " vd=\"root\" policyid=4 sessionid=99882 srcip=10.10.20.32 srcport=53002 dstip=10.10.0.53"
                + " dstport=53 proto=17 xid=4243 qname=\"malware.example.net\" qtype=\"A\" qclass=\"IN\""
                + " msg=\"Domain was blocked due to its category\" action=\"block\" cat=26"
                + " catdesc=\"Malicious Websites\"");
        assertThat(blocked.get("class_uid").asInt()).isEqualTo(4003);
        assertDenied(blocked);
        assertThat(blocked.at("/query/hostname").asText()).isEqualTo("malware.example.net");
        JsonNode query = line(dns.get("raw_data")
                .asText()
                .replace("dns-response", "dns-query")
                .replace("1501054802", "1500054000"));
        assertThat(query.get("activity_id").asInt()).isEqualTo(1);

        // web filter: FortiOS 7 writes the whole URL
        JsonNode web = line(
                "<189>date=2026-03-01 time=09:13:00 devname=\"FGT-HQ\" devid=\"FGT60FTK2209C042\""
                        + " logid=\"0317013312\" type=\"utm\" subtype=\"webfilter\" eventtype=\"ftgd_allow\" level=\"notice\""
                        + " vd=\"root\" policyid=4 sessionid=99883 srcip=10.10.20.31 srcport=50500 dstip=93.184.216.34"
                        + " dstport=443 proto=6 service=\"HTTPS\" hostname=\"www.example.org\" action=\"passthrough\""
                        + " url=\"https://www.example.org/docs/index.html\" msg=\"URL belongs to an allowed category in policy\"");
        assertThat(web.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(web.at("/http_request/url/url_string").asText())
                .isEqualTo("https://www.example.org/docs/index.html");
        assertThat(web.at("/http_request/url/hostname").asText()).isEqualTo("www.example.org");
        assertThat(web.at("/http_request/url/path").isMissingNode()).isTrue();
    }

    @Test
    void panOsAdministratorLoginsConfigurationChangesAndThreatSeverity() throws Exception {
        JsonNode failed = line("<14>Mar  1 08:10:00 PA-850 1,2026/03/01 08:10:00,013201009999,SYSTEM,auth,2561,"
                + "2026/03/01 08:10:00,,auth-fail,,0,0,general,medium,\"failed authentication for user 'admin'."
                + "  Reason: Invalid username/password. From: 198.51.100.23.\",7316100,0x0,0,0,0,0,,PA-850,0,0,"
                + "2026-03-01T08:10:00.250+00:00");
        assertProduct(failed, "PAN-OS");
        assertAuthentication(failed, 1, "admin", "198.51.100.23");
        assertStatus(failed, 2);
        assertThat(failed.get("status_detail").asText()).isEqualTo("Invalid username/password");
        assertThat(failed.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T08:10:00.250Z"));

        JsonNode web = line("<14>Mar  1 08:11:01 PA-850 1,2026/03/01 08:11:01,013201009999,SYSTEM,general,2561,"
                + "2026/03/01 08:11:01,,general,,0,0,general,informational,\"User admin logged in via Web from"
                + " 198.51.100.23 using https\",7316102,0x0,0,0,0,0,,PA-850,0,0,2026-03-01T08:11:01.000+00:00");
        assertAuthentication(web, 1, "admin", "198.51.100.23");
        assertStatus(web, 1);
        assertThat(web.get("auth_protocol").asText()).isEqualTo("Web");
        JsonNode out = line(web.get("raw_data")
                .asText()
                .replace("logged in via Web from 198.51.100.23 using https", "logged out via Web from 198.51.100.23"));
        assertAuthentication(out, 2, "admin", "198.51.100.23");

        JsonNode config = line("<14>Mar  1 08:12:00 PA-850 1,2026/03/01 08:12:00,013201009999,CONFIG,0,2561,"
                + "2026/03/01 08:12:00,198.51.100.23,,set,admin,Web,Succeeded,"
                + " deviceconfig system login-banner,7316110,0x0");
        assertThat(config.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(config.get("activity_id").asInt()).isEqualTo(3);
        assertThat(config.at("/actor/user/name").asText()).isEqualTo("admin");
        assertThat(config.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.23");
        assertThat(config.at("/api/operation").asText()).isEqualTo("set");
        assertThat(config.at("/resources/0/name").asText()).isEqualTo("deviceconfig system login-banner");
        assertStatus(config, 1);

        // GlobalProtect: a HIP check after the login is no login of its own
        JsonNode hip = line("<14>Mar  1 08:00:06 PA-850 1,2026/03/01 08:00:06,013201009999,GLOBALPROTECT,0,2561,"
                + "2026/03/01 08:00:06,vsys1,gateway-hip-check,host-info,,,corp\\jdoe,US,LAPTOP-42,198.51.100.60,"
                + "0.0.0.0,10.10.50.7,0.0.0.0,6f1d2c3b-0000-4000-8000-000000000042,SN123,6.1.1,Windows,"
                + "\"Microsoft Windows 11 Pro , 64-bit\",1,,,\"HIP report is not needed\",success,,0,,0,GW-East,"
                + "712346,0x0,2026-03-01T08:00:06.000+00:00,,,");
        assertThat(hip.get("class_uid").asInt()).isEqualTo(4014);
        assertThat(hip.get("activity_id").asInt()).isEqualTo(99);

        // a virus reset by the firewall: PAN-OS severity as the record's
        JsonNode virus = line("<14>Mar  1 08:14:00 PA-850 1,2026/03/01 08:14:00,013201009999,THREAT,virus,2561,"
                + "2026/03/01 08:14:00,10.20.30.41,93.184.216.34,203.0.113.5,93.184.216.34,Allow-Web,corp\\jdoe,,"
                + "web-browsing,vsys1,trust,untrust,ethernet1/2,ethernet1/1,Forward-All,2026/03/01 08:14:00,183450,1,"
                + "54100,80,31600,80,0x402000,tcp,reset-both,\"invoice.exe\",Virus/Win32.WGeneric.abcde(123456789),"
                + "any,high,server-to-client,7316200,0x0,10.0.0.0-10.255.255.255,United States,0,"
                + "application/x-msdownload,0,,,1,,,,,,,,0,0,0,0,0,,PA-850,,,,get,0,,0,,N/A,virus,AppThreat-8000-7000,"
                + "0x0,0,4294967295,,,b5e2c1a0-6b2f-4f0e-9d4e-1a2b3c4d5e70,0,,,,,,,,,,,,,,,,,,,,,,,,,,,,,0,"
                + "2026-03-01T08:14:00.321+00:00,,,");
        assertFlow(virus, 6, "10.20.30.41", 54100, "93.184.216.34", 80);
        assertDenied(virus);
        assertThat(virus.get("is_alert").asBoolean()).isTrue();
        assertThat(virus.get("severity_id").asInt()).isEqualTo(4);
        assertThat(virus.get("message").asText()).isEqualTo("Virus/Win32.WGeneric.abcde(123456789)");
        assertThat(virus.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T08:14:00.321Z"));
    }

    @Test
    void fortiGateUnauthenticatedUsersAndProfilesThatLetTrafficThrough() throws Exception {
        String head = "<189>date=2026-03-01 time=09:05:00 devname=\"fw-branch\" devid=\"FG100FTK00000001\""
                + " eventtime=1772352300123456789 tz=\"+0100\"";
        // a denied session whose user the firewall only knows passively (unauthuser, from Kerberos)
        JsonNode denied = line(head + " logid=\"0000000013\" type=\"traffic\" subtype=\"forward\""
                + " level=\"notice\" vd=\"root\" srcip=10.40.2.15 srcname=\"WS-0815\" srcport=50412"
                + " srcintf=\"lan\" srcintfrole=\"lan\" dstip=10.40.9.20 dstport=445 dstintf=\"servers\""
                + " dstintfrole=\"lan\" sessionid=88120 proto=6 action=\"deny\" policyid=0 policytype=\"policy\""
                + " service=\"SMB\" trandisp=\"noop\" duration=0 sentbyte=0 rcvdbyte=0 sentpkt=0 rcvdpkt=0"
                + " appcat=\"unscanned\" crscore=30 craction=131072 crlevel=\"high\" unauthuser=\"mkoenig\""
                + " unauthusersource=\"kerberos\" srcmac=\"00:00:5e:00:53:15\"");
        assertFlow(denied, 5, "10.40.2.15", 50412, "10.40.9.20", 445);
        assertDenied(denied);
        assertThat(denied.at("/actor/user/name").asText()).isEqualTo("mkoenig");
        assertThat(denied.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T08:05:00.123Z"));

        // application control letting a session through: Allowed, still a security profile's record
        JsonNode passed = line(head + " logid=\"1059028704\" type=\"utm\" subtype=\"app-ctrl\""
                + " eventtype=\"signature\" level=\"information\" vd=\"root\" appid=16354 user=\"mkoenig\""
                + " srcip=10.40.2.15 dstip=203.0.113.90 srcport=50420 dstport=443 srcintf=\"lan\" dstintf=\"wan1\""
                + " proto=6 service=\"HTTPS\" direction=\"outgoing\" policyid=7 sessionid=88121"
                + " applist=\"default\" action=\"pass\" appcat=\"Collaboration\" app=\"Slack\""
                + " hostname=\"chat.example.com\" incidentserialno=4401 msg=\"Collaboration: Slack,\"");
        assertFlow(passed, 6, "10.40.2.15", 50420, "203.0.113.90", 443);
        assertAllowed(passed);
        assertThat(passed.get("is_alert").asBoolean()).isTrue();
        assertThat(passed.at("/firewall_rule/uid").asText()).isEqualTo("7");

        // an IPS sensor in monitor mode: let through, detected
        JsonNode detected = line(head + " logid=\"0419016384\" type=\"utm\" subtype=\"ips\""
                + " eventtype=\"signature\" level=\"alert\" vd=\"root\" severity=\"high\" srcip=198.51.100.201"
                + " srcport=40110 dstip=10.40.9.30 dstport=80 srcintf=\"wan1\" dstintf=\"dmz\" sessionid=88122"
                + " action=\"detected\" proto=6 service=\"HTTP\" policyid=12 attack=\"Apache.Struts.Remote.Code.Execution\""
                + " profile=\"monitor-all\" ref=\"http://www.fortinet.com/ids/VID99999\" incidentserialno=4402"
                + " msg=\"web_app3: Apache.Struts.Remote.Code.Execution\"");
        assertFlow(detected, 6, "198.51.100.201", 40110, "10.40.9.30", 80);
        assertThat(detected.get("action_id").asInt()).isEqualTo(1);
        assertThat(detected.get("disposition_id").asInt()).isEqualTo(15);
        assertThat(detected.get("disposition").asText()).isEqualTo("Detected");
        assertThat(detected.get("severity_id").asInt()).isEqualTo(4);

        // VoIP logs name their ports and policy src_port, dst_port and policy_id
        JsonNode voip = line(head + " logid=\"0814044032\" type=\"utm\" subtype=\"voip\" eventtype=\"voip\""
                + " level=\"information\" vd=\"root\" session_id=88123 epoch=0 event_id=5120 srcip=10.40.5.21"
                + " src_port=5062 dstip=203.0.113.50 dst_port=5060 proto=17 src_int=\"voice\" dst_int=\"wan1\""
                + " policy_id=31 profile=\"default\" voip_proto=\"sip\" kind=\"register\" action=\"permit\""
                + " status=\"succeeded\" duration=0 dir=\"session_origin\" call_id=\"c0ffee01@10.40.5.21\""
                + " from=\"sip:2101@sip.example.com\" to=\"sip:2101@sip.example.com\"");
        assertFlow(voip, 6, "10.40.5.21", 5062, "203.0.113.50", 5060);
        assertAllowed(voip);
        assertThat(voip.at("/firewall_rule/uid").asText()).isEqualTo("31");

        // neighbour: application control blocking stays Denied
        JsonNode blocked = line(passed.get("raw_data").asText().replace("action=\"pass\"", "action=\"block\""));
        assertDenied(blocked);
    }

    @Test
    void panOsGlobalProtectSessionStepsAndTheLogsOwnTime() throws Exception {
        String gp = "<14>Mar  1 09:00:09 pa-edge 1,2026/03/01 09:00:08,013201000777,GLOBALPROTECT,0,2561,"
                + "2026/03/01 09:00:07,vsys1,";
        String tail = "5e6f7a8b-0000-4000-8000-000000000077,SN77,6.2.3,Windows,\"Windows 11 Enterprise\",1,,,,"
                + "success,,0,,0,GP-Portal,7300000000000000077,0x8000000000000000,1970-01-01T01:00:00.000+01:00,,0,"
                + "manual only,,";
        // the client's pre-login to the portal: before the user authenticates, with its public address
        JsonNode prelogin =
                line(gp + "portal-prelogin,before-login,,,,FR,,203.0.113.120,0.0.0.0,0.0.0.0,0.0.0.0," + tail);
        assertAuthentication(prelogin, 6, null, "203.0.113.120");
        assertStatus(prelogin, 1);
        // a high-resolution time written as zero is no time: the log's generated time is read instead
        assertThat(prelogin.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:00:07Z"));

        // the gateway released the client's configuration as it disconnected
        JsonNode release = line(gp + "gateway-config-release,configuration,,,example\\rmaier,FR,LT-77,"
                + "203.0.113.120,0.0.0.0,10.60.0.9,0.0.0.0," + tail);
        assertThat(release.get("class_uid").asInt()).isEqualTo(4014);
        assertThat(release.get("activity_id").asInt()).isEqualTo(2);
        assertThat(release.at("/user/name").asText()).isEqualTo("example\\rmaier");
        assertThat(release.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.120");
        assertThat(release.at("/tunnel_interface/ip").asText()).isEqualTo("10.60.0.9");

        // a login in the same shape is still a login
        JsonNode login = line(gp + "gateway-auth,login,LDAP,,example\\rmaier,FR,LT-77,203.0.113.120,0.0.0.0,"
                + "0.0.0.0,0.0.0.0," + tail);
        assertLogon(login, 1, "example\\rmaier", "203.0.113.120");

        // a SYSTEM log without a syslog header: its high-resolution time, with its offset
        JsonNode system = line("1,2026/03/01 09:10:00,013201000777,SYSTEM,general,2561,2026/03/01 09:10:00,,"
                + "general,,0,0,general,informational,\"Connection to Update server closed: updates.example.com,"
                + " source: 192.0.2.5\",7300000000000000078,0x0,0,0,0,0,,pa-edge,0,0,2026-03-01T09:10:00.250-05:00");
        assertBaseEventOf(system, "PAN-OS");
        assertThat(system.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T14:10:00.250Z"));
    }

    @Test
    void sophosFirewallAntivirusSpamAtpVpnAndAdministrators() throws Exception {
        JsonNode virus = line("<30>device=\"SFW\" date=2026-03-01 time=09:20:00 timezone=\"+01:00\""
                + " device_name=\"XG135\" device_id=C1300ABCDE12345 log_id=030906208001 log_type=\"Anti-Virus\""
                + " log_component=\"HTTP\" log_subtype=\"Virus\" status=\"\" priority=Critical fw_rule_id=3"
                + " user_name=\"\" av_policy_name=\"\" virus=\"EICAR-AV-Test\""
                + " url=\"http://files.example.net/eicar.com\" domainname=\"files.example.net\" src_ip=10.20.1.15"
                + " dst_ip=93.184.216.40 protocol=\"TCP\" src_port=51200 dst_port=80 sent_bytes=420 recv_bytes=380"
                + " status_code=403");
        assertProduct(virus, "Sophos Firewall");
        assertFlow(virus, 6, "10.20.1.15", 51200, "93.184.216.40", 80);
        assertDenied(virus);
        assertThat(virus.get("is_alert").asBoolean()).isTrue();
        assertThat(virus.get("message").asText()).isEqualTo("EICAR-AV-Test");
        assertThat(virus.at("/url/url_string").asText()).isEqualTo("http://files.example.net/eicar.com");
        assertThat(virus.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T08:20:00Z"));

        JsonNode spam = line("<30>device=\"SFW\" date=2026-03-01 time=09:21:00 timezone=\"+01:00\""
                + " device_name=\"XG135\" device_id=C1300ABCDE12345 log_id=041107413001 log_type=\"Anti-Spam\""
                + " log_component=\"SMTP\" log_subtype=\"Spam\" status=\"\" priority=Warning fw_rule_id=7"
                + " from_email_address=\"offers@bulk.example.com\" to_email_address=\"cfo@corp.example\""
                + " email_subject=\"Act now\" mailid=\"<abc123@bulk.example.com>\" mailsize=3100 spamaction=\"Reject\""
                + " reason=\"Mail detected as SPAM.\" src_ip=198.51.100.90 dst_ip=10.20.1.25 protocol=\"TCP\""
                + " src_port=40001 dst_port=25");
        assertThat(spam.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(spam.get("activity_id").asInt()).isEqualTo(3);
        assertDenied(spam);
        assertThat(spam.at("/email/from").asText()).isEqualTo("offers@bulk.example.com");
        assertThat(spam.at("/email/to/0").asText()).isEqualTo("cfo@corp.example");
        assertThat(spam.at("/email/subject").asText()).isEqualTo("Act now");
        assertThat(spam.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.90");
        JsonNode clean = line(spam.get("raw_data").asText().replace("\"Reject\"", "\"Accept\""));
        assertAllowed(clean);

        // advanced threat protection names its addresses sourceip/destinationip
        JsonNode atp = line("<30>device=\"SFW\" date=2026-03-01 time=09:22:00 timezone=\"+01:00\""
                + " device_name=\"XG135\" device_id=C1300ABCDE12345 log_id=086504418010 log_type=\"ATP\""
                + " log_component=\"Web\" log_subtype=\"Drop\" priority=Warning user_name=\"\" protocol=\"TCP\""
                + " src_port=51300 dst_port=80 sourceip=10.20.1.16 destinationip=203.0.113.66"
                + " url=http://c2.example.net/beacon threatname=C2/Generic-A eventtype=\"Standard\"");
        assertFlow(atp, 6, "10.20.1.16", 51300, "203.0.113.66", 80);
        assertDenied(atp);
        assertThat(atp.get("message").asText()).isEqualTo("C2/Generic-A");

        // a firewall user's logout is a logoff, whatever its status
        JsonNode logout = line("<30>device=\"SFW\" date=2026-03-01 time=09:23:00 timezone=\"+01:00\""
                + " device_name=\"XG135\" device_id=C1300ABCDE12345 log_id=062910617703 log_type=\"Event\""
                + " log_component=\"Firewall Authentication\" log_subtype=\"Authentication\" status=\"Successful\""
                + " priority=Information user_name=\"jdoe\" usergroupname=\"Staff\" auth_client=\"CTA\""
                + " auth_mechanism=\"AD\" reason=\"\" src_ip=10.20.1.15"
                + " message=\"User jdoe was logged out of firewall\" name=\"jdoe\"");
        assertAuthentication(logout, 2, "jdoe", "10.20.1.15");
        assertThat(logout.get("message").asText()).isEqualTo("User jdoe was logged out of firewall");

        // an administrator's change is no login
        JsonNode change = line("<30>device=\"SFW\" date=2026-03-01 time=09:24:00 timezone=\"+01:00\""
                + " device_name=\"XG135\" device_id=C1300ABCDE12345 log_id=062009617502 log_type=\"Event\""
                + " log_component=\"GUI\" log_subtype=\"Admin\" status=\"Successful\" priority=Information"
                + " user_name=\"admin\" src_ip=10.20.1.2 message=\"Firewall rule 'Web out' was changed by 'admin'"
                + " from '10.20.1.2' using 'GUI'\"");
        assertThat(change.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(change.at("/actor/user/name").asText()).isEqualTo("admin");
        assertThat(change.at("/src_endpoint/ip").asText()).isEqualTo("10.20.1.2");
        JsonNode adminLogin = line(change.get("raw_data")
                .asText()
                .replace(
                        "Firewall rule 'Web out' was changed by 'admin' from '10.20.1.2' using 'GUI'",
                        "User admin logged in successfully to Web Admin Console from 10.20.1.2"));
        assertAuthentication(adminLogin, 1, "admin", "10.20.1.2");
        assertStatus(adminLogin, 1);

        // SSL VPN tunnel established from the user's public address
        JsonNode vpn = line("<30>device=\"SFW\" date=2026-03-01 time=09:25:00 timezone=\"+01:00\""
                + " device_name=\"XG135\" device_id=C1300ABCDE12345 log_id=062811617824 log_type=\"Event\""
                + " log_component=\"SSL VPN\" log_subtype=\"System\" priority=Information Mode=\"Remote Access\""
                + " user_name=\"jdoe\" ipaddress=10.81.234.5 sent_bytes=0 recv_bytes=0 status=\"Established\""
                + " message=\"SSL VPN User 'jdoe' connected \" connectionname=\"\" remote_ip=198.51.100.61");
        assertAuthentication(vpn, 1, "jdoe", "198.51.100.61");
        assertStatus(vpn, 1);

        // SFOS 19: connection start and stop
        JsonNode start = line("Mar  1 09:26:00 sfw device_name=\"SFW\" timestamp=\"2026-03-01T09:26:00+0100\""
                + " device_model=\"XGS2100\" device_serial_id=\"X21001ABCDEF\" log_id=\"010101600001\""
                + " log_type=\"Firewall\" log_component=\"Firewall Rule\" log_subtype=\"Allowed\" log_version=1"
                + " severity=\"Information\" fw_rule_id=\"9\" in_interface=\"Port1\" out_interface=\"Port2\""
                + " src_ip=\"10.20.1.15\" dst_ip=\"93.184.216.34\" protocol=\"TCP\" src_port=51400 dst_port=443"
                + " src_zone=\"LAN\" dst_zone=\"WAN\" con_event=\"Start\" con_id=\"3153941761\"");
        assertFlow(start, 1, "10.20.1.15", 51400, "93.184.216.34", 443);
        assertAllowed(start);
        assertThat(start.at("/src_endpoint/zone").asText()).isEqualTo("LAN");
        assertThat(start.at("/connection_info/uid").asText()).isEqualTo("3153941761");
        assertThat(start.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T08:26:00Z"));
        JsonNode stop = line(start.get("raw_data").asText().replace("\"Start\"", "\"Stop\""));
        assertThat(stop.get("activity_id").asInt()).isEqualTo(2);

        JsonNode app = line("<30>device=\"SFW\" date=2026-03-01 time=09:27:00 timezone=\"+01:00\""
                + " device_name=\"XG135\" device_id=C1300ABCDE12345 log_id=054402617051"
                + " log_type=\"Content Filtering\" log_component=\"Application\" log_subtype=\"Denied\""
                + " priority=Information fw_rule_id=9 user_name=\"\" application_name=\"BitTorrent\""
                + " application_risk=5 src_ip=10.20.1.15 dst_ip=198.51.100.70 protocol=\"TCP\" src_port=51500"
                + " dst_port=6881 status=\"Deny\" message=\"\"");
        assertFlow(app, 5, "10.20.1.15", 51500, "198.51.100.70", 6881);
        assertDenied(app);
        assertThat(app.get("app_name").asText()).isEqualTo("BitTorrent");
    }

    @Test
    void sonicWallIkeNegotiationsAreTunnelActivityWithThePeers() throws Exception {
        JsonNode done = line("<134>id=firewall sn=0017C5ABCDEF time=\"2026-03-01 09:40:00 UTC\" fw=203.0.113.1"
                + " pri=6 c=16 m=352 msg=\"IKE Responder: Main Mode complete (Phase 1)\" n=601"
                + " src=198.51.100.20:500 dst=203.0.113.1:500");
        assertProduct(done, "SonicOS");
        assertThat(done.get("class_uid").asInt()).isEqualTo(4014);
        assertThat(done.get("activity_id").asInt()).isEqualTo(1);
        assertStatus(done, 1);
        assertThat(done.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.20");
        assertThat(done.at("/dst_endpoint/port").asInt()).isEqualTo(500);

        // without a header, as the firewall's own syslog sends it
        JsonNode refused = line("id=firewall sn=0017C5ABCDEF time=\"2026-03-01 09:41:00\" fw=203.0.113.1 pri=4"
                + " c=16 m=483 msg=\"Received notify: NO_PROPOSAL_CHOSEN\" n=602 src=198.51.100.21:500"
                + " dst=203.0.113.1:500");
        assertThat(refused.get("class_uid").asInt()).isEqualTo(4014);
        assertStatus(refused, 2);
        assertThat(refused.get("status_detail").asText()).isEqualTo("NO_PROPOSAL_CHOSEN");
        assertThat(refused.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.21");

        JsonNode noPeer = line("<132>id=firewall sn=0017C5ABCDEF time=\"2026-03-01 09:42:00 UTC\" fw=203.0.113.1"
                + " pri=4 c=16 m=1031 msg=\"IKE Responder: No matching phase 1 ID found for proposed remote"
                + " network\" n=603 src=198.51.100.22:4500 dst=203.0.113.1:4500");
        assertStatus(noPeer, 2);

        JsonNode step = line("<134>id=firewall sn=0017C5ABCDEF time=\"2026-03-01 09:43:00 UTC\" fw=203.0.113.1"
                + " pri=6 c=16 m=346 msg=\"IKE Initiator: Start Quick Mode (Phase 2).\" n=604"
                + " src=203.0.113.1:500 dst=198.51.100.20:500");
        assertThat(step.get("class_uid").asInt()).isEqualTo(4014);
        assertThat(step.get("activity_id").asInt()).isEqualTo(99);
        assertThat(step.has("status_id")).isFalse();

        JsonNode expired = line("<134>id=firewall sn=0017C5ABCDEF time=\"2026-03-01 09:44:00 UTC\" fw=203.0.113.1"
                + " pri=6 c=16 m=1163 msg=\"IKE SA lifetime expired.\" n=605 src=203.0.113.1:500"
                + " dst=198.51.100.20:500");
        assertThat(expired.get("activity_id").asInt()).isEqualTo(2);

        // the key exchange's UDP connection itself, and a replayed ESP packet, stay Network Activity
        JsonNode udp = line("<134>id=firewall sn=0017C5ABCDEF time=\"2026-03-01 09:45:00 UTC\" fw=203.0.113.1"
                + " pri=6 c=1024 m=537 msg=\"Connection Closed\" n=606 src=203.0.113.1:500:X1"
                + " dst=198.51.100.20:500:X1 proto=udp/500 sent=344 rcvd=152");
        assertFlow(udp, 2, "203.0.113.1", 500, "198.51.100.20", 500);
        JsonNode replay = line("<129>id=firewall sn=0017C5ABCDEF time=\"2026-03-01 09:46:00 UTC\" fw=203.0.113.1"
                + " pri=1 c=32 m=1388 msg=\"IPSec VPN Decryption Failed\" n=607 src=198.51.100.23"
                + " dst=203.0.113.1 note=\"Replay check failure.\"");
        assertThat(replay.get("class_uid").asInt()).isEqualTo(4001);
    }

    @Test
    void sonicWallSecurityServiceAlertsAndConfigurationChanges() throws Exception {
        JsonNode prevented = line("<129>id=firewall sn=0017C5ABCDEF time=\"2026-03-01 09:30:00 UTC\""
                + " fw=203.0.113.1 pri=1 c=32 gcat=3 m=609 msg=\"IPS Prevention Alert: WEB-ATTACKS Example"
                + " Server Path Traversal\" sid=9001 ipscat=\"WEB-ATTACKS\" ipspri=1 n=501"
                + " src=198.51.100.77:44321:X1 dst=10.1.2.3:8080:X0 fw_action=\"drop\"");
        assertProduct(prevented, "SonicOS");
        assertFlow(prevented, 6, "198.51.100.77", 44321, "10.1.2.3", 8080);
        assertDenied(prevented);
        assertThat(prevented.get("is_alert").asBoolean()).isTrue();
        assertThat(prevented.get("severity_id").asInt()).isEqualTo(4);
        assertThat(prevented.get("message").asText()).startsWith("IPS Prevention Alert: WEB-ATTACKS");
        assertThat(prevented.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:30:00Z"));

        JsonNode detected = line("<129>id=firewall sn=0017C5ABCDEF time=\"2026-03-01 09:31:00 UTC\""
                + " fw=203.0.113.1 pri=1 c=32 gcat=3 m=608 msg=\"IPS Detection Alert: SCAN Example Probe\""
                + " sid=9002 ipscat=\"SCAN\" ipspri=3 n=502 src=198.51.100.78:44322:X1 dst=10.1.2.4:22:X0"
                + " fw_action=\"NA\"");
        assertThat(detected.get("is_alert").asBoolean()).isTrue();
        assertThat(detected.has("action_id")).isFalse();
        assertThat(detected.get("severity_id").asInt()).isEqualTo(2);

        JsonNode gav = line("<129>id=firewall sn=0017C5ABCDEF time=\"2026-03-01 09:32:00 UTC\" fw=203.0.113.1"
                + " pri=1 c=32 gcat=3 m=809 msg=\"Gateway Anti-Virus Alert: Example.Trojan (Trojan) blocked\""
                + " sid=77 n=503 src=93.184.216.34:80:X1 dst=192.168.1.20:50544:X0 proto=tcp/http"
                + " fw_action=\"drop\"");
        assertFlow(gav, 6, "93.184.216.34", 80, "192.168.1.20", 50544);
        assertDenied(gav);
        assertThat(gav.get("is_alert").asBoolean()).isTrue();

        JsonNode config = line("<134>id=firewall sn=0017C5ABCDEF time=\"2026-03-01 09:33:00 UTC\" fw=203.0.113.1"
                + " pri=6 c=16 gcat=2 m=1382 src=192.168.1.50:50100 dst=192.168.1.1:443:X0 usr=\"admin\""
                + " sess=\"Web\" msg=\"Configuration succeeded:  'Log Level' , changed from [INFO], changed to"
                + " [DEBUG]\" n=504 fw_action=\"NA\"");
        assertThat(config.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(config.at("/actor/user/name").asText()).isEqualTo("admin");
        assertThat(config.at("/src_endpoint/ip").asText()).isEqualTo("192.168.1.50");
        assertStatus(config, 1);

        // a packet the firewall dropped whose message names no verdict
        JsonNode drop = line("<135>id=firewall sn=0017C5ABCDEF time=\"2026-03-01 09:34:00 UTC\" fw=203.0.113.1"
                + " pri=7 c=512 gcat=6 m=713 src=192.168.1.1:443:X1 dst=198.51.100.80:50200:X1 proto=tcp/https"
                + " msg=\"-\" note=\"TCP Flag(s): RST\" n=505 fw_action=\"drop\"");
        assertFlow(drop, 5, "192.168.1.1", 443, "198.51.100.80", 50200);
        assertDenied(drop);

        // a TCP FIN scan the firewall detected is an alert, like a port scan
        JsonNode finScan = line("<129>id=firewall sn=0017C5ABCDEF time=\"2026-03-01 09:35:00 UTC\" fw=203.0.113.1"
                + " pri=1 c=32 m=177 msg=\"Probable TCP FIN scan detected\" n=71 src=198.51.100.90:80:X1"
                + " dst=203.0.113.1:61017:X1 proto=tcp/61017 note=\"TCP scanned port list, 42998, 30957, 61017\"");
        assertThat(finScan.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(finScan.get("is_alert").asBoolean()).isTrue();
        // a web site hit logged without a msg (m=97) is HTTP Activity
        JsonNode hit = line("<134>id=firewall sn=0017C5ABCDEF time=\"2026-03-01 09:36:00 UTC\" fw=203.0.113.1"
                + " pri=6 c=1024 gcat=2 m=97 app=9 n=558418 src=192.168.1.20:60102:X0 dst=198.51.100.15:80:X1"
                + " proto=tcp/http op=1 sent=403 rcvd=719 dstname=www.example.com arg=/index.html code=64"
                + " Category=\"Not Rated\"");
        assertThat(hit.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(hit.at("/http_request/url/hostname").asText()).isEqualTo("www.example.com");
        assertThat(hit.at("/http_request/url/path").asText()).isEqualTo("/index.html");
    }

    @Test
    void ciscoAsaAndFtdVpnRefusalsIntrusionAndBotnetFilterEvents() throws Exception {
        JsonNode rejected = line("<166>Mar 01 2026 10:00:12 fw01 : %ASA-4-716039: Group <DfltGrpPolicy> User <jsmith>"
                + " IP <198.51.100.7> Authentication: rejected, Session Type: WebVPN.");
        assertProduct(rejected, "ASA");
        assertAuthentication(rejected, 1, "jsmith", "198.51.100.7");
        assertStatus(rejected, 2);
        JsonNode accepted = line("<166>Mar 01 2026 10:00:11 fw01 : %ASA-6-716038: Group <DfltGrpPolicy> User <jsmith>"
                + " IP <198.51.100.7> Authentication: successful, Session Type: WebVPN.");
        assertAuthentication(accepted, 1, "jsmith", "198.51.100.7");
        assertStatus(accepted, 1);
        JsonNode limit = line("<166>Mar 01 2026 10:00:13 fw01 : %ASA-4-113029: Group <GP_Remote> User <jdoe>"
                + " IP <198.51.100.8> Session could not be established: session limit of 2 reached");
        assertAuthentication(limit, 1, "jdoe", "198.51.100.8");
        assertStatus(limit, 2);
        assertThat(limit.get("status_detail").asText())
                .isEqualTo("Session could not be established: session limit of 2 reached");

        JsonNode intrusion = line("<166>Mar 01 2026 10:00:17 ftd01 : %FTD-1-430001: DeviceUUID:"
                + " 6d6c7e0a-1111-11e9-9a2d-9f0b5f0e0d1c, InstanceID: 1, ConnectionID: 4321, SrcIP: 198.51.100.77,"
                + " DstIP: 10.1.2.3, SrcPort: 44321, DstPort: 80, Protocol: tcp, IngressInterface: outside,"
                + " EgressInterface: dmz, IntrusionPolicy: Balanced, ACPolicy: Default, InlineResult: Blocked,"
                + " IntrusionRuleMessage: \"SERVER-WEBAPP Example path traversal attempt\", Classification:"
                + " Web Application Attack, Priority: 1, GID: 1, SID: 1000001, Revision: 2");
        // Firepower's intrusion events are findings of its Snort engine, the connection as evidence
        assertThat(intrusion.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(intrusion.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("198.51.100.77");
        assertThat(intrusion.at("/evidences/0/src_endpoint/port").asInt()).isEqualTo(44321);
        assertThat(intrusion.at("/evidences/0/dst_endpoint/ip").asText()).isEqualTo("10.1.2.3");
        assertThat(intrusion.at("/evidences/0/dst_endpoint/port").asInt()).isEqualTo(80);
        assertDenied(intrusion);
        assertThat(intrusion.get("is_alert").asBoolean()).isTrue();
        assertThat(intrusion.get("severity_id").asInt()).isEqualTo(4);
        assertThat(intrusion.get("message").asText()).isEqualTo("SERVER-WEBAPP Example path traversal attempt");
        assertThat(intrusion.at("/finding_info/title").asText())
                .isEqualTo("SERVER-WEBAPP Example path traversal attempt");
        assertThat(intrusion.at("/finding_info/uid").asText()).isEqualTo("1000001");
        assertThat(intrusion.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T10:00:17Z"));
        JsonNode wouldBlock = line(intrusion.get("raw_data").asText().replace("InlineResult: Blocked, ", ""));
        assertThat(wouldBlock.has("action_id")).isFalse();
        assertThat(wouldBlock.get("is_alert").asBoolean()).isTrue();

        JsonNode botnet = line("<164>Mar 01 2026 10:00:16 fw01 : %ASA-4-338008: Dynamic Filter dropped blacklisted"
                + " TCP traffic from inside:10.1.1.50/50123 (10.1.1.50/50123) to outside:198.51.100.66/443"
                + " (198.51.100.66/443), destination 198.51.100.66 resolved from dynamic list: bad.example.com,"
                + " threat-level: very-high, category: Malware");
        assertFlow(botnet, 6, "10.1.1.50", 50123, "198.51.100.66", 443);
        assertDenied(botnet);
        assertThat(botnet.get("is_alert").asBoolean()).isTrue();

        JsonNode sfr = line("<164>Mar 01 2026 10:00:18 fw01 : %ASA-4-434002: SFR requested to drop TCP packet from"
                + " outside:198.51.100.70/40000 to inside:10.1.1.60/445");
        assertFlow(sfr, 5, "198.51.100.70", 40000, "10.1.1.60", 445);
        assertDenied(sfr);

        // the same words from another program are not the ASA's
        JsonNode other = line("<14>Mar  1 10:00:19 host7 monitor: Dynamic Filter dropped blacklisted TCP traffic"
                + " from inside:10.1.1.50/50123 to outside:198.51.100.66/443");
        assertThat(other.get("class_uid").asInt()).isZero();
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("ASA");
    }

    @Test
    void lookalikeLinesOfOtherProgramsAreNotClaimed() throws Exception {
        for (String unrelated : new String[] {
            // key=value lines that share a few of the firewalls' keys
            "<14>Mar  1 10:01:00 app01 portal: type=\"utm\" subtype=\"dns\" qname=\"example.org\" action=\"pass\"",
            "<14>Mar  1 10:01:00 app01 mailer: log_type=\"Anti-Spam\" log_component=\"SMTP\" spamaction=\"Reject\"",
            "<14>Mar  1 10:01:00 app01 audit: msg=\"Configuration succeeded: theme changed\" usr=\"admin\"",
            "<14>Mar  1 10:01:00 app01 report: SYSTEM,auth-fail,failed authentication for user 'admin'. From: 198.51.100.1."
        }) {
            JsonNode r = line(unrelated);
            assertThat(r.get("class_uid").asInt()).as(unrelated).isZero();
            assertThat(r.at("/metadata/product/name").asText())
                    .as(unrelated)
                    .isNotIn("FortiGate", "PAN-OS", "Sophos Firewall", "SonicOS", "ASA");
        }
    }

    @Test
    void checkPointOptimizedDropSummariesNameTheFirstPacket() throws Exception {
        JsonNode summary = line(
                "<134>1 2026-03-01T09:50:00Z gw-01 CheckPoint 16953 - [action:\"Drop\"; flags:\"409600\";"
                        + " ifdir:\"inbound\"; logid:\"0\"; origin:\"192.0.2.1\"; time:\"1772358600\"; version:\"5\";"
                        + " drop_reason:\"matched optimized drop\"; layer_name:\"Network\"; rule_action:\"Drop\";"
                        + " rule_name:\"Cleanup rule\"; rule_uid:\"0a1b2c3d\"; packet_amount:\"2\";"
                        + " packets:\" <198.51.100.40,40001,203.0.113.10,3389,6;eth1> <198.51.100.40,40002,203.0.113.11,22,6;eth1>\"]");
        assertFlow(summary, 5, "198.51.100.40", 40001, "203.0.113.10", 3389);
        assertDenied(summary);
        assertThat(summary.at("/connection_info/protocol_num").asInt()).isEqualTo(6);
        assertThat(summary.get("count").asInt()).isEqualTo(2);
        assertThat(summary.at("/firewall_rule/name").asText()).isEqualTo("Cleanup rule");
        assertThat(summary.get("status_detail").asText()).isEqualTo("matched optimized drop");

        // a drop with its own addresses keeps them, whatever its packet list says
        JsonNode own =
                line("<134>1 2026-03-01T09:51:00Z gw-01 CheckPoint 16953 - [action:\"Drop\"; origin:\"192.0.2.1\";"
                        + " time:\"1772358660\"; version:\"5\"; src:\"198.51.100.41\"; s_port:\"40003\"; dst:\"203.0.113.12\";"
                        + " service:\"445\"; proto:\"6\"; rule_name:\"Cleanup rule\";"
                        + " packets:\" <198.51.100.99,1,203.0.113.99,2,17>\"]");
        assertFlow(own, 5, "198.51.100.41", 40003, "203.0.113.12", 445);
    }

    @Test
    void checkPointFieldsStructuredDataReadsAsItsKeyValueForm() throws Exception {
        // the gateway's RFC 5424 structured data, a space before the ']'
        JsonNode accepted = line("<85>1 2026-03-01T10:52:00+01:00 192.0.2.1 CP-GW - Log [Fields@1.3.6.1.4.1.2620"
                + " Action=\"Accept\" src=\"198.51.100.41\" dst=\"203.0.113.12\" proto=\"6\" service=\"443\""
                + " s_port=\"40003\" rule_name=\"Web out\" rule_uid=\"0a1b2c3d\" product=\"VPN-1 & FireWall-1\""
                + " product_family=\"Network\" ]");
        assertProduct(accepted, "Check Point Security Gateway");
        assertFlow(accepted, 6, "198.51.100.41", 40003, "203.0.113.12", 443);
        assertAllowed(accepted);
        assertThat(accepted.at("/connection_info/protocol_num").asInt()).isEqualTo(6);
        assertThat(accepted.at("/firewall_rule/name").asText()).isEqualTo("Web out");
        assertThat(accepted.at("/firewall_rule/uid").asText()).isEqualTo("0a1b2c3d");
        assertThat(accepted.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:52:00Z"));
        // Action is the same source field as the key:"value" form's action
        assertThat(accepted.at("/unmapped/action").asText()).isEqualTo("Accept");
        JsonNode keyValue = line("<134>1 2026-03-01T09:52:00Z gw-01 CheckPoint 16953 - [action:\"Accept\";"
                + " src:\"198.51.100.41\"; dst:\"203.0.113.12\"; proto:\"6\"; service:\"443\"; s_port:\"40003\";"
                + " rule_name:\"Web out\"; rule_uid:\"0a1b2c3d\"; product:\"VPN-1 & FireWall-1\"]");
        for (String attribute : List.of(
                "/class_uid",
                "/activity_id",
                "/action_id",
                "/disposition_id",
                "/src_endpoint/ip",
                "/src_endpoint/port",
                "/dst_endpoint/ip",
                "/dst_endpoint/port",
                "/connection_info/protocol_num",
                "/firewall_rule/name",
                "/firewall_rule/uid")) {
            assertThat(accepted.at(attribute)).as(attribute).isEqualTo(keyValue.at(attribute));
        }

        // newer gateways name the ports svc and sport_svc; a drop, in lower case, with the offset west of UTC
        // written --5:00
        JsonNode dropped = line("<85>1 2026-03-01T04:53:00--5:00 192.0.2.1 CP-GW - Log [Fields@1.3.6.1.4.1.2620"
                + " Action=\"drop\" inzone=\"External\" outzone=\"DMZ\" src=\"198.51.100.42\" dst=\"203.0.113.13\""
                + " proto=\"17\" rule_name=\"Cleanup rule\" ProductName=\"VPN-1 & FireWall-1\" svc=\"53\""
                + " sport_svc=\"40004\" ProductFamily=\"Network\" ]");
        assertFlow(dropped, 5, "198.51.100.42", 40004, "203.0.113.13", 53);
        assertDenied(dropped);
        assertThat(dropped.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:53:00Z"));

        // a Fields element without an action is still the gateway's line: a connection whose verdict is unknown
        JsonNode noAction = line("<85>1 2026-03-01T09:54:00Z 192.0.2.1 CP-GW - Log [Fields@1.3.6.1.4.1.2620"
                + " src=\"198.51.100.43\" dst=\"203.0.113.14\" proto=\"6\" svc=\"443\" ]");
        assertProduct(noAction, "Check Point Security Gateway");
        assertClass(noAction, 4001, 6);
        assertThat(noAction.has("action_id")).isFalse();

        // another sender's element with the same names is not Check Point's
        JsonNode other = line("<85>1 2026-03-01T09:55:00Z 192.0.2.9 edge-fw - Log [Fields@32473"
                + " Action=\"Accept\" src=\"198.51.100.44\" dst=\"203.0.113.15\" proto=\"6\" service=\"443\" ] x");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("Check Point Security Gateway");
        assertThat(other.get("class_uid").asInt()).isZero();
    }

    @Test
    void checkPointConnectionsLoggedWithoutAnActionAreNetworkTrafficOfUnknownVerdict() throws Exception {
        // elastic/integrations packages/checkpoint/data_stream/firewall/_dev/test/pipeline/test-r81x.log: a gateway's
        // Fields element with the connection, its NAT and its rule, and no Action
        JsonNode logged = line("<85>1 2023-01-13T10:10:16--5:00 172.16.2.9 CP-GW - Log [Fields@1.3.6.1.4.1.2620"
                + " inzone=\"DMZ\" outzone=\"External\" service_id=\"https\" src=\"81.2.69.192\" dst=\"81.2.69.142\""
                + " proto=\"6\" xlatesrc=\"81.2.69.144\" xlatedst=\"\" NAT_rulenum=\"1195\" NAT_addtnl_rulenum=\"0\""
                + " user=\"\" src_user_name=\"\" src_machine_name=\"\" src_user_dn=\"\" snid=\"\" dst_user_name=\"\""
                + " dst_machine_name=\"\" dst_user_dn=\"\" UP_match_table=\"TABLE_START\" ROW_START=\"0\" match_id=\"762\""
                + " layer_uuid=\"e2117254-df10-4a5d-8d42-cacc362e077b\" layer_name=\"DETOMPERMFW_2021 Security\""
                + " rule_uid=\"82434e2a-a72c-4a59-8422-a0269fc32e93\" rule_name=\"\" ROW_END=\"0\""
                + " UP_match_table=\"TABLE_END\" ProductName=\"VPN-1 & FireWall-1\" svc=\"443\" sport_svc=\"56530\""
                + " xlatedport_svc=\"\" xlatesport_svc=\"28493\" ProductFamily=\"Network\" ]");
        assertProduct(logged, "Check Point Security Gateway");
        assertFlow(logged, 6, "81.2.69.192", 56530, "81.2.69.142", 443);
        assertThat(logged.has("action_id")).isFalse();
        assertThat(logged.has("disposition_id")).isFalse();
        assertThat(logged.at("/connection_info/protocol_num").asInt()).isEqualTo(6);
        assertThat(logged.at("/firewall_rule/uid").asText()).isEqualTo("82434e2a-a72c-4a59-8422-a0269fc32e93");
        assertThat(logged.get("app_name").asText()).isEqualTo("https");

        // a log without an action that is no connection stays a Base Event of the gateway
        // (test-checkpoint.log: System Monitor's message)
        JsonNode system = line("<134>1 2020-03-29T13:19:20Z gw-da58d3 CheckPoint 1930 - [flags:\"133440\";"
                + " ifdir:\"inbound\"; ifname:\"daemon\"; loguid:\"{0x5e80a059,0x0,0x6401a8c0,0x3c7878a}\";"
                + " origin:\"192.168.1.100\"; sequencenum:\"1\"; version:\"5\"; product:\"System Monitor\";"
                + " sys_message::\"The eth0 interface is not protected by the anti-spoofing feature. Your network may be at"
                + " risk\"]");
        assertBaseEventOf(system, "Check Point Security Gateway");
        // an address without a peer and a protocol is no connection either
        JsonNode oneEnd = line("<85>1 2026-03-01T09:56:00Z 192.0.2.1 CP-GW - Log [Fields@1.3.6.1.4.1.2620"
                + " src=\"198.51.100.45\" product=\"SmartDefense\" ]");
        assertBaseEventOf(oneEnd, "Check Point Security Gateway");
    }

    @Test
    void checkPointAdministratorsAuditAndThreatPrevention() throws Exception {
        JsonNode failed = line("<134>1 2026-03-01T09:40:00Z mgmt-01 CheckPoint 10547 - [action:\"Accept\";"
                + " flags:\"163872\"; ifdir:\"outbound\"; origin:\"192.0.2.10\"; time:\"1772358000\"; version:\"5\";"
                + " additional_info:\"Administrator failed to log in: Wrong Password\"; administrator:\"jdoe\";"
                + " audit_status:\"Failure\"; client_ip:\"198.51.100.31\"; machine:\"ws-031\"; operation:\"Log In\";"
                + " product:\"SmartConsole\"; subject:\"Administrator Login\"]");
        assertProduct(failed, "Check Point Security Gateway");
        assertAuthentication(failed, 1, "jdoe", "198.51.100.31");
        assertStatus(failed, 2);
        assertThat(failed.get("status_detail").asText()).isEqualTo("Administrator failed to log in: Wrong Password");
        assertThat(failed.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:40:00Z"));
        JsonNode ok = line(failed.get("raw_data").asText().replace(" audit_status:\"Failure\";", ""));
        assertAuthentication(ok, 1, "jdoe", "198.51.100.31");
        assertStatus(ok, 1);
        JsonNode logout = line(ok.get("raw_data").asText().replace("\"Log In\"", "\"Log Out\""));
        assertAuthentication(logout, 2, "jdoe", "198.51.100.31");

        JsonNode change = line("<134>1 2026-03-01T09:41:00Z mgmt-01 CheckPoint 10547 - [action:\"Accept\";"
                + " flags:\"163872\"; origin:\"192.0.2.10\"; time:\"1772358060\"; version:\"5\"; administrator:\"jdoe\";"
                + " client_ip:\"198.51.100.31\"; fieldschanges:\"Action: Changed from 'Drop' to 'Accept'\";"
                + " objectname:\"Allow RDP\"; objecttype:\"Access Control Rule\"; operation:\"Modify Rule\";"
                + " product:\"SmartConsole\"; subject:\"Object Manipulation\"]");
        assertThat(change.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(change.get("activity_id").asInt()).isEqualTo(3);
        assertThat(change.at("/actor/user/name").asText()).isEqualTo("jdoe");
        assertThat(change.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.31");
        assertThat(change.at("/resources/0/name").asText()).isEqualTo("Allow RDP");

        JsonNode bot = line("<134>1 2026-03-01T09:42:00Z gw-01 CheckPoint 15871 - [action:\"Block\"; ifname:\"eth1\";"
                + " origin:\"192.0.2.1\"; time:\"1772358120\"; version:\"5\"; dst:\"203.0.113.99\";"
                + " malware_action:\"Communication with C&C site\"; product:\"Anti Malware\";"
                + " protection_name:\"Example.Botnet.C2\"; protection_type:\"URL reputation\"; proto:\"6\";"
                + " resource:\"http://c2.example.net/gate.php\"; s_port:\"50400\"; service:\"80\"; severity:\"3\";"
                + " src:\"10.0.0.44\"]");
        assertFlow(bot, 5, "10.0.0.44", 50400, "203.0.113.99", 80);
        assertDenied(bot);
        assertThat(bot.get("is_alert").asBoolean()).isTrue();
        assertThat(bot.get("severity_id").asInt()).isEqualTo(4);
        assertThat(bot.get("message").asText()).isEqualTo("Example.Botnet.C2");
        assertThat(bot.at("/url/url_string").asText()).isEqualTo("http://c2.example.net/gate.php");
    }

    @Test
    void pfSenseAndOpnSenseWebInterfaceLogins() throws Exception {
        JsonNode ok = line("<134>Mar  1 09:50:00 fw php-fpm[4242]: /index.php: Successful login for user 'admin'"
                + " from: 198.51.100.40 (Local Database)");
        assertProduct(ok, "pfSense/OPNsense");
        assertAuthentication(ok, 1, "admin", "198.51.100.40");
        assertStatus(ok, 1);
        assertThat(ok.get("auth_protocol").asText()).isEqualTo("Local Database");
        JsonNode bad = line("<134>Mar  1 09:50:05 fw php-fpm[4242]: /index.php: webConfigurator authentication error"
                + " for user 'root' from: 198.51.100.41");
        assertAuthentication(bad, 1, "root", "198.51.100.41");
        assertStatus(bad, 2);
        JsonNode opn = line("<38>1 2026-03-01T09:51:00+01:00 opnsense.example.org audit 5151 - [meta sequenceId=\"3\"]"
                + " /index.php: user backup could not authenticate for WebGui. [using OPNsense\\Auth\\Services\\WebGui"
                + " + OPNsense\\Auth\\Local]");
        assertAuthentication(opn, 1, "backup", null);
        assertStatus(opn, 2);
        assertThat(opn.at("/service/name").asText()).isEqualTo("WebGui");
        assertThat(opn.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T08:51:00Z"));
        // another page of the same program is not a login
        assertThat(line("<134>Mar  1 09:52:00 fw php-fpm[4242]: /rc.newwanip: rc.newwanip: Info: starting on igb0.")
                        .at("/metadata/product/name")
                        .asText())
                .isNotEqualTo("pfSense/OPNsense");
    }

    @Test
    void juniperSrxIdpUtmAndAdministratorLogins() throws Exception {
        JsonNode idp = line("<165>1 2026-03-01T09:55:00.100Z srx-01 RT_IDP - IDP_ATTACK_LOG_EVENT"
                + " [junos@2636.1.1.1.2.129 epoch-time=\"1772358900\" message-type=\"SIG\""
                + " source-address=\"198.51.100.77\" source-port=\"44321\" destination-address=\"10.1.2.3\""
                + " destination-port=\"80\" protocol-name=\"TCP\" service-name=\"SERVICE_IDP\" application-name=\"HTTP\""
                + " rule-name=\"2\" rulebase-name=\"IPS\" policy-name=\"Recommended\" repeat-count=\"0\" action=\"DROP\""
                + " threat-severity=\"CRITICAL\" attack-name=\"HTTP:EXAMPLE:DIR-TRAVERSAL\""
                + " source-zone-name=\"untrust\" destination-zone-name=\"dmz\" message=\"-\"]");
        assertProduct(idp, "SRX");
        assertFlow(idp, 6, "198.51.100.77", 44321, "10.1.2.3", 80);
        assertDenied(idp);
        assertThat(idp.get("is_alert").asBoolean()).isTrue();
        assertThat(idp.get("severity_id").asInt()).isEqualTo(5);
        assertThat(idp.get("message").asText()).isEqualTo("HTTP:EXAMPLE:DIR-TRAVERSAL");
        assertThat(idp.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:55:00.100Z"));

        JsonNode web = line("<12>1 2026-03-01T09:56:00.000Z srx-01 RT_UTM - WEBFILTER_URL_BLOCKED"
                + " [junos@2636.1.1.1.2.129 source-address=\"10.0.0.5\" source-port=\"50500\""
                + " destination-address=\"203.0.113.80\" destination-port=\"443\" category=\"Enhanced_Malware\""
                + " reason=\"BY_SITE_REPUTATION_MALICIOUS\" profile=\"WCF1\" url=\"bad.example.net\" obj=\"/x\""
                + " username=\"jdoe\" roles=\"N/A\"]");
        assertThat(web.get("class_uid").asInt()).isEqualTo(4002);
        assertDenied(web);
        assertThat(web.at("/http_request/url/hostname").asText()).isEqualTo("bad.example.net");
        assertThat(web.at("/http_request/url/path").asText()).isEqualTo("/x");

        JsonNode login = line("<13>1 2026-03-01T09:57:00.000Z srx-01 mgd 4242 UI_LOGIN_EVENT"
                + " [junos@2636.1.1.1.1.39 username=\"netops\" hostname=\"\" tty-name=\"/dev/pts/0\""
                + " class-name=\"super-user\"] User 'netops' login, class 'super-user' [4242],"
                + " ssh-connection '198.51.100.23 50022 10.0.0.1 22', client-mode 'cli'");
        assertAuthentication(login, 1, "netops", "198.51.100.23");
        assertStatus(login, 1);
    }

    @Test
    void merakiAnyConnectAndWirelessAuthentications() throws Exception {
        JsonNode connect = line("<134>1 1772358000.123456789 MX-HQ events anyconnect_vpn_connect user id 'jdoe'"
                + " local ip 10.99.0.12 connected from 198.51.100.50");
        assertProduct(connect, "Meraki");
        assertAuthentication(connect, 1, "jdoe", "198.51.100.50");
        assertStatus(connect, 1);
        assertThat(connect.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:40:00.123Z"));
        JsonNode auth = line("<134>1 1772358001.000000000 MX-HQ events type=anyconnect_vpn_auth_success msg="
                + " 'RADIUS[77] Server IP=10.0.0.20 Server port=1812 Peer IP=198.51.100.50 Peer port=50000"
                + " User=jdoe: Authentication request accepted. '");
        assertAuthentication(auth, 1, "jdoe", "198.51.100.50");
        assertStatus(auth, 1);
        JsonNode ended = line("<134>1 1772361600.000000000 MX-HQ events type=anyconnect_vpn_session_manager msg="
                + " 'Sess-ID[12] Peer IP=198.51.100.50 User[jdoe]: Session disconnected. Session Type: SSL,"
                + " Duration: 0d:01h:00m:00s, Bytes xmt: 1000, Bytes rcv: 2000, Reason: User Requested '");
        assertAuthentication(ended, 2, "jdoe", "198.51.100.50");
        assertThat(ended.get("status_detail").asText()).isEqualTo("User Requested");
        JsonNode dot1x = line("<134>1 1772358002.000000000 AP-2F events type=8021x_eap_success radio='1' vap='2'"
                + " client_mac='AA:BB:CC:00:11:22' client_ip='0.0.0.0' identity='asmith@corp.example'");
        assertThat(dot1x.get("class_uid").asInt()).isEqualTo(3002);
        assertStatus(dot1x, 1);
        assertThat(dot1x.at("/user/name").asText()).isEqualTo("asmith@corp.example");
        assertThat(dot1x.at("/src_endpoint/mac").asText()).isEqualTo("AA:BB:CC:00:11:22");
    }

    @Test
    void fortiGateIntrusionAndVirusLogsNameTheThreat() throws Exception {
        JsonNode ips = line("<185>date=2026-03-01 time=10:05:00 devname=\"FGT-HQ\" devid=\"FGT60FTK2209C042\""
                + " logid=\"0419016384\" type=\"utm\" subtype=\"ips\" eventtype=\"signature\" level=\"alert\""
                + " vd=\"root\" severity=\"critical\" srcip=198.51.100.77 dstip=10.1.2.3 srcport=44321 dstport=80"
                + " sessionid=7001 action=\"dropped\" proto=6 service=\"HTTP\" policyid=7"
                + " attack=\"Example.Web.Server.Path.Traversal\" attackid=99001 profile=\"default\""
                + " msg=\"web_server: Example.Web.Server.Path.Traversal,\"");
        assertFlow(ips, 6, "198.51.100.77", 44321, "10.1.2.3", 80);
        assertDenied(ips);
        assertThat(ips.get("is_alert").asBoolean()).isTrue();
        assertThat(ips.get("severity_id").asInt()).isEqualTo(5);
        assertThat(ips.get("message").asText()).isEqualTo("Example.Web.Server.Path.Traversal");
        JsonNode virus = line("<188>date=2026-03-01 time=10:06:00 devname=\"FGT-HQ\" devid=\"FGT60FTK2209C042\""
                + " logid=\"0211008192\" type=\"utm\" subtype=\"virus\" eventtype=\"infected\" level=\"warning\""
                + " vd=\"root\" msg=\"File is infected.\" action=\"blocked\" service=\"HTTP\" sessionid=7002"
                + " srcip=10.1.2.40 dstip=203.0.113.60 srcport=51000 dstport=80 proto=6 direction=\"incoming\""
                + " filename=\"setup.exe\" virus=\"W32/Example.A!tr\" dtype=\"Virus\"");
        assertFlow(virus, 6, "10.1.2.40", 51000, "203.0.113.60", 80);
        assertDenied(virus);
        assertThat(virus.get("message").asText()).isEqualTo("W32/Example.A!tr");
    }
}
