package io.socaas.cases.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.socaas.audittrail.RefusedRpcAudit;
import io.socaas.proto.cases.v1.CaseServiceGrpc;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Nothing mutating escapes the audit trail: every POST/PUT/PATCH/DELETE route of the service lies
 * under a path the shared filter records ({@code socaas.audit.paths}), and every gRPC method is
 * classified, the mutating ones going through {@code GrpcAudit} and the others declared free of side
 * effects in the proto, so that {@code RefusedRpcAudit} records the refused calls of the mutating ones
 * only (AuditTrailTest shows both on the trail). A new route outside those paths, or a new rpc, fails
 * here until it is audited.
 */
class AuditedRoutesTest {

    /** CaseService methods that change something: each goes through GrpcAudit. */
    static final Set<String> MUTATING_RPCS = Set.of("AddCustomerComment", "AnswerCustomerRequest");
    /** CaseService methods that only read. */
    static final Set<String> READING_RPCS = Set.of("GetCase", "ListCases", "GetSlaStats");

    @Test
    void everyMutatingRouteIsUnderAnAuditedPath() throws IOException {
        List<String> audited = auditedPaths();
        List<String> routes = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.socaas.cases")) {
            Class<?> resource = type.reflect();
            Path base = resource.getAnnotation(Path.class);
            for (Method method : resource.getDeclaredMethods()) {
                if (Arrays.stream(new Class[] {POST.class, PUT.class, PATCH.class, DELETE.class})
                        .noneMatch(verb -> method.isAnnotationPresent(verb))) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = join(base == null ? "" : base.value(), sub == null ? "" : sub.value());
                routes.add(resource.getSimpleName() + "." + method.getName() + " " + path);
                assertThat(audited)
                        .as(
                                "%s.%s (%s) is recorded by the audit filter",
                                resource.getSimpleName(), method.getName(), path)
                        .anyMatch(path::startsWith);
            }
        }
        // the service's known mutating routes are all seen (the scan works)
        assertThat(routes).hasSizeGreaterThanOrEqualTo(19);
    }

    @Test
    void everyCaseServiceMethodIsClassifiedAndTheMutatingOnesAreAudited() {
        Set<String> methods = CaseServiceGrpc.getServiceDescriptor().getMethods().stream()
                .map(m -> m.getBareMethodName())
                .collect(Collectors.toSet());
        assertThat(methods)
                .as("a new CaseService rpc: audit it through GrpcAudit if it changes anything, then list it here")
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.Stream.concat(MUTATING_RPCS.stream(), READING_RPCS.stream())
                                .toList());
    }

    @Test
    void theProtoDeclaresTheReadingMethodsSoThatRefusedCallsOfTheOthersAreRecorded() {
        // RefusedRpcAudit records refused calls of every method the proto does not declare free of
        // side effects (idempotency_level = NO_SIDE_EFFECTS): the mutating ones, exactly
        Set<String> mutating = CaseServiceGrpc.getServiceDescriptor().getMethods().stream()
                .filter(RefusedRpcAudit::mutating)
                .map(m -> m.getBareMethodName())
                .collect(Collectors.toSet());
        assertThat(mutating).containsExactlyInAnyOrderElementsOf(MUTATING_RPCS);
    }

    private static List<String> auditedPaths() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = AuditedRoutesTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return Arrays.stream(
                        properties.getProperty("socaas.audit.paths", "/api/").split(","))
                .map(String::strip)
                .toList();
    }

    private static String join(String base, String sub) {
        String path = (base.startsWith("/") ? base : "/" + base);
        if (!sub.isEmpty()) {
            path = path.replaceAll("/$", "") + (sub.startsWith("/") ? sub : "/" + sub);
        }
        return path;
    }
}
