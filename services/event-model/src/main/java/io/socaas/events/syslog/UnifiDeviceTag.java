package io.socaas.events.syslog;

import java.util.Objects;

/**
 * The device stamp that UniFi access points and switches write where a syslog TAG stands, the real
 * program following it in the message. Two shapes, by firmware:
 *
 * <ul>
 *   <li>model code, MAC address, {@code v} and firmware: {@code U7PG2,788a20123456,v6.5.28.14491:
 *       hostapd: ath0: STA ...} (firmware 3.x to 6.x);
 *   <li>MAC address, then model and firmware joined by a hyphen: {@code
 *       1c0b8bc42f58,U7-Lite-8.6.11+18870: hostapd: wifi0ap5: STA ...}, sometimes with an empty field
 *       before the program ({@code 802aa849de91,UAP-AC-Lite-5.43.43+12741: : stahtd[1700]: ...}) or the
 *       program written twice ({@code f492bfa5743c,U6-Lite-5.60.9+12980: stahtd: stahtd[20181]: ...}).
 * </ul>
 *
 * A TAG of another shape (a MAC address without the model, words with commas) is no stamp.
 *
 * @param mac the device's MAC address as written (12 hexadecimal digits)
 * @param model the model code ({@code U7PG2}) or name ({@code U7-Lite})
 * @param firmware the firmware version ({@code 6.5.28.14491}, {@code 8.6.11+18870})
 */
public record UnifiDeviceTag(String mac, String model, String firmware) {

    private static final int MAX_PROGRAM = 48;

    public UnifiDeviceTag {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(firmware, "firmware");
    }

    /** A message whose TAG was a UniFi device stamp: the stamp, and the message with the real program as its TAG. */
    public record Stamped(UnifiDeviceTag device, SyslogMessage message) {}

    /**
     * The device stamp in the message's TAG and the message with the program that follows the stamp
     * (and its pid) as its TAG, the text after it as the message; null when the TAG is no stamp.
     */
    public static Stamped read(SyslogMessage m) {
        String tag = m.appName();
        if (tag == null || tag.indexOf(',') < 0 || m.procId() != null) {
            return null;
        }
        UnifiDeviceTag device = parse(tag);
        if (device == null) {
            return null;
        }
        String text = m.message();
        int p = 0;
        if (text.startsWith(": ")) {
            p = 2; // an empty field between the stamp and the program
        }
        String program = null;
        String pid = null;
        int end = tagEnd(text, p);
        if (end > 0) {
            program = text.substring(p, programEnd(text, p));
            pid = pid(text, p);
            p = Math.min(text.length(), end + 2);
            // the program written again, with its pid: "stahtd: stahtd[20181]: ..."
            int again = tagEnd(text, p);
            if (again > 0 && text.substring(p, programEnd(text, p)).equals(program)) {
                String againPid = pid(text, p);
                if (pid == null || againPid == null || againPid.equals(pid)) {
                    pid = pid != null ? pid : againPid;
                    p = Math.min(text.length(), again + 2);
                }
            }
        }
        SyslogMessage unstamped = new SyslogMessage(
                m.format(),
                m.facility(),
                m.severity(),
                m.timestamp(),
                m.hostname(),
                program,
                pid,
                m.msgId(),
                m.structuredData(),
                text.substring(p));
        return new Stamped(device, unstamped);
    }

    /** The stamp a TAG holds, null when it holds none. */
    static UnifiDeviceTag parse(String tag) {
        int first = tag.indexOf(',');
        int second = tag.indexOf(',', first + 1);
        if (second > 0) {
            // U7PG2,788a20123456,v6.5.28.14491
            if (tag.indexOf(',', second + 1) >= 0) {
                return null;
            }
            String model = tag.substring(0, first);
            String mac = tag.substring(first + 1, second);
            String version = tag.substring(second + 1);
            if (!isModel(model) || !isMac(mac) || version.length() < 4 || version.charAt(0) != 'v') {
                return null;
            }
            String firmware = version.substring(1);
            return isFirmware(firmware) ? new UnifiDeviceTag(mac, model, firmware) : null;
        }
        // 1c0b8bc42f58,U7-Lite-8.6.11+18870
        String mac = tag.substring(0, first);
        String rest = tag.substring(first + 1);
        int dash = rest.lastIndexOf('-');
        if (!isMac(mac) || dash <= 0) {
            return null;
        }
        String model = rest.substring(0, dash);
        String firmware = rest.substring(dash + 1);
        return isModel(model) && isFirmware(firmware) ? new UnifiDeviceTag(mac, model, firmware) : null;
    }

    private static boolean isMac(String text) {
        if (text.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Letters, digits and hyphens, starting with a letter: {@code U7PG2}, {@code UAP-AC-Lite}, {@code US8P60}. */
    private static boolean isModel(String text) {
        if (text.isEmpty() || text.length() > 32 || !isAsciiLetter(text.charAt(0))) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Digits, dots and a build number after a plus: {@code 6.5.28.14491}, {@code 5.43.43+12741}; at least one dot. */
    private static boolean isFirmware(String text) {
        if (text.isEmpty()
                || text.length() > 32
                || text.charAt(0) < '0'
                || text.charAt(0) > '9'
                || text.indexOf('.') < 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == '+')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /**
     * Where the program TAG ({@code program:} or {@code program[pid]:}, then a space or the end) that
     * starts at {@code from} ends: the index of its colon, or -1 when none starts there.
     */
    private static int tagEnd(String text, int from) {
        int end = programEnd(text, from);
        if (end == from || end >= text.length()) {
            return -1;
        }
        if (text.charAt(end) == '[') {
            int close = text.indexOf(']', end);
            if (close < 0 || close - end > 12) {
                return -1;
            }
            end = close + 1;
        }
        boolean colon = end < text.length() && text.charAt(end) == ':';
        return colon && (end + 1 == text.length() || text.charAt(end + 1) == ' ') ? end : -1;
    }

    private static int programEnd(String text, int from) {
        int end = from;
        while (end < text.length() && end - from < MAX_PROGRAM) {
            char c = text.charAt(end);
            if (c <= ' ' || c >= 0x7f || c == ':' || c == '[' || c == ']') {
                break;
            }
            end++;
        }
        return end;
    }

    private static String pid(String text, int from) {
        int end = programEnd(text, from);
        if (end < text.length() && text.charAt(end) == '[') {
            int close = text.indexOf(']', end);
            return close > end + 1 ? text.substring(end + 1, close) : null;
        }
        return null;
    }
}
