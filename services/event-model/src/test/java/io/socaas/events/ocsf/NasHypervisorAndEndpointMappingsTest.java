package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The mapping files of what SME networks run besides firewalls and Windows: Synology DSM, Proxmox
 * VE, VMware ESXi and ESET PROTECT. Lines written from each product's documented log formats become
 * Authentication (3002) with outcome, user and client, Detection Finding (2004) or Network Activity
 * (4001); other lines of the same programs stay Base Events of the product, and other programs'
 * lines with the same words are not claimed.
 */
class NasHypervisorAndEndpointMappingsTest {

    @Test
    void synologySignInsAreAuthenticationWithServiceAndClient() throws Exception {
        JsonNode ok = line("<14>Mar  1 09:59:59 nas01 Connection: User [admin] from [192.168.1.5] signed in to [DSM]"
                + " successfully via [password].");
        assertLogon(ok, 1, "admin", "192.168.1.5");
        assertThat(ok.at("/service/name").asText()).isEqualTo("DSM");
        assertThat(ok.get("auth_protocol").asText()).isEqualTo("password");
        assertProduct(ok, "DSM");

        JsonNode failed = line("<14>Mar  1 09:59:59 nas01 Connection: User [bob] from [203.0.113.9] failed to sign in"
                + " to [SMB] via [password] due to authorization failure.");
        assertLogon(failed, 2, "bob", "203.0.113.9");
        assertThat(failed.at("/service/name").asText()).isEqualTo("SMB");
        assertThat(failed.get("status_detail").asText()).isEqualTo("authorization failure");

        // the older wording names the service first
        JsonNode older = line("<14>Mar  1 09:59:59 nas01 Connection: User [admin] from [203.0.113.9] via [DSM] failed"
                + " to log in via [password] due to authorization failure.");
        assertLogon(older, 2, "admin", "203.0.113.9");
        assertThat(older.at("/service/name").asText()).isEqualTo("DSM");

        JsonNode out =
                line("<14>Mar  1 09:59:59 nas01 Connection: User [admin] from [192.168.1.5] signed out of [DSM].");
        assertThat(out.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(out.get("activity_id").asInt()).isEqualTo(2);

        // DSM's log center sends RFC 5424 with its own structured data
        JsonNode sd = line("<14>1 2026-03-01T09:59:59+01:00 nas01 Connection - - [synolog@6574 synotype=\"Connection\""
                + " luser=\"admin\" ip=\"203.0.113.9\"] User [admin] from [203.0.113.9] failed to sign in to [DSM]"
                + " via [password] due to authorization failure.");
        assertLogon(sd, 2, "admin", "203.0.113.9");
        assertThat(sd.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T08:59:59Z"));
    }

    @Test
    void synologyAutoBlockIsADetectionFindingThatDenies() throws Exception {
        JsonNode blocked = line("<14>Mar  1 09:59:59 nas01 Connection: Host [203.0.113.50] was blocked via [SSH].");
        assertThat(blocked.get("class_uid").asInt()).isEqualTo(2004);
        assertDenied(blocked);
        assertThat(blocked.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("203.0.113.50");
        assertThat(blocked.at("/finding_info/desc").asText()).isEqualTo("SSH");
    }

    @Test
    void synologyOtherLinesAndOtherProgramsAreNotAuthentication() throws Exception {
        assertBaseEventOf(
                line("<14>Mar  1 09:59:59 nas01 System: User [admin] changed the settings of [Time]."), "DSM");
        // a program named Connection that is not DSM's connection log
        JsonNode other = line("<14>Mar  1 09:59:59 app01 Connection: pool exhausted after 30 s");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("DSM");
    }

    @Test
    void qnapSignInsAreAuthenticationWithServiceClientAndItsName() throws Exception {
        // QuTS hero / QTS 5 (qulogd) and QTS 4 (qlogd), as QuLog Center sends them over syslog
        JsonNode failed = line(
                "<30>Mar  1 09:15:02 nas01 qulogd[5732]: conn log: Users: admin, Source IP: 203.0.113.50,"
                        + " Computer name: ---, Connection type: SSH/SFTP, Accessed resources: ---, Action: Login Fail");
        assertProduct(failed, "QTS");
        assertLogon(failed, 2, "admin", "203.0.113.50");
        assertThat(failed.at("/service/name").asText()).isEqualTo("SSH/SFTP");
        assertThat(failed.at("/src_endpoint/hostname").isMissingNode())
                .as("--- is no name")
                .isTrue();
        assertThat(failed.at("/dst_endpoint/hostname").asText()).isEqualTo("nas01");
        assertThat(failed.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:15:02Z"));

        JsonNode ok = line(
                "<30>Mar  1 09:16:10 nas01 qlogd[3211]: conn log: Users: alice, Source IP: 192.168.1.23,"
                        + " Computer name: ALICE-PC, Connection type: HTTP, Accessed resources: Administration, Action: Login OK");
        assertLogon(ok, 1, "alice", "192.168.1.23");
        assertThat(ok.at("/src_endpoint/hostname").asText()).isEqualTo("ALICE-PC");
        assertThat(ok.at("/service/name").asText()).isEqualTo("HTTP");

        JsonNode out = line(
                "<30>Mar  1 09:30:00 nas01 qulogd[5732]: conn log: Users: alice, Source IP: 192.168.1.23,"
                        + " Computer name: ALICE-PC, Connection type: HTTP, Accessed resources: Administration, Action: Logout");
        assertThat(out.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(out.get("activity_id").asInt()).isEqualTo(2);
    }

    @Test
    void qnapFilesChangedOverTheNetworkAreFileSystemActivityAndSystemEventsBaseEvents() throws Exception {
        String[][] cases = {{"Delete", "4"}, {"Rename", "5"}, {"Write", "3"}, {"Read", "2"}, {"Mkdir", "1"}};
        for (String[] c : cases) {
            JsonNode r = line("<30>Mar  1 09:20:00 nas01 qulogd[5732]: conn log: Users: bob, Source IP: 192.168.1.40,"
                    + " Computer name: BOB-PC, Connection type: SAMBA, Accessed resources: Finance/Q1, 2026/report.xlsx, Action: "
                    + c[0]);
            assertThat(r.get("class_uid").asInt()).as(c[0]).isEqualTo(1001);
            assertThat(r.get("activity_id").asInt()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
            assertThat(r.at("/file/path").asText()).isEqualTo("Finance/Q1, 2026/report.xlsx");
            assertThat(r.at("/actor/user/name").asText()).isEqualTo("bob");
        }
        JsonNode system = line(
                "<28>Mar  1 09:25:00 nas01 qulogd[5732]: event log: Users: System, Source IP: 127.0.0.1,"
                        + " Computer name: localhost, Application: Malware Remover, Category: Scan, Content: Scan completed. 1 malware removed.");
        assertBaseEventOf(system, "QTS");
        assertThat(system.get("message").asText()).isEqualTo("Scan completed. 1 malware removed.");
        assertThat(system.at("/unmapped/qnapApplication").asText()).isEqualTo("Malware Remover");
        assertThat(system.get("severity_id").asInt()).as("warning").isEqualTo(3);
        // a connection event of another action is a Base Event of QTS, never a sign-in
        assertBaseEventOf(
                line(
                        "<30>Mar  1 09:15:02 nas01 qulogd[5732]: conn log: Users: bob, Source IP: 192.168.1.40,"
                                + " Computer name: BOB-PC, Connection type: SAMBA, Accessed resources: ---, Action: Login Blocked"),
                "QTS");
    }

    @Test
    void proxmoxLoginsAreAuthenticationWithRealm() throws Exception {
        JsonNode failed = line("<134>Mar  1 09:59:59 pve01 pvedaemon[1234]: authentication failure;"
                + " rhost=::ffff:203.0.113.9 user=root@pam msg=Authentication failure");
        assertLogon(failed, 2, "root", "203.0.113.9");
        assertThat(failed.at("/user/domain").asText()).isEqualTo("pam");
        assertProduct(failed, "Proxmox VE");

        JsonNode ok =
                line("<134>Mar  1 09:59:59 pve01 pvedaemon[1234]: <alice@pve> successful auth for user 'alice@pve'");
        assertLogon(ok, 1, "alice", null);
        assertThat(ok.at("/user/domain").asText()).isEqualTo("pve");

        assertBaseEventOf(line("<134>Mar  1 09:59:59 pve01 pvedaemon[1234]: worker 5678 started"), "Proxmox VE");
    }

    @Test
    void esxiHostAgentLoginsAreAuthentication() throws Exception {
        JsonNode in = line("<166>2026-03-01T09:59:59.123Z esxi01 Hostd[2099603]: info hostd[2099603]"
                + " [Originator@6876 sub=Vimsvc.ha-eventmgr] Event 123 : User root@192.168.1.10 logged in as"
                + " VMware-client/6.5.0");
        assertLogon(in, 1, "root", "192.168.1.10");
        assertThat(in.at("/http_request/user_agent").asText()).isEqualTo("VMware-client/6.5.0");
        assertThat(in.at("/device/hostname").asText()).isEqualTo("esxi01");
        assertProduct(in, "ESXi");

        JsonNode refused = line("<166>2026-03-01T09:59:59.123Z esxi01 Hostd[2099603]: info hostd[2099603]"
                + " [Originator@6876 sub=Vimsvc.ha-eventmgr] Event 124 : Cannot login root@203.0.113.9");
        assertLogon(refused, 2, "root", "203.0.113.9");

        JsonNode out = line("<166>2026-03-01T09:59:59.123Z esxi01 Hostd[2099603]: info hostd[2099603]"
                + " [Originator@6876 sub=Vimsvc.ha-eventmgr] Event 125 : User root@192.168.1.10 logged out (login"
                + " time: Sunday, 01 March, 2026 09:50:00 AM, number of API invocations: 0, user agent: x)");
        assertThat(out.get("activity_id").asInt()).isEqualTo(2);

        // the agent's other lines are not claimed as logins
        JsonNode task = line("<166>2026-03-01T09:59:59.123Z esxi01 Hostd[2099603]: info hostd[2099603]"
                + " [Originator@6876 sub=Vimsvc.TaskManager] Task Created : haTask-ha-root-pool-vim.ResourcePool.x");
        assertThat(task.get("class_uid").asInt()).isZero();
    }

    @Test
    void esetThreatsAreDetectionFindingsWithThreatScannerAndFile() throws Exception {
        JsonNode threat = line(
                "<14>1 2026-03-01T09:59:59.000Z era ERAServer 1234 - - {\"event_type\":\"Threat_Event\","
                        + "\"ipv4\":\"192.168.1.20\",\"hostname\":\"pc-07.corp.local\",\"source_uuid\":\"d5b7\","
                        + "\"occured\":\"01-Mar-2026 09:59:58\",\"severity\":\"Warning\",\"threat_type\":\"Trojan\","
                        + "\"threat_name\":\"Win32/Agent.XYZ\",\"scanner_id\":\"Real-time file system protection\","
                        + "\"object_uri\":\"file:///C:/Users/bob/Downloads/x.exe\",\"action_taken\":\"cleaned by deleting\","
                        + "\"threat_handled\":true,\"username\":\"CORP\\\\bob\",\"processname\":\"C:\\\\Windows\\\\explorer.exe\"}");
        assertThat(threat.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(threat.get("severity_id").asInt()).isEqualTo(3);
        assertThat(threat.at("/finding_info/title").asText()).isEqualTo("Win32/Agent.XYZ");
        assertThat(threat.at("/finding_info/types/0").asText()).isEqualTo("Trojan");
        assertThat(threat.at("/finding_info/analytic/name").asText()).isEqualTo("Real-time file system protection");
        assertThat(threat.at("/evidences/0/file/path").asText()).isEqualTo("file:///C:/Users/bob/Downloads/x.exe");
        assertThat(threat.at("/device/hostname").asText()).isEqualTo("pc-07.corp.local");
        assertThat(threat.at("/device/ip").asText()).isEqualTo("192.168.1.20");
        assertThat(threat.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:59:58Z"));
        assertProduct(threat, "ESET PROTECT");
    }

    @Test
    void esetFirewallDetectionsAreRefusedFlowsAndAuditLoginsAreAuthentication() throws Exception {
        JsonNode firewall = line(
                "<14>1 2026-03-01T09:59:59.000Z era ERAServer 1234 - - {\"event_type\":"
                        + "\"FirewallAggregated_Event\",\"hostname\":\"pc-07\",\"source_uuid\":\"d5b7\",\"occured\":"
                        + "\"01-Mar-2026 09:59:58\",\"severity\":\"Warning\",\"event\":\"Security vulnerability exploitation"
                        + " attempt\",\"source_address\":\"203.0.113.9\",\"source_port\":4444,\"target_address\":"
                        + "\"192.168.1.20\",\"target_port\":445,\"protocol\":\"TCP\",\"action\":\"Blocked\",\"aggregate_count\":3}");
        assertThat(firewall.get("class_uid").asInt()).isEqualTo(4001);
        assertDenied(firewall);
        assertThat(firewall.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.9");
        assertThat(firewall.at("/dst_endpoint/port").asInt()).isEqualTo(445);
        assertThat(firewall.get("count").asInt()).isEqualTo(3);

        JsonNode login = line("<14>1 2026-03-01T09:59:59.000Z era ERAServer 1234 - - {\"event_type\":\"Audit_Event\","
                + "\"hostname\":\"era\",\"source_uuid\":\"y\",\"occured\":\"01-Mar-2026 09:59:58\",\"domain\":"
                + "\"Native user\",\"action\":\"Login attempt\",\"target\":\"Administrator\",\"detail\":"
                + "\"Authenticating native user 'Administrator'.\",\"user\":\"\",\"result\":\"Failed\"}");
        assertLogon(login, 2, "Administrator", null);

        JsonNode change = line("<14>1 2026-03-01T09:59:59.000Z era ERAServer 1234 - - {\"event_type\":\"Audit_Event\","
                + "\"hostname\":\"era\",\"source_uuid\":\"y\",\"occured\":\"01-Mar-2026 09:59:58\",\"domain\":"
                + "\"Policy\",\"action\":\"Modify\",\"target\":\"Antivirus - Maximum security\",\"user\":"
                + "\"Administrator\",\"result\":\"Success\"}");
        assertThat(change.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(change.at("/api/operation").asText()).isEqualTo("Modify");
        assertThat(change.at("/actor/user/name").asText()).isEqualTo("Administrator");
        assertThat(change.get("status_id").asInt()).isEqualTo(1);

        // another product's JSON with an event_type is not ESET's
        JsonNode other = line("<14>1 2026-03-01T09:59:59.000Z app01 app 1 - - {\"event_type\":\"Threat_Event\"}");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("ESET PROTECT");
    }

    @Test
    void pandaAdaptiveDefenseExecutionsFoldersAndRegistryChangesFromItsSiemFeeder() throws Exception {
        String header = "<14>Mar  1 09:59:59 siemfeeder LEEF:1.0|Panda Security|paps|02.47.00.0000|";
        String common = "sev=1\tdevTime=2026-03-01 09:59:58.692466\tdevTimeFormat=yyyy-MM-dd HH:mm:ss.SSS\tusrName=bob"
                + "\tdomain=CORP\tsrc=10.0.0.21\tHostName=WS-021\tMUID=577C98BB9DC2523C1AEDE584FCAF1615";
        String exec = header + "exec|" + common
                + "\tOp=Exec\tParentPath=SYSTEM|\\cmd.exe\tParentCompany=Microsoft Corporation"
                + "\tChildPath=USER_DOWNLOADS|\\invoice.exe\tChildCompany=\tChildCat=Malware\tChildMWName=Trj/GdSda.A"
                + "\tParams=\"C:\\Users\\bob\\Downloads\\invoice.exe\" /silent\tAction=%s\tServiceLevel=Lock";
        JsonNode blocked = line(exec.formatted("Block"));
        assertThat(blocked.get("class_uid").asInt()).isEqualTo(1007);
        assertThat(blocked.get("activity_name").asText()).isEqualTo("Launch");
        assertDenied(blocked);
        assertThat(blocked.at("/process/file/path").asText()).isEqualTo("USER_DOWNLOADS|\\invoice.exe");
        assertThat(blocked.at("/process/cmd_line").asText())
                .isEqualTo("\"C:\\Users\\bob\\Downloads\\invoice.exe\" /silent");
        assertThat(blocked.at("/actor/process/file/path").asText()).isEqualTo("SYSTEM|\\cmd.exe");
        assertThat(blocked.at("/actor/user/name").asText()).isEqualTo("bob");
        assertThat(blocked.at("/actor/user/domain").asText()).isEqualTo("CORP");
        assertThat(blocked.at("/device/hostname").asText()).isEqualTo("WS-021");
        assertThat(blocked.at("/device/ip").asText()).isEqualTo("10.0.0.21");
        assertThat(blocked.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:59:58.692Z"));
        assertThat(blocked.at("/unmapped/ChildMWName").asText()).isEqualTo("Trj/GdSda.A");
        assertProduct(blocked, "Adaptive Defense");
        JsonNode allowed = line(exec.formatted("Allow"));
        assertThat(allowed.get("class_uid").asInt()).isEqualTo(1007);
        assertThat(allowed.get("action").asText()).isEqualTo("Allowed");

        JsonNode folder = line(header + "createdir|" + common + "\tOp=CreateDir\tParentPath=SYSTEM|\\spoolsv.exe"
                + "\tChildPath=SYSTEM|\\spool\\V4Dirs\\5F1D9A23\tAction=Allow");
        assertThat(folder.get("class_uid").asInt()).isEqualTo(1001);
        assertThat(folder.get("activity_name").asText()).isEqualTo("Create");
        assertThat(folder.at("/file/path").asText()).isEqualTo("SYSTEM|\\spool\\V4Dirs\\5F1D9A23");
        assertThat(folder.at("/actor/process/file/path").asText()).isEqualTo("SYSTEM|\\spoolsv.exe");

        JsonNode registry = line(header + "registrym|" + common + "\tOp=ModifyExeKey"
                + "\tPath=PROGRAM_FILES_COMMONX86|\\Quest\\CSEHost.exe"
                + "\tRegKey=\\REGISTRY\\MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run?Updater");
        assertThat(registry.get("class_uid").asInt()).isEqualTo(201002);
        assertThat(registry.get("activity_name").asText()).isEqualTo("Modify");
        assertThat(registry.at("/reg_value/path").asText())
                .isEqualTo("\\REGISTRY\\MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run");
        assertThat(registry.at("/reg_value/name").asText()).isEqualTo("Updater");
        assertThat(registry.at("/actor/process/file/path").asText())
                .isEqualTo("PROGRAM_FILES_COMMONX86|\\Quest\\CSEHost.exe");
        // a registry change whose key the feeder did not write is still one, with the program that made it
        JsonNode noKey = line(header + "registrym|" + common + "\tOp=ModifyExeKey"
                + "\tPath=PROGRAM_FILESX86|\\Vendor\\agent.exe\tTargetPath=3|PROGRAM_FILESX86|\\Vendor\\drives.exe");
        assertThat(noKey.get("class_uid").asInt()).isEqualTo(201002);
        assertThat(noKey.get("activity_name").asText()).isEqualTo("Modify");
        assertThat(noKey.at("/actor/process/file/path").asText()).isEqualTo("PROGRAM_FILESX86|\\Vendor\\agent.exe");
        assertThat(noKey.has("reg_value")).isFalse();

        // another event type of the feeder, and another vendor's LEEF
        assertBaseEventOf(line(header + "toast|" + common + "\tToastResult=Ok"), "Adaptive Defense");
        assertThat(line("LEEF:1.0|Other Vendor|paps|1.0|exec|src=10.0.0.1\tParams=x")
                        .at("/metadata/product/name")
                        .asText())
                .isNotEqualTo("Adaptive Defense");
    }
}
