package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAllowed;
import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The network and access sources of small and medium customers, with lines written from their
 * documented formats: Ubiquiti UniFi Network's CEF and its gateways' firewall lines, Microsoft NPS
 * (RADIUS) in the Security log, Barracuda CloudGen Firewall's activity and threat logs, and Aruba AOS
 * controllers' and Instant APs' authentications. Logins are Authentication with user, client and
 * outcome, traffic Network Activity with the verdict, IPS hits alerts; other messages Base Events of
 * the product, and other sources' lines are not claimed.
 */
class SmbNetworkAccessMappingsTest {

    private static final String UNIFI = "<134>Mar  1 10:00:00 udm01 CEF:0|Ubiquiti|UniFi Network|9.3.33|";

    @Test
    void uniFiAdministratorAccessIsAuthenticationAndConfigChangesApiActivity() throws Exception {
        JsonNode access = line(UNIFI + "544|Admin Accessed UniFi Network|1|UNIFIcategory=System UNIFIsubCategory=Admin"
                + " UNIFIhost=udm01 UNIFIaccessMethod=web UNIFIadmin=Jane Roe src=198.51.100.40 msg=Jane Roe accessed"
                + " UniFi Network using the web. Source IP: 198.51.100.40");
        assertLogon(access, 1, "Jane Roe", "198.51.100.40");
        assertProduct(access, "UniFi Network");
        assertThat(access.at("/metadata/log_name").asText()).isEqualTo("System");

        JsonNode removed = line(UNIFI + "549|Admin Removed Config|3|UNIFIcategory=System UNIFIsubCategory=Admin"
                + " UNIFIhost=udm01 UNIFIaccessMethod=web UNIFIsettingsSection=FIREWALL_POLICY UNIFIsettingsEntry=Allow"
                + " Guests UNIFIadmin=Jane Roe src=198.51.100.40 msg=Jane Roe removed Allow Guests Firewall Policy.");
        assertThat(removed.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(removed.get("activity_id").asInt()).isEqualTo(4);
        assertThat(removed.at("/actor/user/name").asText()).isEqualTo("Jane Roe");
        assertThat(removed.at("/resources/0/name").asText()).isEqualTo("Allow Guests");
        assertThat(removed.at("/resources/0/type").asText()).isEqualTo("FIREWALL_POLICY");

        // UniFi OS names the administrator and the address only in its message
        JsonNode os = line("<134>Mar  1 10:00:00 udm01 CEF:0|Ubiquiti|UniFi OS|5.1.31|1005|Admin Made Config"
                + " Changes|2|UNIFIhost=Host UNIFIdeviceName=udm01 msg=Max Mustermann changed SSH setting from \"off\""
                + " to \"on\". Source IP: 203.0.113.8");
        assertThat(os.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(os.get("activity_id").asInt()).isEqualTo(3);
        assertThat(os.at("/actor/user/name").asText()).isEqualTo("Max Mustermann");
        assertThat(os.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.8");
    }

    @Test
    void uniFiThreatManagementAlertsAreNetworkActivityAlerts() throws Exception {
        JsonNode blocked = line(UNIFI + "201|Threat Detected and Blocked|7|UNIFIcategory=Security UNIFIhost=udm01"
                + " proto=TCP spt=51000 dpt=8443 act=blocked UNIFIrisk=high UNIFIpolicyName=Scanners UNIFIpolicyType=IDS/IPS"
                + " UNIFIdirection=incoming UNIFIdeviceIp=192.0.2.1 src=203.0.113.66 dst=192.0.2.20"
                + " UNIFIipsSessionId=1234567 UNIFIipsSignature=ET SCAN Example Scanner UNIFIipsSignatureId=2000001"
                + " UNIFIutcTime=2026-03-01T09:59:58.250Z msg=A network intrusion attempt from 203.0.113.66 to"
                + " 192.0.2.20 has been detected and blocked.");
        assertFlow(blocked, 6, "203.0.113.66", 51000, "192.0.2.20", 8443);
        assertDenied(blocked);
        assertThat(blocked.get("is_alert").asBoolean()).isTrue();
        assertThat(blocked.get("message").asText()).isEqualTo("ET SCAN Example Scanner");
        assertThat(blocked.get("severity_id").asInt()).isEqualTo(4);
        assertThat(blocked.at("/firewall_rule/name").asText()).isEqualTo("Scanners");
        // UNIFIutcTime, not the syslog header's time
        assertThat(blocked.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:59:58.250Z"));

        JsonNode detected = line(UNIFI + "200|Threat Detected|5|UNIFIcategory=Security proto=UDP spt=53 dpt=40000"
                + " UNIFIrisk=low src=192.0.2.53 dst=192.0.2.30 UNIFIipsSignature=ET INFO Example msg=detected");
        assertFlow(detected, 6, "192.0.2.53", 53, "192.0.2.30", 40000);
        assertThat(detected.get("is_alert").asBoolean()).isTrue();
        assertThat(detected.has("action_id")).isFalse();
        assertThat(detected.get("severity_id").asInt()).isEqualTo(2);
    }

    @Test
    void uniFiClientsConnectingAndLeavingAreNetworkActivity() throws Exception {
        JsonNode connected = line(UNIFI + "400|WiFi Client Connected|1|UNIFIcategory=Monitoring UNIFIsubCategory=WiFi"
                + " UNIFIconnectedToDeviceName=ap-hall UNIFIconnectedToDeviceIp=192.0.2.5"
                + " UNIFIconnectedToDeviceMac=02:00:00:00:00:05 UNIFIclientAlias=Laptop 7 UNIFIclientHostname=laptop7"
                + " UNIFIclientIp=192.0.2.77 UNIFIclientMac=02:00:00:00:00:77 UNIFIwifiName=Office UNIFInetworkVlan=20"
                + " msg=Laptop 7 connected to Office on ap-hall.");
        assertThat(connected.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(connected.get("activity_id").asInt()).isEqualTo(1);
        assertThat(connected.at("/src_endpoint/mac").asText()).isEqualTo("02:00:00:00:00:77");
        assertThat(connected.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.77");
        assertThat(connected.at("/dst_endpoint/name").asText()).isEqualTo("ap-hall");

        JsonNode gone =
                line(UNIFI + "401|WiFi Client Disconnected|2|UNIFIcategory=Monitoring UNIFIclientMac=02:00:00:00:00:77"
                        + " UNIFIclientIp=192.0.2.77 UNIFIlastConnectedToDeviceName=ap-hall msg=Laptop 7 disconnected");
        assertThat(gone.get("activity_id").asInt()).isEqualTo(2);
        assertThat(gone.at("/dst_endpoint/name").asText()).isEqualTo("ap-hall");

        assertBaseEventOf(
                line(UNIFI + "512|Device Offline|8|UNIFIcategory=System UNIFIdeviceName=ap-hall msg=ap-hall is"
                        + " offline."),
                "UniFi Network");
        // other vendors' CEF stays the generic file's
        assertProduct(
                line("<134>Mar  1 10:00:00 h CEF:0|Example|Gateway|1.0|100|Conn|3|src=192.0.2.1 dst=192.0.2.2"), "CEF");
    }

    @Test
    void uniFiGatewayFirewallRulesSayTheirActionAndDescription() throws Exception {
        String packet = "IN=eth8 OUT=br0 MAC= SRC=203.0.113.9 DST=192.0.2.44 LEN=60 TOS=00 PREC=0x00 TTL=52 ID=1 DF"
                + " PROTO=TCP SPT=40000 DPT=3389 WINDOW=29200 SYN URGP=0 MARK=1a0000";
        // UniFi Network 9+: the action letter before the rule's index, the rule's description after it,
        // whatever words the description uses
        JsonNode dropped = line("<13>Mar  1 10:00:00 udm01 [WAN_LAN-D-10004] DESCR=\"Guest isolation\" " + packet);
        assertFlow(dropped, 5, "203.0.113.9", 40000, "192.0.2.44", 3389);
        assertDenied(dropped);
        assertThat(dropped.at("/firewall_rule/name").asText()).isEqualTo("[WAN_LAN-D-10004]");
        assertThat(dropped.at("/firewall_rule/desc").asText()).isEqualTo("Guest isolation");
        assertProduct(dropped, "Netfilter");

        JsonNode allowed = line("<13>Mar  1 10:00:00 udm01 [LAN_VPN-A-2147483647] DESCR=\"Drop nothing\" " + packet);
        assertFlow(allowed, 6, "203.0.113.9", 40000, "192.0.2.44", 3389);
        assertAllowed(allowed);

        JsonNode old = line("<4>Mar  1 10:00:00 usg01 kernel: [WAN_LOCAL-default-D]" + packet);
        assertDenied(old);
        assertThat(old.at("/firewall_rule/name").asText()).isEqualTo("[WAN_LOCAL-default-D]");
        assertThat(old.has("firewall_rule") && old.at("/firewall_rule/desc").isMissingNode())
                .isTrue();
    }

    @Test
    void networkPolicyServerDecisionsAreRadiusAuthentications() throws Exception {
        JsonNode denied = json("""
                {"@timestamp":"2026-03-01T10:00:00.000Z","message":"Network Policy Server denied access to a user.",
                 "winlog":{"channel":"Security","event_id":6273,"computer_name":"nps01.example.com","event_data":{
                  "SubjectUserSid":"S-1-5-21-1-2-3-1105","SubjectUserName":"erika","SubjectDomainName":"EXAMPLE",
                  "CalledStationID":"02-00-00-00-00-05:Office","CallingStationID":"02-00-00-00-00-77",
                  "NASIPv4Address":"192.0.2.5","NASIdentifier":"ap-hall","ClientName":"wlc01","ClientIPAddress":"192.0.2.5",
                  "ProxyPolicyName":"Secure Wireless Connections","NetworkPolicyName":"-","AuthenticationType":"PEAP",
                  "EAPType":"Microsoft: Secured password (EAP-MSCHAP v2)","ReasonCode":"16",
                  "Reason":"Authentication failed due to a user credentials mismatch."}}}""");
        assertLogon(denied, 2, "erika", null);
        assertThat(denied.at("/user/domain").asText()).isEqualTo("EXAMPLE");
        assertThat(denied.at("/src_endpoint/uid").asText()).isEqualTo("02-00-00-00-00-77");
        assertThat(denied.at("/dst_endpoint/ip").asText()).isEqualTo("192.0.2.5");
        assertThat(denied.at("/dst_endpoint/name").asText()).isEqualTo("ap-hall");
        assertThat(denied.get("status_code").asText()).isEqualTo("16");
        assertThat(denied.get("status_detail").asText()).startsWith("Authentication failed");
        assertThat(denied.get("auth_protocol").asText()).isEqualTo("Microsoft: Secured password (EAP-MSCHAP v2)");
        assertThat(denied.at("/device/hostname").asText()).isEqualTo("nps01.example.com");

        JsonNode granted = json("""
                {"@timestamp":"2026-03-01T10:00:05.000Z","winlog":{"channel":"Security","event_id":6272,
                 "computer_name":"nps01.example.com","event_data":{"SubjectUserName":"erika","SubjectDomainName":"EXAMPLE",
                  "CallingStationID":"198.51.100.23","NASIPv4Address":"192.0.2.9","ClientName":"vpn01",
                  "NetworkPolicyName":"VPN Users","AuthenticationType":"MS-CHAPv2","EAPType":"-"}}}""");
        assertLogon(granted, 1, "erika", null);
        assertThat(granted.at("/policy/name").asText()).isEqualTo("VPN Users");
        assertThat(granted.get("auth_protocol").asText()).isEqualTo("MS-CHAPv2");
        assertThat(granted.at("/dst_endpoint/name").asText()).isEqualTo("vpn01");
    }

    @Test
    void barracudaCloudGenActivityLogIsNetworkActivityWithTheVerdict() throws Exception {
        String head = "<14>Mar  1 10:00:00 fw01 fw01/box_Firewall_Activity:  Info     fw01 ";
        String fields = "type=FWD|proto=TCP|srcIF=p1|srcIP=192.0.2.10|srcPort=50000|srcMAC=02:00:00:00:00:10"
                + "|dstIP=203.0.113.80|dstPort=443|dstService=https|dstIF=p2|rule=LAN-2-INTERNET|info=Normal Operation"
                + "|srcNAT=198.51.100.1|dstNAT=203.0.113.80|duration=42|count=1|receivedBytes=1024|sentBytes=512"
                + "|receivedPackets=8|sentPackets=4|user=EXAMPLE\\erika|protocol=HTTPS|application=Web browsing|target=|content=|urlcat=";
        JsonNode allowed = line(head + "Allow: " + fields);
        assertFlow(allowed, 1, "192.0.2.10", 50000, "203.0.113.80", 443);
        assertAllowed(allowed);
        assertThat(allowed.at("/firewall_rule/name").asText()).isEqualTo("LAN-2-INTERNET");
        assertThat(allowed.at("/src_endpoint/mac").asText()).isEqualTo("02:00:00:00:00:10");
        assertThat(allowed.at("/actor/user/name").asText()).isEqualTo("EXAMPLE\\erika");
        assertThat(allowed.at("/device/hostname").asText()).isEqualTo("fw01");
        assertProduct(allowed, "CloudGen Firewall");

        JsonNode blocked = line(head.replace("Info    ", "Security") + "Block: "
                + fields.replace("info=Normal Operation", "info=Block Multicast"));
        assertFlow(blocked, 5, "192.0.2.10", 50000, "203.0.113.80", 443);
        assertDenied(blocked);
        assertThat(blocked.get("status_detail").asText()).isEqualTo("Block Multicast");

        JsonNode ended = line(head + "Remove: " + fields);
        assertFlow(ended, 2, "192.0.2.10", 50000, "203.0.113.80", 443);

        // the same fields without their keys
        JsonNode positional = line(
                head + "LocalBlock: " + fields.replaceAll("\\|[A-Za-z]+=", "|").replaceFirst("^type=", ""));
        assertFlow(positional, 5, "192.0.2.10", 50000, "203.0.113.80", 443);
        assertDenied(positional);
    }

    @Test
    void barracudaCloudGenThreatsAreAlerts() throws Exception {
        JsonNode blocked =
                line("<12>Mar  1 10:00:00 fw01 fw01/box_Firewall_threat:  Warning  fw01 firewall: [Request] Block:"
                        + "   IPS TCP 203.0.113.45 -> 192.0.2.20:22 |[ID: 5000001 SSH Brute Force]||3|Probing");
        assertFlow(blocked, 5, "203.0.113.45", null, "192.0.2.20", 22);
        assertDenied(blocked);
        assertThat(blocked.get("is_alert").asBoolean()).isTrue();
        assertThat(blocked.get("message").asText()).isEqualTo("ID: 5000001 SSH Brute Force");

        JsonNode allowed = line(
                "<12>Mar  1 10:00:00 fw01 fw01/box_Firewall_threat:  Warning  fw01 firewall: [Request] Allow:"
                        + "   IPS ALLIP(0) 192.0.2.22 -> 0.0.0.0:0 |[ID: 5000002 TCPIP Port or IP Address Scan]||3|Probing");
        assertThat(allowed.get("activity_id").asInt()).isEqualTo(6);
        assertThat(allowed.get("is_alert").asBoolean()).isTrue();
        assertThat(allowed.has("action_id")).isFalse();

        assertBaseEventOf(
                line("<14>Mar  1 10:00:00 fw01 fw01/box_Firewall_Activity:  Info     fw01 Started firewall"),
                "CloudGen Firewall");
    }

    @Test
    void arubaControllerAndInstantApAuthenticationsAreAuthentication() throws Exception {
        JsonNode ok = line("<133>Mar  1 10:00:00 2026 mc01 authmgr[4211]: <522008> <4211> <NOTI> <mc01 192.0.2.2>  User"
                + " Authentication Successful: username=erika MAC=02:00:00:00:00:77 IP=192.0.2.77 role=employee VLAN=20"
                + " AP=ap-hall SSID=Office AAA profile=office-aaa auth method=802.1x auth server=nps01");
        assertLogon(ok, 1, "erika", "192.0.2.77");
        assertThat(ok.at("/src_endpoint/mac").asText()).isEqualTo("02:00:00:00:00:77");
        assertThat(ok.get("auth_protocol").asText()).isEqualTo("802.1x");
        assertThat(ok.at("/dst_endpoint/name").asText()).isEqualTo("ap-hall");
        assertThat(ok.at("/device/hostname").asText()).isEqualTo("mc01");
        assertThat(ok.at("/device/ip").asText()).isEqualTo("192.0.2.2");
        assertProduct(ok, "AOS");

        // AOS 8 writes the client's fields with other names
        JsonNode failed =
                line("<132>Mar  1 10:00:01 mc01 dot1x-proc:1[4409]: <522275> <4409> <WARN> <mc01 192.0.2.2> User"
                        + " Authentication failed. username=max ip=0.0.0.0 usermac=02:00:00:00:00:78 authmethod=802.1x"
                        + " servername=nps01 serverip=192.0.2.3 apname=ap-hall bssid=02:00:00:00:00:05");
        assertLogon(failed, 2, "max", "0.0.0.0");
        assertThat(failed.at("/src_endpoint/mac").asText()).isEqualTo("02:00:00:00:00:78");
        assertThat(failed.at("/dst_endpoint/name").asText()).isEqualTo("ap-hall");

        JsonNode mgmt = line("<132>Mar  1 10:00:02 2026 mc01 authmgr[5362]: <522xxx> <5362> <WARN> <mc01 192.0.2.2>"
                        .replace("522xxx", "522004")
                + " Mgmt User Authentication failed. username=admin userip=203.0.113.70");
        assertLogon(mgmt, 2, "admin", "203.0.113.70");

        assertBaseEventOf(
                line("<132>Mar  1 10:00:03 2026 192.0.2.21 sapd[2345]: <404400> <WARN> |AP ap-hall@192.0.2.21 sapd|"
                        + "  AM: Interfering AP detected with SSID Guest and BSSID 02:00:00:00:00:99"),
                "AOS");
        // AOS-CX lines stay the CX file's
        assertProduct(
                line("<190>1 2026-03-01T10:00:00Z sw01 hpe-restd 1 - - Event|4601|LOG_WARN|AMM|1/1|Authentication"
                        + " failed for user admin"),
                "AOS-CX");
    }
}
