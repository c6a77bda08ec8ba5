package io.socaas.events.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socaas.events.EventStamper;
import io.socaas.events.FastTimes;
import io.socaas.events.JsonEvent;
import io.socaas.events.SplunkHec;
import io.socaas.events.StampedEvent;
import io.socaas.events.TenantId;
import io.socaas.events.syslog.MalformedLogException;
import io.socaas.events.syslog.SyslogMessage;
import io.socaas.events.syslog.SyslogParser;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a source event into an OCSF 1.x record, driven by the mapping files ({@link OcsfMappings}):
 * the first file whose {@code match} holds maps it, with the first of its {@code events} whose
 * {@code when} holds, else its {@code default}, else Base Event. The record has {@code class_uid},
 * {@code category_uid}, {@code activity_id}, {@code type_uid} (and their names), {@code time}
 * (epoch ms from the source; when absent or outside the bounds, {@code received_time} with the
 * label {@value #LABEL_TIME_FROM_RECEIVED}), {@code severity_id}, {@code metadata} (product,
 * version, log_name, {@code tenant_uid}, {@code uid} = ingest id, {@code log_source} = the
 * credential's source name), the class's objects, the source's fields under {@code unmapped}, the
 * original line under {@code raw_data} (text sources), and the platform's {@code tenant}, {@code
 * ingest_id}, {@code received_time}. An event that is already an OCSF record keeps its class and
 * attributes ({@link NativeOcsf}). Never fails on a well-formed source event. Thread-safe.
 */
public final class OcsfNormalizer {

    /**
     * Who sent an event and when it arrived: everything the normalizer does not read from it.
     *
     * @param clock the zone of the source's clock: times the source writes without an offset (a
     *     device's log date, except the fields a mapping names as UTC) are read in it; UTC unless the
     *     source is configured with its own
     */
    public record Context(TenantId tenant, String ingestId, Instant receivedTime, String sourceName, ZoneId clock) {
        public Context {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(ingestId, "ingestId");
            Objects.requireNonNull(receivedTime, "receivedTime");
            clock = clock == null ? ZoneOffset.UTC : clock;
        }

        /** A source whose clock is UTC (or whose times carry their offset). */
        public Context(TenantId tenant, String ingestId, Instant receivedTime, String sourceName) {
            this(tenant, ingestId, receivedTime, sourceName, ZoneOffset.UTC);
        }
    }

    /** metadata.labels: the source's time was absent, unreadable or out of bounds. */
    public static final String LABEL_TIME_FROM_RECEIVED = "time_from_received";
    /** metadata.labels: the source's time was further from received_time than the bounds allow. */
    public static final String LABEL_TIME_OUT_OF_BOUNDS = "time_out_of_bounds";

    private static final Map<Integer, String> SEVERITIES = Map.of(
            0, "Unknown", 1, "Informational", 2, "Low", 3, "Medium", 4, "High", 5, "Critical", 6, "Fatal", 99, "Other");
    /** Attribute leaves that OCSF types as integers. */
    private static final Set<String> INTEGER_LEAVES = Set.of(
            "port",
            "pid",
            "code",
            "logon_type_id",
            "size",
            "bytes",
            "bytes_in",
            "bytes_out",
            "packets",
            "packets_in",
            "packets_out",
            "length",
            "rcode_id",
            "codes",
            "packet_uid",
            "status_id",
            "auth_protocol_id",
            "protocol_num",
            "type_id",
            "count",
            "exit_code",
            "access_mask",
            "open_mask",
            "duration",
            "lease_dur");

    private static final Set<String> BOOLEAN_LEAVES = Set.of("is_remote", "is_cleartext", "is_mfa", "is_new_logon");
    /** Attribute leaves that OCSF types as arrays of strings: the source's whitespace-separated list. */
    private static final Set<String> LIST_LEAVES = Set.of("privileges");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final OcsfMappings mappings;
    private final Duration maxPast;
    private final Duration maxFuture;
    private final SourceMapping.Rule baseEvent;

    /**
     * @param maxPast a source time older than received_time minus this is out of bounds
     * @param maxFuture a source time later than received_time plus this is out of bounds
     */
    public OcsfNormalizer(OcsfMappings mappings, Duration maxPast, Duration maxFuture) {
        this.mappings = Objects.requireNonNull(mappings, "mappings");
        this.maxPast = Objects.requireNonNull(maxPast, "maxPast");
        this.maxFuture = Objects.requireNonNull(maxFuture, "maxFuture");
        this.baseEvent = new SourceMapping.Rule(
                "base event",
                new SourceMapping.Condition(Map.of(), List.of("message"), List.of(), null, List.of()),
                mappings.classes().get(0),
                0,
                null,
                Map.of(),
                null,
                null,
                Map.of(),
                null,
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                List.of());
    }

    /** The shipped mappings, times bounded to a year back and a day ahead. */
    public static OcsfNormalizer withShippedMappings() {
        return new OcsfNormalizer(OcsfMappings.load(), Duration.ofDays(365), Duration.ofDays(1));
    }

    /**
     * A JSON event (HTTP intake): its fields are the source fields; it has no raw line. An event no
     * mapping file claims that wraps a log line as a shipper sends it ({@link #WRAPPED_LINE_FIELDS})
     * is normalized as that line when a file claims the line; the wrapper's other fields are kept
     * under {@code unmapped} beside the line's.
     */
    public StampedEvent normalize(JsonEvent source, Context context) {
        ObjectNode tree = source.toObjectNode();
        return normalize(tree, null, SplunkHec.time(tree), "json", context, null, List.of(), false);
    }

    /**
     * {@link #normalize(JsonEvent, Context)} for a caller that lets the source go: its tree becomes
     * the record's {@code unmapped} without being copied ({@link JsonEvent#handOver()}), and the
     * source cannot be used afterwards.
     */
    public StampedEvent normalizeHandedOver(JsonEvent source, Context context) {
        ObjectNode tree = source.handOver();
        return normalize(tree, null, SplunkHec.time(tree), "json", context, null, List.of(), false);
    }

    /** A decoded log line (syslog or a line on its own). */
    public StampedEvent normalize(LogLine line, Context context) {
        return normalize(line, line.fields().deepCopy(), context);
    }

    /**
     * {@link #normalize(LogLine, Context)} for a caller that lets the line go: its fields become the
     * record's without a copy, and the line must not be used afterwards.
     */
    public StampedEvent normalizeHandedOver(LogLine line, Context context) {
        return normalize(line, line.fields(), context);
    }

    private StampedEvent normalize(LogLine line, ObjectNode fields, Context context) {
        return normalize(
                fields,
                line.raw(),
                line.syslog().timestamp(),
                line.payloadFormat(),
                context,
                null,
                line.headerFields(),
                false);
    }

    /**
     * Fields in which shippers send the log line they read, in the order they are looked at: Wazuh
     * alerts' {@code full_log}, Filebeat's, Logstash's and Vector's {@code message}, Fluent Bit's and
     * Docker's {@code log}, Docker's splunk log driver's {@code line}, journald's {@code MESSAGE}.
     */
    static final List<String> WRAPPED_LINE_FIELDS = List.of("full_log", "message", "log", "line", "MESSAGE");

    private static final int MAX_WRAPPED_LINE = 64 * 1024;

    /**
     * @param wrapper for a wrapped line, the JSON event around it (its fields join the line's under
     *     {@code unmapped}); the record is then null when no file claims the line, unless
     *     {@code unclaimedStays}
     * @param headerFields the fields a line's syslog header added to its payload's
     * @param unclaimedStays a wrapped line no file claims is still the record (a Base Event of the
     *     line, with its header's time and host), not null
     */
    private StampedEvent normalize(
            ObjectNode source,
            String raw,
            Instant headerTime,
            String format,
            Context context,
            ObjectNode wrapper,
            List<String> headerFields,
            boolean unclaimedStays) {
        if (wrapper == null) {
            NativeOcsf.Claim claim = NativeOcsf.claim(source, mappings.classes());
            if (claim != null) {
                return nativeRecord(source, claim, raw, headerTime, format, context, headerFields);
            }
        }
        // once per tree: a wrapped line's wrapper is copied from its event after this, and the line's
        // fields are a tree of their own (Wazuh's archives carry the event's JSON as full_log)
        WazuhWindowsValues.unescape(source);
        SourceFields fields = new SourceFields(source);
        SourceMapping mapping = null;
        MappingIndex index = mappings.index();
        long[] candidates = index.candidates(fields);
        for (int i = index.next(candidates, 0); i >= 0; i = index.next(candidates, i + 1)) {
            SourceMapping candidate = mappings.mappings().get(i);
            Matcher m = null;
            SourceMapping.Condition claimed = null;
            for (SourceMapping.Condition alternative : candidate.match()) {
                if ((m = alternative.holds(fields)) != null) {
                    claimed = alternative;
                    break;
                }
            }
            if (m != null) {
                mapping = candidate;
                extract(claimed, m, fields, source, candidate.dnsNames(), candidate.percentDecoded());
                // the pairs become source fields (kept under unmapped); the source's own names win
                for (SourceMapping.KeyValuesIn pairs : candidate.keyValues()) {
                    KeyValues.parse(fields.text(pairs.field()), pairs.format()).forEach((key, value) -> {
                        String name = pairs.rename().getOrDefault(key, key);
                        if (!source.has(name)) {
                            source.put(name, value);
                        }
                    });
                }
                putCommandLine(
                        source, fields, candidate.auditCommandLine(), from -> AuditCommandLine.of(fields.text(from)));
                putCommandLine(
                        source,
                        fields,
                        candidate.argsCommandLine(),
                        from -> AuditCommandLine.ofArguments(fields.get(from)));
                fields.sourceChanged();
                break;
            }
        }
        SourceMapping.Rule rule = null;
        if (mapping != null) {
            Map.Entry<SourceMapping.Rule, Matcher> first = mapping.firstRule(fields);
            if (first != null) {
                rule = first.getKey();
                extract(rule.when(), first.getValue(), fields, source, mapping.dnsNames(), mapping.percentDecoded());
            }
            if (rule == null && wrapper == null && !mapping.wraps().isEmpty()) {
                // an envelope (GELF) around another source's line: that line, when a file claims it
                StampedEvent line = wrappedLine(source, context, mapping.wraps(), headerTime, false);
                if (line != null) {
                    return line;
                }
            }
            if (rule == null) {
                rule = mapping.fallback();
            }
        }
        if (rule == null) {
            if (wrapper != null && !unclaimedStays) {
                return null;
            }
            if (mapping == null && raw == null) {
                // a shipper's line with a syslog header is that line even when no file claims it: a
                // Base Event with the header's time and host, the shipper's fields beside them
                StampedEvent line = wrappedLine(source, context, WRAPPED_LINE_FIELDS, headerTime, true);
                if (line != null) {
                    return line;
                }
            }
            rule = baseEvent;
        }

        OcsfClasses.OcsfClass ocsfClass = rule.ocsfClass();
        int activityId = activity(rule, fields);
        ObjectNode out = NODES.objectNode();
        classAndActivity(out, ocsfClass, activityId);

        ObjectNode metadata = NODES.objectNode();
        time(out, metadata, mapping, fields, format, headerTime, context.receivedTime(), context.clock());
        int severity = severity(rule, fields);
        out.put("severity_id", severity);
        out.put("severity", SEVERITIES.get(severity));

        // the first value set wins: the rule's constants, its lookups, its fields, then the file's common fields
        rule.constants().forEach((target, value) -> set(out, target, value.deepCopy()));
        rule.lookups().forEach((target, lookup) -> {
            JsonNode value = lookup.valueOf(fields);
            if (value != null) {
                set(out, target, value.deepCopy());
            }
        });
        status(out, rule, fields);
        Map<String, Set<String>> emptyValues = mapping == null ? Map.of() : mapping.emptyValues();
        apply(out, rule.fields(), fields, ocsfClass, emptyValues);
        if (mapping != null) {
            apply(out, mapping.fields(), fields, ocsfClass, emptyValues);
        }
        deviceOfHeader(out, ocsfClass, fields, headerFields);
        String message = null;
        if (mapping != null) {
            for (String name : mapping.messageFields()) {
                if ((message = fields.text(name)) != null) {
                    break;
                }
            }
        }
        if (message == null) {
            message = fields.text("message");
        }
        if (message != null && !out.has("message")) {
            out.put("message", message);
        }

        metadata.put("version", mappings.classes().version());
        ObjectNode product = metadata.putObject("product");
        if (mapping != null) {
            JsonNode productName = mapping.productNameFrom() != null
                    ? mapping.productNameFrom().valueOf(fields)
                    : null;
            product.put("name", productName != null ? productName.asText() : mapping.productName());
            if (mapping.vendorName() != null) {
                product.put("vendor_name", mapping.vendorName());
            }
            String logName = mapping.logNameField() != null ? fields.text(mapping.logNameField()) : null;
            if (logName == null) {
                logName = mapping.logName();
            }
            if (logName != null) {
                metadata.put("log_name", logName);
            }
        } else {
            String app = fields.text("app_name");
            product.put("name", app != null ? app : "unknown");
        }
        metadata.put("log_format", format);
        if (!rule.labels().isEmpty()) {
            // the rule's own words for what the record is (a log file's header line: file_header)
            ArrayNode labels = metadata.get("labels") instanceof ArrayNode own ? own : metadata.putArray("labels");
            rule.labels().forEach(labels::add);
        }
        platformMetadata(metadata, context);
        out.set("metadata", metadata);
        if (wrapper != null) {
            // the line's own fields win; the wrapper's (the shipper's host, agent, file) join them
            wrapper.properties().forEach(field -> {
                if (!source.has(field.getKey())) {
                    source.set(field.getKey(), field.getValue());
                }
            });
        }
        out.set("unmapped", source);
        if (raw != null) {
            out.put("raw_data", raw);
        }
        // out is this call's own record: stamped in place, not copied
        return EventStamper.stampHandedOver(out, context.tenant(), context.ingestId(), context.receivedTime());
    }

    /**
     * The host a syslog header names as the record's device when its file named none (a line no
     * file claims, or a file that reads only the message): {@code device.ip} when it is an address,
     * else {@code device.hostname}.
     */
    private static void deviceOfHeader(
            ObjectNode out, OcsfClasses.OcsfClass ocsfClass, SourceFields fields, List<String> headerFields) {
        if (out.has("device")
                || !headerFields.contains("hostname")
                || !ocsfClass.attributes().contains("device")) {
            return;
        }
        String host = fields.text("hostname");
        if (host == null || host.isBlank() || host.equals("-") || LEVEL_WORDS.contains(host)) {
            return;
        }
        out.putObject("device").put(isAddress(host) ? "ip" : "hostname", host);
    }

    /**
     * Log levels that appliances write where RFC 3164 has the host ({@code <174>May 19 11:52:35 INFO
     * uvm[0]: ...}, Arista NG Firewall): no device's name.
     */
    private static final Set<String> LEVEL_WORDS = Set.of(
            "INFO",
            "WARN",
            "WARNING",
            "ERROR",
            "ERR",
            "DEBUG",
            "NOTICE",
            "CRIT",
            "CRITICAL",
            "ALERT",
            "EMERG",
            "FATAL",
            "TRACE");

    private static final java.util.regex.Pattern IPV4 =
            java.util.regex.Pattern.compile("(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)");

    /**
     * An IPv4 address in dotted form, or an IPv6 address: at least two colons, groups of up to four hex
     * digits, an IPv4 address allowed as the last group (two groups' worth), eight groups in all or
     * fewer where one {@code ::} stands for the rest (a MAC address, six groups, is no address).
     */
    static boolean isAddress(String host) {
        if (IPV4.matcher(host).matches()) {
            return true;
        }
        if (host.length() > 45 || host.indexOf(':') == host.lastIndexOf(':')) {
            return false;
        }
        int compressed = host.indexOf("::");
        if ((compressed >= 0 && host.indexOf("::", compressed + 1) >= 0)
                || (host.startsWith(":") && compressed != 0)
                || (host.endsWith(":") && !host.endsWith("::"))) {
            return false; // "::" at most once, and a single colon only between groups
        }
        String[] groups = host.split(":", -1);
        int words = 0;
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            if (i == groups.length - 1 && group.indexOf('.') >= 0) {
                if (!IPV4.matcher(group).matches()) {
                    return false;
                }
                words += 2;
                break;
            }
            if (group.length() > 4) {
                return false;
            }
            for (int c = 0; c < group.length(); c++) {
                if (Character.digit(group.charAt(c), 16) < 0) {
                    return false;
                }
            }
            if (!group.isEmpty()) {
                words++;
            }
        }
        return compressed >= 0 ? words <= 7 : words == 8;
    }

    /**
     * An event that is already an OCSF record ({@link NativeOcsf}): its attributes stay as they are;
     * the class, category, activity, type and severity are made consistent with the shipped schema
     * (a changed class or activity is kept under {@code unmapped} as {@code original_class_uid},
     * {@code original_class_name}, {@code original_activity_id}, {@code original_activity_name});
     * its time is bounded like any source's; its metadata keeps the producer's product, labels and
     * uid (as {@code original_event_uid}) and OCSF version (as {@code log_version}), and gets the
     * platform's tenant, ingest id, source name and schema version. A producer's {@code unmapped}
     * written as a list of name/value pairs (Security Lake) becomes an object. A syslog header's
     * fields go under {@code unmapped} (the line is {@code raw_data}).
     */
    private StampedEvent nativeRecord(
            ObjectNode record,
            NativeOcsf.Claim claim,
            String raw,
            Instant headerTime,
            String format,
            Context context,
            List<String> headerFields) {
        OcsfClasses.OcsfClass ocsfClass = claim.ocsfClass();
        ObjectNode unmapped = unmappedObject(record.get("unmapped"));
        for (String name : headerFields) {
            JsonNode value = record.remove(name);
            if (value != null && !name.equals("message")) {
                unmapped.set(name, value);
            }
        }
        if (claim.classChanged()) {
            copyAs(record, "class_uid", unmapped, "original_class_uid");
            copyAs(record, "class_name", unmapped, "original_class_name");
        }
        if (claim.activityChanged()) {
            copyAs(record, "activity_id", unmapped, "original_activity_id");
            copyAs(record, "activity_name", unmapped, "original_activity_name");
        }
        classAndActivity(record, ocsfClass, claim.activityId());
        Integer severity = NativeOcsf.integer(record.get("severity_id"));
        if (severity == null || !SEVERITIES.containsKey(severity)) {
            severity = 0;
        }
        record.put("severity_id", severity);
        record.put("severity", SEVERITIES.get(severity));

        ObjectNode metadata = (ObjectNode) record.get("metadata");
        ObjectNode bounds = NODES.objectNode();
        Instant time = EventTimeParser.parse(record.get("time"));
        JsonNode original = record.get("time");
        if (time == null) {
            time = EventTimeParser.parse(record.get("time_dt"));
            original = record.get("time_dt");
        }
        bounded(
                record,
                bounds,
                time,
                time != null ? SourceFields.text(original) : null,
                headerTime,
                context.receivedTime());
        if (bounds.has("labels")) {
            ArrayNode labels = metadata.get("labels") instanceof ArrayNode own ? own : metadata.putArray("labels");
            labels.addAll((ArrayNode) bounds.get("labels"));
            if (bounds.has("original_time")) {
                metadata.set("original_time", bounds.get("original_time"));
            }
        }
        JsonNode producerVersion = metadata.get("version");
        if (producerVersion != null && !metadata.has("log_version")) {
            metadata.set("log_version", producerVersion);
        }
        metadata.put("version", mappings.classes().version());
        JsonNode producerUid = metadata.get("uid");
        if (producerUid != null && !metadata.has("original_event_uid")) {
            metadata.set("original_event_uid", producerUid);
        }
        ObjectNode product = metadata.get("product") instanceof ObjectNode own ? own : metadata.putObject("product");
        if (!(product.get("name") instanceof JsonNode name && name.isTextual())) {
            product.put("name", "unknown");
        }
        JsonNode claimedTenant = metadata.get("tenant_uid");
        if (claimedTenant != null
                && !claimedTenant.asText().equals(context.tenant().value())) {
            unmapped.set("claimed_tenant_uid", claimedTenant);
        }
        if (!metadata.has("log_format")) {
            metadata.put("log_format", format);
        }
        platformMetadata(metadata, context);
        record.set("unmapped", unmapped);
        if (raw != null) {
            record.put("raw_data", raw);
        }
        return EventStamper.stampHandedOver(record, context.tenant(), context.ingestId(), context.receivedTime());
    }

    /** {@code class_uid}, {@code category_uid}, {@code activity_id}, {@code type_uid} and their names. */
    private static void classAndActivity(ObjectNode out, OcsfClasses.OcsfClass ocsfClass, int activityId) {
        String activityName = ocsfClass.activities().getOrDefault(activityId, "Other");
        out.put("class_uid", ocsfClass.uid());
        out.put("class_name", ocsfClass.name());
        out.put("category_uid", ocsfClass.categoryUid());
        out.put("category_name", ocsfClass.categoryName());
        out.put("activity_id", activityId);
        out.put("activity_name", activityName);
        out.put("type_uid", ocsfClass.typeUid(activityId));
        out.put("type_name", ocsfClass.name() + ": " + activityName);
    }

    /** The platform's metadata of every record: the tenant, the ingest id and the credential's source name. */
    private static void platformMetadata(ObjectNode metadata, Context context) {
        metadata.put("tenant_uid", context.tenant().value());
        metadata.put("uid", context.ingestId());
        if (context.sourceName() != null && !context.sourceName().isBlank()) {
            metadata.put("log_source", context.sourceName());
        }
    }

    /** OCSF's {@code unmapped} as an object: as it is, from a list of [name, value] pairs, or holding another value. */
    private static ObjectNode unmappedObject(JsonNode unmapped) {
        if (unmapped instanceof ObjectNode object) {
            return object;
        }
        ObjectNode object = NODES.objectNode();
        if (unmapped instanceof ArrayNode list) {
            boolean pairs = true;
            for (JsonNode pair : list) {
                pairs &= pair.isArray() && pair.size() == 2 && pair.get(0).isTextual();
            }
            if (pairs) {
                list.forEach(pair -> object.set(pair.get(0).textValue(), pair.get(1)));
                return object;
            }
        }
        if (unmapped != null && !unmapped.isNull()) {
            object.set("value", unmapped);
        }
        return object;
    }

    private static void copyAs(ObjectNode from, String field, ObjectNode to, String as) {
        JsonNode value = from.get(field);
        if (value != null && !to.has(as)) {
            to.set(as, value);
        }
    }

    /**
     * The record of the log line a JSON event wraps, when a mapping file claims the line (or, with
     * {@code headeredStays}, when the line has a syslog header); else null.
     *
     * @param envelopeTime the time the JSON event's envelope gives (Splunk HEC's), for a line whose
     *     header has none
     */
    private StampedEvent wrappedLine(
            ObjectNode event, Context context, List<String> lineFields, Instant envelopeTime, boolean headeredStays) {
        for (String name : lineFields) {
            JsonNode value = event.get(name);
            if (value == null || !value.isTextual()) {
                continue;
            }
            String text = value.textValue();
            if (text.isBlank() || text.length() > MAX_WRAPPED_LINE) {
                continue;
            }
            LogLine line;
            try {
                line = LogLine.decode(text, context.receivedTime(), SyslogParser.in(context.clock()));
            } catch (MalformedLogException e) {
                continue;
            }
            ObjectNode wrapper = event.deepCopy();
            wrapper.remove(name);
            SourceFields shipper = null;
            String program = null;
            boolean stamped = false;
            if (line.syslog().appName() == null) {
                shipper = new SourceFields(event);
                program = first(shipper, SHIPPER_PROGRAM);
                // a UniFi device's stamp as the program: the program after it is the line's
                LogLine unstamped = program == null ? null : LogLine.withShippedUnifiStamp(line, program);
                if (unstamped != null) {
                    line = unstamped;
                    stamped = true;
                }
            }
            ObjectNode shipped = line.fields().deepCopy();
            if (stamped) {
                shipperHostAndPid(shipper, shipped);
            } else if (shipper != null) {
                shipperHeader(shipper, program, shipped);
            }
            Instant lineTime = line.syslog().timestamp();
            if (lineTime == null) {
                lineTime = envelopeTime != null ? envelopeTime : shipperTime(event);
            }
            StampedEvent record = normalize(
                    shipped,
                    line.raw(),
                    lineTime,
                    line.payloadFormat(),
                    context,
                    wrapper,
                    line.headerFields(),
                    headeredStays && line.syslog().format() != SyslogMessage.Format.NONE);
            if (record != null) {
                return record;
            }
        }
        return null;
    }

    /**
     * Where shippers put the syslog header's program, host and process id beside a message they send
     * without it: journald's fields (Fluent Bit's {@code systemd} input, Vector's {@code journald}
     * source), Filebeat's journald input ({@code syslog.identifier}), rsyslog's JSON templates
     * ({@code programname}), Fluent Bit's and Vector's syslog parsers ({@code ident}, {@code appname}),
     * Logstash's syslog pattern ({@code program}), ECS ({@code process.name}).
     */
    private static final List<String> SHIPPER_PROGRAM = List.of(
            "SYSLOG_IDENTIFIER",
            "syslog.identifier",
            "syslog.appname",
            "appname",
            "programname",
            "program",
            "ident",
            "process.name");

    private static final List<String> SHIPPER_HOST =
            List.of("_HOSTNAME", "host.hostname", "host.name", "hostname", "syslog.hostname", "host");
    private static final List<String> SHIPPER_PID =
            List.of("_PID", "SYSLOG_PID", "syslog.pid", "process.pid", "pid", "procid");

    /**
     * A wrapped line without a syslog header gets the program, host and process id its shipper sent
     * beside it as the header's {@code app_name}, {@code hostname} and {@code proc_id}, so that the
     * files of those programs (sshd, sudo, ...) claim it as they claim the line with its header.
     */
    private static void shipperHeader(SourceFields shipped, String program, ObjectNode lineFields) {
        if (program == null || lineFields.has("app_name")) {
            return;
        }
        lineFields.put("app_name", program);
        shipperHostAndPid(shipped, lineFields);
    }

    /** The host and process id the shipper sent beside a line, where the line has none. */
    private static void shipperHostAndPid(SourceFields shipped, ObjectNode lineFields) {
        String host = first(shipped, SHIPPER_HOST);
        if (host != null && !lineFields.has("hostname")) {
            lineFields.put("hostname", host);
        }
        String pid = first(shipped, SHIPPER_PID);
        if (pid != null && !lineFields.has("proc_id")) {
            lineFields.put("proc_id", pid);
        }
    }

    /**
     * The time a shipper read a line without a header at: journald's {@code __REALTIME_TIMESTAMP}
     * (microseconds), Beats' and Logstash's {@code @timestamp}, Fluent Bit's and Vector's {@code
     * timestamp}; null when none is readable.
     */
    private static Instant shipperTime(ObjectNode event) {
        for (String name : SHIPPER_TIME) {
            Instant time = EventTimeParser.parse(event.get(name));
            if (time != null) {
                return time;
            }
        }
        return null;
    }

    /**
     * Where shippers and applications put an event's time: journald's {@code __REALTIME_TIMESTAMP},
     * ECS's, Logstash's and the Beats' {@code @timestamp}, Vector's and most applications'
     * {@code timestamp}, Fluentd's, Docker's and logrus' {@code time}, Fluent Bit's {@code date}, zap's
     * {@code ts}, and the {@code eventTime} / {@code EventTime} / {@code TimeGenerated} of cloud and
     * Windows collectors. Looked at in this order.
     */
    private static final List<String> SHIPPER_TIME = List.of(
            "__REALTIME_TIMESTAMP",
            "@timestamp",
            "timestamp",
            "time",
            "date",
            "ts",
            "eventTime",
            "EventTime",
            "TimeGenerated");

    /** Whether a source's time lies between {@code maxPast} before and {@code maxFuture} after {@code received}. */
    private boolean withinBounds(Instant time, Instant received) {
        return !time.isBefore(received.minus(maxPast)) && !time.isAfter(received.plus(maxFuture));
    }

    /**
     * The time of a JSON event no file claims, from the first of {@link #SHIPPER_TIME} that holds a
     * time within the bounds around {@code received} (a field of that name holding something else, a
     * duration or a counter, is passed over); null when none does.
     */
    private Instant ownTime(SourceFields fields, ZoneId clock, Instant received) {
        for (String name : SHIPPER_TIME) {
            Instant time = EventTimeParser.parse(fields.get(name), clock);
            if (time != null && withinBounds(time, received)) {
                return time;
            }
        }
        return null;
    }

    private static String first(SourceFields fields, List<String> names) {
        for (String name : names) {
            String value = fields.text(name);
            if (value != null && !value.isBlank() && value.length() <= 255) {
                return value.strip();
            }
        }
        return null;
    }

    /**
     * The pattern's groups as fields of the event; a domain name BIND printed (dnsNames) with its
     * escapes read back, a percent-encoded text (percentDecoded) with its bytes read back.
     */
    private static void extract(
            SourceMapping.Condition condition,
            Matcher m,
            SourceFields fields,
            ObjectNode source,
            Set<String> dnsNames,
            Set<String> percentDecoded) {
        for (String group : condition.groups()) {
            String value = m.group(group);
            if (value != null && dnsNames.contains(group)) {
                value = DnsNames.unescape(value);
            }
            if (value != null && percentDecoded.contains(group)) {
                value = PercentEncoding.decode(value);
            }
            if (value != null) {
                fields.addExtracted(group, value);
                if (!source.has(group)) {
                    source.put(group, value);
                }
            }
        }
    }

    private static int activity(SourceMapping.Rule rule, SourceFields fields) {
        if (rule.activityField() != null) {
            String value = fields.text(rule.activityField());
            if (value != null) {
                Integer mapped = rule.activityValues().get(value.strip());
                return mapped != null ? mapped : 99;
            }
        }
        return rule.activityId();
    }

    private void time(
            ObjectNode out,
            ObjectNode metadata,
            SourceMapping mapping,
            SourceFields fields,
            String format,
            Instant headerTime,
            Instant received,
            ZoneId clock) {
        Instant time = null;
        String original = null;
        if (mapping != null) {
            for (List<String> names : mapping.timeFields()) {
                if (names.size() == 1) {
                    String name = names.getFirst();
                    JsonNode value = fields.get(name);
                    time = EventTimeParser.parse(
                            value, mapping.utcTimeFields().contains(name) ? ZoneOffset.UTC : clock, received);
                    original = time != null ? SourceFields.text(value) : null;
                } else {
                    original = joined(fields, names);
                    time = EventTimeParser.parse(original, clock, received);
                }
                if (time != null) {
                    break;
                }
            }
        } else if (headerTime == null && format.equals("json")) {
            // no file knows the event: its own time when it has one where shippers put it
            time = ownTime(fields, clock, received);
        }
        if (time == null && headerTime == null && format.equals("text")) {
            LeadingTime leading = leadingTime(fields.text("message"), clock, received);
            original = leading != null ? leading.text() : null;
            time = leading != null ? leading.time() : null;
        }
        bounded(out, metadata, time, original, headerTime, received);
    }

    /** The level a Java program logs with log4j's {@code %p} (HDFS, Spark). */
    private static final String LEVEL = "(?:TRACE|DEBUG|INFO|WARN|ERROR|FATAL)";

    /**
     * A date and time an application wrote at the start of a line it logged without a syslog header,
     * in one of these layouts (each told apart by what follows the time, so that digits of a like
     * shape are not taken for a time unless the line is laid out as that program writes it):
     *
     * <ul>
     *   <li>{@code iso}: log4j's, logback's and Python logging's {@code 2015-10-18 18:01:47,978 INFO
     *       ...}, Windows servicing's {@code 2016-09-28 04:30:30, Info CBS ...}, ISO 8601 with {@code T},
     *       a fraction and an offset, or the same in brackets ({@code [2026-03-01 09:15:02.123]});
     *   <li>{@code klog}: Kubernetes' klog header (also ingress-nginx's controller), {@code Lmmdd
     *       hh:mm:ss.uuuuuu threadid file:line] }, without a year;
     *   <li>{@code logcat}: Android logcat's threadtime layout, {@code MM-dd HH:mm:ss.SSS pid tid L },
     *       without a year;
     *   <li>{@code hdfs}: Hadoop 0.x's HDFS, {@code yyMMdd HHmmss thread LEVEL };
     *   <li>{@code health}: HealthApp's {@code yyyyMMdd-HH:mm:ss:S|}, the milliseconds not padded
     *       ({@code 22:15:35:11} is 11 ms past the second, after {@code 22:15:34:851});
     *   <li>{@code spark}: Spark's default log4j layout {@code %d{yy/MM/dd HH:mm:ss} %p %c{1}: %m}, the
     *       year first (read so only with the level and the logger's name and colon after it: a date
     *       written {@code dd/MM/yy} or {@code MM/dd/yy} before other text is not read).
     * </ul>
     *
     * Each run of blanks and digits is read possessively: a line is read in one pass whatever it holds.
     */
    private static final Pattern LEADING_TIME = Pattern.compile("^(?:"
            + "\\[?(?<iso>\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?(?:Z|[+-]\\d{2}:?\\d{2})?)(?![\\d:.])"
            + "|[IWEF](?<klog>\\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d{6}) ++\\d++ [^\\s:\\]]++:\\d++\\] "
            + "|(?<logcat>\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}) ++\\d++ ++\\d++ [VDIWEFS] "
            + "|(?<hdfs>\\d{6} \\d{6}) \\d++ " + LEVEL + " "
            + "|(?<health>\\d{8}-\\d{2}:\\d{2}:\\d{2}:\\d{1,3})\\|"
            + "|(?<spark>\\d{2}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}) " + LEVEL + " [^\\s:]++: )");

    /** The time a line starts with, as written, and the instant it stands for (null when no calendar has it). */
    record LeadingTime(String text, Instant time) {}

    /**
     * The time a line starts with ({@link #LEADING_TIME}), in {@code zone} (the source's clock: these
     * layouts carry no zone) unless it has an offset; a time without a year of the year an RFC 3164
     * header's time would get, received at {@code received} ({@link SyslogParser#yearless}). Null when
     * the line starts otherwise; a null time when the date or time is none the calendar has (a month
     * 13, a day 32).
     */
    static LeadingTime leadingTime(String message, ZoneId zone, Instant received) {
        if (message == null || message.length() < 19) {
            return null;
        }
        char first = message.charAt(0);
        if ((first < '0' || first > '9') && first != '[' && "IWEF".indexOf(first) < 0) {
            return null;
        }
        Matcher m = LEADING_TIME.matcher(message);
        if (!m.lookingAt()) {
            return null;
        }
        String t;
        Instant time;
        if ((t = m.group("iso")) != null) {
            time = EventTimeParser.parse(t, zone, received);
        } else if ((t = m.group("klog")) != null) {
            time = SyslogParser.yearless(
                    digits(t, 0),
                    digits(t, 2),
                    digits(t, 5),
                    digits(t, 8),
                    digits(t, 11),
                    FastTimes.digits(t, 14, 6) * 1_000,
                    zone,
                    received);
        } else if ((t = m.group("logcat")) != null) {
            time = SyslogParser.yearless(
                    digits(t, 0),
                    digits(t, 3),
                    digits(t, 6),
                    digits(t, 9),
                    digits(t, 12),
                    FastTimes.digits(t, 15, 3) * 1_000_000,
                    zone,
                    received);
        } else if ((t = m.group("hdfs")) != null) {
            time = local(
                    2000 + digits(t, 0),
                    digits(t, 2),
                    digits(t, 4),
                    digits(t, 7),
                    digits(t, 9),
                    digits(t, 11),
                    0,
                    zone);
        } else if ((t = m.group("health")) != null) {
            time = local(
                    FastTimes.digits(t, 0, 4),
                    digits(t, 4),
                    digits(t, 6),
                    digits(t, 9),
                    digits(t, 12),
                    digits(t, 15),
                    FastTimes.digits(t, 18, t.length() - 18) * 1_000_000,
                    zone);
        } else {
            t = m.group("spark");
            time = local(
                    2000 + digits(t, 0),
                    digits(t, 3),
                    digits(t, 6),
                    digits(t, 9),
                    digits(t, 12),
                    digits(t, 15),
                    0,
                    zone);
        }
        return new LeadingTime(t, time);
    }

    /** The two digits at {@code from}. */
    private static int digits(String t, int from) {
        return FastTimes.digits(t, from, 2);
    }

    /** The date and time in {@code zone}; null when the calendar has no such date or time. */
    private static Instant local(
            int year, int month, int day, int hour, int minute, int second, int nanos, ZoneId zone) {
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                    .atZone(zone)
                    .toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * Writes {@code time}: the source's time, else the syslog header's, within the bounds around
     * {@code received}; else {@code received} with the labels that say why.
     */
    private void bounded(
            ObjectNode out, ObjectNode metadata, Instant time, String original, Instant headerTime, Instant received) {
        if (time == null && headerTime != null) {
            time = headerTime;
            original = null; // written only when it is out of bounds
        }
        ArrayNode labels = null;
        if (time != null && !withinBounds(time, received)) {
            labels = metadata.putArray("labels").add(LABEL_TIME_OUT_OF_BOUNDS);
            metadata.put("original_time", original != null ? original : time.toString());
            time = null;
        }
        if (time == null) {
            (labels != null ? labels : metadata.putArray("labels")).add(LABEL_TIME_FROM_RECEIVED);
            time = received;
        }
        out.put("time", time.toEpochMilli());
    }

    /**
     * The texts of {@code names} joined by spaces, those after the first only where present (a
     * device's date, time and, when it logs one, zone); null when the first is absent.
     */
    private static String joined(SourceFields fields, List<String> names) {
        String first = fields.text(names.getFirst());
        if (first == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(first.strip());
        for (int i = 1; i < names.size(); i++) {
            String part = fields.text(names.get(i));
            if (part != null && !part.isBlank()) {
                text.append(' ').append(part.strip());
            }
        }
        return text.toString();
    }

    private static final Map<Integer, String> STATUSES = Map.of(0, "Unknown", 1, "Success", 2, "Failure", 99, "Other");

    /** {@code status_id} and {@code status} from the rule's status field, unless a constant set them. */
    private static void status(ObjectNode out, SourceMapping.Rule rule, SourceFields fields) {
        if (rule.statusField() == null || out.has("status_id")) {
            return;
        }
        Integer mapped = valueOf(fields, rule.statusField(), rule.statusValues());
        if (mapped != null) {
            out.put("status_id", mapped);
            if (!out.has("status")) {
                out.put("status", STATUSES.get(mapped));
            }
        }
    }

    /** The number a rule's {@code *_from} gives the text of {@code field}; null when absent or not listed. */
    private static Integer valueOf(SourceFields fields, String field, Map<String, Integer> values) {
        String value = field == null ? null : fields.text(field);
        return value == null ? null : values.get(value.strip());
    }

    private static int severity(SourceMapping.Rule rule, SourceFields fields) {
        Integer mapped = valueOf(fields, rule.severityField(), rule.severityValues());
        if (mapped != null) {
            return mapped;
        }
        if (rule.severityId() != null) {
            return rule.severityId();
        }
        String cef = fields.text("cef_severity");
        if (cef != null) {
            return cefSeverity(cef);
        }
        String syslog = fields.text("syslog_severity");
        if (syslog != null && syslog.length() == 1 && Character.isDigit(syslog.charAt(0))) {
            return switch (syslog.charAt(0)) {
                case '0' -> 6;
                case '1', '2' -> 5;
                case '3' -> 4;
                case '4' -> 3;
                case '5' -> 2;
                default -> 1;
            };
        }
        return 1;
    }

    /** CEF severity: 0-3 Low, 4-6 Medium, 7-8 High, 9-10 Very-High (Critical), or those words. */
    static int cefSeverity(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        try {
            int n = Integer.parseInt(s);
            if (n < 0 || n > 10) {
                return 0;
            }
            return n <= 3 ? 2 : n <= 6 ? 3 : n <= 8 ? 4 : 5;
        } catch (NumberFormatException e) {
            return switch (s) {
                case "low" -> 2;
                case "medium" -> 3;
                case "high" -> 4;
                case "very-high", "very high", "critical" -> 5;
                default -> 0;
            };
        }
    }

    /**
     * Sets each target the class has from the first of its source fields that gives a value of the
     * target's type; a text the file lists as standing for no value in that field ({@code
     * emptyValues}) gives none, and the next field is tried.
     */
    private static void apply(
            ObjectNode out,
            Map<String, List<String>> targets,
            SourceFields fields,
            OcsfClasses.OcsfClass ocsfClass,
            Map<String, Set<String>> emptyValues) {
        targets.forEach((target, sources) -> {
            if (!ocsfClass.attributes().contains(OcsfMappings.attributeOf(target))) {
                return; // a file's common field that this event's class does not have
            }
            for (String name : sources) {
                JsonNode value = fields.get(name);
                if (value instanceof ArrayNode list && target.endsWith(ARRAY)) {
                    ArrayNode items = typedItems(target, list);
                    if (items != null) {
                        set(out, target, items);
                        return;
                    }
                    continue;
                }
                if (value == null || value.isContainerNode()) {
                    continue;
                }
                Set<String> none = emptyValues.get(name);
                if (none != null && none.contains(SourceFields.text(value).strip())) {
                    continue;
                }
                JsonNode typed = typed(target, value);
                if (typed != null) {
                    set(out, target, typed);
                    return;
                }
            }
        });
    }

    /**
     * Every value of a source's list as the type of the array attribute it fills (a message's
     * recipients), in the source's order, placeholders and nested objects left out; null when none is left.
     */
    private static ArrayNode typedItems(String target, ArrayNode list) {
        ArrayNode items = NODES.arrayNode();
        for (JsonNode item : list) {
            JsonNode typed = typed(target, item);
            if (typed != null && !typed.isContainerNode()) {
                items.add(typed);
            }
        }
        return items.isEmpty() ? null : items;
    }

    /** The value as the attribute's type; null when it cannot be (or is a placeholder: "-", auditd's "?"). */
    private static JsonNode typed(String target, JsonNode value) {
        String text = SourceFields.text(value);
        if (text == null || text.isBlank() || text.equals("-") || text.equals("?")) {
            return null;
        }
        String leaf = target.substring(target.lastIndexOf('.') + 1);
        if (leaf.endsWith(ARRAY)) {
            leaf = leaf.substring(0, leaf.length() - ARRAY.length());
        }
        if (INTEGER_LEAVES.contains(leaf)) {
            if (value.isIntegralNumber()) {
                return value;
            }
            String t = text.strip();
            try {
                return t.startsWith("0x") || t.startsWith("0X")
                        ? NODES.numberNode(Long.parseLong(t.substring(2), 16))
                        : NODES.numberNode(Long.parseLong(t));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (leaf.equals("hashes")) {
            return fingerprints(text);
        }
        if (LIST_LEAVES.contains(leaf)) {
            ArrayNode items = NODES.arrayNode();
            for (String item : text.strip().split("\\s+")) {
                items.add(item);
            }
            return items;
        }
        if (BOOLEAN_LEAVES.contains(leaf)) {
            return value.isBoolean() ? value : NODES.booleanNode(Boolean.parseBoolean(text.strip()));
        }
        return NODES.textNode(text);
    }

    /** OCSF fingerprint algorithm ids by the names sources use (Sysmon: {@code SHA256=...}). */
    private static final Map<String, Integer> HASH_ALGORITHMS = Map.of(
            "MD5", 1, "SHA1", 2, "SHA-1", 2, "SHA256", 3, "SHA-256", 3, "SHA512", 4, "SHA-512", 4, "IMPHASH", 99);

    private static final java.util.regex.Pattern HASH_PAIR =
            java.util.regex.Pattern.compile("([A-Za-z0-9-]+)=([0-9A-Fa-f]+)");

    /**
     * A file's hashes as OCSF fingerprints ({@code algorithm_id}, {@code algorithm}, {@code value} in
     * lower case): Sysmon's {@code SHA1=...,MD5=...,SHA256=...,IMPHASH=...} list, or one bare hex digest
     * whose length names its algorithm; null when it is neither.
     */
    static ArrayNode fingerprints(String text) {
        ArrayNode out = NODES.arrayNode();
        Matcher m = HASH_PAIR.matcher(text);
        while (m.find()) {
            String name = m.group(1).toUpperCase(Locale.ROOT);
            Integer id = HASH_ALGORITHMS.get(name);
            if (id != null) {
                out.addObject()
                        .put("algorithm_id", id)
                        .put(
                                "algorithm",
                                id == 99 ? name : name.replace("SHA", "SHA-").replace("--", "-"))
                        .put("value", m.group(2).toLowerCase(Locale.ROOT));
            }
        }
        String bare = text.strip();
        if (out.isEmpty() && bare.matches("[0-9A-Fa-f]+")) {
            Integer id = switch (bare.length()) {
                case 32 -> 1;
                case 40 -> 2;
                case 64 -> 3;
                case 128 -> 4;
                default -> null;
            };
            if (id != null) {
                out.addObject()
                        .put("algorithm_id", id)
                        .put(
                                "algorithm",
                                List.of("MD5", "SHA-1", "SHA-256", "SHA-512").get(id - 1))
                        .put("value", bare.toLowerCase(Locale.ROOT));
            }
        }
        return out.isEmpty() ? null : out;
    }

    /**
     * Sets the attribute at the dotted {@code target} unless it is set already. A segment ending in
     * {@code []} is an array: of one object that the following segments fill (every target naming
     * it writes into that object), or, as the last segment, of the one value (or of a source list's values).
     */
    private static void set(ObjectNode out, String target, JsonNode value) {
        String[] path = target.split("\\.");
        ObjectNode node = out;
        for (int i = 0; i < path.length - 1; i++) {
            String name = path[i];
            if (name.endsWith(ARRAY)) {
                name = name.substring(0, name.length() - ARRAY.length());
                JsonNode child = node.get(name);
                if (child == null) {
                    node = node.putArray(name).addObject();
                } else if (child instanceof ArrayNode array && array.get(0) instanceof ObjectNode first) {
                    node = first;
                } else {
                    return;
                }
                continue;
            }
            JsonNode child = node.get(name);
            if (child == null) {
                node = node.putObject(name);
            } else if (child instanceof ObjectNode object) {
                node = object;
            } else {
                return;
            }
        }
        String leaf = path[path.length - 1];
        if (leaf.endsWith(ARRAY)) {
            leaf = leaf.substring(0, leaf.length() - ARRAY.length());
            if (node.has(leaf)) {
                return;
            }
            if (value instanceof ArrayNode items) {
                node.set(leaf, items);
            } else {
                node.putArray(leaf).add(value);
            }
        } else if (!node.has(leaf)) {
            node.set(leaf, value);
        }
    }

    /** The suffix of a target segment that is an array of one object or value. */
    static final String ARRAY = "[]";

    /**
     * Writes the command line {@code read} makes of the field {@code commandLine.from()} to the source
     * field {@code commandLine.into()}, unless the event has a field of that name (none when the file
     * asks for none, or nothing could be read).
     */
    private static void putCommandLine(
            ObjectNode source,
            SourceFields fields,
            SourceMapping.CommandLine commandLine,
            java.util.function.Function<String, String> read) {
        if (commandLine != null && !fields.has(commandLine.into())) {
            String text = read.apply(commandLine.from());
            if (text != null) {
                source.put(commandLine.into(), text);
            }
        }
    }
}
