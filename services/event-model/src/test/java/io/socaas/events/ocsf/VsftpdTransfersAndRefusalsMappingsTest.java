package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * vsftpd.log's file operations and refused connections: an upload (a PHP file dropped on a web
 * host's FTP, from ossec/ossec-docs {@code docs/log_samples/ftp/vsftpd.rst}) is File Hosting Activity
 * Upload with the user, the client and the file, and a connection refused for too many sessions
 * (atc-project/atomic-threat-coverage {@code Data_Needed/DN0098_linux_vsftpd_log.md}) is a refused
 * connection, not an opened one.
 */
class VsftpdTransfersAndRefusalsMappingsTest {

    @Test
    void uploadsDownloadsAndDeletionsAreFileHostingActivity() throws Exception {
        JsonNode upload = line("Sun Aug 27 16:28:20 2006 [pid 13962] [xx] OK UPLOAD: Client \"1.2.3.4\", \"/a.php\","
                + " 8338 bytes, 18.77Kbyte/sec");
        assertClass(upload, 6006, 1);
        assertThat(upload.get("status_id").asInt()).isEqualTo(1);
        assertThat(upload.at("/actor/user/name").asText()).isEqualTo("xx");
        assertThat(upload.at("/src_endpoint/ip").asText()).isEqualTo("1.2.3.4");
        assertThat(upload.at("/file/path").asText()).isEqualTo("/a.php");
        assertThat(upload.at("/file/name").asText()).isEqualTo("a.php");
        assertThat(upload.at("/unmapped/ftpBytes").asText()).isEqualTo("8338");
        assertThat(upload.get("time").asLong()).isEqualTo(MappedRecords.epochMillis("2006-08-27T16:28:20Z"));

        JsonNode failedDownload = line("Mon Aug 21 14:40:02 2006 [pid 20293] [dcid] FAIL DOWNLOAD: Client"
                + " \"::ffff:127.0.0.1\", \"/etc/shadow\", 0.00Kbyte/sec");
        assertClass(failedDownload, 6006, 2);
        assertThat(failedDownload.get("status_id").asInt()).isEqualTo(2);
        assertThat(failedDownload.at("/src_endpoint/ip").asText()).isEqualTo("127.0.0.1");

        assertClass(
                line("Sun Oct 20 21:46:42 2019 [pid 10258] [ftp] OK DELETE: Client \"::ffff:192.168.31.215\","
                        + " \"/pub/file111\""),
                6006,
                4);
    }

    @Test
    void aRefusedConnectionIsNoOpenedOne() throws Exception {
        JsonNode refused = line("Sat Jun  2 11:20:19 2018 [pid 3616] CONNECT: Client \"203.0.113.9\", \"Connection"
                + " refused: too many sessions for this address.\"");
        assertClass(refused, 4001, 5);
        assertThat(refused.get("action_id").asInt()).isEqualTo(2);
        assertThat(refused.get("status_detail").asText())
                .isEqualTo("Connection refused: too many sessions for this address.");

        // the connection it accepted stays an Open
        assertClass(line("Mon Jul 10 15:51:17 2006 [pid 26152] CONNECT: Client \"192.168.2.10\""), 4001, 1);
    }

    @Test
    void aLoginOrALineWithoutTheFileIsNoFileActivity() throws Exception {
        assertLogon(
                line("Mon Aug 21 14:32:06 2006 [pid 20127] [ftp] OK LOGIN: Client \"127.0.0.1\", anon password"
                        + " \"lala@\""),
                1,
                "ftp",
                "127.0.0.1");
        // an upload line cut before the file names none: no file to report
        assertBaseEventOf(
                line("Thu Feb  5 17:15:24 2026 [pid 122] [cam001] OK UPLOAD: Client \"192.168.1.50\""), "vsftpd");
    }
}
