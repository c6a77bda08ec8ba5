package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.assertStatus;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Cisco ASA and FTD messages that were Base Events: IPsec phase 2 completed (713120) and proposals refused
 * (713902-713905), files stored or retrieved over FTP through the firewall (303002) and threat detection's
 * drop rates exceeded (733100). The lines are Elastic's cisco_asa pipeline tests
 * (packages/cisco_asa/data_stream/log/_dev/test/pipeline/test-additional-messages.log).
 */
class CiscoAsaIpsecFtpAndThreatDetectionMappingsTest {

    @Test
    void phaseTwoCompletedIsATunnelOpenedAndUnacceptableProposalsARefusedOne() throws Exception {
        JsonNode done = line("Apr 27 2020 02:03:03 dev01: %ASA-5-713120: Group = 100.60.140.10, IP = 192.168.1.1,"
                + " PHASE 2 COMPLETED (msgid=bbe383e88)");
        assertProduct(done, "ASA");
        assertClass(done, 4014, 1);
        assertStatus(done, 1);
        assertThat(done.at("/src_endpoint/ip").asText()).isEqualTo("192.168.1.1");

        JsonNode refused = line("Apr 27 2020 02:03:03 dev01: %ASA-6-713905: Group = 100.60.140.10, IP = 192.168.1.1,"
                + " All IPSec SA proposals found unacceptable!");
        assertClass(refused, 4014, 1);
        assertStatus(refused, 2);
        assertThat(refused.at("/src_endpoint/ip").asText()).isEqualTo("192.168.1.1");
        assertThat(refused.get("status_detail").asText()).isEqualTo("All IPSec SA proposals found unacceptable");
        // the same notice without the peer
        JsonNode bare = line("Apr 27 2020 02:03:03 dev01: %ASA-6-713904: All IPSec SA proposals found unacceptable!");
        assertClass(bare, 4014, 1);
        assertStatus(bare, 2);
        assertThat(bare.at("/src_endpoint/ip").isMissingNode()).isTrue();

        // another notice under the same message id is no refused negotiation
        JsonNode other = line("Apr 27 2020 02:03:03 dev01: %ASA-6-713903: IP = 192.168.1.1, Received encrypted packet"
                + " with no matching SA, dropping");
        assertThat(other.get("class_uid").asInt()).isNotEqualTo(4014);
    }

    @Test
    void aFileStoredOverFtpIsAnUploadWithTheUserTheFileAndBothEnds() throws Exception {
        JsonNode r = line("May  5 17:51:17 dev01: %FTD-6-303002: FTP connection from net:192.168.2.2/63656 to"
                + " fw111:10.192.18.4/21, user testuser Stored file /export/home/sysm/ftproot/sdsdsds/tmp.log");
        assertProduct(r, "Firepower Threat Defense");
        assertClass(r, 4010, 1);
        assertThat(r.at("/actor/user/name").asText()).isEqualTo("testuser");
        assertThat(r.at("/file/name").asText()).isEqualTo("tmp.log");
        assertThat(r.at("/file/path").asText()).isEqualTo("/export/home/sysm/ftproot/sdsdsds/tmp.log");
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("192.168.2.2");
        assertThat(r.at("/dst_endpoint/ip").asText()).isEqualTo("10.192.18.4");
        assertThat(r.at("/dst_endpoint/port").asInt()).isEqualTo(21);

        JsonNode retrieved = line("May  5 17:51:17 dev01: %FTD-6-303002: FTP connection from net:192.168.2.2/63656 to"
                + " fw111:10.192.18.4/21, user testuser Retrieved file /export/home/sysm/ftproot/sdsdsds/tmp.log");
        assertClass(retrieved, 4010, 2);
    }

    @Test
    void aDropRateExceededIsAnAlertNamingTheObject() throws Exception {
        JsonNode scanning = line("May  5 19:02:25 dev01: %ASA-4-733100: [ Scanning] drop rate-2 exceeded. Current burst"
                + " rate is 0 per second, max configured rate is 8; Current average rate is 5 per second, max configured"
                + " rate is 4; Cumulative total count is 19269");
        assertThat(scanning.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(scanning.get("is_alert").asBoolean()).isTrue();
        assertThat(scanning.get("status_detail").asText()).isEqualTo("Scanning");
        JsonNode host =
                line("May  5 19:02:25 dev01: %ASA-4-733100: [192.168.2.2] drop rate-1 exceeded. Current burst rate"
                        + " is 0 per second, max configured rate is -4; Current average rate is 7 per second, max configured rate"
                        + " is -4; Cumulative total count is 9063");
        assertThat(host.get("status_detail").asText()).isEqualTo("192.168.2.2");
    }

    @Test
    void aFileNameOrAnObjectWithALongRunOfBlanksIsStillRead() throws Exception {
        // the patterns must not try every split of the blanks again for each character (quadratic in the
        // line's length): past the budget a line of 60,000 blanks would lose its mapping
        String blanks = " ".repeat(60_000);
        JsonNode ftp = line("May  5 17:51:17 dev01: %FTD-6-303002: FTP connection from net:192.168.2.2/63656 to"
                + " fw111:10.192.18.4/21, user testuser Stored file /ftproot/a" + blanks + "b.log");
        assertClass(ftp, 4010, 1);
        assertThat(ftp.at("/file/name").asText()).isEqualTo("a" + blanks + "b.log");
        JsonNode rate = line("May  5 19:02:25 dev01: %ASA-4-733100: [ Scanning" + blanks + "] drop rate-2 exceeded."
                + " Current burst rate is 0 per second, max configured rate is 8");
        assertThat(rate.get("is_alert").asBoolean()).isTrue();
        assertThat(rate.get("status_detail").asText()).isEqualTo("Scanning");

        // a file name with a blank in it and blanks after it, an object of two words
        JsonNode spaced = line("May  5 17:51:17 dev01: %FTD-6-303002: FTP connection from net:192.168.2.2/63656 to"
                + " fw111:10.192.18.4/21, user testuser Retrieved file /ftproot/annual report.pdf  ");
        assertClass(spaced, 4010, 2);
        assertThat(spaced.at("/file/name").asText()).isEqualTo("annual report.pdf");
        assertThat(spaced.at("/file/path").asText()).isEqualTo("/ftproot/annual report.pdf");
        JsonNode syn = line("May  5 19:02:25 dev01: %ASA-4-733100: [ SYN attack ] drop rate-1 exceeded. Current burst"
                + " rate is 100 per second, max configured rate is 100");
        assertThat(syn.get("status_detail").asText()).isEqualTo("SYN attack");
    }
}
