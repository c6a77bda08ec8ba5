package io.socaas.events.syslog;

import io.socaas.events.FastTimes;
import io.socaas.events.ZoneAbbreviations;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one syslog line: RFC 5424 ({@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD
 * MSG}; Cisco Meraki's {@code <PRI>1 <epoch seconds> <device> MSG}, whose TIMESTAMP is a number,
 * has no other header field), Cisco IOS's own header ({@code <PRI>seq: [host:] *Mmm dd hh:mm:ss.mmm
 * ZONE: MSG}), RFC 3164 ({@code <PRI>Mmm dd hh:mm:ss HOSTNAME TAG: MSG}, also without the priority as
 * files hold it, with an RFC 3339 time as rsyslog writes it, and with Sophos UTM's {@code
 * yyyy:MM:dd-HH:mm:ss}; in a line without the priority, a
 * zone abbreviation after the time ({@code UTC}, {@code CET}, {@code EST}, ...; {@link ZoneAbbreviations}) is
 * the time's zone when the time has no offset, never the host, and a number there is not taken for
 * the host, as databases write their own logs; after an ISO time, a word is the host only when a syslog
 * tag follows it; a host written twice before the tag, as UniFi OS writes it, is read once; macOS's
 * TAG, which names the process a message is about in parentheses after the pid, {@code sandboxd[129]
 * ([31211]):}, is read as the program, its pid and that process), or a line without a syslog header (then the whole line is the message). A line that starts with {@code <} must carry a valid
 * priority; an RFC 5424 line must follow its grammar up to MSG (a bracketed text that does not
 * open an SD-ELEMENT, as Check Point writes, is read as the message; inside an SD-ELEMENT, spaces
 * before its {@code ]} and more than one space between its parameters are allowed, as Check Point
 * writes its {@code [Fields@1.3.6.1.4.1.2620 ... ]}, and so is the TIMESTAMP offset it writes west of
 * UTC, {@code --5:00} for {@code -05:00}): otherwise {@link MalformedLogException}. Everything else parses. Thread-safe.
 */
public final class SyslogParser {

    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };
    private static final int MAX_TAG = 48;
    /** The longest name of a process a macOS message is about (launchd's job labels). */
    private static final int MAX_REFERENCE = 160;
    /**
     * How far after its arrival a time written without its year may lie and still be of the
     * arrival's year (or the next one): a device's clock a little ahead, the year's turn on the way.
     */
    public static final Duration YEARLESS_AHEAD = Duration.ofDays(2);

    private static final Map<ZoneId, SyslogParser> BY_ZONE = new ConcurrentHashMap<>();

    private final ZoneId zone;

    /** The parser of the sources whose clock is in {@code zone} (one per zone, kept: parsers are thread-safe). */
    public static SyslogParser in(ZoneId zone) {
        return BY_ZONE.computeIfAbsent(Objects.requireNonNull(zone, "zone"), SyslogParser::new);
    }

    /** @param zone the zone of RFC 3164 times, which carry none (the sender's zone, UTC by default) */
    public SyslogParser(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public SyslogParser() {
        this(ZoneOffset.UTC);
    }

    /**
     * @param line one message without its framing
     * @param received when it arrived: RFC 3164 times have no year: the
     *     latest that puts the time no more than {@link #YEARLESS_AHEAD} after this is taken
     * @throws MalformedLogException when the line claims a syslog header it does not follow
     */
    public SyslogMessage parse(String line, Instant received) {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(received, "received");
        Cursor c = new Cursor(line);
        if (!c.at('<')) {
            return rfc3164(c, -1, received);
        }
        c.pos++;
        int digitsStart = c.pos;
        while (c.more() && Character.isDigit(c.peek()) && c.pos - digitsStart < 4) {
            c.pos++;
        }
        if (c.pos == digitsStart || c.pos - digitsStart > 3 || !c.at('>')) {
            throw new MalformedLogException("syslog priority: expected <0> to <191> at the start of the line");
        }
        int pri = Integer.parseInt(line.substring(digitsStart, c.pos));
        if (pri > 191 || (c.pos - digitsStart > 1 && line.charAt(digitsStart) == '0')) {
            throw new MalformedLogException(
                    "syslog priority: " + line.substring(digitsStart, c.pos) + " is not a priority from 0 to 191");
        }
        c.pos++;
        if (c.startsWith("1 ")) {
            c.pos += 2;
            return rfc5424(c, pri);
        }
        return rfc3164(c, pri, received);
    }

    private SyslogMessage rfc5424(Cursor c, int pri) {
        String time = c.token("TIMESTAMP");
        Instant epoch = epochTime(time);
        if (epoch != null) {
            // Cisco Meraki: "<PRI>1 <epoch seconds.nanos> <device name> <message>", no other header field
            String device = c.token("HOSTNAME");
            return new SyslogMessage(
                    SyslogMessage.Format.RFC5424,
                    pri / 8,
                    pri % 8,
                    epoch,
                    device,
                    null,
                    null,
                    null,
                    Map.of(),
                    c.rest());
        }
        String hostname = c.token("HOSTNAME");
        String appName = c.token("APP-NAME");
        String procId = c.token("PROCID");
        String msgId = c.token("MSGID");
        Instant timestamp = null;
        if (time != null) {
            try {
                timestamp = FastTimes.rfc3339(time);
                if (timestamp == null) {
                    timestamp = OffsetDateTime.parse(time).toInstant();
                }
            } catch (DateTimeException e) {
                timestamp = localTime(time);
                if (timestamp == null) {
                    timestamp = doubledMinusOffset(time);
                }
            }
            if (timestamp == null) {
                throw new MalformedLogException("RFC 5424 TIMESTAMP: '" + time + "' is not an RFC 3339 time");
            }
        }
        boolean bracketedMessage = c.at('[') && !c.opensStructuredData();
        Map<String, Map<String, String>> sd = bracketedMessage ? Map.of() : structuredData(c);
        String message = c.rest();
        if (message.startsWith(" ")) {
            message = message.substring(1);
        } else if (!message.isEmpty() && !bracketedMessage) {
            throw new MalformedLogException("RFC 5424: expected a space between STRUCTURED-DATA and MSG");
        }
        if (message.startsWith("\uFEFF")) {
            message = message.substring(1);
        }
        return new SyslogMessage(
                SyslogMessage.Format.RFC5424,
                pri / 8,
                pri % 8,
                timestamp,
                hostname,
                appName,
                procId,
                msgId,
                sd,
                message);
    }

    /**
     * An RFC 5424 TIMESTAMP without its offset ({@code 2026-10-23T16:28:31.696}, as Junos writes it when
     * no time zone is configured): the time in the source's clock zone, or null when it is no time.
     */
    private Instant localTime(String time) {
        try {
            return LocalDateTime.parse(time).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static final Pattern DOUBLED_MINUS_OFFSET =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?)--(\\d{1,2}):(\\d{2})");

    /**
     * An RFC 5424 TIMESTAMP whose offset west of UTC is written with a second minus and its hours
     * without a leading zero ({@code 2026-01-13T10:10:16--5:00} for {@code -05:00}), as Check Point's
     * gateways write it in their {@code [Fields@1.3.6.1.4.1.2620 ...]} lines; null for any other text.
     */
    private static Instant doubledMinusOffset(String time) {
        Matcher m = DOUBLED_MINUS_OFFSET.matcher(time);
        if (!m.matches()) {
            return null;
        }
        String hours = m.group(2).length() == 1 ? "0" + m.group(2) : m.group(2);
        try {
            return OffsetDateTime.parse(m.group(1) + "-" + hours + ":" + m.group(3))
                    .toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Map<String, Map<String, String>> structuredData(Cursor c) {
        if (c.at('-')) {
            c.pos++;
            return Map.of();
        }
        if (!c.at('[')) {
            throw new MalformedLogException("RFC 5424 STRUCTURED-DATA: expected '-' or '['");
        }
        Map<String, Map<String, String>> elements = new LinkedHashMap<>();
        while (c.at('[')) {
            c.pos++;
            String id = c.name("SD-ID");
            Map<String, String> params = new LinkedHashMap<>();
            while (c.at(' ')) {
                // RFC 5424 puts one space before each SD-PARAM and none before ']'; Check Point's Log
                // Exporter writes a space before the ']' ([Fields@1.3.6.1.4.1.2620 ... src="..." ]):
                // a run of spaces may stand where one space does, and before the ']'
                c.skipSpaces();
                if (c.at(']') || !c.more()) {
                    break;
                }
                String name = c.name("PARAM-NAME");
                if (!c.at('=') || !c.startsWith("=\"")) {
                    throw new MalformedLogException("RFC 5424 STRUCTURED-DATA: expected =\" after " + name);
                }
                c.pos += 2;
                params.put(name, c.quoted());
            }
            if (!c.at(']')) {
                throw new MalformedLogException("RFC 5424 STRUCTURED-DATA: expected ']' to close " + id);
            }
            c.pos++;
            elements.put(id, Map.copyOf(params));
        }
        return elements;
    }

    private SyslogMessage rfc3164(Cursor c, int pri, Instant received) {
        int start = c.pos;
        Instant timestamp = bsdTime(c, received);
        boolean isoInFile = false;
        String ciscoHost = null;
        if (timestamp == null && pri >= 0) {
            CiscoHeader cisco = ciscoHeader(c, received);
            if (cisco != null) {
                timestamp = cisco.time();
                ciscoHost = cisco.host();
            }
        }
        if (timestamp == null) {
            timestamp = isoTime(c);
            isoInFile = timestamp != null && pri < 0;
        }
        String hostname = null;
        String tag = null;
        String procId = null;
        if (timestamp != null) {
            c.skipSpaces();
            int hostStart = c.pos;
            int space = c.line.indexOf(' ', hostStart);
            String candidate = space < 0 ? null : c.line.substring(hostStart, space);
            ZoneOffset named = pri < 0 && candidate != null ? ZoneAbbreviations.offset(candidate) : null;
            if (named == null && c.timeWithoutOffset && candidate != null) {
                named = numericOffset(candidate);
            }
            if (named == null && pri < 0 && c.timeWithoutOffset && candidate != null && candidate.indexOf(',') > 0) {
                // PostgreSQL's CSV log: "2026-07-01 05:00:00.123 EDT,"user",...": the zone is the
                // time's, and the columns from it on are the message
                ZoneOffset csvZone = ZoneAbbreviations.offset(candidate.substring(0, candidate.indexOf(',')));
                if (csvZone != null) {
                    timestamp = LocalDateTime.ofInstant(timestamp, zone).toInstant(csvZone);
                }
            }
            if (named != null) {
                // a zone after the time (a database's own log line; Barracuda's "2026-12-05 10:00:00.123
                // +0100 host"), not a host
                if (c.timeWithoutOffset) {
                    timestamp = LocalDateTime.ofInstant(timestamp, zone).toInstant(named);
                }
                c.pos = space + 1;
                c.skipSpaces();
                hostStart = c.pos;
                space = c.line.indexOf(' ', hostStart);
                candidate = space < 0 ? null : c.line.substring(hostStart, space);
            }
            if (candidate != null
                    && !candidate.isEmpty()
                    && !candidate.endsWith(":")
                    && !candidate.contains("[")
                    && candidate.indexOf(',') < 0 // PAN-OS without a host: "Nov 30 16:09:08 1,2026/11/30 .."
                    && !(pri < 0 && isNumber(candidate))
                    && !(isoInFile && !startsWithTag(c.line, space + 1))) {
                hostname = candidate;
                c.pos = space + 1;
                if (repeatsHost(c.line, c.pos, hostname)) {
                    // UniFi OS writes its host twice ("UDM-Pro UDM-Pro mcad[2802]: ..."): the second is no program
                    c.pos += hostname.length() + 1;
                }
            }
            if (hostname == null) {
                hostname = ciscoHost;
            }
        } else {
            c.pos = start;
        }
        // TAG: up to 48 characters of a program name, then '[pid]:' or ':' and a space
        int tagEnd = c.pos;
        while (tagEnd < c.line.length() && tagEnd - c.pos <= MAX_TAG && isTagChar(c.line.charAt(tagEnd))) {
            tagEnd++;
        }
        String refProc = null;
        String refPid = null;
        if (tagEnd > c.pos && tagEnd < c.line.length()) {
            int after = tagEnd;
            String pid = null;
            if (c.line.charAt(after) == '[') {
                int close = c.line.indexOf(']', after);
                if (close > after && close - after <= 12) {
                    pid = c.line.substring(after + 1, close);
                    after = close + 1;
                }
            }
            int reference = pid == null ? -1 : referenceEnd(c.line, after);
            if (reference > 0
                    && reference < c.line.length()
                    && c.line.charAt(reference) == ':'
                    && (reference + 1 == c.line.length() || c.line.charAt(reference + 1) == ' ')) {
                // macOS: the process the message is about after the sender's pid, "sandboxd[129] ([31211]):"
                String inner = c.line.substring(after + 2, reference - 1);
                int bracket = inner.indexOf('[');
                refProc = bracket == 0 ? null : bracket < 0 ? inner : inner.substring(0, bracket);
                refPid = bracket < 0 ? null : inner.substring(bracket + 1, inner.length() - 1);
                after = reference;
            }
            if (after < c.line.length()
                    && c.line.charAt(after) == ':'
                    && (after + 1 == c.line.length() || c.line.charAt(after + 1) == ' ')
                    && (timestamp != null || pri >= 0)) {
                tag = c.line.substring(c.pos, tagEnd);
                procId = pid;
                c.pos = Math.min(c.line.length(), after + 2);
            } else {
                refProc = null;
                refPid = null;
            }
        }
        SyslogMessage.Format format =
                pri >= 0 || timestamp != null ? SyslogMessage.Format.RFC3164 : SyslogMessage.Format.NONE;
        return new SyslogMessage(
                format,
                pri < 0 ? -1 : pri / 8,
                pri < 0 ? -1 : pri % 8,
                timestamp,
                hostname,
                tag,
                procId,
                null,
                Map.of(),
                c.rest(),
                refProc,
                refPid);
    }

    /**
     * Where the process a macOS system log message is about ends when it follows the sender's pid at
     * {@code from}: a space and, in parentheses, its name, its pid in brackets or both, as ASL writes
     * its RefProc and RefPID ({@code sandboxd[129] ([31211]):}, {@code launchd[1]
     * (com.apple.xpc.launchd.domain.pid.WebContent.32502):}, {@code launchd[1]
     * (com.apple.mdworker.bundles[52682]):}); the index after its closing parenthesis, or -1 when none
     * is written there.
     */
    private static int referenceEnd(String line, int from) {
        if (!line.startsWith(" (", from)) {
            return -1;
        }
        int start = from + 2;
        int p = start;
        while (p < line.length() && p - start < MAX_REFERENCE && isTagChar(line.charAt(p)) && line.charAt(p) != ')') {
            p++;
        }
        if (p < line.length() && line.charAt(p) == '[') {
            int digits = ++p;
            while (p < line.length() && p - digits < 10 && Character.isDigit(line.charAt(p))) {
                p++;
            }
            if (p == digits || p >= line.length() || line.charAt(p) != ']') {
                return -1;
            }
            p++;
        }
        return p > start && p < line.length() && line.charAt(p) == ')' ? p + 1 : -1;
    }

    /**
     * Whether the header's host is written again at {@code from}, followed by a space and then by a
     * syslog TAG or a firewall rule's bracketed label ({@code [LAN_LOCAL-RET-2147483647] }), as UniFi
     * OS writes its lines ({@code <14>Aug 24 20:07:06 UDM-Pro UDM-Pro mcad[2802]: ...}). A word equal
     * to the host followed by anything else is the message's own ({@code web01 web01 is up}), and so
     * is a program named as its host ({@code fw01 fw01: ...}, a TAG itself).
     */
    private static boolean repeatsHost(String line, int from, String host) {
        int next = from + host.length() + 1;
        if (next >= line.length() || !line.startsWith(host, from) || line.charAt(next - 1) != ' ') {
            return false;
        }
        return startsWithTag(line, next) || startsWithRuleLabel(line, next);
    }

    /** A firewall rule's label in brackets and a space ({@code [WAN_IN-2000-D] }, {@code [PREROUTING-DNAT-11] }). */
    private static boolean startsWithRuleLabel(String line, int from) {
        if (line.charAt(from) != '[') {
            return false;
        }
        int end = from + 1;
        while (end < line.length() && end - from <= MAX_TAG) {
            char ch = line.charAt(end);
            if (!(Character.isLetterOrDigit(ch) || ch == '_' || ch == '-')) {
                break;
            }
            end++;
        }
        return end > from + 1 && end + 1 < line.length() && line.charAt(end) == ']' && line.charAt(end + 1) == ' ';
    }

    /**
     * Whether a syslog TAG ({@code program:} or {@code program[pid]:} and a space or the end) starts
     * at {@code from}. A file line with an ISO time has a host only when a tag follows it; otherwise
     * the word after the time is the application's own (Exim's {@code SMTP connection from ...},
     * IIS's site name).
     */
    private static boolean startsWithTag(String line, int from) {
        int end = from;
        while (end < line.length() && end - from <= MAX_TAG && isTagChar(line.charAt(end))) {
            end++;
        }
        if (end == from || end >= line.length()) {
            return false;
        }
        if (line.charAt(end) == '[') {
            int close = line.indexOf(']', end);
            if (close < 0 || close - end > 12) {
                return false;
            }
            end = close + 1;
        }
        return end < line.length()
                && line.charAt(end) == ':'
                && (end + 1 == line.length() || line.charAt(end + 1) == ' ');
    }

    /**
     * The time of a TIMESTAMP written as epoch seconds with an optional fraction (Cisco Meraki writes
     * {@code 1563246850.048798929} after the version), null for any other text.
     */
    private static Instant epochTime(String time) {
        if (time == null) {
            return null;
        }
        int dot = time.indexOf('.');
        String seconds = dot < 0 ? time : time.substring(0, dot);
        String fraction = dot < 0 ? "" : time.substring(dot + 1);
        if (seconds.length() < 9
                || seconds.length() > 10
                || fraction.length() > 9
                || (dot >= 0 && fraction.isEmpty())) {
            return null;
        }
        if (!isNumber(seconds) || !isNumber(fraction)) {
            return null;
        }
        long nanos = fraction.isEmpty() ? 0 : Long.parseLong((fraction + "000000000").substring(0, 9));
        return Instant.ofEpochSecond(Long.parseLong(seconds), nanos);
    }

    /** Digits only: a thread or connection number after the time (MySQL), never a host name. */
    private static boolean isNumber(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isTagChar(char ch) {
        return ch > ' ' && ch < 0x7f && ch != ':' && ch != '[' && ch != ']';
    }

    /** {@code hh:mm:ss}: two digits, a colon, two digits, a colon, two digits. */
    private static boolean isClock(String clock) {
        return clock.charAt(2) == ':'
                && clock.charAt(5) == ':'
                && FastTimes.digits(clock, 0, 2) >= 0
                && FastTimes.digits(clock, 3, 2) >= 0
                && FastTimes.digits(clock, 6, 2) >= 0;
    }

    /**
     * {@code Mmm dd hh:mm:ss} (day space-padded or not), optionally followed by a year, or with the
     * year before the clock ({@code Mmm dd yyyy hh:mm:ss}, as Cisco devices write it); a colon that
     * ends the header right after the time ({@code Dec 04 2026 11:59:59: %ASA-...}) is consumed.
     */
    private Instant bsdTime(Cursor c, Instant received) {
        String line = c.line;
        int p = c.pos;
        if (line.length() < p + 15) {
            return null;
        }
        int month = -1;
        for (int m = 0; m < 12; m++) {
            if (line.startsWith(MONTHS[m], p)) {
                month = m + 1;
                break;
            }
        }
        if (month < 0 || line.charAt(p + 3) != ' ') {
            return null;
        }
        int q = p + 4;
        if (line.charAt(q) == ' ') {
            q++;
        }
        int dayStart = q;
        while (q < line.length() && Character.isDigit(line.charAt(q)) && q - dayStart < 2) {
            q++;
        }
        if (q == dayStart || q + 9 > line.length() || line.charAt(q) != ' ') {
            return null;
        }
        int day = Integer.parseInt(line.substring(dayStart, q));
        Integer year = null;
        if (q + 14 <= line.length()
                && FastTimes.digits(line, q + 1, 4) >= 0
                && line.charAt(q + 5) == ' '
                && isClock(line.substring(q + 6, q + 14))) {
            year = Integer.parseInt(line.substring(q + 1, q + 5));
            q += 5;
        }
        String clock = line.substring(q + 1, q + 9);
        if (!isClock(clock)) {
            return null;
        }
        int end = q + 9;
        int nanos = 0;
        if (end < line.length() && line.charAt(end) == '.') {
            int f = end + 1;
            while (f < line.length() && Character.isDigit(line.charAt(f)) && f - end <= 9) {
                f++;
            }
            String fraction = (line.substring(end + 1, f) + "000000000").substring(0, 9);
            nanos = Integer.parseInt(fraction);
            end = f;
        }
        if (year == null
                && end + 5 <= line.length()
                && line.charAt(end) == ' '
                && FastTimes.digits(line, end + 1, 4) >= 0
                && (end + 5 == line.length() || line.charAt(end + 5) == ' ')) {
            year = Integer.parseInt(line.substring(end + 1, end + 5));
            end += 5;
        }
        try {
            int h = Integer.parseInt(clock.substring(0, 2));
            int mi = Integer.parseInt(clock.substring(3, 5));
            int s = Integer.parseInt(clock.substring(6, 8));
            Instant best;
            if (year != null) {
                best = LocalDateTime.of(year, month, day, h, mi, s, nanos)
                        .atZone(zone)
                        .toInstant();
            } else {
                best = yearless(month, day, h, mi, s, nanos, zone, received);
                if (best == null) {
                    return null;
                }
            }
            if (end + 1 < line.length() && line.charAt(end) == ':' && line.charAt(end + 1) == ' ') {
                end++; // the header's own end: no host follows
            }
            c.pos = end;
            return best;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * The instant of a time written without its year, as RFC 3164 headers and some applications'
     * own logs write it: the latest year that does not put it more than {@link #YEARLESS_AHEAD} after
     * {@code received} (a line written months ago and read now is of the past months, not of the
     * coming ones; at the year's turn, the next year), of the year before, this one or the next.
     * Null when none of them has that date and clock (a 29 February outside a leap year, a 30
     * February, an hour 25).
     *
     * @param zone the zone the time was written in
     * @param received when the line arrived
     */
    public static Instant yearless(
            int month, int day, int hour, int minute, int second, int nanos, ZoneId zone, Instant received) {
        int near = received.atZone(zone).getYear();
        Instant latest = received.plus(YEARLESS_AHEAD);
        for (int y = near + 1; y >= near - 1; y--) {
            Instant candidate;
            try {
                candidate = LocalDateTime.of(y, month, day, hour, minute, second, nanos)
                        .atZone(zone)
                        .toInstant();
            } catch (DateTimeException e) {
                continue; // Feb 29 outside a leap year
            }
            if (!candidate.isAfter(latest)) {
                return candidate;
            }
        }
        return null;
    }

    /** The time and host (null when it does not name one) of a Cisco IOS header. */
    private record CiscoHeader(Instant time, String host) {}

    /**
     * Cisco IOS's own header where the syslog header's time would be: {@code 123: [host:]
     * [*|.]Mmm dd hh:mm:ss[.mmm] [ZONE]: } (the message's sequence number, the host when the device
     * logs its origin, {@code *} or {@code .} when its clock is not synchronized, the zone when it
     * logs one). The time has no year, taken as for an RFC 3164 header. Null, with the
     * cursor where it was, when the line does not start so.
     */
    private CiscoHeader ciscoHeader(Cursor c, Instant received) {
        String line = c.line;
        int from = c.pos;
        int p = from;
        int digits = p;
        while (digits < line.length() && digits - p < 10 && Character.isDigit(line.charAt(digits))) {
            digits++;
        }
        if (digits > p && line.startsWith(": ", digits)) {
            p = digits + 2; // the sequence number
        }
        String host = null;
        Instant time = ciscoTime(c, p, received);
        if (time == null) {
            int colon = line.indexOf(": ", p);
            int space = line.indexOf(' ', p);
            if (colon > p && space == colon + 1) {
                host = line.substring(p, colon);
                time = ciscoTime(c, colon + 2, received);
            }
        }
        if (time == null) {
            c.pos = from;
            return null;
        }
        return new CiscoHeader(time, host);
    }

    /** The IOS time at {@code at} up to the colon that ends the header; null (cursor unmoved) when none. */
    private Instant ciscoTime(Cursor c, int at, Instant received) {
        String line = c.line;
        int saved = c.pos;
        int q = at;
        if (q < line.length() && (line.charAt(q) == '*' || line.charAt(q) == '.')) {
            q++;
        }
        c.pos = q;
        Instant time = bsdTime(c, received);
        if (time != null && line.startsWith(" ", c.pos)) {
            int colon = line.indexOf(':', c.pos + 1);
            ZoneOffset named = colon > c.pos + 1 ? ZoneAbbreviations.offset(line.substring(c.pos + 1, colon)) : null;
            if (named != null) {
                time = LocalDateTime.ofInstant(time, zone).toInstant(named);
                c.pos = colon + 1;
            }
        }
        if (time == null || line.charAt(c.pos - 1) != ':') {
            c.pos = saved;
            return null;
        }
        return time;
    }

    /**
     * An RFC 3339 time (rsyslog's RFC3339 template with an RFC 3164 header), also with a space for
     * the {@code T} or an offset without its colon; without an offset it is in the parser's zone.
     */
    private Instant isoTime(Cursor c) {
        Matcher m = ISO.matcher(c.line).region(c.pos, c.line.length());
        if (!m.lookingAt()) {
            return utmTime(c);
        }
        try {
            LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + m.group(2));
            String offset = m.group(3);
            Instant t;
            c.timeWithoutOffset = offset == null;
            if (offset == null) {
                t = local.atZone(zone).toInstant();
            } else if (offset.equals("Z") || offset.equals("z")) {
                t = local.toInstant(ZoneOffset.UTC);
            } else {
                String normalized = offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset;
                t = local.toInstant(ZoneOffset.of(normalized));
            }
            c.pos = m.end();
            return t;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * Sophos UTM's own time ({@code 2026:03:01-09:59:58}), which its log files and its remote syslog
     * write before the host; it has no offset and is in the parser's zone.
     */
    private Instant utmTime(Cursor c) {
        Matcher m = UTM.matcher(c.line).region(c.pos, c.line.length());
        if (!m.lookingAt()) {
            return null;
        }
        try {
            LocalDateTime local =
                    LocalDateTime.parse(m.group(1) + "-" + m.group(2) + "-" + m.group(3) + "T" + m.group(4));
            c.timeWithoutOffset = true;
            c.pos = m.end();
            return local.atZone(zone).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static final Pattern UTM = Pattern.compile("(\\d{4}):(\\d{2}):(\\d{2})-(\\d{2}:\\d{2}:\\d{2})(?= |$)");

    private static final Pattern NUMERIC_OFFSET = Pattern.compile("[+-]\\d{2}:?\\d{2}");

    /** {@code +0100}, {@code -05:00} as an offset, or null when the text is none. */
    private static ZoneOffset numericOffset(String text) {
        if (!NUMERIC_OFFSET.matcher(text).matches()) {
            return null;
        }
        try {
            return ZoneOffset.of(text.length() == 5 ? text.substring(0, 3) + ":" + text.substring(3) : text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?)(Z|z|[+-]\\d{2}:?\\d{2})?(?= |$)");

    /** Reading position in one line. */
    private static final class Cursor {
        final String line;
        int pos;
        /** The ISO time read last had no offset (it was taken in the parser's zone). */
        boolean timeWithoutOffset;

        Cursor(String line) {
            this.line = line;
        }

        boolean more() {
            return pos < line.length();
        }

        char peek() {
            return line.charAt(pos);
        }

        boolean at(char ch) {
            return pos < line.length() && line.charAt(pos) == ch;
        }

        boolean startsWith(String prefix) {
            return line.startsWith(prefix, pos);
        }

        void skipSpaces() {
            while (at(' ')) {
                pos++;
            }
        }

        String rest() {
            return pos >= line.length() ? "" : line.substring(pos);
        }

        /** A header field of RFC 5424 and the space after it; null for the NILVALUE {@code -}. */
        String token(String what) {
            int space = line.indexOf(' ', pos);
            if (space < 0 || space == pos) {
                throw new MalformedLogException("RFC 5424 " + what + ": expected a field followed by a space");
            }
            String token = line.substring(pos, space);
            pos = space + 1;
            return token.equals("-") ? null : token;
        }

        /**
         * Whether the {@code [} here opens an SD-ELEMENT: an SD-ID followed by a space or {@code ]}.
         * Some senders write a bracketed text of their own where STRUCTURED-DATA belongs (Check
         * Point's Log Exporter: {@code [action:"Drop"; src:"192.0.2.1"; ...]}); that text is the
         * message, and the line has no structured data. An element that does open this way must
         * follow the grammar to its end (an ingest key in a broken element is refused, not kept as
         * message text).
         */
        boolean opensStructuredData() {
            int i = pos + 1;
            while (i < line.length()) {
                char ch = line.charAt(i);
                if (ch <= ' ' || ch >= 0x7f || ch == '=' || ch == ']' || ch == '"') {
                    break;
                }
                i++;
            }
            return i > pos + 1
                    && i - pos - 1 <= 32
                    && i < line.length()
                    && (line.charAt(i) == ' ' || line.charAt(i) == ']');
        }

        /** An SD-NAME: printable US-ASCII except '=', ' ', ']' and '"'. */
        String name(String what) {
            int start = pos;
            while (pos < line.length()) {
                char ch = line.charAt(pos);
                if (ch <= ' ' || ch >= 0x7f || ch == '=' || ch == ']' || ch == '"') {
                    break;
                }
                pos++;
            }
            if (pos == start || pos - start > 32) {
                throw new MalformedLogException(
                        "RFC 5424 STRUCTURED-DATA: expected an " + what + " of 1 to 32 characters");
            }
            return line.substring(start, pos);
        }

        /** A PARAM-VALUE up to its closing quote, with \" \\ \] unescaped. */
        String quoted() {
            StringBuilder value = new StringBuilder();
            while (pos < line.length()) {
                char ch = line.charAt(pos++);
                if (ch == '"') {
                    return value.toString();
                }
                if (ch == '\\' && pos < line.length()) {
                    char next = line.charAt(pos);
                    if (next == '"' || next == '\\' || next == ']') {
                        value.append(next);
                        pos++;
                        continue;
                    }
                }
                value.append(ch);
            }
            throw new MalformedLogException("RFC 5424 STRUCTURED-DATA: a PARAM-VALUE is not closed with '\"'");
        }
    }
}
