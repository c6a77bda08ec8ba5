package io.socaas.reporting.portal.testing;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.socaas.proto.cases.v1.Case;
import io.socaas.proto.cases.v1.CaseServiceGrpc;
import io.socaas.proto.cases.v1.CaseStatus;
import io.socaas.proto.cases.v1.GetCaseRequest;
import io.socaas.proto.cases.v1.GetSlaStatsRequest;
import io.socaas.proto.cases.v1.ListCasesRequest;
import io.socaas.proto.cases.v1.ListCasesResponse;
import io.socaas.proto.cases.v1.SlaStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A test-scope CaseService (our own gRPC contract) standing in for case-management: a real gRPC
 * server on a free local port holding cases of acme and globex. The case ids are random per run
 * and handed to the tests as config ({@code test.cases.*}).
 */
public class FakeCaseManagement implements QuarkusTestResourceLifecycleManager {

    public static final String WHOAMI_RULE_ID = "c248c896-e412-4279-8c15-1c558067b6fa";
    public static final String WHOAMI_RULE_AUTHOR =
            "Florian Roth (Nextron Systems), Nasreddine Bencherchali (Nextron Systems)";

    /** Part of every case summary: event fields reach summaries, and an attacker controls events. */
    public static final String MARKUP_IN_SUMMARY = "<img src=x onerror=alert(1)>";

    /**
     * The user named in the token of every call received, most recent last ({@code -} for a call
     * without a token). The portal must call for its viewer, with the viewer's own token.
     */
    public static final List<String> CALLERS = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * As case-management refuses an analyst outside its entitlement: this stand-in holds the one
     * fact the portal cannot know (case-management's analyst profiles), and refuses this user any
     * tenant but acme with PERMISSION_DENIED. What the portal does with the refusal is under test.
     */
    public static final String ANALYST_ENTITLED_TO_ACME_ONLY = "lee";

    /** acme's SLA figures, whatever the period: MTTA 12 min, MTTR 3 h 5 min, 11 of 12 cases in SLA. */
    public static final SlaStats ACME_SLA = SlaStats.newBuilder()
            .setTenantId("acme")
            .setCasesOpened(12)
            .setCasesAcknowledged(11)
            .setCasesResolved(9)
            .setCasesBreached(1)
            .setMttaSeconds(12 * 60)
            .setMttrSeconds(3 * 3600 + 5 * 60)
            .setCompliancePercent(100.0 * 11 / 12)
            .build();

    /** globex's: three cases opened, none acknowledged or resolved yet, none breached. */
    public static final SlaStats GLOBEX_SLA = SlaStats.newBuilder()
            .setTenantId("globex")
            .setCasesOpened(3)
            .setCompliancePercent(100)
            .build();

    /** A GetSlaStats call received: who asked (token user) and what. */
    public record SlaCall(String caller, GetSlaStatsRequest request) {}

    /** Every GetSlaStats call received, most recent last. */
    public static final List<SlaCall> SLA_CALLS = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static final io.grpc.Context.Key<String> CALLER = io.grpc.Context.key("caller");

    private Server server;

    @Override
    public Map<String, String> start() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String acmeOpen = "acme-open-" + suffix;
        String acmeAcknowledged = "acme-ack-" + suffix;
        String acmeClosed = "acme-closed-" + suffix;
        String globexOpen = "globex-open-" + suffix;
        List<Case> cases = List.of(
                aCase(acmeOpen, "acme", CaseStatus.CASE_STATUS_OPEN, "high", "2025-03-01T08:00:00Z"),
                aCase(
                        acmeAcknowledged,
                        "acme",
                        CaseStatus.CASE_STATUS_ACKNOWLEDGED,
                        "critical",
                        "2025-03-02T08:00:00Z"),
                aCase(acmeClosed, "acme", CaseStatus.CASE_STATUS_CLOSED, "low", "2025-03-03T08:00:00Z"),
                aCase(globexOpen, "globex", CaseStatus.CASE_STATUS_OPEN, "medium", "2025-03-01T09:00:00Z"));
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(io.grpc.ServerInterceptors.intercept(new CaseServiceImpl(cases), new Callers()))
                .build();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.grpc.clients.cases.host", "127.0.0.1",
                "quarkus.grpc.clients.cases.port", String.valueOf(server.getPort()),
                // in test mode the client would otherwise call the application's own test port
                "quarkus.grpc.clients.cases.test-port", String.valueOf(server.getPort()),
                "test.cases.acme-open", acmeOpen,
                "test.cases.acme-acknowledged", acmeAcknowledged,
                "test.cases.acme-closed", acmeClosed,
                "test.cases.globex-open", globexOpen);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdownNow();
            try {
                server.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Case aCase(String id, String tenant, CaseStatus status, String severity, String created) {
        return Case.newBuilder()
                .setCaseId(id)
                .setTenantId(tenant)
                .setTitle("Enumerate All Information With Whoami.EXE (" + tenant + ")")
                .setSeverity(severity)
                .setStatus(status)
                .setRuleId(WHOAMI_RULE_ID)
                .setRuleAuthor(WHOAMI_RULE_AUTHOR)
                .setAlertCount(2)
                .setCreatedTime(created)
                .setSummary("whoami /all on host " + tenant.toUpperCase() + "-WS-01 by " + MARKUP_IN_SUMMARY)
                .build();
    }

    /** Reads the user of the call's bearer token (no verification: that is case-management's job). */
    static final class Callers extends io.socaas.serviceidentity.testing.AuthorizationRecorder {
        @Override
        protected io.grpc.Context received(String authorization) {
            String user = "-";
            if (authorization.startsWith("Bearer ")) {
                try {
                    user = new com.fasterxml.jackson.databind.ObjectMapper()
                            .readTree(java.util.Base64.getUrlDecoder()
                                    .decode(authorization.substring(7).split("\\.")[1]))
                            .path("preferred_username")
                            .asText("-");
                } catch (IOException | RuntimeException e) {
                    user = "unreadable";
                }
            }
            CALLERS.add(user);
            return io.grpc.Context.current().withValue(CALLER, user);
        }
    }

    /** Tenant-scoped like the real service: never returns another tenant's case. */
    static final class CaseServiceImpl extends CaseServiceGrpc.CaseServiceImplBase {

        private final List<Case> cases;

        CaseServiceImpl(List<Case> cases) {
            this.cases = cases;
        }

        @Override
        public void listCases(ListCasesRequest request, StreamObserver<ListCasesResponse> response) {
            if (request.getTenantId().isEmpty()) {
                response.onError(
                        Status.INVALID_ARGUMENT.withDescription("tenant_id").asRuntimeException());
                return;
            }
            if (refusesCaller(request.getTenantId(), response)) {
                return;
            }
            int limit = request.getLimit() <= 0 ? 100 : request.getLimit();
            List<Case> listed = cases.stream()
                    .filter(c -> c.getTenantId().equals(request.getTenantId()))
                    .filter(c -> request.getStatusesList().isEmpty()
                            || request.getStatusesList().contains(c.getStatus()))
                    .sorted(Comparator.comparing(Case::getCreatedTime).reversed())
                    .limit(limit)
                    .toList();
            response.onNext(ListCasesResponse.newBuilder().addAllCases(listed).build());
            response.onCompleted();
        }

        /** Fixed figures per tenant, whatever the period; the call is recorded for the tests. */
        @Override
        public void getSlaStats(GetSlaStatsRequest request, StreamObserver<SlaStats> response) {
            SLA_CALLS.add(new SlaCall(CALLER.get(), request));
            if (request.getTenantId().isEmpty() || request.getFromMs() >= request.getToMs()) {
                response.onError(Status.INVALID_ARGUMENT
                        .withDescription("tenant_id, from_ms < to_ms")
                        .asRuntimeException());
                return;
            }
            if (refusesCaller(request.getTenantId(), response)) {
                return;
            }
            SlaStats stats = switch (request.getTenantId()) {
                case "acme" -> ACME_SLA;
                case "globex" -> GLOBEX_SLA;
                default ->
                    SlaStats.newBuilder()
                            .setTenantId(request.getTenantId())
                            .setCompliancePercent(100)
                            .build();
            };
            response.onNext(stats);
            response.onCompleted();
        }

        /** case-management's refusal of an analyst outside its entitlement (see ANALYST_ENTITLED_TO_ACME_ONLY). */
        private static boolean refusesCaller(String tenant, StreamObserver<?> response) {
            if (ANALYST_ENTITLED_TO_ACME_ONLY.equals(CALLER.get()) && !tenant.equals("acme")) {
                response.onError(Status.PERMISSION_DENIED
                        .withDescription("analyst lee is not entitled to tenant " + tenant)
                        .asRuntimeException());
                return true;
            }
            return false;
        }

        @Override
        public void getCase(GetCaseRequest request, StreamObserver<Case> response) {
            cases.stream()
                    .filter(c -> c.getTenantId().equals(request.getTenantId())
                            && c.getCaseId().equals(request.getCaseId()))
                    .findFirst()
                    .ifPresentOrElse(
                            c -> {
                                response.onNext(c);
                                response.onCompleted();
                            },
                            () -> response.onError(Status.NOT_FOUND.asRuntimeException()));
        }
    }
}
