package io.socaas.events.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Undoes the escaping Wazuh's Windows eventchannel decoder leaves in the values of a Windows event
 * ({@code win.eventdata}, or {@code data.win.eventdata} in an alert, and the event's UserData
 * sections beside it): every backslash doubled and every double quote preceded by one
 * ({@code C:\\Windows\\System32\\cmd.exe}, {@code \"C:\\Program Files\\a.exe\" /s}). Left as they
 * are, an OCSF path is not the path the host had and a detection rule looking for
 * {@code \System32\} misses.
 *
 * <p>An event is taken as escaped only when every backslash in those sections is part of such a
 * pair: a Wazuh version or another tool that sends the values as they were has single backslashes
 * in a path somewhere, and its values (a UNC name's leading {@code \\} among them) are left alone.
 * {@code win.system} is not touched: its {@code message} is the event's rendered text, not escaped
 * that way.
 */
final class WazuhWindowsValues {

    private WazuhWindowsValues() {}

    /** Rewrites the escaped values of the event's Wazuh Windows sections in place, if it has any. */
    static void unescape(ObjectNode source) {
        JsonNode win = source.get("win");
        if (win == null && source.get("data") instanceof ObjectNode data) {
            win = data.get("win");
        }
        if (!(win instanceof ObjectNode sections)) {
            return;
        }
        List<ObjectNode> escaped = new ArrayList<>(2);
        boolean anyBackslash = false;
        for (Map.Entry<String, JsonNode> section : sections.properties()) {
            if (section.getKey().equals("system") || !(section.getValue() instanceof ObjectNode values)) {
                continue;
            }
            for (Map.Entry<String, JsonNode> value : values.properties()) {
                if (value.getValue().isTextual()) {
                    int form = form(value.getValue().textValue());
                    if (form == SINGLE) {
                        return;
                    }
                    anyBackslash |= form == PAIRS;
                }
            }
            escaped.add(values);
        }
        if (!anyBackslash) {
            return;
        }
        for (ObjectNode values : escaped) {
            for (Map.Entry<String, JsonNode> value : values.properties()) {
                if (value.getValue().isTextual() && value.getValue().textValue().indexOf('\\') >= 0) {
                    value.setValue(TextNode.valueOf(unescaped(value.getValue().textValue())));
                }
            }
        }
    }

    private static final int NONE = 0;
    private static final int PAIRS = 1;
    private static final int SINGLE = 2;

    /** Whether a value has no backslash, only {@code \\} and {@code \"} pairs, or a backslash of its own. */
    static int form(String value) {
        int i = value.indexOf('\\');
        if (i < 0) {
            return NONE;
        }
        while (i >= 0) {
            if (i + 1 == value.length()) {
                return SINGLE;
            }
            char next = value.charAt(i + 1);
            if (next != '\\' && next != '"') {
                return SINGLE;
            }
            i = value.indexOf('\\', i + 2);
        }
        return PAIRS;
    }

    /** {@code \\} as {@code \} and {@code \"} as {@code "}. */
    static String unescaped(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                c = value.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
