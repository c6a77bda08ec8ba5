package io.socaas.cases.analysts.domain;

import io.socaas.events.TenantId;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What case-management knows of an MSSP analyst beyond Keycloak: the tenants it may work, its
 * tier and skills, how many cases it can hold at once, and when it works.
 *
 * @param username the Keycloak {@code preferred_username}
 * @param displayName how the analyst is shown
 * @param email where notifications for the analyst go; may be empty
 * @param tier L1, L2 or L3
 * @param allTenants whether the analyst may work every tenant (then {@code tenants} is empty)
 * @param tenants the tenants the analyst may work when not all
 * @param skills free labels matched against the rules' tags and logsources (e.g. {@code windows},
 *     {@code attack.credential_access})
 * @param maxConcurrentCases the most unresolved cases auto-assignment gives the analyst
 * @param rota shifts and on-call windows
 */
public record AnalystProfile(
        String username,
        String displayName,
        String email,
        Tier tier,
        boolean allTenants,
        Set<TenantId> tenants,
        Set<String> skills,
        int maxConcurrentCases,
        Rota rota) {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@+-]{1,255}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public AnalystProfile {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidAnalystProfileException(
                    "username", "username must be a Keycloak user name, not '" + username + "'");
        }
        displayName = displayName == null || displayName.isBlank() ? username : displayName.strip();
        email = email == null ? "" : email.strip();
        if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
            throw new InvalidAnalystProfileException("email", "email must be an e-mail address, not '" + email + "'");
        }
        if (tier == null) {
            throw new InvalidAnalystProfileException("tier", "tier is required: l1, l2 or l3");
        }
        tenants = Set.copyOf(tenants);
        if (allTenants && !tenants.isEmpty()) {
            throw new InvalidAnalystProfileException(
                    "tenants", "an analyst entitled to all tenants lists none (\"tenants\": \"all\")");
        }
        skills = skills.stream()
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        if (maxConcurrentCases < 1 || maxConcurrentCases > 1000) {
            throw new InvalidAnalystProfileException(
                    "max_concurrent_cases",
                    "max_concurrent_cases must be between 1 and 1000, not " + maxConcurrentCases);
        }
        Objects.requireNonNull(rota, "rota");
    }

    /** Whether the analyst may see and work {@code tenant}'s cases. */
    public boolean entitledTo(TenantId tenant) {
        return allTenants || tenants.contains(tenant);
    }
}
