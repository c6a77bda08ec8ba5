package io.socaas.cases.casefile.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.socaas.cases.analysts.domain.AnalystProfile;
import io.socaas.cases.analysts.persistence.AnalystRepository;
import io.socaas.cases.casefile.domain.Caller;
import io.socaas.cases.casefile.domain.CaseAccessPolicy;
import io.socaas.cases.casefile.domain.CaseAccessPolicy.Entitlement;
import io.socaas.cases.casefile.domain.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The tenants a request may see: {@link CaseAccessPolicy} applied to the caller of the token, with
 * the analyst's entitlement read from its profile. Every REST read and command goes through here.
 */
@ApplicationScoped
public class CallerScopes {

    private final AnalystRepository analysts;

    @Inject
    public CallerScopes(AnalystRepository analysts) {
        this.analysts = analysts;
    }

    /** The caller's scope, narrowed to {@code requestedTenant} when one is named. */
    public Uni<TenantScope> of(SecurityIdentity identity, Optional<String> requestedTenant) {
        return Uni.createFrom().deferred(() -> {
            Caller caller = CallerFromToken.of(identity);
            if (!CaseAccessPolicy.needsEntitlement(caller)) {
                return Uni.createFrom().item(CaseAccessPolicy.scopeFor(caller, requestedTenant, Optional.empty()));
            }
            return analysts.find(caller.username())
                    .map(profile ->
                            CaseAccessPolicy.scopeFor(caller, requestedTenant, profile.map(CallerScopes::entitlement)));
        });
    }

    /** The caller's user name ({@code preferred_username}). */
    public static String username(SecurityIdentity identity) {
        return CallerFromToken.of(identity).username();
    }

    static Entitlement entitlement(AnalystProfile profile) {
        return profile.allTenants() ? Entitlement.all() : Entitlement.only(profile.tenants());
    }
}
