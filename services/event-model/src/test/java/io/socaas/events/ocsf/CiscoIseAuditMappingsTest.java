package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAuthentication;
import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Cisco ISE's administrative and operational audit and TACACS+ command accounting: administrators'
 * logins, configuration changes, accounts changed and commands run on network devices. Lines written
 * from ISE's syslog message format and its message catalog.
 */
class CiscoIseAuditMappingsTest {

    private static final String ISE = "Identity Services Engine";
    private static final String AUDIT = "<181>Mar  1 09:00:00 ise01 CISE_Administrative_and_Operational_Audit ";

    @Test
    void administratorsLoginsAndLogoffsAreAuthenticationWithTheAddressAndInterface() throws Exception {
        JsonNode ok = line(AUDIT + "0000100001 1 0 2026-03-01 10:00:00.101 +01:00 0000200001 51001 NOTICE"
                + " Administrator-Login: Administrator authentication succeeded, ConfigVersionId=41, AdminInterface=GUI,"
                + " AdminIPAddress=192.0.2.15, AdminSession=AdminGUI_Session, AdminName=netadmin,"
                + " OperationMessageText=Administrator authentication successful,");
        assertLogon(ok, 1, "netadmin", "192.0.2.15");
        assertThat(ok.at("/service/name").asText()).isEqualTo("GUI");
        assertThat(ok.get("status_code").asText()).isEqualTo("51001");
        assertProduct(ok, ISE);
        JsonNode wrong = line(AUDIT + "0000100002 1 0 2026-03-01 10:00:05.202 +01:00 0000200002 51021 NOTICE"
                + " Administrator-Login: Administrator authentication failed. Wrong password., ConfigVersionId=41,"
                + " AdminInterface=GUI, AdminIPAddress=203.0.113.77, AdminName=netadmin,");
        assertLogon(wrong, 2, "netadmin", "203.0.113.77");
        JsonNode unknown = line(AUDIT + "0000100003 1 0 2026-03-01 10:00:06.303 +01:00 0000200003 51020 NOTICE"
                + " Administrator-Login: Administrator authentication failed. Login username does not exist.,"
                + " ConfigVersionId=41, AdminInterface=GUI, AdminIPAddress=203.0.113.77, AdminName=INVALID,"
                + " OperationMessageText=User not found,");
        assertLogon(unknown, 2, "INVALID", "203.0.113.77");
        assertThat(unknown.get("status_detail").asText()).isEqualTo("User not found");
        JsonNode off = line(AUDIT + "0000100004 1 0 2026-03-01 10:20:00.404 +01:00 0000200004 51002 NOTICE"
                + " Administrator-Login: Administrator logged off, ConfigVersionId=41, AdminInterface=GUI,"
                + " AdminIPAddress=192.0.2.15, AdminSession=AdminGUI_Session, AdminName=netadmin,"
                + " OperationMessageText=User logged out,");
        assertAuthentication(off, 2, "netadmin", "192.0.2.15");
    }

    @Test
    void sshLoginsToTheCliHaveTheClientFromTheDaemonsLine() throws Exception {
        JsonNode failed = line(AUDIT + "0000100005 1 0 2026-03-01 10:01:00.505 +01:00 0000200005 60081 NOTICE"
                + " Administrator-Login: A SSH CLI user has attempted unsuccessfully to login, ConfigVersionId=41,"
                + " AdminInterface=CLI, OperationMessageText=Failed password for admin from 203.0.113.90 port 50122 ssh2,"
                + " AcsInstance=ise01,");
        assertLogon(failed, 2, "admin", "203.0.113.90");
        assertThat(failed.at("/src_endpoint/port").asInt()).isEqualTo(50122);
        assertThat(failed.get("auth_protocol").asText()).isEqualTo("SSH");
        JsonNode accepted = line(
                AUDIT + "0000100006 1 0 2026-03-01 10:01:30.606 +01:00 0000200006 60080 NOTICE"
                        + " Administrator-Login: A SSH CLI user has successfully logged in, ConfigVersionId=41, AdminInterface=CLI,"
                        + " OperationMessageText=Accepted password for admin from 192.0.2.15 port 50130 ssh2, AcsInstance=ise01,");
        assertLogon(accepted, 1, "admin", "192.0.2.15");
        JsonNode out = line(AUDIT + "0000100007 1 0 2026-03-01 10:09:30.707 +01:00 0000200007 60116 NOTICE"
                + " Administrator-Login: A CLI user has logged out from SSH, ConfigVersionId=41, AdminInterface=CLI,"
                + " AdminIPAddress=192.0.2.15, AdminName=admin, OperationMessageText=User 'admin' logged out from CLI SSH"
                + " session from SSH client IP: 192.0.2.15, AcsInstance=ise01,");
        assertAuthentication(out, 2, "admin", "192.0.2.15");
    }

    @Test
    void configurationChangesAreApiActivityOnTheObject() throws Exception {
        JsonNode deleted = line(AUDIT + "0000100008 1 0 2026-03-01 10:02:00.808 +01:00 0000200008 52002 NOTICE"
                + " Configuration-Changes: Deleted configuration, ConfigVersionId=42, AdminInterface=GUI,"
                + " AdminIPAddress=192.0.2.15, AdminName=netadmin, ConfigChangeData=object deleted: Name=branch-sw-7,"
                + " ObjectType=Network Device, ObjectName=branch-sw-7, Component=Administration,");
        assertThat(deleted.get("class_uid").asInt()).as("class of %s", deleted).isEqualTo(6003);
        assertThat(deleted.get("activity_id").asInt()).isEqualTo(4);
        assertThat(deleted.at("/actor/user/name").asText()).isEqualTo("netadmin");
        assertThat(deleted.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.15");
        assertThat(deleted.at("/resources/0/type").asText()).isEqualTo("Network Device");
        assertThat(deleted.at("/resources/0/name").asText()).isEqualTo("branch-sw-7");
        JsonNode changed = line(AUDIT + "0000100009 1 0 2026-03-01 10:02:30.909 +01:00 0000200009 52001 NOTICE"
                + " Configuration-Changes: Changed configuration, ConfigVersionId=43, FailureFlag=false,"
                + " RequestResponseType=initial, AdminInterface=GUI, AdminIPAddress=192.0.2.15, AdminName=netadmin,"
                + " ObjectType=Authorization Profile, ObjectName=Guest-Access,");
        assertThat(changed.get("activity_id").asInt()).isEqualTo(3);
        assertThat(changed.get("status_id").asInt()).isEqualTo(1);
    }

    @Test
    void accountsDisabledOrAddedAreAccountChange() throws Exception {
        JsonNode disabled = line(AUDIT + "0000100010 1 0 2026-03-01 00:01:00.010 +01:00 0000200010 60461 NOTICE"
                + " System-Management: Account disabled due to user level date expiry, ConfigVersionId=44,"
                + " AdminInterface=Internal, AdminIPAddress=192.0.2.2, AdminName=internal-sys-user,"
                + " OperationMessageText=Account contractor7 is disabled, AcsInstance=ise01,");
        assertThat(disabled.get("class_uid").asInt())
                .as("class of %s", disabled)
                .isEqualTo(3001);
        assertThat(disabled.get("activity_id").asInt()).isEqualTo(5);
        assertThat(disabled.at("/user/name").asText()).isEqualTo("contractor7");
        JsonNode added = line(AUDIT + "0000100011 1 0 2026-03-01 10:03:00.111 +01:00 0000200011 60084 NOTICE"
                + " System-Management: ADEOS CLI user configuration change, ConfigVersionId=44, AdminInterface=CLI,"
                + " AdminIPAddress=192.0.2.15, AdminName=admin, OperationMessageText=Added user backupop with role: Admin"
                + " state: Enabled successfully, AcsInstance=ise01,");
        assertThat(added.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(added.get("activity_id").asInt()).isEqualTo(1);
        assertThat(added.at("/user/name").asText()).isEqualTo("backupop");
        assertThat(added.at("/actor/user/name").asText()).isEqualTo("admin");
    }

    @Test
    void tacacsCommandAccountingIsApiActivityWithTheCommandAndSessionAccountingStaysBase() throws Exception {
        JsonNode command = line("<182>Mar  1 09:04:00 ise01 CISE_TACACS_Accounting 0000100012 1 0 2026-03-01"
                + " 10:04:00.212 +01:00 0000200012 3300 NOTICE Tacacs-Accounting: TACACS+ Accounting with Command,"
                + " ConfigVersionId=44, Device IP Address=192.0.2.61, CmdSet=[ CmdAV=configure terminal <cr> ],"
                + " NetworkDeviceName=core-sw-1, Type=Accounting, Privilege-Level=15, Service=Login, User=netadmin,"
                + " Port=tty2, Remote-Address=192.0.2.15, Authen-Method=TacacsPlus, AcctRequest-Flags=Stop,");
        assertThat(command.get("class_uid").asInt()).as("class of %s", command).isEqualTo(6003);
        assertThat(command.at("/api/operation").asText()).isEqualTo("configure terminal");
        assertThat(command.at("/actor/user/name").asText()).isEqualTo("netadmin");
        assertThat(command.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.15");
        assertThat(command.at("/dst_endpoint/ip").asText()).isEqualTo("192.0.2.61");
        assertThat(command.at("/dst_endpoint/name").asText()).isEqualTo("core-sw-1");
        assertBaseEventOf(
                line("<182>Mar  1 09:05:00 ise01 CISE_TACACS_Accounting 0000100013 1 0 2026-03-01 10:05:00.313 +01:00"
                        + " 0000200013 3301 NOTICE Tacacs-Accounting: TACACS+ Accounting START, ConfigVersionId=44,"
                        + " Device IP Address=192.0.2.61, User=netadmin, Remote-Address=192.0.2.15,"),
                ISE);
    }
}
