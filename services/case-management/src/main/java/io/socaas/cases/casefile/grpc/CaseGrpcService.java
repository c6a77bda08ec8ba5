package io.socaas.cases.casefile.grpc;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import io.socaas.cases.casefile.domain.CaseAccessPolicy;
import io.socaas.cases.casefile.domain.CaseCursor;
import io.socaas.cases.casefile.domain.CaseFile;
import io.socaas.cases.casefile.domain.CaseFileService;
import io.socaas.cases.casefile.domain.CaseStatus;
import io.socaas.cases.casefile.domain.InvalidCaseQueryException;
import io.socaas.cases.casefile.domain.TenantScope;
import io.socaas.cases.casefile.wire.CaseStatusWire;
import io.socaas.proto.cases.v1.Case;
import io.socaas.proto.cases.v1.GetCaseRequest;
import io.socaas.proto.cases.v1.ListCasesRequest;
import io.socaas.proto.cases.v1.ListCasesResponse;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import org.jboss.logging.MDC;

/** gRPC {@code socaas.cases.v1.CaseService}: tenant-scoped reads of cases for other services. */
@GrpcService
public class CaseGrpcService implements io.socaas.proto.cases.v1.CaseService {

    private static final String MDC_TENANT = "tenant";

    private final CaseFileService cases;

    public CaseGrpcService(CaseFileService cases) {
        this.cases = cases;
    }

    @Override
    public Uni<Case> getCase(GetCaseRequest request) {
        return scoped(
                request.getTenantId(),
                scope -> cases.get(scope, request.getCaseId()).map(CaseGrpcService::toProto));
    }

    @Override
    public Uni<ListCasesResponse> listCases(ListCasesRequest request) {
        return scoped(
                request.getTenantId(),
                scope -> cases.page(scope, statuses(request), request.getLimit(), request.getPageToken())
                        .map(page -> ListCasesResponse.newBuilder()
                                .addAllCases(page.cases().stream()
                                        .map(CaseGrpcService::toProto)
                                        .toList())
                                .setNextPageToken(
                                        page.next().map(CaseCursor::token).orElse(""))
                                .build()));
    }

    private static <T> Uni<T> scoped(String tenantId, Function<TenantScope, Uni<T>> work) {
        return Uni.createFrom()
                .deferred(() -> {
                    TenantScope scope = CaseAccessPolicy.requiredTenant(tenantId);
                    MDC.put(MDC_TENANT, tenantId);
                    return work.apply(scope);
                })
                .onFailure()
                .transform(GrpcStatusMapper::toStatus)
                .eventually(() -> MDC.remove(MDC_TENANT));
    }

    private static Set<CaseStatus> statuses(ListCasesRequest request) {
        Set<CaseStatus> statuses = EnumSet.noneOf(CaseStatus.class);
        for (var status : request.getStatusesList()) {
            statuses.add(CaseStatusWire.fromWire(status)
                    .orElseThrow(() -> new InvalidCaseQueryException("statuses must name a case status")));
        }
        return statuses;
    }

    static Case toProto(CaseFile caseFile) {
        return Case.newBuilder()
                .setCaseId(caseFile.id().toString())
                .setTenantId(caseFile.tenantId().value())
                .setTitle(caseFile.title())
                .setSeverity(caseFile.severity().wireName())
                .setStatus(CaseStatusWire.toWire(caseFile.status()))
                .setRuleId(caseFile.rule().id())
                .setRuleAuthor(caseFile.rule().author())
                .setAlertCount(caseFile.alertCount())
                .setCreatedTime(DateTimeFormatter.ISO_INSTANT.format(
                        caseFile.createdAt().truncatedTo(ChronoUnit.MILLIS)))
                .setUpdatedTime(DateTimeFormatter.ISO_INSTANT.format(
                        caseFile.updatedAt().truncatedTo(ChronoUnit.MILLIS)))
                .setSummary(caseFile.summary())
                .addAllEventIngestIds(caseFile.eventIngestIds())
                .build();
    }
}
