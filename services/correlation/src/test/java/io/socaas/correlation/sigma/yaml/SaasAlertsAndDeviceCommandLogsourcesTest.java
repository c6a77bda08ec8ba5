package io.socaas.correlation.sigma.yaml;

import static io.socaas.correlation.sigma.yaml.IngestedEvents.assumeCorpus;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.fired;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.firedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.id;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingested;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingestedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.logsources;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.rules;
import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.sigma.domain.Logsource;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Alerts and audit records of SaaS identity platforms, and the commands administrators run on Cisco
 * devices, as ingestion normalizes them, reach the SigmaHQ rules written for them: Microsoft Entra
 * ID Protection's risk detections ({@code azure/riskdetection}), Microsoft 365 Security &amp;
 * Compliance alerts ({@code m365/threat_management}), Google Workspace admin and login activities
 * ({@code gcp/google_workspace.*}), Cisco IOS configuration change logging and NX-OS AAA accounting
 * ({@code cisco/aaa}). Each rule fires on the record it describes and stays silent on its
 * neighbours. Records follow the vendors' documented shapes. Without the corpus ({@code
 * SOCAAS_CORPUS}) the tests are skipped.
 */
class SaasAlertsAndDeviceCommandLogsourcesTest {

    private static final Logsource RISK_DETECTION = new Logsource("azure", null, "riskdetection");
    private static final Logsource THREAT_MANAGEMENT = new Logsource("m365", null, "threat_management");
    private static final Logsource WORKSPACE_ADMIN = new Logsource("gcp", null, "google_workspace.admin");
    private static final Logsource WORKSPACE_LOGIN = new Logsource("gcp", null, "google_workspace.login");
    private static final Logsource CISCO_AAA = new Logsource("cisco", null, "aaa");

    // ---- Entra ID Protection ----------------------------------------------------------------------

    /** A risk detection as the Azure Monitor diagnostic export writes it (UserRiskEvents). */
    private static String riskExport(String type) {
        return """
                {"time": "2026-03-01T08:20:00.0000000Z", "resourceId": "/tenants/6c1f0e2d/providers/microsoft.aadiam",
                 "operationName": "User Risk Detection", "category": "UserRiskEvents", "tenantId": "6c1f0e2d-1a2b-4c3d-8e9f-0a1b2c3d4e5f",
                 "properties": {"id": "4e7a9c1b", "riskType": "%1$s", "riskEventType": "%1$s", "riskState": "atRisk",
                 "riskLevel": "medium", "riskDetail": "none", "source": "IdentityProtection", "detectionTimingType": "realtime",
                 "activity": "signin", "ipAddress": "198.51.100.80", "activityDateTime": "2026-03-01T08:15:27.000Z",
                 "detectedDateTime": "2026-03-01T08:15:27.000Z", "userPrincipalName": "kim@contoso.example",
                 "userDisplayName": "Kim Example"}}""".formatted(type);
    }

    /** The same as Microsoft Graph returns it (identityProtection/riskDetections). */
    private static String riskGraph(String type) {
        return """
                {"id": "6a5874ca", "riskType": "%1$s", "riskEventType": "%1$s", "riskState": "atRisk", "riskLevel": "high",
                 "riskDetail": "none", "source": "IdentityProtection", "detectionTimingType": "offline", "activity": "user",
                 "activityDateTime": "2026-03-01T06:00:00Z", "detectedDateTime": "2026-03-01T07:00:00Z",
                 "userPrincipalName": "lee@contoso.example", "userDisplayName": "Lee Example"}""".formatted(type);
    }

    @Test
    void riskDetectionRulesFireOnTheirDetectionType() {
        assumeCorpus();
        assertThat(logsources(ingestedJson(riskExport("unfamiliarFeatures")))).contains(RISK_DETECTION);
        assertThat(logsources(ingestedJson(riskGraph("leakedCredentials")))).contains(RISK_DETECTION);
        Set<String> riskRules = rules(r -> "riskdetection".equals(r.source().service()));
        assertThat(riskRules).hasSizeGreaterThanOrEqualTo(15);
        String unfamiliar = id("rules/cloud/azure/identity_protection/azure_identity_protection_unfamilar_sign_in.yml");
        String leaked = id("rules/cloud/azure/identity_protection/azure_identity_protection_leaked_credentials.yml");
        assertThat(firedJson(riskExport("unfamiliarFeatures")))
                .contains(unfamiliar)
                .doesNotContain(leaked);
        assertThat(firedJson(riskGraph("leakedCredentials"))).contains(leaked).doesNotContain(unfamiliar);
        // a detection type no rule names
        assertThat(firedJson(riskExport("generic"))).doesNotContainAnyElementsOf(riskRules);
    }

    // ---- Microsoft 365 Security & Compliance alerts --------------------------------------------------

    private static String alert(String name, String workload) {
        return """
                {"CreationTime": "2026-03-01T13:00:00", "Id": "0f9e8d7c-1a2b-4c3d-8e9f-000000000060", "Operation": "AlertTriggered",
                 "OrganizationId": "8b2f0a4c", "RecordType": 40, "ResultStatus": "Succeeded", "UserKey": "SecurityComplianceAlerts",
                 "UserType": 4, "Version": 1, "Workload": "%s", "ObjectId": "5c1a7e3b-1a2b-4c3d-8e9f-000000000061",
                 "UserId": "SecurityComplianceAlerts", "AlertId": "5c1a7e3b-1a2b-4c3d-8e9f-000000000061", "AlertType": "System",
                 "Name": "%s", "PolicyId": "0a1b2c3d-1a2b-4c3d-8e9f-000000000062", "Status": "Active", "Severity": "High",
                 "Category": "ThreatManagement", "Source": "Cloud App Security", "Data": "{}",
                 "AlertEntityId": "erin@contoso.example", "EntityType": "User"}""".formatted(workload, name);
    }

    @Test
    void threatManagementRulesFireOnTheAlertOfTheirName() {
        assumeCorpus();
        assertThat(logsources(ingestedJson(alert("Impossible travel activity", "SecurityComplianceCenter"))))
                .contains(THREAT_MANAGEMENT);
        String travel = id("rules/cloud/m365/threat_management/microsoft365_impossible_travel_activity.yml");
        String forwarding = id("rules/cloud/m365/threat_management/microsoft365_susp_inbox_forwarding.yml");
        assertThat(firedJson(alert("Impossible travel activity", "SecurityComplianceCenter")))
                .contains(travel)
                .doesNotContain(forwarding);
        assertThat(firedJson(alert("Suspicious inbox forwarding", "SecurityComplianceCenter")))
                .contains(forwarding)
                .doesNotContain(travel);
        // another alert, and an audit record of another workload that happens to carry a Name
        Set<String> threatRules =
                rules(r -> "threat_management".equals(r.source().service()));
        assertThat(firedJson(alert(
                        "Email messages containing malicious URL removed after delivery", "SecurityComplianceCenter")))
                .doesNotContainAnyElementsOf(threatRules);
        assertThat(logsources(ingestedJson(alert("Impossible travel activity", "Exchange"))))
                .doesNotContain(THREAT_MANAGEMENT);
    }

    // ---- Google Workspace ----------------------------------------------------------------------------

    /** A Reports API activity of the application with one event. */
    private static String workspace(String application, String type, String name, String parameters) {
        return """
                {"kind": "admin#reports#activity", "id": {"time": "2026-03-01T09:05:00.000Z", "uniqueQualifier": "-4711",
                 "applicationName": "%s", "customerId": "C01"},
                 "actor": {"callerType": "USER", "email": "admin@corp.example", "profileId": "9876"},
                 "ipAddress": "198.51.100.23", "events": [{"type": "%s", "name": "%s", "parameters": [%s]}]}""".formatted(application, type, name, parameters);
    }

    @Test
    void workspaceAdminRulesFireOnTheEventAndItsParameters() {
        assumeCorpus();
        String grant = workspace(
                "admin",
                "DELEGATED_ADMIN_SETTINGS",
                "GRANT_ADMIN_PRIVILEGE",
                "{\"name\": \"USER_EMAIL\", \"value\": \"bob@corp.example\"}");
        assertThat(logsources(ingestedJson(grant))).contains(WORKSPACE_ADMIN).doesNotContain(WORKSPACE_LOGIN);
        String granted = id("rules/cloud/gcp/gworkspace/admin/gcp_gworkspace_granted_domain_api_access.yml");
        String privilege = id("rules/cloud/gcp/gworkspace/admin/gcp_gworkspace_user_granted_admin_privileges.yml");
        assertThat(firedJson(grant)).contains(privilege);
        assertThat(firedJson(workspace(
                        "admin",
                        "DOMAIN_SETTINGS",
                        "AUTHORIZE_API_CLIENT_ACCESS",
                        "{\"name\": \"API_CLIENT_NAME\", \"value\": \"1234567890\"}")))
                .contains(granted)
                .doesNotContain(privilege);
        // two-step verification switched off for the domain: the rule asks for the new value false
        String mfa = id("rules/cloud/gcp/gworkspace/admin/gcp_gworkspace_mfa_disabled.yml");
        assertThat(
                        firedJson(
                                workspace(
                                        "admin",
                                        "DOMAIN_SETTINGS",
                                        "ENFORCE_STRONG_AUTHENTICATION",
                                        "{\"name\": \"NEW_VALUE\", \"value\": \"false\"}, {\"name\": \"OLD_VALUE\", \"value\": \"true\"}")))
                .contains(mfa);
        assertThat(
                        firedJson(
                                workspace(
                                        "admin",
                                        "DOMAIN_SETTINGS",
                                        "ENFORCE_STRONG_AUTHENTICATION",
                                        "{\"name\": \"NEW_VALUE\", \"value\": \"true\"}, {\"name\": \"OLD_VALUE\", \"value\": \"false\"}")))
                .doesNotContain(mfa);
        // an ordinary admin action, and the same event name from another application
        Set<String> adminRules =
                rules(r -> "google_workspace.admin".equals(r.source().service()));
        assertThat(firedJson(workspace(
                        "admin",
                        "USER_SETTINGS",
                        "CREATE_USER",
                        "{\"name\": \"USER_EMAIL\", \"value\": \"new@corp.example\"}")))
                .doesNotContainAnyElementsOf(adminRules);
        assertThat(logsources(ingestedJson(workspace("drive", "access", "GRANT_ADMIN_PRIVILEGE", ""))))
                .doesNotContain(WORKSPACE_ADMIN);
    }

    @Test
    void workspaceLoginRulesFireOnGooglesWarnings() {
        assumeCorpus();
        String suspicious = workspace(
                "login",
                "account_warning",
                "suspicious_login",
                "{\"name\": \"affected_email_address\", \"value\": \"kim@corp.example\"}");
        assertThat(logsources(ingestedJson(suspicious)))
                .contains(WORKSPACE_LOGIN)
                .doesNotContain(WORKSPACE_ADMIN);
        Set<String> loginRules =
                rules(r -> "google_workspace.login".equals(r.source().service()));
        assertThat(firedJson(suspicious)).containsAnyElementsOf(loginRules);
        assertThat(firedJson(workspace(
                        "login",
                        "attack_warning",
                        "gov_attack_warning",
                        "{\"name\": \"affected_email_address\", \"value\": \"kim@corp.example\"}")))
                .containsAnyElementsOf(loginRules);
        assertThat(firedJson(workspace(
                        "login",
                        "login",
                        "login_success",
                        "{\"name\": \"login_type\", \"value\": \"google_password\"}")))
                .doesNotContainAnyElementsOf(loginRules);
    }

    // ---- OpenCanary -----------------------------------------------------------------------------------

    private static final Logsource OPENCANARY = new Logsource("opencanary", "application", null);

    private static String canary(int logtype) {
        return """
                {"dst_host": "10.20.0.15", "dst_port": 22, "local_time": "2026-03-01 09:15:02.123456",
                 "logdata": {"USERNAME": "admin", "PASSWORD": "winter2026"}, "logtype": %d, "node_id": "canary-hq-01",
                 "src_host": "10.20.3.77", "src_port": 51734, "utc_time": "2026-03-01 09:15:02.123456"}""".formatted(logtype);
    }

    @Test
    void openCanaryRulesFireOnTheirLogType() {
        assumeCorpus();
        assertThat(logsources(ingestedJson(canary(4002)))).contains(OPENCANARY);
        String sshLogin = id("rules/application/opencanary/opencanary_ssh_login_attempt.yml");
        String synScan = id("rules/application/opencanary/opencanary_portscan_syn_scan.yml");
        assertThat(firedJson(canary(4002))).contains(sshLogin).doesNotContain(synScan);
        assertThat(firedJson(canary(5001))).contains(synScan).doesNotContain(sshLogin);
        assertThat(fired(ingested("<12>Mar  1 09:15:02 canary-hq-01 opencanaryd[812]: "
                        + canary(4002).replace("\n", ""))))
                .contains(sshLogin);
        // OpenCanary's own ping is no rule's
        Set<String> canaryRules = rules(r -> "opencanary".equals(r.source().product()));
        assertThat(canaryRules).hasSizeGreaterThanOrEqualTo(20);
        assertThat(firedJson(canary(1004))).doesNotContainAnyElementsOf(canaryRules);
    }

    // ---- RPC Firewall ---------------------------------------------------------------------------------

    /** An RPC Firewall audit event (channel RPCFW, event 3) as a flat Windows event. */
    private static String rpcCall(String uuid, int opNum) {
        return """
                {"Channel": "RPCFW", "EventID": 3, "Hostname": "dc01.corp.example", "Provider": "RPCFW",
                 "Function": "RpcServerUseProtseqEp", "ProcessID": "712", "ImagePath": "C:\\\\Windows\\\\System32\\\\lsass.exe",
                 "Protocol": "ncacn_ip_tcp", "Endpoint": "49667", "ClientNetworkAddress": "10.1.2.31",
                 "InterfaceUuid": "%s", "OpNum": "%d", "SubjectUserName": "kim", "SubjectDomain": "CORP"}""".formatted(uuid, opNum);
    }

    @Test
    void rpcFirewallRulesFireOnTheInterfaceAndOperationCalled() {
        assumeCorpus();
        assertThat(logsources(ingestedJson(rpcCall("e3514235-4b06-11d1-ab04-00c04fc2dcd2", 3))))
                .contains(new Logsource("rpc_firewall", "application", null));
        String dcsync = id("rules/application/rpc_firewall/rpc_firewall_dcsync_attack.yml");
        String atsvc = id("rules/application/rpc_firewall/rpc_firewall_atsvc_lateral_movement.yml");
        // DRSGetNCChanges (opnum 3) from a workstation: replication asked for by someone not a DC
        assertThat(firedJson(rpcCall("e3514235-4b06-11d1-ab04-00c04fc2dcd2", 3)))
                .contains(dcsync);
        // DRSBind (0), DRSUnbind (1) and DRSDomainControllerInfo (12) are ordinary
        assertThat(firedJson(rpcCall("e3514235-4b06-11d1-ab04-00c04fc2dcd2", 12)))
                .doesNotContain(dcsync);
        assertThat(firedJson(rpcCall("1ff70682-0a51-30e8-076d-740be8cee98b", 0)))
                .contains(atsvc)
                .doesNotContain(dcsync);
        // the same fields in another channel are no RPC Firewall event
        assertThat(firedJson(rpcCall("e3514235-4b06-11d1-ab04-00c04fc2dcd2", 3)
                        .replace("\"Channel\": \"RPCFW\"", "\"Channel\": \"Application\"")))
                .doesNotContain(dcsync);
    }

    // ---- Cisco AAA ------------------------------------------------------------------------------------

    @Test
    void ciscoAaaRulesSeeTheCommandsAdministratorsRan() {
        assumeCorpus();
        String ios = "<189>412: *Mar  1 09:15:02.123 UTC: %PARSER-5-CFGLOG_LOGGEDCMD: User:netops  logged command:";
        String nxos =
                "<190>nx02: 2026 Mar  1 10:00:08 UTC: %AAA-6-AAA_ACCOUNTING_MESSAGE: update:192.0.2.45@ssh.31337:netops:";
        assertThat(logsources(ingested(ios + "no logging console"))).contains(CISCO_AAA);
        assertThat(logsources(ingested(nxos + "show running-config (SUCCESS)"))).contains(CISCO_AAA);
        String disableLogging = id("rules/network/cisco/aaa/cisco_cli_disable_logging.yml");
        String collectConfig = id("rules/network/cisco/aaa/cisco_cli_collect_data.yml");
        assertThat(fired(ios + "no logging console")).contains(disableLogging);
        assertThat(fired(nxos + "show running-config (SUCCESS)")).contains(collectConfig);
        Set<String> aaaRules = rules(r ->
                "aaa".equals(r.source().service()) && "cisco".equals(r.source().product()));
        assertThat(aaaRules).hasSizeGreaterThanOrEqualTo(10);
        assertThat(fired(ios + "interface GigabitEthernet0/1")).doesNotContainAnyElementsOf(aaaRules);
        // the device's other messages are not commands, whatever words they hold
        for (String other : List.of(
                "<189>413: *Mar  1 09:15:03.001 UTC: %SYS-5-CONFIG_I: Configured from console by netops on vty0 (192.0.2.45)",
                "<187>414: *Mar  1 09:15:04.001 UTC: %LINK-3-UPDOWN: Interface GigabitEthernet0/1, changed state to down",
                "<189>415: *Mar  1 09:15:05.001 UTC: %SEC_LOGIN-5-LOGIN_SUCCESS: Login Success [user: netops] [Source: 192.0.2.45] [localport: 22] at 09:15:05 UTC Sun Mar 1 2026")) {
            assertThat(logsources(ingested(other))).as(other).doesNotContain(CISCO_AAA);
            assertThat(fired(other)).as(other).doesNotContainAnyElementsOf(aaaRules);
        }
    }
}
