package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAuthentication;
import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The mapping files of remote access gateways, network access control and edge devices common in SME
 * networks, with lines written from their documented syslog formats: Citrix NetScaler ADC / Gateway,
 * Ivanti (Pulse) Connect Secure, Cisco ISE, Sophos UTM, Barracuda Web Application Firewall and HPE
 * Aruba CX switches. Logins are Authentication with user, client and outcome, traffic Network
 * Activity, web requests HTTP Activity with the verdict; other messages stay Base Events of the
 * product, and other sources' lines are not claimed.
 */
class RemoteAccessAndNacMappingsTest {

    @Test
    void netScalerGatewayLoginsAndLogoutsAreAuthentication() throws Exception {
        JsonNode login = line("<134> 03/01/2026:09:59:58 GMT adc01 0-PPE-0 : default SSLVPN LOGIN 5550001 0 : Context"
                + " maria@corp.example@198.51.100.23 - SessionId: 4711 - User maria@corp.example - Client_ip 198.51.100.23"
                + " - Nat_ip \"Mapped Ip\" - Vserver 203.0.113.10:443 - Browser_type \"Mozilla/5.0 (Windows NT 10.0)\""
                + " - SSLVPN_client_type ICA - Group(s) \"VPN-Users\"");
        assertLogon(login, 1, "maria@corp.example", "198.51.100.23");
        assertThat(login.at("/dst_endpoint/ip").asText()).isEqualTo("203.0.113.10");
        assertThat(login.at("/session/uid").asText()).isEqualTo("4711");
        assertThat(login.at("/device/hostname").asText()).isEqualTo("adc01");
        assertProduct(login, "NetScaler ADC");
        // the time of NetScaler's own header (month first, GMT), not the time of arrival
        assertThat(login.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:59:58Z"));

        JsonNode failed =
                line("<132> 03/01/2026:09:59:57 GMT adc01 0-PPE-1 : default AAA LOGIN_FAILED 5550002 0 : User admin"
                        + " - Client_ip 203.0.113.77 - Failure_reason \"Invalid credentials\" - Browser Mozilla/5.0");
        assertLogon(failed, 2, "admin", "203.0.113.77");
        assertThat(failed.get("status_detail").asText()).isEqualTo("Invalid credentials");
        // year first and without a zone: in the source's clock zone (UTC here)
        JsonNode yearFirst =
                line("<132> 2026/03/01:09:59:57  adc01 0-PPE-1 : default AAA LOGIN_FAILED 5550002 0 : User admin"
                        + " - Client_ip 203.0.113.77 - Failure_reason \"Invalid credentials\" - Browser Mozilla/5.0");
        assertLogon(yearFirst, 2, "admin", "203.0.113.77");
        assertThat(yearFirst.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:59:57Z"));

        JsonNode logout = line("<134> 03/01/2026:09:59:56 GMT adc01 0-PPE-0 : default SSLVPN LOGOUT 5550003 0 : Context"
                + " maria@corp.example@198.51.100.23 - SessionId: 4711 - User maria@corp.example - Client_ip 198.51.100.23"
                + " - Nat_ip \"Mapped Ip\" - Vserver 203.0.113.10:443 - Start_time \"03/01/2026:09:00:00 GMT\" - End_time"
                + " \"03/01/2026:09:59:56 GMT\" - Duration 00:59:56  - Total_bytes_send 100 - Total_bytes_recv 2000"
                + " - LogoutMethod \"Explicit\" - Group(s) \"VPN-Users\"");
        assertAuthentication(logout, 2, "maria@corp.example", "198.51.100.23");
        assertThat(logout.get("status_detail").asText()).isEqualTo("Explicit");
    }

    @Test
    void netScalerTrafficAclWafAndCommands() throws Exception {
        JsonNode closed =
                line("<134> 03/01/2026:09:59:55 GMT adc01 0-PPE-0 : default TCP CONN_TERMINATE 5550004 0 :  Source"
                        + " 10.0.0.5:443 - Destination 10.0.0.9:51234 - Start Time 03/01/2026:09:59:50 GMT - End Time"
                        + " 03/01/2026:09:59:55 GMT - Total_bytes_send 1500 - Total_bytes_recv 700");
        assertFlow(closed, 2, "10.0.0.5", 443, "10.0.0.9", 51234);
        assertThat(closed.at("/traffic/bytes_out").asInt()).isEqualTo(1500);

        JsonNode denied =
                line("<134> 03/01/2026:09:59:54 GMT adc01 0-PPE-0 : default ACL ACL_PKT_LOG 5550005 0 : Source"
                        + " 198.51.100.99:40000 --> Destination 203.0.113.10:22 - Protocol TCP - TimeStamp 0 - Hitcount 1 - Hit Rule"
                        + " deny-ssh - Action DENY - Data");
        assertFlow(denied, 5, "198.51.100.99", 40000, "203.0.113.10", 22);
        assertDenied(denied);
        assertThat(denied.at("/firewall_rule/name").asText()).isEqualTo("deny-ssh");

        JsonNode waf =
                line("<134> 03/01/2026:09:59:53 GMT adc01 0-PPE-0 : default APPFW APPFW_SQL 5550006 0 : 198.51.100.66"
                        + " 31-PPE0 abcDEF123 web_prof https://shop.example.com/item.php?id=1%27%20or%201=1 SQL Keyword check failed"
                        + " for field id=\"Bad SQL grammar\" <blocked>");
        assertThat(waf.get("class_uid").asInt()).isEqualTo(4002);
        assertDenied(waf);
        assertThat(waf.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.66");
        assertThat(waf.at("/http_request/url/hostname").asText()).isEqualTo("shop.example.com");
        assertThat(waf.at("/firewall_rule/uid").asText()).isEqualTo("APPFW_SQL");
        assertThat(waf.at("/policy/name").asText()).isEqualTo("web_prof");

        JsonNode command =
                line("<134> 03/01/2026:09:59:52 GMT adc01 0-PPE-0 : default CLI CMD_EXECUTED 5550007 0 :  User nsroot"
                        + " - Remote_ip 10.0.0.50 - Command \"rm user tmpuser\" - Status \"Success\"");
        assertThat(command.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(command.at("/api/operation").asText()).isEqualTo("rm user tmpuser");
        assertThat(command.at("/actor/user/name").asText()).isEqualTo("nsroot");
        assertThat(command.get("status_id").asInt()).isEqualTo(1);

        assertBaseEventOf(
                line("<134> 03/01/2026:09:59:51 GMT adc01 0-PPE-0 : default EVENT DEVICEUP 5550008 0 :  Device"
                        + " \"server_svc_web1\" - State UP"),
                "NetScaler ADC");
        // Cisco's own lines stay Cisco's
        assertProduct(
                line("<166>Mar 01 2026 09:59:58 fw01 : %ASA-6-302013: Built outbound TCP connection 1 for"
                        + " outside:203.0.113.1/443 (203.0.113.1/443) to inside:10.0.0.2/50000 (10.0.0.2/50000)"),
                "ASA");
    }

    @Test
    void connectSecureLoginsTunnelsAndLogouts() throws Exception {
        JsonNode ok = line("<134>1 2026-03-01T10:59:58+01:00 vpn01 PulseSecure: - - - 2026-03-01 10:59:58 - ics01 -"
                + " [198.51.100.31] tom.b(Employees)[Staff] - Primary authentication successful for tom.b/Corp-AD from"
                + " 198.51.100.31");
        assertLogon(ok, 1, "tom.b", "198.51.100.31");
        assertThat(ok.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:59:58Z"));
        assertProduct(ok, "Connect Secure");

        JsonNode failed = line("<134>1 2026-03-01T10:59:57+01:00 vpn01 PulseSecure: - - - 2026-03-01 10:59:57 - ics01 -"
                + " [198.51.100.32] eve(Employees)[] - Login failed using auth server Corp-AD (LDAP Server). Reason: Wrong"
                + " Password");
        assertLogon(failed, 2, "eve", "198.51.100.32");
        assertThat(failed.get("status_detail").asText()).isEqualTo("Wrong Password");

        JsonNode tunnel = line("<134>1 2026-03-01T10:59:56+01:00 vpn01 PulseSecure: - - - 2026-03-01 10:59:56 - ics01 -"
                + " [198.51.100.31] tom.b(Employees)[Staff] - VPN Tunneling: Session started for user (session:"
                + " sid0123abcd) with IPv4 address 10.200.0.15, hostname TOM-LAPTOP");
        assertThat(tunnel.get("class_uid").asInt()).isEqualTo(4014);
        assertThat(tunnel.get("activity_id").asInt()).isEqualTo(1);
        assertThat(tunnel.at("/tunnel_interface/ip").asText()).isEqualTo("10.200.0.15");
        assertThat(tunnel.at("/user/name").asText()).isEqualTo("tom.b");
        assertThat(tunnel.at("/src_endpoint/hostname").asText()).isEqualTo("TOM-LAPTOP");

        JsonNode logout = line("<134>1 2026-03-01T10:59:55+01:00 vpn01 PulseSecure: - - - 2026-03-01 10:59:55 - ics01 -"
                + " [198.51.100.31] tom.b(Employees)[Staff] - Logout from 198.51.100.31 (session:sid0123abcd)");
        assertAuthentication(logout, 2, "tom.b", "198.51.100.31");
        assertThat(logout.at("/session/uid").asText()).isEqualTo("sid0123abcd");

        assertBaseEventOf(
                line(
                        "<134>1 2026-03-01T10:59:54+01:00 vpn01 PulseSecure: - - - 2026-03-01 10:59:54 - ics01 - [127.0.0.1]"
                                + " System()[] - Cluster member ics02 is now reachable."),
                "Connect Secure");
        assertProduct(
                line("<30>Mar  1 09:59:58 vpn02 openvpn[4100]: 198.51.100.40:51000 TLS Auth Error: Auth"
                        + " Username/Password verification failed for peer"),
                "OpenVPN");
    }

    @Test
    void iseAuthenticationsCarryNasEndpointAndReason() throws Exception {
        JsonNode passed = line("<181>Mar  1 09:59:58 ise01 CISE_Passed_Authentications 0000100001 1 0 2026-03-01"
                + " 10:59:58.123 +01:00 0000200001 5200 NOTICE Passed-Authentication: Authentication succeeded,"
                + " ConfigVersionId=12, Device IP Address=10.9.0.2, DestinationIPAddress=10.9.0.10, UserName=alice,"
                + " Protocol=Radius, NetworkDeviceName=access-sw-3, User-Name=alice, Calling-Station-ID=AA-BB-CC-00-11-22,"
                + " AcsSessionID=ise01/400000001/77, AuthenticationMethod=MSCHAPV2, SelectedAccessService=Default"
                + " Network Access, AuthorizationPolicyMatchedRule=Employees, EndPointMACAddress=AA-BB-CC-00-11-22,");
        assertLogon(passed, 1, "alice", null);
        assertThat(passed.at("/dst_endpoint/ip").asText()).isEqualTo("10.9.0.2");
        assertThat(passed.at("/dst_endpoint/name").asText()).isEqualTo("access-sw-3");
        assertThat(passed.at("/src_endpoint/mac").asText()).isEqualTo("AA-BB-CC-00-11-22");
        assertThat(passed.get("auth_protocol").asText()).isEqualTo("MSCHAPV2");
        assertThat(passed.at("/policy/name").asText()).isEqualTo("Employees");
        assertThat(passed.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:59:58.123Z"));
        assertProduct(passed, "Identity Services Engine");

        JsonNode failed = line("<181>Mar  1 09:59:57 ise01 CISE_Failed_Attempts 0000100002 1 0 2026-03-01 10:59:57.001"
                + " +01:00 0000200002 5400 NOTICE Failed-Attempt: Authentication failed, ConfigVersionId=12, Device IP"
                + " Address=10.9.0.3, UserName=mallory, Protocol=Radius, NetworkDeviceName=wlc-1, Framed-IP-Address=10.9.50.5,"
                + " FailureReason=24408 User authentication against Active Directory failed since user has entered the"
                + " wrong password, EndPointMACAddress=AA-BB-CC-00-11-33,");
        assertLogon(failed, 2, "mallory", "10.9.50.5");
        assertThat(failed.get("status_detail").asText()).startsWith("24408 User authentication");
        assertThat(failed.get("status_code").asText()).isEqualTo("5400");

        assertBaseEventOf(
                line(
                        "<181>Mar  1 09:59:56 ise01 CISE_RADIUS_Accounting 0000100003 1 0 2026-03-01 10:59:56.001 +01:00"
                                + " 0000200003 3000 NOTICE Radius-Accounting: RADIUS Accounting start request, UserName=alice,"),
                "Identity Services Engine");
        assertProduct(
                line("<38>Mar  1 09:59:58 radius01 radiusd[1234]: (123) Login OK: [alice] (from client ap01 port 0 cli"
                        + " aa-bb-cc-dd-ee-ff)"),
                "FreeRADIUS");
    }

    @Test
    void sophosUtmPacketFilterWebFilterAndLogins() throws Exception {
        JsonNode dropped = line(
                "<30>Mar  1 09:59:58 utm9 ulogd[2000]: id=\"2001\" severity=\"info\" sys=\"SecureNet\""
                        + " sub=\"packetfilter\" name=\"Packet dropped\" action=\"drop\" fwrule=\"60001\" initf=\"eth1\""
                        + " srcip=\"198.51.100.70\" dstip=\"203.0.113.5\" proto=\"6\" length=\"60\" srcport=\"40001\" dstport=\"3389\"");
        assertFlow(dropped, 5, "198.51.100.70", 40001, "203.0.113.5", 3389);
        assertDenied(dropped);
        assertThat(dropped.at("/firewall_rule/uid").asText()).isEqualTo("60001");
        assertThat(dropped.at("/metadata/log_name").asText()).isEqualTo("packetfilter");
        assertProduct(dropped, "UTM");
        // UTM's own header ("yyyy:MM:dd-HH:mm:ss host"), as its remote syslog sends it
        JsonNode headed = line("<30>2026:03:01-09:59:58 utm9 ulogd[2000]: id=\"2001\" severity=\"info\""
                + " sys=\"SecureNet\" sub=\"packetfilter\" name=\"Packet dropped\" action=\"drop\" fwrule=\"60001\""
                + " srcip=\"198.51.100.70\" dstip=\"203.0.113.5\" proto=\"6\" srcport=\"40001\" dstport=\"3389\"");
        assertFlow(headed, 5, "198.51.100.70", 40001, "203.0.113.5", 3389);
        assertThat(headed.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:59:58Z"));
        assertThat(headed.at("/device/hostname").asText()).isEqualTo("utm9");

        JsonNode blocked =
                line("<30>Mar  1 09:59:57 utm9 httpproxy[3000]: id=\"0060\" severity=\"info\" sys=\"SecureWeb\""
                        + " sub=\"http\" name=\"web request blocked, forbidden category detected\" action=\"block\" method=\"GET\""
                        + " srcip=\"10.10.0.5\" dstip=\"203.0.113.44\" user=\"pat\" statuscode=\"403\""
                        + " url=\"http://games.example.net/play?level=2\" ua=\"Mozilla/5.0 (X11; Linux x86_64)\""
                        + " categoryname=\"Games\" reason=\"category\"");
        assertThat(blocked.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(blocked.get("activity_id").asInt()).isEqualTo(3);
        assertDenied(blocked);
        assertThat(blocked.at("/http_request/url/hostname").asText()).isEqualTo("games.example.net");
        assertThat(blocked.at("/http_request/user_agent").asText()).isEqualTo("Mozilla/5.0 (X11; Linux x86_64)");
        assertThat(blocked.at("/actor/user/name").asText()).isEqualTo("pat");

        JsonNode login =
                line("<38>Mar  1 09:59:56 utm9 aua[4000]: id=\"3005\" severity=\"info\" sys=\"System\" sub=\"auth\""
                        + " name=\"Authentication successful\" srcip=\"10.10.0.6\" host=\"\" user=\"pat\" caller=\"portal\""
                        + " engine=\"adirectory\"");
        assertLogon(login, 1, "pat", "10.10.0.6");
        assertThat(login.at("/service/name").asText()).isEqualTo("portal");

        // other programs of the UTM under its own header are read as those programs' lines
        JsonNode ssh = line("<38>2026:03:01-09:59:54 utm9 sshd[4242]: Failed password for root from 203.0.113.50 port"
                + " 52211 ssh2");
        assertLogon(ssh, 2, "root", "203.0.113.50");
        assertThat(ssh.at("/device/hostname").asText()).isEqualTo("utm9");
        assertThat(ssh.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:59:54Z"));
        JsonNode lease =
                line("2026:03:01-09:59:53 utm9 dhcpd: DHCPACK on 192.0.2.50 to 00:11:22:33:44:55 (pc1) via eth1");
        assertThat(lease.get("class_uid").asInt()).isEqualTo(4004);
        assertThat(lease.at("/device/hostname").asText()).isEqualTo("utm9");
        // a line of a program no file knows stays a Base Event, with the header read
        JsonNode other = line("<30>2026:03:01-09:59:52 utm9 selfmonng[3100]: check of the swap usage passed");
        assertThat(other.get("class_uid").asInt()).isZero();
        assertThat(other.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:59:52Z"));

        // the Web Application Firewall's (reverse proxy's) access lines, as the UTM's remote syslog sends them
        JsonNode waf = line("<142>2026:03:01-09:59:55 utm9 httpd: id=\"0299\" srcip=\"198.51.100.90\""
                + " localip=\"203.0.113.15\" size=\"4821\" user=\"-\" host=\"198.51.100.90\" method=\"POST\""
                + " statuscode=\"200\" reason=\"-\" extra=\"-\" exceptions=\"-\" time=\"183220\" url=\"/owa/auth.owa\""
                + " server=\"mail.example.com\" port=\"443\" query=\"?ver=15\" referer=\"https://mail.example.com/owa/\""
                + " cookie=\"-\" set-cookie=\"-\" uid=\"ZAbC12x@o@Tek@mk7qmLOQAAAB4\"");
        assertProduct(waf, "UTM");
        assertThat(waf.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(waf.get("activity_id").asInt()).isEqualTo(6);
        assertThat(waf.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.90");
        assertThat(waf.at("/dst_endpoint/ip").asText()).isEqualTo("203.0.113.15");
        assertThat(waf.at("/http_request/url/hostname").asText()).isEqualTo("mail.example.com");
        assertThat(waf.at("/http_request/url/path").asText()).isEqualTo("/owa/auth.owa");
        assertThat(waf.at("/http_request/url/query_string").asText()).isEqualTo("ver=15");
        assertThat(waf.at("/http_response/code").asInt()).isEqualTo(200);
        assertThat(waf.at("/traffic/bytes_out").asLong()).isEqualTo(4821);
        assertThat(waf.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:59:55Z"));
        assertThat(waf.at("/device/hostname").asText()).isEqualTo("utm9");
        JsonNode wafHeaded = line("<142>Mar  1 09:59:54 utm9 httpd: id=\"0299\" srcip=\"198.51.100.91\""
                + " localip=\"203.0.113.15\" size=\"0\" user=\"-\" host=\"198.51.100.91\" method=\"GET\" statuscode=\"403\""
                + " reason=\"-\" extra=\"-\" exceptions=\"-\" time=\"950\" url=\"/\" server=\"mail.example.com\" port=\"443\""
                + " query=\"\" referer=\"-\" cookie=\"-\" set-cookie=\"-\" uid=\"ZAbC13x@o@Tek@mk7qmLOQAAAB5\"");
        assertThat(wafHeaded.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(wafHeaded.get("activity_id").asInt()).isEqualTo(3);
        assertThat(wafHeaded.at("/http_response/code").asInt()).isEqualTo(403);
        assertThat(wafHeaded.at("/http_request/url").has("query_string")).isFalse();

        // Sophos Firewall (SFOS) lines stay its own
        assertProduct(
                line("<30>Mar  1 09:59:58 xg1 device=\"SFW\" date=2026-03-01 time=09:59:58 timezone=\"CET\""
                        + " device_name=\"XG125\" device_id=C01001 log_id=010101600001 log_type=\"Firewall\""
                        + " log_component=\"Firewall Rule\" log_subtype=\"Allowed\" status=\"Allow\" src_ip=10.0.0.1"
                        + " dst_ip=8.8.8.8 protocol=\"UDP\" src_port=5000 dst_port=53"),
                "Sophos Firewall");
    }

    @Test
    void barracudaWafFirewallAccessAndAuditLogs() throws Exception {
        JsonNode attack = line("<129>2026-03-01 10:59:58.120 +0100  waf02 WF ALER SQL_INJECTION 198.51.100.81 50001"
                + " 203.0.113.20 443 shop-svc GLOBAL DENY NONE [type=\"SQL Injection\" pattern=\"sql-injection-medium\"]"
                + " GET /item?id=1%27 TLSv1.2 \"-\" \"sqlmap/1.7\" 198.51.100.81 50001 \"-\" \"-\" 18a0f00e000-aa11");
        assertThat(attack.get("class_uid").asInt()).isEqualTo(4002);
        assertDenied(attack);
        assertThat(attack.get("is_alert").asBoolean()).isTrue();
        assertThat(attack.at("/firewall_rule/name").asText()).isEqualTo("SQL_INJECTION");
        assertThat(attack.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.81");
        assertThat(attack.at("/http_request/user_agent").asText()).isEqualTo("sqlmap/1.7");
        assertThat(attack.at("/device/hostname").asText()).isEqualTo("waf02");
        assertProduct(attack, "Web Application Firewall");

        JsonNode access =
                line("<134>2026-03-01 10:59:57.500 +0100  waf02 TR 203.0.113.20 443 198.51.100.82 50002 \"-\" \"-\""
                        + " GET TLSv1.3 shop.example.com HTTP/1.1 200 5120 400 0 12 10.0.1.20 8080 10 \"-\" SERVER DEFAULT PROTECTED"
                        + " VALID /index.html q=shoes \"-\" \"-\" \"Mozilla/5.0\" 198.51.100.82 50002 \"-\" \"-\" \"-\" \"-\""
                        + " 18a0f00e001-bb22");
        assertThat(access.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(access.get("activity_id").asInt()).isEqualTo(3);
        assertThat(access.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.82");
        assertThat(access.at("/http_request/url/hostname").asText()).isEqualTo("shop.example.com");
        assertThat(access.at("/http_request/url/path").asText()).isEqualTo("/index.html");
        assertThat(access.at("/http_response/code").asInt()).isEqualTo(200);

        JsonNode acl =
                line("<129>2026-03-01 10:59:56.000 +0100  waf02 NF ALER UDP 198.51.100.83 50003 203.0.113.20 161 DENY"
                        + " MGMT_ACL MGMT/LAN/WAN interface traffic:deny");
        assertFlow(acl, 5, "198.51.100.83", 50003, "203.0.113.20", 161);
        assertDenied(acl);

        JsonNode admin =
                line("<134>2026-03-01 10:59:55.000 +0100  waf02 AUDIT admin GUI 198.51.100.84 50004 LOGIN 0 login"
                        + "  global - - \"\" \"\" []");
        assertLogon(admin, 1, "admin", "198.51.100.84");

        // the type letters inside another program's message are not the WAF's
        assertProduct(line("<30>Mar  1 09:59:58 box1 backupd[99]: job TR 5 finished WF ok NF none"), "backupd");
    }

    @Test
    void arubaCxManagementLoginsAreAuthentication() throws Exception {
        JsonNode failed =
                line("2026-03-01T04:59:58.123456-05:00 core-sw1 hpe-restd[1956]: Event|4656|LOG_ERR|AMM|-|User"
                        + " intruder login from 198.51.100.90 for REST session has failed");
        assertLogon(failed, 2, "intruder", "198.51.100.90");
        assertThat(failed.at("/service/name").asText()).isEqualTo("REST");
        assertThat(failed.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:59:58.123Z"));
        assertProduct(failed, "AOS-CX");

        JsonNode ssh =
                line("2026-03-01T04:59:57.000000-05:00 core-sw1 log-proxyd[762]: Event|5209|LOG_INFO|AMM|1/1|User"
                        + " netadmin logged in from 10.30.0.5 through SSH session.");
        assertLogon(ssh, 1, "netadmin", "10.30.0.5");

        JsonNode logout =
                line("2026-03-01T04:59:57.000000-05:00 core-sw1 log-proxyd[762]: Event|5211|LOG_INFO|AMM|1/1|User"
                        + " netadmin logged out of SSH session from 10.30.0.5.");
        assertAuthentication(logout, 2, "netadmin", "10.30.0.5");

        // an administrator adding a local user with a role, and REST changes to configuration resources
        JsonNode added = line("2026-03-01T05:00:10.000000-05:00 core-sw1 vtysh[4128]: Event|4701|LOG_INFO|AMM|1/1|User"
                + " netadmin added backupops with role operators");
        assertThat(added.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(added.get("activity_id").asInt()).isEqualTo(1);
        assertThat(added.at("/actor/user/name").asText()).isEqualTo("netadmin");
        assertThat(added.at("/user/name").asText()).isEqualTo("backupops");
        assertThat(added.at("/user/groups/0/name").asText()).isEqualTo("operators");
        JsonNode deleted = line("2026-03-01T05:00:11.000000-05:00 core-sw1 hpe-restd[1956]: Event|4618|LOG_INFO|AMM|-|"
                + "netadmin deleted /users/backupops");
        assertThat(deleted.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(deleted.get("activity_id").asInt()).isEqualTo(4);
        assertThat(deleted.at("/actor/user/name").asText()).isEqualTo("netadmin");
        assertThat(deleted.at("/resources/0/name").asText()).isEqualTo("/users/backupops");

        assertBaseEventOf(
                line("2026-03-01T04:59:56.000000-05:00 core-sw1 intfd[582]: Event|403|LOG_INFO|AMM|1/1|Link status for"
                        + " interface 1/1/7 is up"),
                "AOS-CX");
        assertProduct(line("<30>Mar  1 09:59:58 host7 myapp[1]: Event|not an aruba line"), "myapp");
    }
}
