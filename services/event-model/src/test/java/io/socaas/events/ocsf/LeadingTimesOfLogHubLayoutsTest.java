package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Lines of programs no file knows, without a syslog header, keep the time they start with in the layouts
 * of Kubernetes' klog, Android's logcat, Hadoop's HDFS, HealthApp and Spark. These layouts carry no zone:
 * the time is read in the zone of the source's clock ({@link OcsfNormalizer.Context#clock()}, configured
 * per source, UTC unless set), which is UTC in the tests below unless they name one. klog and logcat write
 * no year: the time gets the year an RFC 3164 header's time gets ({@code SyslogParser.yearless}), never
 * more than its two days of clock skew after the line was received.
 *
 * <p>Lines are from the LogHub collection (logpai/loghub: {@code Android/Android_2k.log}, {@code
 * HDFS/HDFS_2k.log}, {@code HealthApp/HealthApp_2k.log}, {@code Spark/Spark_2k.log}) and, for klog, an
 * ingress-nginx controller's log as {@code kubectl logs} printed it in a public troubleshooting post; the
 * klog header is the one kubernetes/klog documents in {@code klog.go} ({@code Lmmdd hh:mm:ss.uuuuuu
 * threadid file:line] msg}), Spark's layout the one of apache/spark's {@code
 * core/src/main/resources/org/apache/spark/log4j2-defaults.properties} ({@code %d{yy/MM/dd HH:mm:ss} %p
 * %c{1}: %m%n}).
 */
class LeadingTimesOfLogHubLayoutsTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-01T10:00:00Z");

    private static void assertOwnTime(JsonNode r, String instant) {
        assertThat(r.get("time").asLong()).as(r.toString()).isEqualTo(epochMillis(instant));
        assertThat(r.at("/metadata/labels").toString()).doesNotContain(OcsfNormalizer.LABEL_TIME_FROM_RECEIVED);
    }

    private static void assertReceivedTime(JsonNode r) {
        assertThat(r.get("time").asLong()).as(r.toString()).isEqualTo(RECEIVED.toEpochMilli());
        assertThat(r.at("/metadata/labels").toString()).contains(OcsfNormalizer.LABEL_TIME_FROM_RECEIVED);
    }

    private static Instant timeOf(String line, Instant received) {
        OcsfNormalizer.LeadingTime leading = OcsfNormalizer.leadingTime(line, ZoneOffset.UTC, received);
        return leading == null ? null : leading.time();
    }

    @Test
    void kubernetesKlogLinesKeepTheirTimeOfTheYearTheyWereReceivedIn() throws Exception {
        assertOwnTime(
                line("I0412 04:07:33.044575       7 main.go:104] \"SSL fake certificate created\""
                        + " file=\"/etc/ingress-controller/ssl/default-fake-certificate.pem\""),
                "2025-04-12T04:07:33.044Z");
        assertOwnTime(
                line("W0416 19:13:29.051149       7 controller.go:1372] Error getting SSL certificate"
                        + " \"gitea/tls-secret\": local SSL certificate gitea/tls-secret was not found. Using default"
                        + " certificate"),
                "2025-04-16T19:13:29.051Z");
        // the microseconds are kept to the millisecond OCSF's time holds, read exactly below
        assertThat(timeOf("I0227 14:15:13.816067    7 main.go:104] started", RECEIVED))
                .isEqualTo(Instant.parse("2026-02-27T14:15:13.816067Z"));
    }

    @Test
    void androidLogcatLinesKeepTheirTimeOfTheYearTheyWereReceivedIn() throws Exception {
        assertOwnTime(
                line("03-17 16:13:38.811  1702  2395 D WindowManager: printFreezingDisplayLogsopening app wtoken ="
                        + " AppWindowToken{9f4ef63 token=Token{a64f992 ActivityRecord{de9231d u0"
                        + " com.tencent.qt.qtl/.activity.info.NewsDetailXmlActivity t761}}}, allDrawn= false"),
                "2025-03-17T16:13:38.811Z");
        assertOwnTime(
                line("02-27 16:13:38.905  1702 10454 D PowerManagerService: release:lock=233570404, flg=0x0,"
                        + " tag=\"View Lock\", name=com.android.systemui\", ws=null, uid=10037, pid=2227"),
                "2026-02-27T16:13:38.905Z");
    }

    @Test
    void aYearlessTimeIsNeverOfTheComingYear() {
        // received just after new year: a line of the 31 December is of the year before
        Instant newYear = Instant.parse("2026-01-02T00:00:00Z");
        assertThat(timeOf("12-31 23:59:59.000  1702  2395 D WindowManager: x", newYear))
                .isEqualTo(Instant.parse("2025-12-31T23:59:59Z"));
        assertThat(timeOf("I1231 23:59:59.000000       7 main.go:104] x", newYear))
                .isEqualTo(Instant.parse("2025-12-31T23:59:59Z"));
        // a time later the same year than it was received is of the year before
        assertThat(timeOf("06-01 00:00:00.000  1702  2395 D WindowManager: x", RECEIVED))
                .isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
        // received at the end of December: a line of the 1 January a day later is the coming year's (the
        // clock skew an RFC 3164 header's time is allowed), a line of the 1 January long before is this year's
        Instant yearsEnd = Instant.parse("2025-12-31T12:00:00Z");
        assertThat(timeOf("01-01 08:00:00.000  1702  2395 D WindowManager: x", yearsEnd))
                .isEqualTo(Instant.parse("2026-01-01T08:00:00Z"));
        assertThat(timeOf("01-05 08:00:00.000  1702  2395 D WindowManager: x", yearsEnd))
                .isEqualTo(Instant.parse("2025-01-05T08:00:00Z"));
    }

    @Test
    void hdfsHealthAppAndSparkLinesKeepTheirTime() throws Exception {
        assertOwnTime(
                line("081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block"
                        + " blk_38865049064139660 terminating"),
                "2008-11-09T20:36:15Z");
        assertOwnTime(
                line("081109 214043 2561 WARN dfs.DataNode$DataXceiver: 10.251.30.85:50010:Got exception while"
                        + " serving blk_-2918118818249673980 to /10.251.90.64:"),
                "2008-11-09T21:40:43Z");

        assertOwnTime(
                line("20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579"), "2017-12-23T22:15:29.606Z");
        // HealthApp does not pad its milliseconds: 35:11 comes after 34:851, 11 ms past the second
        assertOwnTime(
                line("20171223-22:15:35:11|Step_SPUtils|30002312| getTodayTotalDetailSteps ="
                        + " 1514038440000##7015##548365##8661##13026##27177962"),
                "2017-12-23T22:15:35.011Z");

        assertOwnTime(
                line("17/06/09 20:10:40 INFO executor.CoarseGrainedExecutorBackend: Registered signal handlers"
                        + " for [TERM, HUP, INT]"),
                "2017-06-09T20:10:40Z");
        assertOwnTime(line("17/06/09 20:10:41 INFO Remoting: Starting remoting"), "2017-06-09T20:10:41Z");
    }

    @Test
    void theTimeIsInTheZoneOfTheSourcesClock() throws Exception {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        assertOwnTime(
                line(
                        "17/06/09 20:10:40 INFO executor.CoarseGrainedExecutorBackend: Registered signal handlers"
                                + " for [TERM, HUP, INT]",
                        shanghai),
                "2017-06-09T12:10:40Z");
        assertOwnTime(
                line("03-17 16:13:38.811  1702  2395 D WindowManager: startAnimation begin", shanghai),
                "2025-03-17T08:13:38.811Z");
    }

    @Test
    void digitsOfTheSameShapeElsewhereOrInAnotherLayoutAreNoTime() throws Exception {
        // later in the line
        assertReceivedTime(line("job 42 done: 081109 203615 148 INFO dfs.DataNode$PacketResponder: x"));
        assertReceivedTime(line("step 20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579"));
        assertReceivedTime(line("at 03-17 16:13:38.811  1702  2395 D WindowManager: x"));
        // the date without the layout around it: a day-first or month-first date is not taken for Spark's
        assertReceivedTime(line("17/06/09 20:10:40 backup of /var/lib finished"));
        assertReceivedTime(line("12/06/09 20:10:40 - order 1234 shipped"));
        // six and six digits that are not followed by a thread and a level
        assertReceivedTime(line("081109 203615 rows copied from 10.0.0.1"));
        // a klog-like level letter and digits without the file:line] after them
        assertReceivedTime(line("I1215 14:15:13.816067 started the thing"));
        assertReceivedTime(line("E0412 04:07:33.044575       7 failed to sync"));
        // logcat's date without its pid, tid and level
        assertReceivedTime(line("03-17 16:13:38.811 WindowManager startAnimation begin"));
        // HealthApp's date without the bar after it
        assertReceivedTime(line("20171223-22:15:29:606 Step_LSC onStandStepChanged 3579"));
    }

    @Test
    void aDateNoCalendarHasKeepsTheReceivedTime() throws Exception {
        assertReceivedTime(line("13-17 16:13:38.811  1702  2395 D WindowManager: startAnimation begin"));
        assertReceivedTime(line("02-30 16:13:38.811  1702  2395 D WindowManager: startAnimation begin"));
        assertReceivedTime(line("I1332 14:15:13.816067    7 main.go:104] started"));
        assertReceivedTime(line("I1215 25:15:13.816067    7 main.go:104] started"));
        assertReceivedTime(line("081332 203615 148 INFO dfs.DataNode$PacketResponder: x"));
        assertReceivedTime(line("20171323-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579"));
        assertReceivedTime(line("20171232-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579"));
        assertReceivedTime(line("17/13/09 20:10:40 INFO executor.Executor: Running task 0.0"));
        assertReceivedTime(line("17/02/30 20:10:40 INFO executor.Executor: Running task 0.0"));
    }

    @Test
    void aSyslogHeadersTimeWins() throws Exception {
        assertThat(line("<14>Feb 28 09:00:00 node1 kubelet: I0412 04:07:33.044575       7 main.go:104] started")
                        .get("time")
                        .asLong())
                .isEqualTo(epochMillis("2026-02-28T09:00:00Z"));
        assertThat(line("<14>Feb 28 09:00:00 node1 spark: 17/06/09 20:10:40 INFO executor.Executor: Running task")
                        .get("time")
                        .asLong())
                .isEqualTo(epochMillis("2026-02-28T09:00:00Z"));
    }

    @Test
    void aLongRunOfBlanksIsReadInOnePass() {
        String blanks = " ".repeat(200_000);
        long start = System.nanoTime();
        assertThat(timeOf("I0412 04:07:33.044575" + blanks + "x", RECEIVED)).isNull();
        assertThat(timeOf("03-17 16:13:38.811" + blanks + "1702" + blanks + "x", RECEIVED))
                .isNull();
        assertThat(timeOf("17/06/09 20:10:40 INFO " + "a".repeat(200_000) + blanks, RECEIVED))
                .isNull();
        assertThat(timeOf("081109 203615 " + "1".repeat(200_000) + " x", RECEIVED))
                .isNull();
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }
}
