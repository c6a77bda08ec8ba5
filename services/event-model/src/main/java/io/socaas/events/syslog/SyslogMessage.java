package io.socaas.events.syslog;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One syslog message as received: its header (RFC 5424 or RFC 3164, each part null when the sender
 * left it out) and its message text.
 *
 * @param format which header the line had
 * @param facility 0-23, or -1 without a priority
 * @param severity 0-7, or -1 without a priority
 * @param timestamp the header's time, null when absent or unreadable
 * @param hostname HOSTNAME, null when absent
 * @param appName APP-NAME or the RFC 3164 tag, null when absent
 * @param procId PROCID or the pid in {@code tag[pid]:}, null when absent
 * @param msgId MSGID (RFC 5424), null when absent
 * @param structuredData SD-ID to its parameters (RFC 5424), empty when absent
 * @param message MSG, without a leading BOM; never null
 * @param refProc the process the message is about, as macOS's system log writes it in parentheses
 *     after the sender's pid ({@code launchd[1] (com.apple.mdworker.bundles[52682]):}, ASL's {@code
 *     RefProc}), null when absent
 * @param refPid that process's pid ({@code sandboxd[129] ([31211]):}, ASL's {@code RefPID}), null when absent
 */
public record SyslogMessage(
        Format format,
        int facility,
        int severity,
        Instant timestamp,
        String hostname,
        String appName,
        String procId,
        String msgId,
        Map<String, Map<String, String>> structuredData,
        String message,
        String refProc,
        String refPid) {

    /** The header a line had. */
    public enum Format {
        RFC5424,
        RFC3164,
        /** No syslog header: the payload alone (a CEF or LEEF line, JSON, plain text). */
        NONE
    }

    public SyslogMessage {
        Objects.requireNonNull(format, "format");
        structuredData = Map.copyOf(structuredData);
        Objects.requireNonNull(message, "message");
    }

    /** A message that names no process it is about. */
    public SyslogMessage(
            Format format,
            int facility,
            int severity,
            Instant timestamp,
            String hostname,
            String appName,
            String procId,
            String msgId,
            Map<String, Map<String, String>> structuredData,
            String message) {
        this(
                format,
                facility,
                severity,
                timestamp,
                hostname,
                appName,
                procId,
                msgId,
                structuredData,
                message,
                null,
                null);
    }

    /** A parameter of the structured data, null when absent. */
    public String structuredParam(String sdId, String name) {
        Map<String, String> params = structuredData.get(sdId);
        return params == null ? null : params.get(name);
    }
}
