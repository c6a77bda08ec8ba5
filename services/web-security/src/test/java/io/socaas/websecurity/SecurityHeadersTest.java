package io.socaas.websecurity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    private static List<String> directives() {
        return Arrays.stream(SecurityHeaders.CONTENT_SECURITY_POLICY.split(";"))
                .map(String::strip)
                .toList();
    }

    @Test
    void policyAllowsOnlyTheServicesOwnScriptsAndNoFraming() {
        assertThat(directives())
                .contains(
                        "default-src 'self'",
                        "script-src 'self'",
                        "object-src 'none'",
                        "base-uri 'none'",
                        "frame-ancestors 'none'",
                        "form-action 'self'");
    }

    @Test
    void policyNeverAllowsInlineCodeEvalOrOtherOrigins() {
        assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY)
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval")
                .doesNotContain("*")
                .doesNotContain("http:")
                .doesNotContain("data:");
    }

    @Test
    void everyAnswerIsUnframableUnsniffableAndGivesOtherSitesNoPath() {
        assertThat(SecurityHeaders.HEADERS)
                .containsEntry("X-Frame-Options", "DENY")
                .containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("Referrer-Policy", "strict-origin-when-cross-origin")
                .containsEntry("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY);
    }

    @Test
    void appliesToPagesApisAndStaticFilesButNotToGrpcOrDevTools() {
        assertThat(SecurityHeaders.appliesTo("/portal", null)).isTrue();
        assertThat(SecurityHeaders.appliesTo("/console/cases/x/claim", "application/x-www-form-urlencoded"))
                .isTrue();
        assertThat(SecurityHeaders.appliesTo("/api/v1/cases", "application/json"))
                .isTrue();
        assertThat(SecurityHeaders.appliesTo("/console/console.css", null)).isTrue();
        assertThat(SecurityHeaders.appliesTo("/socaas.cases.v1.CaseService/ListCases", "application/grpc"))
                .isFalse();
        assertThat(SecurityHeaders.appliesTo("/q/dev-ui/welcome", null)).isFalse();
    }
}
