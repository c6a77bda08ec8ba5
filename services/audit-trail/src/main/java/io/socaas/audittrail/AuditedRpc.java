package io.socaas.audittrail;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a gRPC service method that changes something. The method itself records its call through
 * {@link GrpcAudit}; a call refused before the method runs ({@code @RolesAllowed}, {@code
 * @Authenticated}) is recorded as refused by {@link RefusedRpcAudit}, with who tried and why.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AuditedRpc {}
