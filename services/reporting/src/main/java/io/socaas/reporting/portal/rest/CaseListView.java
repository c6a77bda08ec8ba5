package io.socaas.reporting.portal.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code GET /portal/cases.json}. */
@Schema(name = "PortalCaseList", description = "A tenant's open and acknowledged cases, newest first")
public record CaseListView(
        @Schema(description = "Tenant the cases belong to") String tenant,
        @Schema(description = "The cases, newest first") List<CaseView> cases) {}
