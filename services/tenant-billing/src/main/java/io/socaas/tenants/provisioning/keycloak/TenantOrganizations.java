package io.socaas.tenants.provisioning.keycloak;

import io.socaas.events.TenantId;
import io.socaas.tenants.onboarding.OnboardingSettings;
import io.socaas.tenants.onboarding.domain.StepFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * A tenant in Keycloak: its Organization (alias = tenant id, name = display name, marked with the
 * attribute {@value #TENANT_ATTRIBUTE}) and the organization's first customer admin. Every call is
 * idempotent: what an earlier attempt made is found and completed.
 *
 * <p>The admin client is request scoped (it holds the service account's token); the saga runs
 * outside any request, so each call activates a request context of its own.
 */
@ApplicationScoped
public class TenantOrganizations {

    private static final Logger LOG = Logger.getLogger(TenantOrganizations.class);

    /** Organization attribute naming the tenant the organization was made for. */
    public static final String TENANT_ATTRIBUTE = "socaas_tenant";

    private static final Base64.Encoder PASSWORD_ENCODING =
            Base64.getUrlEncoder().withoutPadding();

    private final Keycloak keycloak;
    private final String realmName;
    private final OnboardingSettings settings;
    private final SecureRandom random = new SecureRandom();

    TenantOrganizations(Keycloak keycloak, OnboardingSettings settings) {
        this.keycloak = keycloak;
        this.settings = settings;
        this.realmName = settings.keycloak().realm();
    }

    /** The first admin as made: user name and its one-time password. */
    public record FirstAdmin(String organizationId, String userId, String username, String initialPassword) {
        @Override
        public String toString() {
            return "FirstAdmin[organizationId=" + organizationId + ", username=" + username + ", password=<redacted>]";
        }
    }

    /**
     * Makes (or finds) the organization and its first admin, and gives the admin a new one-time
     * password with the required action to change it. Fails for good when the e-mail belongs to a
     * Keycloak user that is not the tenant's admin: only an operator can settle that.
     */
    @ActivateRequestContext
    public FirstAdmin apply(TenantId tenant, String displayName, String email) {
        try {
            RealmResource realm = keycloak.realm(realmName);
            String organizationId = ensureOrganization(realm, tenant, displayName);
            OrganizationResource organization = realm.organizations().get(organizationId);
            String userId = ensureAdmin(realm, organization, tenant, email);
            String password = newPassword();
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(password);
            credential.setTemporary(true);
            realm.users().get(userId).resetPassword(credential);
            RoleRepresentation role =
                    realm.roles().get(settings.keycloak().adminRole()).toRepresentation();
            realm.users().get(userId).roles().realmLevel().add(List.of(role));
            try (Response added = organization.members().addMember(userId)) {
                int status = added.getStatus();
                if (status != 201 && status != 204 && status != 409) {
                    throw new StepFailedException(
                            "Keycloak refused the membership of " + email + ": HTTP " + status, false);
                }
            }
            LOG.infof("Keycloak organization %s and its admin %s ready", tenant, email);
            return new FirstAdmin(organizationId, userId, email, password);
        } catch (WebApplicationException | ProcessingException e) {
            throw new StepFailedException("Keycloak: " + e.getMessage(), e);
        }
    }

    /** Deletes the tenant's organization and every user that is a member of it. */
    @ActivateRequestContext
    public void purge(TenantId tenant) {
        try {
            RealmResource realm = keycloak.realm(realmName);
            Optional<OrganizationRepresentation> found = find(realm, tenant);
            if (found.isEmpty()) {
                return;
            }
            OrganizationResource organization =
                    realm.organizations().get(found.get().getId());
            for (MemberRepresentation member : organization.members().getAll()) {
                try (Response deleted = realm.users().delete(member.getId())) {
                    LOG.infof(
                            "deleted Keycloak user %s of tenant %s: HTTP %d",
                            member.getUsername(), tenant, deleted.getStatus());
                }
            }
            try (Response deleted = organization.delete()) {
                if (deleted.getStatus() != 204 && deleted.getStatus() != 404) {
                    throw new StepFailedException(
                            "Keycloak refused to delete organization " + tenant + ": HTTP " + deleted.getStatus(),
                            false);
                }
            }
        } catch (WebApplicationException | ProcessingException e) {
            throw new StepFailedException("Keycloak: " + e.getMessage(), e);
        }
    }

    /** The organization made for the tenant, if any. */
    @ActivateRequestContext
    public Optional<OrganizationRepresentation> find(TenantId tenant) {
        return find(keycloak.realm(realmName), tenant);
    }

    private static Optional<OrganizationRepresentation> find(RealmResource realm, TenantId tenant) {
        return realm.organizations().searchByAttribute(TENANT_ATTRIBUTE + ":" + tenant.value()).stream()
                .filter(o -> tenant.value().equals(o.getAlias()))
                .findFirst();
    }

    private static String ensureOrganization(RealmResource realm, TenantId tenant, String displayName) {
        Optional<OrganizationRepresentation> existing = find(realm, tenant);
        if (existing.isPresent()) {
            return existing.get().getId();
        }
        Optional<String> created = create(realm, tenant, displayName);
        if (created.isPresent()) {
            return created.get();
        }
        Optional<OrganizationRepresentation> raced = find(realm, tenant);
        if (raced.isPresent()) {
            return raced.get().getId();
        }
        // Keycloak wants organization names unique, tenants' display names need not be (two SMEs
        // may trade under the same name): the second one's organization carries the tenant id too.
        return create(realm, tenant, uniqueName(displayName, tenant))
                .orElseThrow(() -> new StepFailedException(
                        "Keycloak already has an organization with alias '" + tenant + "' or name '"
                                + uniqueName(displayName, tenant) + "' that was not made for this tenant",
                        true));
    }

    /** The organization name used when the display name is taken by another tenant's organization. */
    static String uniqueName(String displayName, TenantId tenant) {
        return displayName + " (" + tenant.value() + ")";
    }

    /** The new organization's id, or empty when Keycloak has the name or alias already (409). */
    private static Optional<String> create(RealmResource realm, TenantId tenant, String name) {
        OrganizationRepresentation organization = new OrganizationRepresentation();
        organization.setAlias(tenant.value());
        organization.setName(name);
        organization.setEnabled(true);
        organization.setDescription("SOCaaS tenant " + tenant.value());
        organization.setAttributes(Map.of(TENANT_ATTRIBUTE, List.of(tenant.value())));
        try (Response created = realm.organizations().create(organization)) {
            if (created.getStatus() == 201) {
                return Optional.of(CreatedResponseUtil.getCreatedId(created));
            }
            if (created.getStatus() == 409) {
                return Optional.empty();
            }
            String body = created.hasEntity() ? created.readEntity(String.class) : "";
            throw new StepFailedException(
                    "Keycloak refused the organization: HTTP " + created.getStatus() + " " + body, false);
        }
    }

    private static String ensureAdmin(
            RealmResource realm, OrganizationResource organization, TenantId tenant, String email) {
        List<UserRepresentation> sameEmail = realm.users().searchByEmail(email, true);
        if (!sameEmail.isEmpty()) {
            UserRepresentation user = sameEmail.getFirst();
            boolean member = organization.members().getAll().stream()
                    .anyMatch(m -> m.getId().equals(user.getId()));
            if (!member) {
                throw new StepFailedException(
                        "a Keycloak user with e-mail " + email + " already exists and is not a member of organization '"
                                + tenant + "'; delete that user or onboard with another contact e-mail, then retry",
                        true);
            }
            return user.getId();
        }
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setEnabled(true);
        user.setRequiredActions(List.of("UPDATE_PASSWORD"));
        try (Response created = realm.users().create(user)) {
            if (created.getStatus() != 201) {
                String body = created.hasEntity() ? created.readEntity(String.class) : "";
                throw new StepFailedException(
                        "Keycloak refused the user " + email + ": HTTP " + created.getStatus() + " " + body,
                        created.getStatus() == 409);
            }
            String userId = CreatedResponseUtil.getCreatedId(created);
            // member at once: a retry recognises its own user by the membership
            try (Response added = organization.members().addMember(userId)) {
                if (added.getStatus() >= 300 && added.getStatus() != 409) {
                    throw new StepFailedException(
                            "Keycloak refused the membership of " + email + ": HTTP " + added.getStatus(), false);
                }
            }
            return userId;
        }
    }

    private String newPassword() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return PASSWORD_ENCODING.encodeToString(bytes);
    }
}
