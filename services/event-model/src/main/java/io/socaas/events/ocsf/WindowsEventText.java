package io.socaas.events.ocsf;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Windows events that agents send as text, read into the flat shape the Windows mapping files read
 * ({@code Channel}, {@code EventID}, {@code Computer} and the event's data fields by their names):
 *
 * <ul>
 *   <li>Snare's format, which Snare for Windows, NXLog's {@code to_syslog_snare()} and Epilog write:
 *       {@code MSWinEventLog⇥criticality⇥channel⇥counter⇥date⇥event id⇥source⇥user⇥SID type⇥event
 *       type⇥computer⇥category⇥data⇥message⇥checksum}, tab-separated (or {@code #011}, as rsyslog
 *       escapes a tab), after a syslog header, the computer's name or nothing;
 *   <li>OSSEC's and old Wazuh agents' {@code WinEvtLog: channel: LEVEL(event id): source: user: domain:
 *       computer: message};
 *   <li>Splunk's classic Windows event format (sourcetypes {@code WinEventLog}, {@code
 *       WinEventLog:Security}, ...), as a Splunk forwarder or a pipeline in front of Splunk sends an
 *       event's text: a line with the date ({@code 03/01/2026 09:59:59 AM}, the host's local time),
 *       then {@code LogName=}, {@code EventCode=}, {@code ComputerName=} ... one per line, and {@code
 *       Message=} with the rendered message to the end.
 * </ul>
 *
 * Such a sender gives the rendered message, not the event's data fields. The fields are read back
 * from it: Sysmon writes each field as {@code Name: value}; the Security log's messages name fields
 * by display names within sections ({@code Subject:}, {@code New Logon:}, {@code Network
 * Information:}, ...), read to the data fields' names ({@code SubjectUserName}, {@code
 * TargetUserName}, {@code IpAddress}, {@code NewProcessName}, {@code CommandLine}, ...). Thread-safe.
 */
public final class WindowsEventText {

    static final String SNARE = "MSWinEventLog";
    private static final Pattern SNARE_START = Pattern.compile("(?:^|[\\s\\t])MSWinEventLog(\\t|#011)");
    private static final Pattern OSSEC = Pattern.compile(
            "^(?:(?<time>\\d{4} [A-Z][a-z]{2} \\d{2} \\d{2}:\\d{2}:\\d{2}) )?WinEvtLog: (?<channel>[^:]+(?::[^:\\s][^:]*)?):"
                    + " (?<level>[A-Z_]+)\\((?<id>\\d+)\\): (?<source>[^:]*): (?<user>[^:]*): (?<domain>[^:]*):"
                    + " (?<computer>[^:]*): (?<message>.*)$",
            Pattern.DOTALL);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Every field name Sysmon writes in its messages (its event data), for reading them back. */
    private static final Pattern SYSMON_FIELD = Pattern.compile("(?:^|\\s)(RuleName|UtcTime|ProcessGuid|ProcessId"
            + "|Image|FileVersion|Description|Product|Company|OriginalFileName|CommandLine|CurrentDirectory|User"
            + "|LogonGuid|LogonId|TerminalSessionId|IntegrityLevel|Hashes|Hash|ParentProcessGuid|ParentProcessId"
            + "|ParentImage|ParentCommandLine|ParentUser|TargetFilename|CreationUtcTime|PreviousCreationUtcTime"
            + "|Protocol|Initiated|SourceIsIpv6|SourceIp|SourceHostname|SourcePort|SourcePortName"
            + "|DestinationIsIpv6|DestinationIp|DestinationHostname|DestinationPort|DestinationPortName|State"
            + "|Version|SchemaVersion|ImageLoaded|Signed|Signature|SignatureStatus|SourceProcessGuid"
            + "|SourceProcessId|SourceImage|SourceThreadId|SourceUser|TargetProcessGuid|TargetProcessId"
            + "|TargetImage|TargetUser|NewThreadId|StartAddress|StartModule|StartFunction|Device|GrantedAccess"
            + "|CallTrace|EventType|TargetObject|Details|NewName|Configuration|ConfigurationFileHash|PipeName"
            + "|Operation|EventNamespace|Name|Query|Type|Destination|Consumer|Filter|QueryName|QueryStatus"
            + "|QueryResults|IsExecutable|Archived|Session|ClientInfo|Contents|ID): ");

    /** Display names of the Security log's messages and the data fields they show, in any section. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("logon type", "LogonType"),
            Map.entry("workstation name", "WorkstationName"),
            Map.entry("source workstation", "Workstation"),
            Map.entry("source network address", "IpAddress"),
            Map.entry("source port", "IpPort"),
            Map.entry("network address", "IpAddress"),
            Map.entry("port", "IpPort"),
            Map.entry("client address", "IpAddress"),
            Map.entry("client port", "IpPort"),
            Map.entry("logon process", "LogonProcessName"),
            Map.entry("authentication package", "AuthenticationPackageName"),
            Map.entry("package name (ntlm only)", "LmPackageName"),
            Map.entry("logon account", "TargetUserName"),
            Map.entry("new process id", "NewProcessId"),
            Map.entry("new process name", "NewProcessName"),
            Map.entry("token elevation type", "TokenElevationType"),
            Map.entry("mandatory label", "MandatoryLabel"),
            Map.entry("creator process id", "ProcessId"),
            Map.entry("creator process name", "ParentProcessName"),
            Map.entry("process command line", "CommandLine"),
            Map.entry("caller process id", "ProcessId"),
            Map.entry("caller process name", "ProcessName"),
            Map.entry("process id", "ProcessId"),
            Map.entry("process name", "ProcessName"),
            Map.entry("failure reason", "FailureReason"),
            Map.entry("status", "Status"),
            Map.entry("sub status", "SubStatus"),
            Map.entry("error code", "Status"),
            Map.entry("failure code", "Status"),
            Map.entry("service name", "ServiceName"),
            Map.entry("service file name", "ServiceFileName"),
            Map.entry("service type", "ServiceType"),
            Map.entry("service start type", "ServiceStartType"),
            Map.entry("service account", "ServiceAccount"),
            Map.entry("service id", "ServiceSid"),
            Map.entry("object server", "ObjectServer"),
            Map.entry("object type", "ObjectType"),
            Map.entry("object name", "ObjectName"),
            Map.entry("handle id", "HandleId"),
            Map.entry("accesses", "AccessList"),
            Map.entry("access mask", "AccessMask"),
            Map.entry("task name", "TaskName"),
            Map.entry("task content", "TaskContent"),
            Map.entry("share name", "ShareName"),
            Map.entry("share path", "ShareLocalPath"),
            Map.entry("relative target name", "RelativeTargetName"),
            Map.entry("ticket options", "TicketOptions"),
            Map.entry("ticket encryption type", "TicketEncryptionType"),
            Map.entry("pre-authentication type", "PreAuthType"),
            Map.entry("supplied realm name", "TargetDomainName"),
            Map.entry("user id", "TargetSid"),
            Map.entry("group name", "TargetUserName"),
            Map.entry("group domain", "TargetDomainName"),
            Map.entry("privileges", "PrivilegeList"),
            Map.entry("elevated token", "ElevatedToken"),
            Map.entry("sam account name", "SamAccountName"),
            Map.entry("user principal name", "UserPrincipalName"),
            Map.entry("new value", "NewValue"),
            Map.entry("old value", "OldValue"),
            Map.entry("additional information", "TargetInfo"),
            Map.entry("target server name", "TargetServerName"),
            // Network Policy Server (6272-6280): the RADIUS request's client, NAS and policy
            Map.entry("fully qualified account name", "FullyQualifiedSubjectUserName"),
            Map.entry("called station identifier", "CalledStationID"),
            Map.entry("calling station identifier", "CallingStationID"),
            Map.entry("nas ipv4 address", "NASIPv4Address"),
            Map.entry("nas ipv6 address", "NASIPv6Address"),
            Map.entry("nas identifier", "NASIdentifier"),
            Map.entry("nas port-type", "NASPortType"),
            Map.entry("nas port", "NASPort"),
            Map.entry("client friendly name", "ClientName"),
            Map.entry("client ip address", "ClientIPAddress"),
            Map.entry("connection request policy name", "ProxyPolicyName"),
            Map.entry("network policy name", "NetworkPolicyName"),
            Map.entry("authentication provider", "AuthenticationProvider"),
            Map.entry("authentication server", "AuthenticationServer"),
            Map.entry("authentication type", "AuthenticationType"),
            Map.entry("eap type", "EAPType"),
            Map.entry("account session identifier", "AccountSessionIdentifier"),
            Map.entry("logging results", "LoggingResult"),
            Map.entry("reason code", "ReasonCode"),
            Map.entry("reason", "Reason"));

    /** The account fields of a section: security id, account name, account domain, logon id. */
    private static final Map<String, List<String>> ACCOUNT_SECTIONS = Map.ofEntries(
            Map.entry("subject", List.of("SubjectUserSid", "SubjectUserName", "SubjectDomainName", "SubjectLogonId")),
            Map.entry(
                    "creator subject",
                    List.of("SubjectUserSid", "SubjectUserName", "SubjectDomainName", "SubjectLogonId")),
            Map.entry("new logon", List.of("TargetUserSid", "TargetUserName", "TargetDomainName", "TargetLogonId")),
            Map.entry(
                    "account for which logon failed",
                    List.of("TargetUserSid", "TargetUserName", "TargetDomainName", "TargetLogonId")),
            Map.entry(
                    "account whose credentials were used",
                    List.of("TargetUserSid", "TargetUserName", "TargetDomainName", "TargetLogonId")),
            Map.entry(
                    "target subject", List.of("TargetUserSid", "TargetUserName", "TargetDomainName", "TargetLogonId")),
            Map.entry(
                    "logon information",
                    List.of("TargetUserSid", "TargetUserName", "TargetDomainName", "TargetLogonId")),
            Map.entry("new account", List.of("TargetSid", "TargetUserName", "TargetDomainName", "TargetLogonId")),
            Map.entry("target account", List.of("TargetSid", "TargetUserName", "TargetDomainName", "TargetLogonId")),
            Map.entry(
                    "account information", List.of("TargetSid", "TargetUserName", "TargetDomainName", "TargetLogonId")),
            Map.entry("group", List.of("TargetSid", "TargetUserName", "TargetDomainName", "TargetLogonId")),
            Map.entry("member", List.of("MemberSid", "MemberName", "MemberDomainName", "MemberLogonId")),
            // Network Policy Server: the user asking for access and the machine it asks from
            Map.entry("user", List.of("SubjectUserSid", "SubjectUserName", "SubjectDomainName", "SubjectLogonId")),
            Map.entry(
                    "client machine",
                    List.of(
                            "SubjectMachineSID",
                            "SubjectMachineName",
                            "SubjectMachineDomain",
                            "SubjectMachineLogonId")));

    private static final List<String> ACCOUNT_KEYS =
            List.of("security id", "account name", "account domain", "logon id");

    private WindowsEventText() {}

    /** What every OSSEC {@code WinEvtLog:} line holds. */
    static final String OSSEC_MARK = "WinEvtLog: ";

    /** What every event of Splunk's classic Windows format holds. */
    static final String SPLUNK_MARK = "EventCode=";

    private static final String SPLUNK_DATE_LINE = "\\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d{2}:\\d{2}(?: [AaPp][Mm])?";
    private static final Pattern SPLUNK_START =
            Pattern.compile("(?<time>" + SPLUNK_DATE_LINE + ")?\\s*\\r?\\n?(?=LogName=)");
    /** Where an event of Splunk's classic format starts in a text of several: its date line before {@code LogName=}. */
    private static final Pattern SPLUNK_RECORD = Pattern.compile("(?m)^" + SPLUNK_DATE_LINE + "\\r?\\nLogName=");

    private static final Pattern SPLUNK_EVENT_TYPE = Pattern.compile("(?m)^EventType=([^\\r\\n]*)");
    private static final DateTimeFormatter SPLUNK_TIME =
            DateTimeFormatter.ofPattern("M/d/uuuu h:mm:ss a", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SPLUNK_TIME_24H =
            DateTimeFormatter.ofPattern("M/d/uuuu H:mm:ss", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    /** Splunk's names of an event's system fields, and the flat shape's. */
    private static final Map<String, String> SPLUNK_FIELDS = Map.ofEntries(
            Map.entry("LogName", "Channel"),
            Map.entry("EventCode", "EventID"),
            Map.entry("ComputerName", "Computer"),
            Map.entry("SourceName", "SourceName"),
            Map.entry("RecordNumber", "RecordNumber"),
            Map.entry("Keywords", "Keywords"),
            Map.entry("TaskCategory", "Category"),
            Map.entry("OpCode", "OpCode"),
            Map.entry("Type", "Level"),
            Map.entry("User", "AccountName"),
            Map.entry("Sid", "UserID"),
            Map.entry("SidType", "SidType"));

    /**
     * The fields of the Snare record in a line (from its {@code MSWinEventLog} field on, whatever a
     * relay or Snare put before it); null when the line holds none.
     */
    static ObjectNode snareLine(String line) {
        Matcher m = SNARE_START.matcher(line);
        if (!m.find()) {
            return null;
        }
        return snare(line.substring(line.startsWith(SNARE, m.start()) ? m.start() : m.start() + 1));
    }

    /**
     * The fields of a Snare record, from {@code MSWinEventLog} on; the computer named before it (by a
     * relay's header or Snare's own prefix) is only used when the record has none.
     */
    static ObjectNode snare(String record) {
        String delimiter = record.startsWith(SNARE + "#011") ? "#011" : "\t";
        String[] f = record.split(Pattern.quote(delimiter), -1);
        ObjectNode out = NODES.objectNode();
        putIfAbsent(out, "Criticality", at(f, 1));
        putIfAbsent(out, "Channel", at(f, 2));
        putIfAbsent(out, "RecordNumber", at(f, 3));
        putIfAbsent(out, "EventTime", at(f, 4));
        putIfAbsent(out, "EventID", at(f, 5));
        putIfAbsent(out, "SourceName", at(f, 6));
        String user = at(f, 7);
        if (user != null && !user.equalsIgnoreCase("N/A")) {
            out.put("AccountName", user);
        }
        putIfAbsent(out, "Computer", at(f, 10));
        putIfAbsent(out, "Hostname", at(f, 10));
        putIfAbsent(out, "Category", at(f, 11));
        String message = at(f, 13);
        if (message != null) {
            out.put("Message", message.strip());
            dataFields(out, at(f, 2), message);
        }
        // Sysmon's own EventType (CreateKey, SetValue, ...) wins over the audit type
        putIfAbsent(out, "EventType", at(f, 9));
        return out;
    }

    /** The fields of an OSSEC {@code WinEvtLog:} line; null when it is not one. */
    static ObjectNode ossec(String text) {
        Matcher m = OSSEC.matcher(text);
        if (!m.matches()) {
            return null;
        }
        ObjectNode out = NODES.objectNode();
        putIfAbsent(out, "EventTime", m.group("time"));
        putIfAbsent(out, "Channel", m.group("channel").strip());
        putIfAbsent(out, "EventID", m.group("id"));
        putIfAbsent(out, "Level", m.group("level"));
        putIfAbsent(out, "SourceName", m.group("source").strip());
        String user = m.group("user").strip();
        if (!user.isEmpty() && !user.equals("(no user)")) {
            out.put("AccountName", user);
        }
        String domain = m.group("domain").strip();
        if (!domain.isEmpty() && !domain.equals("no domain")) {
            out.put("Domain", domain);
        }
        putIfAbsent(out, "Computer", m.group("computer").strip());
        putIfAbsent(out, "Hostname", m.group("computer").strip());
        out.put("Message", m.group("message").strip());
        dataFields(out, m.group("channel"), m.group("message"));
        return out;
    }

    /**
     * The fields of an event in Splunk's classic Windows format ({@code LogName=} ... {@code Message=}
     * on lines of their own, after the date line); null when the text is not one.
     */
    static ObjectNode splunkClassic(String text) {
        Matcher m = SPLUNK_START.matcher(text);
        if (!m.lookingAt()) {
            return null;
        }
        ObjectNode out = NODES.objectNode();
        String message = null;
        int pos = m.end();
        while (pos < text.length()) {
            int end = text.indexOf('\n', pos);
            end = end < 0 ? text.length() : end;
            if (text.startsWith("Message=", pos)) {
                message = text.substring(pos + "Message=".length());
                break;
            }
            int eq = text.indexOf('=', pos);
            if (eq > pos && eq < end) {
                String name = SPLUNK_FIELDS.get(text.substring(pos, eq));
                String value = text.substring(eq + 1, end).strip();
                if (name != null
                        && !value.isEmpty()
                        && !(name.equals("AccountName") && value.equalsIgnoreCase("N/A"))) {
                    putIfAbsent(out, name, value);
                }
            }
            pos = end + 1;
        }
        if (!out.has("EventID") || !out.has("Channel")) {
            return null;
        }
        if (out.has("Computer")) {
            out.put("Hostname", out.get("Computer").asText());
        }
        String time = m.group("time");
        if (time != null) {
            putIfAbsent(out, "EventTime", splunkTime(time));
        }
        if (message != null && !message.isBlank()) {
            out.put("Message", message.strip());
            dataFields(out, out.get("Channel").asText(), message);
        }
        // Sysmon's own EventType (CreateKey, SetValue, ...) wins over the header's number
        Matcher type =
                SPLUNK_EVENT_TYPE.matcher(message == null ? text : text.substring(0, text.length() - message.length()));
        if (type.find()) {
            putIfAbsent(out, "EventType", type.group(1).strip());
        }
        return out;
    }

    /**
     * Where the event of Splunk's classic Windows format that starts at {@code start} of {@code text}
     * ends (the start of the next one, or the text's end), for a text that holds such events one
     * after the other over many lines; -1 when no such event starts there.
     */
    public static int splunkClassicEnd(String text, int start) {
        int lineEnd = text.indexOf('\n', start);
        if (lineEnd < 0 || !text.startsWith("LogName=", lineEnd + 1)) {
            return -1;
        }
        Matcher m = SPLUNK_RECORD.matcher(text).useAnchoringBounds(false);
        m.region(start, text.length());
        if (!m.lookingAt()) {
            return -1;
        }
        m.region(start + 1, text.length());
        return m.find() ? m.start() : text.length();
    }

    /** Splunk's date line as ISO 8601 local time (the host's zone, which the line does not say); null when none. */
    private static String splunkTime(String time) {
        try {
            return LocalDateTime.parse(
                            time.toUpperCase(Locale.ROOT),
                            time.length() > 2 && Character.isLetter(time.charAt(time.length() - 1))
                                    ? SPLUNK_TIME
                                    : SPLUNK_TIME_24H)
                    .toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Reads the data fields back from a rendered message; a field already present is kept. */
    static void dataFields(ObjectNode out, String channel, String message) {
        String text = message.replace("#011", "  ")
                .replace('\t', ' ')
                .replace('\r', ' ')
                .replace('\n', ' ');
        if (channel != null && channel.contains("Sysmon")) {
            sysmon(out, text);
        } else {
            sections(out, text);
        }
    }

    private static void sysmon(ObjectNode out, String text) {
        Matcher m = SYSMON_FIELD.matcher(text);
        String name = null;
        int valueStart = 0;
        while (m.find()) {
            if (name != null) {
                putIfAbsent(out, name, text.substring(valueStart, m.start()).strip());
            }
            name = m.group(1);
            valueStart = m.end();
        }
        if (name != null) {
            putIfAbsent(out, name, text.substring(valueStart).strip());
        }
    }

    /**
     * The Security log's layout: a sentence, then labels ending in a colon, each followed by its
     * value or, for a section, by the section's labels; runs of two or more spaces separate them
     * (tabs and line ends, as the senders flatten them).
     */
    private static void sections(ObjectNode out, String text) {
        List<String> tokens = new ArrayList<>();
        for (String t : text.split("\\s{2,}")) {
            if (!t.isBlank()) {
                tokens.add(t.strip());
            }
        }
        String section = "";
        String label = null;
        for (String token : tokens) {
            if (label != null) {
                boolean known = FIELDS.containsKey(label) || ACCOUNT_KEYS.contains(label);
                if (token.endsWith(":") || (!known && pair(token) != null)) {
                    section = label; // a label followed by labels names a section
                } else {
                    assign(out, section, label, token);
                    label = null;
                    continue;
                }
                label = null;
            }
            if (token.endsWith(":") && token.length() > 1) {
                label = token.substring(0, token.length() - 1).strip().toLowerCase(Locale.ROOT);
                continue;
            }
            String[] pair = pair(token);
            if (pair != null) {
                assign(out, section, pair[0].toLowerCase(Locale.ROOT), pair[1]);
            }
        }
    }

    /** {@code Label: value} within one token, or null. */
    private static String[] pair(String token) {
        int colon = token.indexOf(": ");
        if (colon <= 0 || colon > 48) {
            return null;
        }
        String label = token.substring(0, colon);
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == ' ' || c == '-' || c == '(' || c == ')' || c == '/')) {
                return null;
            }
        }
        return new String[] {label.strip(), token.substring(colon + 2).strip()};
    }

    private static void assign(ObjectNode out, String section, String label, String value) {
        List<String> account = ACCOUNT_SECTIONS.get(section);
        int accountKey = ACCOUNT_KEYS.indexOf(label);
        if (account != null && accountKey >= 0) {
            putIfAbsent(out, account.get(accountKey), value);
            return;
        }
        String name = FIELDS.get(label);
        if (name != null) {
            putIfAbsent(out, name, value);
        }
    }

    private static String at(String[] fields, int i) {
        if (i >= fields.length) {
            return null;
        }
        String v = fields[i].strip();
        return v.isEmpty() ? null : v;
    }

    private static void putIfAbsent(ObjectNode out, String name, String value) {
        if (!out.has(name) && value != null && !value.isEmpty()) {
            out.put(name, value);
        }
    }
}
