package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.assertStatus;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Appliances and server agents whose lines the Wazuh ruleset reads and which have a mapping file of their
 * own: DDoS mitigation (Fortinet FortiDDoS attack logs, NETSCOUT Arbor Edge Defense notifications), Sophos
 * Anti-Virus' SAV.txt, the OpenPegasus CIM server and Microsoft Exchange's HttpProxy logs. Each is tested
 * with the shared corpus' lines and lines written from the vendor's documented format, and with a
 * neighbouring line that the new file must leave alone.
 */
class DdosMitigationAntivirusCimAndExchangeMappingsTest {

    @Test
    void fortiDdosAttackLogsAreFlowsWithAnAlertDroppedOrCountedByTheProfilesMode() throws Exception {
        // documented format (FortiDDoS handbook, "Configuring remote log server settings for DDoS attack log")
        JsonNode flood = line("Oct 10 10:56:00 170.30.100.162 devid=FI-1KB3913000012 date=2018-10-10 time=10:56:00"
                + " tz=PDT type=attack spp=2 evecode=2 evesubcode=87 description=\"HTTP Method flood from source\""
                + " dir=1 protocol=6 sip=41.1.61.9 dip=41.20.0.20 dport=80 dropcount=72 subnet_id=7 facility=Local0"
                + " level=Notice direction=inbound spp_name=\"2Two\" subnet_name=\"Seven\"");
        assertProduct(flood, "FortiDDoS");
        assertFlow(flood, 5, "41.1.61.9", null, "41.20.0.20", 80);
        assertDenied(flood);
        assertThat(flood.get("is_alert").asBoolean()).isTrue();
        assertThat(flood.get("message").asText()).isEqualTo("HTTP Method flood from source");
        assertThat(flood.get("count").asInt()).isEqualTo(72);
        assertThat(flood.at("/connection_info/protocol_num").asInt()).isEqualTo(6);
        assertThat(flood.at("/connection_info/direction_id").asInt()).isEqualTo(1);
        assertThat(flood.at("/policy/name").asText()).isEqualTo("2Two");
        assertThat(flood.at("/device/uid").asText()).isEqualTo("FI-1KB3913000012");
        assertThat(flood.get("time").asLong()).isEqualTo(epochMillis("2018-10-10T17:56:00Z"));

        // documented format (FortiDDoS 7.0 handbook, Appendix B): a profile in detection mode, the source
        // not tracked (0.0.0.0)
        JsonNode detected = line("<133>devid=FI-1KB3914000025 date=2023-02-21 time=21:05:03 tz=PST type=attack spp=0"
                + " evecode=1 evesubcode=60 description=\"Denied: IP address\" dir=0 sip=0.0.0.0 dip=1.1.1.146"
                + " dropcount=944605 facility=Local0 level=Notice direction=outbound spp_name=\"SPP-1\""
                + " subnet_name=\"default\" sppoperatingmode=detection");
        assertThat(detected.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(detected.get("activity_id").asInt()).isEqualTo(6);
        assertThat(detected.get("action").asText()).isEqualTo("Allowed");
        assertThat(detected.get("disposition").asText()).isEqualTo("Detected");
        assertThat(detected.at("/src_endpoint/ip").isMissingNode()).isTrue();
        assertThat(detected.at("/dst_endpoint/ip").asText()).isEqualTo("1.1.1.146");
        assertThat(detected.at("/connection_info/direction_id").asInt()).isEqualTo(2);

        // corpus (Wazuh fortiddos-like): relayed with an ISO time and the sender's address, its severity
        JsonNode relayed = line("2021-05-27T23:59:59.998837-03:00 12.34.56.78 devid=FGXXXXXXX date=2021-05-28"
                + " time=00:00:00 tz=ART type=attack subtype=\"ips\" spp=4 evecode=2 evesubcode=27"
                + " description=\"TCP invalid flag combination \" dir=1 protocol=6 sip=0.0.0.0 dip=12.34.56.79"
                + " dropcount=30 subnetid=95 facility=Local0 level=Notice direction=inbound spp_name=\"YYYYY\""
                + " subnet_name=\"ZZZZZ\" sppoperatingmode=detection severity=\"high\"");
        assertProduct(relayed, "FortiDDoS");
        assertThat(relayed.get("severity_id").asInt()).isEqualTo(4);
        assertThat(relayed.get("count").asInt()).isEqualTo(30);

        // FortiDDoS' own event logs and a FortiGate IPS log are not attack logs
        JsonNode event = line("date=2017-10-18 time=14:27:36 tz=PDT devid=FI200B3914000081 log_id=0000001065"
                + " type=event subtype=config user=admin");
        assertThat(event.at("/metadata/product/name").asText()).isNotEqualTo("FortiDDoS");
        JsonNode fortiGate = line("date=2026-03-01 time=09:00:00 devname=\"fw1\" devid=\"FGT60E0000000001\""
                + " logid=\"0419016384\" type=\"utm\" subtype=\"ips\" level=\"alert\" vd=\"root\" srcip=203.0.113.9"
                + " dstip=10.0.0.5 action=\"dropped\" attack=\"SYN.Flood\"");
        assertThat(fortiGate.at("/metadata/product/name").asText()).isNotEqualTo("FortiDDoS");
    }

    @Test
    void arborEdgeDefenseBlockedHostsAreRefusedFlowsAndItsChangeLogApiActivity() throws Exception {
        // documented format (NETSCOUT AED syslog notifications as a syslog server receives them: no space
        // after the program's colon; sample shape of the Splunk TA for NETSCOUT AED's README)
        JsonNode blocked = line(
                "<132>2022-05-13T15:32:31.000000+02:00 aed1.example.net arbor-networks-aps:Blocked Host:"
                        + " Blocked host 198.51.100.23 at 15:32 by Invalid Packets using TCP/22 (SSH) destination 203.0.113.22"
                        + " source port 54900,EPOCH: 1652448750,PGID: 69,PGNAME: pg_web,URL: https://aed1.example.net/summary/");
        assertProduct(blocked, "Arbor Edge Defense");
        assertFlow(blocked, 5, "198.51.100.23", 54900, "203.0.113.22", 22);
        assertDenied(blocked);
        assertThat(blocked.get("is_alert").asBoolean()).isTrue();
        assertThat(blocked.get("status_detail").asText()).isEqualTo("Invalid Packets");
        assertThat(blocked.at("/dst_endpoint/svc_name").asText()).isEqualTo("SSH");
        assertThat(blocked.at("/connection_info/protocol_name").asText()).isEqualTo("TCP");
        assertThat(blocked.at("/policy/name").asText()).isEqualTo("pg_web");
        assertThat(blocked.at("/policy/uid").asText()).isEqualTo("69");
        assertThat(blocked.at("/device/hostname").asText()).isEqualTo("aed1.example.net");
        assertThat(blocked.get("time").asLong()).isEqualTo(1652448750000L);
        // the same as a syslog server's file writes it, without the priority
        JsonNode filed = line("2022-05-13T15:32:31.000000+02:00 aed1.example.net arbor-networks-aps:Blocked Host:"
                + " Blocked host 2001:db8::23 at 15:32 by TCP SYN Flood Detection using TCP/443 (HTTPS) destination"
                + " 2001:db8:1::22 source port 40022,EPOCH: 1652448750,PGID: 69,PGNAME: pg_web,URL: https://aed1/");
        assertFlow(filed, 5, "2001:db8::23", 40022, "2001:db8:1::22", 443);
        assertThat(filed.at("/device/hostname").asText()).isEqualTo("aed1.example.net");
        // corpus (Wazuh arbor): the addresses and ports masked, left out
        JsonNode masked = line("Sep 11 23:23:32 user arbor-networks-aps: Blocked Host: Blocked host xxx.xxx.xxx.xxx at"
                + " hh:mm by Invalid Packets using TCP/23 (TELNET) destination yyy.yyy.yyy.yyy source port pppp,URL:"
                + " http://web");
        assertThat(masked.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(masked.get("activity_id").asInt()).isEqualTo(5);
        assertThat(masked.at("/src_endpoint/ip").isMissingNode()).isTrue();
        assertThat(masked.at("/dst_endpoint/port").asInt()).isEqualTo(23);
        assertThat(masked.at("/dst_endpoint/svc_name").asText()).isEqualTo("TELNET");

        JsonNode change = line("<133>2022-05-16T10:49:19.000000+02:00 aed1.example.net arbor-networks-aps:Change Log:"
                + " Username: system, Subsystem: ATLAS Intelligence Feed, Message: AIF Update requested: Rules: updated."
                + " Reputation Feed: updated.,URL: https://aed1.example.net/administration/changelog/");
        assertThat(change.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(change.at("/actor/user/name").asText()).isEqualTo("system");
        assertThat(change.at("/api/service/name").asText()).isEqualTo("ATLAS Intelligence Feed");
        assertThat(change.get("message").asText())
                .isEqualTo("AIF Update requested: Rules: updated. Reputation Feed: updated.");

        // a bandwidth notification names no host blocked: a Base Event of AED
        JsonNode bandwidth = line("<132>2022-05-16T09:27:27.000000+02:00 aed1.example.net arbor-networks-aps:Bandwidth:"
                + " Traffic for protection group 'pg_web' exceeded the threshold above the baseline.  The traffic"
                + " level was 7.48 kpps.,URL: https://aed1.example.net/groups/view/?id=141");
        assertBaseEventOf(bandwidth, "Arbor Edge Defense");
        // another program's text of the same words is not AED's
        JsonNode other = line("<132>Mar  1 09:00:00 host1 myips: Blocked Host: Blocked host 198.51.100.23 at 15:32 by"
                + " Invalid Packets using TCP/22 (SSH) destination 203.0.113.22 source port 54900");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("Arbor Edge Defense");
    }

    @Test
    void sophosAntiVirusScansProtectionSwitchedOffAndThreatsFound() throws Exception {
        // corpus (Wazuh sophos): SAV.txt lines, date and time, a tab, the message
        JsonNode started = line("20160806 050000\tScan 'Sophos Cloud Scheduled Scan' started.");
        assertProduct(started, "Sophos Anti-Virus");
        assertThat(started.get("class_uid").asInt()).isEqualTo(6007);
        assertThat(started.get("activity_id").asInt()).isEqualTo(1);
        assertThat(started.at("/scan/name").asText()).isEqualTo("Sophos Cloud Scheduled Scan");
        assertThat(started.at("/unmapped/savDate").asText()).isEqualTo("20160806");
        // SAV.txt's time is UTC, whatever the source's clock zone
        assertThat(started.get("time").asLong()).isEqualTo(epochMillis("2016-08-06T05:00:00Z"));
        JsonNode completed = line("20160806 052043\tScan 'Sophos Cloud Scheduled Scan' completed.");
        assertThat(completed.get("class_uid").asInt()).isEqualTo(6007);
        assertThat(completed.get("activity_id").asInt()).isEqualTo(2);
        JsonNode stopped = line(
                "20160805 175034\tUser (NT AUTHORITY\\SYSTEM) has stopped on-access scanning for this" + " machine.");
        assertThat(stopped.get("class_uid").asInt()).isEqualTo(5019);
        assertThat(stopped.get("state").asText()).isEqualTo("Disabled");
        assertThat(stopped.at("/security_states/0/state").asText()).isEqualTo("Protection off");
        assertThat(stopped.get("severity_id").asInt()).isEqualTo(4);
        assertThat(stopped.at("/actor/user/name").asText()).isEqualTo("NT AUTHORITY\\SYSTEM");
        JsonNode dataVersion = line("20160805 175143\tUsing detection data version 5.29 (detection engine 3.65.2). This"
                + " version can detect 11628132 items.");
        assertBaseEventOf(dataVersion, "Sophos Anti-Virus");

        // documented messages of SAV.txt (Sophos' knowledge base on the Windows log files)
        JsonNode restarted =
                line("20170412 091502\tUser (CORP\\alice) has started on-access scanning for this machine.");
        assertThat(restarted.get("class_uid").asInt()).isEqualTo(5019);
        assertThat(restarted.get("state").asText()).isEqualTo("Enabled");
        JsonNode threat =
                line("20170412 091733\tFile \"C:\\Users\\alice\\Downloads\\eicar.com\" belongs to virus/spyware"
                        + " 'EICAR-AV-Test'.");
        assertThat(threat.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(threat.at("/finding_info/title").asText()).isEqualTo("EICAR-AV-Test");
        assertThat(threat.at("/malware/0/name").asText()).isEqualTo("EICAR-AV-Test");
        assertThat(threat.at("/evidences/0/file/path").asText()).isEqualTo("C:\\Users\\alice\\Downloads\\eicar.com");
        assertThat(threat.get("is_alert").asBoolean()).isTrue();

        // the same words without SAV.txt's date and time are not Sophos Anti-Virus'
        JsonNode other = line("<14>Mar  1 09:00:00 host1 scanner: Scan 'nightly' started.");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("Sophos Anti-Virus");
    }

    @Test
    void openPegasusAuthenticationFailuresAndAuditedOperations() throws Exception {
        // corpus (Wazuh cimserver)
        JsonNode failed =
                line("Dec 18 18:06:28 hostname cimserver[18575]: PGS17200: Authentication failed for user jones_b.");
        assertProduct(failed, "OpenPegasus CIM Server");
        assertLogon(failed, 2, "jones_b", null);
        assertThat(failed.get("auth_protocol").asText()).isEqualTo("Basic Authentication");
        assertThat(failed.at("/unmapped/pgsMsgId").asText()).isEqualTo("PGS17200");
        // corpus (Wazuh cimserver, a line its decoder must not take): another program
        JsonNode vimserver = line("Dec 18 18:06:29 hostname vimserver[18575]: PGS17200: Authentication failed for user"
                + " domain\\jones_b.");
        assertThat(vimserver.at("/metadata/product/name").asText()).isNotEqualTo("OpenPegasus CIM Server");

        // documented messages (OpenPegasus' server message bundle, pegasusServer_en.txt)
        JsonNode withClient =
                line("<85>Mar  1 09:12:44 hpux01 cimserver[2211]: PGS17205: Authentication failed for user"
                        + " mallory from client IP address 203.0.113.50.");
        assertLogon(withClient, 2, "mallory", "203.0.113.50");
        JsonNode privileged =
                line("<85>Mar  1 09:12:45 hpux01 cimserver[2211]: PGS17201: Authentication failed for user"
                        + " 'root' because enableRemotePrivilegedUserAccess is not set to 'true'.");
        assertLogon(privileged, 2, "root", null);
        assertThat(privileged.get("status_detail").asText())
                .isEqualTo("enableRemotePrivilegedUserAccess is not set to 'true'");
        JsonNode local = line("<85>Mar  1 09:12:46 hpux01 cimserver[2211]: PGS17402: Local Authentication failed for"
                + " user bob from client IP address 127.0.0.1.");
        assertLogon(local, 2, "bob", "127.0.0.1");
        // the audit log's attempts, successful or not
        JsonNode basicOk = line("<86>Mar  1 09:12:47 hpux01 cimserver[2211]: PGS17815: Basic authentication attempt:"
                + " successful = true, from IP address = 192.0.2.8, user = wbemadmin.");
        assertLogon(basicOk, 1, "wbemadmin", "192.0.2.8");
        JsonNode basicFailed =
                line("<84>Mar  1 09:12:48 hpux01 cimserver[2211]: PGS17815: Basic authentication attempt:"
                        + " successful = false, from IP address = 198.51.100.9, user name = guest.");
        assertLogon(basicFailed, 2, "guest", "198.51.100.9");
        // an audited operation that deleted an instance, and a method its caller was refused
        JsonNode deleted = line(
                "<86>Mar  1 09:12:50 hpux01 cimserver[2211]: PGS17809: A CIM DeleteInstance operation on"
                        + " instance \"PG_ProviderModule.Name=\"OperatingSystemModule\"\" in namespace \"root/PG_InterOp\" by user"
                        + " \"wbemadmin\" connected from system \"192.0.2.8\" resulted in status \"CIM_ERR_SUCCESS: Successful.\".");
        assertThat(deleted.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(deleted.get("activity_id").asInt()).isEqualTo(4);
        assertStatus(deleted, 1);
        assertThat(deleted.at("/api/operation").asText()).isEqualTo("DeleteInstance");
        assertThat(deleted.at("/actor/user/name").asText()).isEqualTo("wbemadmin");
        assertThat(deleted.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.8");
        assertThat(deleted.at("/resources/0/name").asText())
                .isEqualTo("PG_ProviderModule.Name=\"OperatingSystemModule\"");
        assertThat(deleted.at("/resources/0/type").asText()).isEqualTo("instance");
        assertThat(deleted.at("/unmapped/pgsNamespace").asText()).isEqualTo("root/PG_InterOp");
        JsonNode refused = line("<86>Mar  1 09:12:51 hpux01 cimserver[2211]: PGS17811: A CIM InvokeMethod operation on"
                + " method \"stop\" of object \"PG_ProviderModule.Name=\"OperatingSystemModule\"\" in namespace"
                + " \"root/PG_InterOp\" by user \"guest\" connected from system \"198.51.100.9\" resulted in status"
                + " \"CIM_ERR_ACCESS_DENIED: Access to a CIM resource is not available to the client.\".");
        assertThat(refused.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(refused.get("activity_id").asInt()).isEqualTo(99);
        assertStatus(refused, 2);
        assertThat(refused.at("/api/operation").asText()).isEqualTo("stop");
        assertThat(refused.get("status_detail").asText()).startsWith("CIM_ERR_ACCESS_DENIED");
        JsonNode config = line("<86>Mar  1 09:12:52 hpux01 cimserver[2211]: PGS17804: The current value of property"
                + " \"enableAuditLog\" is modified from value \"true\" to value \"false\" by user \"root\".");
        assertThat(config.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(config.get("activity_id").asInt()).isEqualTo(3);
        assertThat(config.at("/resources/0/name").asText()).isEqualTo("enableAuditLog");
        assertThat(config.at("/actor/user/name").asText()).isEqualTo("root");
        // a status message of the server stays a Base Event of it
        assertBaseEventOf(
                line("<86>Mar  1 09:12:53 hpux01 cimserver[2211]: PGS10026: The CIM server is listening on HTTPS port"
                        + " 5989."),
                "OpenPegasus CIM Server");
    }

    @Test
    void exchangeHttpProxyRequestsAreHttpActivityWithTheColumnsDetectionReads() throws Exception {
        // corpus (Wazuh HTTPProxyLog): a request to the ECP with an AnchorMailbox of the ServerInfo~ form and
        // no authenticated user, as the ProxyLogon server-side request forgery (CVE-2021-26855) leaves it
        JsonNode ssrf = line(
                "2021-04-06T14:54:34.255Z,61d2c86f-f9bb-456d-88c0-3529172510ac,15,0,847,30,,Ecp,192.168.0.60,/ecp/lkO"
                        + ".js,,FBA,False,,,ServerInfo~Admin@WIN-03FGEGKLSPR:444/ecp/DDI/DDIService.svc/GetList?reqId=161558348"
                        + "7987&schema=VirtualDirectory&msExchEcpCanary=Sw7TsEblh0O9yAO2zOMLYYjmrzSe-tgIeEyMoR9keCLkC8uBhZ54ExF"
                        + "EhXKulvSv9x5C62ymOnE.&a=,Mozilla/5.0,192.168.0.127,WIN-03FGEGKLSPR,200,200,,POST,Proxy,win-03fgegkls"
                        + "pr,41.42.31996.000,CrossRegion,X-BEResource-Cookie,,,,159,598,1,,0,0,,0,,0,,0,0,6375,0,0,1,0,6378,0,"
                        + "0,0,6380,0,6378,1,2,2,6380,,,CorrelationID=<empty>;BeginRequest=2021-04-06T14:54:27.880Z;ProxyState-"
                        + "Run=None;BeginGetRequestStream=2021-04-06T14:54:27.880Z;OnRequestStreamReady=2021-04-06T14:54:27.880"
                        + "Z;BeginGetResponse=2021-04-06T14:54:27.880Z;OnResponseReady=2021-04-06T14:54:34.255Z;EndGetResponse="
                        + "2021-04-06T14:54:34.255Z;ProxyState-Complete=ProxyResponseData;,");
        assertProduct(ssrf, "Exchange Server");
        assertThat(ssrf.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(ssrf.get("activity_id").asInt()).isEqualTo(6);
        assertThat(ssrf.at("/http_request/url/path").asText()).isEqualTo("/ecp/lkO.js");
        assertThat(ssrf.at("/http_request/url/hostname").asText()).isEqualTo("192.168.0.60");
        assertThat(ssrf.at("/http_request/user_agent").asText()).isEqualTo("Mozilla/5.0");
        assertThat(ssrf.at("/http_response/code").asInt()).isEqualTo(200);
        assertThat(ssrf.at("/src_endpoint/ip").asText()).isEqualTo("192.168.0.127");
        assertThat(ssrf.at("/dst_endpoint/hostname").asText()).isEqualTo("WIN-03FGEGKLSPR");
        assertThat(ssrf.get("app_name").asText()).isEqualTo("Ecp");
        assertThat(ssrf.at("/actor/user/name").isMissingNode()).isTrue();
        assertThat(ssrf.at("/unmapped/AnchorMailbox").asText()).startsWith("ServerInfo~Admin@WIN-03FGEGKLSPR:444/ecp/");
        assertThat(ssrf.at("/unmapped/IsAuthenticated").asText()).isEqualTo("False");
        assertThat(ssrf.at("/unmapped/RoutingHint").asText()).isEqualTo("X-BEResource-Cookie");
        assertThat(ssrf.get("time").asLong()).isEqualTo(epochMillis("2021-04-06T14:54:34.255Z"));

        // documented columns (the HttpProxy log's #Fields header): an authenticated OWA request whose user
        // agent the CSV quotes for its comma
        JsonNode owa = line("2026-03-01T09:20:11.512Z,7e0c2f1d-3c1b-4b55-9d0e-0a1b2c3d4e5f,15,2,1544,4,,Owa,"
                + "mail.example.com,/owa/service.svc,GetItem,Negotiate,True,EXAMPLE\\alice,,SMTP:alice@example.com,"
                + "\"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)\",203.0.113.40,"
                + "EX01,200,200,,GET,Proxy,ex02.example.com,15.02.1544.004,Local,Mailbox~alice@example.com,,"
                + "ex02.example.com,1,0,5120,,,,,");
        assertThat(owa.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(owa.get("activity_id").asInt()).isEqualTo(3);
        assertThat(owa.at("/http_request/user_agent").asText())
                .isEqualTo("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)");
        assertThat(owa.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.40");
        assertThat(owa.at("/actor/user/name").asText()).isEqualTo("EXAMPLE\\alice");
        assertThat(owa.at("/http_response/length").asInt()).isEqualTo(5120);
        assertThat(owa.at("/unmapped/TargetServer").asText()).isEqualTo("ex02.example.com");

        // Exchange's message tracking log is CSV with the same kind of time, but no HttpProxy request
        JsonNode tracking = line("2022-09-13T14:38:59.177Z,1234DADADA795F2,10.10.10.10,95.11.22.33:46904,95.11.22.33,,"
                + "user.name@domain.com,user.name@domain.com;,user.name2@domain2.com,1,Inbound Trust Agent,"
                + "OnEndOfHeaders,ModifyHeaders,,,,Cross premises headers filtered,12345678-3232-2323-1111-12345679987,,"
                + "Incoming");
        assertThat(tracking.at("/metadata/product/name").asText()).isNotEqualTo("Exchange Server");
    }
}
