package io.socaas.kafkarecords;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import net.jpountz.lz4.LZ4Factory;
import org.jboss.logging.Logger;

/**
 * Makes Kafka's lz4 codec (events are produced lz4-compressed) run lz4-java's native implementation
 * in a service. lz4-java chooses its native code only when its classes were loaded by the JVM's
 * system class loader or the native library is already loaded; a Quarkus application loads them
 * with its own class loader, so Kafka's producers and consumers otherwise compress and decompress
 * with the pure Java "safe" implementation, measured at about an eighth of ingestion's CPU per event
 * on syslog. Loading the native library as the application starts, before its Kafka clients, makes
 * {@link LZ4Factory#fastestInstance()} (which Kafka calls) the native one. Where the library cannot
 * be loaded (another platform, or already loaded by another class loader of the same JVM, as in
 * tests that start the application several times) the pure Java implementation stays, and the
 * start says so.
 */
@ApplicationScoped
public class NativeLz4 {

    private static final Logger LOG = Logger.getLogger(NativeLz4.class);

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (load()) {
            LOG.debug("lz4: native implementation");
        } else {
            LOG.infof(
                    "lz4: the native implementation is not available here, Kafka compresses with %s",
                    LZ4Factory.fastestInstance());
        }
    }

    /** Loads the native implementation if it can; true when Kafka's lz4 codec now uses it. */
    public static boolean load() {
        LZ4Factory nativeFactory;
        try {
            nativeFactory = LZ4Factory.nativeInstance();
        } catch (LinkageError | RuntimeException e) { // UnsatisfiedLinkError, an unsupported platform
            LOG.debugf(e, "lz4: native implementation not loaded");
            return false;
        }
        return LZ4Factory.fastestInstance() == nativeFactory;
    }
}
