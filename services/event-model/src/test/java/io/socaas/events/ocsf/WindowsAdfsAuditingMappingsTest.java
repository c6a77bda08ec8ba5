package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertStatus;
import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * AD FS Auditing in the Security log: credentials validated or refused (1202, 1203), tokens issued or
 * refused (1200, 1201), passwords changed (1204), sign-outs (1206) and, from AD FS 2012 R2 and
 * earlier, failed token validations (411) and authenticated tokens (412) reach their classes with
 * the user and the client's address; the 501 that adds a caller's claims to a 412 stays a Base Event.
 * The 1203 follows the shape Google SecOps' Windows event parser documentation shows (NXLog flat, the
 * audit's XML in the rendered message); the 412 and 501 are OTRF Security-Datasets'
 * (aadinternals_export_adfsdatabaseconfig_remotely); the 411 follows the message AD FS 2012 R2 writes.
 * Names and addresses are other ones.
 */
class WindowsAdfsAuditingMappingsTest {

    /** The audit XML AD FS 2016+ writes in 1200-1207, of the type, result and failure given. */
    private static String auditXml(String type, String result, String failureType, String user, String ip) {
        return """
                <?xml version="1.0" encoding="utf-16"?>\r
                <AuditBase xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="%s">\r
                  <AuditType>FreshCredentials</AuditType>\r
                  <AuditResult>%s</AuditResult>\r
                  <FailureType>%s</FailureType>\r
                  <ErrorCode>N/A</ErrorCode>\r
                  <ContextComponents>\r
                    <Component xsi:type="ResourceAuditComponent">\r
                      <RelyingParty>http://sts.corp.example/adfs/services/trust</RelyingParty>\r
                      <ClaimsProvider>N/A</ClaimsProvider>\r
                      <UserId>%s</UserId>\r
                    </Component>\r
                    <Component xsi:type="AuthNAuditComponent">\r
                      <PrimaryAuth>N/A</PrimaryAuth>\r
                      <DeviceAuth>false</DeviceAuth>\r
                      <MfaPerformed>false</MfaPerformed>\r
                    </Component>\r
                    <Component xsi:type="RequestAuditComponent">\r
                      <Server>http://sts.corp.example/adfs/services/trust</Server>\r
                      <AuthProtocol>WSFederation</AuthProtocol>\r
                      <NetworkLocation>Extranet</NetworkLocation>\r
                      <IpAddress>%s</IpAddress>\r
                      <ForwardedIpAddress>%s</ForwardedIpAddress>\r
                      <ProxyIpAddress>N/A</ProxyIpAddress>\r
                      <ProxyServer>WAP02</ProxyServer>\r
                      <UserAgentString>Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:135.0) Gecko/20100101 Firefox/135.0</UserAgentString>\r
                      <Endpoint>/adfs/ls/</Endpoint>\r
                    </Component>\r
                  </ContextComponents>\r
                </AuditBase>""".formatted(type, result, failureType, user, ip, ip);
    }

    /** A flat AD FS Auditing event as NXLog sends it, with the rendered message. */
    private static String nxlog(int eventId, String message) throws Exception {
        return """
                {"SourceName":"AD FS Auditing","Channel":"Security","Hostname":"ADFS01.corp.example","Level":"0",
                 "TimeCreated":"2026-02-20T13:35:25.055Z","EventID":%d,"Message":%s}""".formatted(eventId, MappedRecords.JSON.writeValueAsString(message));
    }

    /** An evtx-dump AD FS Auditing event whose data strings are the activity id and the audit's XML, escaped. */
    private static String evtx(int eventId, String xml) throws Exception {
        String data = "<string>0d23868f-2ad0-4ff2-a774-511ef7b36a04</string>\n<string>"
                + xml.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</string>";
        return """
                {"Event":{"System":{"Provider":{"#attributes":{"Name":"AD FS Auditing"}},"EventID":{"#attributes":{"Qualifiers":"0"},"#text":%d},
                 "TimeCreated":{"#attributes":{"SystemTime":"2026-02-20T13:35:25.055262Z"}},"Channel":"Security",
                 "Computer":"ADFS01.corp.example"},"EventData":{"Data":{"#text":%s}}}}""".formatted(eventId, MappedRecords.JSON.writeValueAsString(data));
    }

    @Test
    void aRefusedCredentialIsALogonFailureWithTheUserAndTheClientsAddress() throws Exception {
        JsonNode refused = json(nxlog(
                1203,
                "The Federation Service failed to validate a new credential. See XML for failure details.\r\n\r\n"
                        + "Activity ID: 0d23868f-2ad0-4ff2-a774-511ef7b36a04\r\n\r\nAdditional Data\r\nXML: "
                        + auditXml(
                                "FreshCredentialAudit",
                                "Failure",
                                "CredentialValidationError",
                                "jane.doe@corp.example",
                                "203.0.113.248")));
        assertLogon(refused, 2, "jane.doe@corp.example", "203.0.113.248");
        assertThat(refused.get("status_detail").asText()).isEqualTo("CredentialValidationError");
        assertThat(refused.has("status_code")).as("ErrorCode N/A").isFalse();
        assertThat(refused.at("/service/name").asText()).isEqualTo("http://sts.corp.example/adfs/services/trust");
        assertThat(refused.get("auth_protocol").asText()).isEqualTo("WSFederation");
        assertThat(refused.at("/http_request/user_agent").asText()).startsWith("Mozilla/5.0 (Windows NT 10.0");
        assertThat(refused.at("/http_request/url/path").asText()).isEqualTo("/adfs/ls/");
        assertThat(refused.at("/dst_endpoint/hostname").asText()).isEqualTo("ADFS01.corp.example");
        // the same audit from an evtx dump, its XML escaped in the data string
        JsonNode dumped = json(evtx(
                1203,
                auditXml(
                        "FreshCredentialAudit",
                        "Failure",
                        "CredentialValidationError",
                        "jane.doe@corp.example",
                        "203.0.113.248")));
        assertLogon(dumped, 2, "jane.doe@corp.example", "203.0.113.248");
    }

    @Test
    void aValidatedCredentialATokenIssuedAndASignOutAreAuthentication() throws Exception {
        JsonNode validated =
                json(evtx(1202, auditXml("FreshCredentialAudit", "Success", "None", "CORP\\jdoe", "198.51.100.7")));
        assertLogon(validated, 1, "CORP\\jdoe", "198.51.100.7");
        assertThat(validated.has("status_detail")).as("FailureType None").isFalse();
        JsonNode issued = json(evtx(1200, auditXml("AppTokenAudit", "Success", "None", "CORP\\jdoe", "198.51.100.7")));
        assertLogon(issued, 1, "CORP\\jdoe", "198.51.100.7");
        JsonNode notIssued = json(
                evtx(1201, auditXml("AppTokenAudit", "Failure", "AccessDeniedError", "CORP\\jdoe", "198.51.100.7")));
        assertLogon(notIssued, 2, "CORP\\jdoe", "198.51.100.7");
        JsonNode signedOut =
                json(evtx(1206, auditXml("SignOutAudit", "Success", "None", "CORP\\jdoe", "198.51.100.7")));
        assertThat(signedOut.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(signedOut.get("activity_id").asInt()).isEqualTo(2);
        JsonNode password =
                json(evtx(1204, auditXml("PasswordChangeAudit", "Success", "None", "CORP\\jdoe", "198.51.100.7")));
        assertThat(password.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(password.get("activity_id").asInt()).isEqualTo(3);
        assertStatus(password, 1);
        assertThat(password.at("/user/name").asText()).isEqualTo("CORP\\jdoe");
        // another event id of the Security log with an AD FS audit is not caught (1210, extranet lockout: its own
        // meaning)
        assertThat(json(evtx(1210, auditXml("ExtranetLockoutAudit", "Failure", "N/A", "CORP\\jdoe", "198.51.100.7")))
                        .get("class_uid")
                        .asInt())
                .isZero();
    }

    @Test
    void aFailedTokenValidationOfAdfs2012IsALogonFailure() throws Exception {
        JsonNode failed = json(nxlog(411, """
                Token validation failed. See inner exception for more details. \r
                \r
                Additional Data \r
                \r
                Activity ID: 00000000-0000-0000-0000-000000000000 \r
                \r
                Token Type: \r
                http://schemas.microsoft.com/ws/2006/05/identitymodel/tokens/UserName \r
                \r
                Client IP: \r
                203.0.113.9,10.0.0.4 \r
                \r
                Error message: \r
                j-doe@corp.example-The user name or password is incorrect \r
                \r
                Exception details: \r
                System.IdentityModel.Tokens.SecurityTokenValidationException: j-doe@corp.example ---> System.ComponentModel.Win32Exception: The user name or password is incorrect"""));
        assertLogon(failed, 2, "j-doe@corp.example", "203.0.113.9");
        assertThat(failed.get("status_detail").asText()).isEqualTo("The user name or password is incorrect");
        assertThat(failed.at("/unmapped/adfsTokenType").asText()).endsWith("/tokens/UserName");
    }

    @Test
    void anAuthenticatedTokenIsALogonAndTheCallersClaimsStayABaseEvent() throws Exception {
        JsonNode authenticated = json(
                nxlog(
                        412,
                        "A token of type 'http://schemas.microsoft.com/ws/2006/05/servicemodel/tokens/SecureConversation' "
                                + "for relying party '-' was successfully authenticated.  See audit 501 with the same Instance ID for caller identity. \r\n\r\n"
                                + "Instance ID: d7a4f8d5-840b-44c6-93e5-bcafcb30f495 \r\n\r\nActivity ID: 00000000-0000-0000-0000-000000000000"));
        assertLogon(authenticated, 1, null, null);
        assertThat(authenticated.has("service")).as("relying party '-'").isFalse();
        assertThat(authenticated.at("/unmapped/adfsInstanceId").asText())
                .isEqualTo("d7a4f8d5-840b-44c6-93e5-bcafcb30f495");
        assertBaseEventOf(
                json(nxlog(
                        501,
                        "More information for the event entry with Instance ID d7a4f8d5-840b-44c6-93e5-bcafcb30f495. "
                                + "There may be more events with the same Instance ID with more information. \r\n\r\nInstance ID: \r\n"
                                + "d7a4f8d5-840b-44c6-93e5-bcafcb30f495 \r\n \r\nCaller identity: \r\nhttp://schemas.xmlsoap.org/ws/2005/05/identity/claims/name \r\n"
                                + "CORP\\adfsadmin")),
                "Windows");
    }
}
