package io.socaas.correlation.detection.grpc;

import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.socaas.proto.detection.v1.DetectionService;
import io.socaas.proto.detection.v1.ListRulesRequest;
import io.socaas.proto.detection.v1.ListRulesResponse;
import io.socaas.proto.detection.v1.TestRuleRequest;
import io.socaas.proto.detection.v1.TestRuleResponse;
import io.socaas.proto.detection.v1.ValidateRuleRequest;
import io.socaas.proto.detection.v1.ValidateRuleResponse;

/**
 * {@code socaas.detection.v1.DetectionService} on the HTTP port: validate and test a Sigma rule, list
 * a tenant's rules. Only delegates ({@link DetectionRequests}); failures become gRPC statuses in
 * {@link GrpcStatusMapper}. Rule checks and tests parse and match (CPU work), so they run on worker
 * threads, not on the event loop.
 */
@GrpcService
public class DetectionGrpcService implements DetectionService {

    private final DetectionRequests requests;

    DetectionGrpcService(DetectionRequests requests) {
        this.requests = requests;
    }

    @Override
    @Blocking
    public Uni<ValidateRuleResponse> validateRule(ValidateRuleRequest request) {
        return Uni.createFrom().item(() -> requests.validate(request));
    }

    @Override
    @Blocking
    public Uni<TestRuleResponse> testRule(TestRuleRequest request) {
        return Uni.createFrom().item(() -> requests.test(request));
    }

    @Override
    public Uni<ListRulesResponse> listRules(ListRulesRequest request) {
        return Uni.createFrom().item(() -> requests.list(request));
    }
}
