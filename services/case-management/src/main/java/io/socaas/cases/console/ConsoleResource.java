package io.socaas.cases.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.socaas.audittrail.AuditDetails;
import io.socaas.cases.analysts.assignment.AnalystPool;
import io.socaas.cases.casefile.domain.CaseAlert;
import io.socaas.cases.casefile.domain.CaseCommand;
import io.socaas.cases.casefile.domain.CaseFile;
import io.socaas.cases.casefile.domain.CaseFileService;
import io.socaas.cases.casefile.domain.QueueEntry;
import io.socaas.cases.casefile.domain.Severity;
import io.socaas.cases.casefile.domain.TenantScope;
import io.socaas.cases.casefile.domain.TimelineEntry;
import io.socaas.cases.casefile.domain.Verdict;
import io.socaas.cases.casefile.persistence.CaseTasks;
import io.socaas.cases.casefile.persistence.TaskEntity;
import io.socaas.cases.casefile.rest.CallerScopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The analyst console: server-rendered pages (Qute, htmx) over the same services as the REST API,
 * behind the Keycloak login. The queue across exactly the tenants the analyst is entitled to, with
 * live SLA countdowns, and a case page with its alerts, tasks and timeline and the actions on it.
 * Forms post only from the console's own origin (checked) with a SameSite=strict session cookie, and
 * carry the CSRF token of the console's {@code csrf-token} cookie (checked by quarkus-rest-csrf before
 * any of this runs; a refusal is explained by {@link ConsoleRefusals}).
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"analyst", "soc-manager"})
public class ConsoleResource {

    private static final String ID = "{id: [0-9a-fA-F-]{36}}";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(Viewer viewer, List<Row> rows, Instant now);

        static native TemplateInstance queue$rows(List<Row> rows, Instant now);

        static native TemplateInstance detail(Viewer viewer, CaseView view);

        static native TemplateInstance detail$casePanel(CaseView view);

        static native TemplateInstance refused(int status, String title, String message);
    }

    /** Who looks. */
    public record Viewer(String username, boolean manager) {}

    /** One queue row. */
    public record Row(CaseFile c, String clock, Instant deadline, long secondsLeft, boolean breached, boolean paused) {
        public String severityName() {
            return c.severity().wireName();
        }

        public String statusName() {
            return c.status().wireName();
        }

        public String deadlineText() {
            return deadline == null ? "" : deadline.toString();
        }
    }

    /** A case with everything its page shows, and the outcome of the last action if any. */
    public record CaseView(
            CaseFile c,
            List<CaseAlert> alerts,
            List<io.socaas.cases.casefile.domain.CaseObservable> observables,
            List<TaskEntity> tasks,
            List<TimelineEntry> timeline,
            String error,
            String notice,
            boolean manager,
            List<String> assignees,
            List<CaseFile> mergeTargets) {
        public boolean worked() {
            return c.status().isWorked();
        }

        public boolean canReopen() {
            return c.status() == io.socaas.cases.casefile.domain.CaseStatus.RESOLVED
                    || c.status() == io.socaas.cases.casefile.domain.CaseStatus.CLOSED;
        }

        public boolean canClose() {
            return c.status() == io.socaas.cases.casefile.domain.CaseStatus.RESOLVED;
        }

        public List<String> verdicts() {
            return java.util.Arrays.stream(Verdict.values())
                    .map(Verdict::wireName)
                    .toList();
        }

        public List<String> severities() {
            return java.util.Arrays.stream(Severity.values())
                    .map(Severity::wireName)
                    .toList();
        }
    }

    private final CaseFileService cases;
    private final CaseTasks tasks;
    private final CallerScopes scopes;
    private final SecurityIdentity identity;
    private final Clock clock = Clock.systemUTC();

    private final io.socaas.cases.casefile.rest.CaseExportResource exports;
    private final io.socaas.cases.casefile.rest.CaseCommandResource commands;
    private final AnalystPool pool;

    public ConsoleResource(
            CaseFileService cases,
            CaseTasks tasks,
            CallerScopes scopes,
            SecurityIdentity identity,
            io.socaas.cases.casefile.rest.CaseExportResource exports,
            io.socaas.cases.casefile.rest.CaseCommandResource commands,
            AnalystPool pool) {
        this.cases = cases;
        this.tasks = tasks;
        this.scopes = scopes;
        this.identity = identity;
        this.exports = exports;
        this.commands = commands;
        this.pool = pool;
    }

    /**
     * The case's PDF summary for the signed-in analyst (the API's export needs a bearer token, which
     * the browser session does not send): the same document, in the same caller's scope.
     */
    @GET
    @Path("cases/" + ID + "/summary.pdf")
    @Produces("application/pdf")
    public Uni<RestResponse<byte[]>> pdf(@PathParam("id") String id) {
        return exports.pdf(id);
    }

    @GET
    public RestResponse<Void> home() {
        return RestResponse.seeOther(URI.create("/console/queue"));
    }

    @GET
    @Path("queue")
    public Uni<TemplateInstance> queue() {
        Instant now = clock.instant();
        return rows(now).map(rows -> Templates.queue(viewer(), rows, now));
    }

    @GET
    @Path("queue/rows")
    public Uni<TemplateInstance> queueRows() {
        Instant now = clock.instant();
        return rows(now).map(rows -> Templates.queue$rows(rows, now));
    }

    @GET
    @Path("cases/" + ID)
    public Uni<TemplateInstance> detail(@PathParam("id") String id) {
        return scopes.of(identity, Optional.empty())
                .chain(scope -> view(scope, id, null, null))
                .map(view -> Templates.detail(viewer(), view));
    }

    @POST
    @Path("cases/" + ID + "/{verb: [a-z-]+}")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<RestResponse<Object>> act(
            @PathParam("id") String id,
            @PathParam("verb") String verb,
            @FormParam("version") String version,
            @FormParam("reason") String reason,
            @FormParam("verdict") String verdict,
            @FormParam("note") String note,
            @FormParam("text") String text,
            @FormParam("visibility") String visibility,
            @FormParam("severity") String severity,
            @FormParam("title") String title,
            @FormParam("task") String task,
            @FormParam("assignee") String assignee,
            @FormParam("into") String into,
            @HeaderParam("Origin") String origin,
            @HeaderParam("Referer") String referer,
            @HeaderParam("HX-Request") String htmx,
            @Context UriInfo uri) {
        if (!sameOrigin(origin, referer, uri)) {
            return Uni.createFrom()
                    .item(RestResponse.ResponseBuilder.create(
                                    RestResponse.Status.FORBIDDEN, (Object) ConsoleRefusals.crossSite())
                            .type(ConsoleRefusals.HTML)
                            .build());
        }
        String actor = CallerScopes.username(identity);
        return scopes.of(identity, Optional.empty())
                .chain(scope -> Uni.createFrom()
                        .deferred(() -> perform(
                                scope,
                                id,
                                verb,
                                version,
                                reason,
                                verdict,
                                note,
                                text,
                                visibility,
                                severity,
                                title,
                                task,
                                assignee,
                                into,
                                actor))
                        .map(notice -> Outcome.done(notice instanceof String message ? message : null))
                        .onFailure(f -> !(f instanceof io.socaas.cases.casefile.domain.CaseNotFoundException))
                        .recoverWithItem(f -> Outcome.failed(f.getMessage()))
                        .chain(outcome -> view(scope, id, outcome.error(), outcome.notice()))
                        .map(view -> htmx != null
                                ? RestResponse.ok((Object) Templates.detail$casePanel(view))
                                : RestResponse.ok((Object) Templates.detail(viewer(), view))));
    }

    private Uni<?> perform(
            TenantScope scope,
            String id,
            String verb,
            String version,
            String reason,
            String verdict,
            String note,
            String text,
            String visibility,
            String severity,
            String title,
            String task,
            String assignee,
            String into,
            String actor) {
        OptionalLong expected = version == null || version.isBlank()
                ? OptionalLong.empty()
                : OptionalLong.of(Long.parseLong(version.strip()));
        return switch (verb) {
            case "task" -> tasks.add(scope, id, title, null, actor);
            case "task-done" -> tasks.complete(scope, id, task, actor);
            case "assign" -> {
                if (!viewer().manager()) {
                    throw new io.socaas.cases.casefile.domain.CaseAccessDeniedException(
                            "only SOC managers give cases to analysts; an analyst claims a case");
                }
                yield commands.assign(scope, id, expected, assignee, reason, actor)
                        .invoke(io.socaas.cases.casefile.rest.CaseCommandResource::audited);
            }
            case "merge" ->
                cases.merge(scope, id, into, expected, reason, actor)
                        .invoke(io.socaas.cases.casefile.rest.CaseCommandResource::audited);
            case "hand-off" ->
                exports.handOff(id)
                        .map(sent -> "Handed off to the customer's CSIRT: the OCSF finding to "
                                + sent.getEntity().webhooks()
                                + " webhook(s), the PDF summary and the finding by e-mail to "
                                + sent.getEntity().emails() + " security contact(s).");
            default ->
                cases.execute(
                                scope,
                                id,
                                expected,
                                command(verb, reason, verdict, note, text, visibility, severity),
                                actor)
                        .invoke(io.socaas.cases.casefile.rest.CaseCommandResource::audited);
        };
    }

    private static CaseCommand command(
            String verb, String reason, String verdict, String note, String text, String visibility, String severity) {
        return switch (verb) {
            case "claim" -> new CaseCommand.Claim();
            case "acknowledge" -> new CaseCommand.Acknowledge();
            case "start" -> new CaseCommand.Start();
            case "wait-on-customer" -> new CaseCommand.WaitOnCustomer(reason);
            case "resolve" -> new CaseCommand.Resolve(enumOf(Verdict.class, verdict), note);
            case "close" -> new CaseCommand.Close();
            case "reopen" -> new CaseCommand.Reopen(reason);
            case "change-severity" -> new CaseCommand.ChangeSeverity(enumOf(Severity.class, severity), reason);
            case "comment" ->
                new CaseCommand.Comment(
                        text,
                        "customer".equals(visibility)
                                ? CaseCommand.Visibility.CUSTOMER
                                : CaseCommand.Visibility.INTERNAL);
            default -> throw new jakarta.ws.rs.NotFoundException("no action '" + verb + "'");
        };
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    }

    private Uni<List<Row>> rows(Instant now) {
        return scopes.of(identity, Optional.empty())
                .chain(scope -> cases.queue(scope, 200))
                .map(entries -> entries.stream().map(e -> row(e, now)).toList());
    }

    private static Row row(QueueEntry e, Instant now) {
        Instant deadline = e.deadline();
        long left = deadline == null ? 0 : Duration.between(now, deadline).toSeconds();
        return new Row(
                e.caseFile(),
                e.clock(),
                deadline,
                left,
                deadline != null && !deadline.isAfter(now),
                e.caseFile().status() == io.socaas.cases.casefile.domain.CaseStatus.WAITING_ON_CUSTOMER);
    }

    /** What an action came to: a message to show, or why it failed. */
    private record Outcome(String notice, String error) {
        static Outcome done(String notice) {
            return new Outcome(notice, null);
        }

        static Outcome failed(String error) {
            return new Outcome(null, error);
        }
    }

    private Uni<CaseView> view(TenantScope scope, String id, String error, String notice) {
        boolean manager = viewer().manager();
        return cases.get(scope, id)
                // the audit trail of a console action: the case's tenant
                .invoke(c -> AuditDetails.current().tenant(c.tenantId().value()).target("case " + c.id().value()))
                .chain(c -> cases.alerts(scope, id)
                        .chain(alerts -> cases.observables(scope, id)
                                .chain(observables -> tasks.list(scope, id)
                                        .chain(taskList -> cases.timeline(scope, id, true)
                                                .chain(timeline -> assignees(c, manager)
                                                        .chain(assignees -> mergeTargets(c)
                                                                .map(targets -> new CaseView(
                                                                        c,
                                                                        alerts,
                                                                        observables,
                                                                        taskList,
                                                                        timeline,
                                                                        error,
                                                                        notice,
                                                                        manager,
                                                                        assignees,
                                                                        targets))))))));
    }

    /** Whom a SOC manager can give the case to: the analysts entitled to its tenant. */
    private Uni<List<String>> assignees(CaseFile c, boolean manager) {
        if (!manager || !c.status().isWorked()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.snapshot()
                .map(snapshot -> snapshot.profiles().stream()
                        .filter(p -> p.entitledTo(c.tenantId()))
                        .map(io.socaas.cases.analysts.domain.AnalystProfile::username)
                        .sorted()
                        .toList());
    }

    /** The cases this one can be merged into: the other worked cases of the same tenant. */
    private Uni<List<CaseFile>> mergeTargets(CaseFile c) {
        if (!c.status().isWorked()) {
            return Uni.createFrom().item(List.of());
        }
        return cases.queue(TenantScope.of(c.tenantId()), 200)
                .map(entries -> entries.stream()
                        .map(QueueEntry::caseFile)
                        .filter(other ->
                                !other.id().equals(c.id()) && other.status().acceptsAlerts())
                        .toList());
    }

    private Viewer viewer() {
        return new Viewer(
                CallerScopes.username(identity),
                identity.getRoles().stream()
                        .anyMatch(io.socaas.cases.casefile.domain.CaseAccessPolicy.ALL_TENANT_ROLES::contains));
    }

    /** A form post must come from a page of this console: its Origin (or Referer) is ours. */
    static boolean sameOrigin(String origin, String referer, UriInfo uri) {
        URI base = uri.getBaseUri();
        String own = base.getScheme() + "://" + base.getAuthority();
        if (origin != null && !origin.isBlank() && !"null".equals(origin)) {
            return origin.equals(own);
        }
        return referer != null && (referer.equals(own) || referer.startsWith(own + "/"));
    }
}
