package io.socaas.reporting.portal.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.socaas.events.TenantId;
import io.socaas.proto.cases.v1.Case;
import io.socaas.proto.cases.v1.CaseServiceGrpc;
import io.socaas.proto.cases.v1.GetSlaStatsRequest;
import io.socaas.proto.cases.v1.ListCasesRequest;
import io.socaas.proto.cases.v1.SlaStats;
import io.socaas.reporting.portal.PortalConfig;
import io.socaas.reporting.portal.domain.CaseDirectory;
import io.socaas.reporting.portal.domain.CaseStatus;
import io.socaas.reporting.portal.domain.CaseSummary;
import io.socaas.reporting.portal.domain.CasesUnavailableException;
import io.socaas.reporting.portal.domain.Severity;
import io.socaas.reporting.portal.domain.SlaFigures;
import io.socaas.reporting.portal.domain.SlaPeriod;
import io.socaas.reporting.portal.domain.SlaStatistics;
import io.socaas.reporting.portal.domain.TenantAccessRefusedException;
import io.socaas.reporting.portal.domain.TenantScope;
import io.socaas.serviceidentity.UserToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Reads cases and SLA figures from case-management over gRPC (socaas.cases.v1.CaseService), for the signed-in
 * viewer: every call carries the viewer's own access token, so case-management applies the viewer's
 * roles, organization and analyst entitlement, whatever tenant the portal asks for.
 */
@ApplicationScoped
public class GrpcCaseDirectory implements CaseDirectory, SlaStatistics {

    private static final Logger LOG = Logger.getLogger(GrpcCaseDirectory.class);
    private static final int MAX_LIMIT = 500;

    private final CaseServiceGrpc.CaseServiceBlockingStub stub;
    private final PortalConfig config;
    private final MeterRegistry meters;
    private final SecurityIdentity viewer;

    public GrpcCaseDirectory(
            @GrpcClient("cases") CaseServiceGrpc.CaseServiceBlockingStub stub,
            PortalConfig config,
            MeterRegistry meters,
            SecurityIdentity viewer) {
        this.stub = stub;
        this.config = config;
        this.meters = meters;
        this.viewer = viewer;
    }

    /** The stub, carrying the viewer's access token (bearer token or the session's token). */
    private CaseServiceGrpc.CaseServiceBlockingStub forViewer() {
        AccessTokenCredential token = viewer.getCredential(AccessTokenCredential.class);
        if (token == null || token.getToken() == null || token.getToken().isBlank()) {
            throw new CasesUnavailableException("no access token of the signed-in viewer to read cases with", null);
        }
        return stub.withInterceptors(UserToken.bearer(token.getToken()));
    }

    @Override
    public List<CaseSummary> openCases(TenantId tenant, int limit) {
        ListCasesRequest request = ListCasesRequest.newBuilder()
                .setTenantId(tenant.value())
                .addStatuses(io.socaas.proto.cases.v1.CaseStatus.CASE_STATUS_OPEN)
                .addStatuses(io.socaas.proto.cases.v1.CaseStatus.CASE_STATUS_ACKNOWLEDGED)
                .addStatuses(io.socaas.proto.cases.v1.CaseStatus.CASE_STATUS_IN_PROGRESS)
                .addStatuses(io.socaas.proto.cases.v1.CaseStatus.CASE_STATUS_WAITING_ON_CUSTOMER)
                .addStatuses(io.socaas.proto.cases.v1.CaseStatus.CASE_STATUS_RESOLVED)
                .setLimit(Math.max(1, Math.min(limit, MAX_LIMIT)))
                .build();
        try {
            return forViewer()
                    .withDeadlineAfter(config.portal().caseServiceTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .listCases(request)
                    .getCasesList()
                    .stream()
                    .filter(c -> belongsTo(c, tenant))
                    .map(GrpcCaseDirectory::toSummary)
                    .toList();
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                // A tenant case-management has not seen yet has no cases.
                countFailure(e);
                return List.of();
            }
            throw translated(e, tenant);
        }
    }

    @Override
    public SlaFigures slaFigures(TenantId tenant, SlaPeriod period) {
        GetSlaStatsRequest request = GetSlaStatsRequest.newBuilder()
                .setTenantId(tenant.value())
                .setFromMs(period.from().toEpochMilli())
                .setToMs(period.to().toEpochMilli())
                .build();
        SlaStats stats;
        try {
            stats = forViewer()
                    .withDeadlineAfter(config.portal().caseServiceTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .getSlaStats(request);
        } catch (StatusRuntimeException e) {
            throw translated(e, tenant);
        }
        if (!stats.getTenantId().isEmpty() && !stats.getTenantId().equals(tenant.value())) {
            // never show another tenant's figures, even if the case service sent them
            throw new CasesUnavailableException(
                    "case service returned SLA figures of another tenant for " + tenant.value(), null);
        }
        return new SlaFigures(
                tenant,
                period,
                stats.getCasesOpened(),
                stats.getCasesAcknowledged(),
                stats.getCasesResolved(),
                stats.getCasesBreached(),
                stats.getCasesAcknowledged() > 0
                        ? Optional.of(Duration.ofSeconds(stats.getMttaSeconds()))
                        : Optional.empty(),
                stats.getCasesResolved() > 0
                        ? Optional.of(Duration.ofSeconds(stats.getMttrSeconds()))
                        : Optional.empty(),
                stats.getCompliancePercent());
    }

    /**
     * case-management's refusal of the viewer (PERMISSION_DENIED) is the portal's NOT_ENTITLED
     * refusal; any other failure means cases are unavailable.
     */
    private RuntimeException translated(StatusRuntimeException e, TenantId tenant) {
        Status.Code code = countFailure(e);
        if (code == Status.Code.PERMISSION_DENIED) {
            return new TenantAccessRefusedException(new TenantScope.Refused(
                    TenantScope.Reason.NOT_ENTITLED,
                    "you may not read the cases of tenant " + tenant.value() + ": "
                            + e.getStatus().getDescription()));
        }
        return new CasesUnavailableException("case service answered " + code, e);
    }

    private Status.Code countFailure(StatusRuntimeException e) {
        Status.Code code = e.getStatus().getCode();
        meters.counter("socaas.portal.case.service.failures", "code", code.name())
                .increment();
        return code;
    }

    private static boolean belongsTo(Case c, TenantId tenant) {
        if (tenant.value().equals(c.getTenantId())) {
            return true;
        }
        LOG.warnf("case service returned case %s of another tenant; dropped", c.getCaseId());
        return false;
    }

    static CaseSummary toSummary(Case c) {
        return new CaseSummary(
                c.getCaseId(),
                TenantId.of(c.getTenantId()),
                c.getTitle(),
                Severity.parse(c.getSeverity()),
                status(c.getStatus()),
                c.getRuleId(),
                c.getRuleAuthor(),
                c.getAlertCount(),
                parseTime(c.getCreatedTime()),
                c.getCreatedTime(),
                c.getSummary());
    }

    private static CaseStatus status(io.socaas.proto.cases.v1.CaseStatus status) {
        return switch (status) {
            case CASE_STATUS_OPEN -> CaseStatus.OPEN;
            case CASE_STATUS_ACKNOWLEDGED -> CaseStatus.ACKNOWLEDGED;
            case CASE_STATUS_IN_PROGRESS -> CaseStatus.IN_PROGRESS;
            case CASE_STATUS_WAITING_ON_CUSTOMER -> CaseStatus.WAITING_ON_CUSTOMER;
            case CASE_STATUS_RESOLVED -> CaseStatus.RESOLVED;
            case CASE_STATUS_CLOSED -> CaseStatus.CLOSED;
            case CASE_STATUS_MERGED -> CaseStatus.MERGED;
            default -> CaseStatus.UNKNOWN;
        };
    }

    private static Optional<Instant> parseTime(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            LOG.debugf("unreadable case time '%s'", text);
            return Optional.empty();
        }
    }
}
