package io.socaas.localstack;

import io.socaas.localstack.component.Component;
import io.socaas.localstack.component.Kafka;
import io.socaas.localstack.component.Keycloak;
import io.socaas.localstack.component.OpenSearch;
import io.socaas.localstack.component.Postgres;
import io.socaas.localstack.component.Service;
import io.socaas.localstack.process.Net;
import io.socaas.localstack.process.ProcessSupervisor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The launcher's entry point for ./soc and for tests: brings the infrastructure and the services
 * to healthy (reusing what already is), reports status, and stops what it started.
 */
public final class LocalStack {

    private final StackSettings settings;
    private final Console console;
    private final Postgres postgres;
    private final List<Component> servers;
    private final List<Service> services;

    public LocalStack(StackSettings settings, Console console) {
        this.settings = settings;
        this.console = console;
        if (settings.tls()) {
            // the CA and certificates before anything starts; the launcher's own calls (health
            // checks, tokens, the demo key) trust that CA
            Net.trust(LocalTls.of(settings).clientContext());
        }
        ProcessSupervisor supervisor = new ProcessSupervisor(settings.run());
        this.postgres = new Postgres(settings, supervisor);
        this.servers = List.of(
                new Kafka(settings, supervisor),
                new OpenSearch(settings, supervisor),
                new Keycloak(settings, supervisor));
        this.services = Service.PORTS.keySet().stream()
                .map(name -> new Service(settings, supervisor, name))
                .toList();
    }

    public static LocalStack fromEnvironment() {
        return new LocalStack(StackSettings.fromEnvironment(), Console.stdout());
    }

    public StackSettings settings() {
        return settings;
    }

    public List<Component> infrastructure() {
        List<Component> all = new ArrayList<>();
        all.add(postgres);
        all.addAll(servers);
        return all;
    }

    public List<Service> services() {
        return services;
    }

    public List<Component> all() {
        List<Component> all = new ArrayList<>(infrastructure());
        all.addAll(services);
        return all;
    }

    public Optional<Component> component(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Starts (or reuses) PostgreSQL, Kafka, OpenSearch and Keycloak; returns when all are healthy. */
    public synchronized void ensureInfrastructure() {
        postgres.ensureRunning(console);
        ensureAll(servers);
    }

    /** Infrastructure, then the five services; returns when everything is healthy. */
    public synchronized void ensurePlatform() {
        ensureInfrastructure();
        ensureServices();
    }

    /** The five services (the infrastructure must already be healthy). */
    public synchronized void ensureServices() {
        ensureAll(services);
    }

    /** Starts components side by side (the two cores are busiest here) and waits for all of them. */
    private void ensureAll(List<? extends Component> components) {
        ExecutorService pool = Executors.newFixedThreadPool(components.size());
        try {
            List<Future<Component.Outcome>> futures = new ArrayList<>();
            for (Component c : components) {
                futures.add(pool.submit(() -> c.ensureRunning(console)));
            }
            List<StackException> failures = new ArrayList<>();
            for (Future<Component.Outcome> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof StackException se) {
                        failures.add(se);
                    } else {
                        failures.add(new StackException("launcher", String.valueOf(e.getCause()), null));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StackException("launcher", "interrupted", null);
                }
            }
            if (failures.size() == 1) {
                throw failures.getFirst();
            }
            if (!failures.isEmpty()) {
                throw new MultipleFailures(failures);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Stops, in reverse order, only what this launcher started; returns the names stopped. */
    public List<String> down() {
        List<String> stopped = new ArrayList<>();
        List<Component> order = new ArrayList<>(all());
        java.util.Collections.reverse(order);
        for (Component c : order) {
            Instant begin = Instant.now();
            if (c.stop()) {
                stopped.add(c.name());
                console.step(c.name(), "stopped in " + Console.seconds(Duration.between(begin, Instant.now())));
            }
        }
        return stopped;
    }

    /** Several components failed at once. */
    public static final class MultipleFailures extends StackException {
        private final List<StackException> failures;

        MultipleFailures(List<StackException> failures) {
            super(
                    String.join(
                            ", ",
                            failures.stream().map(StackException::component).toList()),
                    failures.size() + " components failed",
                    null);
            this.failures = failures;
        }

        @Override
        public String describe() {
            StringBuilder out = new StringBuilder();
            failures.forEach(f -> out.append(f.describe()));
            return out.toString();
        }
    }
}
