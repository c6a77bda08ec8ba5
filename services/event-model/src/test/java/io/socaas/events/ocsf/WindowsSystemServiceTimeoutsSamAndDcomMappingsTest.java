package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAllowed;
import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertStatus;
import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * System log events that a specific OCSF class describes: remote calls to the SAM database that
 * RestrictRemoteSAM would deny or denied (16968, 16965) and DCOM activations on a remote computer that
 * could not reach it (10028). Each is checked both ways: the SAM throttling summary (16969), DCOM's
 * server registration timeout (10010) and the service timeouts (7009, 7011) stay Base Events. The 7009,
 * 16968 and 10028 are OTRF Security-Datasets' (aptsimulator_cobaltstrike,
 * empire_shell_net_local_users, covenant_dcom_executeexcel4macro_blocked: NXLog's and a flat shape),
 * shortened, with other names and addresses; 7011, 16965, 16969 and 10010 follow their messages as Windows writes them.
 */
class WindowsSystemServiceTimeoutsSamAndDcomMappingsTest {

    /** A flat System event as NXLog sends it, with the rendered message and the given data. */
    private static String nxlog(int eventId, String source, String message, String data) throws Exception {
        return """
                {"EventTime":"2026-02-28 19:27:02","Hostname":"DC01.corp.example","Channel":"System","EventID":%d,
                 "SourceName":"%s","Message":%s%s}""".formatted(eventId, source, MappedRecords.JSON.writeValueAsString(message), data);
    }

    @Test
    void serviceTimeoutsStayBaseEvents() throws Exception {
        // a started service that did not connect in time (7009) is followed by the 7000 that states the failed start,
        // and a running service slow to answer a control request (7011) is no activity: both stay Base Events
        assertBaseEventOf(
                json(nxlog(
                        7009,
                        "Service Control Manager",
                        "A timeout was reached (30000 milliseconds) while waiting for the tbbd05 service to connect.",
                        ",\"param1\":\"30000\",\"param2\":\"tbbd05\"")),
                "Windows");
        assertBaseEventOf(
                json(nxlog(
                        7011,
                        "Service Control Manager",
                        "A timeout (30000 milliseconds) was reached while waiting for a transaction response from the WSearch service.",
                        ",\"param1\":\"30000\",\"param2\":\"WSearch\"")),
                "Windows");
    }

    @Test
    void aRemoteSamCallRestrictRemoteSamWouldDenyIsApiActivityOfTheClient() throws Exception {
        JsonNode audited = json(
                nxlog(
                        16968,
                        "Microsoft-Windows-Directory-Services-SAM",
                        """
                Audit only mode is currently enabled for remote calls to the SAM database.\r
                The following client would have been normally denied access:\r
                Client SID: S-1-5-21-4228717743-1032521047-1810997296-1113 from network address: 172.18.39.6. \r
                For more information please see http://go.microsoft.com/fwlink/?LinkId=787651.""",
                        ",\"Client SID:\":\"S-1-5-21-4228717743-1032521047-1810997296-1113\",\"Client Network Address:\":\"172.18.39.6\""));
        assertClass(audited, 6003, 99);
        assertAllowed(audited);
        assertStatus(audited, 1);
        assertThat(audited.at("/api/service/name").asText()).isEqualTo("SAMR");
        assertThat(audited.at("/actor/user/uid").asText()).isEqualTo("S-1-5-21-4228717743-1032521047-1810997296-1113");
        assertThat(audited.at("/src_endpoint/ip").asText()).isEqualTo("172.18.39.6");
        assertThat(audited.at("/dst_endpoint/hostname").asText()).isEqualTo("DC01.corp.example");
        JsonNode denied = json(nxlog(16965, "Microsoft-Windows-Directory-Services-SAM", """
                A remote call to the SAM database has been denied.\r
                \r
                Client SID: S-1-5-21-4228717743-1032521047-1810997296-1113\r
                Network address: 172.18.39.6""", ""));
        assertClass(denied, 6003, 99);
        assertDenied(denied);
        assertStatus(denied, 2);
        assertThat(denied.at("/src_endpoint/ip").asText()).isEqualTo("172.18.39.6");
        // the throttling summary names no caller
        assertBaseEventOf(
                json(nxlog(
                        16969,
                        "Microsoft-Windows-Directory-Services-SAM",
                        "4 remote calls to the SAM database have been denied in the past 900 seconds throttling window.",
                        "")),
                "Windows");
    }

    @Test
    void aDcomActivationThatCouldNotReachTheRemoteComputerIsAFailedApiCall() throws Exception {
        JsonNode unreachable = json(nxlog(
                10028,
                "Microsoft-Windows-DistributedCOM",
                "DCOM was unable to communicate with the computer 172.18.39.6 using any of the configured protocols; requested by PID     1ce8 "
                        + "(C:\\Users\\pgustavo\\Desktop\\MoveExcel4.exe), while activating CLSID {00024500-0000-0000-C000-000000000046}.",
                ",\"param1\":\"172.18.39.6\",\"param2\":\"    1ce8\",\"param3\":\"C:\\\\Users\\\\pgustavo\\\\Desktop\\\\MoveExcel4.exe\","
                        + "\"param4\":\"{00024500-0000-0000-C000-000000000046}\""));
        assertClass(unreachable, 6003, 99);
        assertStatus(unreachable, 2);
        assertThat(unreachable.at("/api/operation").asText()).isEqualTo("Activation");
        assertThat(unreachable.at("/resources/0/uid").asText()).isEqualTo("{00024500-0000-0000-C000-000000000046}");
        assertThat(unreachable.at("/actor/process/file/path").asText())
                .isEqualTo("C:\\Users\\pgustavo\\Desktop\\MoveExcel4.exe");
        assertThat(unreachable.at("/dst_endpoint/ip").asText()).isEqualTo("172.18.39.6");
        JsonNode byName = json(
                nxlog(
                        10028,
                        "Microsoft-Windows-DistributedCOM",
                        "DCOM was unable to communicate with the computer FS02.corp.example ...",
                        ",\"param1\":\"FS02.corp.example\",\"param2\":\"    2a0\",\"param3\":\"C:\\\\Windows\\\\System32\\\\mmc.exe\",\"param4\":\"{49B2791A-B1AE-4C90-9B8E-E860BA07F889}\""));
        assertThat(byName.at("/dst_endpoint/hostname").asText()).isEqualTo("FS02.corp.example");
        assertThat(byName.at("/dst_endpoint/ip").isMissingNode()).isTrue();
        // a COM server that did not register in time names no remote computer
        assertBaseEventOf(
                json(nxlog(
                        10010,
                        "Microsoft-Windows-DistributedCOM",
                        "The server {1B1F472E-3221-4826-97DB-2C2324D389AE} did not register with DCOM within the required timeout.",
                        ",\"param1\":\"{1B1F472E-3221-4826-97DB-2C2324D389AE}\"")),
                "Windows");
    }
}
