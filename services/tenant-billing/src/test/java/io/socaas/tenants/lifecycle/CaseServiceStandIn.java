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
 * case-management's CaseService as the tests see it: every tenant has one open case. Served by the
 * test application on its own port, where the test profile points the {@code case-service} client.
 */
@GrpcService
public class CaseServiceStandIn implements CaseService {

    @Override
    public Uni<Case> getCase(GetCaseRequest request) {
        return Uni.createFrom().item(caseOf(request.getTenantId()));
    }

    @Override
    public Uni<ListCasesResponse> listCases(ListCasesRequest request) {
        return Uni.createFrom()
                .item(ListCasesResponse.newBuilder()
                        .addCases(caseOf(request.getTenantId()))
                        .build());
    }

    static Case caseOf(String tenant) {
        return Case.newBuilder()
                .setCaseId("case-of-" + tenant)
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
