package io.socaas.audittrail;

import java.util.List;
import java.util.Objects;

/**
 * Who did an audited action: the token's subject, its user name ({@code client <id>} for a service
 * account whose token carries none, {@code anonymous} without a token), the client the token was
 * issued to and the caller's realm roles.
 */
public record Actor(String subject, String username, String clientId, List<String> roles) {

    public static final Actor ANONYMOUS = new Actor("anonymous", "anonymous", "-", List.of());

    /** The platform itself, running a background job (a scheduled sync, say) on no one's request. */
    public static Actor system(String job) {
        return new Actor("system:" + job, "system " + job, "-", List.of());
    }

    public Actor {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(clientId, "clientId");
        roles = roles.stream().sorted().toList();
    }
}
