package io.socaas.events.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import io.socaas.events.BudgetedText;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mapping file: which source events it claims, and for each kind of event the OCSF class,
 * activity and the source field each OCSF attribute is read from; {@code keyValues} names the
 * fields (typically a group of the match pattern) whose {@code key=value} pairs become fields of the
 * event ({@link KeyValues}) and how they are written, in the order they are read, empty when none; each of {@code timeFields} is
 * one field, or fields whose texts are joined by spaces before they are read (date and time logged
 * apart); {@code utcTimeFields} are the time fields whose times without an offset are UTC by
 * definition (Sysmon's {@code UtcTime}), where other times without one are in the source's zone
 * ({@link OcsfNormalizer.Context#clock()}); {@code wraps} names the fields in which the source carries
 * a log line of another source (GELF's {@code short_message}): when none of the file's events holds,
 * that line is normalized as itself if a file claims it, else the file's default applies; {@code auditCommandLine} joins the arguments of an audit
 * EXECVE record into a field ({@link AuditCommandLine}), null when none; {@code argsCommandLine} joins
 * a list of a program's arguments (argv) into a command line in a field ({@link
 * AuditCommandLine#ofArguments}), null when none; {@code dnsNames} are the fields
 * (groups of the patterns) that hold a domain name as BIND prints it, read with its escapes read back
 * ({@link DnsNames}); {@code percentDecoded} the fields (groups of the patterns) a source writes
 * percent-encoded, read back ({@link PercentEncoding}); {@code emptyValues} gives, by source field, the texts that stand for no value in
 * it (they set no attribute: Zscaler's referrer {@code None}); {@code productNameFrom} names the
 * product by a field's value where one file reads several products' lines alike (Cisco's
 * {@code %FTD-} lines are Firepower Threat Defense's, its {@code %ASA-} lines the ASA's), null when
 * {@code productName} is every line's; {@code ruleIndex} tells which of
 * {@code events} could hold for an event ({@link MappingIndex#ofRules}). See docs/ocsf-mappings.md.
 */
record SourceMapping(
        String file,
        String name,
        String productName,
        String vendorName,
        Lookup productNameFrom,
        String logName,
        String logNameField,
        List<Condition> match,
        List<KeyValuesIn> keyValues,
        CommandLine auditCommandLine,
        CommandLine argsCommandLine,
        List<List<String>> timeFields,
        Set<String> utcTimeFields,
        List<String> messageFields,
        List<String> wraps,
        Set<String> dnsNames,
        Set<String> percentDecoded,
        Map<String, List<String>> fields,
        Map<String, Set<String>> emptyValues,
        List<Rule> events,
        Rule fallback,
        MappingIndex ruleIndex) {

    /** The first of {@link #events} that holds for {@code source}, with its match; null when none does. */
    Map.Entry<Rule, Matcher> firstRule(SourceFields source) {
        long[] candidates = ruleIndex.candidates(source);
        for (int i = ruleIndex.next(candidates, 0); i >= 0; i = ruleIndex.next(candidates, i + 1)) {
            Rule rule = events.get(i);
            Matcher m = rule.when().holds(source);
            if (m != null) {
                return Map.entry(rule, m);
            }
        }
        return null;
    }

    /** The pairs read from the text of field {@code field}, written in {@code format}. */
    /**
     * A field whose pairs become fields of the event, read in {@code format}; {@code rename} gives some
     * keys another name (a pair named as a syslog header field, {@code hostname}, would otherwise be
     * taken for the header's, or hidden by it).
     */
    record KeyValuesIn(String field, KeyValues.Format format, Map<String, String> rename) {

        KeyValuesIn(String field, KeyValues.Format format) {
            this(field, format, Map.of());
        }

        KeyValuesIn {
            rename = Map.copyOf(rename);
        }
    }

    /** A command line read from field {@code from} (an audit record's text, or a list of arguments), written to field {@code into}. */
    record CommandLine(String from, String into) {}

    /**
     * Field values that must hold ({@code *} = present), and a pattern searched in the text of the
     * first of {@code patternFields} where it is found. When {@code patternRequires} lists texts, the
     * pattern is searched only in a text that contains one of them: a plain search that turns most
     * other sources' lines away before the regular expression runs.
     */
    record Condition(
            Map<String, Set<String>> fields,
            List<String> patternFields,
            List<String> patternRequires,
            Pattern pattern,
            List<String> groups) {

        static final String ANY = "*";

        boolean isEmpty() {
            return fields.isEmpty() && pattern == null;
        }

        /** Null when the condition fails; else the pattern's match (or a marker without one). */
        Matcher holds(SourceFields source) {
            for (Map.Entry<String, Set<String>> entry : fields.entrySet()) {
                if (entry.getValue().size() == 1 && entry.getValue().contains(ANY)) {
                    // only present: no need for the value's comparable text
                    if (!source.has(entry.getKey())) {
                        return null;
                    }
                    continue;
                }
                String text = source.comparableText(entry.getKey());
                if (text == null) {
                    JsonNode value = source.get(entry.getKey());
                    if (entry.getValue().contains(ANY) ? value == null : !anyListed(value, entry.getValue())) {
                        return null;
                    }
                    continue;
                }
                if (!entry.getValue().contains(ANY) && !entry.getValue().contains(text)) {
                    return null;
                }
            }
            if (pattern == null) {
                return NO_PATTERN;
            }
            for (String patternField : patternFields) {
                String text = source.text(patternField);
                if (text != null && containsARequiredText(text)) {
                    Matcher m = pattern.matcher(
                            text.length() <= UNBUDGETED_LENGTH
                                    ? text
                                    : BudgetedText.of(text, READS_BASE + READS_PER_CHARACTER * text.length()));
                    try {
                        if (m.find()) {
                            return m;
                        }
                    } catch (StackOverflowError | BudgetedText.Exhausted tooCostly) {
                        // java.util.regex recurses per repetition of some constructs and backtracks
                        // without bound: a pattern too costly on a text this long holds for none of
                        // it, and the line goes on to the other files (or is a Base Event), not lost
                        return null;
                    }
                }
            }
            return null;
        }

        /**
         * Whether {@code value} is a list of which one scalar element, stripped and in lower case, is
         * one of {@code listed}: ECS's {@code event.category} and {@code event.type} are lists
         * ({@code ["connection", "end"]}), and a condition on them holds for any of their values.
         */
        static boolean anyListed(JsonNode value, Set<String> listed) {
            if (value == null || !value.isArray()) {
                return false;
            }
            for (JsonNode element : value) {
                String text = SourceFields.text(element);
                if (text != null && listed.contains(text.strip().toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        }

        private boolean containsARequiredText(String text) {
            if (patternRequires.isEmpty()) {
                return true;
            }
            for (String required : patternRequires) {
                if (text.contains(required)) {
                    return true;
                }
            }
            return false;
        }

        private static final Matcher NO_PATTERN = Pattern.compile("").matcher("");

        /**
         * Texts up to this length are matched as they are (a pattern quadratic in them still takes
         * milliseconds); longer ones with a budget of character reads proportional to their length,
         * so that no pattern spends seconds on one very long line.
         */
        static final int UNBUDGETED_LENGTH = 2_048;

        static final long READS_BASE = 1_000_000;
        static final long READS_PER_CHARACTER = 200;
    }

    /**
     * One kind of event of the source and how it maps. The severity is read from {@code
     * severityField} through {@code severityValues} (a value not listed falls through), else it is
     * {@code severityId}, else the CEF or syslog severity. {@code statusField} and {@code statusValues}
     * give {@code status_id} and {@code status} the same way (a value not listed sets neither).
     * {@code labels} are added to the record's {@code metadata.labels} (a log file's header line:
     * {@code file_header}).
     */
    record Rule(
            String where,
            Condition when,
            OcsfClasses.OcsfClass ocsfClass,
            int activityId,
            String activityField,
            Map<String, Integer> activityValues,
            Integer severityId,
            String severityField,
            Map<String, Integer> severityValues,
            String statusField,
            Map<String, Integer> statusValues,
            Map<String, List<String>> fields,
            Map<String, JsonNode> constants,
            Map<String, Lookup> lookups,
            List<String> labels) {}

    /**
     * An attribute's value looked up by a source code: the first of {@code fields} whose text
     * (stripped, compared case-insensitively) is one of {@code values} gives its value (a Windows
     * logon failure's {@code SubStatus} {@code 0xC000006A} is "wrong password"); none: nothing.
     */
    record Lookup(List<String> fields, Map<String, JsonNode> values) {

        JsonNode valueOf(SourceFields source) {
            for (String field : fields) {
                String text = source.comparableText(field);
                if (text != null) {
                    JsonNode value = values.get(text);
                    if (value != null) {
                        return value;
                    }
                }
            }
            return null;
        }
    }
}
