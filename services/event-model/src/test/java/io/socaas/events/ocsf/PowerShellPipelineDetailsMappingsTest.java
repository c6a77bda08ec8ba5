package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.json;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Windows PowerShell log's pipeline execution details (800) are Script Activity in every shape
 * Windows events arrive in, and carry {@code Data} as the event's data strings hold it: the context
 * block ({@code DetailSequence=...}, {@code HostApplication=...}, {@code CommandLine=...}) and the
 * pipeline's details ({@code CommandInvocation(...)}, {@code ParameterBinding(...)}), also where the
 * shape holds them only in the rendered message (NXLog, Snare, Winlogbeat) or Winlogbeat's third data
 * string. Events are written after the message text Windows PowerShell documents for event 800
 * ("Pipeline execution details for command line: %1 / Context Information: %2 / Details: %3") and the
 * shippers' documented layouts.
 */
class PowerShellPipelineDetailsMappingsTest {

    private static final String COMMAND_LINE =
            "Invoke-WebRequest -Uri http://198.51.100.23/tools/agent.zip -OutFile C:\\Users\\Public\\agent.zip";

    /** The context block (the event's second data string), lines separated by {@code eol}. */
    private static String context(String eol) {
        return "\tDetailSequence=1" + eol + "\tDetailTotal=1" + eol + eol
                + "\tSequenceNumber=31" + eol + eol
                + "\tUserId=CORP\\tvargas" + eol
                + "\tHostName=ConsoleHost" + eol
                + "\tHostVersion=5.1.19041.4522" + eol
                + "\tHostId=7d2c9a41-0e5b-4f38-b6a7-19c4e8d03f25" + eol
                + "\tHostApplication=C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" + eol
                + "\tEngineVersion=5.1.19041.4522" + eol
                + "\tRunspaceId=e5a01c7b-3d92-4a6f-8e14-c2b7f9d06a38" + eol
                + "\tPipelineId=4" + eol
                + "\tScriptName=" + eol
                + "\tCommandLine=" + COMMAND_LINE;
    }

    /** The pipeline's details (the event's third data string). */
    private static String details(String eol) {
        return "CommandInvocation(Invoke-WebRequest): \"Invoke-WebRequest\"" + eol
                + "ParameterBinding(Invoke-WebRequest): name=\"Uri\"; value=\"http://198.51.100.23/tools/agent.zip\""
                + eol
                + "ParameterBinding(Invoke-WebRequest): name=\"OutFile\"; value=\"C:\\Users\\Public\\agent.zip\"" + eol;
    }

    private static String message(String eol) {
        return "Pipeline execution details for command line: " + COMMAND_LINE + " . " + eol + eol
                + "Context Information: " + eol + context(eol) + eol + eol + "Details: " + eol + details(eol);
    }

    private static String quoted(String text) {
        try {
            return MappedRecords.JSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertPipeline(JsonNode r) {
        assertThat(r.get("class_uid").asInt()).as(r.toString()).isEqualTo(1009);
        assertThat(r.get("activity_id").asInt()).isEqualTo(1);
        assertThat(r.at("/script/type").asText()).isEqualTo("PowerShell");
        assertThat(r.at("/metadata/log_name").asText()).isEqualTo("Windows PowerShell");
    }

    @Test
    void aPipelinesContextAndDetailsAreKeptAsDataWhereOnlyTheMessageHoldsThem() throws Exception {
        JsonNode nxlog = json("""
                {"EventTime":"2026-03-02 11:20:37","Hostname":"ENG-WS31.corp.example","EventID":800,
                 "Channel":"Windows PowerShell","SourceName":"PowerShell","Category":"Pipeline Execution Details",
                 "Message":%s}""".formatted(quoted(message("\r\n"))));
        JsonNode winlogbeat = json("""
                {"@timestamp":"2026-03-02T11:20:37.845Z","message":%s,
                 "winlog":{"channel":"Windows PowerShell","event_id":"800","provider_name":"PowerShell",
                  "computer_name":"ENG-WS31.corp.example","record_id":12094,"task":"Pipeline Execution Details",
                  "event_data":{"param1":%s,"param2":%s,"param3":%s}}}""".formatted(
                        quoted(message("\n")), quoted(COMMAND_LINE), quoted(context("\n")), quoted(details("\n"))));
        for (JsonNode r : List.of(nxlog, winlogbeat)) {
            assertPipeline(r);
            assertThat(r.at("/device/hostname").asText()).isEqualTo("ENG-WS31.corp.example");
            assertThat(r.at("/unmapped/Data").asText())
                    .startsWith("DetailSequence=1")
                    .contains("HostApplication=C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe")
                    .contains("CommandLine=" + COMMAND_LINE)
                    .contains(
                            "ParameterBinding(Invoke-WebRequest): name=\"Uri\"; value=\"http://198.51.100.23/tools/agent.zip\"");
        }

        // Winlogbeat without the rendered message: the pipeline's details of the third data string
        JsonNode bare = json("""
                {"winlog":{"channel":"Windows PowerShell","event_id":"800","computer_name":"ENG-WS31",
                 "event_data":{"param1":%s,"param2":%s,"param3":%s}}}""".formatted(quoted(COMMAND_LINE), quoted(context("\n")), quoted(details("\n"))));
        assertPipeline(bare);
        assertThat(bare.at("/unmapped/Data").asText()).isEqualTo(details("\n"));

        // Snare writes the message on one line, its line breaks and tabs as spaces
        JsonNode snare = line("<14>Mar  2 11:20:37 ENG-WS31 MSWinEventLog\t1\tWindows PowerShell\t6120\t"
                + "Mon Mar 02 11:20:37 2026\t800\tPowerShell\tN/A\tN/A\tInformation\tENG-WS31.corp.example\t"
                + "Pipeline Execution Details\t\t" + message("  ").replace("\t", " ") + "\t52");
        assertPipeline(snare);
        assertThat(snare.at("/unmapped/Data").asText())
                .startsWith("DetailSequence=1")
                .contains("CommandLine=" + COMMAND_LINE)
                .contains("CommandInvocation(Invoke-WebRequest)");
    }

    @Test
    void evtxDumpsAndWazuhKeepTheirOwnDataWithoutACopy() throws Exception {
        JsonNode evtx = json("""
                {"Event":{"System":{"Provider":{"#attributes":{"Name":"PowerShell"}},
                 "EventID":{"#attributes":{"Qualifiers":"0"},"#text":800},
                 "TimeCreated":{"#attributes":{"SystemTime":"2026-03-02T11:20:37.845112Z"}},
                 "Channel":"Windows PowerShell","Computer":"ENG-WS31.corp.example"},
                 "EventData":{"Data":{"#text":%s},"Binary":null}}}""".formatted(quoted("<string>" + COMMAND_LINE + "</string>\n<string>" + context("\n")
                + "</string>\n<string>" + details("\n") + "</string>")));
        String data = COMMAND_LINE + ", " + context("\r\n") + ", " + details("\r\n");
        JsonNode wazuh = json("""
                {"win":{"system":{"providerName":"PowerShell","eventID":"800","level":"4","channel":"Windows PowerShell",
                  "computer":"ENG-WS31.corp.example","systemTime":"2026-03-02T11:20:37.8451120Z",
                  "message":%s},
                 "eventdata":{"data":%s}}}""".formatted(
                        quoted("\"" + message("\r\n") + "\""),
                        quoted(data.replace("\\", "\\\\").replace("\"", "\\\""))));
        for (JsonNode r : List.of(evtx, wazuh)) {
            assertPipeline(r);
            assertThat(r.at("/device/hostname").asText()).isEqualTo("ENG-WS31.corp.example");
            assertThat(r.get("unmapped").has("Data")).as(r.toString()).isFalse();
        }
        assertThat(evtx.at("/unmapped/Event/EventData/Data/#text").asText()).contains("CommandLine=" + COMMAND_LINE);
    }

    @Test
    void aLocalizedMessageIsStillAPipelineWithoutData() throws Exception {
        JsonNode localized = json("""
                {"Channel":"Windows PowerShell","EventID":800,"Hostname":"LAB-W11-2",
                 "Message":"Details zur Pipelineausführung für die Befehlszeile: Get-Process."}""");
        assertPipeline(localized);
        assertThat(localized.at("/unmapped").has("Data")).isFalse();
    }
}
