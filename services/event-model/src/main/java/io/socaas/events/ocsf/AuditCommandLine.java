package io.socaas.events.ocsf;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line of a Linux audit event's {@code EXECVE} record: its arguments {@code a0} ..
 * {@code a<argc-1>} joined by single spaces. The record is found in a text that holds one audit
 * record (auditd's own line) or all records of one event on one line (how Wazuh's agent and some
 * forwarders ship them: {@code type=SYSCALL ... type=EXECVE ... type=CWD ...}). An argument auditd
 * wrote in quotes is taken as written; one it wrote unquoted is hex-encoded (auditd encodes an
 * argument holding a space, a quote or a control character) and is decoded as UTF-8, invalid bytes
 * replaced. An argument auditd split into pieces ({@code a1_len=..., a1[0]=...}: over about 7.5 KiB)
 * is left out. The result is at most {@value #MAX_LENGTH} characters.
 */
final class AuditCommandLine {

    static final int MAX_LENGTH = 32 * 1024;

    /** The header of each record: {@code [node=<host> ]type=<TYPE> msg=audit(<time>:<serial>):}. */
    private static final Pattern HEADER =
            Pattern.compile("(?:node=\\S+ )?type=([A-Za-z0-9_]+) msg=audit\\(\\d+(?:\\.\\d+)?:\\d+\\): ?");

    private static final Pattern HEX = Pattern.compile("(?:[0-9A-Fa-f]{2})+");

    private AuditCommandLine() {}

    /** The command line of the text's EXECVE record; null without one, or without arguments. */
    static String of(String text) {
        if (text == null) {
            return null;
        }
        Matcher header = HEADER.matcher(text);
        int start = -1;
        while (header.find()) {
            if (start >= 0) {
                return join(text.substring(start, header.start()));
            }
            if (header.group(1).equals("EXECVE")) {
                start = header.end();
            }
        }
        return start >= 0 ? join(text.substring(start)) : null;
    }

    /**
     * A program's arguments (argv, a JSON list of texts) joined into a command line by single spaces, an
     * argument that is empty or holds a blank or a quote written in double quotes (its quotes and
     * backslashes escaped), as a shell would need it; at most {@value #MAX_LENGTH} characters. Null
     * when it is no list of texts or numbers, or an empty one.
     */
    static String ofArguments(com.fasterxml.jackson.databind.JsonNode arguments) {
        if (arguments == null || !arguments.isArray() || arguments.isEmpty()) {
            return null;
        }
        StringBuilder line = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonNode argument : arguments) {
            if (!argument.isValueNode() || argument.isNull()) {
                return null;
            }
            if (line.length() >= MAX_LENGTH) {
                break;
            }
            String text = argument.asText();
            if (!line.isEmpty()) {
                line.append(' ');
            }
            if (text.isEmpty() || text.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'')) {
                line.append('"')
                        .append(text.replace("\\", "\\\\").replace("\"", "\\\""))
                        .append('"');
            } else {
                line.append(text);
            }
        }
        return line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH) : line.toString();
    }

    private static String join(String record) {
        List<KeyValues.Pair> pairs = KeyValues.pairs(record);
        Map<String, KeyValues.Pair> byKey = new HashMap<>();
        for (KeyValues.Pair pair : pairs) {
            byKey.putIfAbsent(pair.key(), pair);
        }
        int argc;
        try {
            argc = Integer.parseInt(
                    byKey.containsKey("argc") ? byKey.get("argc").value() : "");
        } catch (NumberFormatException e) {
            argc = -1; // no count: the arguments present, in order
        }
        // the arguments the record holds, by their index: the work is bounded by the record, not by
        // the count it claims (argc=2147483647 with two arguments)
        java.util.TreeMap<Integer, KeyValues.Pair> arguments = new java.util.TreeMap<>();
        byKey.forEach((key, pair) -> {
            int index = argumentIndex(key);
            if (index >= 0) {
                arguments.put(index, pair);
            }
        });
        StringBuilder line = new StringBuilder();
        int expected = 0;
        for (Map.Entry<Integer, KeyValues.Pair> argument : arguments.entrySet()) {
            int index = argument.getKey();
            if (argc >= 0 ? index >= argc : index != expected) {
                break; // beyond the count, or (without one) after a gap
            }
            expected = index + 1;
            if (line.length() >= MAX_LENGTH) {
                break;
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            KeyValues.Pair arg = argument.getValue();
            line.append(arg.quoted() ? arg.value() : decoded(arg.value()));
        }
        if (line.isEmpty()) {
            return null;
        }
        return line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH) : line.toString();
    }

    /** The index of an argument's key ({@code a0}, {@code a12}); -1 for any other key. */
    private static int argumentIndex(String key) {
        if (key.length() < 2 || key.length() > 10 || key.charAt(0) != 'a') {
            return -1;
        }
        int index = 0;
        for (int i = 1; i < key.length(); i++) {
            int digit = Character.digit(key.charAt(i), 10);
            if (digit < 0 || (i == 1 && digit == 0 && key.length() > 2)) {
                return -1; // not a number, or a leading zero (a01 is no argument's key)
            }
            index = index * 10 + digit;
        }
        return index;
    }

    /** An unquoted value: hex-encoded text when it is hex, else as written (e.g. {@code (null)}). */
    static String decoded(String value) {
        if (!HEX.matcher(value).matches()) {
            return value;
        }
        byte[] bytes = new byte[value.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(value, 2 * i, 2 * i + 2, 16);
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return value;
        }
    }
}
