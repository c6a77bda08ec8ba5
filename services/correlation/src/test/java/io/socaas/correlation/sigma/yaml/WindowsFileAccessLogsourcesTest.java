package io.socaas.correlation.sigma.yaml;

import static io.socaas.correlation.sigma.yaml.IngestedEvents.CORPUS;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.assumeCorpus;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.firedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.id;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingestedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.logsources;
import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.sigma.domain.Logsource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Audited file accesses in the Windows Security log (event 4663 on an object of type File, logged
 * where a SACL audits the file or its folder) reach SigmaHQ's {@code file_access} rules: the file is
 * their {@code FileName}, the program their {@code Image}. Accesses to registry keys and other
 * objects do not. Without the corpus ({@code SOCAAS_CORPUS}) the tests are skipped.
 */
class WindowsFileAccessLogsourcesTest {

    private static final Logsource WINDOWS_FILE_ACCESS = new Logsource("windows", "file_access", "security");

    private static String access(String objectType, String objectName, String processName) {
        return """
                {"Channel": "Security", "EventID": 4663, "Computer": "WS07.corp.example",
                 "TimeCreated": "2026-03-01T09:58:12.412Z", "SubjectUserSid": "S-1-5-21-11-22-33-1107",
                 "SubjectUserName": "rkhan", "SubjectDomainName": "CORP", "SubjectLogonId": "0x5a3f1",
                 "ObjectServer": "Security", "ObjectType": "%s", "ObjectName": "%s", "HandleId": "0x2c4",
                 "AccessList": "%%%%4416", "AccessMask": "0x1", "ProcessId": "0x1f30", "ProcessName": "%s"}""".formatted(objectType, escape(objectName), escape(processName));
    }

    private static String escape(String path) {
        return path.replace("\\", "\\\\");
    }

    @Test
    void aProgramReadingTheCredentialStoreFiresTheCredentialManagerRuleAndExplorerDoesNot() {
        assumeCorpus();
        String credentialManager =
                id("rules/windows/file/file_access/file_access_win_susp_credential_manager_access.yml");
        String stealer = access(
                "File",
                "C:\\Users\\rkhan\\AppData\\Roaming\\Microsoft\\Credentials\\5F1A0C7E9D2B44C1A3E8F6B2D0C9A7E1",
                "C:\\Users\\rkhan\\AppData\\Local\\Temp\\upd4te.exe");

        assertThat(logsources(ingestedJson(stealer))).contains(WINDOWS_FILE_ACCESS);
        assertThat(firedJson(stealer)).contains(credentialManager);
        // the same access by Explorer, and by a program under Program Files, are what the rule leaves out
        assertThat(firedJson(access(
                        "File",
                        "C:\\Users\\rkhan\\AppData\\Roaming\\Microsoft\\Credentials\\5F1A0C7E9D2B44C1A3E8F6B2D0C9A7E1",
                        "C:\\Windows\\explorer.exe")))
                .doesNotContain(credentialManager);
        assertThat(firedJson(access(
                        "File",
                        "C:\\Users\\rkhan\\AppData\\Roaming\\Microsoft\\Credentials\\5F1A0C7E9D2B44C1A3E8F6B2D0C9A7E1",
                        "C:\\Program Files\\Backup Agent\\agent.exe")))
                .doesNotContain(credentialManager);
        // a file elsewhere is no access to the credential store
        assertThat(firedJson(access(
                        "File",
                        "C:\\Users\\rkhan\\Documents\\Credentials\\notes.txt",
                        "C:\\Users\\rkhan\\AppData\\Local\\Temp\\upd4te.exe")))
                .doesNotContain(credentialManager);
    }

    @Test
    void anAccessToAnotherKindOfObjectIsNoFileAccess() {
        assumeCorpus();
        String key = access(
                "Key",
                "\\REGISTRY\\USER\\S-1-5-21-11-22-33-1107\\Software\\Microsoft\\Credentials",
                "C:\\Users\\rkhan\\AppData\\Local\\Temp\\upd4te.exe");
        assertThat(logsources(ingestedJson(key))).doesNotContain(WINDOWS_FILE_ACCESS);
        assertThat(logsources(ingestedJson(key)))
                .extracting(Logsource::category)
                .doesNotContain("file_access");
    }

    @Test
    void theRecordedTheftOfBrowserPasswordsFiresTheBrowserCredentialFileRulesForChrome() throws IOException {
        assumeCorpus();
        Path recording = CORPUS.resolve(
                "evtx-attack-samples-json/events/Credential Access/CA_chrome_firefox_opera_4663.ndjson.gz");
        List<String> events = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(recording)), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.contains("\"ObjectType\": \"File\"") && line.contains("4663")) {
                    events.add(line);
                }
            }
        }
        assertThat(events).as("4663 file accesses in the recording").hasSizeGreaterThan(1);
        String browserFiles =
                id("rules/windows/file/file_access/file_access_win_susp_process_access_browser_cred_files.yml");
        String chromiumLogins =
                id("rules-threat-hunting/windows/file/file_access/file_access_win_browsers_credential.yml");
        for (String event : events) {
            assertThat(logsources(ingestedJson(event))).as(event).contains(WINDOWS_FILE_ACCESS);
        }
        // the unknown program opening Chrome's saved logins raises both rules (evtx-dump shape); its
        // reads of Opera's and Firefox's stores are in paths these two rules do not list
        List<String> chrome = events.stream()
                .filter(e -> e.contains("\\\\Google\\\\Chrome\\\\User Data\\\\Default\\\\Login Data"))
                .toList();
        assertThat(chrome).hasSize(1);
        assertThat(firedJson(chrome.getFirst())).contains(browserFiles, chromiumLogins);
        assertThat(events.stream().filter(e -> firedJson(e).contains(browserFiles)))
                .containsExactlyElementsOf(chrome);
        // Chrome itself opening its own store raises neither
        String byTheBrowser = chrome.getFirst()
                .replace(
                        "C:\\\\Users\\\\Defau1t\\\\wsus.exe",
                        "C:\\\\Program Files\\\\Google\\\\Chrome\\\\Application\\\\chrome.exe");
        assertThat(byTheBrowser).isNotEqualTo(chrome.getFirst());
        assertThat(firedJson(byTheBrowser)).doesNotContain(browserFiles, chromiumLogins);
    }
}
