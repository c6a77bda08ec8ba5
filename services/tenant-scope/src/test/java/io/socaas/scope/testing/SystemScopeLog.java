package io.socaas.scope.testing;

import io.socaas.scope.ScopedTransactions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * For the services' row-level security tests: records the messages (INFO and above, formatted)
 * that {@link ScopedTransactions} logs about transactions in the system scope, from opening until
 * {@link #close()}.
 */
public final class SystemScopeLog implements AutoCloseable {

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Logger log = Logger.getLogger(ScopedTransactions.SYSTEM_LOG);
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                messages.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private SystemScopeLog() {
        log.addHandler(capture);
    }

    /** Starts recording. */
    public static SystemScopeLog capture() {
        return new SystemScopeLog();
    }

    /** The messages recorded so far. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    /** Stops recording. */
    @Override
    public void close() {
        log.removeHandler(capture);
    }
}
