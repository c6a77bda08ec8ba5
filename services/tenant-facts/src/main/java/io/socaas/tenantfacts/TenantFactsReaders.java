package io.socaas.tenantfacts;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.InjectionPoint;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives every service its {@code TenantFactsReader<TenantConfig>} without wiring of its own: the
 * service injects the reader of its own generated {@code TenantConfig} (each service generates the
 * contracts' classes itself), and one reader per message class is started on first use and closed
 * with the application. The message's {@code tenant_id} and {@code revision} fields are found by
 * name in its protobuf descriptor.
 */
@ApplicationScoped
public class TenantFactsReaders {

    private final Map<Class<?>, TenantFactsReader<?>> readers = new ConcurrentHashMap<>();

    /** The running readers (for the readiness check). */
    Collection<TenantFactsReader<?>> running() {
        return List.copyOf(readers.values());
    }

    @Produces
    @Dependent
    @SuppressWarnings("unchecked")
    <T extends Message> TenantFactsReader<T> reader(InjectionPoint injectionPoint) {
        return (TenantFactsReader<T>)
                readers.computeIfAbsent(messageClass(injectionPoint.getType()), TenantFactsReaders::start);
    }

    /** The one reader of the given message class, started on first use. */
    @SuppressWarnings("unchecked")
    public <T extends Message> TenantFactsReader<T> readerOf(Class<T> type) {
        return (TenantFactsReader<T>) readers.computeIfAbsent(type, TenantFactsReaders::start);
    }

    @PreDestroy
    void closeAll() {
        readers.values().forEach(TenantFactsReader::close);
        readers.clear();
    }

    private static <T extends Message> TenantFactsReader<T> start(Class<?> raw) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) raw;
        Parser<T> parser = parserOf(type);
        T prototype = defaultInstance(type);
        FieldDescriptor tenantId = field(prototype, "tenant_id");
        FieldDescriptor revision = field(prototype, "revision");
        return TenantFactsReader.fromConfig(
                parser, message -> (String) message.getField(tenantId), message -> (Long) message.getField(revision));
    }

    @SuppressWarnings("unchecked")
    private static <T extends Message> Parser<T> parserOf(Class<T> type) {
        try {
            return (Parser<T>) type.getMethod("parser").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " is not a generated protobuf message", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Message> T defaultInstance(Class<T> type) {
        try {
            return (T) type.getMethod("getDefaultInstance").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " is not a generated protobuf message", e);
        }
    }

    private static FieldDescriptor field(Message prototype, String name) {
        FieldDescriptor field = prototype.getDescriptorForType().findFieldByName(name);
        if (field == null) {
            throw new IllegalStateException(
                    prototype.getDescriptorForType().getFullName() + " has no field " + name + ": not a tenant fact");
        }
        return field;
    }

    private static Class<?> messageClass(Type requested) {
        if (requested instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> type
                && Message.class.isAssignableFrom(type)) {
            return type;
        }
        throw new IllegalStateException(
                "inject TenantFactsReader<TenantConfig> (the service's generated message), not " + requested);
    }
}
