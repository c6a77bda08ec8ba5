package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Trellix (McAfee) ePO events forwarded by syslog as XML, from the samples a public syslog collector's
 * tests send (times made fixed, hosts and users as published).
 */
class TrellixEpoMappingsTest {

    private static final String PRODUCT = "ePolicy Orchestrator";

    private static final String HEADER =
            "<29>1 2025-08-26T05:32:40.123Z epo01 EPOEvents - EventFwd [agentInfo@3401 tenantId=\"1\""
                    + " bpsId=\"1\" tenantGUID=\"{00000000-0000-0000-0000-000000000000}\" tenantNodePath=\"1\\2\"]"
                    + " <?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private static final String MACHINE = "<MachineInfo><MachineName>DESKTOP-00001</MachineName>"
            + "<AgentGUID>0011aacc-eeee-0000-0000-000011223311</AgentGUID><IPAddress>10.222.22.131</IPAddress>"
            + "<OSName>Windows 10 Server</OSName><UserName>SYSTEM</UserName><TimeZoneBias>-330</TimeZoneBias>"
            + "<RawMACAddress>000011223311</RawMACAddress></MachineInfo>";

    @Test
    void anOnAccessScanDetectionIsADetectionFinding() throws Exception {
        JsonNode r = line(
                HEADER + "<EPOevent>" + MACHINE + "<SoftwareInfo ProductName=\"McAfee Endpoint Security\""
                        + " ProductVersion=\"10.6.1\" ProductFamily=\"TVD\"><CommonFields><Analyzer>ENDP_AM_1060</Analyzer>"
                        + "<AnalyzerName>McAfee Endpoint Security</AnalyzerName><AnalyzerVersion>10.6.1</AnalyzerVersion>"
                        + "<AnalyzerHostName>DESKTOP-00001</AnalyzerHostName><AnalyzerEngineVersion>6010.8670</AnalyzerEngineVersion>"
                        + "<AnalyzerDetectionMethod>On-Access Scan</AnalyzerDetectionMethod><AnalyzerDATVersion>3811.0</AnalyzerDATVersion>"
                        + "</CommonFields><Event><EventID>1278</EventID><Severity>3</Severity><GMTTime>2025-08-26T05:32:39</GMTTime>"
                        + "<CommonFields><ThreatCategory>av.detect</ThreatCategory><ThreatEventID>1278</ThreatEventID>"
                        + "<ThreatSeverity>2</ThreatSeverity><ThreatName>EICAR test file</ThreatName><ThreatType>test</ThreatType>"
                        + "<DetectedUTC>2025-08-26T05:32:39Z</DetectedUTC><ThreatActionTaken>IDS_ALERT_ACT_TAK_DEL</ThreatActionTaken>"
                        + "<ThreatHandled>True</ThreatHandled><SourceHostName>DESKTOP-00001</SourceHostName>"
                        + "<SourceProcessName>C:\\Users\\admin123\\Desktop\\Tops.exe</SourceProcessName>"
                        + "<TargetHostName>DESKTOP-00001</TargetHostName><TargetUserName>DESKTOP-00001\\admin123</TargetUserName>"
                        + "<TargetFileName>C:\\Users\\admin123\\Desktop\\TEST_SAMPLES_MVS\\Standard Test Set\\eicar</TargetFileName>"
                        + "</CommonFields><CustomFields target=\"EPExtendedEventMT\"><BladeName>IDS_BLADE_NAME_SPB</BladeName>"
                        + "<TargetName>eicar</TargetName><TargetPath>C:\\Users\\admin123\\Desktop\\TEST_SAMPLES_MVS\\Standard Test Set</TargetPath>"
                        + "<TargetHash>e7e5fa40569514ec442bbdf755d89c2f</TargetHash><TargetFileSize>70</TargetFileSize>"
                        + "<Cleanable>False</Cleanable><TaskName>IDS_OAS_TASK_NAME</TaskName></CustomFields></Event></SoftwareInfo></EPOevent>");
        assertProduct(r, PRODUCT);
        assertClass(r, 2004, 1);
        assertThat(r.at("/finding_info/title").asText()).isEqualTo("EICAR test file");
        assertThat(r.at("/finding_info/desc").asText()).isEqualTo("av.detect");
        assertThat(r.at("/evidences/0/file/name").asText()).isEqualTo("eicar");
        assertThat(r.at("/evidences/0/file/hashes/0/value").asText()).isEqualTo("e7e5fa40569514ec442bbdf755d89c2f");
        assertThat(r.at("/evidences/0/file/hashes/0/algorithm_id").asInt()).isEqualTo(1);
        assertThat(r.at("/actor/process/file/path").asText()).isEqualTo("C:\\Users\\admin123\\Desktop\\Tops.exe");
        assertThat(r.at("/actor/user/name").asText()).isEqualTo("DESKTOP-00001\\admin123");
        assertThat(r.at("/device/hostname").asText()).isEqualTo("DESKTOP-00001");
        assertThat(r.at("/device/ip").asText()).isEqualTo("10.222.22.131");
        assertThat(r.at("/device/uid").asText()).isEqualTo("0011aacc-eeee-0000-0000-000011223311");
        assertThat(r.get("disposition").asText()).isEqualTo("Deleted");
        assertThat(r.get("severity_id").asInt()).isEqualTo(4);
        assertThat(r.get("time").asLong()).isEqualTo(epochMillis("2025-08-26T05:32:39Z"));
    }

    @Test
    void aWebControlBlockIsADetectionFindingWithTheUrl() throws Exception {
        JsonNode r = line(
                HEADER + "<EPOevent>" + MACHINE + "<SoftwareInfo ProductName=\"McAfee Endpoint Security\""
                        + " ProductVersion=\"10.6.1\" ProductFamily=\"TVD\"><CommonFields><Analyzer>ENDP_WP_1060</Analyzer>"
                        + "<AnalyzerName>McAfee Endpoint Security</AnalyzerName><AnalyzerVersion>10.6.1</AnalyzerVersion>"
                        + "<AnalyzerHostName>DESKTOP-00001</AnalyzerHostName><AnalyzerDetectionMethod>URL navigation</AnalyzerDetectionMethod>"
                        + "</CommonFields><Event><EventID>18600</EventID><Severity>3</Severity><GMTTime>2025-08-26T05:32:39</GMTTime>"
                        + "<CommonFields><ThreatCategory>wp.detect.url</ThreatCategory><ThreatEventID>18600</ThreatEventID>"
                        + "<ThreatSeverity>2</ThreatSeverity><ThreatName>Web Control Violation</ThreatName>"
                        + "<ThreatType>IDS_THREAT_TYPE_URL</ThreatType><DetectedUTC>2025-08-26T05:32:39Z</DetectedUTC>"
                        + "<ThreatActionTaken>blocked</ThreatActionTaken><ThreatHandled>True</ThreatHandled>"
                        + "<SourceIPV4>213.211.198.58</SourceIPV4><SourceURL>http://2222.aaaaa.org/download/eicarcom2.zip</SourceURL>"
                        + "<SourceUserName>DESKTOP-00001\\admin</SourceUserName>"
                        + "<SourceProcessName>C:\\Program Files\\McAfee\\Endpoint Security\\Web Control\\McChHost.exe</SourceProcessName>"
                        + "<TargetUserName>DESKTOP-00001\\admin</TargetUserName></CommonFields></Event></SoftwareInfo></EPOevent>");
        assertClass(r, 2004, 1);
        assertThat(r.at("/finding_info/title").asText()).isEqualTo("Web Control Violation");
        assertThat(r.at("/evidences/0/url/url_string").asText())
                .isEqualTo("http://2222.aaaaa.org/download/eicarcom2.zip");
        assertThat(r.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("213.211.198.58");
        assertThat(r.get("action").asText()).isEqualTo("Denied");
        assertThat(r.get("disposition").asText()).isEqualTo("Blocked");
    }

    @Test
    void updatesAndAgentEventsAreBaseEvents() throws Exception {
        assertBaseEventOf(
                line(HEADER + "<EPOEvent>" + MACHINE + "<SoftwareInfo ProductName=\"McAfee Endpoint Security\""
                        + " ProductVersion=\"10.6.1.1607\" ProductFamily=\"TVD\"><CommonFields><Analyzer>ENDP_GS_1060</Analyzer>"
                        + "<AnalyzerName>McAfee Endpoint Security</AnalyzerName></CommonFields><Event><EventID>1120</EventID>"
                        + "<Severity>0</Severity><GMTTime>2025-08-26T05:32:39</GMTTime><CommonFields><AnalyzerDetectionMethod>"
                        + "</AnalyzerDetectionMethod><ThreatName>_</ThreatName><ThreatType></ThreatType><ThreatCategory>ops.update"
                        + "</ThreatCategory><ThreatHandled>1</ThreatHandled><ThreatActionTaken>none</ThreatActionTaken>"
                        + "<ThreatSeverity>6</ThreatSeverity></CommonFields></Event></SoftwareInfo></EPOEvent>"),
                PRODUCT);
        assertBaseEventOf(
                line(
                        "<29>1 2025-08-26T05:32:40.123Z epo01 EPOEvents - EventFwd [agentInfo@4444 tenantId=\"1\"]"
                                + " <?xml version=\"1.0\" encoding=\"utf-8\"?><UpdateEvents><MachineInfo><MachineName>THEMBP1</MachineName>"
                                + "</MachineInfo><McAfeeCommonUpdater ProductName=\"McAfee Agent\"><UpdateEvent><EventID>2422</EventID>"
                                + "<Severity>4</Severity><Type>Policy Enforcement</Type></UpdateEvent></McAfeeCommonUpdater></UpdateEvents>"),
                PRODUCT);
    }

    @Test
    void otherXmlEventsAreNotClaimed() throws Exception {
        JsonNode windows = line(
                "<14>1 2025-08-26T05:32:40Z host1 Microsoft-Windows-Security-Auditing - - - <Event"
                        + " xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System><Provider"
                        + " Name=\"Microsoft-Windows-Security-Auditing\"/><EventID>4625</EventID><Channel>Security</Channel>"
                        + "<Computer>host1</Computer></System><EventData><Data Name=\"ThreatName\">x</Data></EventData></Event>");
        assertThat(windows.at("/metadata/product/name").asText()).isNotEqualTo(PRODUCT);
    }
}
