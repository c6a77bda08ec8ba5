package io.socaas.correlation.sigma.yaml;

import static io.socaas.correlation.sigma.yaml.IngestedEvents.antivirusRules;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.assumeCorpus;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.fired;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.id;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingestedAny;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.isAntivirus;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.logsources;
import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.detection.domain.EventAdmission;
import io.socaas.correlation.sigma.domain.Logsource;
import io.socaas.events.ocsf.OcsfNormalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The detections of the endpoint protection products the platform normalizes (Windows Defender's
 * event log, Defender for Endpoint's alert evidence, Microsoft Graph security alerts, CrowdStrike
 * Falcon, SentinelOne, Bitdefender GravityZone, Trend Micro Deep Security and Apex Central, Sophos
 * Central, ESET PROTECT and Panda Adaptive Defense), as ingestion normalizes them (event-model's
 * {@link OcsfNormalizer}, then {@link EventAdmission}), are SigmaHQ's {@code antivirus} events:
 * the product's name of a hacktool fires the hacktool rule, a web shell's the web shell rule, an
 * adware or PUA name none of the antivirus rules; the products' other events (console logins,
 * firewall, updates) are no antivirus events. Events are written after the products' documented
 * formats with invented values. Without the corpus ({@code SOCAAS_CORPUS}) the tests are skipped.
 */
class AntivirusLogsourcesTest {

    private static final String AV = "rules/category/antivirus/";
    private static final String HACKTOOL = AV + "av_hacktool.yml";
    private static final String PASSWORD_DUMPER = AV + "av_password_dumper.yml";
    private static final String WEBSHELL = AV + "av_webshell.yml";
    private static final String RANSOMWARE = AV + "av_ransomware.yml";
    private static final String RELEVANT_FILES = AV + "av_relevant_files.yml";

    /** A product's detection: the raw event for a threat name and a file. */
    private interface Detection {
        String of(String threat, String path);
    }

    private static List<String> firedOn(String raw) {
        return fired(ingestedAny(raw));
    }

    // ---- the products' detections -------------------------------------------------------------------

    private static String windowsDefender(int eventId, String threat, String path) {
        return """
                {"Event":{"System":{"EventID":%d,"TimeCreated":{"#attributes":{"SystemTime":"2026-03-01T09:00:01.123Z"}},\
                "Channel":"Microsoft-Windows-Windows Defender/Operational","Computer":"WS01.corp.example.com"},\
                "EventData":{"Product Name":"Microsoft Defender Antivirus","Detection ID":"{6A1C3B2E-0000-4000-8000-000000000001}",\
                "Threat ID":2147700001,"Threat Name":"%s","Severity ID":5,"Severity Name":"Severe","Category ID":8,\
                "Category Name":"Tool","Detection User":"CORP\\\\alice","Path":"%s"}}}""".formatted(eventId, threat, json(path));
    }

    private static String defenderEvidence(String threat, String path) {
        return "{\"time\":\"2026-03-01T09:00:02Z\",\"tenantId\":\"0b7e3c1a-1111-2222-3333-444455556666\","
                + "\"operationName\":\"Publish\",\"category\":\"AdvancedHunting-AlertEvidence\",\"properties\":{"
                + "\"Timestamp\":\"2026-03-01T09:00:01Z\",\"AlertId\":\"da638000000000000001_-1\","
                + "\"Title\":\"An active threat was detected\",\"Category\":\"Malware\",\"Severity\":\"High\","
                + "\"ServiceSource\":\"Microsoft Defender for Endpoint\",\"DetectionSource\":\"Antivirus\","
                + "\"EntityType\":\"File\",\"EvidenceRole\":\"Impacted\",\"FileName\":\""
                + json(path.substring(path.lastIndexOf('\\') + 1)) + "\",\"FolderPath\":\"" + json(path)
                + "\",\"ThreatFamily\":\"" + threat + "\",\"DeviceName\":\"ws01.corp.example.com\"}}";
    }

    private static String defenderEvidenceRow(String threat, String path) {
        return "{\"TenantId\":\"0b7e3c1a-1111-2222-3333-444455556666\",\"Type\":\"AlertEvidence\","
                + "\"TimeGenerated\":\"2026-03-01T09:00:05Z\",\"Timestamp\":\"2026-03-01T09:00:01Z\","
                + "\"AlertId\":\"da638000000000000001_-1\",\"Title\":\"An active threat was detected\","
                + "\"Severity\":\"High\",\"DetectionSource\":\"Antivirus\",\"EntityType\":\"File\","
                + "\"FolderPath\":\"" + json(path) + "\",\"ThreatFamily\":\"" + threat + "\"}";
    }

    private static String graphAlert(String threat, String path) {
        String file = path.substring(path.lastIndexOf('\\') + 1);
        String folder = path.substring(0, path.lastIndexOf('\\'));
        return "{\"id\":\"da638000000000000002_1\",\"providerAlertId\":\"da638000000000000002_1\","
                + "\"serviceSource\":\"microsoftDefenderForEndpoint\",\"detectionSource\":\"antivirus\","
                + "\"title\":\"An active threat was detected\",\"severity\":\"high\",\"status\":\"new\","
                + "\"category\":\"Malware\",\"createdDateTime\":\"2026-03-01T09:00:03Z\",\"threatDisplayName\":"
                + (threat == null ? "null" : "\"" + threat + "\"")
                + ",\"evidence\":[{\"@odata.type\":\"#microsoft.graph.security.fileEvidence\",\"fileDetails\":{"
                + "\"fileName\":\"" + json(file) + "\",\"filePath\":\"" + json(folder) + "\"}}]}";
    }

    private static String falcon(String detectName, String path) {
        String folder = path.substring(0, path.lastIndexOf('\\'));
        String file = path.substring(path.lastIndexOf('\\') + 1);
        return "{\"metadata\":{\"customerIDString\":\"c0ffee00c0ffee00c0ffee00c0ffee00\",\"offset\":42,"
                + "\"eventType\":\"DetectionSummaryEvent\",\"eventCreationTime\":1772355600000,\"version\":\"1.0\"},"
                + "\"event\":{\"ComputerName\":\"WS01\",\"UserName\":\"alice\",\"DetectName\":\"" + detectName + "\","
                + "\"DetectDescription\":\"A file written to disk was classified by Falcon.\",\"SeverityName\":\"High\","
                + "\"FileName\":\"" + json(file) + "\",\"FilePath\":\"" + json(folder) + "\","
                + "\"Tactic\":\"Malware\",\"Technique\":\"Malicious File\",\"DetectId\":\"ldt:1:2\"}}";
    }

    private static String falconEpp(String name, String path) {
        return "{\"metadata\":{\"customerIDString\":\"c0ffee00c0ffee00c0ffee00c0ffee00\",\"offset\":43,"
                + "\"eventType\":\"EppDetectionSummaryEvent\",\"eventCreationTime\":1772355600000,\"version\":\"1.0\"},"
                + "\"event\":{\"Hostname\":\"WS01\",\"UserName\":\"alice\",\"Name\":\"" + name + "\","
                + "\"SeverityName\":\"High\",\"FilePath\":\"" + json(path) + "\",\"Tactic\":\"Malware\"}}";
    }

    /** The same detection as Falcon Data Replicator writes it: flat, without metadata. */
    private static String falconFdr(String name, String path) {
        return "{\"Hostname\":\"WS01\",\"UserName\":\"alice\",\"Name\":\"" + name + "\",\"SeverityName\":\"High\","
                + "\"FilePath\":\"" + json(path) + "\",\"Tactic\":\"Malware\",\"AgentId\":\"a1b2\","
                + "\"CompositeId\":\"c0ffee00:ind:a1b2:100-200-300\",\"PatternId\":200,"
                + "\"FalconHostLink\":\"https://falcon.crowdstrike.com/activity-v2/detections/c0ffee00:ind:a1b2:100-200-300\"}";
    }

    private static String sentinelOneCef2(String classification, String path) {
        String file = path.substring(path.lastIndexOf('\\') + 1);
        return "<14>2026-03-01 09:00:04,100 sentinel - CEF:2|SentinelOne|Mgmt|Windows|rt=2026-03-01 09:00:03.000000"
                + "|filePath=" + path + "|vendor=SentinelOne|eventID=19|eventDesc=New active threat - machine PC-BOB"
                + "|sourceHostName=PC-BOB|sourceUserName=bob|threatClassification=" + classification
                + "|threatDetectingEngine=On-Write Static AI|threatMitigationStatus=not_mitigated"
                + "|threatConfidenceLevel=malicious|threatID=301|fileName=" + file + "|activityType=19";
    }

    /** The seven-field CEF:0 form: the activity type is the signature id, the threat's fields keep CEF2's names. */
    private static String sentinelOneCef(String classification, String path) {
        return "<134>Mar  1 09:00:04 console01 CEF:0|SentinelOne|Mgmt|Windows|19|New active threat - machine PC-BOB|5"
                + "|rt=1772355603000 sourceHostName=PC-BOB suser=bob threatClassification=" + classification
                + " threatID=302 filePath=" + path.replace("\\", "\\\\") + " fileName="
                + path.substring(path.lastIndexOf('\\') + 1);
    }

    private static String sentinelOneApi(String classification, String path) {
        return "{\"id\":\"910\",\"agentRealtimeInfo\":{\"agentComputerName\":\"pc-carol\",\"agentUuid\":\"u-9\"},"
                + "\"threatInfo\":{\"threatId\":\"910\",\"threatName\":\""
                + json(path.substring(path.lastIndexOf('\\') + 1)) + "\",\"classification\":\"" + classification
                + "\",\"confidenceLevel\":\"malicious\",\"incidentStatus\":\"unresolved\",\"mitigationStatus\":\"mitigated\","
                + "\"filePath\":\"" + json(path) + "\",\"createdAt\":\"2026-03-01T09:00:03.000000Z\"}}";
    }

    private static String bitdefender(String threat, String path) {
        return "{\"module\":\"av\",\"companyId\":\"5f0c0000000000000000aaaa\",\"computer_name\":\"PC-FRANK\","
                + "\"computer_ip\":\"192.0.2.31\",\"malware_type\":\"file\",\"malware_name\":\"" + threat + "\","
                + "\"file_path\":\"" + json(path) + "\",\"final_status\":\"quarantined\","
                + "\"timestamp\":\"2026-03-01T09:00:00.000Z\"}";
    }

    private static String bitdefenderCef(String threat, String path) {
        return "<134>Mar  1 09:00:05 gz01 CEF:0|Bitdefender|GravityZone|6.40.0-1|35|Antimalware|9|BitdefenderGZModule=av"
                + " BitdefenderGZCompanyId=5f0c dvchost=PC-HANK BitdefenderGZMalwareName=" + threat
                + " BitdefenderGZMalwareType=file filePath=" + path.replace("\\", "\\\\") + " act=quarantined";
    }

    private static String deepSecurity(String threat, String path) {
        return "<134>Mar  1 09:00:06 dsm01 CEF:0|Trend Micro|Deep Security Agent|20.0.1|4000000|" + threat + "|6"
                + "|cn1=7 cn1Label=Host ID dvchost=web01.example.com filePath=" + path.replace("\\", "\\\\")
                + " act=Quarantine msg=Realtime";
    }

    private static String apexCentral(String threat, String path) {
        String folder = path.substring(0, path.lastIndexOf('\\') + 1);
        String file = path.substring(path.lastIndexOf('\\') + 1);
        return "<134>Mar  1 09:00:07 apex01 CEF:0|Trend Micro|Apex Central|2019|AV:File quarantined|" + threat + "|3"
                + "|deviceExternalId=5 rt=Mar 01 2026 09:00:00 GMT+00:00 cnt=1 dhost=PC-JOHN duser=john act=File quarantined"
                + " cs1Label=VLF_FunctionCode cs1=Real-time Scan fname=" + file + " filePath="
                + folder.replace("\\", "\\\\");
    }

    private static String sophos(String group, String type, String threat, String path) {
        return "{\"severity\":\"high\",\"endpoint_type\":\"computer\",\"user_id\":\"5d\",\"source_info\":{\"ip\":\"192.0.2.5\"},"
                + "\"customer_id\":\"816f\",\"endpoint_id\":\"c80c\",\"type\":\"" + type
                + "\",\"name\":\"Malware detected: '"
                + threat + "' at '" + json(path)
                + "'\",\"location\":\"WS01\",\"source\":\"CORP\\\\alice\",\"id\":\"83d6\","
                + "\"group\":\"" + group + "\",\"when\":\"2026-03-01T09:00:08.000Z\",\"threat\":\"" + threat + "\","
                + "\"datastream\":\"event\"}";
    }

    /** Sophos Central's SIEM API alert: the endpoint under data, the threat named. */
    private static String sophosAlert(String threat, String path) {
        return "{\"description\":\"Manual cleanup required: '" + threat + "' at '" + json(path) + "'\","
                + "\"source\":\"CORP\\\\alice\",\"severity\":\"high\",\"data\":{\"endpoint_id\":\"c80c\","
                + "\"endpoint_type\":\"computer\"},\"customer_id\":\"816f\",\"threat\":\"" + threat + "\","
                + "\"when\":\"2026-03-01T09:00:08.000Z\",\"type\":\"Event::Endpoint::Threat::CleanupFailed\","
                + "\"location\":\"WS01\",\"id\":\"9a1f\"}";
    }

    private static String symantec(String risk, String path) {
        return "<54>Mar  1 09:00:10 sepm01 SymantecServer: Virus found,IP Address: 192.0.2.21,Computer name: WS-017,"
                + "Source: Auto-Protect scan,Risk name: " + risk + ",Occurrences: 1," + path + ",,"
                + "Actual action: Quarantined,Requested action: Quarantined,Secondary action: Deleted,"
                + "Event time: 2026-03-01 09:00:09,Domain: Default,Server: sepm01,User: bob";
    }

    private static String eset(String threat, String path) {
        return "<14>1 2026-03-01T09:00:09.000Z era ERAServer 1234 - - {\"event_type\":\"Threat_Event\","
                + "\"ipv4\":\"192.0.2.20\",\"hostname\":\"pc-07.corp.example.com\",\"source_uuid\":\"d5b7\","
                + "\"occured\":\"01-Mar-2026 09:00:08\",\"severity\":\"Warning\",\"threat_type\":\"Trojan\","
                + "\"threat_name\":\"" + threat + "\",\"scanner_id\":\"Real-time file system protection\","
                + "\"object_uri\":\"file:///" + path.replace('\\', '/') + "\",\"action_taken\":\"cleaned by deleting\","
                + "\"threat_handled\":true,\"username\":\"CORP\\\\bob\"}";
    }

    /** ESET Connect's detections API: a malware named in the circumstances, the file as a URI. */
    private static String esetConnect(String threat, String path) {
        return "{\"category\":\"DETECTION_CATEGORY_UNSPECIFIED\",\"context\":{\"circumstances\":\"Malware: " + threat
                + "\",\"deviceUuid\":\"4f1d\",\"process\":{\"path\":\"C:\\\\Windows\\\\explorer.exe\"},"
                + "\"userName\":\"CORP\\\\erin\"},\"displayName\":\"\",\"objectHashSha1\":"
                + "\"0A1B2C3D4E5F60718293A4B5C6D7E8F901234567\",\"objectTypeName\":\"File\",\"objectUrl\":\"file:///"
                + json(path.replace('\\', '/')) + "\",\"occurTime\":\"2026-03-01T09:00:11Z\","
                + "\"severityLevel\":\"SEVERITY_LEVEL_HIGH\",\"typeName\":\"nil\",\"uuid\":\"8e1f2a3b-0000-4000-8000-00000000000c\"}";
    }

    private static String panda(String category, String threat, String path) {
        return "LEEF:1.0|Panda Security|paps|02.47.00.0000|exec|sev=1\tdevTime=2026-03-01 09:00:10.000000"
                + "\tdevTimeFormat=yyyy-MM-dd HH:mm:ss.SSS\tusrName=dave\tdomain=CORP\tsrc=192.0.2.40\tHostName=PC-DAVE"
                + "\tMUID=577C98BB9DC2523C1AEDE584FCAF1615\tOp=Exec\tParentPath=SYSTEM|\\cmd.exe\tParentCat=Goodware"
                + "\tParentMWName=\tChildPath=" + pandaPath(path) + "\tChildCat="
                + category + "\tChildMWName=" + threat + "\tParams=x\tAction=Block\tDetId=0";
    }

    /** A path as Panda writes it: the known folder it is in, then the rest ({@code USER_PROFILE|\\Downloads\\x.exe}). */
    private static String pandaPath(String path) {
        String profile = "C:\\Users\\alice";
        return path.startsWith(profile)
                ? "USER_PROFILE|" + path.substring(profile.length())
                : "SYSTEMDRIVE|" + path.substring(2);
    }

    private static String kaspersky(String threat, String path) {
        return "<29>1 2026-03-01T09:00:11.000Z ws0042.corp.example.com KES|12.5.0.0 - GNRL_EV_VIRUS_FOUND [event@23668"
                + " p2=\"" + path.replace("\\", "\\\\") + "\" p5=\"" + threat + "\" p7=\"CORP\\\\alice\""
                + " et=\"GNRL_EV_VIRUS_FOUND\" tdn=\"File Threat Protection\" etdn=\"Malicious object detected\""
                + " hdn=\"WS0042\" hip=\"192.0.2.42\" gn=\"Laptops\"] Result description: Detected";
    }

    private static String kasperskyCef(String threat, String path) {
        return "<134>Mar  1 09:00:12 ksc01 CEF:0|KasperskyLab|SecurityCenter|14.2.0.26967|GNRL_EV_VIRUS_FOUND"
                + "|Malicious object detected|4|rt=1772355612000 dhost=WS0042 dst=192.0.2.42 cs1=" + threat
                + " cs1Label=VirusName filePath=" + path + " duser=CORP\\alice";
    }

    private record Product(String name, Detection detection, String hacktool, String webshell, String adware) {}

    /** Per product: its detection, and its own names of a hacktool (Mimikatz), a web shell and an adware/PUA. */
    private static List<Product> products() {
        return List.of(
                new Product(
                        "windows defender",
                        (t, p) -> windowsDefender(1116, t, "file:_" + p),
                        "HackTool:Win32/Mimikatz!pz",
                        "Backdoor:ASP/Chopper.F!dha",
                        "PUA:Win32/Presenoker"),
                new Product(
                        "defender alert evidence",
                        AntivirusLogsourcesTest::defenderEvidence,
                        "Mimikatz",
                        "Chopper",
                        "Presenoker"),
                new Product(
                        "defender alert evidence row",
                        AntivirusLogsourcesTest::defenderEvidenceRow,
                        "Mimikatz",
                        "Chopper",
                        "Presenoker"),
                new Product(
                        "graph alert",
                        AntivirusLogsourcesTest::graphAlert,
                        "HackTool:Win32/Mimikatz",
                        "Backdoor:ASP/Chopper.F!dha",
                        "PUA:Win32/Presenoker"),
                new Product(
                        "falcon",
                        AntivirusLogsourcesTest::falcon,
                        "Credential Dumping via Mimikatz",
                        "China Chopper Webshell",
                        "NGAV"),
                new Product(
                        "falcon epp",
                        AntivirusLogsourcesTest::falconEpp,
                        "Credential Dumping via Mimikatz",
                        "China Chopper Webshell",
                        "NGAV"),
                new Product(
                        "falcon fdr",
                        AntivirusLogsourcesTest::falconFdr,
                        "Credential Dumping via Mimikatz",
                        "China Chopper Webshell",
                        "NGAV"),
                // SentinelOne's classification is the signature: it has none for web shells
                new Product("sentinelone cef2", AntivirusLogsourcesTest::sentinelOneCef2, "Hacktool", null, "PUA"),
                new Product("sentinelone api", AntivirusLogsourcesTest::sentinelOneApi, "Hacktool", null, "PUA"),
                new Product("sentinelone cef", AntivirusLogsourcesTest::sentinelOneCef, "Hacktool", null, "PUA"),
                new Product(
                        "bitdefender",
                        AntivirusLogsourcesTest::bitdefender,
                        "Application.Hacktool.Mimikatz.A",
                        "Backdoor.PHP.WebShell.J",
                        "Adware.Agent.FNAM"),
                new Product(
                        "bitdefender cef",
                        AntivirusLogsourcesTest::bitdefenderCef,
                        "Application.Hacktool.Mimikatz.A",
                        "Backdoor.PHP.WebShell.J",
                        "Adware.Agent.FNAM"),
                new Product(
                        "deep security",
                        AntivirusLogsourcesTest::deepSecurity,
                        "HackTool.Win64.Mimikatz.SWG",
                        "Backdoor.ASP.CHOPPER.ASGH",
                        "Adware.Win32.OpenCandy.A"),
                new Product(
                        "apex central",
                        AntivirusLogsourcesTest::apexCentral,
                        "HackTool.Win64.Mimikatz.SWG",
                        "Backdoor.ASP.CHOPPER.ASGH",
                        "Adware.Win32.OpenCandy.A"),
                new Product(
                        "sophos central",
                        (t, p) -> sophos("MALWARE", "Event::Endpoint::Threat::Detected", t, p),
                        "ATK/Mimikatz-A",
                        "Troj/ASPDoor-B",
                        "OpenCandy"),
                new Product(
                        "sophos central alert",
                        AntivirusLogsourcesTest::sophosAlert,
                        "ATK/Mimikatz-A",
                        "Troj/ASPDoor-B",
                        "OpenCandy"),
                new Product(
                        "symantec",
                        AntivirusLogsourcesTest::symantec,
                        "Hacktool.Mimikatz",
                        "PHP.Backdoor.Trojan",
                        "Adware.Toolbar"),
                new Product(
                        "eset",
                        AntivirusLogsourcesTest::eset,
                        "Win64/Riskware.Mimikatz.A",
                        "PHP/WebShell.NBT",
                        "Win32/Adware.Toolbar.A"),
                new Product(
                        "eset connect",
                        AntivirusLogsourcesTest::esetConnect,
                        "Win64/Riskware.Mimikatz.A",
                        "PHP/WebShell.NBT",
                        "Win32/Adware.Toolbar.A"),
                new Product(
                        "kaspersky",
                        AntivirusLogsourcesTest::kaspersky,
                        "not-a-virus:HEUR:PSWTool.Win64.Mimikatz.gen",
                        "HEUR:Backdoor.ASP.WebShell.gen",
                        "not-a-virus:HEUR:AdWare.Win32.Agent.gen"),
                new Product(
                        "kaspersky cef",
                        AntivirusLogsourcesTest::kasperskyCef,
                        "not-a-virus:HEUR:PSWTool.Win64.Mimikatz.gen",
                        "HEUR:Backdoor.ASP.WebShell.gen",
                        "not-a-virus:HEUR:AdWare.Win32.Agent.gen"),
                new Product(
                        "panda",
                        (t, p) -> panda(t.startsWith("PUP") ? "PUP" : "Malware", t, p),
                        "Hacktool/Mimikatz.A",
                        "Bck/WebShell.A",
                        "PUP/OpenCandy"));
    }

    private static final String TOOL = "C:\\Users\\alice\\Downloads\\m64.exe";
    private static final String SHELL = "C:\\inetpub\\wwwroot\\aspnet_client\\errorEE.aspx";
    private static final String SETUP = "C:\\Users\\alice\\Downloads\\freeconverter_setup.exe";

    @Test
    void aHacktoolDetectionOfEveryProductFiresTheHacktoolRule() {
        assumeCorpus();
        String hacktool = id(HACKTOOL);
        String dumper = id(PASSWORD_DUMPER);
        for (Product product : products()) {
            String raw = product.detection().of(product.hacktool(), TOOL);
            assertThat(isAntivirus(raw)).as(product.name()).isTrue();
            List<String> fired = firedOn(raw);
            assertThat(fired).as("%s: %s", product.name(), raw).contains(hacktool);
            // Mimikatz by name is also a password dumper (SentinelOne names the class only)
            if (product.hacktool().contains("Mimikatz")) {
                assertThat(fired).as(product.name()).contains(dumper);
            } else {
                assertThat(fired).as(product.name()).doesNotContain(dumper);
            }
            assertThat(fired).as(product.name()).doesNotContain(id(WEBSHELL));
        }
    }

    @Test
    void aWebShellDetectionFiresTheWebShellRule() {
        assumeCorpus();
        String webshell = id(WEBSHELL);
        for (Product product : products()) {
            if (product.webshell() == null) {
                continue;
            }
            String raw = product.detection().of(product.webshell(), SHELL);
            assertThat(isAntivirus(raw)).as(product.name()).isTrue();
            assertThat(firedOn(raw)).as("%s: %s", product.name(), raw).contains(webshell);
            assertThat(firedOn(raw)).as(product.name()).doesNotContain(id(HACKTOOL));
        }
    }

    @Test
    void anAdwareDetectionIsAnAntivirusEventThatFiresNoAntivirusRule() {
        assumeCorpus();
        Set<String> antivirus = antivirusRules();
        assertThat(antivirus).hasSizeGreaterThanOrEqualTo(8);
        for (Product product : products()) {
            String raw = product.detection().of(product.adware(), SETUP);
            assertThat(isAntivirus(raw)).as(product.name()).isTrue();
            assertThat(firedOn(raw)).as("%s: %s", product.name(), raw).doesNotContainAnyElementsOf(antivirus);
        }
    }

    @Test
    void theFileOfADetectionIsTheRulesFilename() {
        assumeCorpus();
        String relevant = id(RELEVANT_FILES);
        // the same adware in a web server's folder, as a script: a relevant file
        Map<String, String> inWebRoot = new LinkedHashMap<>();
        inWebRoot.put("windows defender", windowsDefender(1116, "PUA:Win32/Presenoker", "file:_" + SHELL));
        inWebRoot.put("defender alert evidence", defenderEvidence("Presenoker", SHELL));
        inWebRoot.put("falcon epp", falconEpp("NGAV", SHELL));
        inWebRoot.put("falcon fdr", falconFdr("NGAV", SHELL));
        inWebRoot.put("sentinelone cef2", sentinelOneCef2("PUA", SHELL));
        inWebRoot.put("sentinelone api", sentinelOneApi("PUA", SHELL));
        inWebRoot.put("sentinelone cef", sentinelOneCef("PUA", SHELL));
        inWebRoot.put("bitdefender", bitdefender("Adware.Agent.FNAM", SHELL));
        inWebRoot.put("bitdefender cef", bitdefenderCef("Adware.Agent.FNAM", SHELL));
        inWebRoot.put("deep security", deepSecurity("Adware.Win32.OpenCandy.A", SHELL));
        inWebRoot.put("eset", eset("Win32/Adware.Toolbar.A", SHELL));
        inWebRoot.put("eset connect", esetConnect("Win32/Adware.Toolbar.A", SHELL));
        inWebRoot.put("symantec", symantec("Adware.Toolbar", SHELL));
        for (Map.Entry<String, String> e : inWebRoot.entrySet()) {
            assertThat(firedOn(e.getValue())).as(e.getKey()).contains(relevant);
        }
        // the spool folder of the PrintNightmare rule, written as Windows writes it
        String nightmare =
                id("rules-emerging-threats/2021/Exploits/CVE-2021-1675/av_exploit_cve_2021_34527_print_nightmare.yml");
        String driver = "C:\\Windows\\System32\\spool\\drivers\\x64\\3\\new\\evil.dll";
        assertThat(firedOn(bitdefender("Trojan.GenericKD.1", driver))).contains(nightmare);
        assertThat(firedOn(deepSecurity("TROJ_GEN.R002C0", driver))).contains(nightmare);
        assertThat(firedOn(bitdefender("Trojan.GenericKD.1", SETUP))).doesNotContain(nightmare);
    }

    @Test
    void ransomwareByItsClassificationFiresTheRansomwareRule() {
        assumeCorpus();
        String ransomware = id(RANSOMWARE);
        for (String raw : List.of(
                sentinelOneCef2("Ransomware", TOOL),
                sentinelOneApi("Ransomware", TOOL),
                windowsDefender(1116, "Ransom:Win32/LockBit.A", "file:_" + TOOL),
                eset("Win32/Filecoder.LockBit.A", TOOL),
                esetConnect("Win32/Filecoder.LockBit.A", TOOL))) {
            assertThat(firedOn(raw)).as(raw).contains(ransomware);
        }
        assertThat(firedOn(sentinelOneApi("Trojan", TOOL))).doesNotContain(ransomware);
    }

    @Test
    void theProductsOtherEventsAreNoAntivirusEvents() {
        assumeCorpus();
        Map<String, String> others = new LinkedHashMap<>();
        // Defender: the action taken on a detection (1117) and real-time protection turned off
        others.put("windows defender 1117", windowsDefender(1117, "HackTool:Win32/Mimikatz!pz", "file:_" + TOOL));
        others.put("windows defender 5001", windowsDefender(5001, "HackTool:Win32/Mimikatz!pz", "file:_" + TOOL));
        others.put(
                "defender user evidence",
                "{\"time\":\"2026-03-01T09:00:02Z\",\"tenantId\":\"0b7e\",\"operationName\":\"Publish\","
                        + "\"category\":\"AdvancedHunting-AlertEvidence\",\"properties\":{\"Timestamp\":\"2026-03-01T09:00:01Z\","
                        + "\"AlertId\":\"da1\",\"Title\":\"Suspicious sign-in\",\"Severity\":\"Medium\",\"EntityType\":\"User\","
                        + "\"AccountName\":\"alice\"}}");
        others.put(
                "defender logon",
                "{\"time\":\"2026-03-01T09:00:02Z\",\"tenantId\":\"0b7e\",\"operationName\":\"Publish\","
                        + "\"category\":\"AdvancedHunting-DeviceLogonEvents\",\"properties\":{\"Timestamp\":\"2026-03-01T09:00:01Z\","
                        + "\"DeviceName\":\"ws01\",\"ActionType\":\"LogonSuccess\",\"AccountName\":\"alice\",\"LogonType\":\"Interactive\"}}");
        // Kaspersky: the report of a detection's processing, and a network attack blocked
        others.put(
                "kaspersky quarantined",
                kaspersky("HEUR:Trojan-PSW.Win64.Mimikatz.gen", TOOL)
                        .replace("GNRL_EV_VIRUS_FOUND", "GNRL_EV_OBJECT_QUARANTINED"));
        others.put(
                "kaspersky network attack",
                kaspersky("Intrusion.Win.MS17-010.o", TOOL).replace("GNRL_EV_VIRUS_FOUND", "GNRL_EV_ATTACK_DETECTED"));
        others.put(
                "kaspersky cef quarantined",
                kasperskyCef("HEUR:Trojan-PSW.Win64.Mimikatz.gen", TOOL)
                        .replace("GNRL_EV_VIRUS_FOUND", "GNRL_EV_OBJECT_QUARANTINED"));
        // a Graph alert that names no threat (an unusual sign-in)
        others.put("graph sign-in alert", graphAlert(null, TOOL));
        others.put(
                "falcon console login",
                "{\"metadata\":{\"customerIDString\":\"c0ffee00\",\"offset\":44,\"eventType\":\"AuthActivityAuditEvent\","
                        + "\"eventCreationTime\":1772355600000,\"version\":\"1.0\"},\"event\":{\"UserId\":\"admin@example.com\","
                        + "\"UserIp\":\"198.51.100.9\",\"OperationName\":\"userAuthenticate\",\"ServiceName\":\"CrowdStrike Authentication\","
                        + "\"Success\":true,\"UTCTimestamp\":1772355600}}");
        others.put(
                "sentinelone console login",
                "<14>2026-03-01 09:00:04,100 sentinel - CEF:2|SentinelOne|Mgmt|Windows|rt=2026-03-01 09:00:03.000000"
                        + "|vendor=SentinelOne|eventID=27|eventDesc=The management user dave@example.com logged in"
                        + "|sourceUserName=dave@example.com|activityType=27");
        others.put(
                "sentinelone api login",
                "{\"accountId\":\"200\",\"activityType\":27,\"createdAt\":\"2026-03-01T09:00:00.000000Z\","
                        + "\"data\":{\"username\":\"dave@example.com\",\"ipAddress\":\"198.51.100.30\"},\"id\":\"901\","
                        + "\"primaryDescription\":\"The management user dave@example.com logged in.\"}");
        // a threat's later mitigation report names the same threat
        others.put(
                "sentinelone mitigation",
                sentinelOneCef2("Hacktool", TOOL)
                        .replace("eventID=19", "eventID=2001")
                        .replace("activityType=19", "activityType=2001"));
        others.put(
                "bitdefender firewall",
                "<134>Mar  1 09:00:05 gz01 CEF:0|Bitdefender|GravityZone|6.40.0-1|50|Firewall|9|BitdefenderGZModule=fw"
                        + " BitdefenderGZCompanyId=5f0c dvchost=PC-HANK dvc=192.0.2.32 act=portscan_blocked"
                        + " BitdefenderGZEventSourceIP=198.51.100.40");
        others.put(
                "bitdefender uninstall",
                "{\"module\":\"uninstall\",\"companyId\":\"5f0c\",\"computer_name\":\"PC-IDA\",\"reason\":1}");
        others.put(
                "deep security manager sign-in",
                "<134>Mar  1 09:00:06 dsm01 CEF:0|Trend Micro|Deep Security Manager|20.0.1|600|User Signed In|3"
                        + "|src=198.51.100.51 suser=admin target=admin msg=User signed in from 198.51.100.51");
        others.put(
                "deep security intrusion prevention",
                "<134>Mar  1 09:00:06 dsm01 CEF:0|Trend Micro|Deep Security Agent|20.0.1|1001251|Disallow WPAD|6"
                        + "|cn1=7 cn1Label=Host ID dvchost=web01.example.com src=198.51.100.50 dst=192.0.2.60 proto=UDP"
                        + " spt=53 dpt=53000 act=Reset");
        others.put(
                "apex central web violation",
                "<134>Mar  1 09:00:07 apex01 CEF:0|Trend Micro|Apex Central|2019|WB:36|Blocked URL|3|dhost=PC-JOHN"
                        + " duser=john request=http://mimikatz.example.com/ act=Blocked");
        others.put(
                "sophos update",
                sophos("UPDATING", "Event::Endpoint::UpdateSuccess", "Mimikatz", TOOL)
                        .replace(",\"threat\":\"Mimikatz\"", ""));
        others.put(
                "eset console login",
                "<14>1 2026-03-01T09:00:09.000Z era ERAServer 1234 - - {\"event_type\":\"Audit_Event\",\"hostname\":\"era\","
                        + "\"source_uuid\":\"y\",\"occured\":\"01-Mar-2026 09:00:08\",\"domain\":\"Native user\",\"action\":"
                        + "\"Login attempt\",\"target\":\"Administrator\",\"detail\":\"Authenticating native user 'Administrator'.\","
                        + "\"user\":\"\",\"result\":\"Success\"}");
        others.put(
                "eset firewall",
                "<14>1 2026-03-01T09:00:09.000Z era ERAServer 1234 - - {\"event_type\":\"FirewallAggregated_Event\","
                        + "\"hostname\":\"pc-07\",\"source_uuid\":\"d5b7\",\"occured\":\"01-Mar-2026 09:00:08\",\"severity\":"
                        + "\"Warning\",\"event\":\"Security vulnerability exploitation attempt\",\"source_address\":\"203.0.113.9\","
                        + "\"target_address\":\"192.0.2.20\",\"target_port\":445,\"protocol\":\"TCP\",\"action\":\"Blocked\"}");
        // ESET Connect: a network attack the firewall blocked names no malware
        others.put(
                "eset connect network attack",
                "{\"category\":\"DETECTION_CATEGORY_NETWORK_INTRUSION\",\"typeName\":\"TCP Port scanning attack\","
                        + "\"context\":{\"circumstances\":\"Mimikatz remote execution attempt blocked\",\"deviceUuid\":\"4f1d\"},"
                        + "\"networkCommunication\":{\"remoteIpAddress\":\"203.0.113.77\",\"remotePort\":445},"
                        + "\"occurTime\":\"2026-03-01T09:00:12Z\",\"severityLevel\":\"SEVERITY_LEVEL_MEDIUM\","
                        + "\"uuid\":\"8e1f2a3b-0000-4000-8000-00000000000d\"}");
        others.put("panda goodware", panda("Goodware", "", "C:\\Users\\alice\\Downloads\\notepad.exe"));
        Set<String> antivirus = antivirusRules();
        for (Map.Entry<String, String> other : others.entrySet()) {
            Map<String, Object> event = ingestedAny(other.getValue());
            assertThat(logsources(event).stream().map(Logsource::category))
                    .as(other.getKey())
                    .doesNotContain("antivirus");
            assertThat(fired(event)).as(other.getKey()).doesNotContainAnyElementsOf(antivirus);
        }
    }

    /** The text as a JSON string's content (backslashes and quotes escaped). */
    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
