package io.socaas.events.ocsf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Texts a source writes percent-encoded (RFC 3986 section 2.1): Amazon CloudFront's access logs
 * encode the user agent so that its spaces and tabs do not split the line
 * ({@code Mozilla/5.0%20(Windows%20NT%2010.0)}). Read back, the text is what the client sent: the
 * bytes that {@code %XX} encode, as UTF-8. A control character ({@code %00} to {@code %1F}, {@code
 * %7F}) stays encoded, as no field should carry it raw; a {@code %} not followed by two hexadecimal
 * digits is itself; a text whose encoded bytes are not UTF-8 is kept as written. A {@code +} is a
 * plus sign (not a space: that is HTML forms' encoding, not the URL's).
 */
final class PercentEncoding {

    private PercentEncoding() {}

    /** The text with its percent-encoded bytes read back; the text itself when it has none or they are not UTF-8. */
    static String decode(String text) {
        if (text == null || text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int n = text.length();
        for (int i = 0; i < n; ) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < n && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                int value = hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2));
                if (value < 0x20 || value == 0x7f) {
                    bytes.writeBytes(text.substring(i, i + 3).getBytes(StandardCharsets.US_ASCII));
                } else {
                    bytes.write(value);
                }
                i += 3;
                continue;
            }
            int cp = text.codePointAt(i);
            bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
            i += Character.charCount(cp);
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return text;
        }
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
