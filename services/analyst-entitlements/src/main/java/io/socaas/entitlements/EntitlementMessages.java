package io.socaas.entitlements;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.socaas.access.TenantReach;
import java.util.List;
import java.util.Objects;

/**
 * Reads and writes {@code socaas.analyst.v1.AnalystEntitlement} through its protobuf descriptor:
 * each service generates the contracts' classes itself, so this module works with the message the
 * service hands over (fields found by name: {@code username}, {@code all_tenants}, {@code tenants},
 * {@code revision}).
 */
public final class EntitlementMessages {

    /** The generated class every service gets from {@code proto/} (scan-for-proto). */
    public static final String GENERATED_CLASS = "io.socaas.proto.analyst.v1.AnalystEntitlement";

    private final Message prototype;
    private final FieldDescriptor username;
    private final FieldDescriptor allTenants;
    private final FieldDescriptor tenants;
    private final FieldDescriptor revision;

    /** @param prototype any instance of the message (its default instance) */
    public EntitlementMessages(Message prototype) {
        this.prototype = Objects.requireNonNull(prototype, "prototype");
        Descriptor type = prototype.getDescriptorForType();
        this.username = field(type, "username");
        this.allTenants = field(type, "all_tenants");
        this.tenants = field(type, "tenants");
        this.revision = field(type, "revision");
    }

    /** The messages of the service's generated class ({@value #GENERATED_CLASS}). */
    public static EntitlementMessages ofGeneratedClass() {
        return ofGeneratedClass(GENERATED_CLASS);
    }

    /** The messages of a generated class, loaded by the current thread's class loader. */
    public static EntitlementMessages ofGeneratedClass(String className) {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> type = Class.forName(className, true, loader);
            return new EntitlementMessages(
                    (Message) type.getMethod("getDefaultInstance").invoke(null));
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(
                    className + " is not a generated protobuf message: does the service scan io.socaas:proto?", e);
        }
    }

    /** The message type, for parsing. */
    public Message prototype() {
        return prototype;
    }

    public String username(Message message) {
        return (String) message.getField(username);
    }

    public long revision(Message message) {
        return (Long) message.getField(revision);
    }

    /** The tenants the message entitles its analyst to. */
    public TenantReach reach(Message message) {
        if ((Boolean) message.getField(allTenants)) {
            return TenantReach.all();
        }
        return TenantReach.only(((List<?>) message.getField(tenants))
                .stream().map(String::valueOf).toList());
    }

    /** A message of the service's type. */
    public Message message(String analyst, TenantReach reach, long revisionValue) {
        Message.Builder builder = prototype
                .newBuilderForType()
                .setField(username, analyst)
                .setField(allTenants, reach.allTenants())
                .setField(revision, revisionValue);
        reach.tenants().forEach(tenant -> builder.addRepeatedField(tenants, tenant));
        return builder.build();
    }

    private static FieldDescriptor field(Descriptor type, String name) {
        FieldDescriptor field = type.findFieldByName(name);
        if (field == null) {
            throw new IllegalStateException(
                    type.getFullName() + " has no field " + name + ": not an analyst entitlement");
        }
        return field;
    }
}
