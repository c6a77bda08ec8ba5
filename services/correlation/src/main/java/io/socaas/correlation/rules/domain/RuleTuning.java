package io.socaas.correlation.rules.domain;

import io.socaas.correlation.sigma.domain.SigmaEvent;
import io.socaas.correlation.sigma.domain.SigmaLevel;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's tuning of one rule it runs (from its {@code RuleOverride}): the severity its alerts
 * carry instead of the rule's level, and the exceptions that keep matching events from raising an
 * alert.
 *
 * @param severity the level the tenant's alerts of the rule carry; empty keeps the rule's level
 * @param exceptions an event matching any of them raises no alert from the rule
 */
public record RuleTuning(Optional<SigmaLevel> severity, List<RuleException> exceptions) {

    /** No tuning: the rule's own level, no exceptions. */
    public static final RuleTuning NONE = new RuleTuning(Optional.empty(), List.of());

    public RuleTuning {
        Objects.requireNonNull(severity, "severity");
        exceptions = List.copyOf(exceptions);
    }

    public boolean isNone() {
        return severity.isEmpty() && exceptions.isEmpty();
    }

    /** The exception that applies to the event (read through the rule's field mapping), if any. */
    public Optional<RuleException> exceptionFor(SigmaEvent event) {
        for (RuleException exception : exceptions) {
            if (exception.matches(event)) {
                return Optional.of(exception);
            }
        }
        return Optional.empty();
    }

    /**
     * An exception to a rule for one tenant: an event whose field equals one of the values raises no
     * alert from that rule.
     *
     * <p>The field is a Sigma field name, resolved exactly as the rule's own fields are (top-level
     * key, dotted path, evtx and shipper envelopes, {@code unmapped}, and the logsource's field
     * mapping, so {@code Image} reads Security 4688's {@code NewProcessName}). Values are compared
     * with the whole field value, case-insensitively, without wildcards; for a list field, any
     * element may equal. An absent or null field never matches.
     *
     * @param reason why the exception exists (shown to analysts)
     */
    public record RuleException(String field, List<String> values, String reason) {

        public RuleException {
            Objects.requireNonNull(field, "field");
            if (field.isBlank()) {
                throw new IllegalArgumentException("an exception needs a field name");
            }
            values = values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
            reason = reason == null ? "" : reason;
        }

        /** True when the event's field equals one of the values (case-insensitively). */
        public boolean matches(SigmaEvent event) {
            SigmaEvent.Texts texts = event.texts(field);
            for (int i = 0; i < texts.size(); i++) {
                if (values.contains(texts.lower(i))) {
                    return true;
                }
            }
            return false;
        }
    }
}
