package io.socaas.correlation.detection.domain;

import io.socaas.correlation.rules.domain.DetectionRule;
import io.socaas.correlation.rules.domain.RuleCatalog;
import io.socaas.correlation.sigma.domain.SigmaEvent;
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

/** Evaluates a tenant's rules on one event and describes each match as an {@link Alert}. */
public final class DetectionService {

    private static final int SUMMARY_LIMIT = 500;
    private static final List<String> HOST_FIELDS =
            List.of("Computer", "Hostname", "host.name", "host", "hostname", "device.hostname", "device.name");

    private final Supplier<RuleCatalog> catalog;
    private final Clock clock;
    private final Supplier<String> alertIds;

    /**
     * @param catalog current rules per tenant
     * @param alertIds generates unique, time-ordered alert ids (ULIDs)
     */
    public DetectionService(Supplier<RuleCatalog> catalog, Clock clock, Supplier<String> alertIds) {
        this.catalog = Objects.requireNonNull(catalog);
        this.clock = Objects.requireNonNull(clock);
        this.alertIds = Objects.requireNonNull(alertIds);
    }

    /** Runs every rule enabled for {@code tenant} on the event; one alert per matching rule. */
    public List<Alert> detect(TenantId tenant, String ingestId, Map<String, ?> event) {
        List<DetectionRule> rules = catalog.get().rulesFor(tenant).rules();
        if (rules.isEmpty()) {
            return List.of();
        }
        SigmaEvent sigmaEvent = SigmaEvent.of(event);
        List<Alert> alerts = new ArrayList<>();
        String detectedTime = null;
        for (DetectionRule rule : rules) {
            if (rule.sigma().matches(sigmaEvent)) {
                if (detectedTime == null) {
                    detectedTime = rfc3339(clock.instant());
                }
                String host = host(sigmaEvent);
                alerts.add(new Alert(
                        alertIds.get(),
                        tenant,
                        rule,
                        rule.sigma().level(),
                        List.of(ingestId),
                        eventTime(sigmaEvent, detectedTime),
                        detectedTime,
                        summary(rule, sigmaEvent, host),
                        host.isEmpty() ? rule.sigma().id() : rule.sigma().id() + ":" + host.toLowerCase(Locale.ROOT)));
            }
        }
        return alerts;
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
