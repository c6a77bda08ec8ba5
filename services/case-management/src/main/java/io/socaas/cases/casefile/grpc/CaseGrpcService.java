package io.socaas.cases.casefile.grpc;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import io.socaas.cases.casefile.domain.CaseAccessPolicy;
import io.socaas.cases.casefile.domain.CaseCommand;
import io.socaas.cases.casefile.domain.CaseCursor;
import io.socaas.cases.casefile.domain.CaseFile;
import io.socaas.cases.casefile.domain.CaseFileService;
import io.socaas.cases.casefile.domain.CaseQuery;
import io.socaas.cases.casefile.domain.CaseStatus;
import io.socaas.cases.casefile.domain.InvalidCaseQueryException;
import io.socaas.cases.casefile.domain.Severity;
import io.socaas.cases.casefile.domain.TenantScope;
import io.socaas.cases.casefile.wire.CaseStatusWire;
import io.socaas.proto.cases.v1.Case;
import io.socaas.proto.cases.v1.CustomerMessage;
import io.socaas.proto.cases.v1.GetCaseRequest;
import io.socaas.proto.cases.v1.GetSlaStatsRequest;
import io.socaas.proto.cases.v1.ListCasesRequest;
import io.socaas.proto.cases.v1.ListCasesResponse;
import io.socaas.proto.cases.v1.SlaStats;
import java.time.Instant;
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
                scope -> cases.page(query(scope, request), request.getLimit(), request.getPageToken())
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

    @Override
    public Uni<Case> addCustomerComment(CustomerMessage request) {
        return customer(request, () -> new CaseCommand.Comment(request.getText(), CaseCommand.Visibility.CUSTOMER));
    }

    @Override
    public Uni<Case> answerCustomerRequest(CustomerMessage request) {
        return customer(request, () -> new CaseCommand.CustomerAnswered(request.getText()));
    }

    private Uni<Case> customer(CustomerMessage request, java.util.function.Supplier<CaseCommand> command) {
        return scoped(request.getTenantId(), scope -> {
            if (request.getAuthor().isBlank()) {
                throw new InvalidCaseQueryException("author is required");
            }
            return cases.execute(
                            scope,
                            request.getCaseId(),
                            java.util.OptionalLong.empty(),
                            command.get(),
                            "customer " + request.getAuthor())
                    .map(CaseGrpcService::toProto);
        });
    }

    @Override
    public Uni<SlaStats> getSlaStats(GetSlaStatsRequest request) {
        return scoped(
                request.getTenantId(),
                scope -> cases.slaStats(
                                ((TenantScope.OneTenant) scope).tenant(),
                                Instant.ofEpochMilli(request.getFromMs()),
                                Instant.ofEpochMilli(request.getToMs()))
                        .map(figures -> SlaStats.newBuilder()
                                .setTenantId(request.getTenantId())
                                .setCasesOpened(figures.opened())
                                .setCasesAcknowledged(figures.acknowledged())
                                .setCasesResolved(figures.resolved())
                                .setMttaSeconds(figures.mtta().toSeconds())
                                .setMttrSeconds(figures.mttr().toSeconds())
                                .setCasesBreached(figures.breached())
                                .setCompliancePercent(figures.compliancePercent())
                                .build()));
    }

    private static CaseQuery query(TenantScope scope, ListCasesRequest request) {
        Set<Severity> severities = EnumSet.noneOf(Severity.class);
        for (String severity : request.getSeveritiesList()) {
            severities.add(java.util.Arrays.stream(Severity.values())
                    .filter(s -> s.wireName().equals(severity))
                    .findFirst()
                    .orElseThrow(() -> new InvalidCaseQueryException(
                            "severities must name informational, low, medium, high or critical, not '" + severity
                                    + "'")));
        }
        return new CaseQuery(
                scope,
                statuses(request),
                1,
                java.util.Optional.empty(),
                severities,
                request.getOpenedFromMs() == 0
                        ? java.util.Optional.empty()
                        : java.util.Optional.of(Instant.ofEpochMilli(request.getOpenedFromMs())),
                request.getOpenedToMs() == 0
                        ? java.util.Optional.empty()
                        : java.util.Optional.of(Instant.ofEpochMilli(request.getOpenedToMs())));
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
