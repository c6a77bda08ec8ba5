package io.socaas.correlation.sigma.domain;

import static io.socaas.correlation.sigma.domain.SigmaTestData.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.sigma.yaml.LogsourceMappingReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventFieldResolutionTest {

    private static final SigmaEvent EVTX = event("""
            {"Event": {
               "System": {
                 "Provider": {"#attributes": {"Name": "Microsoft-Windows-Sysmon"}},
                 "EventID": {"#attributes": {"Qualifiers": 16384}, "#text": 7045},
                 "Channel": "Microsoft-Windows-Sysmon/Operational",
                 "Computer": "ws-01"},
               "EventData": {"Image": "C:\\\\Windows\\\\System32\\\\whoami.exe", "CommandLine": "whoami /priv"}},
             "unmapped": {"claimed_tenant": "globex"},
             "process": {"cmd_line": "whoami"}}
            """);

    @Test
    void readsEventDataFieldsOfEvtxDumps() {
        assertThat(EVTX.field("CommandLine").value()).isEqualTo("whoami /priv");
    }

    @Test
    void readsSystemFieldsAndTextOfAttributedElements() {
        assertThat(EVTX.field("Computer").value()).isEqualTo("ws-01");
        assertThat(EVTX.field("EventID").value()).isEqualTo(7045);
    }

    @Test
    void readsSystemAttributesAsTagUnderscoreAttribute() {
        assertThat(EVTX.field("Provider_Name").value()).isEqualTo("Microsoft-Windows-Sysmon");
    }

    @Test
    void readsDottedPathsAndUnmappedFields() {
        assertThat(EVTX.field("process.cmd_line").value()).isEqualTo("whoami");
        assertThat(EVTX.field("claimed_tenant").value()).isEqualTo("globex");
    }

    @Test
    void selectsTheObjectOfAListByOneOfItsFieldsIgnoringCase() {
        SigmaEvent waf = event("""
                {"unmapped": {"httpRequest": {"uri": "/login", "headers": [
                   {"name": "Host", "value": "shop.example.com"},
                   {"name": "user-agent", "value": "curl/8.5.0"},
                   {"name": "X-Count", "value": 3},
                   {"name": "Host", "value": "second.example.com"}]}}}
                """);
        assertThat(waf.field("httpRequest.headers[name=User-Agent].value").value())
                .isEqualTo("curl/8.5.0");
        // the first object that has the value
        assertThat(waf.field("httpRequest.headers[name=host].value").value()).isEqualTo("shop.example.com");
        assertThat(waf.field("httpRequest.headers[name=X-Count].value").value()).isEqualTo(3);
        assertThat(waf.field("httpRequest.headers[name=Referer].value").present())
                .isFalse();
        // a name that only starts like the one asked for is not it; a selector on no list finds nothing
        assertThat(waf.field("httpRequest.headers[name=User].value").present()).isFalse();
        assertThat(waf.field("httpRequest.uri[name=Host].value").present()).isFalse();
        assertThat(waf.field("httpRequest.headers[Host].value").present()).isFalse();
    }

    @Test
    void aPathThroughAListOfObjectsReadsTheValuesOfEveryObject() {
        SigmaEvent activity = event("""
                {"unmapped": {"id": {"applicationName": "admin"},
                 "events": [
                   {"type": "DELEGATED_ADMIN_SETTINGS", "name": "ASSIGN_ROLE",
                    "parameters": [{"name": "ROLE_NAME", "value": "_SEED_ADMIN_ROLE"}, {"name": "USER_EMAIL", "value": "kim@example.com"}]},
                   {"type": "USER_SETTINGS", "name": "GRANT_ADMIN_PRIVILEGE",
                    "parameters": [{"name": "USER_EMAIL", "value": "lee@example.com"}]},
                   "not an object"]}}
                """);
        assertThat(activity.field("events.name").value()).isEqualTo(List.of("ASSIGN_ROLE", "GRANT_ADMIN_PRIVILEGE"));
        assertThat(activity.field("events.parameters[name=USER_EMAIL].value").value())
                .isEqualTo(List.of("kim@example.com", "lee@example.com"));
        assertThat(activity.field("events.parameters.name").value())
                .isEqualTo(List.of("ROLE_NAME", "USER_EMAIL", "USER_EMAIL"));
        // a rule's value matches one of them
        assertThat(activity.texts("events.name").size()).isEqualTo(2);
        // a name no object has is absent; a list is not looked into for a key of its own
        assertThat(activity.field("events.nope").present()).isFalse();
        assertThat(activity.field("events.parameters[name=ROLE_NAME].value").value())
                .isEqualTo(List.of("_SEED_ADMIN_ROLE"));
        assertThat(activity.field("id.applicationName.name").present()).isFalse();
    }

    @Test
    void prefersTheExactTopLevelKey() {
        SigmaEvent e = event("{\"a.b\":\"flat\",\"a\":{\"b\":\"nested\"}}");
        assertThat(e.field("a.b").value()).isEqualTo("flat");
    }

    @Test
    void distinguishesAbsentFromNull() {
        SigmaEvent e = event("{\"x\":null}");
        assertThat(e.field("x").present()).isTrue();
        assertThat(e.field("y").present()).isFalse();
    }

    @Test
    void readsWindowsEventsForwardedByWinlogbeat() {
        SigmaEvent e = event("""
                {"@timestamp": "2026-11-02T09:14:03.120Z",
                 "host": {"name": "ws-01"},
                 "winlog": {"channel": "Microsoft-Windows-Sysmon/Operational", "event_id": 1,
                            "provider_name": "Microsoft-Windows-Sysmon", "computer_name": "ws-01.acme.local",
                            "event_data": {"Image": "C:\\\\Windows\\\\System32\\\\whoami.exe",
                                           "CommandLine": "whoami /priv"}}}
                """);
        assertThat(e.field("CommandLine").value()).isEqualTo("whoami /priv");
        assertThat(e.field("Image").value()).isEqualTo("C:\\Windows\\System32\\whoami.exe");
        assertThat(e.field("EventID").value()).isEqualTo(1);
        assertThat(e.field("Channel").value()).isEqualTo("Microsoft-Windows-Sysmon/Operational");
        assertThat(e.field("Provider_Name").value()).isEqualTo("Microsoft-Windows-Sysmon");
        assertThat(e.field("ParentImage").present()).isFalse();
    }

    @Test
    void readsWindowsEventsAsWazuhForwardsThemAndAlertsThem() {
        String win = """
                {"system": {"providerName": "Microsoft-Windows-Sysmon", "eventID": "1",
                            "channel": "Microsoft-Windows-Sysmon/Operational", "computer": "ws-01"},
                 "eventdata": {"image": "C:\\\\Windows\\\\System32\\\\whoami.exe",
                               "commandLine": "whoami /priv", "parentImage": "C:\\\\Windows\\\\explorer.exe"}}
                """;
        for (SigmaEvent e :
                java.util.List.of(event("{\"win\": " + win + "}"), event("{\"data\": {\"win\": " + win + "}}"))) {
            assertThat(e.field("CommandLine").value()).isEqualTo("whoami /priv");
            assertThat(e.field("ParentImage").value()).isEqualTo("C:\\Windows\\explorer.exe");
            assertThat(e.field("EventID").value()).isEqualTo("1");
            assertThat(e.field("Channel").value()).isEqualTo("Microsoft-Windows-Sysmon/Operational");
            assertThat(e.field("Computer").value()).isEqualTo("ws-01");
            assertThat(e.field("Provider_Name").value()).isEqualTo("Microsoft-Windows-Sysmon");
        }
    }

    @Test
    void readsSecurity4688ProcessNamesAsSysmonImagesThroughTheLogsourceFieldMapping() {
        SigmaEvent raw = event("""
                {"EventID": 4688, "Channel": "Security",
                 "NewProcessName": "C:\\\\Windows\\\\System32\\\\whoami.exe",
                 "ParentProcessName": "C:\\\\Windows\\\\System32\\\\cmd.exe",
                 "CommandLine": "whoami /priv"}
                """);
        assertThat(raw.field("Image").present()).isFalse();
        LogsourceMapping.Classified processCreation = LogsourceMappingReader.shipped().classify(raw).stream()
                .filter(c -> "process_creation".equals(c.logsource().category()))
                .findFirst()
                .orElseThrow();
        assertThat(processCreation.logsource()).isEqualTo(new Logsource("windows", "process_creation", "security"));
        SigmaEvent security = raw.withFieldMapping(processCreation.fields());
        assertThat(security.field("Image").value()).isEqualTo("C:\\Windows\\System32\\whoami.exe");
        assertThat(security.field("ParentImage").value()).isEqualTo("C:\\Windows\\System32\\cmd.exe");

        SigmaEvent logon = event("{\"EventID\": 4624, \"Channel\": \"Security\", \"NewProcessName\": \"C:\\\\x.exe\"}");
        assertThat(LogsourceMappingReader.shipped().classify(logon))
                .extracting(LogsourceMapping.Classified::logsource)
                .containsExactly(new Logsource("windows", null, "security"));
    }

    @Test
    void aMappedLiteralIsTheFieldsValueForTheRulesOfThatLogsource() {
        SigmaEvent raw = event("{\"properties\": {\"RemoteIP\": \"203.0.113.5\"}, \"Initiated\": \"false\"}");
        SigmaEvent outbound = raw.withFieldMapping(
                java.util.Map.of("Initiated", SigmaEvent.LITERAL + "true", "DestinationIp", "properties.RemoteIP"));
        assertThat(outbound.field("Initiated").value()).isEqualTo("true");
        assertThat(outbound.texts("Initiated").size()).isEqualTo(1);
        assertThat(outbound.field("DestinationIp").value()).isEqualTo("203.0.113.5");
        // without the mapping the event's own field, as before
        assertThat(raw.field("Initiated").value()).isEqualTo("false");
    }

    @Test
    void aMappedTemplateComposesTheEventsFieldsInSysmonsForms() {
        SigmaEvent raw = event("""
                {"AccountDomain": "NT AUTHORITY", "AccountName": "SYSTEM", "Empty": "",
                 "RegistryKey": "HKEY_LOCAL_MACHINE\\\\SYSTEM\\\\ControlSet001\\\\Services\\\\WinDefend",
                 "RegistryValueName": "Start", "RegistryValueData": "4", "Big": "-1", "Tags": ["a", "b"]}
                """);
        SigmaEvent view = raw.withFieldMapping(java.util.Map.of(
                "User", "{AccountDomain}\\{AccountName}",
                "TargetObject", "{RegistryKey|registry}\\{RegistryValueName}",
                "Details", "{RegistryValueData|dword}",
                "Signed", "{Big|dword}",
                "Large", "{RegistryValueData|qword}",
                "Missing", "{AccountDomain}\\{NoSuchField}",
                "Listed", "{Tags}",
                "Blank", "x{Empty}y"));
        assertThat(view.field("User").value()).isEqualTo("NT AUTHORITY\\SYSTEM");
        assertThat(view.field("TargetObject").value())
                .isEqualTo("HKLM\\SYSTEM\\CurrentControlSet\\Services\\WinDefend\\Start");
        assertThat(view.field("Details").value()).isEqualTo("DWORD (0x00000004)");
        assertThat(view.field("Signed").value()).isEqualTo("DWORD (0xffffffff)");
        assertThat(view.field("Large").value()).isEqualTo("QWORD (0x00000000-0x00000004)");
        assertThat(view.field("Blank").value()).isEqualTo("xy");
        // a field the template names is absent or not one value: the template is absent
        assertThat(view.field("Missing").present()).isFalse();
        assertThat(view.field("Listed").present()).isFalse();
    }

    @Test
    void registryKeysInLongFormReadAsSysmonWritesThem() {
        assertThat(FieldTemplate.registryKey("HKEY_CURRENT_USER\\S-1-5-21-1-2-3-1104\\Software\\Run"))
                .isEqualTo("HKU\\S-1-5-21-1-2-3-1104\\Software\\Run");
        assertThat(FieldTemplate.registryKey("HKEY_USERS\\.DEFAULT")).isEqualTo("HKU\\.DEFAULT");
        assertThat(FieldTemplate.registryKey("HKEY_CLASSES_ROOT\\exefile")).isEqualTo("HKCR\\exefile");
        assertThat(FieldTemplate.registryKey("HKEY_LOCAL_MACHINE")).isEqualTo("HKLM");
        assertThat(FieldTemplate.registryKey("HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet002\\Control"))
                .isEqualTo("HKLM\\SYSTEM\\CurrentControlSet\\Control");
        // only the system hive's control sets; a key already short stays as it is
        assertThat(FieldTemplate.registryKey("HKLM\\SOFTWARE\\ControlSet001"))
                .isEqualTo("HKLM\\SOFTWARE\\ControlSet001");
        assertThat(FieldTemplate.dword("0x10")).isEqualTo("DWORD (0x00000010)");
        assertThat(FieldTemplate.dword("on")).isNull();
        assertThat(FieldTemplate.dword("4294967296")).isNull();
    }

    @Test
    void aDnsNameLoggedWithTheRootsDotReadsWithoutIt() {
        SigmaEvent view = event("""
                {"query_name": "api.telegram.org.", "plain": "api.telegram.org", "root": "."}
                """)
                .withFieldMapping(java.util.Map.of(
                        "query", "{query_name|dnsname}", "same", "{plain|dnsname}", "dot", "{root|dnsname}"));
        assertThat(view.field("query").value()).isEqualTo("api.telegram.org");
        assertThat(view.field("same").value()).isEqualTo("api.telegram.org");
        // the root itself stays a name
        assertThat(view.field("dot").value()).isEqualTo(".");
    }

    @Test
    void aPercentEncodedHeaderReadsAsTheClientSentIt() {
        SigmaEvent view = event("""
                {"ua": "Mozilla/5.0%20(compatible;%20Nmap%20Scripting%20Engine;%20https://nmap.org/book/nse.html)",
                 "bot": "Googlebot/2.1%20(+http://www.google.com/bot.html)", "bad": "100%25%20sure%ZZ", "plain": "curl/8.5.0"}
                """)
                .withFieldMapping(java.util.Map.of(
                        "ua",
                        "{ua|urldecoded}",
                        "bot",
                        "{bot|urldecoded}",
                        "bad",
                        "{bad|urldecoded}",
                        "plain",
                        "{plain|urldecoded}"));
        assertThat(view.field("ua").value())
                .isEqualTo("Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)");
        // a plus is the client's own, not a space
        assertThat(view.field("bot").value()).isEqualTo("Googlebot/2.1 (+http://www.google.com/bot.html)");
        // not percent-encoding throughout: as written
        assertThat(view.field("bad").value()).isEqualTo("100%25%20sure%ZZ");
        assertThat(view.field("plain").value()).isEqualTo("curl/8.5.0");
    }

    @Test
    void anImageInTheKernelsDeviceFormReadsWithADriveLetterAndANetworkPathAsUnc() {
        assertThat(FieldTemplate.driveLetterPath("\\Device\\HarddiskVolume3\\Windows\\System32\\msiexec.exe"))
                .isEqualTo("C:\\Windows\\System32\\msiexec.exe");
        assertThat(FieldTemplate.driveLetterPath("\\device\\harddiskvolume12\\Tools\\x.exe"))
                .isEqualTo("C:\\Tools\\x.exe");
        assertThat(FieldTemplate.driveLetterPath("\\Device\\Mup\\fs01\\share$\\drop\\run.exe"))
                .isEqualTo("\\\\fs01\\share$\\drop\\run.exe");
        // already a drive letter, a Linux path, a volume number that is not one: as written
        assertThat(FieldTemplate.driveLetterPath("D:\\Apps\\a.exe")).isEqualTo("D:\\Apps\\a.exe");
        assertThat(FieldTemplate.driveLetterPath("/usr/bin/curl")).isEqualTo("/usr/bin/curl");
        assertThat(FieldTemplate.driveLetterPath("\\Device\\HarddiskVolumeX\\a.exe"))
                .isEqualTo("\\Device\\HarddiskVolumeX\\a.exe");
        SigmaEvent view = event("{\"ImageFileName\": \"\\\\Device\\\\HarddiskVolume2\\\\Windows\\\\explorer.exe\"}")
                .withFieldMapping(java.util.Map.of("Image", "{ImageFileName|windrive}"));
        assertThat(view.field("Image").value()).isEqualTo("C:\\Windows\\explorer.exe");
    }

    @Test
    void aMalformedTemplateIsRefusedWhenTheMappingIsRead() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FieldTemplate.of("{RegistryKey|upper}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown form 'upper'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FieldTemplate.of("{RegistryKey}\\{Name"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unpaired brace");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LogsourceMappingReader.read(
                        "sources:\n  - {name: s, product: windows, match: [{a: b}], fields: {User: '{x|nope}'}}\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
    }
}
