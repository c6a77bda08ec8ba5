package io.socaas.events.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mapping file: which source events it claims, and for each kind of event the OCSF class,
 * activity and the source field each OCSF attribute is read from; {@code keyValuesField} names a
 * field (typically a group of the match pattern) whose {@code key=value} pairs become fields of the
 * event ({@link KeyValues}), null when none; {@code auditCommandLine} joins the arguments of an audit
 * EXECVE record into a field ({@link AuditCommandLine}), null when none. See docs/ocsf-mappings.md.
 */
record SourceMapping(
        String file,
        String name,
        String productName,
        String vendorName,
        String logName,
        String logNameField,
        Condition match,
        String keyValuesField,
        CommandLine auditCommandLine,
        List<String> timeFields,
        List<String> messageFields,
        Map<String, List<String>> fields,
        List<Rule> events,
        Rule fallback) {

    /** The audit command line read from the text of field {@code from}, written to field {@code into}. */
    record CommandLine(String from, String into) {}

    /** Field values that must hold ({@code *} = present), and a pattern over a text field. */
    record Condition(Map<String, Set<String>> fields, String patternField, Pattern pattern, List<String> groups) {

        static final String ANY = "*";

        boolean isEmpty() {
            return fields.isEmpty() && pattern == null;
        }

        /** Null when the condition fails; else the pattern's match (or a marker without one). */
        Matcher holds(SourceFields source) {
            for (Map.Entry<String, Set<String>> entry : fields.entrySet()) {
                String text = source.text(entry.getKey());
                if (text == null) {
                    if (!(entry.getValue().contains(ANY) && source.get(entry.getKey()) != null)) {
                        return null;
                    }
                    continue;
                }
                if (!entry.getValue().contains(ANY)
                        && !entry.getValue().contains(text.strip().toLowerCase(Locale.ROOT))) {
                    return null;
                }
            }
            if (pattern == null) {
                return NO_PATTERN;
            }
            String text = source.text(patternField);
            if (text == null) {
                return null;
            }
            Matcher m = pattern.matcher(text);
            return m.find() ? m : null;
        }

        private static final Matcher NO_PATTERN = Pattern.compile("").matcher("");
    }

    /** One kind of event of the source and how it maps. */
    record Rule(
            String where,
            Condition when,
            OcsfClasses.OcsfClass ocsfClass,
            int activityId,
            String activityField,
            Map<String, Integer> activityValues,
            Integer severityId,
            Map<String, List<String>> fields,
            Map<String, JsonNode> constants) {}
}
