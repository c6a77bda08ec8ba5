package io.socaas.correlation.sigma.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * MITRE ATT&CK in Sigma tags: {@code attack.t1059.001} is technique {@code T1059.001},
 * {@code attack.execution} is tactic {@code execution}. Groups ({@code attack.g0016}) and software
 * ({@code attack.s0002}) are neither.
 */
public final class AttackTags {

    private static final Pattern TECHNIQUE = Pattern.compile("t\\d{4}(\\.\\d{3})?");
    private static final Set<String> TACTICS = Set.of(
            "reconnaissance",
            "resource-development",
            "initial-access",
            "execution",
            "persistence",
            "privilege-escalation",
            "defense-evasion",
            "credential-access",
            "discovery",
            "lateral-movement",
            "collection",
            "command-and-control",
            "exfiltration",
            "impact");

    private AttackTags() {}

    /** Technique ids, upper case, in tag order, without duplicates. */
    public static List<String> techniques(List<String> tags) {
        Set<String> result = new LinkedHashSet<>();
        for (String tag : tags) {
            String name = attackName(tag);
            if (name != null && TECHNIQUE.matcher(name).matches()) {
                result.add(name.toUpperCase(Locale.ROOT));
            }
        }
        return List.copyOf(result);
    }

    /** Tactic names (ATT&CK short names such as {@code defense-evasion}), in tag order. */
    public static List<String> tactics(List<String> tags) {
        Set<String> result = new LinkedHashSet<>();
        for (String tag : tags) {
            String name = attackName(tag);
            if (name != null) {
                String tactic = name.replace('_', '-');
                if (TACTICS.contains(tactic)) {
                    result.add(tactic);
                }
            }
        }
        return List.copyOf(result);
    }

    private static String attackName(String tag) {
        String t = tag.trim().toLowerCase(Locale.ROOT);
        return t.startsWith("attack.") ? t.substring("attack.".length()) : null;
    }
}
