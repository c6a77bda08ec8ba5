package io.socaas.events.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socaas.events.syslog.MalformedLogException;
import java.io.StringReader;
import java.util.HashSet;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A Windows event in its XML form ({@code <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">},
 * as Windows Event Forwarding, {@code wevtutil}, {@code Get-WinEvent ... ToXml()} and NXLog's
 * {@code to_xml()} write it) read into the shape of an evtx dump, which the Windows mapping files
 * read: {@code {"Event": {"System": {...}, "EventData": {...}}}}. An element's attributes are its
 * {@code #attributes}, and its text {@code #text} when it also has attributes; {@code EventData}'s
 * {@code <Data Name="X">v</Data>} is {@code "X": "v"} (unnamed {@code Data} are {@code Data}, a list
 * when there are several); an element repeated under one parent is a list; an empty element (or one
 * of whitespace only) is null; a value keeps its spaces.
 * Document type declarations and external entities are refused. Thread-safe.
 */
final class WindowsEventXml {

    /** The start of an event in this form (after optional whitespace). */
    static final String START = "<Event";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final XMLInputFactory FACTORY = newFactory();
    /** Deeper than any Windows event nests; a deeper document is refused, not followed. */
    private static final int MAX_DEPTH = 32;

    private WindowsEventXml() {}

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** Whether {@code text} is an event in this form (after an optional XML declaration). */
    static boolean isEvent(String text) {
        String t = afterProlog(text);
        return t != null
                && t.startsWith(START)
                && t.length() > START.length()
                && (t.charAt(START.length()) == ' ' || t.charAt(START.length()) == '>');
    }

    /** The text after an XML declaration ({@code <?xml ...?>}) when it opens with one; null when unclosed. */
    static String afterProlog(String text) {
        if (!text.startsWith("<?xml")) {
            return text;
        }
        int end = text.indexOf("?>");
        return end < 0 ? null : text.substring(end + 2).stripLeading();
    }

    /**
     * The event's fields: one field {@code Event}.
     *
     * @throws MalformedLogException when the text is not well-formed XML of one element
     */
    static ObjectNode parse(String xml) {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new StringReader(xml));
            while (reader.hasNext() && reader.next() != XMLStreamConstants.START_ELEMENT) {
                // the prolog: a declaration, comments
            }
            if (!reader.isStartElement()) {
                throw new MalformedLogException("Windows event XML: no element");
            }
            String name = reader.getLocalName();
            JsonNode event = element(reader, 0);
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    throw new MalformedLogException("Windows event XML: more than one element");
                }
            }
            ObjectNode fields = NODES.objectNode();
            fields.set(name, event);
            return fields;
        } catch (XMLStreamException e) {
            throw new MalformedLogException("Windows event XML: " + reason(e.getMessage()));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing was opened that needs closing: the reader reads a string
                }
            }
        }
    }

    /** The element the reader stands on, read to its end tag. */
    private static JsonNode element(XMLStreamReader reader, int depth) throws XMLStreamException {
        if (depth > MAX_DEPTH) {
            throw new MalformedLogException("Windows event XML: nested deeper than " + MAX_DEPTH + " elements");
        }
        ObjectNode attributes = null;
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (attributes == null) {
                attributes = NODES.objectNode();
            }
            String prefix = reader.getAttributePrefix(i);
            String name = prefix == null || prefix.isEmpty()
                    ? reader.getAttributeLocalName(i)
                    : prefix + ":" + reader.getAttributeLocalName(i);
            attributes.put(name, reader.getAttributeValue(i));
        }
        boolean isEventData = reader.getLocalName().equals("EventData");
        ObjectNode children = null;
        Set<String> lists = null;
        StringBuilder text = null;
        while (true) {
            int next = reader.next();
            if (next == XMLStreamConstants.START_ELEMENT) {
                if (children == null) {
                    children = NODES.objectNode();
                }
                String name = reader.getLocalName();
                String dataName = isEventData && name.equals("Data") ? reader.getAttributeValue(null, "Name") : null;
                JsonNode child = element(reader, depth + 1);
                if (dataName != null) {
                    // <Data Name="X">v</Data>: the value itself, under its name
                    name = dataName;
                    child = child instanceof ObjectNode o
                            ? o.path("#text").isMissingNode() ? NODES.nullNode() : o.get("#text")
                            : child;
                }
                JsonNode existing = children.get(name);
                if (existing == null) {
                    children.set(name, child);
                } else {
                    if (lists == null) {
                        lists = new HashSet<>();
                    }
                    if (lists.add(name)) {
                        children.putArray(name).add(existing).add(child);
                    } else {
                        ((ArrayNode) existing).add(child);
                    }
                }
            } else if (next == XMLStreamConstants.CHARACTERS || next == XMLStreamConstants.CDATA) {
                if (text == null) {
                    text = new StringBuilder();
                }
                text.append(reader.getText());
            } else if (next == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        // a value is kept as written (a command line's spaces count); whitespace alone is layout
        String content = text == null ? null : text.toString();
        boolean hasText = content != null && !content.isBlank();
        if (children == null && attributes == null) {
            return hasText ? NODES.textNode(content) : NODES.nullNode();
        }
        ObjectNode out = NODES.objectNode();
        if (attributes != null) {
            out.set("#attributes", attributes);
        }
        if (children != null) {
            out.setAll(children);
        }
        if (hasText && children == null) {
            out.put("#text", content);
        }
        return out;
    }

    /** The parser's own words without its position prefix ({@code ParseError at [row,col]:[1,9] Message: ...}). */
    private static String reason(String message) {
        if (message == null || message.isBlank()) {
            return "not well-formed";
        }
        int at = message.indexOf("Message: ");
        return (at < 0 ? message : message.substring(at + "Message: ".length())).strip();
    }
}
