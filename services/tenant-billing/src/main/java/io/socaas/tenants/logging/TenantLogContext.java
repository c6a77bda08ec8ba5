package io.socaas.tenants.logging;

import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import java.util.function.Supplier;
import org.jboss.logging.MDC;

/**
 * Binds the tenant being served to the logging MDC (key {@value #MDC_KEY}) for the duration of a
 * reactive pipeline and removes it afterwards. On Quarkus' duplicated Vert.x contexts the MDC
 * follows the request across threads.
 */
public final class TenantLogContext {

    public static final String MDC_KEY = "tenant";

    private TenantLogContext() {}

    public static <T> Uni<T> withTenant(TenantId tenant, Supplier<Uni<T>> work) {
        return Uni.createFrom()
                .deferred(() -> {
                    MDC.put(MDC_KEY, tenant.value());
                    return work.get();
                })
                .eventually(() -> MDC.remove(MDC_KEY));
    }

    /** For code that learns the tenant midway (e.g. resolving an ingest key): bound until the end. */
    public static void bind(TenantId tenant) {
        MDC.put(MDC_KEY, tenant.value());
    }

    public static void clear() {
        MDC.remove(MDC_KEY);
    }
}
