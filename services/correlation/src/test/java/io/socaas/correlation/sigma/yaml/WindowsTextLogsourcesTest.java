package io.socaas.correlation.sigma.yaml;

import static io.socaas.correlation.sigma.yaml.IngestedEvents.assumeCorpus;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.fired;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.firedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingested;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.logsources;
import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.sigma.domain.Logsource;
import org.junit.jupiter.api.Test;

/**
 * Windows events that agents send as text (Snare's {@code MSWinEventLog} format, as Snare, NXLog and
 * Epilog write it, also with rsyslog's {@code #011} for a tab) reach the same Sigma logsources and
 * fire the same SigmaHQ rules as the same events sent as JSON: the data fields are read back from
 * the rendered message. Without the corpus ({@code SOCAAS_CORPUS}) the tests are skipped.
 */
class WindowsTextLogsourcesTest {

    private static final Logsource SYSMON_PROCESS_CREATION = new Logsource("windows", "process_creation", "sysmon");
    private static final Logsource SECURITY = new Logsource("windows", null, "security");

    private static final String SYSMON_SNARE = "<14>Mar  1 09:00:02 WS01 MSWinEventLog#0111#011"
            + "Microsoft-Windows-Sysmon/Operational#011100#011Sun Mar 01 09:00:02 2026#0111#011Microsoft-Windows-Sysmon"
            + "#011SYSTEM#011User#011Information#011WS01.corp.local#011Process Create (rule: ProcessCreate)#011#011"
            + "Process Create:  RuleName: -  UtcTime: 2026-03-01 09:00:02.123  ProcessGuid: {1}  ProcessId: 4242"
            + "  Image: C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe  FileVersion: 10.0"
            + "  Description: Windows PowerShell  Product: Microsoft Windows  Company: Microsoft Corporation"
            + "  OriginalFileName: PowerShell.EXE  CommandLine: powershell.exe -nop -w hidden -enc SQBFAFgA"
            + "  CurrentDirectory: C:\\Users\\alice\\  User: CORP\\alice  LogonGuid: {2}  LogonId: 0x1"
            + "  TerminalSessionId: 1  IntegrityLevel: High  Hashes: SHA256=AB  ParentProcessGuid: {3}"
            + "  ParentProcessId: 1000  ParentImage: C:\\Windows\\explorer.exe  ParentCommandLine:"
            + " C:\\Windows\\Explorer.EXE  ParentUser: CORP\\alice#011200";

    private static final String SYSMON_JSON = "{\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"EventID\":1,"
            + "\"Computer\":\"WS01.corp.local\",\"UtcTime\":\"2026-03-01 09:00:02.123\",\"ProcessGuid\":\"{1}\","
            + "\"ProcessId\":\"4242\",\"Image\":\"C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe\","
            + "\"FileVersion\":\"10.0\",\"Description\":\"Windows PowerShell\",\"Product\":\"Microsoft Windows\","
            + "\"Company\":\"Microsoft Corporation\",\"OriginalFileName\":\"PowerShell.EXE\","
            + "\"CommandLine\":\"powershell.exe -nop -w hidden -enc SQBFAFgA\",\"CurrentDirectory\":\"C:\\\\Users\\\\alice\\\\\","
            + "\"User\":\"CORP\\\\alice\",\"LogonGuid\":\"{2}\",\"LogonId\":\"0x1\",\"TerminalSessionId\":\"1\","
            + "\"IntegrityLevel\":\"High\",\"Hashes\":\"SHA256=AB\",\"ParentProcessGuid\":\"{3}\",\"ParentProcessId\":\"1000\","
            + "\"ParentImage\":\"C:\\\\Windows\\\\explorer.exe\",\"ParentCommandLine\":\"C:\\\\Windows\\\\Explorer.EXE\","
            + "\"ParentUser\":\"CORP\\\\alice\"}";

    private static final String SECURITY_4688 = "<14>Mar  1 09:00:01 WS01 MSWinEventLog\t1\tSecurity\t99\t"
            + "Sun Mar 01 09:00:01 2026\t4688\tMicrosoft-Windows-Security-Auditing\tN/A\tN/A\tSuccess Audit\t"
            + "WS01.corp.local\tProcess Creation\t\tA new process has been created.    Creator Subject:   Security ID:"
            + "  S-1-5-21-1-2-3-1104   Account Name:  alice   Account Domain:  CORP   Logon ID:  0x3E7    Target"
            + " Subject:   Security ID:  S-1-0-0   Account Name:  -   Account Domain:  -   Logon ID:  0x0    Process"
            + " Information:   New Process ID:  0x1a2b   New Process Name: C:\\Windows\\System32\\whoami.exe   Token"
            + " Elevation Type: %%1936   Mandatory Label:  S-1-16-12288   Creator Process ID: 0x3c4   Creator Process"
            + " Name: C:\\Windows\\System32\\cmd.exe   Process Command Line: whoami /all\t12";

    @Test
    void aSysmonEventInSnareFormFiresWhatTheSameEventAsJsonFires() {
        assumeCorpus();
        assertThat(logsources(ingested(SYSMON_SNARE))).contains(SYSMON_PROCESS_CREATION);
        assertThat(fired(SYSMON_SNARE))
                .as("an encoded PowerShell command line raises SigmaHQ's rules for it")
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(firedJson(SYSMON_JSON));
        // the same event launching notepad raises none of them
        String benign = SYSMON_SNARE
                .replace("WindowsPowerShell\\v1.0\\powershell.exe", "notepad.exe")
                .replace("Description: Windows PowerShell", "Description: Notepad")
                .replace("PowerShell.EXE", "NOTEPAD.EXE")
                .replace("powershell.exe -nop -w hidden -enc SQBFAFgA", "notepad.exe C:\\Users\\alice\\todo.txt");
        assertThat(fired(benign)).doesNotContainAnyElementsOf(fired(SYSMON_SNARE));
    }

    @Test
    void aSecurityProcessCreationInSnareFormIsReadFromItsMessage() {
        assumeCorpus();
        assertThat(logsources(ingested(SECURITY_4688))).contains(SECURITY);
        assertThat(logsources(ingested(SECURITY_4688)))
                .extracting(Logsource::category)
                .contains("process_creation");
        assertThat(ingested(SECURITY_4688))
                .containsEntry("NewProcessName", "C:\\Windows\\System32\\whoami.exe")
                .containsEntry("CommandLine", "whoami /all")
                .containsEntry("ParentProcessName", "C:\\Windows\\System32\\cmd.exe")
                .containsEntry("SubjectUserName", "alice");
        assertThat(fired(SECURITY_4688))
                .as("whoami /all raises SigmaHQ's whoami rules through 4688's field mapping")
                .isNotEmpty();
        assertThat(fired(SECURITY_4688.replace("whoami /all", "ipconfig").replace("whoami.exe", "ipconfig.exe")))
                .doesNotContainAnyElementsOf(fired(SECURITY_4688));
    }
}
