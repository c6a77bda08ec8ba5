package io.socaas.scope;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The one way the services open a Postgres transaction: in a {@link TenantScope}, whose first
 * statement is {@code select set_config('app.tenant_scope', <scope>, true)} (local to the
 * transaction, so a pooled connection never carries it into the next one). The row-level security
 * policies of the tenant-owned tables read that setting: a query that forgets its {@code where
 * tenant_id = ...} still sees, and may write, only the scope's rows; a transaction without scope
 * sees none.
 *
 * <p>Every transaction in the system scope is logged on the category {@value #SYSTEM_LOG} with its
 * reason: at INFO the first time this process uses the reason, at DEBUG every time.
 */
@ApplicationScoped
public class ScopedTransactions {

    /** The log category of system-scope transactions. */
    public static final String SYSTEM_LOG = "io.socaas.scope.system";

    static final String SET_SCOPE = "select set_config('" + TenantScope.SETTING + "', $1, true)";

    private static final Logger SYSTEM = Logger.getLogger(SYSTEM_LOG);
    private static final String OPEN = ScopedTransactions.class.getName() + ".open";

    private final Pool pool;
    private final Set<String> reasonsSeen = ConcurrentHashMap.newKeySet();

    ScopedTransactions(Pool pool) {
        this.pool = pool;
    }

    /**
     * Runs {@code work} (Panache / Hibernate Reactive) in a transaction of {@code scope}. Called
     * inside a transaction this class opened, it joins it when {@code scope} lies within the open
     * scope, and fails with {@link IllegalStateException} when it would widen it.
     */
    public <T> Uni<T> transaction(TenantScope scope, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Optional<TenantScope> open = ContextLocals.get(OPEN);
            if (open.isPresent()) {
                if (!scope.isWithin(open.get())) {
                    return Uni.createFrom()
                            .failure(new IllegalStateException(
                                    "a transaction in the " + open.get() + " cannot widen to the " + scope));
                }
                return work.get();
            }
            audit(scope);
            return Panache.withTransaction(() -> {
                ContextLocals.put(OPEN, scope);
                return Panache.getSession()
                        .flatMap(session -> session.createNativeQuery(
                                        "select set_config('" + TenantScope.SETTING + "', ?1, true)", String.class)
                                .setParameter(1, scope.setting())
                                .getSingleResult())
                        .chain(ignored -> work.get())
                        .eventually(() -> ContextLocals.remove(OPEN));
            });
        });
    }

    /**
     * Runs {@code work} (plain SQL on the reactive pool) in a transaction of {@code scope} on a
     * connection of its own.
     */
    public <T> Uni<T> sql(TenantScope scope, Function<SqlConnection, Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            audit(scope);
            return pool.withTransaction(connection -> connection
                    .preparedQuery(SET_SCOPE)
                    .execute(Tuple.of(scope.setting()))
                    .chain(ignored -> work.apply(connection)));
        });
    }

    private void audit(TenantScope scope) {
        if (!scope.isSystem()) {
            return;
        }
        String reason = scope.reason().orElseThrow();
        if (reasonsSeen.add(reason)) {
            SYSTEM.infof("system scope (every tenant's rows) used for: %s", reason);
        } else {
            SYSTEM.debugf("system scope (every tenant's rows) used for: %s", reason);
        }
    }
}
