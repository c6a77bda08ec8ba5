package io.socaas.cases.analysts.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.socaas.cases.analysts.domain.AnalystProfile;
import io.socaas.cases.analysts.domain.InvalidAnalystProfileException;
import io.socaas.cases.analysts.domain.Rota;
import io.socaas.cases.analysts.domain.Tier;
import io.socaas.events.TenantId;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An analyst profile as the REST API and the analysts file ({@code tenant-config/analysts.yaml})
 * write it. {@code tenants} is the string {@code "all"} or a list of tenant ids.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "AnalystProfile", description = "An MSSP analyst's entitlements, tier, skills, capacity and rota")
public record AnalystJson(
        @Schema(description = "Keycloak user name", readOnly = true)
        String username,

        @JsonProperty("display_name") String displayName,

        @Schema(description = "Where the analyst's notifications and pages go")
        String email,

        @Schema(description = "l1, l2 or l3", required = true)
        String tier,

        @Schema(
                description = "\"all\" or the list of tenant ids the analyst may work",
                oneOf = {String.class, String[].class},
                required = true)
        JsonNode tenants,

        @Schema(description = "Labels matched against rule tags, e.g. windows, attack.credential_access")
        List<String> skills,

        @JsonProperty("max_concurrent_cases")
        @Schema(description = "At most this many unresolved cases are auto-assigned")
        Integer maxConcurrentCases,

        RotaJson rota) {

    /** Shifts and on-call windows. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Rota")
    public record RotaJson(
            @Schema(description = "IANA time zone of the shifts, e.g. Europe/Paris")
            String zone,

            List<ShiftJson> shifts,
            @JsonProperty("on_call") List<OnCallJson> onCall) {}

    /** A weekly shift; {@code to} not after {@code from} runs past midnight, 00:00–00:00 is all day. */
    @Schema(name = "Shift")
    public record ShiftJson(
            @Schema(description = "mon, tue, ... sun") List<String> days,
            @Schema(description = "HH:mm") String from,
            @Schema(description = "HH:mm") String to) {}

    /** An on-call window, RFC 3339 instants. */
    @Schema(name = "OnCall")
    public record OnCallJson(String from, String to) {}

    /** The profile this describes, for {@code username}. */
    public AnalystProfile toProfile(String username) {
        Tier parsedTier = Tier.fromWireName(tier)
                .orElseThrow(() ->
                        new InvalidAnalystProfileException("tier", "tier must be l1, l2 or l3, not '" + tier + "'"));
        boolean all;
        Set<TenantId> listed = new java.util.HashSet<>();
        if (tenants == null || tenants.isNull()) {
            throw new InvalidAnalystProfileException("tenants", "tenants is required: \"all\" or a list of tenant ids");
        } else if (tenants.isTextual() && tenants.textValue().equals("all")) {
            all = true;
        } else if (tenants.isArray()) {
            all = false;
            for (JsonNode t : tenants) {
                if (!t.isTextual() || !TenantId.isValid(t.textValue())) {
                    throw new InvalidAnalystProfileException("tenants", "'" + t.asText() + "' is not a tenant id");
                }
                listed.add(TenantId.of(t.textValue()));
            }
        } else {
            throw new InvalidAnalystProfileException("tenants", "tenants must be \"all\" or a list of tenant ids");
        }
        return new AnalystProfile(
                username,
                displayName,
                email,
                parsedTier,
                all,
                listed,
                skills == null ? Set.of() : Set.copyOf(skills),
                maxConcurrentCases == null ? 10 : maxConcurrentCases,
                rota == null ? Rota.always(ZoneId.of("UTC")) : rotaOf(rota));
    }

    /** The profile as JSON. */
    public static AnalystJson of(AnalystProfile p) {
        JsonNode tenants;
        if (p.allTenants()) {
            tenants = JsonNodeFactory.instance.textNode("all");
        } else {
            var array = JsonNodeFactory.instance.arrayNode();
            p.tenants().stream().map(TenantId::value).sorted().forEach(array::add);
            tenants = array;
        }
        return new AnalystJson(
                p.username(),
                p.displayName(),
                p.email(),
                p.tier().wireName(),
                tenants,
                List.copyOf(new TreeSet<>(p.skills())),
                p.maxConcurrentCases(),
                rotaJson(p.rota()));
    }

    public static RotaJson rotaJson(Rota rota) {
        return new RotaJson(
                rota.zone().getId(),
                rota.shifts().stream()
                        .map(s -> new ShiftJson(
                                s.days().stream()
                                        .sorted()
                                        .map(d -> d.name().substring(0, 3).toLowerCase(Locale.ROOT))
                                        .toList(),
                                s.from().toString(),
                                s.to().toString()))
                        .toList(),
                rota.onCall().stream()
                        .map(w -> new OnCallJson(w.from().toString(), w.to().toString()))
                        .toList());
    }

    public static Rota rotaOf(RotaJson json) {
        ZoneId zone;
        try {
            zone = ZoneId.of(json.zone() == null ? "UTC" : json.zone());
        } catch (DateTimeException e) {
            throw new InvalidAnalystProfileException("rota.zone", "'" + json.zone() + "' is not a time zone");
        }
        List<Rota.Shift> shifts = new ArrayList<>();
        for (ShiftJson s : json.shifts() == null ? List.<ShiftJson>of() : json.shifts()) {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String d : s.days() == null ? List.<String>of() : s.days()) {
                days.add(day(d));
            }
            shifts.add(new Rota.Shift(days, time("rota.shifts.from", s.from()), time("rota.shifts.to", s.to())));
        }
        List<Rota.OnCall> onCall = new ArrayList<>();
        for (OnCallJson w : json.onCall() == null ? List.<OnCallJson>of() : json.onCall()) {
            onCall.add(new Rota.OnCall(instant("rota.on_call.from", w.from()), instant("rota.on_call.to", w.to())));
        }
        return new Rota(zone, shifts, onCall);
    }

    private static DayOfWeek day(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (v.length() >= 3 && d.name().toLowerCase(Locale.ROOT).startsWith(v)) {
                return d;
            }
        }
        throw new InvalidAnalystProfileException("rota.shifts.days", "'" + value + "' is not a day (mon ... sun)");
    }

    private static LocalTime time(String field, String value) {
        if ("24:00".equals(value)) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidAnalystProfileException(field, field + " must be HH:mm, not '" + value + "'");
        }
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidAnalystProfileException(
                    field, field + " must be an RFC 3339 instant, not '" + value + "'");
        }
    }
}
