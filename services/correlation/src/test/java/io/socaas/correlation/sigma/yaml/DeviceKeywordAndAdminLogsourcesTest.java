package io.socaas.correlation.sigma.yaml;

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
 * Keyword rules over network devices' own messages (Cisco IOS: the web UI implant logins of
 * CVE-2023-20198, BGP sessions without their MD5 password), which search the line as the device
 * wrote it; Cisco Duo's authentication log; Microsoft 365's Exchange administration and its
 * threat detections. Each rule fires on the record it describes and stays silent on its near miss.
 * Without the corpus ({@code SOCAAS_CORPUS}) the tests are skipped.
 */
class DeviceKeywordAndAdminLogsourcesTest {

    private static final Logsource CISCO_SYSLOG = new Logsource("cisco", null, "syslog");
    private static final Logsource CISCO_BGP = new Logsource("cisco", null, "bgp");
    private static final Logsource CISCO_DUO = new Logsource("cisco", null, "duo");
    private static final Logsource M365_EXCHANGE = new Logsource("m365", null, "exchange");
    private static final Logsource M365_THREAT_DETECTION = new Logsource("m365", null, "threat_detection");

    private static String webLogin(String user) {
        return "<189>4711: Oct 16 09:14:22.201 UTC: %SEC_LOGIN-5-WEBLOGIN_SUCCESS: Login Success [user: " + user
                + "] [Source: 198.51.100.77] [localport: 443] at 09:14:22 UTC Fri Oct 16 2026";
    }

    @Test
    void theWebUiImplantAccountsLoggingInOnACiscoDeviceFireTheCve202320198Rule() {
        assumeCorpus();
        String implant =
                id("rules-emerging-threats/2023/Exploits/CVE-2023-20198/cisco_syslog_cve_2023_20198_ios_xe_web_ui.yml");
        assertThat(logsources(ingested(webLogin("cisco_tac_admin")))).contains(CISCO_SYSLOG);
        assertThat(fired(webLogin("cisco_tac_admin"))).contains(implant);
        assertThat(fired(webLogin("cisco_support"))).contains(implant);
        // an operator of the device logging in to its web UI is no implant
        assertThat(fired(webLogin("netops"))).doesNotContain(implant);
        // the account's name in a message of another kind is not its web login
        assertThat(fired("<189>4712: Oct 16 09:15:02.123 UTC: %SYS-6-LOGGINGHOST_STARTSTOP: Logging to host"
                        + " 192.0.2.50 port 514 started - reconnection cisco_tac_admin"))
                .doesNotContain(implant);
    }

    @Test
    void aBgpPeerWithoutItsMd5PasswordFiresTheBgpRule() {
        assumeCorpus();
        String bgp = id("rules/network/cisco/bgp/cisco_bgp_md5_auth_failed.yml");
        String badAuth =
                "<187>88: Nov 30 14:02:12.455 UTC: %IP-TCP-3-BADAUTH: Invalid MD5 digest from 192.0.2.14:179 to 192.0.2.13:31744";
        assertThat(logsources(ingested(badAuth))).contains(CISCO_BGP);
        assertThat(fired(badAuth)).contains(bgp);
        // the same refusal on another TCP port (an SSH client) is no BGP session
        assertThat(fired(badAuth.replace("192.0.2.14:179", "192.0.2.14:50022").replace(":31744", ":22")))
                .doesNotContain(bgp);
    }

    @Test
    void aKeywordRuleDoesNotSearchTheTextOfAJsonDocument() {
        assumeCorpus();
        String bgp = id("rules/network/cisco/bgp/cisco_bgp_md5_auth_failed.yml");
        // an IOS message delivered as a JSON document (a collector's record): its fields are searched,
        // as for every JSON event, and they hold both keywords
        String json = "{\"iosFacility\": \"IP\", \"iosMnemonic\": \"BADAUTH\", \"host\": \"core-rtr-01\","
                + " \"message\": \"IP-TCP-3-BADAUTH: Invalid MD5 digest from 192.0.2.14:179 to 192.0.2.13:31744\"}";
        assertThat(firedJson(json)).contains(bgp);
        // the keywords only in a field's name are in no value: nothing fires
        String names = "{\"iosFacility\": \"IP\", \"iosMnemonic\": \"BADAUTH\", \"host\": \"core-rtr-01\","
                + " \"IP-TCP-3-BADAUTH:179\": \"seen\", \"message\": \"interface up\"}";
        assertThat(firedJson(names)).doesNotContain(bgp);
    }

    private static String duo(String result, String reason) {
        return """
                {"access_device": {"ip": "198.51.100.61", "hostname": null, "os": "Windows", "browser": "Edge"},
                 "alias": "", "application": {"key": "DIY231J8BR23QK4UKBY8", "name": "Corp VPN"},
                 "auth_device": {"ip": null, "name": null}, "email": "sam@corp.example",
                 "event_type": "authentication", "factor": "bypass_code", "isotimestamp": "2026-03-01T09:41:07.000000+00:00",
                 "reason": "%s", "result": "%s", "timestamp": 1772358067,
                 "txid": "2f9c4e1a-7b3d-4c8e-9f10-1a2b3c4d5e6f",
                 "user": {"key": "DU3KC77WJ06Y5HIV7XKQ", "name": "sam", "groups": ["VPN users"]}}""".formatted(reason, result);
    }

    @Test
    void aDuoLoginWithABypassCodeFiresTheMfaBypassRule() {
        assumeCorpus();
        String bypass = id("rules/identity/cisco_duo/cisco_duo_mfa_bypass_via_bypass_code.yml");
        assertThat(logsources(ingestedJson(duo("success", "bypass_user")))).contains(CISCO_DUO);
        assertThat(firedJson(duo("success", "bypass_user"))).contains(bypass);
        assertThat(firedJson(duo("success", "user_approved"))).doesNotContain(bypass);
    }

    private static String exchangeAdmin(String cmdlet, String resultStatus) {
        return """
                {"CreationTime": "2026-03-01T13:20:00", "Id": "6a1b2c3d-1a2b-4c3d-8e9f-000000000071", "Operation": "%s",
                 "OrganizationId": "8b2f0a4c", "RecordType": 1, "ResultStatus": "%s", "UserKey": "10032001A2B3C4D5",
                 "UserType": 2, "Version": 1, "Workload": "Exchange", "ClientIP": "198.51.100.90:51234",
                 "ObjectId": "fabrikam-login.example", "UserId": "it-admin@contoso.example", "ExternalAccess": false,
                 "OrganizationName": "contoso.onmicrosoft.com", "OriginatingServer": "AM0PR01MB1234 (15.20.7000.000)",
                 "Parameters": [{"Name": "DomainName", "Value": "fabrikam-login.example"}]}""".formatted(cmdlet, resultStatus);
    }

    @Test
    void aFederatedDomainAddedToExchangeFiresItsRuleOnlyWhenTheCmdletSucceeded() {
        assumeCorpus();
        String federated = id("rules/cloud/m365/exchange/microsoft365_new_federated_domain_added_exchange.yml");
        assertThat(logsources(ingestedJson(exchangeAdmin("Add-FederatedDomain", "True"))))
                .contains(M365_EXCHANGE);
        assertThat(firedJson(exchangeAdmin("Add-FederatedDomain", "True"))).contains(federated);
        assertThat(firedJson(exchangeAdmin("Add-FederatedDomain", "False"))).doesNotContain(federated);
        assertThat(firedJson(exchangeAdmin("Set-Mailbox", "True"))).doesNotContain(federated);
    }

    private static String alert(String name) {
        return """
                {"CreationTime": "2026-03-01T13:00:00", "Id": "0f9e8d7c-1a2b-4c3d-8e9f-000000000080", "Operation": "AlertTriggered",
                 "OrganizationId": "8b2f0a4c", "RecordType": 40, "ResultStatus": "Succeeded", "UserKey": "SecurityComplianceAlerts",
                 "UserType": 4, "Version": 1, "Workload": "SecurityComplianceCenter", "ObjectId": "5c1a7e3b-1a2b-4c3d-8e9f-000000000081",
                 "UserId": "SecurityComplianceAlerts", "AlertId": "5c1a7e3b-1a2b-4c3d-8e9f-000000000081", "AlertType": "System",
                 "Name": "%s", "PolicyId": "0a1b2c3d-1a2b-4c3d-8e9f-000000000082", "Status": "Active", "Severity": "Medium",
                 "Category": "ThreatManagement", "Source": "Cloud App Security", "Data": "{}",
                 "AlertEntityId": "lee@contoso.example", "EntityType": "User"}""".formatted(name);
    }

    @Test
    void activityFromASuspiciousAddressFiresTheThreatDetectionRule() {
        assumeCorpus();
        String suspiciousIp = id("rules/cloud/m365/threat_detection/microsoft365_from_susp_ip_addresses.yml");
        assertThat(logsources(ingestedJson(alert("Activity from suspicious IP addresses"))))
                .contains(M365_THREAT_DETECTION);
        assertThat(firedJson(alert("Activity from suspicious IP addresses"))).contains(suspiciousIp);
        assertThat(firedJson(alert("Impossible travel activity"))).doesNotContain(suspiciousIp);
    }
}
