package io.socaas.events.ocsf;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Packet lines of the Windows DNS Server debug log ({@code dns.log}, "Log packets for debugging"),
 * as NXLog, Winlogbeat's file input or a syslog forwarder send them:
 *
 * <pre>
 * 4/21/2026 1:32:00 PM 0E54 PACKET  000001D0CCAB8E70 UDP Rcv 10.0.0.5        8f3a   Q [0001   D   NOERROR] A      (7)example(3)com(0)
 * </pre>
 *
 * <p>Read into {@code query} (the question name in dotted form, without the root's dot), {@code
 * record_type}, {@code rcode} and {@code rcode_id}, {@code dns_direction} ({@code Rcv}, {@code Snd}),
 * {@code dns_qr} ({@code R} for a response, empty for a query), {@code remote_ip}, {@code
 * transport} ({@code UDP}, {@code TCP}), {@code xid}, {@code opcode}, {@code dns_flags}, {@code
 * thread_id}, {@code packet_id} and {@code dns_time}: the line's local date and time as ISO 8601 without
 * a zone (in the source's clock zone), in the order of the server's regional format: the en-US default
 * ({@code M/d/yyyy h:mm:ss AM}), day first with a 24-hour clock ({@code dd/MM/yyyy}, {@code
 * dd.MM.yyyy}, {@code dd-MM-yyyy}) or year first; the text as written is kept as {@code dns_date}. A line
 * whose ISO date and time the syslog parser read as a header's has them there.
 * Other lines (headers, the key, detail lines) are not this format's (null).
 */
final class WindowsDnsDebugLog {

    private WindowsDnsDebugLog() {}

    static final String MARKER = " PACKET ";

    private static final Pattern PACKET = Pattern.compile(
            "^(?:(?<date>\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}) (?<time>\\d{1,2}:\\d\\d:\\d\\d(?: ?[AaPp]\\.?[Mm]\\.?)?) )?"
                    + "(?<thread>[0-9A-Fa-f]{1,8}) PACKET +(?<packet>[0-9A-Fa-f]+) (?<transport>UDP|TCP) "
                    + "(?<direction>Rcv|Snd) (?<remote>[0-9A-Fa-f.:]+) +(?<xid>[0-9A-Fa-f]{1,4}) (?<qr>[R ]) "
                    + "(?<opcode>[QNU?]) \\[(?<flagsHex>[0-9A-Fa-f]{1,4}) +(?<flags>[ATDR]*) +(?<rcode>[A-Z]+)\\] "
                    + "(?<qtype>\\S+) +(?<qname>\\S+)");

    private static final Pattern LABEL = Pattern.compile("\\((\\d{1,3})\\)");

    private static final Map<String, Integer> RCODES = Map.of(
            "NOERROR",
            0,
            "FORMERR",
            1,
            "SERVFAIL",
            2,
            "NXDOMAIN",
            3,
            "NOTIMP",
            4,
            "REFUSED",
            5,
            "YXDOMAIN",
            6,
            "YXRRSET",
            7,
            "NXRRSET",
            8,
            "NOTAUTH",
            9);

    private static final DateTimeFormatter ISO_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

    /** The line's fields, or null when it is not a packet line of the DNS debug log. */
    static ObjectNode parse(String text) {
        if (!text.contains(MARKER)) {
            return null;
        }
        Matcher m = PACKET.matcher(text);
        if (!m.find()) {
            return null;
        }
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("query", questionName(m.group("qname")));
        fields.put("record_type", m.group("qtype"));
        fields.put("rcode", m.group("rcode"));
        Integer rcode = RCODES.get(m.group("rcode"));
        if (rcode != null) {
            fields.put("rcode_id", rcode);
        }
        fields.put("dns_direction", m.group("direction"));
        fields.put("dns_qr", m.group("qr").strip());
        fields.put("remote_ip", m.group("remote"));
        fields.put("transport", m.group("transport"));
        fields.put("xid", m.group("xid"));
        fields.put("opcode", m.group("opcode"));
        fields.put("dns_flags", m.group("flags"));
        fields.put("thread_id", m.group("thread"));
        fields.put("packet_id", m.group("packet"));
        if (m.group("date") != null) {
            // absent when a syslog parser took the line's ISO date and time for its header's
            fields.put("dns_date", m.group("date"));
            LocalDateTime local = localTime(m.group("date"), m.group("time"));
            if (local != null) {
                fields.put("dns_time", local.format(ISO_TIME));
            }
        }
        return fields;
    }

    /** {@code (7)example(3)com(0)} as {@code example.com}; a name not in that form as it is. */
    static String questionName(String raw) {
        if (!raw.startsWith("(")) {
            return raw;
        }
        StringBuilder name = new StringBuilder(raw.length());
        Matcher label = LABEL.matcher(raw);
        int at = 0;
        while (label.find(at) && label.start() == at) {
            int length = Integer.parseInt(label.group(1));
            int from = label.end();
            if (length == 0) {
                break;
            }
            int to = Math.min(raw.length(), from + length);
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(raw, from, to);
            at = to;
        }
        return name.isEmpty() ? raw : name.toString();
    }

    /**
     * The line's date and time as the server's regional format wrote them: the year first ({@code
     * 2026-04-21}, {@code 2026/04/21}); with a 12-hour clock the month first ({@code 4/21/2026 1:32:00
     * PM}, en-US); with a 24-hour clock the day first ({@code 21/04/2026 13:32:00} as en-GB, fr-FR or
     * es-ES write it, {@code 21.04.2026} as de-DE, {@code 21-04-2026} as nl-NL), unless only the other
     * order is a date. Null when it is no date.
     */
    private static LocalDateTime localTime(String date, String time) {
        String t = time.toUpperCase(Locale.ROOT).replace(".", "").replace(" ", "");
        boolean pm = t.endsWith("PM");
        boolean am = t.endsWith("AM");
        LocalDate day = day(date, pm || am);
        if (day == null) {
            return null;
        }
        String[] hms = (pm || am ? t.substring(0, t.length() - 2) : t).split(":");
        int hour = Integer.parseInt(hms[0]);
        if ((pm || am) && (hour < 1 || hour > 12)) {
            return null;
        }
        if (pm && hour != 12) {
            hour += 12;
        } else if (am && hour == 12) {
            hour = 0;
        }
        int minute = Integer.parseInt(hms[1]);
        int second = Integer.parseInt(hms[2]);
        if (hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        return LocalDateTime.of(day, LocalTime.of(hour, minute, second));
    }

    private static LocalDate day(String date, boolean twelveHourClock) {
        String[] parts = date.split("[/.-]");
        if (parts.length != 3) {
            return null;
        }
        try {
            if (parts[0].length() == 4) {
                return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            }
            if (parts[2].length() != 4) {
                return null;
            }
            int year = Integer.parseInt(parts[2]);
            int first = Integer.parseInt(parts[0]);
            int second = Integer.parseInt(parts[1]);
            // a 12-hour clock with slashes is en-US's month first; else the day is first, unless it cannot be
            boolean monthFirst = twelveHourClock && date.indexOf('/') > 0 ? first <= 12 : second > 12;
            return monthFirst ? LocalDate.of(year, first, second) : LocalDate.of(year, second, first);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
