package io.socaas.correlation.sigma.yaml;

import static io.socaas.correlation.sigma.yaml.IngestedEvents.CORPUS;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.DNS;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.FIREWALL;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.JSON;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.NORMALIZER;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.PROXY;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.RECEIVED;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.RULES;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.WEBSERVER;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.assumeCorpus;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.context;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.fired;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.firedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.id;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingested;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingestedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.jsonLines;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.logsources;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.routedLogsources;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.wazuhLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.socaas.correlation.detection.domain.EventAdmission;
import io.socaas.correlation.sigma.domain.Logsource;
import io.socaas.correlation.sigma.domain.SigmaRule;
import io.socaas.events.ocsf.LogLine;
import io.socaas.events.ocsf.OcsfNormalizer;
import io.socaas.events.syslog.SyslogParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Linux, web server and network events as ingestion normalizes them (event-model's {@link
 * OcsfNormalizer} over a decoded line, then {@link EventAdmission}, exactly the path of a record
 * from {@code soc.events.v1}) are classified into their Sigma logsources by the shipped mapping, and
 * the SigmaHQ rules of the shared corpus fire on the attack they describe and stay silent on
 * ordinary lines. Real lines come from the corpus (Wazuh's ruleset tests, logstash's pattern
 * samples); the corpus has no sudo, cron or BIND query line, so those are written after the
 * programs' own formats. Without the corpus ({@code SOCAAS_CORPUS}) the tests are skipped.
 */
class LinuxAndWebLogsourcesTest {

    private static final Logsource AUTH = new Logsource("linux", null, "auth");
    private static final Logsource SSHD = new Logsource("linux", null, "sshd");
    private static final Logsource SUDO = new Logsource("linux", null, "sudo");
    private static final Logsource CRON = new Logsource("linux", null, "cron");
    private static final Logsource SYSLOG = new Logsource("linux", null, "syslog");
    private static final Logsource AUDITD = new Logsource("linux", null, "auditd");
    private static final Logsource LINUX_PROCESS_CREATION = new Logsource("linux", "process_creation", "sysmon");
    private static final Logsource AUDITD_PROCESS_CREATION = new Logsource("linux", "process_creation", "auditd");

    // ---- classification ------------------------------------------------------------------------

    @Test
    void realSshdAndSuLinesAreLinuxAuthLinesAndNeverWindowsOnes() {
        assumeCorpus();
        List<String> sshd = wazuhLines(l -> l.matches(".*sshd\\[\\d+\\]: (Failed|Accepted) password for .*"));
        List<String> su = wazuhLines(l -> l.matches("^\\w{3} +\\d+ [\\d:]+ \\S+ su(\\[\\d+\\])?: .*"));
        assertThat(sshd).isNotEmpty();
        assertThat(su).isNotEmpty();
        for (String line : sshd) {
            assertThat(logsources(ingested(line))).as(line).contains(AUTH, SSHD, SYSLOG);
            assertThat(windowsOnes(ingested(line))).as(line).isEmpty();
        }
        for (String line : su) {
            assertThat(logsources(ingested(line)))
                    .as(line)
                    .contains(AUTH, SYSLOG)
                    .doesNotContain(SSHD);
            assertThat(windowsOnes(ingested(line))).as(line).isEmpty();
        }
    }

    @Test
    void sudoAndCronLinesGetTheirServices() {
        assertThat(
                        logsources(
                                ingested(
                                        "<86>Mar  1 09:15:02 web01 sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id")))
                .contains(AUTH, SUDO, SYSLOG);
        assertThat(
                        logsources(
                                ingested(
                                        "Mar  1 09:17:01 web01 CRON[1408]: (root) CMD (   cd / && run-parts --report /etc/cron.hourly)")))
                .contains(CRON, SYSLOG)
                .doesNotContain(AUTH);
    }

    @Test
    void accountChangesAreAuthLinesAndKernelAppArmorDenialsAreAuditdEvents() {
        assertThat(logsources(ingested("<14>Mar  1 09:15:02 web01 groupmod[2210]: group changed in /etc/group"
                        + " (group ops/1003, new name: admins)")))
                .contains(AUTH, SYSLOG);
        assertThat(logsources(ingested("<14>Mar  1 09:15:02 web01 adduser[2211]: new user: name=backdoor,"
                        + " UID=1002, GID=1002, home=/home/backdoor, shell=/bin/bash")))
                .contains(AUTH, SYSLOG);
        Map<String, Object> denial = ingested("Jul 14 11:03:47 web01 kernel: [ 8665.951930] type=1400"
                + " audit(1405328627.702:54): apparmor=\"DENIED\" operation=\"open\" profile=\"/usr/bin/evince\""
                + " name=\"/etc/shadow\" pid=16418 comm=\"evince\" requested_mask=\"r\" denied_mask=\"r\"");
        assertThat(logsources(denial)).contains(AUDITD, SYSLOG);
        assertThat(denial).containsEntry("apparmor", "DENIED").containsEntry("name", "/etc/shadow");
        assertThat(windowsOnes(denial)).isEmpty();
    }

    @Test
    void realAuditRecordsAreAuditdEvents() {
        assumeCorpus();
        List<String> records = wazuhLines(l -> l.matches("^(node=\\S+ )?type=[A-Z_]+ msg=audit\\(.*"));
        assertThat(records).hasSizeGreaterThan(20);
        for (String line : records) {
            Map<String, Object> event = ingested(line);
            assertThat(logsources(event)).as(line).contains(AUDITD);
            assertThat(windowsOnes(event)).as(line).isEmpty();
            assertThat(event).as(line).containsKey("type");
        }
    }

    @Test
    void realAccessLogLinesAreWebserverEvents() {
        assumeCorpus();
        List<String> lines = new ArrayList<>(accessLogSamples());
        assertThat(lines).isNotEmpty();
        // and Wazuh's access-log test lines (requests, many of them attacks) that ingestion maps to HTTP Activity
        List<String> wazuh = wazuhLines(l -> l.matches(".*\\[[^\\]]+\\] \"[A-Z]+ \\S+ HTTP/1\\.[01]\" \\d{3} .*"));
        assertThat(wazuh).hasSizeGreaterThan(10);
        lines.addAll(wazuh);
        for (String line : lines) {
            assertThat(logsources(ingested(line))).as(line).contains(WEBSERVER);
            assertThat(logsources(ingested(line)).stream().map(Logsource::product))
                    .as(line)
                    .doesNotContain("windows", "linux");
        }
    }

    @Test
    void realNetfilterLinesAreFirewallEventsAndBindQueriesDnsEvents() {
        assumeCorpus();
        List<String> sfw2 = logstashSamples("SFW2");
        assertThat(sfw2).isNotEmpty();
        for (String line : sfw2) {
            assertThat(logsources(ingested(line))).as(line).contains(FIREWALL, SYSLOG);
        }
        assertThat(
                        logsources(
                                ingested(
                                        "Mar  1 09:15:02 ns1 named[464]: client @0x7f 192.0.2.10#52110 (www.example.org): query: www.example.org IN A +E(0)K (192.0.2.53)")))
                .contains(DNS, SYSLOG);
    }

    @Test
    void sysmonForLinuxProcessCreationIsLinuxProcessCreationNotWindows() {
        Map<String, Object> event = ingestedJson(linuxSysmon("/usr/bin/ls", "ls -la /tmp"));
        assertThat(logsources(event)).contains(LINUX_PROCESS_CREATION);
        assertThat(windowsOnes(event)).isEmpty();
    }

    // ---- SigmaHQ rules -------------------------------------------------------------------------

    @Test
    void sshdRuleFiresOnAnExploitErrorAndNotOnAFailedLogin() {
        assumeCorpus();
        String rule = id("rules/linux/builtin/sshd/lnx_sshd_susp_ssh.yml");
        assertThat(fired("Mar  1 09:15:02 bastion sshd[811]: Corrupted MAC on input. [preauth]"))
                .contains(rule);
        for (String line : wazuhLines(l -> l.matches(".*sshd\\[\\d+\\]: (Failed|Accepted) password for .*"))) {
            assertThat(fired(line)).as(line).doesNotContain(rule);
        }
    }

    @Test
    void sudoRuleFiresOnTheMinusOneUserIdAndNotOnRoot() {
        assumeCorpus();
        String rule = id("rules-emerging-threats/2019/Exploits/CVE-2019-14287/lnx_sudo_exploit_cve_2019_14287.yml");
        assertThat(
                        fired(
                                "Mar  1 09:15:02 web01 sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=#-1 ; COMMAND=/bin/bash"))
                .contains(rule);
        assertThat(
                        fired(
                                "Mar  1 09:15:02 web01 sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/bash"))
                .doesNotContain(rule);
    }

    @Test
    void authRuleFiresOnPwnKitAndNotOnSu() {
        assumeCorpus();
        String rule =
                id("rules-emerging-threats/2021/Exploits/CVE-2021-4034/lnx_auth_exploit_cve_2021_4034_pwnkit_lpe.yml");
        assertThat(fired("Mar  1 09:15:02 web01 pkexec[3101]: alice: The value for environment variable XAUTHORITY"
                        + " contains suspicious content [USER=root] [TTY=/dev/pts/0] [CWD=/home/alice]"
                        + " [COMMAND=GCONV_PATH=./pwnkit.so:. PATH=GCONV_PATH=. CHARSET=PWNKIT SHELL=pwnkit]"))
                .contains(rule);
        for (String line : wazuhLines(l -> l.matches("^\\w{3} +\\d+ [\\d:]+ \\S+ su(\\[\\d+\\])?: .*"))) {
            assertThat(fired(line)).as(line).doesNotContain(rule);
        }
    }

    @Test
    void cronRuleFiresOnACrontabReplacementAndNotOnAScheduledRun() {
        assumeCorpus();
        String rule = id("rules/linux/builtin/cron/lnx_cron_crontab_file_modification.yml");
        assertThat(fired("Mar  1 09:15:02 web01 crontab[2215]: (root) REPLACE (root)"))
                .contains(rule);
        assertThat(
                        fired(
                                "Mar  1 09:17:01 web01 CRON[1408]: (root) CMD (   cd / && run-parts --report /etc/cron.hourly)"))
                .doesNotContain(rule);
    }

    @Test
    void auditdRuleFiresOnImmutableAttributeRemovalAndNotOnAnOrdinaryExecve() {
        assumeCorpus();
        String rule = id("rules/linux/auditd/execve/lnx_auditd_chattr_immutable_removal.yml");
        assertThat(
                        fired(
                                "type=EXECVE msg=audit(1772356502.094:9702): argc=3 a0=\"chattr\" a1=\"-i\" a2=\"/etc/passwd\""))
                .contains(rule);
        // the EXECVE record of a recorded "ls" (Wazuh's audit tests), on its own line as auditd writes it
        String ls = wazuhLines(l -> l.contains("a0=\"ls\"")).stream()
                .map(l -> l.substring(l.indexOf("type=EXECVE"), l.indexOf(" type=CWD")))
                .findFirst()
                .orElseThrow();
        assertThat(logsources(ingested(ls))).contains(AUDITD);
        assertThat(fired(ls)).doesNotContain(rule);
        // ...and with the attack's arguments, the same real record fires
        assertThat(fired(ls.replace("a0=\"ls\" a1=\"--color=auto\"", "a0=\"chattr\" a1=\"-i\"")))
                .contains(rule);
    }

    @Test
    void linuxProcessCreationRuleFiresOnBase64DecodingAndNotOnLs() {
        assumeCorpus();
        String rule = id("rules/linux/process_creation/proc_creation_lnx_base64_decode.yml");
        assertThat(firedJson(linuxSysmon("/usr/bin/base64", "base64 -d /tmp/payload.b64")))
                .contains(rule);
        assertThat(firedJson(linuxSysmon("/usr/bin/ls", "ls -la /tmp"))).doesNotContain(rule);
    }

    /** Sysmon for Linux's own output: its event as XML, after the syslog program name sysmon. */
    private static String linuxSysmonSyslog(String image, String commandLine) {
        return "<14>Mar  1 09:15:02 web01 sysmon: <Event><System><Provider Name=\"Linux-Sysmon\""
                + " Guid=\"{ff032593-a8d3-4f13-b0d6-01fc615a0f97}\"/><EventID>1</EventID><Version>5</Version><Level>4</Level>"
                + "<Task>1</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords>"
                + "<TimeCreated SystemTime=\"2026-03-01T09:15:02.123456000Z\"/><EventRecordID>4242</EventRecordID>"
                + "<Correlation/><Execution ProcessID=\"812\" ThreadID=\"812\"/><Channel>Linux-Sysmon/Operational</Channel>"
                + "<Computer>web01</Computer><Security UserId=\"0\"/></System><EventData>"
                + "<Data Name=\"RuleName\">-</Data><Data Name=\"UtcTime\">2026-03-01 09:15:02.120</Data>"
                + "<Data Name=\"ProcessGuid\">{4c6a9e2b-1a2b-63f1-5d2b-2f3e00000000}</Data><Data Name=\"ProcessId\">31337</Data>"
                + "<Data Name=\"Image\">" + image + "</Data><Data Name=\"CommandLine\">" + commandLine + "</Data>"
                + "<Data Name=\"CurrentDirectory\">/home/alice</Data><Data Name=\"User\">alice</Data>"
                + "<Data Name=\"ParentProcessId\">1200</Data><Data Name=\"ParentImage\">/usr/bin/bash</Data>"
                + "<Data Name=\"ParentCommandLine\">-bash</Data><Data Name=\"ParentUser\">alice</Data></EventData></Event>";
    }

    @Test
    void sysmonForLinuxSyslogXmlIsLinuxProcessCreation() {
        assumeCorpus();
        String rule = id("rules/linux/process_creation/proc_creation_lnx_base64_decode.yml");
        String decode = linuxSysmonSyslog("/usr/bin/base64", "base64 -d /tmp/payload.b64");
        assertThat(logsources(ingested(decode))).contains(new Logsource("linux", "process_creation", "sysmon"));
        assertThat(fired(decode)).contains(rule);
        assertThat(fired(linuxSysmonSyslog("/usr/bin/ls", "ls -la /tmp"))).doesNotContain(rule);
    }

    @Test
    void auditdExecveEventsAreLinuxProcessCreationWithTheirCommandLine() {
        assumeCorpus();
        String discovery = id("rules/linux/process_creation/proc_creation_lnx_file_and_directory_discovery.yml");
        // Wazuh's recorded "ls --color=auto -lsahR /var/" and "ps ax" (every record of the execve on one line)
        String ls = execveEvent("a0=\"ls\" a1=\"--color=auto\" a2=\"-lsahR\"");
        String ps = execveEvent("a0=\"ps\" a1=\"ax\"");
        assertThat(logsources(ingested(ls))).contains(AUDITD, AUDITD_PROCESS_CREATION);
        assertThat(windowsOnes(ingested(ls))).isEmpty();
        // the rule asks for "-R" in the command line, which "-lsahR" is not
        assertThat(fired(ls)).doesNotContain(discovery);
        assertThat(fired(ls.replace("a2=\"-lsahR\"", "a2=\"-R\""))).contains(discovery);
        assertThat(fired(ps)).doesNotContain(discovery);

        // the same real event with base64 decoding a payload instead of ps listing processes
        String base64 = id("rules/linux/process_creation/proc_creation_lnx_base64_decode.yml");
        String decoding = ps.replace("exe=\"/usr/bin/ps\"", "exe=\"/usr/bin/base64\"")
                .replace("argc=2 a0=\"ps\" a1=\"ax\"", "argc=3 a0=\"base64\" a1=\"-d\" a2=\"/tmp/p.b64\"");
        assertThat(fired(decoding)).contains(base64);
        assertThat(fired(ps)).doesNotContain(base64);
        assertThat(fired(ls)).doesNotContain(base64);

        // an argument with a space is hex-encoded by auditd; the rule reads it decoded ("chattr -i /etc/my file")
        String chattr = id("rules/linux/process_creation/proc_creation_lnx_chattr_immutable_removal.yml");
        String removal = ps.replace("exe=\"/usr/bin/ps\"", "exe=\"/usr/bin/chattr\"")
                .replace("argc=2 a0=\"ps\" a1=\"ax\"", "argc=3 a0=\"chattr\" a1=\"-i\" a2=" + hex("/etc/my file"));
        assertThat(fired(removal)).contains(chattr);
        assertThat(fired(removal.replace("a1=\"-i\"", "a1=\"-V\""))).doesNotContain(chattr);

        // an EXECVE record on its own has the command line but no program path: Image rules stay silent
        String alone = ls.substring(ls.indexOf("type=EXECVE"), ls.indexOf(" type=CWD"));
        assertThat(logsources(ingested(alone))).contains(AUDITD_PROCESS_CREATION);
        assertThat(fired(alone.replace("a2=\"-lsahR\"", "a2=\"-R\""))).doesNotContain(discovery);
    }

    /** The real execve event of Wazuh's audit tests whose EXECVE arguments begin with {@code args}. */
    private static String execveEvent(String args) {
        return wazuhLines(l -> l.contains(args) && l.startsWith("type=SYSCALL")).stream()
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Wazuh audit line with " + args));
    }

    private static String hex(String text) {
        StringBuilder sb = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            sb.append(String.format("%02X", b));
        }
        return sb.toString();
    }

    @Test
    void webserverRuleFiresOnPathTraversalAndNoRuleFiresOnOrdinaryRequests() {
        assumeCorpus();
        String rule = id("rules/web/webserver_generic/web_path_traversal_exploitation_attempt.yml");
        assertThat(fired("203.0.113.9 - - [01/Mar/2026:09:15:02 +0000] \"GET /cgi-bin/view.cgi?file=../../../etc/passwd"
                        + " HTTP/1.1\" 200 1043 \"-\" \"Mozilla/5.0\""))
                .contains(rule);
        Set<String> webAndLinux = RULES.entrySet().stream()
                .filter(e -> e.getKey().contains("/web/") || e.getKey().contains("/linux/"))
                .map(e -> e.getValue().id())
                .collect(Collectors.toSet());
        for (String line : accessLogSamples()) {
            List<String> fired = fired(line);
            assertThat(fired).as(line).doesNotContain(rule);
            assertThat(fired).as("web and Linux rules firing on %s", line).doesNotContainAnyElementsOf(webAndLinux);
        }
    }

    @Test
    void haproxyRequestsAreWebserverEventsAndWindowsFirewallLinesFirewallEvents() {
        assumeCorpus();
        String traversal = id("rules/web/webserver_generic/web_path_traversal_exploitation_attempt.yml");
        String attack = "<134>Mar  1 09:15:02 lb1 haproxy[900]: 203.0.113.9:51234 [01/Mar/2026:09:15:02.123] fe_https~"
                + " be_app/app1 0/0/1/12/13 200 1043 - - ---- 1/1/0/0/0 0/0 \"GET /cgi-bin/view.cgi?file=../../../etc/passwd"
                + " HTTP/1.1\"";
        assertThat(fired(attack)).contains(traversal);
        assertThat(fired(attack.replace("file=../../../etc/passwd", "file=report.pdf")))
                .doesNotContain(traversal);

        String equation = id("rules-emerging-threats/2017/TA/Equation-Group/net_firewall_apt_equationgroup_c2.yml");
        String firewall = "2026-03-01 10:00:01 ALLOW TCP 10.0.0.5 %s 53321 443 0 - - - - - - - SEND 1234";
        assertThat(fired(firewall.formatted("69.42.98.86"))).contains(equation);
        assertThat(fired(firewall.formatted("69.42.98.87"))).doesNotContain(equation);
    }

    @Test
    void dnsAndFirewallRulesFireOnTheirIndicators() {
        assumeCorpus();
        String wannacry = id("rules/network/dns/net_dns_wannacry_killswitch_domain.yml");
        assertThat(fired("Mar  1 09:15:02 ns1 named[464]: client @0x7f 192.0.2.10#52110"
                        + " (ifferfsodp9ifjaposdfjhgosurijfaewrwergwea.com): query:"
                        + " ifferfsodp9ifjaposdfjhgosurijfaewrwergwea.com IN A +E(0)K (192.0.2.53)"))
                .contains(wannacry);
        assertThat(fired("Mar  1 09:15:02 ns1 named[464]: client @0x7f 192.0.2.10#52110 (www.example.org): query:"
                        + " www.example.org IN A +E(0)K (192.0.2.53)"))
                .doesNotContain(wannacry);
        String equation = id("rules-emerging-threats/2017/TA/Equation-Group/net_firewall_apt_equationgroup_c2.yml");
        String sfw2 = logstashSamples("SFW2").getFirst();
        assertThat(fired(sfw2)).doesNotContain(equation);
        assertThat(fired(sfw2.replaceFirst("DST=\\S+", "DST=69.42.98.86"))).contains(equation);
    }

    // ---- CEF and LEEF proxies and firewalls -------------------------------------------------------

    /** A Zscaler NSS web log line in CEF, after the fields of Zscaler's documented CEF feed output. */
    private static String zscaler(String host, String path, String userAgent) {
        return "<14>Mar  1 09:15:02 nss01 ZscalerNSS: CEF:0|Zscaler|NSSWeblog|5.7|Allowed|None|3|act=Allowed app=HTTP"
                + " cat=Miscellaneous dhost=" + host + " dst=203.0.113.50 src=10.1.2.3 in=40960 out=512"
                + " request=http://" + host + path + " requestContext=None outcome=200"
                + " requestClientApplication=" + userAgent + " requestMethod=GET suser=alice@example.com"
                + " externalId=7001 fileType=EXE";
    }

    /** A FortiGate traffic line in CEF. */
    private static String fortigate(String dst, int dpt, String act) {
        return "<189>Mar  1 09:15:02 fw01 CEF:0|Fortinet|Fortigate|v6.0.3|00013|traffic:forward " + act
                + "|3|deviceExternalId=FGT60E4Q16000000 FTNTFGTlogid=0000000013 cat=traffic:forward"
                + " FTNTFGTsubtype=forward src=10.1.2.3 spt=51234 deviceInboundInterface=port1 dst=" + dst
                + " dpt=" + dpt + " deviceOutboundInterface=wan1 proto=6 act=" + act + " app=HTTPS out=1450 in=3276";
    }

    private static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36";

    @Test
    void cefProxyRequestsAreProxyEventsWithSigmasFieldNames() {
        assumeCorpus();
        Map<String, Object> ordinary = ingested(zscaler("www.example.org", "/files/report.pdf?lang=en", BROWSER));
        assertThat(logsources(ordinary)).contains(PROXY).doesNotContain(WEBSERVER, FIREWALL);
        assertThat(ordinary)
                .containsEntry("urlHost", "www.example.org")
                .containsEntry("urlPath", "/files/report.pdf")
                .containsEntry("urlExtension", "pdf")
                .containsEntry("urlQuery", "lang=en");

        String dyndns = id("rules/web/proxy_generic/proxy_download_susp_dyndns.yml");
        assertThat(fired(zscaler("update.hopto.org", "/files/invoice.exe", BROWSER)))
                .contains(dyndns);
        assertThat(fired(zscaler("www.example.org", "/files/invoice.exe", BROWSER)))
                .doesNotContain(dyndns);
        assertThat(fired(zscaler("update.hopto.org", "/files/invoice.pdf", BROWSER)))
                .doesNotContain(dyndns);

        String hacktool = id("rules/web/proxy_generic/proxy_ua_hacktool.yml");
        assertThat(fired(zscaler("www.example.org", "/login", "Mozilla/4.0 (hydra)")))
                .contains(hacktool);
        // no proxy rule of the corpus fires on an ordinary browser request
        Set<String> proxyRules = RULES.values().stream()
                .filter(r -> "proxy".equals(r.source().category()))
                .map(SigmaRule::id)
                .collect(Collectors.toSet());
        assertThat(proxyRules).hasSizeGreaterThan(50);
        assertThat(fired(ordinary)).doesNotContainAnyElementsOf(proxyRules);
    }

    /** A Cisco Umbrella proxy log line (CSV, as its S3 export writes it). */
    private static String umbrella(String url, String extension, String userAgent) {
        return "\"2026-03-01 09:15:02\",\"LAPTOP-17\",\"10.1.2.3\",\"198.51.100.7\",\"203.0.113.80\",\"application/octet-stream\","
                + "\"ALLOWED\",\"" + url + "\",\"\",\"" + userAgent + "\",\"200\",\"512\",\"40960\",\"40000\",\"\","
                + "\"Software/Technology\",\"\",\"\",\"\",\"\",\"\",\"Roaming Computers\",\"\",\"LAPTOP-17\",\"Roaming Computers\","
                + "\"GET\",\"\",\"\",\"" + extension + "\",\"\",\"\",\"\"";
    }

    /** A Zscaler web log from an NSS feed in JSON. */
    private static String zscalerJson(String url, String userAgent) {
        return "{\"sourcetype\":\"zscalernss-web\",\"event\":{\"time\":\"Sun Mar 01 09:15:02 2026\","
                + "\"login\":\"alice@example.com\",\"proto\":\"HTTP\",\"eurl\":\"" + url + "\",\"action\":\"Allowed\","
                + "\"urlcat\":\"Miscellaneous\",\"cip\":\"10.1.2.3\",\"sip\":\"203.0.113.50\",\"reqmethod\":\"GET\","
                + "\"respcode\":\"200\",\"ua\":\"" + userAgent + "\",\"ereferer\":\"None\"}}";
    }

    /** A Zscaler web log from a key=value NSS feed (pairs separated by tabs). */
    private static String zscalerKeyValue(String url, String userAgent) {
        return "<134>Mar  1 09:15:02 nss02 zscaler-nss: reason=Allowed\tevent_id=1001\tprotocol=HTTP\taction=Allowed"
                + "\tserverip=203.0.113.50\trequestmethod=GET\tClientIP=10.1.2.3\tstatus=200\tuser=alice@example.com"
                + "\turl=" + url + "\tuseragent=" + userAgent + "\tvendor=Zscaler";
    }

    @Test
    void umbrellaAndZscalerWebLogsAreProxyEvents() {
        assumeCorpus();
        String dyndns = id("rules/web/proxy_generic/proxy_download_susp_dyndns.yml");
        String hacktool = id("rules/web/proxy_generic/proxy_ua_hacktool.yml");

        assertThat(logsources(ingested(umbrella("http://www.example.org/files/report.pdf", "report.pdf", BROWSER))))
                .contains(PROXY)
                .doesNotContain(WEBSERVER, FIREWALL);
        assertThat(fired(umbrella("http://update.hopto.org/files/invoice.exe", "invoice.exe", BROWSER)))
                .contains(dyndns);
        assertThat(fired(umbrella("http://www.example.org/files/invoice.exe", "invoice.exe", BROWSER)))
                .doesNotContain(dyndns);
        assertThat(fired(umbrella("http://www.example.org/login", "login", "Mozilla/4.0 (hydra)")))
                .contains(hacktool);

        assertThat(logsources(ingestedJson(zscalerJson("www.example.org/files/report.pdf", BROWSER))))
                .contains(PROXY);
        assertThat(firedJson(zscalerJson("update.hopto.org/files/invoice.exe", BROWSER)))
                .contains(dyndns);
        assertThat(firedJson(zscalerJson("update.hopto.org/files/invoice.pdf", BROWSER)))
                .doesNotContain(dyndns);
        assertThat(firedJson(zscalerJson("www.example.org/login", "Mozilla/4.0 (hydra)")))
                .contains(hacktool);

        assertThat(logsources(ingested(zscalerKeyValue("www.example.org/files/report.pdf", BROWSER))))
                .contains(PROXY);
        assertThat(fired(zscalerKeyValue("update.hopto.org/files/invoice.exe", BROWSER)))
                .contains(dyndns);
        assertThat(fired(zscalerKeyValue("www.example.org/login", "Mozilla/4.0 (hydra)")))
                .contains(hacktool)
                .doesNotContain(dyndns);

        // no proxy rule of the corpus fires on an ordinary browser request of either
        Set<String> proxyRules = RULES.values().stream()
                .filter(r -> "proxy".equals(r.source().category()))
                .map(SigmaRule::id)
                .collect(Collectors.toSet());
        assertThat(fired(umbrella("http://www.example.org/files/report.pdf", "report.pdf", BROWSER)))
                .doesNotContainAnyElementsOf(proxyRules);
        assertThat(firedJson(zscalerJson("www.example.org/files/report.pdf", BROWSER)))
                .doesNotContainAnyElementsOf(proxyRules);
    }

    @Test
    void umbrellaSophosUtmAndZscalerFirewallLogsAreFirewallEvents() {
        assumeCorpus();
        String equation = id("rules-emerging-threats/2017/TA/Equation-Group/net_firewall_apt_equationgroup_c2.yml");
        String cleartext = id("rules/network/firewall/net_firewall_cleartext_protocols.yml");
        String umbrella =
                "\"2026-03-01 09:15:02\",\"[211039844]\",\"Branch Tunnel\",\"CDFW Tunnel Device\",\"OUTBOUND\",\"6\","
                        + "\"60\",\"10.1.2.3\",\"51234\",\"%s\",\"443\",\"ams1.edc\",\"12\",\"ALLOW\"";
        assertThat(logsources(ingested(umbrella.formatted("198.51.100.20")))).contains(FIREWALL);
        assertThat(fired(umbrella.formatted("69.42.98.86"))).contains(equation);
        assertThat(fired(umbrella.formatted("198.51.100.20"))).doesNotContain(equation);

        String utm = "<30>2026:03:01-09:15:02 utm9 ulogd[2000]: id=\"%s\" severity=\"info\" sys=\"SecureNet\""
                + " sub=\"packetfilter\" name=\"Packet %s\" action=\"%s\" fwrule=\"60001\" initf=\"eth1\""
                + " srcip=\"10.1.2.3\" dstip=\"%s\" proto=\"6\" length=\"60\" srcport=\"40001\" dstport=\"%d\"";
        assertThat(logsources(ingested(utm.formatted("2002", "accepted", "accept", "198.51.100.20", 443))))
                .contains(FIREWALL)
                .doesNotContain(PROXY);
        assertThat(fired(utm.formatted("2002", "accepted", "accept", "69.42.98.86", 443)))
                .contains(equation);
        assertThat(fired(utm.formatted("2002", "accepted", "accept", "198.51.100.20", 23)))
                .contains(cleartext);
        assertThat(fired(utm.formatted("2001", "dropped", "drop", "198.51.100.20", 23)))
                .doesNotContain(cleartext);
        assertThat(fired(utm.formatted("2002", "accepted", "accept", "198.51.100.20", 443)))
                .doesNotContain(cleartext, equation);

        String zscaler = "{\"sourcetype\":\"zscalernss-fw\",\"event\":{\"datetime\":\"Sun Mar 01 09:15:02 2026\","
                + "\"user\":\"alice@example.com\",\"csip\":\"10.1.2.3\",\"csport\":55018,\"cdip\":\"%s\",\"cdport\":443,"
                + "\"action\":\"Allow\",\"proto\":\"TCP\",\"nwapp\":\"https\"}}";
        assertThat(logsources(ingestedJson(zscaler.formatted("198.51.100.20")))).contains(FIREWALL);
        assertThat(firedJson(zscaler.formatted("69.42.98.86"))).contains(equation);
        assertThat(firedJson(zscaler.formatted("198.51.100.20"))).doesNotContain(equation);
    }

    @Test
    void cefAndLeefFirewallTrafficIsFirewallEvents() {
        assumeCorpus();
        String equation = id("rules-emerging-threats/2017/TA/Equation-Group/net_firewall_apt_equationgroup_c2.yml");
        String cleartext = id("rules/network/firewall/net_firewall_cleartext_protocols.yml");
        assertThat(logsources(ingested(fortigate("198.51.100.20", 443, "accept"))))
                .contains(FIREWALL)
                .doesNotContain(PROXY);
        assertThat(fired(fortigate("69.42.98.86", 443, "accept"))).contains(equation);
        assertThat(fired(fortigate("198.51.100.20", 443, "accept"))).doesNotContain(equation, cleartext);
        assertThat(fired(fortigate("198.51.100.20", 23, "accept"))).contains(cleartext);
        assertThat(fired(fortigate("198.51.100.20", 23, "deny"))).doesNotContain(cleartext);

        String leef = "LEEF:1.0|Fortinet|FortiGate|6.0|traffic|src=10.1.2.3\tdst=%s\tsrcPort=51234\tdstPort=443"
                + "\tproto=6\taction=accept";
        assertThat(logsources(ingested(leef.formatted("198.51.100.20")))).contains(FIREWALL);
        assertThat(fired(leef.formatted("89.185.234.145"))).contains(equation);
        assertThat(fired(leef.formatted("198.51.100.20"))).doesNotContain(equation);
    }

    @Test
    void realCefAndLeefLinesOfOtherProductsAreNeitherProxyNorFirewallEvents() {
        assumeCorpus();
        // the corpus's CEF and LEEF lines: ArcSight correlation events, F5's WAF, CyberArk PTA, parser fixtures
        List<String> lines = new ArrayList<>(wazuhLines(l -> l.contains("CEF:0|")));
        Path pairs = CORPUS.resolve("parser-fixtures/liblognorm/pairs.jsonl");
        assumeTrue(Files.isRegularFile(pairs), pairs + " not found: skipped");
        jsonLines(pairs).stream()
                .map(c -> c.path("input").asText())
                .filter(l -> l.startsWith("CEF:0|") && l.contains("src="))
                .distinct()
                .forEach(lines::add);
        Path leef = CORPUS.resolve("parser-fixtures/tenzir/leef1.log");
        try {
            Files.readAllLines(leef).stream().filter(l -> l.contains("src=")).forEach(lines::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(lines).hasSizeGreaterThan(3);
        for (String line : lines) {
            assertThat(logsources(ingested(line))).as(line).doesNotContain(PROXY, FIREWALL);
        }
    }

    @Test
    void aWindowsRuleNeverSeesALinuxEvent() {
        assumeCorpus();
        String whoamiPriv = id("rules/windows/process_creation/proc_creation_win_whoami_priv_discovery.yml");
        String windows = """
                {"Channel":"Microsoft-Windows-Sysmon/Operational","EventID":1,"Computer":"ws1",
                 "Image":"C:\\\\Windows\\\\System32\\\\whoami.exe","CommandLine":"whoami /priv","User":"CORP\\\\bob"}""";
        assertThat(firedJson(windows)).contains(whoamiPriv);
        // the very same fields from Sysmon for Linux
        assertThat(firedJson(windows.replace("Microsoft-Windows-Sysmon/Operational", "Linux-Sysmon/Operational")))
                .doesNotContain(whoamiPriv);
        // and no Windows rule fires on any real Linux line of the corpus
        Set<String> windowsRules = RULES.values().stream()
                .filter(r -> "windows".equals(r.source().product()))
                .map(SigmaRule::id)
                .collect(Collectors.toSet());
        for (String line :
                wazuhLines(l -> l.contains("sshd[") || l.contains(" su[") || l.matches("^(node=\\S+ )?type=.*"))) {
            assertThat(fired(line)).as(line).doesNotContainAnyElementsOf(windowsRules);
        }
    }

    /**
     * Counts the corpus's Linux, web server and network rules that load and that a source of the
     * mapping routes events to; every Linux, webserver, dns, firewall and proxy rule must be routed.
     */
    @Test
    void everyLinuxAndWebserverRuleIsRouted() {
        assumeCorpus();
        List<Logsource> produced = routedLogsources();
        Map<String, int[]> byFamily = new TreeMap<>(); // loaded, routed
        List<String> unrouted = new ArrayList<>();
        RULES.forEach((path, rule) -> {
            Logsource ls = rule.source();
            String family = "linux".equals(ls.product())
                    ? "linux"
                    : "webserver".equals(ls.category()) || "apache".equals(ls.service()) || "nginx".equals(ls.service())
                            ? "webserver"
                            : "dns".equals(ls.category()) || "firewall".equals(ls.category())
                                    ? "dns/firewall"
                                    : "proxy".equals(ls.category()) ? "proxy" : null;
            if (family == null) {
                return;
            }
            boolean routed = produced.stream().anyMatch(rule.source()::covers);
            int[] counts = byFamily.computeIfAbsent(family, f -> new int[2]);
            counts[0]++;
            if (routed) {
                counts[1]++;
            } else {
                unrouted.add(path + " (" + ls + ")");
            }
        });
        byFamily.forEach((family, c) -> System.out.printf(
                "%s rules under sigma/rules*: %d load, %d routed to a mapped source%n", family, c[0], c[1]));
        assertThat(byFamily).containsKeys("linux", "webserver", "dns/firewall", "proxy");
        assertThat(unrouted).isEmpty();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static List<Logsource> windowsOnes(Map<String, Object> event) {
        return logsources(event).stream()
                .filter(ls -> "windows".equals(ls.product()))
                .toList();
    }

    private static String linuxSysmon(String image, String commandLine) {
        try {
            return JSON.writeValueAsString(Map.of(
                    "Channel", "Linux-Sysmon/Operational",
                    "EventID", 1,
                    "Computer", "web01",
                    "UtcTime", "2026-03-01 09:15:02.123",
                    "Image", image,
                    "CommandLine", commandLine,
                    "ParentImage", "/usr/bin/bash",
                    "User", "alice",
                    "CurrentDirectory", "/home/alice"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample lines of one grok pattern of logstash-patterns-core. */
    private static List<String> logstashSamples(String pattern) {
        Path samples = CORPUS.resolve("logstash-patterns-core/spec-samples.jsonl");
        assumeTrue(Files.isRegularFile(samples), samples + " not found (set SOCAAS_CORPUS): skipped");
        return jsonLines(samples).stream()
                .filter(s -> pattern.equals(s.path("pattern").asText()))
                .map(s -> s.path("message").asText())
                .distinct()
                .toList();
    }

    /**
     * Real Combined Log Format lines: logstash's samples of the pattern (ordinary requests) that
     * ingestion maps to HTTP Activity (a sample without a status code is not one).
     */
    private static List<String> accessLogSamples() {
        List<String> samples = logstashSamples("HTTPD_COMBINEDLOG");
        List<String> requests = samples.stream()
                .filter(l -> {
                    try {
                        JsonNode record = JSON.readTree(NORMALIZER
                                .normalize(LogLine.decode(l, RECEIVED, new SyslogParser()), context())
                                .event()
                                .toJsonBytes());
                        return record.path("class_uid").asInt() == 4002;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
        return requests;
    }
}
