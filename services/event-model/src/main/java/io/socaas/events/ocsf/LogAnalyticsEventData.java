package io.socaas.events.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socaas.events.syslog.MalformedLogException;

/**
 * The data of a Windows event as Log Analytics keeps it in the XML text of a row's {@code EventData}
 * column: on its own ({@code <EventData xmlns=...><Data Name="X">v</Data>...}, the {@code
 * SecurityEvent} table) or inside the agent's {@code <DataItem type="System.XmlData" ...>} (the
 * {@code Event} table, as Microsoft Sentinel's queries show it). Read through {@link WindowsShapes},
 * by the Windows mapping files and by detection alike. Thread-safe.
 */
final class LogAnalyticsEventData {

    /** The longest text read; a longer one is taken as no such XML. */
    static final int MAX_TEXT = 256 * 1024;

    private LogAnalyticsEventData() {}

    /** The {@code EventData} element read as the evtx dump's, without its attributes; null when none. */
    static ObjectNode parse(String text) {
        if (text == null || text.length() > MAX_TEXT) {
            return null;
        }
        String xml = text.stripLeading();
        if (!xml.startsWith("<")) {
            return null;
        }
        ObjectNode parsed;
        try {
            parsed = WindowsEventXml.parse(xml);
        } catch (MalformedLogException notXml) {
            return null;
        }
        JsonNode data = parsed.get("EventData");
        if (data == null && parsed.get("DataItem") instanceof ObjectNode item) {
            data = item.get("EventData");
        }
        if (data instanceof ObjectNode object) {
            object.remove("#attributes");
            return object;
        }
        return null;
    }
}
