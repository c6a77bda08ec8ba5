package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAuthentication;
import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The mapping files of the identity, mail, web and proxy servers small companies run themselves:
 * Keycloak's event logger (user and admin events, unquoted and quoted, in the server log line, in
 * syslog and in the JSON log output), Zimbra Collaboration's audit.log, the WP fail2ban plugin's
 * syslog messages of WordPress sites and Traefik Proxy's access log (JSON and Common Log Format).
 * Lines written from each product's documented format.
 */
class KeycloakZimbraWordPressAndTraefikMappingsTest {

    private static final String USER_ID = "3f1c9a52-7d4e-4b8a-9c61-2e5f0a7b8d90";
    private static final String ADMIN_ID = "a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d";

    // ---------------------------------------------------------------- Keycloak

    @Test
    void keycloakLoginErrorBeforeQuotingIsAFailedLogon() throws Exception {
        JsonNode r = line("2026-03-01 09:59:58,123 WARN  [org.keycloak.events] (executor-thread-7) type=LOGIN_ERROR,"
                + " realmId=acme, clientId=account-console, userId=" + USER_ID + ", ipAddress=203.0.113.50,"
                + " error=invalid_user_credentials, auth_method=openid-connect, auth_type=code,"
                + " redirect_uri=https://sso.example.com/realms/acme/account/, code_id=5b2e8c41-0d3f-4a7e-b1c9-6f8a2d4e0c13,"
                + " username=alice");
        assertProduct(r, "Keycloak");
        assertLogon(r, 2, "alice", "203.0.113.50");
        assertThat(r.at("/user/uid").asText()).isEqualTo(USER_ID);
        assertThat(r.at("/user/domain").asText()).isEqualTo("acme");
        assertThat(r.at("/service/name").asText()).isEqualTo("account-console");
        assertThat(r.get("status_detail").asText()).isEqualTo("invalid_user_credentials");
        assertThat(r.get("auth_protocol_id").asInt()).isEqualTo(4);
        assertThat(r.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:59:58Z"));
    }

    @Test
    void keycloakQuotedEventsInSyslogAndJsonAreRead() throws Exception {
        // Keycloak 24 and later quote every value; 26 adds realmName; the log line inside RFC 5424 syslog
        JsonNode quoted = line(
                "<132>1 2026-03-01T09:59:58.123Z sso01 keycloak 1421 org.keycloak.events - "
                        + "2026-03-01 09:59:58,123 WARN  [org.keycloak.events] (executor-thread-12) type=\"LOGIN_ERROR\","
                        + " realmId=\"7d3c1e0a-55b2-4f0e-9a11-0c8e2d6b4f21\", realmName=\"acme\", clientId=\"webshop\","
                        + " userId=\"null\", ipAddress=\"198.51.100.77\", error=\"user_not_found\", auth_method=\"openid-connect\","
                        + " auth_type=\"code\", redirect_uri=\"https://shop.example.com/callback?a=1,b=2\", username=\"mallory\"");
        assertLogon(quoted, 2, "mallory", "198.51.100.77");
        assertThat(quoted.at("/user/uid").isMissingNode())
                .as("userId null is no id")
                .isTrue();
        assertThat(quoted.at("/user/domain").asText()).isEqualTo("acme");
        assertThat(quoted.at("/service/name").asText()).isEqualTo("webshop");
        assertThat(quoted.get("status_detail").asText()).isEqualTo("user_not_found");
        assertThat(quoted.at("/device/hostname").asText()).isEqualTo("sso01");
        assertThat(quoted.at("/unmapped/redirect_uri").asText()).isEqualTo("https://shop.example.com/callback?a=1,b=2");

        // Quarkus' JSON log output
        JsonNode fromJson = json("""
                {"timestamp":"2026-03-01T09:59:58.123456Z","sequence":4711,"loggerClassName":"org.jboss.logging.Logger",
                 "loggerName":"org.keycloak.events","level":"INFO",
                 "message":"type=\\"LOGIN\\", realmId=\\"acme\\", realmName=\\"acme\\", clientId=\\"grafana\\", userId=\\"%s\\", sessionId=\\"9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b\\", ipAddress=\\"192.0.2.44\\", auth_method=\\"openid-connect\\", username=\\"bob\\"",
                 "threadName":"executor-thread-3","threadId":88,"mdc":{},"ndc":"","hostName":"sso02","processName":"/usr/lib/jvm/java-21/bin/java","processId":512}""".formatted(USER_ID));
        assertProduct(fromJson, "Keycloak");
        assertLogon(fromJson, 1, "bob", "192.0.2.44");
        assertThat(fromJson.at("/session/uid").asText()).isEqualTo("9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b");
        assertThat(fromJson.at("/service/name").asText()).isEqualTo("grafana");
        assertThat(fromJson.at("/device/hostname").asText()).isEqualTo("sso02");
        assertThat(fromJson.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:59:58.123Z"));

        // WildFly's console: a time without a date
        JsonNode wildfly =
                line("11:36:09,965 WARN  [org.keycloak.events] (default task-51) type=LOGIN_ERROR, realmId=master,"
                        + " clientId=security-admin-console, userId=null, ipAddress=192.0.2.9, error=user_not_found,"
                        + " auth_method=openid-connect, username=admin");
        assertLogon(wildfly, 2, "admin", "192.0.2.9");
    }

    @Test
    void keycloakLogoutsTokensAndClientLoginsAreAuthentication() throws Exception {
        JsonNode logout = line(kc(
                "INFO",
                "type=\"LOGOUT\", realmId=\"acme\", clientId=\"null\", userId=\"" + USER_ID
                        + "\", sessionId=\"c4d5e6f7-0a1b-4c2d-8e3f-4a5b6c7d8e9f\", ipAddress=\"198.51.100.20\""));
        assertAuthentication(logout, 2, null, "198.51.100.20");
        assertThat(logout.at("/user/uid").asText()).isEqualTo(USER_ID);

        JsonNode codeError = line(kc(
                "WARN",
                "type=\"CODE_TO_TOKEN_ERROR\", realmId=\"acme\", clientId=\"grafana\","
                        + " userId=\"null\", ipAddress=\"203.0.113.8\", error=\"invalid_code\", grant_type=\"authorization_code\","
                        + " code_id=\"c4d5e6f7-0a1b-4c2d-8e3f-4a5b6c7d8e9f\", client_auth_method=\"client-secret\""));
        assertAuthentication(codeError, 99, null, "203.0.113.8");
        assertThat(codeError.get("status_id").asInt()).isEqualTo(2);
        assertThat(codeError.get("status_detail").asText()).isEqualTo("invalid_code");

        JsonNode clientLogin = line(kc(
                "WARN",
                "type=\"CLIENT_LOGIN_ERROR\", realmId=\"acme\", clientId=\"backup-job\","
                        + " userId=\"null\", ipAddress=\"203.0.113.9\", error=\"invalid_client_credentials\","
                        + " grant_type=\"client_credentials\", client_auth_method=\"client-secret\""));
        assertLogon(clientLogin, 2, null, "203.0.113.9");
        assertThat(clientLogin.at("/service/name").asText()).isEqualTo("backup-job");
        assertThat(clientLogin.get("status_detail").asText()).isEqualTo("invalid_client_credentials");
    }

    @Test
    void keycloakAccountEventsAreAccountChange() throws Exception {
        JsonNode password = line(kc(
                "INFO",
                "type=\"UPDATE_PASSWORD\", realmId=\"acme\", clientId=\"account-console\"," + " userId=\"" + USER_ID
                        + "\", ipAddress=\"198.51.100.20\", auth_method=\"openid-connect\", username=\"alice\""));
        assertAccountChange(password, 3, "Password Change");
        assertThat(password.at("/user/name").asText()).isEqualTo("alice");
        assertThat(password.get("status_id").asInt()).isEqualTo(1);

        JsonNode credential = line(kc(
                "INFO",
                "type=\"UPDATE_CREDENTIAL\", realmId=\"acme\", clientId=\"account-console\"," + " userId=\"" + USER_ID
                        + "\", ipAddress=\"198.51.100.20\", credential_type=\"password\", username=\"alice\""));
        assertAccountChange(credential, 3, "Password Change");
        JsonNode otp = line(kc(
                "INFO",
                "type=\"UPDATE_CREDENTIAL\", realmId=\"acme\", clientId=\"account-console\"," + " userId=\"" + USER_ID
                        + "\", ipAddress=\"198.51.100.20\", credential_type=\"otp\", username=\"alice\""));
        assertAccountChange(otp, 10, "MFA Factor Enable");
        JsonNode removed = line(kc(
                "INFO",
                "type=\"REMOVE_TOTP\", realmId=\"acme\", clientId=\"account-console\"," + " userId=\"" + USER_ID
                        + "\", ipAddress=\"198.51.100.20\""));
        assertAccountChange(removed, 11, "MFA Factor Disable");

        JsonNode register = line(kc(
                "INFO",
                "type=\"REGISTER\", realmId=\"acme\", clientId=\"webshop\", userId=\""
                        + USER_ID
                        + "\", ipAddress=\"203.0.113.61\", auth_method=\"openid-connect\", register_method=\"form\","
                        + " username=\"carol\", email=\"carol@example.com\""));
        assertAccountChange(register, 1, "Create");
        assertThat(register.at("/user/email_addr").asText()).isEqualTo("carol@example.com");
        assertThat(register.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.61");

        JsonNode lockout = line(kc(
                "WARN",
                "type=\"USER_DISABLED_BY_TEMPORARY_LOCKOUT\", realmId=\"acme\","
                        + " clientId=\"null\", userId=\"" + USER_ID + "\", ipAddress=\"203.0.113.50\","
                        + " reason=\"brute_force_attack detected\", num_failures=\"5\""));
        assertAccountChange(lockout, 9, "Lock");
        assertThat(lockout.get("status_detail").asText()).isEqualTo("brute_force_attack detected");
        assertThat(lockout.at("/user/uid").asText()).isEqualTo(USER_ID);
    }

    @Test
    void keycloakAdminEventsByResource() throws Exception {
        JsonNode created = line(kc(
                "INFO",
                "operationType=\"CREATE\", realmId=\"acme\", clientId=\"security-admin-console\","
                        + " userId=\"" + ADMIN_ID
                        + "\", ipAddress=\"192.0.2.10\", resourceType=\"USER\", resourcePath=\"users/"
                        + USER_ID + "\""));
        assertAccountChange(created, 1, "Create");
        assertThat(created.at("/user/uid").asText()).isEqualTo(USER_ID);
        assertThat(created.at("/actor/user/uid").asText()).isEqualTo(ADMIN_ID);
        assertThat(created.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.10");

        JsonNode deleted = line(kc(
                "INFO",
                "operationType=DELETE, realmId=acme, clientId=security-admin-console, userId=" + ADMIN_ID
                        + ", ipAddress=192.0.2.10, resourceType=USER, resourcePath=users/" + USER_ID));
        assertAccountChange(deleted, 6, "Delete");

        JsonNode reset = line(kc(
                "INFO",
                "operationType=\"ACTION\", realmId=\"acme\", clientId=\"security-admin-console\","
                        + " userId=\"" + ADMIN_ID
                        + "\", ipAddress=\"192.0.2.10\", resourceType=\"USER\", resourcePath=\"users/"
                        + USER_ID + "/reset-password\""));
        assertAccountChange(reset, 4, "Password Reset");
        assertThat(reset.at("/user/uid").asText()).isEqualTo(USER_ID);

        JsonNode granted = line(kc(
                "INFO",
                "operationType=\"CREATE\", realmId=\"acme\", clientId=\"security-admin-console\","
                        + " userId=\"" + ADMIN_ID + "\", ipAddress=\"192.0.2.10\", resourceType=\"REALM_ROLE_MAPPING\","
                        + " resourcePath=\"users/" + USER_ID + "/role-mappings/realm\""));
        assertThat(granted.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(granted.get("activity_name").asText()).isEqualTo("Assign Privileges");
        assertThat(granted.at("/user/uid").asText()).isEqualTo(USER_ID);
        assertThat(granted.at("/actor/user/uid").asText()).isEqualTo(ADMIN_ID);
        JsonNode revoked = line(kc(
                "INFO",
                "operationType=\"DELETE\", realmId=\"acme\", clientId=\"security-admin-console\","
                        + " userId=\"" + ADMIN_ID
                        + "\", ipAddress=\"192.0.2.10\", resourceType=\"CLIENT_ROLE_MAPPING\","
                        + " resourcePath=\"users/" + USER_ID
                        + "/role-mappings/clients/0f9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c\""));
        assertThat(revoked.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(revoked.get("activity_name").asText()).isEqualTo("Revoke Privileges");

        JsonNode joined = line(kc(
                "INFO",
                "operationType=\"CREATE\", realmId=\"acme\", clientId=\"security-admin-console\","
                        + " userId=\"" + ADMIN_ID + "\", ipAddress=\"192.0.2.10\", resourceType=\"GROUP_MEMBERSHIP\","
                        + " resourcePath=\"users/" + USER_ID + "/groups/5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d\""));
        assertThat(joined.get("class_uid").asInt()).isEqualTo(3006);
        assertThat(joined.get("activity_name").asText()).isEqualTo("Add User");
        assertThat(joined.at("/group/uid").asText()).isEqualTo("5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d");
        assertThat(joined.at("/user/uid").asText()).isEqualTo(USER_ID);

        JsonNode realm = line(kc(
                "INFO",
                "operationType=\"UPDATE\", realmId=\"acme\", clientId=\"security-admin-console\"," + " userId=\""
                        + ADMIN_ID + "\", ipAddress=\"192.0.2.10\", resourceType=\"REALM\", resourcePath=\"\""));
        assertThat(realm.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(realm.get("activity_name").asText()).isEqualTo("Update");
        assertThat(realm.at("/api/operation").asText()).isEqualTo("UPDATE");
        assertThat(realm.at("/actor/user/uid").asText()).isEqualTo(ADMIN_ID);
        assertThat(realm.at("/resources/0/type").asText()).isEqualTo("REALM");
    }

    @Test
    void keycloakNeighboursAreNotClaimedOrStayBaseEvents() throws Exception {
        // an event type this file does not classify
        JsonNode introspect = line(kc(
                "INFO",
                "type=\"INTROSPECT_TOKEN\", realmId=\"acme\", clientId=\"grafana\","
                        + " userId=\"null\", ipAddress=\"192.0.2.44\""));
        assertBaseEventOf(introspect, "Keycloak");
        assertThat(introspect.at("/unmapped/kcType").asText()).isEqualTo("INTROSPECT_TOKEN");
        // other Keycloak server messages are not the event logger's
        JsonNode startup = line("2026-03-01 09:59:58,123 INFO  [io.quarkus] (main) Keycloak 26.1.4 on JVM (powered by"
                + " Quarkus 3.15.3) started in 9.512s. Listening on: http://0.0.0.0:8080");
        assertThat(startup.at("/metadata/product/name").asText()).isNotEqualTo("Keycloak");
        JsonNode bruteForce = line("2026-03-01 09:59:58,123 WARN  [org.keycloak.services] (executor-thread-1)"
                + " KC-SERVICES0013: Failed authentication: org.keycloak.authentication.AuthenticationFlowException");
        assertThat(bruteForce.get("class_uid").asInt()).isZero();
        assertThat(bruteForce.at("/metadata/product/name").asText()).isNotEqualTo("Keycloak");
    }

    private static String kc(String level, String pairs) {
        return "2026-03-01 09:59:58,123 " + level + "  [org.keycloak.events] (executor-thread-4) " + pairs;
    }

    private static void assertAccountChange(JsonNode r, int activityId, String activityName) {
        assertThat(r.get("class_uid").asInt()).as("class of %s", r).isEqualTo(3001);
        assertThat(r.get("activity_id").asInt()).as("activity of %s", r).isEqualTo(activityId);
        assertThat(r.get("activity_name").asText()).isEqualTo(activityName);
    }

    // ---------------------------------------------------------------- Zimbra

    @Test
    void zimbraLoginsAreAuthenticationWithTheOriginalClient() throws Exception {
        JsonNode soap = line(
                "2026-03-01 09:59:58,123 INFO  [qtp1545357780-812:https://mail.example.com/service/soap/AuthRequest]"
                        + " [name=alice@example.com;oip=203.0.113.5;port=51234;ua=ZimbraWebClient - FF124 (Linux)/10.0.6_GA_4627;soapId=2f8a1c3e;]"
                        + " security - cmd=Auth; account=alice@example.com; protocol=soap;");
        assertProduct(soap, "Zimbra Collaboration");
        assertLogon(soap, 1, "alice@example.com", "203.0.113.5");
        assertThat(soap.get("auth_protocol").asText()).isEqualTo("soap");
        assertThat(soap.at("/src_endpoint/port").asInt()).isEqualTo(51234);
        assertThat(soap.at("/http_request/user_agent").asText())
                .isEqualTo("ZimbraWebClient - FF124 (Linux)/10.0.6_GA_4627");
        assertThat(soap.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:59:58Z"));

        JsonNode failed = line(
                "2026-03-01 10:02:11,907 WARN  [qtp1545357780-815:https://mail.example.com/service/soap/AuthRequest]"
                        + " [name=bob@example.com;ip=192.0.2.1;oip=198.51.100.23, 192.0.2.1;port=40222;ua=ZimbraWebClient - GC122 (Win)/10.0.6_GA_4627;]"
                        + " security - cmd=Auth; account=bob@example.com; protocol=soap;"
                        + " error=authentication failed for [bob@example.com], invalid password;");
        assertLogon(failed, 2, "bob@example.com", "198.51.100.23");
        assertThat(failed.get("status_detail").asText())
                .isEqualTo("authentication failed for [bob@example.com], invalid password");

        // IMAP and POP3 behind the proxy: ip is the proxy, oip the client
        JsonNode imap = line(
                "2026-03-01 10:05:00,001 WARN  [ImapSSLServer-4312] [ip=192.0.2.1;oip=203.0.113.77;via=192.0.2.1(nginx/1.20.0);]"
                        + " security - cmd=Auth; account=carol@example.com; protocol=imap;"
                        + " error=authentication failed for [carol@example.com], account not found;");
        assertLogon(imap, 2, "carol@example.com", "203.0.113.77");
        assertThat(imap.get("auth_protocol").asText()).isEqualTo("imap");
        JsonNode pop3 = line("2026-03-01 10:05:01,002 INFO  [Pop3Server-88] [ip=198.51.100.40;]"
                + " security - cmd=Auth; account=dave@example.com; protocol=pop3;");
        assertLogon(pop3, 1, "dave@example.com", "198.51.100.40");

        // the MTA's SMTP authentication checked over the admin SOAP port (oproto=smtp)
        JsonNode smtp = line("<134>Mar  1 10:06:00 mail01 zimbra-audit: 2026-03-01 10:06:00,500 WARN"
                + "  [qtp1:https:https://mail.example.com:7073/service/admin/soap/]"
                + " [name=erin@example.com;oip=203.0.113.9;oport=54806;oproto=smtp;]"
                + " security - cmd=Auth; account=erin@example.com; protocol=soap;"
                + " error=authentication failed for [erin], invalid password;");
        assertLogon(smtp, 2, "erin@example.com", "203.0.113.9");
        assertThat(smtp.get("auth_protocol").asText()).isEqualTo("smtp");
        assertThat(smtp.at("/device/hostname").asText()).isEqualTo("mail01");

        JsonNode admin = line(
                "2026-03-01 10:07:00,000 INFO  [qtp1545357780-900:https://192.0.2.15:7071/service/admin/soap/AuthRequest]"
                        + " [name=admin@example.com;ip=192.0.2.30;ua=zmprov/10.0.6_GA_4627;] security - cmd=AdminAuth; account=admin@example.com;");
        assertLogon(admin, 1, "admin@example.com", "192.0.2.30");
    }

    @Test
    void zimbraAccountAdministrationIsAccountChange() throws Exception {
        JsonNode created = line(
                "2026-03-01 11:00:00,000 INFO  [qtp1545357780-901:https://192.0.2.15:7071/service/admin/soap/CreateAccountRequest]"
                        + " [name=admin@example.com;oip=192.0.2.30;ua=ZimbraWebClient - FF124 (Linux)/10.0.6_GA_4627;]"
                        + " security - cmd=CreateAccount; name=frank@example.com; givenName=Frank; zimbraCOSId=e00428a1-0c00-11d9-836a-000d93afea2a;");
        assertAccountChange(created, 1, "Create");
        assertThat(created.at("/user/name").asText()).isEqualTo("frank@example.com");
        assertThat(created.at("/actor/user/name").asText()).isEqualTo("admin@example.com");
        JsonNode deleted = line(
                "2026-03-01 11:01:00,000 INFO  [qtp1545357780-902:https://192.0.2.15:7071/service/admin/soap/DeleteAccountRequest]"
                        + " [name=admin@example.com;oip=192.0.2.30;]"
                        + " security - cmd=DeleteAccount; name=frank@example.com; id=9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e;");
        assertAccountChange(deleted, 6, "Delete");
        assertThat(deleted.at("/user/uid").asText()).isEqualTo("9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e");
        JsonNode password = line(
                "2026-03-01 11:02:00,000 INFO  [qtp1545357780-903:https://192.0.2.15:7071/service/admin/soap/SetPasswordRequest]"
                        + " [name=admin@example.com;oip=192.0.2.30;] security - cmd=SetPassword; name=alice@example.com;");
        assertAccountChange(password, 4, "Password Reset");
        assertThat(password.at("/user/name").asText()).isEqualTo("alice@example.com");

        // other security commands stay Base Events of Zimbra
        JsonNode mailbox = line(
                "2026-03-01 11:03:00,000 INFO  [qtp1545357780-904:https://192.0.2.15:7071/service/admin/soap/DeleteMailboxRequest]"
                        + " [name=admin@example.com;oip=192.0.2.30;] security - cmd=DeleteMailbox; id=42;");
        assertBaseEventOf(mailbox, "Zimbra Collaboration");
        assertThat(mailbox.at("/unmapped/zCmd").asText()).isEqualTo("DeleteMailbox");
        // the mailbox log's own lines are not the audit log's
        JsonNode mailboxLog = line("2026-03-01 11:04:00,000 INFO  [ImapSSLServer-4312] [ip=192.0.2.1;oip=203.0.113.77;]"
                + " imap - authentication failed for [carol@example.com] (LOGIN)");
        assertThat(mailboxLog.at("/metadata/product/name").asText()).isNotEqualTo("Zimbra Collaboration");
    }

    // ---------------------------------------------------------------- WordPress (WP fail2ban)

    @Test
    void wordpressLoginsAreAuthentication() throws Exception {
        JsonNode failed = line(
                "<36>Mar  1 09:59:58 web01 wordpress(www.example.com)[20412]: Authentication failure for admin from 203.0.113.5");
        assertProduct(failed, "WP fail2ban");
        assertLogon(failed, 2, "admin", "203.0.113.5");
        assertThat(failed.get("status_detail").asText()).isEqualTo("Authentication failure");
        assertThat(failed.at("/dst_endpoint/hostname").asText()).isEqualTo("www.example.com");
        assertThat(failed.at("/device/hostname").asText()).isEqualTo("web01");

        JsonNode accepted = line(
                "<38>1 2026-03-01T09:59:58+01:00 web01 wordpress(shop.example.com) 20413 - - Accepted password for editor from 2001:db8::7");
        assertLogon(accepted, 1, "editor", "2001:db8::7");
        assertThat(accepted.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T08:59:58Z"));

        JsonNode unknown = line(
                "Mar  1 09:59:58 web01 wp(blog.example.com)[20414]: XML-RPC authentication attempt for unknown user root from 198.51.100.9");
        assertLogon(unknown, 2, "root", "198.51.100.9");
        assertThat(unknown.get("status_detail").asText()).isEqualTo("authentication attempt for unknown user");
        assertThat(unknown.get("auth_protocol").asText()).isEqualTo("XML-RPC");
        JsonNode rest = line(
                "Mar  1 09:59:58 web01 wordpress(www.example.com)[20418]: REST authentication failure for editor from 198.51.100.12");
        assertLogon(rest, 2, "editor", "198.51.100.12");
        assertThat(rest.get("auth_protocol").asText()).isEqualTo("REST");
        JsonNode blocked = line(
                "Mar  1 09:59:58 wordpress(www.example.com)[20415]: Blocked authentication attempt for admin from 198.51.100.10");
        assertLogon(blocked, 2, "admin", "198.51.100.10");
        JsonNode empty =
                line("Mar  1 09:59:58 web01 wordpress(www.example.com)[20416]: Empty username from 198.51.100.11");
        assertLogon(empty, 2, null, "198.51.100.11");
    }

    @Test
    void wordpressAttacksAreDetectionFindings() throws Exception {
        JsonNode multicall = line(
                "<37>Mar  1 09:59:58 web01 wordpress(www.example.com)[20417]: XML-RPC multicall authentication failure from 203.0.113.44");
        assertThat(multicall.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(multicall.at("/finding_info/types/0").asText()).isEqualTo("Brute Force");
        assertThat(multicall.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("203.0.113.44");
        JsonNode enumeration = line(
                "<37>Mar  1 09:59:58 web01 wordpress(www.example.com)[20418]: Blocked user enumeration attempt from 203.0.113.45");
        assertThat(enumeration.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(enumeration.get("action").asText()).isEqualTo("Denied");
        assertThat(enumeration.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("203.0.113.45");
        JsonNode spam = line(
                "<37>Mar  1 09:59:58 web01 wordpress(www.example.com)[20419]: Spam comment 1234 from 203.0.113.46");
        assertThat(spam.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(spam.at("/finding_info/types/0").asText()).isEqualTo("Spam");

        JsonNode pingback = line(
                "<14>Mar  1 09:59:58 web01 wordpress(www.example.com)[20420]: Pingback requested from 198.51.100.3");
        assertThat(pingback.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(pingback.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.3");

        // neighbours: the plugin's other messages stay Base Events; a program merely named wordpress is not the plugin
        JsonNode comment =
                line("<14>Mar  1 09:59:58 web01 wordpress(www.example.com)[20421]: Comment 1235 from 198.51.100.3");
        assertBaseEventOf(comment, "WP fail2ban");
        JsonNode other =
                line("<14>Mar  1 09:59:58 web01 wordpress[20422]: Authentication failure for admin from 203.0.113.5");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("WP fail2ban");
    }

    // ---------------------------------------------------------------- Traefik

    @Test
    void traefikJsonAccessLogIsHttpActivity() throws Exception {
        JsonNode r = json("""
                {"ClientAddr":"203.0.113.10:53412","ClientHost":"203.0.113.10","ClientPort":"53412","ClientUsername":"-",
                 "DownstreamContentSize":5321,"DownstreamStatus":404,"Duration":2450117,"OriginContentSize":5321,
                 "OriginDuration":2104512,"OriginStatus":404,"Overhead":345605,"RequestAddr":"app.example.com",
                 "RequestContentSize":0,"RequestCount":1842,"RequestHost":"app.example.com","RequestMethod":"GET",
                 "RequestPath":"/wp-login.php?redirect_to=%2Fadmin","RequestPort":"-","RequestProtocol":"HTTP/2.0",
                 "RequestScheme":"https","RetryAttempts":0,"RouterName":"app@docker","ServiceAddr":"172.18.0.5:8080",
                 "ServiceName":"app@docker","ServiceURL":"http://172.18.0.5:8080","StartLocal":"2026-03-01T10:59:58.123456789+01:00",
                 "StartUTC":"2026-03-01T09:59:58.123456789Z","TLSCipher":"TLS_AES_128_GCM_SHA256","TLSVersion":"1.3",
                 "entryPointName":"websecure","level":"info","msg":"","request_User-Agent":"python-requests/2.31.0",
                 "time":"2026-03-01T10:59:58+01:00"}""");
        assertProduct(r, "Traefik Proxy");
        assertThat(r.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(r.get("activity_name").asText()).isEqualTo("Get");
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.10");
        assertThat(r.at("/src_endpoint/port").asInt()).isEqualTo(53412);
        assertThat(r.at("/http_request/url/hostname").asText()).isEqualTo("app.example.com");
        assertThat(r.at("/http_request/url/path").asText()).isEqualTo("/wp-login.php");
        assertThat(r.at("/http_request/url/query_string").asText()).isEqualTo("redirect_to=%2Fadmin");
        assertThat(r.at("/http_request/user_agent").asText()).isEqualTo("python-requests/2.31.0");
        assertThat(r.at("/http_response/code").asInt()).isEqualTo(404);
        assertThat(r.at("/tls/version").asText()).isEqualTo("1.3");
        assertThat(r.at("/actor/user/name").isMissingNode()).isTrue();
        assertThat(r.at("/unmapped/RouterName").asText()).isEqualTo("app@docker");
        assertThat(r.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:59:58.123Z"));
    }

    @Test
    void traefikCommonLogFormatIsHttpActivityOfTraefik() throws Exception {
        JsonNode r = line("192.0.2.50 - alice [01/Mar/2026:09:59:58 +0000] \"POST /api/login?next=%2F HTTP/1.1\" 401 52"
                + " \"https://app.example.com/\" \"Mozilla/5.0 (X11; Linux x86_64; rv:124.0) Gecko/20100101 Firefox/124.0\""
                + " 1843 \"app@docker\" \"http://172.18.0.5:8080\" 7ms");
        assertProduct(r, "Traefik Proxy");
        assertThat(r.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(r.get("activity_name").asText()).isEqualTo("Post");
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.50");
        assertThat(r.at("/actor/user/name").asText()).isEqualTo("alice");
        assertThat(r.at("/http_request/url/path").asText()).isEqualTo("/api/login");
        assertThat(r.at("/http_request/url/query_string").asText()).isEqualTo("next=%2F");
        assertThat(r.at("/http_response/code").asInt()).isEqualTo(401);
        assertThat(r.get("duration").asInt()).isEqualTo(7);
        assertThat(r.at("/unmapped/routerName").asText()).isEqualTo("app@docker");
        assertThat(r.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:59:58Z"));

        // a combined log line of another web server stays web-access's
        JsonNode apache = line("192.0.2.50 - - [01/Mar/2026:09:59:58 +0000] \"GET /index.html HTTP/1.1\" 200 512"
                + " \"-\" \"Mozilla/5.0 (X11; Linux x86_64; rv:124.0) Gecko/20100101 Firefox/124.0\"");
        assertThat(apache.get("class_uid").asInt()).isEqualTo(4002);
        assertProduct(apache, "Web server");
    }
}
