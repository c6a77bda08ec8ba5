package io.socaas.correlation.detection.domain;

import io.socaas.correlation.multievent.domain.RuleMatch;
import io.socaas.correlation.rules.domain.DetectionRule;
import io.socaas.correlation.rules.domain.RuleCatalog;
import io.socaas.correlation.rules.domain.RulePack;
import io.socaas.correlation.rules.domain.TenantCorrelations;
import io.socaas.correlation.rules.domain.TenantRuleSet;
import io.socaas.correlation.sigma.domain.LogsourceMapping;
import io.socaas.correlation.sigma.domain.SigmaEvent;
import io.socaas.correlation.sigma.domain.SigmaRule;
import io.socaas.events.EventTimes;
import io.socaas.events.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Evaluates a tenant's rules on one event and describes each match as an {@link Alert}. Only the
 * rules of the event's logsources run on it; a match the tenant made an exception for raises no
 * alert, and an alert carries the tenant's severity for the rule when it overrides the rule's level.
 */
public final class EventDetection {

    private static final int SUMMARY_LIMIT = 500;
    private static final TenantId TRIAL_TENANT = TenantId.of("rule-trial");
    private static final List<String> HOST_FIELDS =
            List.of("Computer", "Hostname", "host.name", "host", "hostname", "device.hostname", "device.name");

    private final Supplier<RuleCatalog> catalog;
    private final LogsourceMapping logsources;
    private final Clock clock;

    /**
     * What evaluating one event produced: its alerts, the rules that failed on it, and the matches
     * of rules that the tenant's correlation rules refer to (whether or not those rules raise alerts).
     */
    public record Detection(List<Alert> alerts, List<RuleFailure> failures, List<RuleMatch> matches) {
        public Detection {
            alerts = List.copyOf(alerts);
            failures = List.copyOf(failures);
            matches = List.copyOf(matches);
        }

        public Detection(List<Alert> alerts, List<RuleFailure> failures) {
            this(alerts, failures, List.of());
        }
    }

    /** A rule that could not be evaluated on an event (its alert cannot be produced). */
    public record RuleFailure(TenantId tenant, DetectionRule rule, String ingestId, String reason) {}

    /**
     * @param catalog current rules per tenant
     * @param logsources classifies events into the logsources rules ask for
     */
    public EventDetection(Supplier<RuleCatalog> catalog, LogsourceMapping logsources, Clock clock) {
        this.catalog = Objects.requireNonNull(catalog);
        this.logsources = Objects.requireNonNull(logsources);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Runs the tenant's rules of the event's logsources on the event; one alert per matching rule. */
    public List<Alert> detect(TenantId tenant, String ingestId, Map<String, ?> event) {
        return evaluate(tenant, ingestId, event).alerts();
    }

    /**
     * Classifies the event into its logsources once, then evaluates only the tenant's rules of
     * those logsources that the literal index cannot rule out, each reading the event through its
     * logsource's field mapping. A rule that
     * throws on the event is reported as a failure; the other rules still run.
     */
    public Detection evaluate(TenantId tenant, String ingestId, Map<String, ?> event) {
        RuleCatalog current = catalog.get();
        TenantRuleSet rules = current.rulesFor(tenant);
        TenantCorrelations correlations = current.correlationsFor(tenant);
        if (rules.size() == 0) {
            return new Detection(List.of(), List.of());
        }
        SigmaEvent sigmaEvent = SigmaEvent.of(event);
        List<TenantRuleSet.Candidate> candidates = rules.candidates(sigmaEvent, logsources.classify(sigmaEvent));
        List<Alert> alerts = new ArrayList<>();
        List<RuleFailure> failures = new ArrayList<>();
        List<RuleMatch> matches = new ArrayList<>();
        String detectedTime = null;
        for (TenantRuleSet.Candidate candidate : candidates) {
            DetectionRule rule = candidate.rule();
            SigmaEvent view = sigmaEvent.withFieldMapping(candidate.fields());
            boolean matched;
            try {
                // a match the tenant excepted (RuleOverride.exceptions) raises no alert
                matched = rule.sigma().matches(view)
                        && rule.tuning().exceptionFor(view).isEmpty();
            } catch (RuntimeException e) {
                failures.add(new RuleFailure(tenant, rule, ingestId, "evaluation failed: " + e));
                continue;
            }
            if (matched && !correlations.referring(rule.sigma().id()).isEmpty()) {
                matches.add(ruleMatch(tenant, ingestId, rule, view, correlations));
            }
            if (matched && rule.alerts()) {
                if (detectedTime == null) {
                    detectedTime = rfc3339(clock.instant());
                }
                String host = host(view);
                alerts.add(new Alert(
                        Alert.singleEventId(tenant, rule.sigma().id(), ingestId),
                        tenant,
                        rule,
                        rule.level(),
                        List.of(ingestId),
                        eventTime(view, detectedTime),
                        detectedTime,
                        summary(rule, view, host),
                        host.isEmpty() ? rule.sigma().id() : rule.sigma().id() + ":" + host.toLowerCase(Locale.ROOT),
                        EventObservables.of(view)));
            }
        }
        return new Detection(alerts, failures, matches);
    }

    /**
     * The match as the tenant's correlation rules need it: event time from the normalized
     * {@code time} (else the other time fields alerts read; else now), and the fields they group by
     * or aggregate, read as the rule reads the event (field mapping of its logsource).
     */
    private RuleMatch ruleMatch(
            TenantId tenant, String ingestId, DetectionRule rule, SigmaEvent view, TenantCorrelations correlations) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String field : correlations.fieldsOf(rule.sigma().id())) {
            SigmaEvent.FieldValue value = view.field(field);
            if (value.present()
                    && value.value() != null
                    && !(value.value() instanceof Map)
                    && !(value.value() instanceof List)) {
                fields.put(field, SigmaEvent.FieldValue.text(value.value()));
            }
        }
        String time = eventTime(view, null);
        long timeMs = time == null ? clock.millis() : Instant.parse(time).toEpochMilli();
        return new RuleMatch(tenant, rule.sigma().id(), timeMs, List.of(ingestId), fields);
    }

    /**
     * What one rule makes of an event, as detection would run it for a tenant.
     *
     * @param logsourceMatched the event belongs to one of the rule's logsources (no other is seen)
     * @param matched the rule matched the event
     * @param selections the search identifiers that made it match ({@link SigmaRule#matchingSelections})
     * @param error why the rule could not be evaluated on the event; empty when it could
     */
    public record Trial(boolean logsourceMatched, boolean matched, List<String> selections, String error) {
        public Trial {
            selections = List.copyOf(selections);
        }
    }

    /**
     * Runs one rule, not deployed, over sample events: routed by logsource and read through the
     * field mapping as detection reads events, no tenant tuning.
     */
    public List<Trial> trial(SigmaRule rule, List<? extends Map<String, ?>> events) {
        TenantRuleSet single = new TenantRuleSet(
                TRIAL_TENANT, List.of(new DetectionRule(rule, RulePack.unnamed("trial"), "trial.yml")));
        List<Trial> trials = new ArrayList<>(events.size());
        for (Map<String, ?> event : events) {
            SigmaEvent sigmaEvent = SigmaEvent.of(event);
            List<TenantRuleSet.Candidate> routed = single.candidates(logsources.classify(sigmaEvent));
            if (routed.isEmpty()) {
                trials.add(new Trial(false, false, List.of(), ""));
                continue;
            }
            SigmaEvent view = sigmaEvent.withFieldMapping(routed.getFirst().fields());
            try {
                boolean matched = rule.matches(view);
                trials.add(new Trial(true, matched, matched ? rule.matchingSelections(view) : List.of(), ""));
            } catch (RuntimeException e) {
                trials.add(new Trial(true, false, List.of(), "evaluation failed: " + e.getMessage()));
            }
        }
        return trials;
    }

    /** Number of rules enabled for the tenant. */
    public int ruleCount(TenantId tenant) {
        return catalog.get().rulesFor(tenant).size();
    }

    private static String eventTime(SigmaEvent event, String fallback) {
        for (String field :
                List.of("time", "@timestamp", "Event.System.TimeCreated.#attributes.SystemTime", "received_time")) {
            SigmaEvent.FieldValue value = event.field(field);
            if (value.present() && value.value() != null) {
                String normalized = normalizeTime(value.value());
                if (normalized != null) {
                    return normalized;
                }
            }
        }
        return fallback;
    }

    /** Epoch milliseconds (OCSF {@code time}) or RFC 3339 text, as RFC 3339 UTC. */
    static String normalizeTime(Object value) {
        if (value instanceof Number n) {
            return rfc3339(Instant.ofEpochMilli(n.longValue()));
        }
        String text = String.valueOf(value).trim();
        try {
            return rfc3339(Instant.parse(text));
        } catch (DateTimeParseException e) {
            try {
                return rfc3339(java.time.OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static String rfc3339(Instant instant) {
        return EventTimes.format(instant);
    }

    private static String host(SigmaEvent event) {
        return firstText(event, HOST_FIELDS);
    }

    private static String firstText(SigmaEvent event, List<String> fields) {
        for (String field : fields) {
            SigmaEvent.FieldValue value = event.field(field);
            if (value.present()
                    && value.value() != null
                    && !(value.value() instanceof Map)
                    && !(value.value() instanceof List)) {
                String text = SigmaEvent.FieldValue.text(value.value()).trim();
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    private static String summary(DetectionRule rule, SigmaEvent event, String host) {
        StringBuilder sb = new StringBuilder(rule.sigma().title());
        if (!host.isEmpty()) {
            sb.append(" on ").append(host);
        }
        String image = firstText(event, List.of("Image", "NewProcessName", "process.file.path", "process.name"));
        String commandLine = firstText(event, List.of("CommandLine", "process.cmd_line"));
        if (!image.isEmpty()) {
            sb.append(": ").append(image);
        }
        if (!commandLine.isEmpty()) {
            sb.append(image.isEmpty() ? ": " : " | ").append(commandLine);
        }
        return sb.length() > SUMMARY_LIMIT ? sb.substring(0, SUMMARY_LIMIT - 1) + "…" : sb.toString();
    }
}
