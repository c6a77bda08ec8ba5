package io.socaas.cases.casefile.grpc;

import io.quarkus.grpc.GrpcService;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.socaas.audittrail.GrpcAudit;
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
import io.socaas.cases.casefile.rest.CallerScopes;
import io.socaas.cases.casefile.rest.CaseJson;
import io.socaas.cases.casefile.wire.CaseStatusWire;
import io.socaas.proto.cases.v1.Case;
import io.socaas.proto.cases.v1.CaseServiceGrpc;
import io.socaas.proto.cases.v1.CustomerMessage;
import io.socaas.proto.cases.v1.GetCaseRequest;
import io.socaas.proto.cases.v1.GetSlaStatsRequest;
import io.socaas.proto.cases.v1.ListCasesRequest;
import io.socaas.proto.cases.v1.ListCasesResponse;
import io.socaas.proto.cases.v1.SlaStats;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jboss.logging.MDC;

/**
 * gRPC {@code socaas.cases.v1.CaseService}: tenant-scoped reads of cases for other services. The
 * call's bearer token decides, never the request's {@code tenant_id} alone: a user's token (the
 * portal acting for its signed-in user) is scoped by {@link CaseAccessPolicy} as on the REST API;
 * a platform service's token reads any tenant only with {@value #SERVICE_READER}.
 */
@GrpcService
@Authenticated
public class CaseGrpcService implements io.socaas.proto.cases.v1.CaseService {

    /** Realm role of a platform service that reads any tenant's cases (tenant-billing's export). */
    static final String SERVICE_READER = "svc-case-reader";

    private static final String MDC_TENANT = "tenant";

    private final CaseFileService cases;
    private final CallerScopes scopes;
    private final CurrentIdentityAssociation identities;

    private final GrpcAudit audit;

    public CaseGrpcService(
            CaseFileService cases, CallerScopes scopes, CurrentIdentityAssociation identities, GrpcAudit audit) {
        this.audit = audit;
        this.cases = cases;
        this.scopes = scopes;
        this.identities = identities;
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

    private <T> Uni<T> scoped(String tenantId, Function<TenantScope, Uni<T>> work) {
        return scoped(tenantId, (scope, identity) -> work.apply(scope));
    }

    private <T> Uni<T> scoped(
            String tenantId, java.util.function.BiFunction<TenantScope, SecurityIdentity, Uni<T>> work) {
        return Uni.createFrom()
                .deferred(() -> {
                    TenantScope requested = CaseAccessPolicy.requiredTenant(tenantId);
                    MDC.put(MDC_TENANT, tenantId);
                    // the identity is resolved lazily (proactive authentication is off): never block for it
                    return identities
                            .getDeferredIdentity()
                            .chain(identity -> callerScope(identity, requested, tenantId)
                                    .chain(scope -> work.apply(scope, identity)));
                })
                .onFailure()
                .transform(GrpcStatusMapper::toStatus)
                .eventually(() -> MDC.remove(MDC_TENANT));
    }

    /**
     * The one tenant the caller may read here: the requested tenant for a platform service with
     * {@value #SERVICE_READER}; for a user, the caller's scope narrowed to the requested tenant
     * ({@link CaseAccessPolicy}: PERMISSION_DENIED outside it).
     */
    private Uni<TenantScope> callerScope(SecurityIdentity identity, TenantScope requested, String tenantId) {
        if (identity.hasRole(SERVICE_READER)) {
            return Uni.createFrom().item(requested);
        }
        return scopes.of(identity, Optional.of(tenantId));
    }

    @Override
    @RolesAllowed({"customer-admin", "customer-viewer"})
    public Uni<Case> addCustomerComment(CustomerMessage request) {
        return customer(
                CaseServiceGrpc.getAddCustomerCommentMethod().getFullMethodName(),
                request,
                () -> new CaseCommand.Comment(request.getText(), CaseCommand.Visibility.CUSTOMER));
    }

    @Override
    @RolesAllowed({"customer-admin", "customer-viewer"})
    public Uni<Case> answerCustomerRequest(CustomerMessage request) {
        return customer(
                CaseServiceGrpc.getAnswerCustomerRequestMethod().getFullMethodName(),
                request,
                () -> new CaseCommand.CustomerAnswered(request.getText()));
    }

    /** A customer's message on a case: a mutation, so it is on the audit trail, refused or not. */
    private Uni<Case> customer(
            String method, CustomerMessage request, java.util.function.Supplier<CaseCommand> command) {
        return audit.<io.socaas.cases.casefile.domain.CaseChange>call(
                        method,
                        request.getTenantId(),
                        "case " + request.getCaseId(),
                        () -> scoped(
                                request.getTenantId(),
                                (scope, identity) -> cases.executeForCustomer(
                                        scope,
                                        request.getCaseId(),
                                        command.get(),
                                        "customer " + CallerScopes.username(identity))),
                        change -> change.before() == null ? null : CaseJson.from(change.before()),
                        change -> CaseJson.from(change.after()))
                .map(change -> toProto(change.after()));
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
