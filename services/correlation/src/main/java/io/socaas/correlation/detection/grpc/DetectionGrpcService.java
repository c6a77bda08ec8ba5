package io.socaas.correlation.detection.grpc;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.socaas.access.TenantReadAccess;
import io.socaas.audittrail.GrpcAudit;
import io.socaas.entitlements.CallerTenants;
import io.socaas.proto.detection.v1.BacktestRequest;
import io.socaas.proto.detection.v1.BacktestResponse;
import io.socaas.proto.detection.v1.DetectionService;
import io.socaas.proto.detection.v1.DetectionServiceGrpc;
import io.socaas.proto.detection.v1.ListIntelRequest;
import io.socaas.proto.detection.v1.ListIntelResponse;
import io.socaas.proto.detection.v1.ListRulesRequest;
import io.socaas.proto.detection.v1.ListRulesResponse;
import io.socaas.proto.detection.v1.TestRuleRequest;
import io.socaas.proto.detection.v1.TestRuleResponse;
import io.socaas.proto.detection.v1.UploadIntelRequest;
import io.socaas.proto.detection.v1.UploadIntelResponse;
import io.socaas.proto.detection.v1.ValidateRuleRequest;
import io.socaas.proto.detection.v1.ValidateRuleResponse;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code socaas.detection.v1.DetectionService} on the HTTP port: validate and test a Sigma rule, list
 * a tenant's rules. Only delegates ({@link DetectionRequests}); failures become gRPC statuses in
 * {@link GrpcStatusMapper}. Rule checks and tests parse and match (CPU work), so they run on worker
 * threads, not on the event loop.
 *
 * <p>Callers present a bearer token of the realm (a signed-in user's, forwarded by the portal): MSSP
 * staff and customer admins may check and try rules (no tenant data is read); a tenant's rule list,
 * a backtest over its stored events and its threat intelligence are for SOC managers, MSSP admins,
 * the analysts entitled to the tenant (case-management's published entitlements) and that tenant's
 * own users. No token is UNAUTHENTICATED, anything else outside
 * these PERMISSION_DENIED.
 */
@GrpcService
public class DetectionGrpcService implements DetectionService {

    /**
     * Who may read a tenant's rules, events and threat intelligence, and write the latter: SOC
     * managers and MSSP admins every tenant, an analyst the tenants of its entitlement, a customer
     * its own organization's tenant (customer-viewers may not write: {@code @RolesAllowed}).
     */
    private static final TenantReadAccess TENANT_ACCESS = new TenantReadAccess(TenantReadAccess.EVERY_TENANT_ROLES);

    private final DetectionRequests requests;
    private final IntelRequests intel;
    private final CurrentIdentityAssociation identities;
    private final CallerTenants callers;

    private final GrpcAudit audit;

    DetectionGrpcService(
            DetectionRequests requests,
            IntelRequests intel,
            CurrentIdentityAssociation identities,
            CallerTenants callers,
            GrpcAudit audit) {
        this.audit = audit;
        this.requests = requests;
        this.intel = intel;
        this.identities = identities;
        this.callers = callers;
    }

    @Override
    @Blocking
    @RolesAllowed({"analyst", "soc-manager", "mssp-admin", "customer-admin"})
    public Uni<ValidateRuleResponse> validateRule(ValidateRuleRequest request) {
        return Uni.createFrom().item(() -> requests.validate(request));
    }

    @Override
    @Blocking
    @RolesAllowed({"analyst", "soc-manager", "mssp-admin", "customer-admin"})
    public Uni<TestRuleResponse> testRule(TestRuleRequest request) {
        return Uni.createFrom().item(() -> requests.test(request));
    }

    @Override
    @Authenticated
    public Uni<ListRulesResponse> listRules(ListRulesRequest request) {
        return whenMayRead(request.getTenantId(), "the rules")
                .chain(() -> Uni.createFrom().item(() -> requests.list(request)));
    }

    @Override
    @Authenticated
    public Uni<BacktestResponse> backtest(BacktestRequest request) {
        // reads OpenSearch and matches many events: on a worker thread, never on the event loop
        return whenMayRead(request.getTenantId(), "the events")
                .chain(() -> Uni.createFrom()
                        .item(() -> requests.backtest(request))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    /** Fails PERMISSION_DENIED unless the caller may read {@code what} of the tenant. */
    private Uni<Void> whenMayRead(String tenantId, String what) {
        // the identity is resolved lazily (proactive authentication is off): never block for it
        return identities.getDeferredIdentity().chain(identity -> {
            if (!callers.mayRead(identity, TENANT_ACCESS, tenantId)) {
                return Uni.createFrom()
                        .failure(Status.PERMISSION_DENIED
                                .withDescription("you may not read " + what + " of tenant " + tenantId)
                                .asRuntimeException());
            }
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * SOC managers and MSSP admins for any tenant, an analyst for the tenants of its entitlement, a
     * customer-admin for its own organization's tenant; a customer-viewer may not.
     */
    @Override
    @RolesAllowed({"analyst", "soc-manager", "mssp-admin", "customer-admin"})
    public Uni<UploadIntelResponse> uploadIntel(UploadIntelRequest request) {
        // a change of the tenant's intelligence: on the audit trail, refused or not (the list's
        // size and outcome after it; the indicators themselves are the tenant's data, not audit)
        return audit.call(
                DetectionServiceGrpc.getUploadIntelMethod().getFullMethodName(),
                request.getTenantId(),
                "intel list " + request.getListName() + " (" + request.getFormat() + ", "
                        + request.getContent().size() + " bytes)",
                () -> upload(request),
                answer -> java.util.Map.of(
                        "list_name", request.getListName(),
                        "indicator_count", answer.getIndicatorCount(),
                        "skipped_count", answer.getSkippedCount(),
                        "problems", answer.getProblemsCount()));
    }

    private Uni<UploadIntelResponse> upload(UploadIntelRequest request) {
        return identities.getDeferredIdentity().chain(identity -> {
            JsonWebToken jwt = identity.getPrincipal() instanceof JsonWebToken token ? token : null;
            if (!callers.mayRead(identity, TENANT_ACCESS, request.getTenantId())) {
                return Uni.createFrom()
                        .failure(Status.PERMISSION_DENIED
                                .withDescription(
                                        "you may not change the threat intelligence of tenant " + request.getTenantId())
                                .asRuntimeException());
            }
            String who = jwt != null && jwt.getClaim("preferred_username") != null
                    ? jwt.<Object>getClaim("preferred_username").toString()
                    : identity.getPrincipal().getName();
            // parsing a document of megabytes is CPU work: off the event loop
            return Uni.createFrom()
                    .item(() -> request)
                    .emitOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool())
                    .chain(r -> intel.upload(r, who));
        });
    }

    /** SOC managers, MSSP admins, entitled analysts and the tenant's own users. */
    @Override
    @Authenticated
    public Uni<ListIntelResponse> listIntel(ListIntelRequest request) {
        return identities.getDeferredIdentity().chain(identity -> {
            if (!callers.mayRead(identity, TENANT_ACCESS, request.getTenantId())) {
                return Uni.createFrom()
                        .failure(Status.PERMISSION_DENIED
                                .withDescription(
                                        "you may not read the threat intelligence of tenant " + request.getTenantId())
                                .asRuntimeException());
            }
            return Uni.createFrom().item(() -> intel.list(request));
        });
    }
}
