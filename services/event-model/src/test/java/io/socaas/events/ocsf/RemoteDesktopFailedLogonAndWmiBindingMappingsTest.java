package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Remote Desktop's failed logons and accepted connections (RdpCoreTS 140, 131) and WMI's permanent
 * event consumer bindings (WMI-Activity 5861) reach their OCSF classes in the shapes Windows events
 * arrive in: flat (NXLog), evtx dump, Winlogbeat and Wazuh. Events are written after the documented
 * formats (Windows' message texts and event data, Winlogbeat's and Wazuh's field layouts).
 */
class RemoteDesktopFailedLogonAndWmiBindingMappingsTest {

    private static final String RDP = "Microsoft-Windows-RemoteDesktopServices-RdpCoreTS/Operational";
    private static final String WMI = "Microsoft-Windows-WMI-Activity/Operational";

    private static void assertClass(JsonNode r, int classUid, int activityId, String activityName) {
        assertThat(r.get("class_uid").asInt()).as(r.toString()).isEqualTo(classUid);
        assertThat(r.get("activity_id").asInt()).as(r.toString()).isEqualTo(activityId);
        assertThat(r.get("activity_name").asText()).isEqualTo(activityName);
    }

    private static void assertFailedRdpLogon(JsonNode r, String clientIp, String host) {
        assertClass(r, 3002, 1, "Logon");
        assertThat(r.get("status_id").asInt()).as(r.toString()).isEqualTo(2);
        assertThat(r.get("is_remote").asBoolean()).isTrue();
        assertThat(r.get("auth_protocol").asText()).isEqualTo("RDP");
        assertThat(r.at("/src_endpoint/ip").asText()).as(r.toString()).isEqualTo(clientIp);
        assertThat(r.at("/device/hostname").asText()).isEqualTo(host);
        assertThat(r.at("/dst_endpoint/hostname").asText()).isEqualTo(host);
    }

    @Test
    void aWrongUserNameOrPasswordOverRemoteDesktopIsAFailedLogonFromTheClientInEveryShape() throws Exception {
        JsonNode evtx = json("""
                {"Event":{"System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-RemoteDesktopServices-RdpCoreTS"}},"EventID":140,
                 "TimeCreated":{"#attributes":{"SystemTime":"2026-03-02T04:12:09.331Z"}},"Channel":"%s","Computer":"JUMP02.corp.example"},
                 "EventData":{"IPString":"198.51.100.77"}}}""".formatted(RDP));
        assertFailedRdpLogon(evtx, "198.51.100.77", "JUMP02.corp.example");
        assertThat(evtx.get("time").asLong()).isEqualTo(MappedRecords.epochMillis("2026-03-02T04:12:09.331Z"));

        JsonNode winlogbeat = json("""
                {"@timestamp":"2026-03-02T04:12:10.002Z","winlog":{"channel":"%s","event_id":"140",
                 "computer_name":"JUMP02.corp.example","event_data":{"IPString":"2001:db8:41::19"}},
                 "message":"A connection from the client computer with an IP address of 2001:db8:41::19 failed because the user name or password is not correct."}""".formatted(RDP));
        assertFailedRdpLogon(winlogbeat, "2001:db8:41::19", "JUMP02.corp.example");

        // Wazuh lower-cases the first letter of the data's names
        JsonNode wazuh = json("""
                {"win":{"system":{"providerName":"Microsoft-Windows-RemoteDesktopServices-RdpCoreTS","eventID":"140",
                  "channel":"%s","computer":"TS07.corp.example","systemTime":"2026-03-02T04:13:00.120Z"},
                 "eventdata":{"iPString":"203.0.113.201"}}}""".formatted(RDP));
        assertFailedRdpLogon(wazuh, "203.0.113.201", "TS07.corp.example");

        // a flat record with only the rendered message: the address read from it
        JsonNode nxlog = json("""
                {"Channel":"%s","EventID":140,"Hostname":"TS07.corp.example","EventTime":"2026-03-02 04:14:21",
                 "Message":"A connection from the client computer with an IP address of 192.0.2.150 failed because the user name or password is not correct."}""".formatted(RDP));
        assertFailedRdpLogon(nxlog, "192.0.2.150", "TS07.corp.example");

        // without an address it is still a failed Remote Desktop logon at the device
        JsonNode bare = json("""
                {"Channel":"%s","EventID":140,"Hostname":"TS07.corp.example"}""".formatted(RDP));
        assertClass(bare, 3002, 1, "Logon");
        assertThat(bare.get("status_id").asInt()).isEqualTo(2);
        assertThat(bare.has("src_endpoint")).isFalse();
    }

    @Test
    void anAcceptedRemoteDesktopConnectionKeepsTheClientsAddressAndPortFromTheMessage() throws Exception {
        JsonNode accepted = json("""
                {"Channel":"%s","EventID":131,"Hostname":"TS07.corp.example",
                 "Message":"The server accepted a new TCP connection from client 10.20.30.41:61544."}""".formatted(RDP));
        assertClass(accepted, 4005, 3, "Connect Request");
        assertThat(accepted.at("/src_endpoint/ip").asText()).isEqualTo("10.20.30.41");
        assertThat(accepted.at("/src_endpoint/port").asInt()).isEqualTo(61544);
        assertThat(accepted.at("/connection_info/protocol_name").asText()).isEqualTo("TCP");
        JsonNode accepted6 = json("""
                {"Channel":"%s","EventID":131,"Hostname":"TS07.corp.example",
                 "Message":"The server accepted a new UDP connection from client [2001:db8:9::4]:3390."}""".formatted(RDP));
        assertThat(accepted6.at("/src_endpoint/ip").asText()).isEqualTo("2001:db8:9::4");
        assertThat(accepted6.at("/src_endpoint/port").asInt()).isEqualTo(3390);
    }

    /** PossibleCause as Windows writes it for a command line consumer bound to a filter. */
    private static final String CAUSE = "Binding EventFilter: \n"
            + "instance of __EventFilter\n{\n\tCreatorSID = {1, 5, 0, 0, 0, 0, 0, 5, 32, 0, 0, 0, 32, 2, 0, 0};\n"
            + "\tEventNamespace = \"root\\\\cimv2\";\n\tName = \"NightlySync\";\n"
            + "\tQuery = \"SELECT * FROM __InstanceModificationEvent WITHIN 60 WHERE TargetInstance ISA 'Win32_PerfFormattedData_PerfOS_System'\";\n"
            + "\tQueryLanguage = \"WQL\";\n};\nPerm. Consumer: \n"
            + "instance of CommandLineEventConsumer\n{\n"
            + "\tCommandLineTemplate = \"C:\\\\Users\\\\Public\\\\sync.exe -silent\";\n"
            + "\tCreatorSID = {1, 5, 0, 0, 0, 0, 0, 5, 32, 0, 0, 0, 32, 2, 0, 0};\n\tName = \"NightlySyncRun\";\n};\n";

    private static String quoted(String text) throws Exception {
        return MappedRecords.JSON.writeValueAsString(text);
    }

    @Test
    void aPermanentWmiConsumerBoundToAFilterIsEntityManagementOfTheBindingWithWhatItRuns() throws Exception {
        JsonNode evtx = json("""
                {"Event":{"System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-WMI-Activity"}},"EventID":5861,
                 "TimeCreated":{"#attributes":{"SystemTime":"2026-03-02T05:40:18.907Z"}},"Channel":"%s","Computer":"APP11.corp.example"},
                 "UserData":{"Operation_ESStoConsumerBinding":{"Namespace":"//./root/subscription","ESS":"NightlySync",
                  "CONSUMER":"CommandLineEventConsumer=\\"NightlySyncRun\\"","PossibleCause":%s}}}}""".formatted(WMI, quoted(CAUSE)));
        JsonNode nxlog = json("""
                {"Channel":"%s","EventID":5861,"Hostname":"APP11.corp.example","EventTime":"2026-03-02 05:40:18",
                 "Message":%s}""".formatted(
                WMI,
                quoted(
                        "Namespace = //./root/subscription; Eventfilter = NightlySync (refer to its activate eventid:5859); "
                                + "Consumer = CommandLineEventConsumer=\"NightlySyncRun\"; PossibleCause = " + CAUSE)));
        for (JsonNode r : List.of(evtx, nxlog)) {
            assertClass(r, 3004, 1, "Create");
            assertThat(r.at("/entity/type").asText()).isEqualTo("WMI filter to consumer binding");
            assertThat(r.at("/entity/name").asText())
                    .as(r.toString())
                    .isEqualTo("CommandLineEventConsumer=\"NightlySyncRun\"");
            assertThat(r.at("/entity/data").asText())
                    .contains("CommandLineTemplate = \"C:\\\\Users\\\\Public\\\\sync.exe -silent\"")
                    .contains("Win32_PerfFormattedData_PerfOS_System");
            assertThat(r.at("/device/hostname").asText()).isEqualTo("APP11.corp.example");
        }
        assertThat(evtx.at("/unmapped/Event/UserData/Operation_ESStoConsumerBinding/ESS")
                        .asText())
                .isEqualTo("NightlySync");
        assertThat(evtx.at("/unmapped/Event/UserData/Operation_ESStoConsumerBinding/Namespace")
                        .asText())
                .isEqualTo("//./root/subscription");

        // without its details it is still the binding of a consumer
        JsonNode bare = json("""
                {"Channel":"%s","EventID":5861,"Hostname":"APP11.corp.example","Message":"Namensraum = //./root/subscription"}""".formatted(WMI));
        assertClass(bare, 3004, 1, "Create");
        assertThat(bare.at("/entity/type").asText()).isEqualTo("WMI filter to consumer binding");
    }
}
