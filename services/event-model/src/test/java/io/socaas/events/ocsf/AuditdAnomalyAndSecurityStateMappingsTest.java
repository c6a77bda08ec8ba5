package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.assertStatus;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * auditd's anomaly and response records, SELinux's mode and booleans and the audit daemon's own
 * records: logins a PAM module refused (pam_access, pam_time, pam_limits, pam_faillock, as libpam's
 * pam_modutil_audit_write and pam_faillock write them) are failed logons, accounts pam_faillock locked
 * Account Change Lock, SELinux switched to permissive mode and a network interface put into promiscuous
 * mode Device Config State Change, unix_chkpwd run from a terminal a refused Process Launch, and the
 * daemon's configuration reloads and log rotations Event Log Activity. Lines of the shared corpus
 * (Wazuh's auditd tests) and lines written from the records' fields as the kernel, libpam and auditd
 * write them.
 */
class AuditdAnomalyAndSecurityStateMappingsTest {

    private static final String AUDITD = "auditd";

    @Test
    void loginsAPamModuleRefusedAreFailedLogonsWithTheReason() throws Exception {
        // pam_access: a '-' line of access.conf matched; res says the record was written, not the login
        JsonNode location = line("type=ANOM_LOGIN_LOCATION msg=audit(1772355600.101:9301): pid=2011 uid=0"
                + " auid=4294967295 ses=4294967295 subj=system_u:system_r:sshd_t:s0-s0:c0.c1023"
                + " msg='op=PAM:pam_access acct=\"bob\" exe=\"/usr/sbin/sshd\" hostname=203.0.113.5"
                + " addr=203.0.113.5 terminal=ssh res=success'");
        assertLogon(location, 2, "bob", "203.0.113.5");
        assertThat(location.get("status_detail").asText()).isEqualTo("login from a forbidden location");
        assertThat(location.at("/actor/process/file/path").asText()).isEqualTo("/usr/sbin/sshd");
        assertProduct(location, AUDITD);
        JsonNode time = line("type=ANOM_LOGIN_TIME msg=audit(1772355600.102:9302): pid=2012 uid=0 auid=4294967295"
                + " ses=4294967295 msg='op=PAM:pam_time acct=\"nightshift\" exe=\"/usr/bin/login\" hostname=?"
                + " addr=? terminal=tty2 res=failed'");
        assertLogon(time, 2, "nightshift", null);
        assertThat(time.get("status_detail").asText()).isEqualTo("login at a forbidden time");
        JsonNode sessions = line("type=ANOM_LOGIN_SESSIONS msg=audit(1772355600.103:9303): pid=2013 uid=0"
                + " auid=4294967295 ses=4294967295 msg='op=PAM:pam_limits acct=\"alice\" exe=\"/usr/sbin/sshd\""
                + " hostname=198.51.100.20 addr=198.51.100.20 terminal=ssh res=failed'");
        assertLogon(sessions, 2, "alice", "198.51.100.20");
        assertThat(sessions.get("status_detail").asText()).isEqualTo("maximum concurrent sessions reached");
        // pam_faillock: the failed login limit reached for the account of uid 1001, which it then locks
        JsonNode limit = line("type=ANOM_LOGIN_FAILURES msg=audit(1772355600.104:9304): pid=2014 uid=0"
                + " auid=4294967295 ses=4294967295 msg='op=pam_faillock suid=1001 exe=\"/usr/sbin/sshd\" hostname=?"
                + " addr=? terminal=? res=success'");
        assertLogon(limit, 2, null, null);
        assertThat(limit.at("/user/uid").asText()).isEqualTo("1001");
        assertThat(limit.get("status_detail").asText()).isEqualTo("failed login limit reached");
        JsonNode locked = line("type=RESP_ACCT_LOCK msg=audit(1772355600.104:9305): pid=2014 uid=0 auid=4294967295"
                + " ses=4294967295 msg='op=pam_faillock suid=1001 exe=\"/usr/sbin/sshd\" hostname=? addr=?"
                + " terminal=? res=success'");
        assertThat(locked.get("class_uid").asInt()).as("%s", locked).isEqualTo(3001);
        assertThat(locked.get("activity_id").asInt()).isEqualTo(9);
        assertThat(locked.at("/user/uid").asText()).isEqualTo("1001");
        // sshd's PAM transaction ended before a user was known (a client that left): a failed logon
        JsonNode badIdent = line("type=USER_ERR msg=audit(1772355600.105:9306): pid=2015 uid=0 auid=4294967295"
                + " ses=4294967295 subj=system_u:system_r:sshd_t:s0-s0:c0.c1023 msg='op=PAM:bad_ident grantors=?"
                + " acct=\"?\" exe=\"/usr/sbin/sshd\" hostname=198.51.100.7 addr=198.51.100.7 terminal=ssh"
                + " res=failed'");
        assertLogon(badIdent, 2, null, "198.51.100.7");
        assertThat(badIdent.get("status_detail").asText()).isEqualTo("PAM:bad_ident");
        // corpus (Wazuh auditd): the record type alone names the refusal
        assertLogon(line("type=ANOM_LOGIN_LOCATION msg=audit(1450770603.209:3300446): Text"), 2, null, null);
        // the credentials PAM sets after a login stay a Base Event
        assertBaseEventOf(
                line("type=CRED_ACQ msg=audit(1772355600.106:9307): pid=2016 uid=0 auid=1000 ses=7"
                        + " msg='op=PAM:setcred grantors=pam_unix acct=\"bob\" exe=\"/usr/sbin/sshd\""
                        + " hostname=203.0.113.5 addr=203.0.113.5 terminal=ssh res=success'"),
                AUDITD);
    }

    @Test
    void selinuxSwitchedToPermissiveAndPromiscuousInterfacesAreDeviceConfigStateChanges() throws Exception {
        JsonNode permissive = line("type=MAC_STATUS msg=audit(1772355700.201:9401): enforcing=0 old_enforcing=1"
                + " auid=1000 ses=3 enabled=1 old-enabled=1 lsm=selinux res=1");
        assertThat(permissive.get("class_uid").asInt()).as("%s", permissive).isEqualTo(5019);
        assertThat(permissive.get("state_id").asInt()).isEqualTo(1);
        assertThat(permissive.at("/policy/name").asText()).isEqualTo("SELinux enforcing mode");
        assertThat(permissive.at("/security_states/0/state").asText()).isEqualTo("Protection off");
        assertThat(permissive.get("severity_id").asInt()).isEqualTo(3);
        assertThat(permissive.at("/actor/user/uid").asText()).isEqualTo("1000");
        // the kernel's own form of the record (dmesg, journald) with its numeric type
        JsonNode kernel = line("<5>Mar  1 09:01:40 web01 kernel: audit: type=1404 audit(1772355700.201:9401):"
                + " enforcing=0 old_enforcing=1 auid=1000 ses=3 enabled=1 old-enabled=1 lsm=selinux res=1");
        assertThat(kernel.get("class_uid").asInt()).as("%s", kernel).isEqualTo(5019);
        assertThat(kernel.get("state_id").asInt()).isEqualTo(1);
        // corpus (Wazuh auditd): back to enforcing
        JsonNode enforcing =
                line("type=MAC_STATUS msg=audit(1336836093.835:406): enforcing=1 old_enforcing=0 auid=0 ses=2");
        assertThat(enforcing.get("class_uid").asInt()).isEqualTo(5019);
        assertThat(enforcing.get("state_id").asInt()).isEqualTo(2);
        assertThat(enforcing.at("/security_states").isMissingNode()).isTrue();
        JsonNode bool = line("type=MAC_CONFIG_CHANGE msg=audit(1772355700.202:9402): bool=httpd_can_network_connect"
                + " val=1 old_val=0 auid=0 ses=1");
        assertThat(bool.get("class_uid").asInt()).isEqualTo(5019);
        assertThat(bool.at("/policy/name").asText()).isEqualTo("httpd_can_network_connect");
        assertThat(bool.get("status_detail").asText()).isEqualTo("1");

        JsonNode sniffing = line("type=ANOM_PROMISCUOUS msg=audit(1772355700.203:9403): dev=eth0 prom=256"
                + " old_prom=0 auid=1000 uid=0 gid=0 ses=2");
        assertThat(sniffing.get("class_uid").asInt()).as("%s", sniffing).isEqualTo(5019);
        assertThat(sniffing.get("state_id").asInt()).isEqualTo(2);
        assertThat(sniffing.get("state").asText()).isEqualTo("Promiscuous mode on");
        assertThat(sniffing.at("/device/network_interfaces/0/name").asText()).isEqualTo("eth0");
        JsonNode off = line("type=ANOM_PROMISCUOUS msg=audit(1772355700.204:9404): dev=eth0 prom=0 old_prom=256"
                + " auid=1000 uid=0 gid=0 ses=2");
        assertThat(off.get("state_id").asInt()).isEqualTo(1);
        // SELinux's own errors stay Base Events
        assertBaseEventOf(
                line("type=SELINUX_ERR msg=audit(1311948547.151:138): op=security_compute_av reason=bounds"
                        + " scontext=system_u:system_r:anon_webapp_t:s0-s0:c0,c100,c200"
                        + " tcontext=system_u:object_r:security_t:s0 tclass=dir perms=ioctl,read,lock"),
                AUDITD);
    }

    @Test
    void aHelperRunFromATerminalIsARefusedLaunchAndAUserIdChangeIsSetUserId() throws Exception {
        // corpus (Wazuh auditd): pam_unix's unix_chkpwd run by hand, as a password guesser does
        JsonNode chkpwd = line("type=ANOM_EXEC msg=audit(1222174623.498:608): user pid=12965 uid=1 auid=2 ses=1"
                + " msg='op=PAM:unix_chkpwd acct=\"snap\" exe=\"/sbin/unix_chkpwd\" (hostname=?, addr=?,"
                + " terminal=pts/0 res=failed)'");
        assertThat(chkpwd.get("class_uid").asInt()).as("%s", chkpwd).isEqualTo(1007);
        assertThat(chkpwd.get("activity_id").asInt()).isEqualTo(1);
        assertStatus(chkpwd, 2);
        assertThat(chkpwd.at("/process/file/path").asText()).isEqualTo("/sbin/unix_chkpwd");
        assertThat(chkpwd.at("/actor/user/name").asText()).isEqualTo("snap");
        // corpus (Wazuh auditd): a process changed the user id it runs as
        JsonNode setuid = line("type=CHUSER_ID msg=audit(1450770603.209:3300446): Text");
        assertThat(setuid.get("class_uid").asInt()).as("%s", setuid).isEqualTo(1007);
        assertThat(setuid.get("activity_id").asInt()).isEqualTo(5);
        // a group change has no Process Activity of its own: a Base Event
        assertBaseEventOf(line("type=CHGRP_ID msg=audit(1450770603.209:3300446): Text"), AUDITD);
    }

    @Test
    void theAuditDaemonsReloadsAndRotationsAreEventLogActivity() throws Exception {
        JsonNode rotate = line("type=DAEMON_ROTATE msg=audit(1772355900.401:9601): op=rotate-logs auid=0 pid=1234"
                + " subj=unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023 res=success");
        assertThat(rotate.get("class_uid").asInt()).as("%s", rotate).isEqualTo(1008);
        assertThat(rotate.get("activity_id").asInt()).isEqualTo(5);
        assertStatus(rotate, 1);
        JsonNode reload = line("type=DAEMON_CONFIG msg=audit(1772355900.402:9602): op=reconfigure state=changed"
                + " auid=0 pid=1234 subj=unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023 res=success");
        assertThat(reload.get("class_uid").asInt()).isEqualTo(1008);
        assertThat(reload.get("activity_id").asInt()).isEqualTo(99);
        assertThat(reload.get("status_detail").asText()).isEqualTo("reconfigure");
        // corpus (Wazuh auditd): auditd 2's words, the reload failed
        JsonNode failed = line("type=DAEMON_CONFIG msg=audit(1264985324.554:4915): auditd error getting hup info"
                + " - no change, sending auid=? pid=? subj=? res=failed");
        assertThat(failed.get("class_uid").asInt()).isEqualTo(1008);
        assertStatus(failed, 2);
    }
}
