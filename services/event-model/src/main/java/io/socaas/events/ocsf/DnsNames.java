package io.socaas.events.ocsf;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Domain names as BIND (and the servers built on it, Infoblox NIOS) prints them, in the
 * presentation format of RFC 1035 section 5.1: a byte that is not printable as itself is written
 * {@code \DDD} with its decimal value ({@code foo\032bar} for a space), a special character
 * {@code \X} ({@code \"}, {@code \(}, {@code \;}). Read back, the name is what the client asked for:
 * bytes that form UTF-8 become its characters. A dot or backslash inside a label stays escaped
 * ({@code \.}, {@code \\}), so that the labels of the name are still told apart, and so do control
 * characters ({@code \000} to {@code \031}, {@code \127}), which no field should carry raw. A name
 * whose escaped bytes are not UTF-8 is kept as printed.
 */
final class DnsNames {

    private DnsNames() {}

    /** The name with its escapes read back; the text itself when it has none or they are malformed. */
    static String unescape(String printed) {
        if (printed == null || printed.indexOf('\\') < 0) {
            return printed;
        }
        int n = printed.length();
        ByteBuffer bytes = ByteBuffer.allocate(n * 4);
        for (int i = 0; i < n; ) {
            int c = printed.codePointAt(i);
            if (c != '\\') {
                bytes.put(new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c);
                continue;
            }
            if (i + 1 >= n) {
                return printed;
            }
            int value;
            if (isDigit(printed.charAt(i + 1))) {
                if (i + 3 >= n) {
                    return printed;
                }
                if (!isDigit(printed.charAt(i + 2)) || !isDigit(printed.charAt(i + 3))) {
                    return printed;
                }
                value = Integer.parseInt(printed, i + 1, i + 4, 10);
                i += 4;
                if (value > 255) {
                    return printed;
                }
            } else {
                value = printed.codePointAt(i + 1);
                i += 1 + Character.charCount(value);
                if (value > 0x7f) {
                    // an escaped character beyond ASCII: taken as itself
                    bytes.put(new String(Character.toChars(value)).getBytes(StandardCharsets.UTF_8));
                    continue;
                }
            }
            if (value == '.' || value == '\\') {
                bytes.put((byte) '\\').put((byte) value);
            } else if (value < 0x20 || value == 0x7f) {
                bytes.put(String.format("\\%03d", value).getBytes(StandardCharsets.US_ASCII));
            } else {
                bytes.put((byte) value);
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return printed;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
