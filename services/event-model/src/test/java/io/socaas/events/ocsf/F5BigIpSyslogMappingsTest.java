package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAllowed;
import static io.socaas.events.ocsf.MappedRecords.assertAuthentication;
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
 * F5 BIG-IP as it logs to a remote syslog server, written from F5's documented formats: system
 * messages with the level word after the host and the message id ({@code 01070417:5:}), with or
 * without the level word, in RFC 3164 and RFC 5424 headers; management logins (pam_audit) and the
 * audit of configuration changes; APM access sessions; DoS protection; the remote logging formats of
 * ASM and AFM.
 */
class F5BigIpSyslogMappingsTest {

    private static final String BIG_IP = "BIG-IP";

    @Test
    void managementLoginsAreAuthenticationWithTheUserAndTheClient() throws Exception {
        JsonNode guiFailure = line("<86>Mar  1 09:50:12 bigip1.example.com err httpd(pam_audit)[4410]: 01070417:3:"
                + " AUDIT - user mallory - RAW: httpd(pam_audit): User=mallory tty=(unknown) host=203.0.113.45 failed"
                + " to login after 1 attempts (start=\"Sun Mar  1 09:50:10 2026\" end=\"Sun Mar  1 09:50:12 2026\").");
        assertProduct(guiFailure, BIG_IP);
        assertLogon(guiFailure, 2, "mallory", "203.0.113.45");
        assertThat(guiFailure.at("/service/name").asText()).isEqualTo("httpd");
        assertThat(guiFailure.get("is_remote").asBoolean()).isTrue();
        assertThat(guiFailure.at("/device/hostname").asText()).isEqualTo("bigip1.example.com");
        assertThat(guiFailure.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:50:12Z"));
        assertThat(guiFailure.at("/unmapped/f5MsgId").asText()).isEqualTo("01070417");

        JsonNode sshFailure = line("<86>Mar  1 09:51:02 bigip1.example.com err sshd(pam_audit)[4420]: 01070417:3:"
                + " AUDIT - user root - RAW: sshd(pam_audit): User=root tty=ssh host=198.51.100.77 failed to login"
                + " after 3 attempts (start=\"Sun Mar  1 09:50:55 2026\" end=\"Sun Mar  1 09:51:02 2026\").");
        assertLogon(sshFailure, 2, "root", "198.51.100.77");
        assertThat(sshFailure.at("/service/name").asText()).isEqualTo("sshd");
        assertThat(sshFailure.at("/session/terminal").asText()).isEqualTo("ssh");

        // without the level word (the daemon is then the syslog tag) and with an IPv6 client
        JsonNode tagged = line(
                "Mar  1 09:55:00 bigip1 sshd(pam_audit)[4450]: User=bob tty=ssh host=2001:db8::25"
                        + " failed to login after 2 attempts (start=\"Sun Mar  1 09:54:50 2026\" end=\"Sun Mar  1 09:55:00 2026\").");
        assertLogon(tagged, 2, "bob", "2001:db8::25");
        assertThat(tagged.at("/service/name").asText()).isEqualTo("sshd");

        JsonNode guiLogin = line("<134>Mar  1 09:52:00 bigip1.example.com info httpd(pam_audit)[4433]: 01070417:6:"
                + " AUDIT - user admin - RAW: httpd(pam_audit): user=admin(admin) partition=[All] level=Administrator"
                + " tty=(unknown) host=192.0.2.15 attempts=1 start=\"Sun Mar  1 09:51:58 2026\""
                + " end=\"Sun Mar  1 09:52:00 2026\".");
        assertLogon(guiLogin, 1, "admin", "192.0.2.15");
        assertThat(guiLogin.at("/unmapped/pamRole").asText()).isEqualTo("Administrator");

        JsonNode sshLogin = line("<134>Mar  1 09:53:00 bigip1.example.com info sshd(pam_audit)[4440]: 01070417:6:"
                + " AUDIT - user alice - RAW: sshd(pam_audit): user=alice(alice) partition=[All] level=Administrator"
                + " tty=ssh host=192.0.2.16 attempts=1 start=\"Sun Mar  1 09:53:00 2026\".");
        assertLogon(sshLogin, 1, "alice", "192.0.2.16");

        // the SSH session's record when it closed (start and end): a logoff
        JsonNode sshClosed = line("<133>Mar  1 09:58:00 bigip1.example.com notice sshd(pam_audit)[4440]:"
                + " user=alice(alice) partition=[All] level=Administrator tty=ssh host=192.0.2.16 attempts=1"
                + " start=\"Sun Mar  1 09:53:00 2026\" end=\"Sun Mar  1 09:58:00 2026\".");
        assertAuthentication(sshClosed, 2, "alice", "192.0.2.16");
        assertStatus(sshClosed, 1);

        // the Configuration utility through mod_auth_pam, on a vCMP guest's slot host name
        JsonNode modAuthPam = line("<133>Mar  1 09:54:00 slot1/bigip2.example.com notice httpd[31905]: 01070417:5:"
                + " AUDIT - user operator1 - RAW: httpd(mod_auth_pam): user=operator1(operator1) partition=[Common]"
                + " level=Operator tty=/sbin/nologin host=192.0.2.17 attempts=1 start=\"Sun Mar  1 09:54:00 2026\""
                + " end=\"Sun Mar  1 09:54:01 2026\".");
        assertLogon(modAuthPam, 1, "operator1", "192.0.2.17");
        assertThat(modAuthPam.at("/device/hostname").asText()).isEqualTo("slot1/bigip2.example.com");
    }

    @Test
    void configurationChangesAndTmshCommandsAreApiActivityWithTheUserAndTheCommand() throws Exception {
        JsonNode modify = line("<133>Mar  1 09:56:00 bigip1.example.com notice mcpd[6760]: 01070417:5: AUDIT - client"
                + " tmsh, user admin - transaction #4711-2 - object 0 - modify { ltm pool { pool_name"
                + " \"/Common/web_pool\" pool_description \"web\" } } [Status=Command OK]");
        assertProduct(modify, BIG_IP);
        assertThat(modify.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(modify.get("activity_id").asInt()).isEqualTo(3);
        assertStatus(modify, 1);
        assertThat(modify.at("/actor/user/name").asText()).isEqualTo("admin");
        assertThat(modify.at("/actor/app_name").asText()).isEqualTo("tmsh");
        assertThat(modify.at("/api/operation").asText())
                .isEqualTo("modify { ltm pool { pool_name \"/Common/web_pool\" pool_description \"web\" } }");

        JsonNode restCreate = line("<133>Mar  1 09:56:10 bigip1.example.com notice mcpd[6760]: 01070417:5: AUDIT -"
                + " client iControl REST, user restadmin - transaction #4712-3 - object 0 - create { ltm virtual {"
                + " virtual_name \"/Common/vs_new\" } } [Status=Command OK]");
        assertThat(restCreate.get("activity_id").asInt()).isEqualTo(1);
        assertThat(restCreate.at("/actor/user/name").asText()).isEqualTo("restadmin");
        assertThat(restCreate.at("/actor/app_name").asText()).isEqualTo("iControl REST");

        JsonNode refused = line("<133>Mar  1 09:56:20 bigip1.example.com notice mcpd[6760]: 01070417:5: AUDIT - client"
                + " GUI, user admin - transaction #4713-1 - object 0 - delete { auth_user { user_name \"olduser\" } }"
                + " [Status=01070734:3: Configuration error: cannot delete the current user]");
        assertThat(refused.get("activity_id").asInt()).isEqualTo(4);
        assertStatus(refused, 2);
        assertThat(refused.get("status_detail").asText()).startsWith("01070734:3: Configuration error");

        // RFC 5424 header, the message id in the message
        JsonNode rfc5424 = line("<133>1 2026-03-01T09:57:20.123456+00:00 bigip1.example.com mcpd 6760 - - 01070417:5:"
                + " AUDIT - user admin - transaction #4715-2 - object 0 - modify { ltm node { node_name"
                + " \"/Common/192.0.2.80\" } } [Status=Command OK]");
        assertThat(rfc5424.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(rfc5424.at("/actor/user/name").asText()).isEqualTo("admin");
        assertThat(rfc5424.at("/actor/app_name").isMissingNode()).isTrue();

        JsonNode createUser = line("<133>Mar  1 09:57:00 bigip1.example.com notice tmsh[16322]: 01420002:5: AUDIT -"
                + " pid=16322 user=admin folder=/Common module=(tmos)# status=[Command OK] cmd_data=create auth user"
                + " eve password ******** role admin ;");
        assertThat(createUser.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(createUser.get("activity_id").asInt()).isEqualTo(1);
        assertStatus(createUser, 1);
        assertThat(createUser.at("/actor/user/name").asText()).isEqualTo("admin");
        assertThat(createUser.at("/actor/app_name").asText()).isEqualTo("tmsh");
        assertThat(createUser.at("/api/operation").asText())
                .isEqualTo("create auth user eve password ******** role admin ;");

        JsonNode failedDelete = line("<133>Mar  1 09:57:05 bigip1.example.com notice tmsh[16322]: 01420002:5: AUDIT -"
                + " pid=16322 user=admin folder=/Common module=(tmos)# status=[01020036:3: The requested pool"
                + " (/Common/nope) was not found.] cmd_data=delete ltm pool nope");
        assertThat(failedDelete.get("activity_id").asInt()).isEqualTo(4);
        assertStatus(failedDelete, 2);

        JsonNode cd = line("Mar  1 09:57:10 bigip1 tmsh[16322]: 01420002:5: AUDIT - pid=16322 user=root folder=/"
                + " module=(tmos)# status=[Command OK] cmd_data=cd / ;");
        assertThat(cd.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(cd.get("activity_id").asInt()).isEqualTo(99);
        assertThat(cd.at("/actor/user/name").asText()).isEqualTo("root");

        // an audit line that is neither a login nor a transaction stays a Base Event
        JsonNode other = line("<133>Mar  1 09:57:40 bigip1.example.com notice mcpd[6760]: 01070417:5: AUDIT - user"
                + " admin - RAW: /var/log/audit rotated");
        assertBaseEventOf(other, BIG_IP);
        assertThat(other.at("/unmapped/f5MsgId").asText()).isEqualTo("01070417");
    }

    @Test
    void apmAccessSessionsKeepTheirSessionId() throws Exception {
        JsonNode newSession = line("<133>Mar  1 09:40:00 bigip-apm1.example.com notice tmm1[20226]: 01490500:5:"
                + " /Common/ap_vpn:Common:1a2b3c4d: New session from client IP 198.51.100.23 (ST=California/CC=US/C=NA)"
                + " at VIP 203.0.113.10 Listener /Common/vs_vpn_443 (Reputation=Unknown)");
        assertProduct(newSession, BIG_IP);
        assertFlow(newSession, 1, "198.51.100.23", null, "203.0.113.10", null);
        assertThat(newSession.at("/src_endpoint/location/country").asText()).isEqualTo("US");
        assertThat(newSession.at("/unmapped/apmSid").asText()).isEqualTo("1a2b3c4d");
        JsonNode bareSession = line("<133>Mar  1 09:40:00 bigip-apm1.example.com notice tmm[20226]: 01490500:5:"
                + " 5e6f7a8b: New session from client IP 198.51.100.24 (ST=/CC=/C=) at VIP 203.0.113.11 Listener"
                + " /Common/vs_portal");
        assertFlow(bareSession, 1, "198.51.100.24", null, "203.0.113.11", null);
        assertThat(bareSession.at("/src_endpoint/location").isMissingNode()).isTrue();
        assertThat(bareSession.at("/unmapped/apmSid").asText()).isEqualTo("5e6f7a8b");

        JsonNode username = line("<133>Mar  1 09:40:02 bigip-apm1.example.com notice apmd[11023]: 01490010:5:"
                + " /Common/ap_vpn:Common:1a2b3c4d: Username 'jdoe'");
        assertAuthentication(username, 99, "jdoe", null);
        assertThat(username.at("/session/uid").asText()).isEqualTo("1a2b3c4d");
        assertThat(username.has("status_id")).isFalse();

        JsonNode adFailed = line("<131>Mar  1 09:40:03 bigip-apm1.example.com err apmd[11023]: 01490107:3:"
                + " /Common/ap_vpn:Common:1a2b3c4d: AD module: authentication with 'jdoe' failed: Preauthentication"
                + " failed, principal name: jdoe@EXAMPLE.COM. Password incorrect. (-1765328360)");
        assertLogon(adFailed, 2, "jdoe", null);
        assertThat(adFailed.at("/session/uid").asText()).isEqualTo("1a2b3c4d");
        assertThat(adFailed.at("/service/name").asText()).isEqualTo("/Common/ap_vpn");
        assertThat(adFailed.get("status_detail").asText()).startsWith("Preauthentication failed");
        assertThat(adFailed.at("/unmapped/apmAuthModule").asText()).isEqualTo("AD");

        JsonNode radiusFailed = line("<131>Mar  1 09:40:04 bigip-apm1.example.com err apmd[11023]: 01490106:3:"
                + " /Common/ap_vpn:Common:1a2b3c4d: RADIUS module: authentication with 'jdoe' failed: Access-Reject"
                + " packet from host 192.0.2.53:1812");
        assertLogon(radiusFailed, 2, "jdoe", null);
        assertThat(radiusFailed.get("status_detail").asText())
                .isEqualTo("Access-Reject packet from host 192.0.2.53:1812");

        JsonNode ldapFailed =
                line("Mar  1 09:40:05 bigip-apm1 apmd[11023]: 01490106:3: /Common/ap_ldap:Common:2b3c4d5e:"
                        + " LDAP module: authentication with 'asmith' failed in doAuth: Invalid credentials (49)");
        assertLogon(ldapFailed, 2, "asmith", null);
        assertThat(ldapFailed.get("status_detail").asText()).isEqualTo("Invalid credentials (49)");

        JsonNode deny = line("<133>Mar  1 09:40:06 bigip-apm1.example.com notice apmd[11023]: 01490102:5:"
                + " /Common/ap_vpn:Common:1a2b3c4d: Access policy result: Logon_Deny");
        assertLogon(deny, 2, null, null);
        assertThat(deny.at("/session/uid").asText()).isEqualTo("1a2b3c4d");
        assertThat(deny.get("status_detail").asText()).isEqualTo("Logon_Deny");
        JsonNode networkAccess = line("<133>Mar  1 09:41:00 bigip-apm1.example.com notice apmd[11023]: 01490102:5:"
                + " /Common/ap_vpn:Common:3c4d5e6f: Access policy result: Network_Access");
        assertLogon(networkAccess, 1, null, null);
        assertThat(networkAccess.at("/session/uid").asText()).isEqualTo("3c4d5e6f");
        JsonNode ltmApm = line("<133>Mar  1 09:41:01 bigip-apm1.example.com notice apmd[11023]: 01490102:5: 3c4d5e6f:"
                + " Access policy result: LTM+APM_Mode");
        assertLogon(ltmApm, 1, null, null);

        JsonNode adAgentOk = line("<134>Mar  1 09:41:02 bigip-apm1.example.com info apd[18544]: 01490017:6: 3c4d5e6f:"
                + " AD agent: Auth (logon attempt:0): authenticate with 'bwayne' successful");
        assertLogon(adAgentOk, 1, "bwayne", null);
        JsonNode adAgentFailed = line(adAgentOk.get("raw_data").asText().replace("' successful", "' failed"));
        assertLogon(adAgentFailed, 2, "bwayne", null);

        JsonNode tunnel = line("<133>Mar  1 09:41:10 bigip-apm1.example.com notice tmm1[20226]: 01490549:5:"
                + " /Common/ap_vpn:Common:3c4d5e6f: Assigned PPP Dynamic IPv4: 10.10.0.25 Tunnel Type: VPN"
                + " /Common/na_res Resource: /Common/na_res Client IP: 198.51.100.30 - 198.51.100.30");
        assertThat(tunnel.get("class_uid").asInt()).isEqualTo(4014);
        assertThat(tunnel.get("activity_id").asInt()).isEqualTo(1);
        assertThat(tunnel.at("/tunnel_interface/ip").asText()).isEqualTo("10.10.0.25");
        assertThat(tunnel.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.30");
        assertThat(tunnel.at("/session/uid").asText()).isEqualTo("3c4d5e6f");

        JsonNode logout = line("<133>Mar  1 09:45:00 bigip-apm1.example.com notice tmm1[20226]: 01490501:5:"
                + " /Common/ap_vpn:Common:3c4d5e6f: Session deleted due to user logout request.");
        assertAuthentication(logout, 2, null, null);
        assertStatus(logout, 1);
        assertThat(logout.at("/session/uid").asText()).isEqualTo("3c4d5e6f");
        assertThat(logout.get("status_detail").asText()).isEqualTo("user logout request");

        JsonNode allowAcl = line("<133>Mar  1 09:46:00 bigip-apm1.example.com notice tmm[20338]: 01580002:5:"
                + " /Common/ap_vpn:Common:3c4d5e6f: allow ACL: /Common/acl_web:2 packet: tcp 10.10.0.25:54636 ->"
                + " 192.0.2.80:443");
        assertFlow(allowAcl, 6, "10.10.0.25", 54636, "192.0.2.80", 443);
        assertAllowed(allowAcl);
        assertThat(allowAcl.at("/firewall_rule/name").asText()).isEqualTo("/Common/acl_web:2");
        JsonNode rejectAcl = line(allowAcl.get("raw_data").asText().replace(": allow ACL", ": reject ACL"));
        assertFlow(rejectAcl, 5, "10.10.0.25", 54636, "192.0.2.80", 443);
        assertDenied(rejectAcl);

        // lines of a session without an outcome or endpoints stay Base Events, the session id extracted
        JsonNode statistics = line("<133>Mar  1 09:45:00 bigip-apm1.example.com notice tmm1[20226]: 01490521:5:"
                + " /Common/ap_vpn:Common:3c4d5e6f: Session statistics - bytes in: 123456, bytes out: 654321");
        assertBaseEventOf(statistics, BIG_IP);
        assertThat(statistics.at("/unmapped/f5MsgId").asText()).isEqualTo("01490521");
        JsonNode clientInfo = line("<133>Mar  1 09:46:02 bigip-apm1.example.com notice apmd[11023]: 01490248:5:"
                + " /Common/ap_vpn:Common:3c4d5e6f: Received client info - Hostname:  Type: Chrome Version: 120"
                + " Platform: Win10 CPU: x64 UI Mode: Full Javascript Support: 1 ActiveX Support: 0 Plugin Support: 0");
        assertBaseEventOf(clientInfo, BIG_IP);
    }

    @Test
    void asmRequestsAreHttpActivityDeniedWhenBlocked() throws Exception {
        JsonNode blocked =
                line("<134>Mar  1 10:00:01 bigip-waf1.example.com ASM:unit_hostname=\"bigip-waf1.example.com\","
                        + "management_ip_address=\"192.0.2.2\",management_ip_address_2=\"\",http_class_name=\"/Common/shop_policy\","
                        + "web_application_name=\"/Common/shop_policy\",policy_name=\"/Common/shop_policy\","
                        + "policy_apply_date=\"2026-02-20 12:00:00\",violations=\"Attack signature detected,Illegal meta character"
                        + " in value\",support_id=\"18205860747014045721\",request_status=\"blocked\",response_code=\"0\","
                        + "ip_client=\"198.51.100.99\",route_domain=\"0\",method=\"GET\",protocol=\"HTTPS\","
                        + "query_string=\"id=1%27%20or%201=1--\",x_forwarded_for_header_value=\"N/A\",sig_ids=\"200002835\","
                        + "sig_names=\"SQL-INJ or 1=1\",date_time=\"2026-03-01 10:00:01\",severity=\"Critical\","
                        + "attack_type=\"SQL-Injection\",geo_location=\"N/A\",ip_address_intelligence=\"N/A\",username=\"N/A\","
                        + "session_id=\"a1b2c3d4e5f60718\",src_port=\"51515\",dest_port=\"443\",dest_ip=\"203.0.113.20\","
                        + "sub_violations=\"\",virus_name=\"N/A\",violation_rating=\"5\",vs_name=\"/Common/vs_shop_443\","
                        + "uri=\"/products/view\",fragment=\"\",request=\"GET /products/view?id=1%27%20or%201=1-- HTTP/1.1\\r\\n"
                        + "Host: shop.example.com\\r\\nUser-Agent: sqlmap/1.7\\r\\nAccept: */*\\r\\n\\r\\n\","
                        + "response=\"Response logging disabled\"");
        assertProduct(blocked, BIG_IP);
        assertThat(blocked.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(blocked.get("activity_id").asInt()).isEqualTo(3);
        assertDenied(blocked);
        assertThat(blocked.get("is_alert").asBoolean()).isTrue();
        assertThat(blocked.get("severity_id").asInt()).isEqualTo(5);
        assertThat(blocked.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.99");
        assertThat(blocked.at("/src_endpoint/port").asInt()).isEqualTo(51515);
        assertThat(blocked.at("/dst_endpoint/ip").asText()).isEqualTo("203.0.113.20");
        assertThat(blocked.at("/http_request/http_method").asText()).isEqualTo("GET");
        assertThat(blocked.at("/http_request/url/path").asText()).isEqualTo("/products/view");
        assertThat(blocked.at("/http_request/url/query_string").asText()).isEqualTo("id=1%27%20or%201=1--");
        assertThat(blocked.at("/http_request/url/hostname").asText()).isEqualTo("shop.example.com");
        assertThat(blocked.at("/firewall_rule/name").asText()).isEqualTo("/Common/shop_policy");
        assertThat(blocked.get("status_detail").asText()).isEqualTo("SQL-Injection");
        assertThat(blocked.get("message").asText())
                .isEqualTo("Attack signature detected,Illegal meta character in value");
        assertThat(blocked.at("/device/ip").asText()).isEqualTo("192.0.2.2");
        assertThat(blocked.at("/actor/user").isMissingNode())
                .as("N/A is no user")
                .isTrue();
        assertThat(blocked.at("/unmapped/attack_type").asText()).isEqualTo("SQL-Injection");
        assertThat(blocked.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T10:00:01Z"));

        JsonNode passed =
                line("<134>Mar  1 10:00:02 bigip-waf1.example.com ASM:unit_hostname=\"bigip-waf1.example.com\","
                        + "management_ip_address=\"192.0.2.2\",policy_name=\"/Common/shop_policy\",violations=\"\","
                        + "request_status=\"passed\",response_code=\"200\",ip_client=\"198.51.100.98\",method=\"POST\","
                        + "protocol=\"HTTP\",query_string=\"\",date_time=\"2026-03-01 10:00:02\",severity=\"Informational\","
                        + "attack_type=\"\",username=\"jdoe\",src_port=\"51516\",dest_port=\"80\",dest_ip=\"203.0.113.20\","
                        + "uri=\"/cart/add\"");
        assertThat(passed.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(passed.get("activity_id").asInt()).isEqualTo(6);
        assertAllowed(passed);
        assertThat(passed.has("is_alert")).isFalse();
        assertThat(passed.at("/http_response/code").asInt()).isEqualTo(200);
        assertThat(passed.at("/actor/user/name").asText()).isEqualTo("jdoe");

        JsonNode alerted = line(
                passed.get("raw_data").asText().replace("request_status=\"passed\"", "request_status=\"alerted\""));
        assertAllowed(alerted);
        assertThat(alerted.get("is_alert").asBoolean()).isTrue();
    }

    @Test
    void afmNetworkFirewallEventsAreNetworkActivity() throws Exception {
        // RFC 5424 with the fields as structured data
        JsonNode drop = line("<134>1 2026-03-01T10:05:00+00:00 bigip-afm1.example.com tmm 14807 23003137 [F5@12276"
                + " acl_policy_name=\"/Common/edge_policy\" acl_policy_type=\"Enforced\" acl_rule_name=\"deny_telnet\""
                + " action=\"Drop\" hostname=\"bigip-afm1.example.com\" bigip_mgmt_ip=\"192.0.2.3\""
                + " context_name=\"/Common/vs_edge\" context_type=\"Virtual Server\" date_time=\"Mar 01 2026 10:05:00\""
                + " dest_ip=\"203.0.113.30\" dest_port=\"23\" device_product=\"Advanced Firewall Module\""
                + " device_vendor=\"F5\" device_version=\"17.1.0\" drop_reason=\"Policy\" errdefs_msgno=\"23003137\""
                + " errdefs_msg_name=\"Network Event\" flow_id=\"0000000000000000\" ip_protocol=\"TCP\" severity=\"8\""
                + " partition_name=\"Common\" route_domain=\"0\" source_ip=\"198.51.100.66\" source_port=\"40404\""
                + " vlan=\"/Common/external\"]");
        assertProduct(drop, BIG_IP);
        assertFlow(drop, 5, "198.51.100.66", 40404, "203.0.113.30", 23);
        assertDenied(drop);
        assertThat(drop.at("/firewall_rule/name").asText()).isEqualTo("deny_telnet");
        assertThat(drop.at("/connection_info/protocol_name").asText()).isEqualTo("TCP");
        assertThat(drop.at("/device/ip").asText()).isEqualTo("192.0.2.3");

        // key="value" pairs after an RFC 3164 header
        JsonNode accept = line(
                "<134>Mar  1 10:05:01 bigip-afm1.example.com action=\"Accept\",hostname=\"bigip-afm1.example.com\","
                        + "bigip_mgmt_ip=\"192.0.2.3\",context_name=\"/Common/vs_web\",context_type=\"Virtual Server\","
                        + "date_time=\"Mar 01 2026 10:05:01\",dest_ip=\"203.0.113.31\",dest_port=\"443\","
                        + "device_product=\"Advanced Firewall Module\",device_vendor=\"F5\",drop_reason=\"\","
                        + "errdefs_msgno=\"23003137\",errdefs_msg_name=\"Network Event\",ip_protocol=\"TCP\",severity=\"8\","
                        + "source_ip=\"198.51.100.67\",source_port=\"40405\",vlan=\"/Common/external\","
                        + "acl_policy_name=\"/Common/edge_policy\",acl_policy_type=\"Enforced\",acl_rule_name=\"allow_https\"");
        assertFlow(accept, 1, "198.51.100.67", 40405, "203.0.113.31", 443);
        assertAllowed(accept);
        assertThat(accept.at("/firewall_rule/name").asText()).isEqualTo("allow_https");

        // a network DoS event: a Detection Finding of the attack, its source and target as evidence
        JsonNode dos = line("action=\"Allow\",hostname=\"bigip-afm1.example.com\",bigip_mgmt_ip=\"192.0.2.3\","
                + "context_name=\"/Common/203.0.113.40\",date_time=\"2026-03-01T10:06:00.000Z\",dest_ip=\"203.0.113.40\","
                + "dest_port=\"80\",device_product=\"Advanced Firewall Module\",device_vendor=\"F5\","
                + "dos_attack_event=\"Attack Started\",dos_attack_id=\"710253591\",dos_attack_name=\"TCP RST flood\","
                + "errdefs_msgno=\"23003138\",errdefs_msg_name=\"Network DoS Event\",severity=\"4\",dos_mode=\"Enforced\","
                + "source_ip=\"198.51.100.70\",source_port=\"9607\",vlan=\"/Common/internal\"");
        assertProduct(dos, BIG_IP);
        assertThat(dos.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(dos.get("activity_id").asInt()).isEqualTo(1);
        assertThat(dos.get("is_alert").asBoolean()).isTrue();
        assertThat(dos.at("/finding_info/title").asText()).isEqualTo("TCP RST flood");
        assertThat(dos.at("/finding_info/uid").asText()).isEqualTo("710253591");
        assertThat(dos.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("198.51.100.70");
        assertThat(dos.at("/evidences/0/dst_endpoint/ip").asText()).isEqualTo("203.0.113.40");
        assertThat(dos.at("/evidences/0/dst_endpoint/port").asInt()).isEqualTo(80);
        assertThat(dos.at("/device/hostname").asText()).isEqualTo("bigip-afm1.example.com");
        assertThat(dos.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T10:06:00Z"));
        JsonNode stopped = line(dos.get("raw_data").asText().replace("Attack Started", "Attack Stopped"));
        assertThat(stopped.get("activity_id").asInt()).isEqualTo(3);
    }

    @Test
    void synFloodProtectionIsADetectionFindingOnTheVirtualServer() throws Exception {
        JsonNode activated = line("Mar  1 09:30:00 bigip1 crit tmm2[20175]: 01010240:2: Syncookie HW mode activated,"
                + " server = 203.0.113.50:443, HSB modId = 1");
        assertProduct(activated, BIG_IP);
        assertThat(activated.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(activated.get("activity_id").asInt()).isEqualTo(1);
        assertThat(activated.get("is_alert").asBoolean()).isTrue();
        assertThat(activated.get("severity_id").asInt()).isEqualTo(5);
        assertThat(activated.at("/finding_info/uid").asText()).isEqualTo("01010240");
        assertThat(activated.at("/evidences/0/dst_endpoint/ip").asText()).isEqualTo("203.0.113.50");
        assertThat(activated.at("/evidences/0/dst_endpoint/port").asInt()).isEqualTo(443);
        assertThat(activated.at("/unmapped/f5Level").asText()).isEqualTo("crit");
        assertThat(activated.at("/unmapped/f5Process").asText()).isEqualTo("tmm2");

        JsonNode exited = line("Mar  1 09:35:00 bigip1 notice tmm2[20175]: 01010344:5: Syncookie SW mode exited,"
                + " server = 203.0.113.50:443");
        assertThat(exited.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(exited.get("activity_id").asInt()).isEqualTo(3);
        assertThat(exited.has("is_alert")).isFalse();
        assertThat(exited.at("/evidences/0/dst_endpoint/ip").asText()).isEqualTo("203.0.113.50");

        JsonNode threshold = line("Mar  1 09:30:01 bigip1 warning tmm[20175]: 01010038:4: Syncookie counter 12001"
                + " exceeded vip threshold 12000 for virtual = 203.0.113.51:80");
        assertThat(threshold.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(threshold.get("severity_id").asInt()).isEqualTo(3);
        assertThat(threshold.at("/evidences/0/dst_endpoint/ip").asText()).isEqualTo("203.0.113.51");

        JsonNode bdos = line("Mar  1 09:31:00 bigip1 warning tmm[20175]: 01010329:4: BDoS: (TMM) Signature sig_4711:"
                + " threshold_mode=auto detection=1 mitigation_curr=2000");
        assertThat(bdos.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(bdos.at("/finding_info/uid").asText()).isEqualTo("sig_4711");
    }

    @Test
    void rateLimitsAndSystemMessagesAreBaseEventsWithTheirMessageIdAndLevel() throws Exception {
        JsonNode rateLimit = line("Mar  1 09:30:02 bigip1 warning tmm[20175]: 01010251:4: Virtual /Common/vs_shop"
                + " exceeded configured rate limit.");
        assertBaseEventOf(rateLimit, BIG_IP);
        assertThat(rateLimit.get("severity_id").asInt()).isEqualTo(3);
        assertThat(rateLimit.at("/unmapped/f5MsgId").asText()).isEqualTo("01010251");
        assertThat(rateLimit.at("/unmapped/f5VirtualServer").asText()).isEqualTo("/Common/vs_shop");
        JsonNode poolMember = line("Mar  1 09:30:03 bigip1 warning tmm[20175]: 01010250:4: Pool member 192.0.2.90:8080"
                + " exceeded configured rate limit.");
        assertBaseEventOf(poolMember, BIG_IP);
        assertThat(poolMember.at("/unmapped/f5PoolMember").asText()).isEqualTo("192.0.2.90:8080");

        // without the level word, and with an RFC 3164 priority
        JsonNode tagged = line("<131>Mar  1 09:30:04 bigip1 tmm1[20175]: 01260009:3: Connection error:"
                + " ssl_passthru:5234: not SSL (40)");
        assertBaseEventOf(tagged, BIG_IP);
        assertThat(tagged.at("/unmapped/f5MsgId").asText()).isEqualTo("01260009");
        assertThat(tagged.at("/unmapped/f5MsgLevel").asText()).isEqualTo("3");
        assertThat(tagged.get("message").asText()).isEqualTo("Connection error: ssl_passthru:5234: not SSL (40)");

        JsonNode monitor = line("Mar  1 09:30:05 bigip1.example.com notice mcpd[10653]: 01070638:5: Pool"
                + " /Common/web_pool member /Common/web3:80 monitor status down.");
        assertBaseEventOf(monitor, BIG_IP);
        assertThat(monitor.get("severity_id").asInt()).isEqualTo(1);
        assertThat(monitor.at("/device/hostname").asText()).isEqualTo("bigip1.example.com");
        assertThat(monitor.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:30:05Z"));
    }

    @Test
    void otherProductsLinesAreNotClaimed() throws Exception {
        JsonNode sshd = line("Mar  1 10:00:00 web01 sshd[2211]: Failed password for invalid user admin from"
                + " 203.0.113.9 port 50022 ssh2");
        assertProduct(sshd, "OpenSSH");
        JsonNode pamUnix = line("Mar  1 10:00:00 web01 sshd(pam_unix)[2212]: authentication failure; logname= uid=0"
                + " euid=0 tty=ssh ruser= rhost=203.0.113.9  user=root");
        assertThat(pamUnix.at("/metadata/product/name").asText()).isNotEqualTo(BIG_IP);
        // a level word and a daemon, but no BIG-IP message id
        JsonNode noId = line("Mar  1 10:00:00 web01 notice myapp[12]: started worker 3");
        assertThat(noId.at("/metadata/product/name").asText()).isNotEqualTo(BIG_IP);
        // key="value" pairs without BIG-IP's message number
        JsonNode pairs =
                line("<134>Mar  1 10:00:00 lb1 action=\"Accept\",source_ip=\"198.51.100.1\",dest_ip=\"192.0.2.1\"");
        assertThat(pairs.at("/metadata/product/name").asText()).isNotEqualTo(BIG_IP);
        JsonNode notAsm = line("<134>Mar  1 10:00:00 app1 ASM: scan finished");
        assertThat(notAsm.at("/metadata/product/name").asText()).isNotEqualTo(BIG_IP);
    }

    @Test
    void configSyncConnectionsFromAnUnexpectedVlanAreRefusedFlowsWithThePeer() throws Exception {
        // documented message (01071bd1, mcpd): a device trust peer's CMI connection on the wrong VLAN
        JsonNode refused = line("<131>Mar  1 09:40:00 bigip2.example.com err mcpd[6621]: 01071bd1:3: Inbound CMI"
                + " connection from IP (10.10.20.2) denied because it came from VLAN (/Common/external), not from"
                + " expected VLAN (/Common/HA).");
        assertProduct(refused, BIG_IP);
        assertThat(refused.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(refused.get("activity_id").asInt()).isEqualTo(5);
        assertDenied(refused);
        assertThat(refused.at("/src_endpoint/ip").asText()).isEqualTo("10.10.20.2");
        assertThat(refused.at("/src_endpoint/interface_name").asText()).isEqualTo("/Common/external");
        assertThat(refused.at("/unmapped/f5CmiExpectedVlan").asText()).isEqualTo("/Common/HA");
        assertThat(refused.get("app_name").asText()).isEqualTo("CMI");
        assertThat(refused.get("severity_id").asInt()).isEqualTo(4);
        // corpus (Wazuh f5-bigip): the message catalogue's wording, no address to take
        JsonNode catalogue =
                line("May  5 04:26:19 hostname type process[20175]: 01071bd1:0: Inbound CMI connection from"
                        + " IP (componentName) denied because it came from VLAN (componentName), not from expected VLAN"
                        + " (componentName).");
        assertThat(catalogue.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(catalogue.at("/src_endpoint/ip").isMissingNode()).isTrue();
        // the catalogue's other operational messages stay Base Events
        assertBaseEventOf(
                line("May  5 04:26:19 hostname type process[20175]: 013e0005:0: Tcpdump starting remote to %A from %A"),
                BIG_IP);
        assertBaseEventOf(
                line("May  5 04:26:19 hostname type process[20175]: 01071bee:0: SSLv2 is no longer supported and has"
                        + " been removed. The 'sslv2' keyword in the cipher string has been ignored."),
                BIG_IP);
    }

    @Test
    void asmAnomaliesInCefAreDetectionFindingsOfTheAttackAndItsRequestsHttpActivity() throws Exception {
        // documented format (ASM remote logging in CEF, brute force and web scraping anomalies: attack_id,
        // attack_status, violation_counter), when the attack started and when it ended
        JsonNode started = line("<131>Mar  1 09:30:00 bigip-4.example.com ASM:CEF:0|F5|ASM|15.1.0|Brute Force Attack|"
                + "Brute Force Attack|5|dvchost=bigip-4.example.com dvc=192.168.1.246 cs1=/Common/app_policy"
                + " cs1Label=policy_name cs2=/Common/app cs2Label=web_application_name act=Alarm cn3=6041263271652361513"
                + " cn3Label=attack_id cs4=Started cs4Label=attack_status request=/login.php src=203.0.113.77 cs6=N/A"
                + " cs6Label=geo_location rt=Mar 01 2026 09:30:00 cn2=0 cn2Label=dropped_requests cn4=35"
                + " cn4Label=violation_counter");
        assertProduct(started, "BIG-IP ASM");
        assertThat(started.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(started.get("activity_id").asInt()).isEqualTo(1);
        assertThat(started.get("is_alert").asBoolean()).isTrue();
        assertThat(started.at("/finding_info/title").asText()).isEqualTo("Brute Force Attack");
        assertThat(started.at("/finding_info/uid").asText()).isEqualTo("6041263271652361513");
        assertThat(started.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("203.0.113.77");
        assertThat(started.at("/evidences/0/url/url_string").asText()).isEqualTo("/login.php");
        assertThat(started.at("/policy/name").asText()).isEqualTo("/Common/app_policy");
        assertThat(started.get("status_detail").asText()).isEqualTo("Alarm");
        assertThat(started.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:30:00Z"));
        JsonNode ended = line("<131>Mar  1 09:45:00 bigip-4.example.com ASM:CEF:0|F5|ASM|15.1.0|Brute Force Attack|"
                + "Brute Force Attack|5|dvchost=bigip-4.example.com cs1=/Common/app_policy cs1Label=policy_name"
                + " cn3=6041263271652361513 cn3Label=attack_id cs4=Ended cs4Label=attack_status src=203.0.113.77");
        assertThat(ended.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(ended.get("activity_id").asInt()).isEqualTo(3);
        // corpus (Wazuh f5-bigip-cef): a layer 7 DoS anomaly of the message catalogue, product and values
        // left as words
        JsonNode catalogue = line("<131>Sep 19 13:53:34 bigip-4.pme-ds.f5.com ASM:CEF:0|F5|componentName|componentName|"
                + "componentName|componentName|40| dvchost=componentName dvc=componentName cs1=componentName"
                + " cs1Label=policy_name act=componentName cn3=%llu cn3Label=attack_id cs4=componentName"
                + " cs4Label=attack_status src=componentName cs6=componentName cs6Label=geo_location rt=componentName"
                + " cn2=%llu cn2Label=dropped_requests");
        assertProduct(catalogue, "BIG-IP ASM");
        assertThat(catalogue.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(catalogue.get("activity_id").asInt()).isEqualTo(99);
        // a request line of the same product stays HTTP Activity
        JsonNode request = line("<131>Sep 19 13:55:00 bigip-4.pme-ds.f5.com ASM:CEF:0|F5|ASM|11.3.0|200000098|"
                + "Automated client access \"wget\"|5|dvchost=bigip-4.pme-ds.f5.com dvc=172.16.73.34 cs1=topaz4-web4"
                + " cs1Label=policy_name act=alerted cs4=Robot Access cs4Label=attack_type src=10.4.1.101 spt=52975"
                + " dst=10.4.1.200 dpt=80 requestMethod=GET request=/ cn1=200 cn1Label=response_code");
        assertThat(request.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(request.get("activity_id").asInt()).isEqualTo(3);
    }
}
