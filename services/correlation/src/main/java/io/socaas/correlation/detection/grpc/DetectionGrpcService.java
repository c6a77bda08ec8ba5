package io.socaas.correlation.detection.grpc;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.socaas.access.OrganizationClaim;
import io.socaas.access.TenantReadAccess;
import io.socaas.proto.detection.v1.DetectionService;
import io.socaas.proto.detection.v1.ListRulesRequest;
import io.socaas.proto.detection.v1.ListRulesResponse;
import io.socaas.proto.detection.v1.TestRuleRequest;
import io.socaas.proto.detection.v1.TestRuleResponse;
import io.socaas.proto.detection.v1.ValidateRuleRequest;
import io.socaas.proto.detection.v1.ValidateRuleResponse;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code socaas.detection.v1.DetectionService} on the HTTP port: validate and test a Sigma rule, list
 * a tenant's rules. Only delegates ({@link DetectionRequests}); failures become gRPC statuses in
 * {@link GrpcStatusMapper}. Rule checks and tests parse and match (CPU work), so they run on worker
 * threads, not on the event loop.
 *
 * <p>Callers present a bearer token of the realm (a signed-in user's, forwarded by the portal): MSSP
 * staff and customer admins may check and try rules (no tenant data is read); a tenant's rule list
 * is for MSSP staff and that tenant's own users. No token is UNAUTHENTICATED, anything else outside
 * these PERMISSION_DENIED.
 */
@GrpcService
public class DetectionGrpcService implements DetectionService {

    private static final TenantReadAccess RULE_READERS =
            new TenantReadAccess(java.util.Set.of("analyst", "soc-manager", "mssp-admin"));

    private final DetectionRequests requests;
    private final CurrentIdentityAssociation identities;

    DetectionGrpcService(DetectionRequests requests, CurrentIdentityAssociation identities) {
        this.requests = requests;
        this.identities = identities;
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
        // the identity is resolved lazily (proactive authentication is off): never block for it
        return identities.getDeferredIdentity().chain(identity -> {
            List<String> organizations = identity.getPrincipal() instanceof JsonWebToken jwt
                    ? OrganizationClaim.aliases(jwt.getClaim(OrganizationClaim.NAME))
                    : List.of();
            if (!RULE_READERS.mayRead(identity.getRoles(), organizations, request.getTenantId())) {
                return Uni.createFrom()
                        .failure(Status.PERMISSION_DENIED
                                .withDescription("you may not read the rules of tenant " + request.getTenantId())
                                .asRuntimeException());
            }
            return Uni.createFrom().item(() -> requests.list(request));
        });
    }
}
