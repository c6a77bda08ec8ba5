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
 * Lines of programs no file knows keep the time they start with (log4j's, logback's and Python
 * logging's layouts, Windows servicing's CBS.log), and the syslog of supercomputer clusters as the
 * Computer Failure Data Repository published it is read as the syslog lines it holds, with the
 * node and the epoch's time; Blue Gene/L's RAS records alike are Base Events with the node, the
 * time and the level. Lines are from the LogHub collection (logpai/loghub): {@code
 * Windows/Windows_2k.log}, {@code Zookeeper/Zookeeper_2k.log}, {@code Hadoop/Hadoop_2k.log}, {@code
 * Thunderbird/Thunderbird_2k.log}, {@code BGL/BGL_2k.log}, {@code HealthApp/HealthApp_2k.log}.
 */
class ApplicationLogTimesAndClusterSyslogMappingsTest {

    private static void assertOwnTime(JsonNode r, String instant) {
        assertThat(r.get("time").asLong()).as(r.toString()).isEqualTo(epochMillis(instant));
        assertThat(r.at("/metadata/labels").toString()).doesNotContain(OcsfNormalizer.LABEL_TIME_FROM_RECEIVED);
    }

    private static void assertReceivedTime(JsonNode r) {
        assertThat(r.get("time").asLong()).as(r.toString()).isEqualTo(epochMillis("2026-03-01T10:00:00Z"));
        assertThat(r.at("/metadata/labels").toString()).contains(OcsfNormalizer.LABEL_TIME_FROM_RECEIVED);
    }

    @Test
    void anApplicationLineNoFileKnowsKeepsTheTimeItStartsWith() throws Exception {
        // Windows servicing (CBS.log): the date, a comma, the level and the component
        JsonNode cbs = line("2016-09-28 04:30:30, Info                  CBS    Loaded Servicing Stack v6.1.7601.23505"
                + " with Core: C:\\Windows\\winsxs\\amd64_microsoft-windows-servicingstack_31bf3856ad364e35"
                + "_6.1.7601.23505_none_681aa442f6fed7f0\\cbscore.dll");
        assertBaseEventOf(cbs, "unknown");
        assertOwnTime(cbs, "2016-09-28T04:30:30Z");

        // log4j with a comma before the milliseconds (ZooKeeper, Hadoop)
        assertOwnTime(
                line("2015-07-29 17:41:44,747 - INFO  [QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@774]"
                        + " - Notification time out: 3200"),
                "2015-07-29T17:41:44.747Z");
        assertOwnTime(
                line("2015-10-18 18:01:47,978 INFO [main] org.apache.hadoop.mapreduce.v2.app.MRAppMaster: Created"
                        + " MRAppMaster for application appattempt_1445144423722_0020_000001"),
                "2015-10-18T18:01:47.978Z");

        // an offset after the time is read, in brackets too
        assertOwnTime(line("[2026-02-28T23:10:05.250+01:00] WARN worker: queue full"), "2026-02-28T22:10:05.250Z");
    }

    @Test
    void aTimeNotAtTheStartOrInAnotherLayoutIsNotTakenForTheLinesTime() throws Exception {
        // a version number that looks like a date is no time the line starts with (HealthApp's compact
        // date is: LeadingTimesOfLogHubLayoutsTest)
        assertReceivedTime(line("release 2016-09-28 04:30:30 deployed to production"));
        assertReceivedTime(line("2016-09-28 Loaded Servicing Stack"));
        assertReceivedTime(line("2016-09-28 04:30:301 INFO digits run on past the seconds"));

        // a syslog header's time is the line's, whatever the program writes after it
        JsonNode headed = line("<14>Feb 28 09:00:00 app01 myservice: 2015-10-18 18:01:47,978 INFO started");
        assertThat(headed.get("time").asLong()).isEqualTo(epochMillis("2026-02-28T09:00:00Z"));
    }

    @Test
    void clusterSyslogIsReadAsTheSyslogLineItHolds() throws Exception {
        JsonNode opened = line("- 1131566461 2005.11.09 dn228 Nov 9 12:01:01 dn228/dn228 crond(pam_unix)[2915]:"
                + " session opened for user root by (uid=0)");
        assertClass(opened, 3002, 1);
        assertThat(opened.at("/user/name").asText()).isEqualTo("root");
        assertThat(opened.at("/device/hostname").asText()).isEqualTo("dn228");
        assertOwnTime(opened, "2005-11-09T20:01:01Z");

        JsonNode cron = line("- 1131566461 2005.11.09 dn228 Nov 9 12:01:01 dn228/dn228 crond[2916]: (root) CMD"
                + " (run-parts /etc/cron.hourly)");
        assertThat(cron.get("class_uid").asInt()).isEqualTo(1006);
        assertOwnTime(cron, "2005-11-09T20:01:01Z");

        // the collector's src@node form of the host
        JsonNode admin = line("- 1131566461 2005.11.09 eadmin1 Nov 9 12:01:01 src@eadmin1 crond(pam_unix)[4307]:"
                + " session opened for user root by (uid=0)");
        assertThat(admin.at("/device/hostname").asText()).isEqualTo("eadmin1");

        // a program no file knows: a Base Event with the node and the time
        JsonNode ntp = line("- 1131566463 2005.11.09 cn142 Nov 9 12:01:03 cn142/cn142 ntpd[7467]: synchronized to"
                + " 10.100.20.250, stratum 3");
        assertBaseEventOf(ntp, "Linux");
        assertThat(ntp.at("/device/hostname").asText()).isEqualTo("cn142");
        assertThat(ntp.at("/unmapped/hpcAlert").asText()).isEqualTo("-");
        assertThat(ntp.get("message").asText()).isEqualTo("synchronized to 10.100.20.250, stratum 3");
        assertOwnTime(ntp, "2005-11-09T20:01:03Z");
    }

    @Test
    void blueGeneRasLinesAreBaseEventsWithTheNodeTheTimeAndTheLevel() throws Exception {
        JsonNode corrected = line("- 1117838570 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.50.675872"
                + " R02-M1-N0-C:J12-U11 RAS KERNEL INFO instruction cache parity error corrected");
        assertBaseEventOf(corrected, "Blue Gene/L RAS");
        assertThat(corrected.at("/device/hostname").asText()).isEqualTo("R02-M1-N0-C:J12-U11");
        assertThat(corrected.get("severity_id").asInt()).isEqualTo(1);
        assertThat(corrected.get("message").asText()).isEqualTo("instruction cache parity error corrected");
        assertOwnTime(corrected, "2005-06-03T22:42:50Z");

        // an alert: its category label and the fatal level
        JsonNode alert = line("APPREAD 1117869872 2005.06.04 R04-M1-N4-I:J18-U11 2005-06-04-00.24.32.432192"
                + " R04-M1-N4-I:J18-U11 RAS APP FATAL ciod: failed to read message prefix on control stream"
                + " (CioStream socket to 172.16.96.116:33569");
        assertThat(alert.get("severity_id").asInt()).isEqualTo(6);
        assertThat(alert.at("/unmapped/rasAlert").asText()).isEqualTo("APPREAD");
        assertThat(alert.at("/unmapped/rasComponent").asText()).isEqualTo("APP");
    }

    @Test
    void clusterSyslogAndRasLinesAreNotTakenForEachOther() throws Exception {
        // the same label, epoch and date: a syslog line after them is no RAS record, and the reverse
        assertProduct(
                line("- 1131566463 2005.11.09 cn142 Nov 9 12:01:03 cn142/cn142 ntpd[7467]: synchronized to"
                        + " 10.100.20.250, stratum 3"),
                "Linux");
        assertProduct(
                line("KERNDTLB 1118536327 2005.06.11 R30-M0-N9-C:J16-U01 2005-06-11-17.32.07.581048"
                        + " R30-M0-N9-C:J16-U01 RAS KERNEL FATAL data TLB error interrupt"),
                "Blue Gene/L RAS");
        // a label and an epoch before some other text are neither
        JsonNode other = line("- 1117838570 2005.06.03 something else entirely");
        assertThat(other.get("class_uid").asInt()).isZero();
        assertProduct(other, "unknown");
    }
}
