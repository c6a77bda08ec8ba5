package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Fortinet FortiManager's event logs: administrators' logins and changes. Lines written from
 * FortiManager's documented key=value log format.
 */
class FortiManagerMappingsTest {

    private static final String PRODUCT = "FortiManager";
    private static final String HEAD =
            "<134>date=2026-03-01 time=09:15:00 tz=\"+0100\" devname=fmg-hq device_id=FMG-VM0000000001";

    @Test
    void administratorsLoginsAndLogouts() throws Exception {
        JsonNode login = line(HEAD + " log_id=0001010018 type=event subtype=system pri=information"
                + " desc=\"User login/logout successful\" user=\"netadmin\" userfrom=\"GUI(198.51.100.23)\""
                + " msg=\"user 'netadmin' with profile 'Super_User' login accepted from GUI(198.51.100.23)\""
                + " adom=\"\" session_id=2044 operation=\"login\" performed_on=\"GUI(198.51.100.23)\"");
        assertProduct(login, PRODUCT);
        assertLogon(login, 1, "netadmin", "198.51.100.23");
        assertThat(login.at("/service/name").asText()).isEqualTo("GUI");
        assertThat(login.at("/session/uid").asText()).isEqualTo("2044");
        assertThat(login.at("/device/uid").asText()).isEqualTo("FMG-VM0000000001");
        assertThat(login.get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T08:15:00Z").toEpochMilli());

        JsonNode refused = line(HEAD + " log_id=0001010019 type=event subtype=system pri=warning"
                + " desc=\"User login/logout failed\" user=\"netadmin\" userfrom=\"ssh(198.51.100.24)\""
                + " msg=\"user 'netadmin' login failed from ssh(198.51.100.24)\" operation=\"login\"");
        assertLogon(refused, 2, "netadmin", "198.51.100.24");

        JsonNode logout = line(HEAD + " log_id=0001010018 type=event subtype=system pri=information"
                + " desc=\"User login/logout successful\" user=\"netadmin\" userfrom=\"GUI(198.51.100.23)\""
                + " msg=\"user 'netadmin' logout from GUI(198.51.100.23)\" session_id=2044 operation=\"logout\"");
        assertThat(logout.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(logout.get("activity_id").asInt()).isEqualTo(2);
    }

    @Test
    void loginsWrittenWithoutAnOperation() throws Exception {
        // FortiManager and FortiAnalyzer also write logins with the device in device_id and no operation=
        JsonNode sshFailed = line("<129>date=2026-03-01 time=03:40:00 tz=\"+0100\" devname=fmg-hq"
                + " device_id=FMG-VM0000000001 log_id=0001010014 type=event subtype=system pri=alert"
                + " desc=\"User login from SSH failed\" user=\"backup-op\""
                + " msg=\"Login from ssh: Failed for backup-op from 203.0.113.77 port 50122\""
                + " remote_ip=\"203.0.113.77\" remote_port=50122 valid=1 authmsg=\"Failed\" extrainfo=\"\"");
        assertProduct(sshFailed, PRODUCT);
        assertLogon(sshFailed, 2, "backup-op", "203.0.113.77");
        assertThat(sshFailed.at("/src_endpoint/port").asInt()).isEqualTo(50122);
        assertThat(sshFailed.at("/service/name").asText()).isEqualTo("SSH");
        assertThat(sshFailed.get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T02:40:00Z").toEpochMilli());

        JsonNode accepted = line("<134>date=2026-03-01 time=09:30:00 tz=\"+0100\" devname=fmg-hq"
                + " device_id=FMG-VM0000000001 log_id=0001010018 type=event subtype=system pri=information"
                + " desc=\"User login/logout successful\" user=\"api-sync\" userfrom=\"JSON(198.51.100.41)\""
                + " msg=\"user 'api-sync' with profile 'Restricted_User' login accepted from JSON(198.51.100.41)\""
                + " session_id=3055 adminprof=\"Restricted_User\"");
        assertLogon(accepted, 1, "api-sync", "198.51.100.41");
        assertThat(accepted.at("/service/name").asText()).isEqualTo("JSON");
        assertThat(accepted.at("/session/uid").asText()).isEqualTo("3055");

        JsonNode logout = line("<134>date=2026-03-01 time=09:31:00 tz=\"+0100\" devname=fmg-hq"
                + " device_id=FMG-VM0000000001 log_id=0001010018 type=event subtype=system pri=information"
                + " desc=\"User login/logout successful\" user=\"api-sync\""
                + " msg=\"user 'api-sync' logout from JSON(198.51.100.41)\" session_id=3055");
        assertThat(logout.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(logout.get("activity_id").asInt()).isEqualTo(2);
        assertThat(logout.at("/user/name").asText()).isEqualTo("api-sync");
        assertThat(logout.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.41");

        // the same header with a system message that is no login stays a Base Event
        assertBaseEventOf(
                line("<134>date=2026-03-01 time=09:32:00 tz=\"+0100\" devname=fmg-hq device_id=FMG-VM0000000001"
                        + " log_id=0001010030 type=event subtype=system pri=information"
                        + " desc=\"Login banner changed\" user=\"api-sync\""
                        + " msg=\"user 'api-sync' changed the login banner\" session_id=3055"),
                PRODUCT);
    }

    @Test
    void administratorsChangesAreApiActivity() throws Exception {
        JsonNode added = line("<134>date=2026-03-01 time=09:20:00 tz=\"+0100\" itime=1772353200"
                + " log_id=\"0021030002\" subtype=\"objcfg\" type=\"event\" level=\"notice\" adom=\"root\""
                + " user=\"netadmin\" userfrom=\"GUI(198.51.100.23)\" desc=\"cdb event log for object changed\""
                + " session_id=2044 operation=\"add\" performed_on=\"dev=global,adom=root\""
                + " changes=\"type=fw_address,key=web-dmz,subnet=192.0.2.80/32\" devid=\"FMG-VM0000000001\""
                + " devname=\"fmg-hq\"");
        assertProduct(added, PRODUCT);
        assertThat(added.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(added.get("activity_id").asInt()).isEqualTo(1);
        assertThat(added.at("/actor/user/name").asText()).isEqualTo("netadmin");
        assertThat(added.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.23");
        assertThat(added.at("/api/operation").asText()).isEqualTo("add");
        assertThat(added.at("/resources/0/name").asText()).isEqualTo("dev=global,adom=root");
        assertThat(added.get("message").asText()).isEqualTo("type=fw_address,key=web-dmz,subnet=192.0.2.80/32");
    }

    @Test
    void otherEventsAreBaseEventsAndOtherFortinetLinesAreNotClaimed() throws Exception {
        assertBaseEventOf(
                line(HEAD + " log_id=0002011003 type=event subtype=fgfm pri=warning desc=\"fgfm connection down\""
                        + " msg=\"fgfm connection to device FGT60F0000000001 is down\" user=\"fgfm\""),
                PRODUCT);
        assertThat(line("<134>date=2026-03-01 time=09:25:00 devname=fw01 devid=FGT60F0000000001"
                                + " logid=0100032001 type=event subtype=system level=information vd=root"
                                + " user=admin ui=https(198.51.100.23) action=login status=success")
                        .at("/metadata/product/name")
                        .asText())
                .isNotEqualTo(PRODUCT);
    }
}
