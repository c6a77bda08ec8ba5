package io.socaas.tenants.lifecycle;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import io.socaas.proto.cases.v1.Case;
import io.socaas.proto.cases.v1.CaseService;
import io.socaas.proto.cases.v1.CaseStatus;
import io.socaas.proto.cases.v1.GetCaseRequest;
import io.socaas.proto.cases.v1.ListCasesRequest;
import io.socaas.proto.cases.v1.ListCasesResponse;

/**
 * case-management's CaseService as the tests see it: every tenant has {@value #CASES} open cases,
 * listed {@value #PAGE} per page whatever the limit asked for (a server may answer fewer). Served by
 * the test application on its own port, where the test profile points the {@code case-service}
 * client.
 */
@GrpcService
@io.quarkus.grpc.RegisterInterceptor(CaseServiceStandIn.Callers.class)
public class CaseServiceStandIn implements CaseService {

    static final int CASES = 3;
    static final int PAGE = 2;

    /** The Authorization header of every call the stand-in received, most recent last. */
    static final java.util.List<String> AUTHORIZATIONS = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Records who called: the test checks tenant-billing calls with its own token. */
    @jakarta.enterprise.context.ApplicationScoped
    public static class Callers extends io.socaas.serviceidentity.testing.AuthorizationRecorder {
        @Override
        protected io.grpc.Context received(String authorization) {
            AUTHORIZATIONS.add(authorization);
            return io.grpc.Context.current();
        }
    }

    @Override
    public Uni<Case> getCase(GetCaseRequest request) {
        return Uni.createFrom().item(caseOf(request.getTenantId(), 1));
    }

    @Override
    public Uni<ListCasesResponse> listCases(ListCasesRequest request) {
        int first = request.getPageToken().isEmpty() ? 1 : Integer.parseInt(request.getPageToken());
        ListCasesResponse.Builder page = ListCasesResponse.newBuilder();
        for (int n = first; n < first + PAGE && n <= CASES; n++) {
            page.addCases(caseOf(request.getTenantId(), n));
        }
        if (first + PAGE <= CASES) {
            page.setNextPageToken(String.valueOf(first + PAGE));
        }
        return Uni.createFrom().item(page.build());
    }

    @Override
    public Uni<io.socaas.proto.cases.v1.SlaStats> getSlaStats(io.socaas.proto.cases.v1.GetSlaStatsRequest request) {
        return Uni.createFrom()
                .failure(new io.grpc.StatusRuntimeException(
                        io.grpc.Status.UNIMPLEMENTED.withDescription("not needed by tenant-billing")));
    }

    @Override
    public Uni<Case> addCustomerComment(io.socaas.proto.cases.v1.CustomerMessage request) {
        return Uni.createFrom()
                .failure(new io.grpc.StatusRuntimeException(
                        io.grpc.Status.UNIMPLEMENTED.withDescription("not needed by tenant-billing")));
    }

    @Override
    public Uni<Case> answerCustomerRequest(io.socaas.proto.cases.v1.CustomerMessage request) {
        return addCustomerComment(request);
    }

    static Case caseOf(String tenant, int n) {
        return Case.newBuilder()
                .setCaseId("case-" + n + "-of-" + tenant)
                .setTenantId(tenant)
                .setTitle("Security Privileges Enumeration Via Whoami.EXE")
                .setSeverity("high")
                .setStatus(CaseStatus.CASE_STATUS_OPEN)
                .setAlertCount(1)
                .setCreatedTime("2026-12-01T10:00:00Z")
                .setUpdatedTime("2026-12-01T10:00:00Z")
                .build();
    }
}
