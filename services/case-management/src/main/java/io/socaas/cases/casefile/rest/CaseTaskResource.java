package io.socaas.cases.casefile.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.socaas.audittrail.AuditDetails;
import io.socaas.cases.casefile.persistence.CaseTasks;
import io.socaas.cases.casefile.persistence.TaskEntity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The tasks of a case: what is left to do in the investigation. MSSP staff only. */
@Path("/api/v1/cases/{id}/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
@SecurityRequirement(name = "keycloak")
@RolesAllowed({"analyst", "soc-manager"})
@APIResponse(
        responseCode = "404",
        description = "No such case (or task) among the caller's tenants",
        content = @Content(mediaType = ProblemJson.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
public class CaseTaskResource {

    private final CaseTasks tasks;
    private final CallerScopes scopes;
    private final SecurityIdentity identity;

    public CaseTaskResource(CaseTasks tasks, CallerScopes scopes, SecurityIdentity identity) {
        this.tasks = tasks;
        this.scopes = scopes;
        this.identity = identity;
    }

    /** A new task. */
    @Schema(name = "CaseTaskRequest")
    public record TaskBody(
            @Schema(required = true) String title,
            @Schema(description = "Who does it") String assignee) {}

    /** One task. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CaseTask")
    public record TaskJson(
            String id,
            String title,
            String assignee,
            @Schema(enumeration = {"open", "done"}) String status,
            @JsonProperty("created_by") String createdBy,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("done_by") String doneBy,
            @JsonProperty("done_at") String doneAt) {

        static TaskJson of(TaskEntity t) {
            return audited(
                    t,
                    new TaskJson(
                            t.id.toString(),
                            t.title,
                            t.assignee,
                            t.status.toLowerCase(Locale.ROOT),
                            t.createdBy,
                            time(t.createdAt),
                            t.doneBy,
                            time(t.doneAt)));
        }

        private static String time(Instant t) {
            return t == null ? null : t.toString();
        }
    }

    @GET
    @Operation(summary = "The case's tasks, oldest first")
    @APIResponse(
            responseCode = "200",
            description = "Tasks",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = TaskJson.class)))
    public Uni<List<TaskJson>> list(@PathParam("id") String id) {
        return scopes.of(identity, Optional.empty())
                .chain(scope -> tasks.list(scope, id))
                .map(rows -> rows.stream().map(TaskJson::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a task to a case that is still worked")
    @APIResponse(
            responseCode = "201",
            description = "Added",
            content = @Content(schema = @Schema(implementation = TaskJson.class)))
    @APIResponse(
            responseCode = "400",
            description = "No title",
            content =
                    @Content(mediaType = ProblemJson.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public Uni<RestResponse<TaskJson>> add(@PathParam("id") String id, TaskBody body) {
        return scopes.of(identity, Optional.empty())
                .chain(scope -> tasks.add(
                        scope,
                        id,
                        body == null ? null : body.title(),
                        body == null ? null : body.assignee(),
                        CallerScopes.username(identity)))
                .map(t -> RestResponse.status(RestResponse.Status.CREATED, TaskJson.of(t)));
    }

    @POST
    @Path("{task: [0-9a-fA-F-]{36}}:done")
    @Operation(summary = "Mark a task done")
    @APIResponse(
            responseCode = "200",
            description = "Done",
            content = @Content(schema = @Schema(implementation = TaskJson.class)))
    @APIResponse(
            responseCode = "409",
            description = "Done already",
            content =
                    @Content(mediaType = ProblemJson.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public Uni<TaskJson> done(@PathParam("id") String id, @PathParam("task") String task) {
        return scopes.of(identity, Optional.empty())
                .chain(scope -> tasks.complete(scope, id, task, CallerScopes.username(identity)))
                .map(TaskJson::of);
    }

    /** The audit trail: the task's tenant and the task after the change. */
    private static TaskJson audited(TaskEntity t, TaskJson after) {
        AuditDetails.current().tenant(t.tenantId).target("task " + t.id).after(after);
        return after;
    }
}
