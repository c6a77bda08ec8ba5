package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAuthentication;
import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.assertStatus;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * VMware ESXi (vmware-esxi.json: hostd, the ESXi Shell's command log, vobd) and vCenter Server
 * (vmware-vcenter.json: vpxd's event stream, the Single Sign-On audit log, vpxd-svcs' authorization
 * audit). Lines written in the documented formats with their RFC 3164 and RFC 5424 headers become the
 * class an analyst looks for (commands as Process Activity, SSH and shell switched on as Device Config
 * State Change, logins as Authentication, account and permission changes, virtual machines powered off
 * or removed by a user); the programs' other lines stay Base Events of the product, and other
 * programs' lines with the same words are not claimed.
 */
class VmwareHypervisorMappingsTest {

    private static final String HOSTD = "<166>2026-03-01T09:59:59.123Z esxi01.example.com Hostd[2099603]: info"
            + " hostd[2099603] [Originator@6876 sub=Vimsvc.ha-eventmgr opID=esxui-5f1a-2b3c user=root] ";

    @Test
    void esxiShellCommandsAreProcessLaunchesWithUserAndCommandLine() throws Exception {
        JsonNode cmd =
                line("<14>2026-03-01T09:59:59Z esxi01.example.com shell[2101234]: [root]: esxcli vm process list");
        assertThat(cmd.get("class_uid").asInt()).isEqualTo(1007);
        assertThat(cmd.get("activity_id").asInt()).isEqualTo(1);
        assertThat(cmd.at("/actor/user/name").asText()).isEqualTo("root");
        assertThat(cmd.at("/process/cmd_line").asText()).isEqualTo("esxcli vm process list");
        assertThat(cmd.at("/device/hostname").asText()).isEqualTo("esxi01.example.com");
        assertProduct(cmd, "ESXi");

        // RFC 5424 header, a domain user, a command with brackets of its own
        JsonNode rfc5424 = line("<14>1 2026-03-01T09:59:59.000Z esxi02 shell 2101777 - - [EXAMPLE\\bob]:"
                + " vim-cmd vmsvc/power.off 12 && ls [a-z]*");
        assertThat(rfc5424.get("class_uid").asInt()).isEqualTo(1007);
        assertThat(rfc5424.at("/actor/user/name").asText()).isEqualTo("EXAMPLE\\bob");
        assertThat(rfc5424.at("/process/cmd_line").asText()).isEqualTo("vim-cmd vmsvc/power.off 12 && ls [a-z]*");

        // ESXi 8's audit record of a shell command, with its result and exit status
        JsonNode esxi8 = line("<110>2026-03-01T09:59:59.000Z esxi03 shell[1231448]: [shell.cmd@6876 subject=\"root\""
                + " object=\"shell\" command=\"esxcli network firewall set --enabled false\" result=\"success\""
                + " status=\"0\"]");
        assertThat(esxi8.get("class_uid").asInt()).isEqualTo(1007);
        assertThat(esxi8.at("/actor/user/name").asText()).isEqualTo("root");
        assertThat(esxi8.at("/process/cmd_line").asText()).isEqualTo("esxcli network firewall set --enabled false");
        assertStatus(esxi8, 1);
        assertThat(esxi8.get("exit_code").asInt()).isZero();

        // another program called shell that writes no user is not taken for the ESXi Shell
        JsonNode other = line("<14>Mar  1 09:59:59 web01 shell[4242]: job finished in 3s");
        assertThat(other.get("class_uid").asInt()).isZero();
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("ESXi");
    }

    @Test
    void esxiSshLoginsStayOpenSshAuthentication() throws Exception {
        JsonNode accepted = line("<38>2026-03-01T09:59:59Z esxi01 sshd[2101100]: Accepted keyboard-interactive/pam"
                + " for root from 203.0.113.7 port 50122 ssh2");
        assertLogon(accepted, 1, "root", "203.0.113.7");
        assertThat(accepted.get("auth_protocol").asText()).isEqualTo("keyboard-interactive/pam");
        assertProduct(accepted, "OpenSSH");

        JsonNode failed = line("<38>2026-03-01T09:59:59Z esxi01 sshd[2101100]: pam_unix(sshd:auth): authentication"
                + " failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.7  user=root");
        assertLogon(failed, 2, "root", "203.0.113.7");
    }

    @Test
    void vobdAuditEventsAreConfigChangesAccountLocksAndSshSessions() throws Exception {
        JsonNode ssh = line("<14>2026-03-01T09:59:59.000Z esxi01 vobd[2097727]: [UserLevelCorrelator] 327555108910us:"
                + " [esx.audit.ssh.enabled] SSH access has been enabled.");
        assertThat(ssh.get("class_uid").asInt()).isEqualTo(5019);
        assertThat(ssh.get("state_id").asInt()).isEqualTo(2);
        assertThat(ssh.at("/policy/name").asText()).isEqualTo("SSH");
        assertThat(ssh.at("/device/hostname").asText()).isEqualTo("esxi01");
        assertThat(ssh.at("/unmapped/vobId").asText()).isEqualTo("esx.audit.ssh.enabled");
        assertProduct(ssh, "ESXi");

        // ESXi 7 without a process id, RFC 5424 of ESXi 8
        JsonNode shellOff = line("<14>2026-03-01T09:59:59.000Z esxi01 vobd: [UserLevelCorrelator] 327555108911us:"
                + " [esx.audit.shell.disabled] The ESXi command line shell has been disabled.");
        assertThat(shellOff.get("class_uid").asInt()).isEqualTo(5019);
        assertThat(shellOff.get("state_id").asInt()).isEqualTo(1);
        assertThat(shellOff.at("/policy/name").asText()).isEqualTo("ESXi Shell");
        JsonNode lockdown = line(
                "<14>1 2026-03-01T09:59:59.000Z esxi02 vobd 2097727 - -  [UserLevelCorrelator]"
                        + " 327555108912us: [esx.audit.lockdownmode.disabled] Administrator access to the host has been enabled.");
        assertThat(lockdown.get("class_uid").asInt()).isEqualTo(5019);
        assertThat(lockdown.get("state_id").asInt()).isEqualTo(1);
        assertThat(lockdown.at("/policy/name").asText()).isEqualTo("Lockdown mode");

        JsonNode firewall = line("<14>2026-03-01T09:59:59.000Z esxi01 vobd[2097727]: [GenericCorrelator] 3275551us:"
                + " [esx.audit.net.firewall.config.changed] Firewall configuration has changed. Operation 'set' for"
                + " rule set sshServer succeeded.");
        assertThat(firewall.get("class_uid").asInt()).isEqualTo(5019);
        assertThat(firewall.at("/policy/name").asText()).isEqualTo("sshServer");

        JsonNode locked = line("<14>2026-03-01T09:59:59.000Z esxi01 vobd[2097727]: [UserLevelCorrelator]"
                + " 410535867us: [esx.audit.account.locked] Remote access for ESXi local user account 'root' has been"
                + " locked for 900 seconds after 6 failed login attempts.");
        assertThat(locked.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(locked.get("activity_id").asInt()).isEqualTo(9);
        assertThat(locked.at("/user/name").asText()).isEqualTo("root");

        JsonNode opened = line("<14>2026-03-01T09:59:59.000Z esxi01 vobd[2097727]: [UserLevelCorrelator]"
                + " 1019369886505us: [esx.audit.ssh.session.opened] SSH session was opened for 'root@198.51.100.23'.");
        assertLogon(opened, 1, "root", "198.51.100.23");
        JsonNode closed = line("<14>2026-03-01T09:59:59.000Z esxi01 vobd[2097727]: [UserLevelCorrelator]"
                + " 1019369886506us: [vob.user.ssh.session.closed] SSH session was closed for 'root@198.51.100.23'.");
        assertAuthentication(closed, 2, "root", "198.51.100.23");

        // the daemon's other observations are Base Events of ESXi with the id kept
        JsonNode storage = line("<14>2026-03-01T09:59:59.000Z esxi01 vobd[2097727]: [scsiCorrelator] 14807183227307us:"
                + " [esx.problem.scsi.device.io.latency.high] Device naa.600 performance has deteriorated.");
        assertBaseEventOf(storage, "ESXi");
        assertThat(storage.at("/unmapped/vobId").asText()).isEqualTo("esx.problem.scsi.device.io.latency.high");
        // the generic correlator's copy of a lock is not counted twice
        assertBaseEventOf(
                line("<14>2026-03-01T09:59:59.000Z esxi01 vobd[2097727]: [GenericCorrelator] 410535559us:"
                        + " [vob.user.account.locked] Remote access for ESXi local user account 'root' has been locked"
                        + " for 900 seconds after 6 failed login attempts."),
                "ESXi");

        JsonNode sshLogin = line("<14>2026-03-01T09:59:59Z esxi01 SSH: SSH login enabled");
        assertThat(sshLogin.get("class_uid").asInt()).isEqualTo(5019);
        assertThat(sshLogin.get("state_id").asInt()).isEqualTo(2);
    }

    @Test
    void hostdAccountPermissionAndVirtualMachineEventsNameTheUser() throws Exception {
        JsonNode created = line(HOSTD + "Event 310 : Account backdoor was created on host esxi01.example.com");
        assertThat(created.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(created.get("activity_id").asInt()).isEqualTo(1);
        assertThat(created.at("/user/name").asText()).isEqualTo("backdoor");
        assertThat(created.at("/actor/user/name").asText()).isEqualTo("root");
        assertThat(created.at("/unmapped/hostdEvent").asText()).isEqualTo("310");
        assertProduct(created, "ESXi");

        JsonNode removed = line(HOSTD + "Event 311 : Account backdoor was removed on host esxi01.example.com");
        assertThat(removed.get("activity_id").asInt()).isEqualTo(6);

        JsonNode permission = line(HOSTD + "Event 312 : Permission created for backdoor on ha-folder-root, role is"
                + " Administrator, propagation is Enabled");
        assertThat(permission.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(permission.get("activity_id").asInt()).isEqualTo(1);
        assertThat(permission.at("/user/name").asText()).isEqualTo("backdoor");
        assertThat(permission.at("/privileges/0").asText()).isEqualTo("Administrator");
        assertThat(permission.at("/resources/0/name").asText()).isEqualTo("ha-folder-root");
        assertThat(permission.at("/actor/user/name").asText()).isEqualTo("root");

        JsonNode off = line(HOSTD + "Event 401 : fileserver 01 on esxi01.example.com in ha-datacenter is powered off");
        assertThat(off.get("class_uid").asInt()).isEqualTo(3004);
        assertThat(off.get("activity_id").asInt()).isEqualTo(11);
        assertThat(off.at("/entity/name").asText()).isEqualTo("fileserver 01");
        assertThat(off.at("/entity/type").asText()).isEqualTo("Virtual Machine");
        assertThat(off.at("/actor/user/name").asText()).isEqualTo("root");

        // ESXi 7's RFC 3164 header without a process id
        JsonNode gone = line("<166>2026-03-01T09:59:59.123Z esxi01 Hostd: info hostd[1053970] [Originator@6876"
                + " sub=Vimsvc.ha-eventmgr opID=vim-cmd-4a-1f user=root] Event 402 : Removed dc01 on esxi01.example.com"
                + " from ha-datacenter");
        assertThat(gone.get("class_uid").asInt()).isEqualTo(3004);
        assertThat(gone.get("activity_id").asInt()).isEqualTo(4);
        assertThat(gone.at("/entity/name").asText()).isEqualTo("dc01");

        // the agent's other lines are Base Events of ESXi, not logins or machine changes
        assertBaseEventOf(
                line(HOSTD + "Event 406 : Guest OS reboot for dc01 on esxi01.example.com in ha-datacenter"), "ESXi");
        assertBaseEventOf(
                line("<166>2026-03-01T09:59:59.123Z esxi01 Hostd[2099603]: [Originator@6876 sub=Default]"
                        + " IpmiIfcEntityInstantiateAll: stripping out phantom power supply IPMI SDRs"),
                "ESXi");
    }

    @Test
    void vcenterSessionEventsAreAuthenticationWithUserDomainAndClient() throws Exception {
        JsonNode in = line("<14>1 2026-03-01T09:59:59.263383+00:00 vcenter01 vpxd 58650 - -  Event [575792] [1-1]"
                + " [2026-03-01T09:59:58.26309Z] [vim.event.UserLoginSessionEvent] [info] [EXAMPLE\\alice] []"
                + " [575792] [User EXAMPLE\\alice@192.0.2.10 logged in as pyvmomi Python/3.11.2]");
        assertLogon(in, 1, "alice", "192.0.2.10");
        assertThat(in.at("/user/domain").asText()).isEqualTo("EXAMPLE");
        assertThat(in.at("/http_request/user_agent").asText()).isEqualTo("pyvmomi Python/3.11.2");
        assertThat(in.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:59:58.263Z"));
        assertThat(in.at("/unmapped/vcEventKey").asText()).isEqualTo("575792");
        assertProduct(in, "vCenter Server");

        JsonNode upn = line("<14>1 2026-03-01T09:59:59.000+00:00 vcenter01 vpxd 58650 - - Event [575793] [1-1]"
                + " [2026-03-01T09:59:59.0Z] [vim.event.UserLoginSessionEvent] [info] [administrator@vsphere.local] []"
                + " [575793] [User administrator@vsphere.local@198.51.100.4 logged in as VMware-client/8.0.3]");
        assertLogon(upn, 1, "administrator", "198.51.100.4");
        assertThat(upn.at("/user/domain").asText()).isEqualTo("vsphere.local");

        JsonNode refused = line("<11>2026-03-01T09:59:59.000Z vcenter01 vpxd[58650]: Event [575794] [1-1]"
                + " [2026-03-01T09:59:59.0Z] [vim.event.BadUsernameSessionEvent] [error] [root] [DC1] [575794]"
                + " [Cannot login root@203.0.113.66]");
        assertLogon(refused, 2, "root", "203.0.113.66");

        JsonNode out = line("<14>1 2026-03-01T09:59:59.000+00:00 vcenter01 vpxd 58650 - - Event [575795] [1-1]"
                + " [2026-03-01T09:59:59.0Z] [vim.event.UserLogoutSessionEvent] [info] [EXAMPLE\\alice] [] [575795]"
                + " [User EXAMPLE\\alice@192.0.2.10 logged out (login time: Sunday, 01 March, 2026 09:50:13 AM, number of"
                + " API invocations: 3, user agent: pyvmomi Python/3.11.2)]");
        assertAuthentication(out, 2, "alice", "192.0.2.10");

        // vpxd's own log lines are Base Events of vCenter Server
        assertBaseEventOf(
                line("<14>1 2026-03-01T09:59:59.000+00:00 vcenter01 vpxd 58650 - - 2026-03-01T09:59:59.000Z info"
                        + " vpxd[58651] [Originator@6876 sub=vpxLro opID=abc] [VpxLRO] -- FINISH task-101"),
                "vCenter Server");
        assertBaseEventOf(
                line("<14>1 2026-03-01T09:59:59.000+00:00 vcenter01 vpxd 58650 - - Event [575800] [1-1]"
                        + " [2026-03-01T09:59:59.0Z] [vim.event.AlarmSnmpCompletedEvent] [info] [] [DC1] [575800]"
                        + " [Alarm 'Host error': an SNMP trap for entity esxi01.example.com was sent]"),
                "vCenter Server");
    }

    @Test
    void vcenterPermissionVirtualMachineAndHostServiceEventsNameTheUser() throws Exception {
        String head = "<14>1 2026-03-01T09:59:59.000+00:00 vcenter01 vpxd 58650 - - Event [600100] [1-1]"
                + " [2026-03-01T09:59:59.0Z] ";
        JsonNode perm = line(head + "[vim.event.PermissionAddedEvent] [info] [VSPHERE.LOCAL\\svc-monitor] [DC1]"
                + " [600100] [Permission created for EXAMPLE\\mallory on DC1, role is Administrator, propagation is"
                + " Propagating]");
        assertThat(perm.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(perm.get("activity_id").asInt()).isEqualTo(1);
        assertThat(perm.at("/user/name").asText()).isEqualTo("EXAMPLE\\mallory");
        assertThat(perm.at("/privileges/0").asText()).isEqualTo("Administrator");
        assertThat(perm.at("/actor/user/name").asText()).isEqualTo("VSPHERE.LOCAL\\svc-monitor");

        JsonNode revoked = line(head + "[vim.event.PermissionRemovedEvent] [info] [VSPHERE.LOCAL\\Administrator]"
                + " [DC1] [600100] [Permission rule removed for EXAMPLE\\mallory on DC1]");
        assertThat(revoked.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(revoked.get("activity_id").asInt()).isEqualTo(2);
        assertThat(revoked.at("/user/name").asText()).isEqualTo("EXAMPLE\\mallory");

        JsonNode off = line(head + "[vim.event.VmPoweredOffEvent] [info] [VSPHERE.LOCAL\\svc-monitor] [DC1] [600100]"
                + " [sql-prod01 on esxi03.example.com in DC1 is powered off]");
        assertThat(off.get("class_uid").asInt()).isEqualTo(3004);
        assertThat(off.get("activity_id").asInt()).isEqualTo(11);
        assertThat(off.at("/entity/name").asText()).isEqualTo("sql-prod01");
        assertThat(off.at("/actor/user/name").asText()).isEqualTo("VSPHERE.LOCAL\\svc-monitor");

        JsonNode removed = line(head + "[vim.event.VmRemovedEvent] [info] [VSPHERE.LOCAL\\svc-monitor] [DC1] [600100]"
                + " [Removed sql-prod01 on esxi03.example.com from DC1]");
        assertThat(removed.get("activity_id").asInt()).isEqualTo(4);
        assertThat(removed.at("/entity/name").asText()).isEqualTo("sql-prod01");

        JsonNode role = line(head + "[vim.event.RoleAddedEvent] [info] [VSPHERE.LOCAL\\Administrator] [] [600100]"
                + " [New role NoLimits created]");
        assertThat(role.get("class_uid").asInt()).isEqualTo(3004);
        assertThat(role.get("activity_id").asInt()).isEqualTo(1);
        assertThat(role.at("/entity/name").asText()).isEqualTo("NoLimits");
        assertThat(role.at("/entity/type").asText()).isEqualTo("Role");

        JsonNode ssh = line(head + "[vim.event.EventEx] [info] [VSPHERE.LOCAL\\svc-monitor] [DC1] [600100]"
                + " [SSH for the host esxi03.example.com has been enabled]");
        assertThat(ssh.get("class_uid").asInt()).isEqualTo(5019);
        assertThat(ssh.get("state_id").asInt()).isEqualTo(2);
        assertThat(ssh.at("/device/hostname").asText()).isEqualTo("esxi03.example.com");
        assertThat(ssh.at("/actor/user/name").asText()).isEqualTo("VSPHERE.LOCAL\\svc-monitor");
    }

    @Test
    void ssoAuditEventsAreAuthenticationAndManagementByTheUser() throws Exception {
        JsonNode ok = line("<134>1 2026-03-01T09:59:59.000Z vcenter01 ssoAudit - - - 2026-03-01T09:59:59.349Z"
                + " {\"user\":\"administrator@vsphere.local\",\"client\":\"192.0.2.10\",\"timestamp\":\"03/01/2026 09:59:59"
                + " UTC\",\"description\":\"User administrator@vsphere.local@192.0.2.10 logged in with response code"
                + " 200\",\"eventSeverity\":\"INFO\",\"type\":\"com.vmware.sso.LoginSuccess\"}");
        assertLogon(ok, 1, "administrator", "192.0.2.10");
        assertThat(ok.at("/user/domain").asText()).isEqualTo("vsphere.local");
        assertProduct(ok, "vCenter Server");

        JsonNode failed = line("<134>2026-03-01T09:59:59Z vcenter01 audit_events: 2026-03-01T09:59:59.349Z"
                + " {\"user\":\"bob@example.com\",\"client\":\"203.0.113.9\",\"timestamp\":\"03/01/2026 09:59:59 UTC\","
                + "\"description\":\"User bob@example.com@203.0.113.9 failed to log in with response code 401\","
                + "\"eventSeverity\":\"INFO\",\"type\":\"com.vmware.sso.LoginFailure\"}");
        assertLogon(failed, 2, "bob", "203.0.113.9");
        assertThat(failed.get("status_detail").asText()).contains("response code 401");

        JsonNode managed = line("<134>2026-03-01T09:59:59Z vcenter01 ssoAudit: 2026-03-01T09:59:59.349Z"
                + " {\"user\":\"administrator@vsphere.local\",\"client\":\"192.0.2.10\",\"timestamp\":\"03/01/2026"
                + " 09:59:59 UTC\",\"description\":\"Creating local person user 'eve' with details {,,,,eve@vsphere.local}\","
                + "\"eventSeverity\":\"INFO\",\"type\":\"com.vmware.sso.PrincipalManagement\"}");
        assertThat(managed.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(managed.at("/actor/user/name").asText()).isEqualTo("administrator@vsphere.local");
        assertThat(managed.at("/api/operation").asText()).startsWith("Creating local person user 'eve'");
    }

    @Test
    void vpxdSvcsAuthorizationAuditIsAccessManagement() throws Exception {
        JsonNode added = line("<14>1 2026-03-01T09:59:59.000Z vcenter01 vpxd-svcs - - - 2026-03-01T09:59:59.400Z"
                + " [tomcat-exec-43  INFO  AuthorizationService.AuditLog  opId=571a] Action performed by"
                + " principal(name=VSPHERE.LOCAL\\Administrator,isGroup=false):Added access control [ Principal=Name="
                + "EXAMPLE\\mallory,isGroup=false,roles=[-1],propogating=true ] to document"
                + " urn:vmomi:Folder:group-d1:d245fd02");
        assertThat(added.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(added.get("activity_id").asInt()).isEqualTo(1);
        assertThat(added.at("/user/name").asText()).isEqualTo("EXAMPLE\\mallory");
        assertThat(added.at("/actor/user/name").asText()).isEqualTo("VSPHERE.LOCAL\\Administrator");

        JsonNode deleted = line("<14>1 2026-03-01T09:59:59.000Z vcenter01 vpxd-svcs - - - 2026-03-01T09:59:59.400Z"
                + " [tomcat-exec-153  INFO  AuthorizationService.AuditLog  opId=] Action performed by"
                + " principal(name=VSPHERE.LOCAL\\Administrator,isGroup=false):Delete role 295755225");
        assertThat(deleted.get("class_uid").asInt()).isEqualTo(3004);
        assertThat(deleted.get("activity_id").asInt()).isEqualTo(4);
        assertThat(deleted.at("/entity/uid").asText()).isEqualTo("295755225");
    }
}
