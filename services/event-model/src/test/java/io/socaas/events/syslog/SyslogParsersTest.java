package io.socaas.events.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyslogParsersTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-01T10:00:00Z");
    private final SyslogParser parser = new SyslogParser();

    @Test
    void readsAnRfc5424LineWithStructuredDataAndBom() {
        SyslogMessage m = parser.parse(
                "<34>1 2026-03-01T09:15:02.123+01:00 fw01 sshd 4711 ID47 [socaas@32473 key=\"sk_a\\\"b\"][x@1 a=\"1\"] \uFEFFFailed password",
                RECEIVED);

        assertThat(m.format()).isEqualTo(SyslogMessage.Format.RFC5424);
        assertThat(m.facility()).isEqualTo(4);
        assertThat(m.severity()).isEqualTo(2);
        assertThat(m.timestamp()).isEqualTo(Instant.parse("2026-03-01T08:15:02.123Z"));
        assertThat(m.hostname()).isEqualTo("fw01");
        assertThat(m.appName()).isEqualTo("sshd");
        assertThat(m.procId()).isEqualTo("4711");
        assertThat(m.msgId()).isEqualTo("ID47");
        assertThat(m.structuredParam("socaas@32473", "key")).isEqualTo("sk_a\"b");
        assertThat(m.structuredParam("x@1", "a")).isEqualTo("1");
        assertThat(m.message()).isEqualTo("Failed password");
    }

    @Test
    void readsTheYearWrittenBeforeTheClockAsCiscoDevicesDo() {
        SyslogMessage host = parser.parse(
                "<166>Dec 04 2025 11:59:58 fw01 : %ASA-4-106023: Deny tcp src outside:203.0.113.5/4444", RECEIVED);
        assertThat(host.timestamp()).isEqualTo(Instant.parse("2025-12-04T11:59:58Z"));
        assertThat(host.hostname()).isEqualTo("fw01");

        // no host: the header ends with a colon right after the time
        SyslogMessage bare = parser.parse(
                "<190>Feb  4 2026 11:59:59.250: %ASA-6-302013: Built inbound TCP connection 1234", RECEIVED);
        assertThat(bare.timestamp()).isEqualTo(Instant.parse("2026-02-04T11:59:59.250Z"));
        assertThat(bare.hostname()).isNull();
        // the message id stands where a tag does (the Cisco ASA file reads it from either)
        assertThat(bare.appName()).isEqualTo("%ASA-6-302013");
        assertThat(bare.message()).isEqualTo("Built inbound TCP connection 1234");

        // four digits that no clock follows are not a year: no time is read
        SyslogMessage notATime = parser.parse("<13>Oct 11 2023 host app: x", RECEIVED);
        assertThat(notATime.timestamp()).isNull();
    }

    @Test
    void readsCiscoIosOwnHeaderWithSequenceNumberHostUnsyncedClockAndZone() {
        // the year of the arrival, the zone as its offset, the host the device logs
        SyslogMessage full = parser.parse(
                "<189>123: router01: *Feb 28 23:59:59.123 CET: %SYS-5-CONFIG_I: Configured from console by admin",
                RECEIVED);
        assertThat(full.timestamp()).isEqualTo(Instant.parse("2026-02-28T22:59:59.123Z"));
        assertThat(full.hostname()).isEqualTo("router01");
        assertThat(full.appName()).isEqualTo("%SYS-5-CONFIG_I");
        assertThat(full.message()).isEqualTo("Configured from console by admin");

        SyslogMessage bare = parser.parse(
                "<187>98: .Mar  1 09:00:00.500: %LINK-3-UPDOWN: Interface Gi0/2, changed state to up", RECEIVED);
        assertThat(bare.timestamp()).isEqualTo(Instant.parse("2026-03-01T09:00:00.500Z"));
        assertThat(bare.hostname()).isNull();
        assertThat(bare.appName()).isEqualTo("%LINK-3-UPDOWN");

        // a sequence number without an IOS time after it is not a header
        SyslogMessage notIos = parser.parse("<13>123: foo bar", RECEIVED);
        assertThat(notIos.timestamp()).isNull();
        assertThat(notIos.message()).contains("foo bar");
    }

    @Test
    void readsNilValuesOfRfc5424() {
        SyslogMessage m = parser.parse("<13>1 - - - - - -", RECEIVED);
        assertThat(m.timestamp()).isNull();
        assertThat(m.hostname()).isNull();
        assertThat(m.structuredData()).isEmpty();
        assertThat(m.message()).isEmpty();
    }

    @Test
    void readsAnRfc3164LineInTheYearOfItsArrival() {
        SyslogMessage m = parser.parse("<38>Feb 28 23:59:58 web01 sshd[1234]: Accepted password for bob", RECEIVED);

        assertThat(m.format()).isEqualTo(SyslogMessage.Format.RFC3164);
        assertThat(m.timestamp()).isEqualTo(Instant.parse("2026-02-28T23:59:58Z"));
        assertThat(m.hostname()).isEqualTo("web01");
        assertThat(m.appName()).isEqualTo("sshd");
        assertThat(m.procId()).isEqualTo("1234");
        assertThat(m.message()).isEqualTo("Accepted password for bob");

        SyslogMessage december = parser.parse("Dec 31 23:00:00 h app: x", RECEIVED);
        assertThat(december.timestamp()).isEqualTo(Instant.parse("2025-12-31T23:00:00Z"));
        assertThat(december.facility()).isEqualTo(-1);
    }

    @Test
    void aHostWrittenTwiceAsUniFiOsWritesItIsReadOnce() {
        // UniFi OS (a UniFi Dream Machine's remote syslog) writes its host name twice before the program
        SyslogMessage mcad = parser.parse(
                "<14>Aug 24 20:07:06 UDM-Pro UDM-Pro mcad[2802]: ace_reporter.geo_info_send(): Sending geo-info"
                        + " request from eth8",
                RECEIVED);
        assertThat(mcad.hostname()).isEqualTo("UDM-Pro");
        assertThat(mcad.appName()).isEqualTo("mcad");
        assertThat(mcad.procId()).isEqualTo("2802");
        assertThat(mcad.message()).isEqualTo("ace_reporter.geo_info_send(): Sending geo-info request from eth8");
        SyslogMessage systemd = parser.parse(
                "<30>Jun 19 18:17:37 UDM-Pro UDM-Pro systemd: Created slice User Slice of UID 0.", RECEIVED);
        assertThat(systemd.appName()).isEqualTo("systemd");
        assertThat(systemd.message()).isEqualTo("Created slice User Slice of UID 0.");
        // its firewall's lines name no program: the rule's label starts the message
        SyslogMessage firewall = parser.parse(
                "<13>Jun 19 18:17:05 UDM-Pro UDM-Pro [WAN_LOCAL-D-2147483647] DESCR=\"Block All Traffic\" IN=eth8 OUT=",
                RECEIVED);
        assertThat(firewall.hostname()).isEqualTo("UDM-Pro");
        assertThat(firewall.appName()).isNull();
        assertThat(firewall.message()).startsWith("[WAN_LOCAL-D-2147483647] DESCR=");

        // a program named as its host, a message that starts with the host's name, another word: as they stand
        SyslogMessage named = parser.parse("<13>Mar  1 10:00:00 fw01 fw01: started", RECEIVED);
        assertThat(named.appName()).isEqualTo("fw01");
        assertThat(named.message()).isEqualTo("started");
        SyslogMessage prose = parser.parse("<13>Mar  1 10:00:00 web01 web01 is up", RECEIVED);
        assertThat(prose.appName()).isNull();
        assertThat(prose.message()).isEqualTo("web01 is up");
        SyslogMessage longer = parser.parse("<13>Mar  1 10:00:00 web01 web01b sshd[7]: x", RECEIVED);
        assertThat(longer.appName()).isNull();
        assertThat(longer.message()).isEqualTo("web01b sshd[7]: x");
        SyslogMessage single =
                parser.parse("<30>Jun 19 18:17:32 UDM-Pro CEF:0|Ubiquiti|UniFi Network|10.4.57|544|x|4|a=b", RECEIVED);
        assertThat(single.hostname()).isEqualTo("UDM-Pro");
        assertThat(single.message()).startsWith("CEF:0|Ubiquiti");
    }

    @Test
    void aYearlessTimeIsNeverPutMonthsAheadOfItsArrival() {
        // an auth.log of January read in December: its lines are of the past January, not the next
        Instant december = Instant.parse("2026-12-04T10:00:00Z");
        assertThat(parser.parse("<38>Jan 22 23:07:43 web01 sshd[1]: x", december)
                        .timestamp())
                .isEqualTo(Instant.parse("2026-01-22T23:07:43Z"));
        assertThat(parser.parse("<38>Mar 15 08:00:00 web01 sshd[1]: x", december)
                        .timestamp())
                .isEqualTo(Instant.parse("2026-03-15T08:00:00Z"));
        // the same day's lines, and a device clock a few hours ahead, stay in the arrival's year
        assertThat(parser.parse("<38>Dec  4 09:59:00 web01 sshd[1]: x", december)
                        .timestamp())
                .isEqualTo(Instant.parse("2026-12-04T09:59:00Z"));
        assertThat(parser.parse("<38>Dec  4 15:00:00 web01 sshd[1]: x", december)
                        .timestamp())
                .isEqualTo(Instant.parse("2026-12-04T15:00:00Z"));

        // at the year's turn: a line of 1 January arriving on 31 December is of the next year ...
        Instant newYearsEve = Instant.parse("2026-12-31T23:59:50Z");
        assertThat(parser.parse("<38>Jan  1 00:00:05 web01 sshd[1]: x", newYearsEve)
                        .timestamp())
                .isEqualTo(Instant.parse("2027-01-01T00:00:05Z"));
        // ... and one of 31 December arriving on 1 January of the past one
        Instant newYear = Instant.parse("2027-01-01T00:00:10Z");
        assertThat(parser.parse("<38>Dec 31 23:59:58 web01 sshd[1]: x", newYear).timestamp())
                .isEqualTo(Instant.parse("2026-12-31T23:59:58Z"));
        // Cisco's own header follows the same rule
        assertThat(parser.parse("<187>98: .Nov 30 09:00:00.500: %LINK-3-UPDOWN: Interface Gi0/2", newYear)
                        .timestamp())
                .isEqualTo(Instant.parse("2026-11-30T09:00:00.500Z"));
    }

    @Test
    void readsMacOsTagsThatNameTheProcessAMessageIsAbout() {
        // LogHub's Mac log (Mac_2k.log): the system log writes the process a message is about after the
        // sender's pid, its name, its pid in brackets or both (ASL's RefProc and RefPID, Apple's asl.h)
        SyslogMessage sandbox = parser.parse(
                "Jul  1 09:29:02 calvisitor-10-105-160-95 sandboxd[129] ([31211]): com.apple.Addres(31211) deny"
                        + " network-outbound /private/var/run/mDNSResponder",
                RECEIVED);
        assertThat(sandbox.hostname()).isEqualTo("calvisitor-10-105-160-95");
        assertThat(sandbox.appName()).isEqualTo("sandboxd");
        assertThat(sandbox.procId()).isEqualTo("129");
        assertThat(sandbox.refProc()).isNull();
        assertThat(sandbox.refPid()).isEqualTo("31211");
        assertThat(sandbox.message())
                .isEqualTo("com.apple.Addres(31211) deny network-outbound /private/var/run/mDNSResponder");
        SyslogMessage launchd = parser.parse(
                "Jul  2 16:55:53 calvisitor-10-105-163-202 com.apple.xpc.launchd[1]"
                        + " (com.apple.xpc.launchd.domain.pid.WebContent.32502): Path not allowed in target domain:"
                        + " type = pid",
                RECEIVED);
        assertThat(launchd.appName()).isEqualTo("com.apple.xpc.launchd");
        assertThat(launchd.procId()).isEqualTo("1");
        assertThat(launchd.refProc()).isEqualTo("com.apple.xpc.launchd.domain.pid.WebContent.32502");
        assertThat(launchd.refPid()).isNull();
        assertThat(launchd.message()).isEqualTo("Path not allowed in target domain: type = pid");
        // both, as launchd writes a job it started (the message as users quote it)
        SyslogMessage job = parser.parse(
                "Jul  2 16:55:53 host com.apple.xpc.launchd[1] (com.apple.mdworker.bundles[12513]): Service exited"
                        + " with abnormal code: 78",
                RECEIVED);
        assertThat(job.refProc()).isEqualTo("com.apple.mdworker.bundles");
        assertThat(job.refPid()).isEqualTo("12513");
        assertThat(job.message()).isEqualTo("Service exited with abnormal code: 78");

        // no colon after it, no pid before it, words in it: no TAG, the line after the host is the message
        SyslogMessage noColon = parser.parse(
                "Jul  1 09:29:02 host sandboxd[129] ([31211]) deny network-outbound /private/var/run/x", RECEIVED);
        assertThat(noColon.appName()).isNull();
        assertThat(noColon.refPid()).isNull();
        assertThat(noColon.message()).startsWith("sandboxd[129] ([31211]) deny");
        assertThat(parser.parse("Jul  1 09:29:02 host sandboxd ([31211]): x", RECEIVED)
                        .appName())
                .isNull();
        SyslogMessage words = parser.parse("Jul  1 09:29:02 host su[1234] (to root): bob on pts/0", RECEIVED);
        assertThat(words.appName()).isNull();
        assertThat(words.refProc()).isNull();
        // a bare file line without a time names no TAG, parentheses or not
        assertThat(parser.parse("sandboxd[129] ([31211]): x", RECEIVED).appName())
                .isNull();
    }

    @Test
    void readsAnRfc3164HeaderWithAnIsoTime() {
        SyslogMessage m =
                parser.parse("2020-03-24 08:38:42.344447-0700  localhost sshd[2519]: Failed password", RECEIVED);
        assertThat(m.timestamp()).isEqualTo(Instant.parse("2020-03-24T15:38:42.344447Z"));
        assertThat(m.hostname()).isEqualTo("localhost");
        assertThat(m.appName()).isEqualTo("sshd");
    }

    @Test
    void readsSophosUtmsOwnTimeBeforeTheHostWithOrWithoutAPriority() {
        SyslogMessage sent =
                parser.parse("<38>2026:03:01-09:59:58 utm9 sshd[4242]: Failed password for root", RECEIVED);
        assertThat(sent.timestamp()).isEqualTo(Instant.parse("2026-03-01T09:59:58Z"));
        assertThat(sent.hostname()).isEqualTo("utm9");
        assertThat(sent.appName()).isEqualTo("sshd");
        assertThat(sent.procId()).isEqualTo("4242");
        assertThat(sent.message()).isEqualTo("Failed password for root");
        // as its log files hold the line, and in the zone of the source's clock
        SyslogMessage file = new SyslogParser(java.time.ZoneOffset.ofHours(1))
                .parse("2026:03:01-10:59:58 utm9 named[7442]: client 192.0.2.5#53211: query", RECEIVED);
        assertThat(file.timestamp()).isEqualTo(Instant.parse("2026-03-01T09:59:58Z"));
        assertThat(file.hostname()).isEqualTo("utm9");
        assertThat(file.appName()).isEqualTo("named");
        // a date without the clock, or an impossible one, is no time
        assertThat(parser.parse("<13>2026:03:01 utm9 app: x", RECEIVED).timestamp())
                .isNull();
        assertThat(parser.parse("2026:13:01-09:59:58 utm9 app: x", RECEIVED).timestamp())
                .isNull();
    }

    @Test
    void aFileLineWithAnIsoTimeHasAHostOnlyWhenATagFollowsIt() {
        // Exim's main log: the word after the time is Exim's own
        SyslogMessage exim = parser.parse("2017-01-24 03:09:46 SMTP connection from [10.1.1.10]:55010", RECEIVED);
        assertThat(exim.timestamp()).isEqualTo(Instant.parse("2017-01-24T03:09:46Z"));
        assertThat(exim.hostname()).isNull();
        assertThat(exim.message()).isEqualTo("SMTP connection from [10.1.1.10]:55010");
        // PostgreSQL: a zone after the time; MySQL: a thread number after it
        SyslogMessage postgres =
                parser.parse("2026-03-01 09:00:00.123 UTC [4432] FATAL:  role \"x\" does not exist", RECEIVED);
        assertThat(postgres.hostname()).isNull();
        assertThat(postgres.message()).startsWith("[4432] FATAL:");
        SyslogMessage mysql = parser.parse("2026-03-01T09:00:00.123456Z 12 [Warning] Access denied", RECEIVED);
        assertThat(mysql.hostname()).isNull();
        assertThat(mysql.message()).isEqualTo("12 [Warning] Access denied");
        // with a priority, the header's host is taken as it stands
        SyslogMessage relayed = parser.parse("<13>2026-03-01T09:00:00Z 10 app: x", RECEIVED);
        assertThat(relayed.hostname()).isEqualTo("10");
    }

    @Test
    void aZoneNamedAfterAnIsoTimeWithoutOffsetIsTheTimesZoneNotTheHost() {
        SyslogMessage cet = parser.parse(
                "2026-03-01 09:00:00.123 CET [4432] FATAL:  password authentication failed for user \"bob\"", RECEIVED);
        assertThat(cet.timestamp()).isEqualTo(Instant.parse("2026-03-01T08:00:00.123Z"));
        assertThat(cet.hostname()).isNull();
        assertThat(cet.message()).startsWith("[4432] FATAL:");

        SyslogMessage edt = parser.parse("2026-07-01 05:00:00 EDT [7] LOG:  connection received", RECEIVED);
        assertThat(edt.timestamp()).isEqualTo(Instant.parse("2026-07-01T09:00:00Z"));

        // PostgreSQL's CSV log: the zone is followed by the next column, which stays in the message
        SyslogMessage csv = parser.parse(
                "2026-07-01 05:00:00.123 EDT,\"bob\",\"shop\",4432,\"198.51.100.9:50000\",65f1.1,1,\"authentication\","
                        + "2026-07-01 05:00:00 EDT,3/1,0,FATAL,28P01,\"password authentication failed for user \"\"bob\"\"\"",
                RECEIVED);
        assertThat(csv.timestamp()).isEqualTo(Instant.parse("2026-07-01T09:00:00.123Z"));
        assertThat(csv.hostname()).isNull();
        assertThat(csv.message()).startsWith("EDT,\"bob\",\"shop\",4432,");

        // an offset in the time wins over the name after it
        SyslogMessage offset = parser.parse("2026-03-01 09:00:00+01:00 CET [1] LOG:  x", RECEIVED);
        assertThat(offset.timestamp()).isEqualTo(Instant.parse("2026-03-01T08:00:00Z"));

        // in a parser for another zone, UTC still means UTC
        SyslogMessage utc = new SyslogParser(java.time.ZoneId.of("Europe/Berlin"))
                .parse("2026-03-01 09:00:00 UTC [1] LOG:  x", RECEIVED);
        assertThat(utc.timestamp()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
    }

    @Test
    void anOffsetWrittenApartAfterAnIsoTimeIsTheTimesOffsetNotTheHost() {
        // Barracuda: "<PRI>yyyy-MM-dd HH:mm:ss.SSS +0100  host ..."
        SyslogMessage barracuda =
                parser.parse("<129>2026-03-01 10:00:00.250 +0100  waf-01 WF ALER SQL_INJECTION", RECEIVED);
        assertThat(barracuda.timestamp()).isEqualTo(Instant.parse("2026-03-01T09:00:00.250Z"));
        assertThat(barracuda.hostname()).isEqualTo("waf-01");
        assertThat(barracuda.message()).isEqualTo("WF ALER SQL_INJECTION");
        SyslogMessage colon = parser.parse("<129>2026-03-01 04:00:00 -05:00 fw-2 app: x", RECEIVED);
        assertThat(colon.timestamp()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
        assertThat(colon.hostname()).isEqualTo("fw-2");
        assertThat(colon.appName()).isEqualTo("app");
    }

    @Test
    void aWordWithACommaAfterTheTimeIsNoHost() {
        // PAN-OS without a host name: the comma-separated record follows the time
        SyslogMessage panos = parser.parse(
                "<14>Nov 30 16:09:08 1,2026/11/30 16:09:08,012801096514,TRAFFIC,end,2561,2026/11/30 16:09:08",
                RECEIVED);
        assertThat(panos.hostname()).isNull();
        assertThat(panos.message()).startsWith("1,2026/11/30 16:09:08,012801096514,TRAFFIC,end");
    }

    @Test
    void anRfc5424TimeWithoutOffsetIsInTheSourcesClockZone() {
        // Junos without a configured time zone writes the TIMESTAMP without its offset
        SyslogMessage utc =
                parser.parse("<165>1 2026-03-01T09:15:02.696 srx-1 RT_FLOW - RT_FLOW_SESSION_CREATE - x", RECEIVED);
        assertThat(utc.timestamp()).isEqualTo(Instant.parse("2026-03-01T09:15:02.696Z"));
        assertThat(utc.hostname()).isEqualTo("srx-1");
        assertThat(utc.appName()).isEqualTo("RT_FLOW");
        SyslogMessage berlin = new SyslogParser(java.time.ZoneId.of("Europe/Berlin"))
                .parse("<165>1 2026-03-01T10:15:02 srx-1 RT_FLOW - - - x", RECEIVED);
        assertThat(berlin.timestamp()).isEqualTo(Instant.parse("2026-03-01T09:15:02Z"));
    }

    @Test
    void readsCiscoMerakisHeaderWithAnEpochTime() {
        SyslogMessage m = parser.parse(
                "<134>1 1563246850.048798929 Head_office_Appliance flows allow src=192.168.10.254 dst=8.8.8.8",
                RECEIVED);
        assertThat(m.format()).isEqualTo(SyslogMessage.Format.RFC5424);
        assertThat(m.timestamp()).isEqualTo(Instant.ofEpochSecond(1563246850L, 48798929L));
        assertThat(m.hostname()).isEqualTo("Head_office_Appliance");
        assertThat(m.appName()).isNull();
        assertThat(m.message()).isEqualTo("flows allow src=192.168.10.254 dst=8.8.8.8");
        // a number that is no epoch time is still a broken RFC 5424 TIMESTAMP
        assertThatThrownBy(() -> parser.parse("<134>1 12345 host app - - - x", RECEIVED))
                .isInstanceOf(MalformedLogException.class);
    }

    @Test
    void takesALineWithoutHeaderAsTheMessage() {
        SyslogMessage m = parser.parse("CEF:0|a|b|1|2|n|3|src=1.2.3.4", RECEIVED);
        assertThat(m.format()).isEqualTo(SyslogMessage.Format.NONE);
        assertThat(m.message()).isEqualTo("CEF:0|a|b|1|2|n|3|src=1.2.3.4");
    }

    @Test
    void refusesAnInvalidPriorityOrBrokenRfc5424() {
        for (String line : List.of(
                "<>x",
                "<192>x",
                "<01>x",
                "<1234>x",
                "<abc>x",
                "<13>1 2026-13-45T00:00:00Z h a p m - x",
                "<13>1 - - - - [unclosed a=\"1\"",
                "<13>1 - - - - [id a=\"open")) {
            assertThatThrownBy(() -> parser.parse(line, RECEIVED))
                    .as(line)
                    .isInstanceOf(MalformedLogException.class)
                    .hasMessageContaining("");
        }
    }

    @Test
    void aBracketedTextThatOpensNoSdElementIsTheMessageOfAnRfc5424Line() {
        // Check Point's Log Exporter writes its fields where STRUCTURED-DATA belongs
        SyslogMessage m = parser.parse(
                "<134>1 2026-03-01T09:15:02Z gw-01 CheckPoint 25563 - [action:\"Drop\"; src:\"203.0.113.50\"]",
                RECEIVED);
        assertThat(m.format()).isEqualTo(SyslogMessage.Format.RFC5424);
        assertThat(m.appName()).isEqualTo("CheckPoint");
        assertThat(m.procId()).isEqualTo("25563");
        assertThat(m.structuredData()).isEmpty();
        assertThat(m.message()).isEqualTo("[action:\"Drop\"; src:\"203.0.113.50\"]");

        // an element that opens as one (an SD-ID, then a space or ']') must still follow the grammar:
        // a broken ingest key element is refused, not kept as message text
        for (String line : List.of(
                "<13>1 - h a - - [socaas@32473 key=\"sk_abc\" msg",
                "<13>1 - h a - - [socaas@32473 key=sk_abc] msg",
                "<13>1 - h a - - [x@1][broken msg",
                "<13>1 - h a - - -[x] msg")) {
            assertThatThrownBy(() -> parser.parse(line, RECEIVED)).as(line).isInstanceOf(MalformedLogException.class);
        }
    }

    @Test
    void spacesBeforeTheCloseOfAnSdElementAndBetweenItsParametersAreRead() {
        // Check Point's Log Exporter writes a space before the ']' of its Fields element
        SyslogMessage m = parser.parse(
                "<85>1 2026-03-01T09:15:02+01:00 192.0.2.254 CP-GW - Log [Fields@1.3.6.1.4.1.2620 Action=\"Accept\""
                        + " src=\"192.0.2.10\"  dst=\"198.51.100.20\" product=\"VPN-1 & FireWall-1\" ] after",
                RECEIVED);
        assertThat(m.format()).isEqualTo(SyslogMessage.Format.RFC5424);
        assertThat(m.appName()).isEqualTo("CP-GW");
        assertThat(m.msgId()).isEqualTo("Log");
        assertThat(m.structuredParam("Fields@1.3.6.1.4.1.2620", "Action")).isEqualTo("Accept");
        assertThat(m.structuredParam("Fields@1.3.6.1.4.1.2620", "src")).isEqualTo("192.0.2.10");
        assertThat(m.structuredParam("Fields@1.3.6.1.4.1.2620", "dst")).isEqualTo("198.51.100.20");
        assertThat(m.structuredParam("Fields@1.3.6.1.4.1.2620", "product")).isEqualTo("VPN-1 & FireWall-1");
        assertThat(m.message()).isEqualTo("after");

        // several elements, each closed after spaces, and an element with no parameter but spaces
        SyslogMessage two = parser.parse("<13>1 - h a - - [a@1 x=\"1\" ][b@2   y=\"2\"  ][c@3 ] msg", RECEIVED);
        assertThat(two.structuredParam("a@1", "x")).isEqualTo("1");
        assertThat(two.structuredParam("b@2", "y")).isEqualTo("2");
        assertThat(two.structuredData()).containsKey("c@3");
        assertThat(two.message()).isEqualTo("msg");

        // an ingest key in such an element is still the sender's key
        SyslogMessage keyed = parser.parse("<13>1 - h a - - [socaas@32473 key=\"sk_abc\" ] msg", RECEIVED);
        assertThat(keyed.structuredParam("socaas@32473", "key")).isEqualTo("sk_abc");

        // what is still not structured data: parameters not separated, unquoted or unclosed values,
        // an element never closed, and no space between the element and the message
        for (String line : List.of(
                "<13>1 - h a - - [x@1 a=\"1\"b=\"2\" ] msg",
                "<13>1 - h a - - [x@1 a=1 ] msg",
                "<13>1 - h a - - [x@1 a= \"1\" ] msg",
                "<13>1 - h a - - [x@1 a=\"1\" ",
                "<13>1 - h a - - [x@1 a=\"1\"   ",
                "<13>1 - h a - - [x@1 a=\"1\" ]msg",
                "<13>1 - h a - - [socaas@32473 key=\"sk_abc\"  msg")) {
            assertThatThrownBy(() -> parser.parse(line, RECEIVED)).as(line).isInstanceOf(MalformedLogException.class);
        }
    }

    @Test
    void readsTheOffsetWestOfUtcCheckPointWritesWithADoubledMinus() {
        SyslogMessage m = parser.parse(
                "<85>1 2026-02-27T10:15:00--5:00 192.0.2.254 CP-GW - Log [Fields@1.3.6.1.4.1.2620 src=\"192.0.2.10\" ]",
                RECEIVED);
        assertThat(m.timestamp()).isEqualTo(Instant.parse("2026-02-27T15:15:00Z"));
        assertThat(parser.parse("<85>1 2026-02-27T10:15:00.250--10:00 h CP-GW - Log -", RECEIVED)
                        .timestamp())
                .isEqualTo(Instant.parse("2026-02-27T20:15:00.250Z"));
        assertThat(parser.parse("<85>1 2026-02-27T10:15:00--3:30 h CP-GW - Log -", RECEIVED)
                        .timestamp())
                .isEqualTo(Instant.parse("2026-02-27T13:45:00Z"));

        // no other misspelt offset is a time
        for (String time : List.of(
                "2026-02-27T10:15:00---5:00",
                "2026-02-27T10:15:00--25:00",
                "2026-02-27T10:15:00--5:60",
                "2026-02-27T10:15:00--5",
                "2026-02-27T10:15:00+-5:00",
                "2026-02-27T10:15:00-5:00",
                "2026-02-27--5:00",
                "2026-02-30T10:15:00--5:00")) {
            String line = "<85>1 " + time + " h CP-GW - Log -";
            assertThatThrownBy(() -> parser.parse(line, RECEIVED)).as(line).isInstanceOf(MalformedLogException.class);
        }
    }

    @Test
    void readsCefHeaderAndExtensionWithEscapes() {
        CefParser.CefEvent cef = CefParser.parse(
                "CEF:0|Ven\\|dor|Prod\\\\uct|1.0|100|Port scan|7|src=10.0.0.1 spt=1234 msg=a\\=b c\\nd act=blocked x");

        assertThat(cef.deviceVendor()).isEqualTo("Ven|dor");
        assertThat(cef.deviceProduct()).isEqualTo("Prod\\uct");
        assertThat(cef.severity()).isEqualTo("7");
        assertThat(cef.extension())
                .containsEntry("src", "10.0.0.1")
                .containsEntry("spt", "1234")
                .containsEntry("msg", "a=b c\nd")
                .containsEntry("act", "blocked x");
    }

    @Test
    void refusesACefLineWithATruncatedHeader() {
        assertThatThrownBy(() -> CefParser.parse("CEF:0|Vendor|Product"))
                .isInstanceOf(MalformedLogException.class)
                .hasMessageContaining("7 header fields");
        assertThatThrownBy(() -> CefParser.parse("CEF:x|a|b|c|d|e|f|")).isInstanceOf(MalformedLogException.class);
        assertThatThrownBy(() -> CefParser.parse("CEF:0|Vendor|a=b"))
                .as("no product before the pairs")
                .isInstanceOf(MalformedLogException.class);
        assertThatThrownBy(() -> CefParser.parse("CEF:x|Vendor|Product|a=b")).isInstanceOf(MalformedLogException.class);
    }

    @Test
    void readsACefLineWhoseHeaderStopsAfterTheProductAndGoesOnWithPairs() {
        // as SentinelOne's older management export writes it
        CefParser.CefEvent cef = CefParser.parse(
                "CEF:0|SentinelOne|Mgmt|activityID=1234 activityType=27 siteId=5 accountName=Acme Corp");
        assertThat(cef.deviceVendor()).isEqualTo("SentinelOne");
        assertThat(cef.deviceProduct()).isEqualTo("Mgmt");
        assertThat(cef.deviceVersion()).isEmpty();
        assertThat(cef.severity()).isEmpty();
        assertThat(cef.extension())
                .containsEntry("activityID", "1234")
                .containsEntry("activityType", "27")
                .containsEntry("accountName", "Acme Corp");
    }

    @Test
    void readsLeef1And2() {
        LeefParser.LeefEvent one = LeefParser.parse("LEEF:1.0|IBM|QRadar|7.0|login|src=1.2.3.4\tusrName=bob\tjunk");
        assertThat(one.eventId()).isEqualTo("login");
        assertThat(one.attributes())
                .containsEntry("src", "1.2.3.4")
                .containsEntry("usrName", "bob")
                .containsEntry("rawAttributes", "junk");

        LeefParser.LeefEvent two = LeefParser.parse("LEEF:2.0|Lancope|StealthWatch|1.0|41|^|src=10.0.1.8^dst=10.0.0.5");
        assertThat(two.attributes()).containsEntry("src", "10.0.1.8").containsEntry("dst", "10.0.0.5");
        LeefParser.LeefEvent hex = LeefParser.parse("LEEF:2.0|V|P|1|e|x5E|a=1^b=2");
        assertThat(hex.attributes()).containsEntry("b", "2");

        // Deep Security's LEEF 2.0 has no delimiter field: tab-separated attributes, a '|' in a value
        LeefParser.LeefEvent noDelimiterField = LeefParser.parse("LEEF:2.0|Trend Micro|Deep Security Agent|20.0|4000000"
                + "|cat=Anti-Malware\tname=Eicar_test_file\tfilePath=C:\\\\Users\\\\kim\\\\eicar.com"
                + "\tmsg=quarantined|cleaned\tusrName=CORP\\\\kim");
        assertThat(noDelimiterField.eventId()).isEqualTo("4000000");
        assertThat(noDelimiterField.attributes())
                .containsEntry("cat", "Anti-Malware")
                .containsEntry("filePath", "C:\\Users\\kim\\eicar.com")
                .containsEntry("msg", "quarantined|cleaned")
                .containsEntry("usrName", "CORP\\kim");
        // an escaped equals sign; an unescaped one and a lone backslash are kept as they are
        assertThat(LeefParser.parse("LEEF:1.0|V|P|1|e|q=a\\=b\turl=http://h/?x=1&y=2\tp=C:\\Temp")
                        .attributes())
                .containsEntry("q", "a=b")
                .containsEntry("url", "http://h/?x=1&y=2")
                .containsEntry("p", "C:\\Temp");

        assertThatThrownBy(() -> LeefParser.parse("LEEF:1.0|V|P")).isInstanceOf(MalformedLogException.class);
        assertThatThrownBy(() -> LeefParser.parse("LEEF:2.0|V|P|1|e|xZZ|a=1"))
                .isInstanceOf(MalformedLogException.class);
    }

    @Test
    void splitsLfAndOctetCountedFramesAcrossChunks() {
        SyslogFrameDecoder decoder = new SyslogFrameDecoder(1024);
        byte[] stream = "<13>one\r\n9 <13>two\nx\n\n5 three<13>four\n".getBytes(StandardCharsets.UTF_8);
        List<String> frames = new java.util.ArrayList<>();
        for (byte b : stream) {
            decoder.feed(new byte[] {b}).forEach(f -> frames.add(new String(f.bytes(), StandardCharsets.UTF_8)));
        }
        decoder.finish().forEach(f -> frames.add(new String(f.bytes(), StandardCharsets.UTF_8)));

        assertThat(frames).containsExactly("<13>one", "<13>two\nx", "three", "<13>four");
    }

    @Test
    void splitsGelfMessagesEndedByNul() {
        // Docker's gelf log driver over TCP: one JSON object after another, each ended by NUL
        SyslogFrameDecoder decoder = new SyslogFrameDecoder(1024);
        byte[] stream = "{\"short_message\":\"a\"}\0{\"short_message\":\"b\"}\0\n<13>line\n{\"c\":1}\0"
                .getBytes(StandardCharsets.UTF_8);
        List<String> frames = new java.util.ArrayList<>();
        for (int cut = 0; cut < stream.length; cut += 7) {
            decoder.feed(stream, cut, Math.min(7, stream.length - cut))
                    .forEach(f -> frames.add(new String(f.bytes(), StandardCharsets.UTF_8)));
        }

        assertThat(frames)
                .containsExactly("{\"short_message\":\"a\"}", "{\"short_message\":\"b\"}", "<13>line", "{\"c\":1}");
        assertThat(decoder.buffered()).isZero();
    }

    @Test
    void jsonObjectsAreMessagesWithOrWithoutLineEndsAndACutOffOneDoesNotSwallowTheNextLines() {
        // Logstash's tcp output with its json codec: objects back to back; then one written over lines
        SyslogFrameDecoder decoder = new SyslogFrameDecoder(1024);
        String stream = "{\"message\":\"a {b}\"}{\"message\":\"c\\\"}\"}"
                + "{\n  \"message\": \"d\",\n  \"tags\": [\"x\"]\n}\n"
                // cut off inside a string, and outside one: each ends at its line end
                + "{\"message\":\"cut\n<13>Mar  1 10:00:00 h app: next\n{\"message\":{\"e\":1\n{\"f\":2}\n"
                // a line that only starts with a brace is a line
                + "{2026-03-01 10:00:00} INFO started {worker}\n{\nplain\n";
        List<String> frames = new java.util.ArrayList<>();
        for (byte b : stream.getBytes(StandardCharsets.UTF_8)) {
            decoder.feed(new byte[] {b}).forEach(f -> frames.add(new String(f.bytes(), StandardCharsets.UTF_8)));
        }
        decoder.finish().forEach(f -> frames.add(new String(f.bytes(), StandardCharsets.UTF_8)));

        assertThat(frames)
                .containsExactly(
                        "{\"message\":\"a {b}\"}",
                        "{\"message\":\"c\\\"}\"}",
                        "{\n  \"message\": \"d\",\n  \"tags\": [\"x\"]\n}",
                        "{\"message\":\"cut",
                        "<13>Mar  1 10:00:00 h app: next",
                        "{\"message\":{\"e\":1",
                        "{\"f\":2}",
                        "{2026-03-01 10:00:00} INFO started {worker}",
                        "{",
                        "plain");
        assertThat(decoder.buffered()).isZero();
    }

    @Test
    void anOversizedJsonObjectIsCutAndTheObjectsAfterItAreReadThoughNoLineEndCame() {
        SyslogFrameDecoder decoder = new SyslogFrameDecoder(16);
        String stream = "{\"big\":\"" + "x".repeat(40) + "}{\\\"\",\"n\":{\"m\":[1,{}]}}{\"b\":1}  {\"c\":2}<13>next\n";
        List<SyslogFrameDecoder.Frame> frames = new java.util.ArrayList<>();
        for (int cut = 0; cut < stream.length(); cut += 5) {
            frames.addAll(decoder.feed(
                    stream.substring(cut, Math.min(stream.length(), cut + 5)).getBytes(StandardCharsets.UTF_8)));
        }

        assertThat(frames).extracting(SyslogFrameDecoder.Frame::oversized).containsExactly(true, false, false, false);
        assertThat(frames)
                .extracting(f -> new String(f.bytes(), StandardCharsets.UTF_8))
                .containsExactly("{\"big\":\"xxxxxxxx", "{\"b\":1}", "{\"c\":2}", "<13>next");
    }

    @Test
    void anOversizedGelfMessageIsCutAndTheNextOneReadWhole() {
        SyslogFrameDecoder decoder = new SyslogFrameDecoder(4);
        List<SyslogFrameDecoder.Frame> frames = decoder.feed("abcdefgh\0ok\0".getBytes(StandardCharsets.UTF_8));

        assertThat(frames).extracting(SyslogFrameDecoder.Frame::oversized).containsExactly(true, false);
        assertThat(frames)
                .extracting(f -> new String(f.bytes(), StandardCharsets.UTF_8))
                .containsExactly("abcd", "ok");
    }

    @Test
    void reportsOversizedFramesAndResynchronises() {
        SyslogFrameDecoder decoder = new SyslogFrameDecoder(4);
        List<SyslogFrameDecoder.Frame> frames =
                decoder.feed("abcdefgh\nok\n12 abcdefghijklok2\n".getBytes(StandardCharsets.UTF_8));

        assertThat(frames).extracting(SyslogFrameDecoder.Frame::oversized).containsExactly(true, false, true, false);
        assertThat(frames)
                .extracting(f -> new String(f.bytes(), StandardCharsets.UTF_8))
                .containsExactly("abcd", "ok", "abcd", "ok2");
    }
}
