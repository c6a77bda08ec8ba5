package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * auditd records of a process the kernel killed on a signal (ANOM_ABEND: Process Activity Terminate
 * with the process, its user and the signal) and of a login PAM's account stage refused (USER_ACCT
 * failed: a failed logon). Lines written from the records' fields as the kernel's audit_core_dumps
 * and libpam's audit records write them; a passed account stage is a successful logon.
 */
class AuditdAbnormalEndMappingsTest {

    @Test
    void aProcessKilledOnASignalIsProcessTerminateWithTheSignal() throws Exception {
        JsonNode crash = line("type=ANOM_ABEND msg=audit(1772355600.120:8811): auid=1000 uid=33 gid=33 ses=4"
                + " subj=unconfined pid=21877 comm=\"php-fpm8.2\" exe=\"/usr/sbin/php-fpm8.2\" sig=11 res=1");
        assertThat(crash.get("class_uid").asInt()).as("class of %s", crash).isEqualTo(1007);
        assertThat(crash.get("activity_id").asInt()).isEqualTo(2);
        assertThat(crash.at("/process/name").asText()).isEqualTo("php-fpm8.2");
        assertThat(crash.at("/process/file/path").asText()).isEqualTo("/usr/sbin/php-fpm8.2");
        assertThat(crash.at("/process/pid").asInt()).isEqualTo(21877);
        assertThat(crash.at("/process/user/uid").asText()).isEqualTo("33");
        assertThat(crash.get("status_code").asText()).isEqualTo("11");
        assertProduct(crash, "auditd");
    }

    @Test
    void aLoginRefusedByPamsAccountStageIsAFailedLogon() throws Exception {
        JsonNode refused = line("type=USER_ACCT msg=audit(1772355700.301:9120): pid=3310 uid=0 auid=4294967295"
                + " ses=4294967295 subj=system_u:system_r:sshd_t:s0-s0:c0.c1023 msg='op=PAM:accounting grantors=?"
                + " acct=\"contractor7\" exe=\"/usr/sbin/sshd\" hostname=203.0.113.61 addr=203.0.113.61 terminal=ssh"
                + " res=failed'");
        assertLogon(refused, 2, "contractor7", "203.0.113.61");
        assertThat(refused.at("/actor/process/file/path").asText()).isEqualTo("/usr/sbin/sshd");
        // the account stage passed: a successful logon, the account check's outcome as status
        JsonNode passed = line("type=USER_ACCT msg=audit(1772355700.299:9119): pid=3310 uid=0 auid=4294967295"
                + " ses=4294967295 msg='op=PAM:accounting grantors=pam_unix acct=\"deploy\" exe=\"/usr/sbin/sshd\""
                + " hostname=192.0.2.7 addr=192.0.2.7 terminal=ssh res=success'");
        assertLogon(passed, 1, "deploy", "192.0.2.7");
        assertThat(passed.get("status_detail").asText()).isEqualTo("account check passed");
        // an unset login id or session (4294967295) is no value
        assertThat(passed.at("/session/uid").isMissingNode()).as("%s", passed).isTrue();
        assertThat(passed.at("/actor/user/uid").isMissingNode()).isTrue();
        // su's account check on a terminal: the switching user is the actor, no client address
        JsonNode su = line("node=db3.example.com type=USER_ACCT msg=audit(1772355801.020:9201): pid=4120 uid=1001"
                + " auid=1001 ses=7 msg='op=PAM:accounting grantors=pam_unix acct=\"postgres\" exe=\"/usr/bin/su\""
                + " hostname=? addr=? terminal=pts/1 res=success'");
        assertThat(su.get("class_uid").asInt()).as("%s", su).isEqualTo(3002);
        assertThat(su.get("status_id").asInt()).isEqualTo(1);
        assertThat(su.at("/user/name").asText()).isEqualTo("postgres");
        assertThat(su.at("/actor/user/uid").asText()).isEqualTo("1001");
        assertThat(su.at("/session/uid").asText()).isEqualTo("7");
        assertThat(su.at("/src_endpoint").isMissingNode()).as("%s", su).isTrue();
        // the credentials PAM sets after the account check stay a Base Event
        assertBaseEventOf(
                line("type=CRED_ACQ msg=audit(1772355801.021:9202): pid=4120 uid=1001 auid=1001 ses=7"
                        + " msg='op=PAM:setcred grantors=pam_unix acct=\"postgres\" exe=\"/usr/bin/su\""
                        + " hostname=? addr=? terminal=pts/1 res=success'"),
                "auditd");
    }
}
