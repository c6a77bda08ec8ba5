package io.socaas.cases.casefile;

import io.socaas.cases.casefile.domain.CaseFilePolicy;
import io.socaas.cases.casefile.domain.CaseFileRepository;
import io.socaas.cases.casefile.domain.CaseFileService;
import io.socaas.cases.casefile.domain.KnownTenants;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.tenantfacts.TenantFactsReader;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the framework-free case file domain into CDI. */
public class CaseFileBeans {

    @Produces
    @Singleton
    CaseFileService caseFileService(CaseFileRepository repository, CaseFileConfig config, KnownTenants known) {
        CaseFilePolicy policy = new CaseFilePolicy(
                config.query().defaultLimit(),
                config.query().maxLimit(),
                config.intake().conflictRetries());
        return new CaseFileService(repository, policy, Clock.systemUTC(), known);
    }

    /**
     * Which tenants exist (those in the tenant facts; any, until the facts are read to the end) and
     * which are suspended.
     */
    @Produces
    @Singleton
    KnownTenants knownTenants(TenantFactsReader<TenantConfig> facts) {
        return new KnownTenants() {
            @Override
            public boolean mayExist(io.socaas.events.TenantId tenant) {
                return !facts.isCaughtUp() || facts.get(tenant).isPresent();
            }

            @Override
            public boolean isSuspended(io.socaas.events.TenantId tenant) {
                return facts.get(tenant)
                        .map(config ->
                                config.getStatus() == io.socaas.proto.tenant.v1.TenantStatus.TENANT_STATUS_SUSPENDED)
                        .orElse(false);
            }
        };
    }
}
