package io.socaas.audittrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.quarkus.grpc.runtime.Interceptors;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Which calls the refused-call interceptor records, and what it reads of them. That it sees the
 * security layer's refusals in a running service is shown by case-management's AuditTrailTest.
 */
class RefusedRpcAuditTest {

    /** GrpcSecurityInterceptor.getPriority() in the Quarkus this builds with. */
    private static final int SECURITY_INTERCEPTOR = Integer.MAX_VALUE - 100;

    @Test
    void aMethodIsMutatingUnlessItsProtoSaysItHasNoSideEffects() {
        assertThat(RefusedRpcAudit.mutating(method("Get", true))).isFalse();
        assertThat(RefusedRpcAudit.mutating(method("Add", false))).isTrue();
    }

    @Test
    void onlyTheSecurityLayersRefusalsAreRecorded() {
        assertThat(RefusedRpcAudit.refusedBySecurity(Status.UNAUTHENTICATED)).isTrue();
        assertThat(RefusedRpcAudit.refusedBySecurity(Status.PERMISSION_DENIED)).isTrue();
        assertThat(RefusedRpcAudit.refusedBySecurity(Status.OK)).isFalse();
        assertThat(RefusedRpcAudit.refusedBySecurity(Status.NOT_FOUND)).isFalse();
        assertThat(RefusedRpcAudit.refusedBySecurity(Status.INTERNAL)).isFalse();
    }

    @Test
    void runsOutsideTheSecurityInterceptorAndTheExceptionHandlerButInsideTheRequestContext() {
        // Quarkus: the highest priority is the outermost interceptor
        assertThat(RefusedRpcAudit.PRIORITY)
                .isGreaterThan(SECURITY_INTERCEPTOR)
                .isGreaterThan(Interceptors.EXCEPTION_HANDLER)
                .isLessThan(Interceptors.BLOCKING_HANDLER)
                .isLessThan(Interceptors.REQUEST_CONTEXT)
                .isLessThan(Interceptors.DUPLICATE_CONTEXT);
    }

    @Test
    void theTenantIsTheRequestsTenantIdWhenItIsOne() throws Exception {
        Descriptor request = message("CustomerMessage", "tenant_id", FieldDescriptorProto.Type.TYPE_STRING);
        assertThat(RefusedRpcAudit.tenantOf(with(request, "tenant_id", "acme"))).isEqualTo("acme");
        // not a tenant id: none rather than whatever the caller wrote
        assertThat(RefusedRpcAudit.tenantOf(with(request, "tenant_id", ""))).isNull();
        assertThat(RefusedRpcAudit.tenantOf(with(request, "tenant_id", "ACME/../x")))
                .isNull();
        assertThat(RefusedRpcAudit.tenantOf(with(request, "tenant_id", "a".repeat(64))))
                .isNull();
    }

    @Test
    void aRequestWithoutATenantIdNamesNoTenant() throws Exception {
        assertThat(RefusedRpcAudit.tenantOf(DynamicMessage.getDefaultInstance(
                        message("ListTenantsRequest", "filter", FieldDescriptorProto.Type.TYPE_STRING))))
                .isNull();
        assertThat(RefusedRpcAudit.tenantOf(DynamicMessage.getDefaultInstance(
                        message("Odd", "tenant_id", FieldDescriptorProto.Type.TYPE_INT64))))
                .isNull();
        assertThat(RefusedRpcAudit.tenantOf("not a message")).isNull();
        assertThat(RefusedRpcAudit.tenantOf(null)).isNull();
    }

    private static MethodDescriptor<Object, Object> method(String name, boolean safe) {
        return MethodDescriptor.newBuilder(MARSHALLER, MARSHALLER)
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(MethodDescriptor.generateFullMethodName("socaas.test.v1.Service", name))
                .setSafe(safe)
                .build();
    }

    private static Descriptor message(String name, String field, FieldDescriptorProto.Type type)
            throws DescriptorValidationException {
        FileDescriptorProto file = FileDescriptorProto.newBuilder()
                .setName("test_" + name + ".proto")
                .setPackage("socaas.test.v1")
                .setSyntax("proto3")
                .addMessageType(DescriptorProto.newBuilder()
                        .setName(name)
                        .addField(FieldDescriptorProto.newBuilder()
                                .setName(field)
                                .setNumber(1)
                                .setType(type)
                                .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL)))
                .build();
        return FileDescriptor.buildFrom(file, new FileDescriptor[0]).findMessageTypeByName(name);
    }

    private static DynamicMessage with(Descriptor type, String field, String value) {
        return DynamicMessage.newBuilder(type)
                .setField(type.findFieldByName(field), value)
                .build();
    }

    private static final MethodDescriptor.Marshaller<Object> MARSHALLER = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object parse(InputStream stream) {
            throw new UnsupportedOperationException();
        }
    };
}
