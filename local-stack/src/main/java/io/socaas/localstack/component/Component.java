package io.socaas.localstack.component;

import io.socaas.localstack.Console;
import io.socaas.localstack.StackException;
import io.socaas.localstack.StackSettings;
import io.socaas.localstack.process.Net;
import io.socaas.localstack.process.ProcessSupervisor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One thing the stack runs (an infrastructure server or a service): how to tell it is healthy,
 * how to start it, how long it may take.
 */
public abstract class Component {

    /** How {@link #ensureRunning} found or left the component. */
    public enum Outcome {
        STARTED,
        ALREADY_RUNNING,
        REUSED
    }

    protected final StackSettings settings;
    protected final ProcessSupervisor supervisor;

    protected Component(StackSettings settings, ProcessSupervisor supervisor) {
        this.settings = settings;
        this.supervisor = supervisor;
    }

    public abstract String name();

    public abstract int port();

    /** What the summary shows for this component (a URL or host:port). */
    public abstract String endpoint();

    public abstract boolean isHealthy();

    /** Starts the component's process(es); returns without waiting for readiness. */
    protected abstract void launch();

    protected abstract Duration readinessDeadline();

    /** Provisioning once healthy (databases, topics, ...); must be idempotent. */
    protected void afterReady() {}

    /** Checks the machine can run the component at all (binaries present, ...). */
    protected void preflight() {}

    public Path log() {
        return settings.logOf(name());
    }

    public boolean startedByUs() {
        return supervisor.startedByUs(name());
    }

    public Optional<Long> pid() {
        return supervisor.running(name()).map(ProcessHandle::pid);
    }

    /**
     * True for a component that is started differently with TLS ({@code --tls}): the launcher notes
     * the mode it started it in and, asked for the other mode, restarts it.
     */
    protected boolean startsDifferentlyWithTls() {
        return false;
    }

    /** Makes the component healthy: reuses it when it already is, starts it otherwise. */
    public Outcome ensureRunning(Console console) {
        Instant begin = Instant.now();
        Outcome outcome;
        stopIfStartedInTheOtherMode(console);
        if (isHealthy()) {
            outcome = startedByUs() ? Outcome.ALREADY_RUNNING : Outcome.REUSED;
        } else {
            if (!startedByUs()) {
                if (Net.portInUse(StackSettings.HOST, port())) {
                    throw new StackException(
                            name(),
                            "port " + port() + " is taken by another process that is not a healthy " + name(),
                            "stop that process (e.g. `ss -ltnp 'sport = :" + port() + "'` shows it) and retry");
                }
                preflight();
                console.step(name(), "starting…");
                launch();
                recordMode();
            } else {
                console.step(name(), "waiting for the running process to become ready…");
            }
            awaitHealthy();
            outcome = Outcome.STARTED;
        }
        afterReady();
        String how = switch (outcome) {
            case STARTED -> "ready in " + Console.seconds(Duration.between(begin, Instant.now()));
            case ALREADY_RUNNING -> "running";
            case REUSED -> "reusing the healthy server already on port " + port();
        };
        console.step(name(), how + "  " + endpoint());
        return outcome;
    }

    private void stopIfStartedInTheOtherMode(Console console) {
        if (!startsDifferentlyWithTls() || !startedByUs()) {
            return;
        }
        Optional<String> started = recordedMode();
        if (started.isPresent() && !started.get().equals(mode())) {
            console.step(name(), "was started " + describe(started.get()) + ": restarting it " + describe(mode()));
            stop();
        }
    }

    private String mode() {
        return settings.tls() ? "tls" : "plain";
    }

    private static String describe(String mode) {
        return mode.equals("tls") ? "with TLS" : "without TLS";
    }

    /** Where the launcher notes whether it started the component with TLS or without. */
    private Path modeFile() {
        return settings.run().resolve(name() + ".mode");
    }

    private void recordMode() {
        if (!startsDifferentlyWithTls()) {
            return;
        }
        try {
            Files.createDirectories(modeFile().getParent());
            Files.writeString(modeFile(), mode());
        } catch (IOException e) {
            throw new StackException(name(), "cannot note its mode in " + modeFile() + ": " + e.getMessage(), null);
        }
    }

    /**
     * The mode the running process was started in: without a note, plain (a launcher that noted no
     * mode started everything without TLS, OpenSearch included); empty when the note cannot be read.
     */
    private Optional<String> recordedMode() {
        try {
            return Files.isRegularFile(modeFile())
                    ? Optional.of(Files.readString(modeFile()).trim())
                    : Optional.of("plain");
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    protected void awaitHealthy() {
        Duration deadline = settings.scaled(readinessDeadline());
        Instant until = Instant.now().plus(deadline);
        while (Instant.now().isBefore(until)) {
            if (isHealthy()) {
                return;
            }
            if (supervisor.running(name()).isEmpty() && ownsProcess()) {
                throw failure("exited before becoming ready");
            }
            pause(Duration.ofMillis(500));
        }
        throw failure("not ready within " + deadline.toSeconds() + " s");
    }

    /** False for components whose process is not tracked by a PID file (e.g. PostgreSQL). */
    protected boolean ownsProcess() {
        return true;
    }

    protected StackException failure(String what) {
        String tail = ProcessSupervisor.tail(log(), 25);
        return new StackException(
                name(),
                what + "\n  last lines of its log:\n    " + tail.replace("\n", "\n    "),
                log(),
                "read the log above; `./soc down` then `./soc up` retries; SOCAAS_READY_TIMEOUT_SCALE=2 gives slow machines more time");
    }

    /** Stops the component if this launcher started it. */
    public boolean stop() {
        return supervisor.stop(name(), Duration.ofSeconds(20));
    }

    protected static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("launcher", "interrupted", null);
        }
    }

    protected String java() {
        return settings.javaExecutable().toString();
    }
}
